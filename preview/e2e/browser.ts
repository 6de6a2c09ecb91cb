/**
 * Launches Debian's Chromium through playwright-core with the flags CI uses and a fresh profile.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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

export interface Browser {
    context: BrowserContext;
    close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `${CHROMIUM} is missing: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`
        );
    }
    // A fresh --user-data-dir every run (Playwright passes it to Chromium as --user-data-dir).
    const userDataDir = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1440, height: 1000 }
    });
    return {
        context,
        async close() {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}
