/**
 * Runs the end-to-end tests (node:test) and ends with one summary line:
 *   npx tsx preview/e2e/run.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
process.exit(result.status ?? 1);
