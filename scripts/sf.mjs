#!/usr/bin/env node
// Runs the project's own Salesforce CLI (devDependency @salesforce/cli) under Node >= 22, which it
// requires, on any machine: scripts/node22.mjs supplies that Node when the machine's is older.
//   node scripts/sf.mjs <sf arguments>        e.g. node scripts/sf.mjs project convert source --help
// It runs in the current folder (sf looks for sfdx-project.json from there); `npm run sf -- ...` runs at the repo root.
// No telemetry, no auto-update or version checks, no OS keychain; the CLI's own plugin data, cache and
// config live under .cache/sf (org authorisations stay in ~/.sf and ~/.sfdx, as with a global `sf`).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node22 } from './node22.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SF_RUN = join(root, 'node_modules/@salesforce/cli/bin/run.js');

/** The environment sf runs with: the caller's, plus the quiet offline settings. */
export function sfEnv(extra = {}) {
    const state = join(root, '.cache/sf');
    for (const dir of ['data', 'cache', 'config'])
        mkdirSync(join(state, dir), { recursive: true });
    return {
        ...process.env,
        SF_DISABLE_TELEMETRY: 'true',
        SFDX_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SFDX_AUTOUPDATE_DISABLE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_HIDE_RELEASE_NOTES: 'true',
        SF_HIDE_RELEASE_NOTES_FOOTER: 'true',
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        // No ~/.sf/sf-<date>.log: the CLI's own log file is the only thing convert-type commands write in HOME.
        SF_DISABLE_LOG_FILE: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        // oclif's per-CLI folders (installed plugins, command cache, CLI config), kept with the project.
        SF_DATA_DIR: join(state, 'data'),
        SF_CACHE_DIR: join(state, 'cache'),
        SF_CONFIG_DIR: join(state, 'config'),
        ...extra
    };
}

/**
 * Runs sf with the given arguments and returns spawnSync's result.
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions & { env?: Record<string, string> }} [options]
 */
export function runSf(args, options = {}) {
    const { env, ...rest } = options;
    return spawnSync(node22(), [SF_RUN, ...args], {
        cwd: process.cwd(),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        ...rest,
        env: sfEnv(env)
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const result = runSf(process.argv.slice(2), { stdio: 'inherit' });
    if (result.error) {
        console.error(result.error.message);
        process.exit(1);
    }
    process.exit(result.status ?? 1);
}
