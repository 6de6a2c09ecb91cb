/**
 * Runs the end-to-end tests (node:test) and ends with one summary line:
 *   npx tsx preview/e2e/run.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;
const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
const started = Date.now();
const result = spawnSync(
    process.execPath,
    [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        ...files
    ],
    {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' }
    }
);
process.stdout.write(result.stdout ?? '');
const count = (name: string): number =>
    Number(new RegExp(`ℹ ${name} (\\d+)`).exec(result.stdout ?? '')?.[1] ?? 0);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
    `e2e: ${count('pass')} passed, ${count('fail')} failed, ${count('tests')} total in ${seconds}s (Chromium ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'})`
);
// npm test (scripts/test-all.mjs) adds these counts to its summary.
const reportDir = join(dir, '..', '..', '.cache', 'test-reports');
mkdirSync(reportDir, { recursive: true });
writeFileSync(
    join(reportDir, 'e2e.json'),
    JSON.stringify({ passed: count('pass'), failed: count('fail') })
);
process.exit(result.status ?? 1);
