#!/usr/bin/env node
// `npm test`: every check the project has, in one run, with one summary at the end.
//   1. type-check sources, tests and preview     4. Jest on the TypeScript sources (+ project checks)
//   2. ESLint                                      5. Jest again on the emitted JavaScript
//   3. Prettier --check                            6. Jest on the preview's data server
//                                                  7. Salesforce Code Analyzer (Recommended rules)
//                                                  8. end-to-end tests of the local preview in Chromium
// Every step runs even when an earlier one fails, so one run shows everything that is wrong.
// Pass step names to run only some: `npm test -- lint jest-ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const reportDir = join(root, '.cache/test-reports');
mkdirSync(reportDir, { recursive: true });

/** Jest writes its counts to a JSON report; the step's tests count in the summary. */
function jestStep(name, args, env = {}) {
    const report = join(reportDir, `${name}.json`);
    return {
        name,
        report,
        command: [bin('jest'), ...args, '--json', `--outputFile=${report}`],
        env,
        counts: () => {
            if (!existsSync(report)) return null;
            const result = JSON.parse(readFileSync(report, 'utf8'));
            return {
                passed: result.numPassedTests,
                failed: result.numFailedTests + result.numRuntimeErrorTestSuites
            };
        }
    };
}

const steps = [
    {
        name: 'typecheck',
        command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']
    },
    {
        name: 'typecheck-tests',
        command: [bin('tsc'), '-p', 'tsconfig.test.json']
    },
    {
        name: 'typecheck-preview',
        command: [bin('tsc'), '-p', 'preview/tsconfig.json']
    },
    { name: 'lint', command: [bin('eslint'), '.', '--max-warnings=0'] },
    {
        name: 'format',
        command: [bin('prettier'), '--check', '.', '--log-level', 'warn']
    },
    jestStep('jest-ts', []),
    jestStep('jest-js', ['force-app'], { LWC_TEST_SOURCE: 'js' }),
    // The preview data server runs in Node; its Jest config has no LWC preset.
    jestStep('jest-preview', ['-c', 'preview/server/jest.config.js']),
    {
        name: 'analyze',
        command: [process.execPath, 'scripts/analyze.mjs', '--quiet']
    }
];
if (existsSync(join(root, 'preview/e2e/run.ts'))) {
    // run.ts stops itself at E2E_TIMEOUT_MS (naming the test it was in); this is the backstop.
    const e2eLimit = Number(process.env.E2E_TIMEOUT_MS || 600_000) + 120_000;
    const e2eReport = join(reportDir, 'e2e.json');
    steps.push({
        name: 'e2e',
        report: e2eReport,
        command: [bin('tsx'), 'preview/e2e/run.ts'],
        timeoutMs: e2eLimit,
        counts: () =>
            existsSync(e2eReport)
                ? JSON.parse(readFileSync(e2eReport, 'utf8'))
                : null
    });
}

const only = process.argv.slice(2);
const selected = only.length
    ? steps.filter((step) => only.includes(step.name))
    : steps;
if (only.length && selected.length !== only.length) {
    console.error(
        `Unknown step. Steps: ${steps.map((step) => step.name).join(', ')}`
    );
    process.exit(2);
}

const results = [];
for (const step of selected) {
    console.log(
        `\n=== ${step.name}: ${step.command.map((part) => part.replace(root, '')).join(' ')}`
    );
    const started = Date.now();
    // A report left by an earlier run must not stand in for this one.
    if (step.report) rmSync(step.report, { force: true });
    const run = spawnSync(step.command[0], step.command.slice(1), {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, ...step.env },
        timeout: step.timeoutMs,
        killSignal: 'SIGKILL'
    });
    const timedOut = run.error?.code === 'ETIMEDOUT';
    if (timedOut)
        console.error(
            `${step.name}: stopped after its time limit of ${step.timeoutMs / 1000} s`
        );
    const ok = run.status === 0;
    const counts = step.counts?.() ?? null;
    results.push({
        name: step.name,
        ok,
        timedOut,
        seconds: (Date.now() - started) / 1000,
        counts
    });
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
for (const { name, ok, timedOut, seconds, counts } of results) {
    // A step with test counts adds its tests; a check without them counts as one.
    const stepPassed = counts ? counts.passed : ok ? 1 : 0;
    const stepFailed = counts
        ? Math.max(counts.failed, ok ? 0 : 1)
        : ok
          ? 0
          : 1;
    passed += stepPassed;
    failed += stepFailed;
    const detail = timedOut
        ? 'TIMED OUT'
        : counts
          ? `${counts.passed} passed, ${counts.failed} failed`
          : ok
            ? 'clean'
            : 'FAILED';
    console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(16)} ${detail.padEnd(28)} ${seconds.toFixed(1)}s`
    );
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((result) => result.ok) ? 0 : 1);
