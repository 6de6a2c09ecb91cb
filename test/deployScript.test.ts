/**
 * scripts/deploy.mjs (`npm run deploy`), run against a stand-in `sf` that keeps a small org state:
 * the flows ship as Draft, and --activate makes them active in dependency order (the send subflow
 * before the screen flow that calls it; the stamping flow on its own), reads each activation back,
 * and says what to do in Setup when one fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeSf, draftFlows, type FakeSf } from './support/fakeSf';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'deploy.mjs');
const FLOWS = join(ROOT, 'force-app', 'main', 'default', 'flows');

const SEND = 'MSC_Send_Messaging_Notification';
const START = 'MSC_Start_Messaging_Conversation';
const STAMP = 'MSC_MessagingSession_Stamp_Durations';

let dir: string;
let fake: FakeSf;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-script-'));
    fake = createFakeSf(dir, draftFlows());
});

afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
});

function run(
    args: string[],
    options: { failOn?: string; refuse?: string[] } = {}
): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: fake.env(options),
        timeout: 60_000
    });
    return {
        status: result.status,
        output: `${result.stdout}${result.stderr}`
    };
}

/** The flow each PATCH call activated, in call order. */
function activated(): string[] {
    const ids = Object.fromEntries(
        Object.entries(draftFlows()).map(([name, flow]) => [flow.id, name])
    );
    return fake
        .calls()
        .filter((call) => call.startsWith('api request rest'))
        .map((call) => ids[call.split(' ')[3]?.split('/').pop() ?? ''] ?? '?');
}

describe('npm run deploy', () => {
    it('deploys, then activates the send subflow, the screen flow and the stamping flow, in that order', () => {
        const { status, output } = run(['--target-org', 'prod', '--activate']);
        expect(status).toBe(0);
        const calls = fake.calls();
        expect(calls[0]).toBe(
            'project deploy start --source-dir force-app --target-org prod --wait 30'
        );
        expect(activated()).toEqual([SEND, START, STAMP]);
        const patch = calls.find((call) => call.startsWith('api request rest'));
        expect(patch).toBe(
            `api request rest /services/data/v66.0/tooling/sobjects/FlowDefinition/300000000000001AAA --method PATCH --body {"Metadata":{"activeVersionNumber":1}} --target-org prod`
        );
        expect(Object.values(fake.flows()).map((flow) => flow.active)).toEqual([
            1, 1, 1
        ]);
        expect(output).toContain(`${SEND}: version 1 is active.`);
        expect(output).toContain('deploy: done.');
    });

    it('does not activate the screen flow when the send subflow could not be activated, but still the stamping flow', () => {
        const { status, output } = run(['--target-org', 'prod', '--activate'], {
            refuse: [SEND]
        });
        expect(status).toBe(1);
        expect(activated()).toEqual([SEND, STAMP]);
        expect(fake.flows()[START]?.active).toBeNull();
        expect(fake.flows()[STAMP]?.active).toBe(1);
        expect(output).toContain(`${SEND}: NOT activated`);
        expect(output).toContain('refused by the fake org');
        expect(output).toContain(
            `${START}: NOT activated, because ${SEND} is not active`
        );
        expect(output).toContain('Setup > Process Automation > Flows');
    });

    it('leaves flows whose latest version is already active alone, and activates a newer version', () => {
        fake = createFakeSf(dir, {
            ...draftFlows(),
            [SEND]: { id: '300000000000001AAA', latest: 2, active: 2 },
            [STAMP]: { id: '300000000000003AAA', latest: 3, active: 2 }
        });
        const { status, output } = run([
            '--target-org',
            'sandbox',
            '--activate-only'
        ]);
        expect(status).toBe(0);
        expect(
            fake.calls().some((call) => call.startsWith('project deploy'))
        ).toBe(false);
        expect(activated()).toEqual([START, STAMP]);
        expect(output).toContain(`${SEND}: already active (version 2).`);
        expect(output).toContain(
            `${STAMP}: version 3 is active (was version 2).`
        );
    });

    it('without --activate, only deploys and says the flows are not active yet and how to activate them', () => {
        const { status, output } = run(['--target-org', 'prod']);
        expect(status).toBe(0);
        expect(fake.calls()).toEqual([
            'project deploy start --source-dir force-app --target-org prod --wait 30'
        ]);
        expect(output).toContain('The flows are not active yet');
        expect(output).toContain(
            'npm run deploy -- --activate-only --target-org prod'
        );
    });

    it('stops after a failed deploy without activating anything', () => {
        const { status, output } = run(['--target-org', 'prod', '--activate'], {
            failOn: 'project deploy start'
        });
        expect(status).toBe(1);
        expect(fake.calls()).toHaveLength(1);
        expect(output).toContain('FAILED at the deploy; nothing was activated');
    });

    it('reports a flow the org does not have (deploy first)', () => {
        fake = createFakeSf(dir, {});
        const { status, output } = run([
            '--target-org',
            'prod',
            '--activate-only'
        ]);
        expect(status).toBe(1);
        expect(output).toContain(`${SEND}: NOT found in the org`);
        expect(activated()).toEqual([]);
    });

    it('dry run prints the commands in order without running sf', () => {
        const { status, output } = run([
            '--target-org',
            'prod',
            '--activate',
            '--dry-run'
        ]);
        expect(status).toBe(0);
        expect(fake.calls()).toEqual([]);
        const order = [SEND, START, STAMP].map((name) =>
            output.indexOf(`<${name} definition id>`)
        );
        expect(order.every((index) => index > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it.each([
        [[], '--target-org is required'],
        [['--target-org'], '--target-org needs'],
        [['--target-org', 'x', '--bogus'], "unknown option '--bogus'"]
    ])('rejects %j with a clear message', (args, message) => {
        const { status, output } = run(args);
        expect(status).toBe(2);
        expect(output).toContain(message);
        expect(fake.calls()).toEqual([]);
    });
});

describe('every flow ships as Draft and is in the activation order', () => {
    const files = readdirSync(FLOWS).filter((file) =>
        file.endsWith('.flow-meta.xml')
    );

    it.each(files)('%s', (file) => {
        const xml = readFileSync(join(FLOWS, file), 'utf8');
        expect(xml).toMatch(/<status>Draft<\/status>/);
        const name = file.replace('.flow-meta.xml', '');
        const { output } = run([
            '--target-org',
            'x',
            '--activate-only',
            '--dry-run'
        ]);
        expect(output).toContain(`<${name} definition id>`);
    });
});
