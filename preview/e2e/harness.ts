/**
 * Shared set-up of the end-to-end tests: a temporary sample org (2,000 sessions), the preview
 * server on an ephemeral port with the console page, and Chromium with a fresh profile. Whatever
 * was opened is closed again on every path, so a failure can never leave the run waiting.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach } from 'node:test';
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

/**
 * Tells preview/e2e/run.ts what is running, so that past the run's time limit it can name the
 * test it stopped in (node:test reports a test only once it ends).
 */
export function reportProgress(what: string): void {
    const file = process.env.E2E_PROGRESS_FILE;
    if (file) writeFileSync(file, what);
}

if (process.env.E2E_PROGRESS_FILE)
    beforeEach((t) => reportProgress(`test "${t.name}"`));

export async function openHarness(): Promise<Harness> {
    const cleanups: Array<() => unknown> = [];
    let closed: Promise<void> | null = null;
    const close = (): Promise<void> =>
        (closed ??= (async () => {
            for (const cleanup of cleanups.reverse()) {
                try {
                    await cleanup();
                } catch (error) {
                    console.error('e2e cleanup:', error);
                }
            }
        })());
    try {
        // Chromium first: when it is missing or broken the run says so at once, before bundling or seeding.
        reportProgress('setting up: starting Chromium');
        const browser = await launchBrowser();
        cleanups.push(() => browser.close());
        reportProgress('setting up: bundling the components');
        await bundleIfNeeded();
        const dir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        const page: PageConfig = {
            userId: CURRENT_USER_ID,
            userName: null,
            mode: 'sample'
        };
        reportProgress('setting up: seeding the sample org');
        const server = await startPreviewServer({
            port: 0,
            host: '127.0.0.1',
            dbPath: join(dir, 'org.sqlite'),
            sessions: E2E_SESSIONS,
            staticHandler: createStaticHandler(() => page)
        });
        cleanups.push(() => server.close());
        const db = new Database(server.dbPath, {
            readonly: true,
            fileMustExist: true
        });
        cleanups.push(() => db.close());
        page.userName =
            (
                db
                    .prepare('SELECT Name AS name FROM User WHERE Id = ?')
                    .get(CURRENT_USER_ID) as { name: string } | undefined
            )?.name ?? null;
        const tab =
            browser.context.pages()[0] ?? (await browser.context.newPage());
        reportProgress('setting up: done');
        return {
            server,
            db,
            browser,
            page: tab,
            userId: CURRENT_USER_ID,
            close
        };
    } catch (error) {
        await close();
        throw error;
    }
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
