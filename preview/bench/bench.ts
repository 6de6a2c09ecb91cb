/**
 * `npm run bench`: measures the preview console and writes reports/bench.json (one named figure
 * per measure, then the details) and reports/bench.md (the table docs/benchmarks.md shows). It is
 * a measurement, not a test. Typical is the median run, worst the slowest run, cold ones included.
 *
 *  - At 1,000,000 seeded sessions, server time (Server-Timing) of the requests the components
 *    send, built by their own code (preview/server/perf.ts): the metrics panel for today, the
 *    last 7 and 30 days, for me, my team and everyone, in the preview user's time zone and in
 *    zones that cut days at odd hours; the session list's first page under each sort, for my
 *    sessions and everyone's; searches, from a last name to a prefix of every session name; the
 *    supervisor backlog's refresh, for every queue and for queues chosen by API name.
 *    Also the seed's time and the database's size.
 *  - Network requests per console load, per component (target: one each, none duplicated), and
 *    that the documents the components sent are the ones measured above.
 *  - Data to rendered rows, 200 and 2,000 sessions: the session list, against the floor (a plain
 *    LWC for:each of the same fields, no base components) and a bare lightning-datatable.
 *  - The metrics panel's refresh in the browser at 10,000 and 1,000,000 sessions.
 *  - Size of each component's compiled JavaScript and of the preview bundle; `npm start` cold
 *    and warm start times.
 *
 *   npx tsx preview/bench/bench.ts [--skip-million] [--skip-start] [--only-server] [--runs N]
 */
import { spawn } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { DIST_DIR, LWC_DIR, projectComponents, ROOT } from '../build/bundle';
import { createStaticHandler } from '../serve';
import { bundleIfNeeded } from '../start';
import { startPreviewServer, type PreviewServer } from '../server/server';
import { CURRENT_USER_ID } from '../server/seed';
import type { SeedResult } from '../server/seed';
import {
    BACKLOG_QUEUE_NAMES,
    consoleCases,
    MEASURED_DOCUMENTS,
    graphqlData,
    median,
    summarize,
    timeCases,
    type CaseResult,
    type MeasureSummary,
    type Send
} from '../server/perf';
import { launchBrowser, type Browser } from '../e2e/browser';

const argv = process.argv.slice(2);
const args = new Set(argv);
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 5;
const MILLION = 1_000_000;
const tmp = mkdtempSync(join(tmpdir(), 'preview-bench-'));

/** One named figure per measure: what docs/benchmarks.md and the README read. */
const figures: Record<string, number | string | boolean> = {};
const details: Record<string, unknown> = {};

interface LogEntry {
    method: string;
    url: string;
    component: string;
    at: number;
    doneAt?: number;
    serverMs?: number;
    body?: string;
}

