#!/usr/bin/env node
// Checks that every component's committed .js is exactly what `npm run build` (scripts/build.mjs)
// would produce from its .ts: compiles all sources with the repo's tsconfig into a temporary folder,
// formats each emitted file the way the build's `prettier --write` does (the repo's Prettier config,
// and files that .prettierignore lists are left as tsc wrote them, as the Prettier CLI does), and
// compares it with the .js beside the .ts. Nothing in the repo is written.
//
// Exits 1 and lists the stale or missing files; with --json prints the result as JSON;
// --root <dir> checks another copy of the project (the test uses it on a deliberately stale copy).
import { spawnSync } from 'node:child_process';
import {
    existsSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every component TypeScript source (not tests, not declarations) under dir, as absolute paths. */
export function componentSources(dir) {
    const files = [];
    if (!existsSync(dir)) return files;
    for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (
            name === '__tests__' ||
            name === '__mocks__' ||
            name === 'node_modules'
        )
            continue;
        if (statSync(full).isDirectory()) files.push(...componentSources(full));
        else if (
            name.endsWith('.ts') &&
            !name.endsWith('.d.ts') &&
            !name.endsWith('.test.ts')
        )
            files.push(full);
    }
    return files.sort();
}

async function formatLikeTheBuild(root, repoFile, code) {
    const info = await prettier.getFileInfo(repoFile, {
        ignorePath: [join(root, '.prettierignore'), join(root, '.gitignore')]
    });
    if (info.ignored) return code;
    const options =
        (await prettier.resolveConfig(repoFile, { editorconfig: true })) ?? {};
    return prettier.format(code, { ...options, filepath: repoFile });
}

/** @param {{ root?: string }} [options] root: the project to check (default: this repo) */
export async function checkBuildSync({ root = repoRoot } = {}) {
    const sources = componentSources(join(root, 'force-app/main/default/lwc'));
    const outDir = mkdtempSync(join(tmpdir(), 'build-sync-'));
    try {
        const tsc = spawnSync(
            process.execPath,
            [
                join(root, 'node_modules/typescript/bin/tsc'),
                '-p',
                join(root, 'tsconfig.json'),
                '--outDir',
                outDir,
                '--rootDir',
                root,
                '--noEmit',
                'false'
            ],
            { cwd: root, encoding: 'utf8' }
        );
        const stale = [];
        const missing = [];
        const notEmitted = [];
        for (const source of sources) {
            const rel = relative(root, source);
            const committed = source.replace(/\.ts$/, '.js');
            const emitted = join(outDir, rel.replace(/\.ts$/, '.js'));
            if (!existsSync(emitted)) {
                notEmitted.push(rel);
                continue;
            }
            if (!existsSync(committed)) {
                missing.push(relative(root, committed));
                continue;
            }
            const expected = await formatLikeTheBuild(
                root,
                committed,
                readFileSync(emitted, 'utf8')
            );
            if (readFileSync(committed, 'utf8') !== expected)
                stale.push(relative(root, committed));
        }
        return {
            checked: sources.length,
            stale,
            missing,
            notEmitted,
            tscStatus: tsc.status,
            tscOutput: `${tsc.stdout ?? ''}${tsc.stderr ?? ''}`.trim()
        };
    } finally {
        rmSync(outDir, { recursive: true, force: true });
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const rootArg = process.argv.indexOf('--root');
    const result = await checkBuildSync(
        rootArg > 0 ? { root: process.argv[rootArg + 1] } : {}
    );
    const ok =
        result.stale.length === 0 &&
        result.missing.length === 0 &&
        result.notEmitted.length === 0;
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        if (result.tscStatus !== 0)
            console.error(
                `tsc reported problems (exit ${result.tscStatus}):\n${result.tscOutput}\n`
            );
        for (const file of result.stale)
            console.error(
                `stale: ${file} differs from what npm run build emits`
            );
        for (const file of result.missing)
            console.error(`missing: ${file} (npm run build emits it)`);
        for (const file of result.notEmitted)
            console.error(
                `not compiled: ${file} (is it in tsconfig.json "include"?)`
            );
        console.log(
            ok
                ? `build-sync: ${result.checked} component module(s) match npm run build`
                : 'build-sync: run `npm run build` and commit the .js'
        );
    }
    process.exitCode = ok ? 0 : 1;
}
