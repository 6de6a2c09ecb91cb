/**
 * Launches Debian's Chromium through playwright-core with the flags CI uses and a fresh profile.
 * A missing or broken Chromium fails fast with the command that installs it, never a hang.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'apt-get install -y chromium';
export const CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];
/** How long Chromium may take to start before the run gives up on it. */
export const LAUNCH_TIMEOUT_MS = 20_000;
/** How long `chromium --version` may take: a binary that can't answer that won't start a browser. */
const VERSION_TIMEOUT_MS = 10_000;
/** How long closing may take before the profile is removed anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

const howToFix = `install it with "${INSTALL_CHROMIUM}" (Debian/Ubuntu; .ci/run does this as root) or set CHROMIUM_PATH to a Chromium binary`;

/** Why `executable` can't be Chromium, or null when it exists and may be run. */
export function chromiumProblem(executable = CHROMIUM): string | null {
    try {
        if (!statSync(executable).isFile())
            return `Chromium is not a file at ${executable}: ${howToFix}.`;
        accessSync(executable, constants.X_OK);
        return null;
    } catch {
        return `Chromium is missing at ${executable}: ${howToFix}.`;
    }
}

/**
 * Why `executable` can't run, or null when `--version` answers. Checked before Playwright
 * launches it: a launch that times out leaves Playwright waiting on the process for half a minute.
 */
export function chromiumRunProblem(
    executable = CHROMIUM
): Promise<string | null> {
    return new Promise((resolve) => {
        const fail = (reason: string) =>
            resolve(
                `Chromium at ${executable} does not run (${reason}): ${howToFix}.`
            );
        // Its own process group: on a timeout, whatever it started goes too.
        const run = spawn(executable, ['--version'], {
            stdio: 'ignore',
            detached: true
        });
        const timer = setTimeout(() => {
            try {
                if (run.pid) process.kill(-run.pid, 'SIGKILL');
            } catch {
                // already gone
            }
            fail(
                `no answer to --version within ${VERSION_TIMEOUT_MS / 1000} s`
            );
        }, VERSION_TIMEOUT_MS);
        run.on('error', (error) => {
            clearTimeout(timer);
            fail(error.message);
        });
        run.on('exit', (code, signal) => {
            clearTimeout(timer);
            if (code === 0) resolve(null);
            else fail(`--version exited with ${code ?? signal}`);
        });
    });
}

export interface Browser {
    context: BrowserContext;
    close(): Promise<void>;
}

export async function launchBrowser(executable = CHROMIUM): Promise<Browser> {
    const problem =
        chromiumProblem(executable) ?? (await chromiumRunProblem(executable));
    if (problem) throw new Error(problem);
    // A fresh --user-data-dir every run (Playwright passes it to Chromium as --user-data-dir).
    const userDataDir = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
    const removeProfile = () =>
        rmSync(userDataDir, { recursive: true, force: true });
    let context: BrowserContext;
    try {
        context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: executable,
            headless: true,
            args: CHROMIUM_FLAGS,
            viewport: { width: 1440, height: 1000 },
            timeout: LAUNCH_TIMEOUT_MS
        });
    } catch (error) {
        removeProfile();
        const reason = (error instanceof Error ? error.message : String(error))
            .split('\n')[0]
            .slice(0, 300);
        throw new Error(
            `Chromium at ${executable} failed to start (${reason}): ${howToFix}.`
        );
    }
    let closing: Promise<void> | null = null;
    return {
        context,
        close() {
            closing ??= Promise.race([
                context.close(),
                new Promise<void>((done) =>
                    setTimeout(done, CLOSE_TIMEOUT_MS).unref()
                )
            ])
                .catch(() => undefined)
                .finally(removeProfile);
            return closing;
        }
    };
}
