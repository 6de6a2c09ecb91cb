/**
 * The committed .js beside every component .ts is exactly what `npm run build` produces from it.
 * scripts/check-build-sync.mjs compiles the sources with the repo's tsconfig into a temporary folder,
 * formats the output as the build does (the repo's Prettier config; files .prettierignore lists are
 * left as tsc wrote them, as the Prettier CLI does) and compares. It runs as a child Node process:
 * Prettier 3's API is ESM, which Jest's CommonJS runtime cannot import.
 *
 * Runs in Jest's default jsdom environment: the LWC preset's setup file needs DOM globals.
 */
import { spawnSync } from 'node:child_process';
import {
    appendFileSync,
    cpSync,
    mkdirSync,
    mkdtempSync,
    rmSync,
    symlinkSync,
    unlinkSync,
    existsSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const CHECK = join(ROOT, 'scripts', 'check-build-sync.mjs');
const MODEL = join(
    'force-app',
    'main',
    'default',
    'lwc',
    'messagingErrors',
    'messagingErrors'
);

type SyncResult = {
    checked: number;
    stale: string[];
    missing: string[];
    notEmitted: string[];
    tscStatus: number;
    tscOutput: string;
};

function check(root?: string): SyncResult {
    const args = [CHECK, '--json', ...(root ? ['--root', root] : [])];
    const result = spawnSync(process.execPath, args, {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024
    });
    if (result.error) throw result.error;
    if (!result.stdout.trim())
        throw new Error(
            `check-build-sync printed nothing (exit ${result.status}):\n${result.stderr}`
        );
    return JSON.parse(result.stdout) as SyncResult;
}

describe('committed JavaScript matches the TypeScript build', () => {
    it('has an up-to-date .js beside every component .ts', () => {
        const result = check();
        expect(result.checked).toBeGreaterThan(0);
        // Lists the stale files: run `npm run build` and commit the .js.
        expect({
            stale: result.stale,
            missing: result.missing,
            notEmitted: result.notEmitted
        }).toEqual({
            stale: [],
            missing: [],
            notEmitted: []
        });
    }, 120_000);

    it('reports a .js that was edited by hand and one that is missing', () => {
        const copy = mkdtempSync(join(tmpdir(), 'build-sync-copy-'));
        try {
            for (const file of [
                'tsconfig.json',
                '.prettierrc',
                '.prettierignore',
                '.gitignore'
            ]) {
                if (existsSync(join(ROOT, file)))
                    cpSync(join(ROOT, file), join(copy, file));
            }
            cpSync(join(ROOT, 'types'), join(copy, 'types'), {
                recursive: true
            });
            const modelDir = join(
                'force-app',
                'main',
                'default',
                'lwc',
                'messagingErrors'
            );
            mkdirSync(join(copy, modelDir), { recursive: true });
            mkdirSync(join(copy, 'scripts'));
            cpSync(
                join(ROOT, 'scripts', 'build.mjs'),
                join(copy, 'scripts', 'build.mjs')
            );
            cpSync(join(ROOT, `${MODEL}.ts`), join(copy, `${MODEL}.ts`));
            symlinkSync(
                join(ROOT, 'node_modules'),
                join(copy, 'node_modules'),
                'dir'
            );
            // The copy's .js comes from the real build script (so the checker must agree with it) ...
            const build = spawnSync(
                process.execPath,
                [join(copy, 'scripts', 'build.mjs')],
                { cwd: copy, encoding: 'utf8' }
            );
            if (build.status !== 0)
                throw new Error(
                    `build failed in the copy:\n${build.stdout}${build.stderr}`
                );
            expect(existsSync(join(copy, `${MODEL}.js`))).toBe(true);
            // ... and a second module's .js was never built.
            cpSync(
                join(ROOT, `${MODEL}.ts`),
                join(copy, modelDir, 'unbuilt.ts')
            );

            expect(check(copy)).toMatchObject({
                checked: 2,
                stale: [],
                missing: [join(modelDir, 'unbuilt.js')]
            });

            appendFileSync(join(copy, `${MODEL}.js`), '// edited by hand\n');
            unlinkSync(join(copy, modelDir, 'unbuilt.ts'));
            expect(check(copy)).toMatchObject({
                checked: 1,
                stale: [`${MODEL}.js`],
                missing: []
            });
        } finally {
            rmSync(copy, { recursive: true, force: true });
        }
    }, 120_000);
});
