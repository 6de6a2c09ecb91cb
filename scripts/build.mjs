#!/usr/bin/env node
// Compiles the components' TypeScript into the JavaScript that deploys, then formats it with
// Prettier so the committed .js reads like hand-written code. `npm test` checks that the
// committed .js is exactly what this produces.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lwcDir = join(root, 'force-app/main/default/lwc');

function emittedFiles(dir) {
    const files = [];
    for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (name === '__tests__' || name === 'node_modules') continue;
        if (statSync(full).isDirectory()) files.push(...emittedFiles(full));
        else if (name.endsWith('.ts') && !name.endsWith('.d.ts'))
            files.push(full.replace(/\.ts$/, '.js'));
    }
    return files;
}

const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('tsc'), ['-p', join(root, 'tsconfig.json')], {
    stdio: 'inherit',
    cwd: root
});
const files = emittedFiles(lwcDir).map((file) => relative(root, file));
if (files.length) {
    execFileSync(
        bin('prettier'),
        ['--write', '--log-level', 'warn', ...files],
        { stdio: 'inherit', cwd: root }
    );
}
console.log(
    `build: compiled ${files.length} TypeScript module(s) to JavaScript`
);
