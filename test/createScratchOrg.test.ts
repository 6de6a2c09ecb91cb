/**
 * scripts/create-scratch-org.sh, run with a stand-in `sf` (SF_COMMAND, test/support/fakeSf.ts) that
 * records its arguments, keeps the org's flows and fails on demand: the steps run in order with the
 * right commands (the Messaging licence before the permission sets, the flows activated after them),
 * and a failing step stops the script with a message naming that step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeSf, draftFlows, type FakeSf } from './support/fakeSf';

const SCRIPT = join(__dirname, '..', 'scripts', 'create-scratch-org.sh');

let dir: string;
let fake: FakeSf;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'create-scratch-org-'));
    fake = createFakeSf(dir, draftFlows());
});

afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
});

function run(
    args: string[],
    failOn = ''
): { status: number | null; output: string; calls: string[] } {
    const result = spawnSync('bash', [SCRIPT, ...args], {
        encoding: 'utf8',
        env: { ...fake.env({ failOn }), SF_TARGET_DEV_HUB: '' },
        timeout: 120_000
    });
    return {
        status: result.status,
        output: `${result.stdout}${result.stderr}`,
        calls: fake.calls()
    };
}

/** The sf calls the flow activation makes: one read, then per flow an activation and a read-back. */
function activation(alias: string): string[] {
    const query = (names: string[]): string =>
        `data query --use-tooling-api --json --target-org ${alias} --query SELECT Id, DeveloperName, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition WHERE DeveloperName IN (${names.map((n) => `'${n}'`).join(', ')})`;
    const flows = Object.entries(draftFlows());
    return [
        query(flows.map(([name]) => name)),
        ...flows.flatMap(([name, flow]) => [
            `api request rest /services/data/v66.0/tooling/sobjects/FlowDefinition/${flow.id} --method PATCH --body {"Metadata":{"activeVersionNumber":1}} --target-org ${alias}`,
            query([name])
        ])
    ];
}

describe('create-scratch-org.sh', () => {
    it('creates, deploys, assigns the Messaging licence then both permission sets, activates the flows, loads data and opens the app, in order', () => {
        const { status, calls, output } = run([
            '--alias',
            'msc-test',
            '--days',
            '3',
            '--dev-hub',
            'hub',
            '--with-sample-data'
        ]);
        expect(status).toBe(0);
        expect(calls).toEqual([
            '--version',
            'org create scratch --definition-file config/project-scratch-def.json --alias msc-test --duration-days 3 --set-default --wait 20 --target-dev-hub hub',
            'project deploy start --source-dir force-app --target-org msc-test --wait 30',
            'org assign permsetlicense --name LiveMessageUserPsl --target-org msc-test',
            'org assign permset --name MSC_Messaging_Console_Agent --name MSC_Messaging_Console_Supervisor --target-org msc-test',
            ...activation('msc-test'),
            'data import tree --plan data/sample/messaging-plan.json --target-org msc-test',
            'org open --target-org msc-test --path lightning/app/c__MSC_Messaging_Console'
        ]);
        expect(Object.values(fake.flows()).map((flow) => flow.active)).toEqual([
            1, 1, 1
        ]);
        expect(output).toContain("scratch org 'msc-test' is ready");
    });

    it('skips the sample data unless asked, and only prints the URL with --no-open', () => {
        const { status, calls } = run(['--no-open']);
        expect(status).toBe(0);
        expect(calls.some((call) => call.startsWith('data import'))).toBe(
            false
        );
        expect(calls[calls.length - 1]).toBe(
            'org open --target-org messaging-console --path lightning/app/c__MSC_Messaging_Console --url-only'
        );
        expect(calls[1]).not.toContain('--target-dev-hub');
    });

    it('stops at a failing step and names it', () => {
        const { status, calls, output } = run([], 'project deploy start');
        expect(status).toBe(1);
        expect(output).toContain(
            "FAILED at step 'Deploying force-app to 'messaging-console''"
        );
        expect(output).toContain('Hint:');
        // Nothing after the deploy ran.
        expect(
            calls.some((call) => call.startsWith('org assign permset'))
        ).toBe(false);
        expect(output).not.toContain('is ready');
    });

    it('takes another Messaging licence name, and stops before the permission sets when the licence is refused', () => {
        const { calls } = run([
            '--license',
            'EmbeddedServiceMessagingUserPsl',
            '--no-open'
        ]);
        expect(calls).toContain(
            'org assign permsetlicense --name EmbeddedServiceMessagingUserPsl --target-org messaging-console'
        );
        fake = createFakeSf(dir, draftFlows());
        const refused = run([], 'org assign permsetlicense');
        expect(refused.status).toBe(1);
        expect(refused.output).toContain(
            "FAILED at step 'Assigning the Messaging permission set license"
        );
        expect(
            refused.calls.filter((call) =>
                call.startsWith('org assign permset ')
            )
        ).toEqual([]);
    });

    it('stops when a flow cannot be activated, with the Setup steps', () => {
        fake = createFakeSf(dir, {});
        const { status, output } = run([]);
        expect(status).toBe(1);
        expect(output).toContain("FAILED at step 'Activating the flows");
        expect(output).toContain('Setup > Process Automation > Flows');
        expect(output).not.toContain('is ready');
    });

    it('names the scratch-org step when the Dev Hub refuses', () => {
        const { status, output, calls } = run([], 'org create scratch');
        expect(status).toBe(1);
        expect(output).toContain("FAILED at step 'Creating scratch org");
        expect(output).toContain('Dev Hub');
        expect(calls).toHaveLength(2);
    });

    it('dry run prints the commands without running sf', () => {
        const { status, calls, output } = run([
            '--dry-run',
            '--with-sample-data'
        ]);
        expect(status).toBe(0);
        expect(calls).toEqual([]);
        expect(output).toContain(
            '$ sf project deploy start --source-dir force-app'
        );
    });

    it('rejects unknown options', () => {
        const { status, output } = run(['--bogus']);
        expect(status).toBe(2);
        expect(output).toContain("unknown option '--bogus'");
    });
});
