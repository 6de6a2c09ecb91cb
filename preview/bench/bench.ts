/**
 * `npm run bench`: measures the preview console and writes reports/bench.json. Not a test.
 *
 *  - network requests per console load, per component (target: one each, none duplicated);
 *  - time from data to rendered rows, 200 and 2,000 sessions, against a bare lightning-datatable
 *    given the same rows in the same run (ratio);
 *  - metrics panel refresh at 10,000 and 1,000,000 seeded sessions: client and server time;
 *  - size of each component's compiled JavaScript and of the whole preview bundle;
 *  - `npm start` cold and warm start time.
 *
 *   npx tsx preview/bench/bench.ts [--skip-million] [--skip-start]
 */
import { spawn } from 'node:child_process';
import {
    mkdirSync,
    mkdtempSync,
    readdirSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { DIST_DIR, LWC_DIR, projectComponents, ROOT } from '../build/bundle';
import { createStaticHandler } from '../serve';
import { bundleIfNeeded } from '../start';
import { startPreviewServer, type PreviewServer } from '../server/server';
import { CURRENT_USER_ID } from '../server/seed';
import { launchBrowser, type Browser } from '../e2e/browser';

const args = new Set(process.argv.slice(2));
const DATA = join(ROOT, 'preview/.data');
const tmp = mkdtempSync(join(tmpdir(), 'preview-bench-'));

interface LogEntry {
    method: string;
    url: string;
    component: string;
    at: number;
    doneAt?: number;
    serverMs?: number;
    body?: string;
}

async function serve(dbPath: string, sessions: number): Promise<PreviewServer> {
    return startPreviewServer({
        port: 0,
        host: '127.0.0.1',
        dbPath,
        sessions,
        staticHandler: createStaticHandler(() => ({
            userId: CURRENT_USER_ID,
            userName: null,
            mode: 'sample'
        }))
    });
}

async function openConsole(browser: Browser, url: string): Promise<Page> {
    const page = await browser.context.newPage();
    // tsx (esbuild keepNames) wraps named functions in __name(); the functions passed to evaluate need it too.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.goto(url);
    await page
        .locator('#panel-home c-messaging-session-list li[data-id]')
        .first()
        .waitFor({ timeout: 60_000 });
    await page
        .locator('#panel-home c-agent-metrics-panel tr[data-owner]')
        .first()
        .waitFor({ timeout: 60_000 });
    return page;
}

const requestLog = (page: Page): Promise<LogEntry[]> =>
    page.evaluate(() =>
        (
            window as unknown as { __PREVIEW_REQUESTS__: LogEntry[] }
        ).__PREVIEW_REQUESTS__.slice()
    );

// ---------------------------------------------------------------------------------------------

async function requestsPerLoad(browser: Browser, server: PreviewServer) {
    await fetch(`${server.url}/__preview/requests`, { method: 'DELETE' });
    const page = await openConsole(browser, server.url);
    await page.waitForTimeout(3000);
    const log = await requestLog(page);
    const serverLog = (await (
        await fetch(`${server.url}/__preview/requests`)
    ).json()) as Array<{ method: string; path: string }>;
    await page.close();
    const perComponent: Record<
        string,
        { requests: number; duplicates: number }
    > = {};
    const seen = new Map<string, number>();
    for (const r of log) {
        const key = `${r.method} ${r.url} ${r.body ?? ''}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        const c = (perComponent[r.component || '(page)'] ??= {
            requests: 0,
            duplicates: 0
        });
        c.requests++;
        if ((seen.get(key) ?? 0) > 1) c.duplicates++;
    }
    const apiRequests = serverLog.filter((r) =>
        r.path.startsWith('/services/')
    ).length;
    return { perComponent, total: log.length, serverApiRequests: apiRequests };
}

async function dataToRows(
    browser: Browser,
    server: PreviewServer,
    sessions: number
) {
    const page = await openConsole(browser, server.url);
    const db = new Database(server.dbPath, { readonly: true });
    const pageSize = 200;
    const list = await page.evaluate(
        async ({ total, pageSize }) => {
            const w = window as unknown as {
                __PREVIEW__: { mount(n: string, p: object): void };
                __PREVIEW_REQUESTS__: Array<{
                    component: string;
                    method: string;
                    at: number;
                    doneAt?: number;
                }>;
            };
            const start = w.__PREVIEW_REQUESTS__.length;
            w.__PREVIEW__.mount('messagingSessionList', {
                pageSize,
                defaultOwner: 'all',
                refreshInterval: 0
            });
            const el = document.querySelector(
                '#bench-area c-messaging-session-list'
            ) as HTMLElement & { shadowRoot: ShadowRoot };
            const rows = (): number =>
                el.shadowRoot.querySelectorAll('li[data-id]').length;
            const marks: Array<{ rows: number; at: number }> = [];
            let target = Math.min(pageSize, total);
            const deadline = performance.now() + 120_000;
            while (performance.now() < deadline) {
                await new Promise((r) => requestAnimationFrame(r));
                if (rows() >= target) {
                    marks.push({ rows: rows(), at: performance.now() });
                    if (target >= total) break;
                    target = Math.min(target + pageSize, total);
                    (
                        el.shadowRoot.querySelector('.load-more') as HTMLElement
                    ).click();
                }
            }
            const reqs = w.__PREVIEW_REQUESTS__
                .slice(start)
                .filter(
                    (r) =>
                        r.component === 'c-messaging-session-list' &&
                        r.method === 'POST'
                );
            return {
                marks,
                reqs: reqs.map((r) => ({ at: r.at, doneAt: r.doneAt ?? r.at }))
            };
        },
        { total: sessions, pageSize }
    );
    const perPage = list.marks.map(
        (m, i) => m.at - (list.reqs[i]?.doneAt ?? m.at)
    );
    const rows = db
        .prepare(
            `SELECT s.Id, s.Name, s.Status, s.ChannelType, s.ChannelName, s.StartTime, s.PreviewDetails, o.Name AS Owner, u.Name AS EndUser
                 FROM MessagingSession s LEFT JOIN User o ON o.Id = s.OwnerId LEFT JOIN MessagingEndUser u ON u.Id = s.MessagingEndUserId
                 ORDER BY s.StartTime IS NULL, s.StartTime DESC LIMIT ?`
        )
        .all(sessions) as Array<Record<string, unknown>>;
    db.close();
    const columns = [
        { label: 'Name', fieldName: 'Name' },
        { label: 'Status', fieldName: 'Status' },
        { label: 'Channel', fieldName: 'ChannelType' },
        { label: 'Channel name', fieldName: 'ChannelName' },
        { label: 'Messaging user', fieldName: 'EndUser' },
        { label: 'Owner', fieldName: 'Owner' },
        { label: 'Start', fieldName: 'StartTime', type: 'date' },
        { label: 'Preview', fieldName: 'PreviewDetails' }
    ];
    const bare = await page.evaluate(
        ({ columns, rows }) =>
            (
                window as unknown as {
                    __PREVIEW__: {
                        renderBareTable(
                            c: unknown[],
                            r: unknown[]
                        ): Promise<number>;
                    };
                }
            ).__PREVIEW__.renderBareTable(columns, rows),
        { columns, rows }
    );
    await page.close();
    const listMs = perPage.reduce((a, b) => a + b, 0);
    return {
        sessions,
        rows: list.marks[list.marks.length - 1]?.rows ?? 0,
        pages: list.marks.length,
        listMs: round(listMs),
        listPerPageMs: perPage.map(round),
        bareDatatableMs: round(bare),
        ratio: round(listMs / bare, 2)
    };
}

async function metricsRefresh(
    browser: Browser,
    server: PreviewServer,
    sessions: number
) {
    const page = await openConsole(browser, server.url);
    const runs: Array<{ clientMs: number; serverMs: number }> = [];
    for (let i = 0; i < 3; i++) {
        const result = await page.evaluate(async () => {
            const w = window as unknown as {
                __PREVIEW_REQUESTS__: Array<{
                    component: string;
                    at: number;
                    doneAt?: number;
                    serverMs?: number;
                }>;
            };
            const host = document.querySelector(
                '#panel-home c-agent-metrics-panel'
            ) as HTMLElement & { shadowRoot: ShadowRoot };
            const start = w.__PREVIEW_REQUESTS__.length;
            const clicked = performance.now();
            (
                host.shadowRoot.querySelector(
                    '[data-id="refresh"]'
                ) as HTMLElement
            ).click();
            const deadline = clicked + 120_000;
            let entry: { doneAt?: number; serverMs?: number } | undefined;
            while (performance.now() < deadline) {
                await new Promise((r) => setTimeout(r, 5));
                entry = w.__PREVIEW_REQUESTS__
                    .slice(start)
                    .find(
                        (r) =>
                            r.component === 'c-agent-metrics-panel' &&
                            r.doneAt !== undefined
                    );
                if (entry) break;
            }
            // Rendered: two frames after the data arrived.
            await new Promise((r) =>
                requestAnimationFrame(() => requestAnimationFrame(r))
            );
            return {
                clientMs: performance.now() - clicked,
                serverMs: entry?.serverMs ?? NaN
            };
        });
        runs.push(result);
    }
    await page.close();
    const median = (xs: number[]): number =>
        [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
        sessions,
        clientMs: round(median(runs.map((r) => r.clientMs))),
        serverMs: round(median(runs.map((r) => r.serverMs))),
        runs: runs.length
    };
}

function sizes(bundleResult: Awaited<ReturnType<typeof bundleIfNeeded>>) {
    const components: Record<
        string,
        { compiledJsBytes: number; bundledBytes: number }
    > = {};
    for (const name of projectComponents()) {
        const dir = join(LWC_DIR, name);
        const compiled = readdirSync(dir)
            .filter((f) => f.endsWith('.js'))
            .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
        components[name] = {
            compiledJsBytes: compiled,
            bundledBytes: bundleResult.componentBytes[name] ?? 0
        };
    }
    return {
        components,
        bundleOnLoadBytes: bundleResult.entryBytes,
        bundleTotalBytes: bundleResult.totalBytes,
        files: Object.keys(bundleResult.files).length
    };
}

async function startTime(
    label: string,
    dbPath: string
): Promise<{
    label: string;
    ms: number;
    exitCode: number | null;
    stopMs: number;
}> {
    const started = performance.now();
    const child = spawn(
        process.execPath,
        [
            '--import',
            'tsx',
            join(ROOT, 'preview/start.ts'),
            '--port',
            '0',
            '--db',
            dbPath
        ],
        {
            cwd: ROOT,
            env: { ...process.env, PORT: '0' },
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let out = '';
    const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 15 * 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('Messaging Session Console: http')) {
                clearTimeout(timer);
                resolve(true);
            }
        });
        child.on('exit', () => resolve(false));
    });
    const ms = performance.now() - started;
    const stopping = performance.now();
    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code))
    );
    if (!ready)
        throw new Error(`npm start (${label}) did not print its URL:\n${out}`);
    return {
        label,
        ms: round(ms),
        exitCode,
        stopMs: round(performance.now() - stopping)
    };
}

function round(value: number, digits = 1): number {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

async function main(): Promise<void> {
    const report: Record<string, unknown> = {
        date: new Date().toISOString(),
        node: process.version,
        chromium: '/usr/bin/chromium'
    };
    const bundleResult = await bundleIfNeeded();
    report.sizes = sizes(bundleResult);

    const browser = await launchBrowser();
    try {
        const s2000 = await serve(join(tmp, 'org-2000.sqlite'), 2000);
        report.requestsPerLoad = await requestsPerLoad(browser, s2000);
        const s200 = await serve(join(tmp, 'org-200.sqlite'), 200);
        report.dataToRows = [
            await dataToRows(browser, s200, 200),
            await dataToRows(browser, s2000, 2000)
        ];
        await s200.close();
        await s2000.close();

        const metrics = [];
        const s10k = await serve(join(tmp, 'org-10000.sqlite'), 10_000);
        metrics.push(await metricsRefresh(browser, s10k, 10_000));
        await s10k.close();
        if (!args.has('--skip-million')) {
            // The million-session org is kept in preview/.data (git-ignored): seeding it takes a while.
            mkdirSync(DATA, { recursive: true });
            const seedStart = performance.now();
            const s1m = await serve(
                join(DATA, 'bench-1000000.sqlite'),
                1_000_000
            );
            const seedMs = performance.now() - seedStart;
            metrics.push({
                ...(await metricsRefresh(browser, s1m, 1_000_000)),
                openOrSeedMs: round(seedMs)
            });
            await s1m.close();
        }
        report.metricsRefresh = metrics;
    } finally {
        await browser.close();
    }

    if (!args.has('--skip-start') && !args.has('--only-metrics')) {
        // Cold: no bundle, no compiler cache, no database. Warm: all three in place.
        rmSync(DIST_DIR, { recursive: true, force: true });
        rmSync(join(ROOT, 'node_modules/.cache/preview-rollup-cache.json'), {
            force: true
        });
        const db = join(tmp, 'start.sqlite');
        report.start = [
            await startTime('cold', db),
            await startTime('warm', db)
        ];
    }

    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(
        join(ROOT, 'reports/bench.json'),
        `${JSON.stringify(report, null, 2)}\n`
    );
    printTable(report as unknown as Report);
    rmSync(tmp, { recursive: true, force: true });
}

interface Report {
    requestsPerLoad: {
        perComponent: Record<string, { requests: number; duplicates: number }>;
        total: number;
        serverApiRequests: number;
    };
    dataToRows: Array<{
        sessions: number;
        rows: number;
        pages: number;
        listMs: number;
        bareDatatableMs: number;
        ratio: number;
    }>;
    metricsRefresh: Array<{
        sessions: number;
        clientMs: number;
        serverMs: number;
    }>;
    sizes: {
        components: Record<
            string,
            { compiledJsBytes: number; bundledBytes: number }
        >;
        bundleOnLoadBytes: number;
        bundleTotalBytes: number;
    };
    start?: Array<{
        label: string;
        ms: number;
        exitCode: number | null;
        stopMs: number;
    }>;
}

function printTable(report: Report): void {
    const rows: Array<[string, string]> = [];
    const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
    for (const [name, r] of Object.entries(
        report.requestsPerLoad.perComponent
    )) {
        rows.push([
            `requests per load: ${name}`,
            `${r.requests} (duplicates ${r.duplicates})`
        ]);
    }
    rows.push([
        'requests per load: total (browser / server API)',
        `${report.requestsPerLoad.total} / ${report.requestsPerLoad.serverApiRequests}`
    ]);
    for (const d of report.dataToRows) {
        rows.push([
            `data→rows ${d.sessions} sessions (${d.rows} rows, ${d.pages} page(s))`,
            `list ${d.listMs} ms vs bare datatable ${d.bareDatatableMs} ms (ratio ${d.ratio})`
        ]);
    }
    for (const m of report.metricsRefresh) {
        rows.push([
            `metrics refresh at ${m.sessions.toLocaleString('en-US')} sessions`,
            `client ${m.clientMs} ms, server ${m.serverMs} ms`
        ]);
    }
    for (const [name, s] of Object.entries(report.sizes.components)) {
        rows.push([
            `size: ${name}`,
            `${kb(s.compiledJsBytes)} compiled JS, ${kb(s.bundledBytes)} in bundle`
        ]);
    }
    rows.push([
        'size: preview bundle (on load / total)',
        `${kb(report.sizes.bundleOnLoadBytes)} / ${kb(report.sizes.bundleTotalBytes)}`
    ]);
    for (const s of report.start ?? [])
        rows.push([
            `npm start ${s.label}`,
            `${(s.ms / 1000).toFixed(1)} s to URL (Ctrl-C exit ${s.exitCode} in ${s.stopMs} ms)`
        ]);
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log('\nPreview benchmark');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    console.log('\nreports/bench.json written');
}

main().catch((error: unknown) => {
    console.error(error);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
});
