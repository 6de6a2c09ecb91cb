/**
 * Runs the end-to-end tests (node:test) and ends with one summary line:
 *   npx tsx preview/e2e/run.ts
 *
 * It never waits forever: without Chromium it fails at once with the command that installs it;
 * each test has a time limit (E2E_TEST_TIMEOUT_MS, default 3 min) and the whole run another
 * (E2E_TIMEOUT_MS, default 10 min), past which the run is stopped and the test it was in is named.
 */
import { spawn } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumProblem, chromiumRunProblem } from './browser';

const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 180_000);
const RUN_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 600_000);

const dir = __dirname;
// npm test (scripts/test-all.mjs) adds these counts to its summary.
const reportDir = join(dir, '..', '..', '.cache', 'test-reports');
mkdirSync(reportDir, { recursive: true });
const started = Date.now();

function finish(
    passed: number,
    failed: number,
    total: number,
    note = ''
): never {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
        `e2e: ${passed} passed, ${failed} failed, ${total} total in ${seconds}s (Chromium ${CHROMIUM})${note ? ` ${note}` : ''}`
    );
    writeFileSync(
        join(reportDir, 'e2e.json'),
        JSON.stringify({ passed, failed })
    );
    process.exit(failed === 0 ? 0 : 1);
}

/** Runs the test files in a child process under the time limits. */
function runTests(): void {
    const progressDir = mkdtempSync(join(tmpdir(), 'preview-e2e-run-'));
    const progressFile = join(progressDir, 'progress');
    const files = readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join(dir, f));
    // Its own process group, so that the time limit stops Chromium and the server with it.
    const child = spawn(
        process.execPath,
        [
            '--import',
            'tsx',
            '--test',
            '--test-concurrency=1',
            `--test-timeout=${TEST_TIMEOUT_MS}`,
            '--test-reporter=spec',
            ...files
        ],
        {
            stdio: ['ignore', 'pipe', 'inherit'],
            detached: true,
            env: { ...process.env, TZ: 'UTC', E2E_PROGRESS_FILE: progressFile }
        }
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
        output += chunk;
        process.stdout.write(chunk);
    });

    const signalGroup = (signal: NodeJS.Signals) => {
        try {
            if (child.pid) process.kill(-child.pid, signal);
        } catch {
            // already gone
        }
    };
    // SIGTERM first: Playwright closes Chromium (its own process group) on it; then SIGKILL.
    const stopGroup = (): Promise<void> => {
        signalGroup('SIGTERM');
        return new Promise((done) =>
            setTimeout(() => {
                signalGroup('SIGKILL');
                done();
            }, 5_000)
        );
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.on(signal, () => {
            void stopGroup().then(() => process.exit(130));
        });

    let timedOutIn: string | null = null;
    const limit = setTimeout(() => {
        timedOutIn = existsSync(progressFile)
            ? readFileSync(progressFile, 'utf8')
            : 'starting the test runner';
        console.error(
            `e2e: stopped after the run's time limit of ${RUN_TIMEOUT_MS / 1000} s (E2E_TIMEOUT_MS), in ${timedOutIn}`
        );
        void stopGroup();
    }, RUN_TIMEOUT_MS);

    child.on('close', (code) => {
        clearTimeout(limit);
        rmSync(progressDir, { recursive: true, force: true });
        // Without the closing summary (the run was stopped), the tests that finished are counted.
        const finished = (mark: string): number =>
            output.match(new RegExp(`^\\s*${mark} `, 'gm'))?.length ?? 0;
        const count = (name: string): number => {
            const summary = new RegExp(`ℹ ${name} (\\d+)`).exec(output)?.[1];
            if (summary !== undefined) return Number(summary);
            return name === 'pass'
                ? finished('✔')
                : name === 'fail'
                  ? finished('✖')
                  : 0;
        };
        // Tests a failed hook cancelled count as failed; so does a run that failed without a count.
        const reported = count('fail') + count('cancelled');
        const failed =
            reported +
            (timedOutIn !== null || (code !== 0 && reported === 0) ? 1 : 0);
        finish(
            count('pass'),
            failed,
            Math.max(count('tests'), count('pass') + failed),
            timedOutIn !== null ? `— timed out in ${timedOutIn}` : ''
        );
    });
}

async function main(): Promise<void> {
    const problem = chromiumProblem() ?? (await chromiumRunProblem());
    if (problem) {
        console.error(`e2e: ${problem}`);
        finish(0, 1, 1, '— not run');
    }
    runTests();
}

void main();