async function serve(
    dbPath: string,
    sessions: number,
    onSeed?: (r: SeedResult) => void
): Promise<PreviewServer> {
    return startPreviewServer({
        port: 0,
        host: '127.0.0.1',
        dbPath,
        sessions,
        onSeed,
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
        .waitFor({ timeout: 120_000 });
    await page
        .locator('#panel-home c-messaging-agent-metrics tr[data-owner]')
        .first()
        .waitFor({ timeout: 120_000 });
    return page;
}

const requestLog = (page: Page): Promise<LogEntry[]> =>
    page.evaluate(() =>
        (
            window as unknown as { __PREVIEW_REQUESTS__: LogEntry[] }
        ).__PREVIEW_REQUESTS__.slice()
    );

const round = (value: number, digits = 1): number => {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
};

// ---------------------------------------------------------------------------------------------

/** The GraphQL documents perf.ts measures, by the text the components send. */
function measuredDocuments(): Set<string> {
    const docs = new Set<string>();
    for (const document of MEASURED_DOCUMENTS)
        docs.add(document.replace(/\s+/g, ' ').trim());
    return docs;
}

async function requestsPerLoad(browser: Browser, server: PreviewServer) {
    await fetch(`${server.url}/__preview/requests`, { method: 'DELETE' });
    const page = await openConsole(browser, server.url);
    await page.waitForTimeout(3000);
    const log = await requestLog(page);
    await page.close();
    const perComponent: Record<
        string,
        { requests: number; duplicates: number }
    > = {};
    const seen = new Map<string, number>();
    const measured = measuredDocuments();
    const unmeasured = new Set<string>();
    for (const r of log) {
        const key = `${r.method} ${r.url} ${r.body ?? ''}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        const c = (perComponent[r.component || '(page)'] ??= {
            requests: 0,
            duplicates: 0
        });
        c.requests++;
        if ((seen.get(key) ?? 0) > 1) c.duplicates++;
        // The list's, the panel's and the backlog's documents must be the ones timed at a million sessions.
        if (
            r.url.endsWith('/graphql') &&
            /messaging-session-list|messaging-agent-metrics|messaging-backlog/.test(
                r.component
            )
        ) {
            const query = (JSON.parse(r.body ?? '{}') as { query?: string })
                .query;
            const text = (query ?? '').replace(/\s+/g, ' ').trim();
            if (!measured.has(text)) unmeasured.add(text.slice(0, 80));
        }
    }
    return { perComponent, total: log.length, unmeasured: [...unmeasured] };
}

const DATATABLE_COLUMNS = [
    { label: 'Name', fieldName: 'Name' },
    { label: 'Status', fieldName: 'Status' },
    { label: 'Channel', fieldName: 'ChannelType' },
    { label: 'Channel name', fieldName: 'ChannelName' },
    { label: 'Messaging user', fieldName: 'EndUser' },
    { label: 'Owner', fieldName: 'Owner' },
    { label: 'Start', fieldName: 'StartTime', type: 'date' },
    { label: 'Preview', fieldName: 'PreviewDetails' }
];

async function dataToRows(
    browser: Browser,
    server: PreviewServer,
    sessions: number
) {
    const page = await openConsole(browser, server.url);
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
                defaultScope: 'all',
                refreshIntervalSeconds: 0
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
    // The same sessions, as rows of the same fields, for the floor and the datatable.
    const db = new Database(server.dbPath, { readonly: true });
    const rows = db
        .prepare(
            `SELECT s.Id, s.Name, s.Status, s.ChannelType, s.ChannelName, s.StartTime, s.PreviewDetails, o.Name AS Owner, u.Name AS EndUser
                 FROM MessagingSession s LEFT JOIN User o ON o.Id = s.OwnerId LEFT JOIN MessagingEndUser u ON u.Id = s.MessagingEndUserId
                 ORDER BY s.StartTime IS NULL, s.StartTime DESC LIMIT ?`
        )
        .all(sessions) as Array<Record<string, unknown>>;
    db.close();
    const hooks = (name: string, ...params: unknown[]) =>
        page.evaluate(
            ({ name, params }) =>
                (
                    (
                        window as unknown as {
                            __PREVIEW__: Record<
                                string,
                                (...a: unknown[]) => Promise<number>
                            >;
                        }
                    ).__PREVIEW__[name] as (...a: unknown[]) => Promise<number>
                )(...params),
            { name, params }
        );
    // Each twice, the median of three would be a third render of the same DOM: keep the second.
    const floor: number[] = [];
    const table: number[] = [];
    for (let i = 0; i < 2; i++) {
        floor.push(await hooks('renderFloorList', rows));
        table.push(await hooks('renderBareTable', DATATABLE_COLUMNS, rows));
    }
    await page.close();
    const listMs = perPage.reduce((a, b) => a + b, 0);
    return {
        sessions,
        rows: list.marks[list.marks.length - 1]?.rows ?? 0,
        pages: list.marks.length,
        listMs: round(listMs),
        listPerPageMs: perPage.map((x) => round(x)),
        floorMs: round(Math.min(...floor)),
        datatableMs: round(Math.min(...table)),
        listOverFloor: round(listMs / Math.min(...floor), 2),
        listOverDatatable: round(listMs / Math.min(...table), 2)
    };
}

/** Clicks the metrics panel's refresh: client time until its requests are answered and drawn. */
async function metricsRefresh(
    browser: Browser,
    server: PreviewServer,
    sessions: number
) {
    const page = await openConsole(browser, server.url);
    const runs: Array<{
        clientMs: number;
        serverMs: number;
        requests: number;
    }> = [];
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
                '#panel-home c-messaging-agent-metrics'
            ) as HTMLElement & { shadowRoot: ShadowRoot };
            const start = w.__PREVIEW_REQUESTS__.length;
            const clicked = performance.now();
            (
                host.shadowRoot.querySelector(
                    '[data-id="refresh"]'
                ) as HTMLElement
            ).click();
            const mine = () =>
                w.__PREVIEW_REQUESTS__
                    .slice(start)
                    .filter((r) => r.component === 'c-messaging-agent-metrics');
            // Done: requests were sent, all have answered, and none followed for 500 ms.
            const deadline = clicked + 120_000;
            let settledSince = 0;
            while (performance.now() < deadline) {
                await new Promise((r) => setTimeout(r, 10));
                const entries = mine();
                const pending = entries.some((r) => r.doneAt === undefined);
                if (!entries.length || pending) settledSince = 0;
                else if (!settledSince) settledSince = performance.now();
                else if (performance.now() - settledSince > 500) break;
            }
            const entries = mine();
            const lastDone = Math.max(...entries.map((r) => r.doneAt ?? 0));
            // Drawn: two frames after an answer (measured now, added to the last answer's time).
            const framesFrom = performance.now();
            await new Promise((r) =>
                requestAnimationFrame(() => requestAnimationFrame(r))
            );
            const frames = performance.now() - framesFrom;
            return {
                clientMs: lastDone - clicked + frames,
                serverMs: entries.reduce((s, r) => s + (r.serverMs ?? 0), 0),
                requests: entries.length
            };
        });
        runs.push(result);
    }
    await page.close();
    return {
        sessions,
        clientMs: round(median(runs.map((r) => r.clientMs))),
        serverMs: round(median(runs.map((r) => r.serverMs))),
        requests: runs[0]?.requests ?? 0,
        runs: runs.length
    };
}

function httpSender(url: string): Send {
    return async (body) => {
        const res = await fetch(`${url}/services/data/v66.0/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body)
        });
        const timing = res.headers.get('server-timing') ?? '';
        const ms = Number(/app;dur=([\d.]+)/.exec(timing)?.[1]);
        const data = graphqlData(res.status, await res.json());
        if (!Number.isFinite(ms))
            throw new Error(`no Server-Timing app;dur in "${timing}"`);
        return { ms, data };
    };
}

