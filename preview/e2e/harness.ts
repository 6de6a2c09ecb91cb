/**
 * Shared set-up of the end-to-end tests: a temporary sample org (2,000 sessions), the preview
 * server on an ephemeral port with the console page, and Chromium with a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { bundleIfNeeded } from '../start';
import { createStaticHandler, type PageConfig } from '../serve';
import { startPreviewServer, type PreviewServer } from '../server/server';
import { CURRENT_USER_ID } from '../server/seed';
import { launchBrowser, type Browser } from './browser';

export interface Harness {
    server: PreviewServer;
    /** An independent read-only connection to the test database. */
    db: Database.Database;
    browser: Browser;
    page: Page;
    userId: string;
    close(): Promise<void>;
}

export const E2E_SESSIONS = Number(process.env.E2E_SESSIONS || 2000);

export async function openHarness(): Promise<Harness> {
    await bundleIfNeeded();
    const dir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
    const page: PageConfig = {
        userId: CURRENT_USER_ID,
        userName: null,
        mode: 'sample'
    };
    const server = await startPreviewServer({
        port: 0,
        host: '127.0.0.1',
        dbPath: join(dir, 'org.sqlite'),
        sessions: E2E_SESSIONS,
        staticHandler: createStaticHandler(() => page)
    });
    const db = new Database(server.dbPath, {
        readonly: true,
        fileMustExist: true
    });
    page.userName =
        (
            db
                .prepare('SELECT Name AS name FROM User WHERE Id = ?')
                .get(CURRENT_USER_ID) as { name: string } | undefined
        )?.name ?? null;
    const browser = await launchBrowser();
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    return {
        server,
        db,
        browser,
        page: tab,
        userId: CURRENT_USER_ID,
        async close() {
            await browser.close();
            db.close();
            await server.close();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

/** Polls until `read` gives a value `done` accepts; returns the last value either way (the test asserts on it). */
export async function settle<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs = 10_000
): Promise<T> {
    const until = Date.now() + timeoutMs;
    let value = await read();
    while (!done(value) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        value = await read();
    }
    return value;
}

export function sameSet(a: string[], b: string[]): boolean {
    return (
        a.length === b.length && [...a].sort().join() === [...b].sort().join()
    );
}
