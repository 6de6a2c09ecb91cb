/**
 * scripts/create-scratch-org.sh, run with a stand-in `sf` (SF_COMMAND) that records its arguments and
 * fails on demand: the steps run in order with the right commands, and a failing step stops the script
 * with a message naming that step.
 */
import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'scripts', 'create-scratch-org.sh');

let dir: string;
let fakeSf: string;
let callLog: string;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'create-scratch-org-'));
    fakeSf = join(dir, 'sf');
    callLog = join(dir, 'calls.log');
    // Logs each call's arguments; exits 1 when they start with $FAIL_ON.
    writeFileSync(
        fakeSf,
        `#!/usr/bin/env bash\necho "$*" >> "${callLog}"\nif [[ -n "\${FAIL_ON:-}" && "$*" == "\${FAIL_ON}"* ]]; then echo "fake sf: refused" >&2; exit 1; fi\n`
    );
    chmodSync(fakeSf, 0o755);
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
        env: {
            ...process.env,
            SF_COMMAND: fakeSf,
            FAIL_ON: failOn,
            SF_TARGET_DEV_HUB: ''
        }
    });
    let calls: string[] = [];
    try {
        calls = readFileSync(callLog, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean);
    } catch {
        calls = [];
    }
    return {
        status: result.status,
        output: `${result.stdout}${result.stderr}`,
        calls
    };
}

describe('create-scratch-org.sh', () => {
    it('creates, deploys, assigns both permission sets, loads data and opens the app, in order', () => {
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
            'org assign permset --name MSC_Messaging_Console_Agent --name MSC_Messaging_Console_Supervisor --target-org msc-test',
            'data import tree --plan data/sample/messaging-plan.json --target-org msc-test',
            'org open --target-org msc-test --path lightning/app/c__Messaging_Console'
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
            'org open --target-org messaging-console --path lightning/app/c__Messaging_Console --url-only'
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