function fileBytes(path: string): number {
    return ['', '-wal', '-shm']
        .map((s) => (existsSync(path + s) ? statSync(path + s).size : 0))
        .reduce((a, b) => a + b, 0);
}

/** The million-session org: seeded fresh (its time is a figure), measured, then deleted. */
async function million(browser: Browser | null) {
    const dbPath = join(tmp, 'org-1000000.sqlite');
    let seed: SeedResult | null = null;
    const started = performance.now();
    const server = await serve(dbPath, MILLION, (r) => (seed = r));
    const openMs = performance.now() - started;
    const seeded = seed as SeedResult | null;
    figures['seed.1M.seconds'] = round((seeded?.ms ?? openMs) / 1000);
    figures['seed.1M.databaseMiB'] = round(fileBytes(dbPath) / 2 ** 20, 0);
    details.seed = seeded;
    let results: CaseResult[] = [];
    try {
        results = await timeCases(consoleCases(), httpSender(server.url), RUNS);
        if (browser)
            details.metricsRefresh1M = await metricsRefresh(
                browser,
                server,
                MILLION
            );
    } finally {
        await server.close();
        for (const s of ['', '-wal', '-shm'])
            rmSync(dbPath + s, { force: true });
    }
    return results;
}

/** Figures of the server cases: per measure, and worst/typical per group. */
function serverFigures(results: CaseResult[]): Map<string, MeasureSummary> {
    const summary = summarize(results);
    for (const [name, s] of summary) {
        figures[`${name}.serverMs.typical`] = round(s.typicalMs);
        figures[`${name}.serverMs.worst`] = round(s.worstMs);
        if (name.startsWith('metrics.')) {
            figures[`${name}.refreshServerMs.typical`] = round(
                s.typicalTotalMs
            );
            figures[`${name}.refreshServerMs.worst`] = round(s.worstTotalMs);
        }
    }
    return summary;
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

async function startTime(label: string, dbPath: string) {
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
        child.exitCode !== null
            ? resolve(child.exitCode)
            : child.on('exit', (code) => resolve(code))
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

function machine() {
    return {
        nproc: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverageAtStart: loadavg().map((x) => round(x, 2))
    };
}

async function main(): Promise<void> {
    const date = new Date().toISOString();
    details.machine = machine();
    const bundleResult = await bundleIfNeeded();
    details.sizes = sizes(bundleResult);
    figures['bundle.onLoadKiB'] = round(bundleResult.entryBytes / 1024);
    figures['bundle.totalKiB'] = round(bundleResult.totalBytes / 1024);

    let results: CaseResult[] = [];
    const browser = args.has('--only-server') ? null : await launchBrowser();
    try {
        if (browser) {
            const s2000 = await serve(join(tmp, 'org-2000.sqlite'), 2000);
            const load = await requestsPerLoad(browser, s2000);
            details.requestsPerLoad = load;
            for (const [component, r] of Object.entries(load.perComponent)) {
                figures[`load.requests.${component}`] = r.requests;
                figures[`load.duplicates.${component}`] = r.duplicates;
            }
            figures['load.documentsMeasuredAt1M'] =
                load.unmeasured.length === 0;
            const s200 = await serve(join(tmp, 'org-200.sqlite'), 200);
            const rendered = [
                await dataToRows(browser, s200, 200),
                await dataToRows(browser, s2000, 2000)
            ];
            details.dataToRows = rendered;
            for (const d of rendered) {
                figures[`render.${d.sessions}.listMs`] = d.listMs;
                figures[`render.${d.sessions}.floorMs`] = d.floorMs;
                figures[`render.${d.sessions}.datatableMs`] = d.datatableMs;
            }
            await s200.close();
            await s2000.close();
            const s10k = await serve(join(tmp, 'org-10000.sqlite'), 10_000);
            const m10k = await metricsRefresh(browser, s10k, 10_000);
            details.metricsRefresh10k = m10k;
            figures['metricsRefresh.10k.clientMs'] = m10k.clientMs;
            figures['metricsRefresh.10k.serverMs'] = m10k.serverMs;
            await s10k.close();
        }
        if (!args.has('--skip-million')) {
            results = await million(browser);
            const m1m = details.metricsRefresh1M as
                { clientMs: number; serverMs: number } | undefined;
            if (m1m) {
                figures['metricsRefresh.1M.clientMs'] = m1m.clientMs;
                figures['metricsRefresh.1M.serverMs'] = m1m.serverMs;
            }
        }
    } finally {
        await browser?.close();
    }
    const summary = serverFigures(results);
    details.serverCases = results;
    details.machine = {
        ...(details.machine as object),
        loadAverageAtEnd: loadavg().map((x) => round(x, 2))
    };

    if (!args.has('--skip-start') && !args.has('--only-server')) {
        // Cold: no bundle, no compiler cache, no database. Warm: all three in place.
        rmSync(DIST_DIR, { recursive: true, force: true });
        rmSync(join(ROOT, 'node_modules/.cache/preview-rollup-cache.json'), {
            force: true
        });
        const db = join(tmp, 'start.sqlite');
        const start = [
            await startTime('cold', db),
            await startTime('warm', db)
        ];
        details.start = start;
        for (const s of start)
            figures[`start.${s.label}Seconds`] = round(s.ms / 1000);
    }

    const report = { date, machine: details.machine, figures, details };
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(
        join(ROOT, 'reports/bench.json'),
        `${JSON.stringify(report, null, 2)}\n`
    );
    const table = markdown(date, summary);
    writeFileSync(join(ROOT, 'reports/bench.md'), table);
    console.log(`\n${table}\nreports/bench.json and reports/bench.md written`);
    rmSync(tmp, { recursive: true, force: true });
}

/** The tables of docs/benchmarks.md, from this run. */
function markdown(date: string, summary: Map<string, MeasureSummary>): string {
    const m = details.machine as ReturnType<typeof machine> & {
        loadAverageAtEnd: number[];
    };
    const ms = (x: number | undefined) =>
        x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x)} ms`;
    const worstOf = (prefix: string, pick: (s: MeasureSummary) => number) => {
        const hits = [...summary].filter(([name]) => name.startsWith(prefix));
        if (!hits.length) return { value: NaN, name: '' };
        const [name, s] = hits.reduce((a, b) =>
            pick(b[1]) > pick(a[1]) ? b : a
        );
        return { value: pick(s), name };
    };
    const lines: string[] = [];
    lines.push(
        `Run ${date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.loadAverageAtEnd.join(' / ')} at the end.`,
        ''
    );
    if (summary.size) {
        lines.push(
            `**At 1,000,000 sessions** (server time, Server-Timing; typical = median of ${RUNS} runs in the preview user's time zone, worst = slowest run in any zone):`,
            '',
            '| Measure | Typical | Worst |',
            '| --- | --- | --- |'
        );
        const windows: Array<[string, string]> = [
            ['today', 'today'],
            ['last7', 'last 7 days'],
            ['last30', 'last 30 days']
        ];
        for (const [key, label] of windows)
            for (const scope of ['me', 'team', 'all']) {
                const s = summary.get(`metrics.${key}.${scope}`);
                if (s)
                    lines.push(
                        `| Metrics panel, ${label}, ${scope === 'all' ? 'everyone' : scope === 'me' ? 'me' : 'my team'}: slowest request (whole refresh) | ${ms(s.typicalMs)} (${ms(s.typicalTotalMs)}) | ${ms(s.worstMs)} (${ms(s.worstTotalMs)}) |`
                    );
            }
        for (const owner of ['me', 'all']) {
            const pages = [...summary].filter(([n]) =>
                n.startsWith(`list.${owner}.`)
            );
            if (pages.length) {
                const worst = worstOf(`list.${owner}.`, (s) => s.worstMs);
                lines.push(
                    `| List, first page, ${owner === 'me' ? 'my sessions' : 'everyone'}, each of ${pages.length} sorts | ${ms(median(pages.map(([, s]) => s.typicalMs)))} (median sort) | ${ms(worst.value)} (${worst.name.split('.').slice(2).join(' ')}) |`
                );
            }
        }
        for (const [name, s] of summary)
            if (name.startsWith('search.'))
                lines.push(
                    `| Search "${name.split('.').slice(2).join('.')}", ${name.split('.')[1] === 'me' ? 'my sessions' : 'everyone'} | ${ms(s.typicalMs)} | ${ms(s.worstMs)} |`
                );
        const backlogs: Array<[string, string]> = [
            ['backlog.all', 'every queue'],
            ['backlog.queues', `queues ${BACKLOG_QUEUE_NAMES.join(', ')}`]
        ];
        for (const [name, label] of backlogs) {
            const s = summary.get(name);
            if (s)
                lines.push(
                    `| Backlog refresh, ${label}: slowest request (with the look-up) | ${ms(s.typicalMs)} (${ms(s.typicalTotalMs)}) | ${ms(s.worstMs)} (${ms(s.worstTotalMs)}) |`
                );
        }
        lines.push(
            `| Seed 1,000,000 sessions | ${figures['seed.1M.seconds']} s, ${figures['seed.1M.databaseMiB']} MiB | |`,
            ''
        );
    }
    const render = details.dataToRows as
        Array<Awaited<ReturnType<typeof dataToRows>>> | undefined;
    const rm = (k: string) =>
        typeof figures[k] === 'number' ? ms(figures[k] as number) : '–';
    lines.push('| Measure | Result |', '| --- | --- |');
    for (const d of render ?? [])
        lines.push(
            `| Data → rows, ${d.sessions.toLocaleString('en-US')} sessions (${d.pages} page(s)) | list ${ms(d.listMs)}, floor (plain for:each) ${ms(d.floorMs)}, lightning-datatable ${ms(d.datatableMs)} |`
        );
    lines.push(
        `| Metrics refresh in the browser, 10,000 sessions | client ${rm('metricsRefresh.10k.clientMs')}, server ${rm('metricsRefresh.10k.serverMs')} |`,
        `| Metrics refresh in the browser, 1,000,000 sessions | client ${rm('metricsRefresh.1M.clientMs')}, server ${rm('metricsRefresh.1M.serverMs')} |`
    );
    const load = details.requestsPerLoad as
        Awaited<ReturnType<typeof requestsPerLoad>> | undefined;
    if (load)
        lines.push(
            `| Requests per console load | ${Object.entries(load.perComponent)
                .map(
                    ([c, r]) =>
                        `${c} ${r.requests}${r.duplicates ? ` (${r.duplicates} duplicated)` : ''}`
                )
                .join(
                    ', '
                )}; documents measured at 1M: ${load.unmeasured.length ? `no (${load.unmeasured.join('; ')})` : 'yes'} |`
        );
    lines.push(
        `| Preview bundle | ${figures['bundle.onLoadKiB']} KiB on load, ${figures['bundle.totalKiB']} KiB in all |`
    );
    if (figures['start.coldSeconds'] !== undefined)
        lines.push(
            `| \`npm start\` | cold ${figures['start.coldSeconds']} s, warm ${figures['start.warmSeconds']} s to the URL |`
        );
    return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
    console.error(error);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
});
