/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk GraphQL response bodies */
/**
 * What makes the data server fast at a million sessions, checked for exactness on a small org:
 * the search index (FTS5 trigram) answers `like` exactly as LIKE does and follows every write;
 * the rollups answer aggregates over any window exactly as the raw rows do and follow every
 * write; the sort passes order NULLs and ties as one ORDER BY would; and the plans read indexes,
 * the search index and the rollups instead of scanning and sorting. Expected values come from
 * SQL written here, over the raw tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIndexes, createSchema, openDatabase, warmUp } from '../db';
import type { Db } from '../db';
import { executeGraphql } from '../graphql';
import { setClock } from '../records';
import { CURRENT_USER_ID, seedDatabase } from '../seed';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Mid-afternoon UTC, not on a day or hour boundary, so windows cut days and hours.
const ANCHOR = Date.parse('2026-03-15T14:37:00.000Z');
const NOW = ANCHOR + 23 * 60_000 + 17_000;

let dir: string;
let db: Db;
/** The SQL each GraphQL request ran, to read its plans. */
let statements: string[] = [];

beforeAll(() => {
    setClock(() => NOW);
    dir = mkdtempSync(join(tmpdir(), 'preview-scale-'));
    db = openDatabase(join(dir, 'org.sqlite'), { wal: false });
    createSchema(db);
    seedDatabase(db, { sessions: 3000, anchor: ANCHOR });
    const prepare = db.prepare.bind(db);
    (db as any).prepare = (sql: string) => {
        statements.push(sql);
        return prepare(sql);
    };
});

afterAll(() => {
    setClock(null);
    db.close();
    rmSync(dir, { recursive: true, force: true });
});

async function gql(
    query: string,
    variables: Record<string, unknown> = {}
): Promise<any> {
    statements = [];
    const res = await executeGraphql(db, { query, variables });
    const body = res.body as { data: any; errors?: any[] };
    expect(body.errors).toBeUndefined();
    return body.data;
}

const rows = (sql: string, ...params: unknown[]): any[] =>
    db.prepare(sql).all(...params) as any[];
const ids = (sql: string, ...params: unknown[]): string[] =>
    rows(sql, ...params).map((r) => r.Id);

/** Plans of the statements the last request ran (EXPLAIN QUERY PLAN, joined). */
function plans(): string[] {
    return statements
        .filter((sql) => /^SELECT/.test(sql))
        .map((sql) => {
            const n = (sql.match(/\?/g) ?? []).length;
            return (
                db
                    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
                    .all(...Array<null>(n).fill(null)) as Array<{
                    detail: string;
                }>
            )
                .map((r) => r.detail)
                .join(' | ');
        });
}

const LIST = `query List($where: MessagingSession_Filter, $orderBy: MessagingSession_OrderBy, $first: Int, $after: String) {
    uiapi { query { MessagingSession(where: $where, orderBy: $orderBy, first: $first, after: $after) {
        edges { node { Id } cursor } pageInfo { hasNextPage endCursor } totalCount } } } }`;

async function allPages(
    variables: Record<string, unknown>,
    first = 40
): Promise<{ ids: string[]; totalCount: number }> {
    const out: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 500; page++) {
        const data = await gql(LIST, { ...variables, first, after });
        const conn = data.uiapi.query.MessagingSession;
        totalCount = conn.totalCount;
        out.push(...conn.edges.map((e: any) => e.node.Id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
    }
    return { ids: out, totalCount };
}

describe('search index', () => {
    const searchFilter = (pattern: string) => ({
        or: [
            { Name: { like: pattern } },
            { SessionKey: { like: pattern } },
            { MessagingEndUser: { Name: { like: pattern } } }
        ]
    });
    const expected = (pattern: string) =>
        ids(
            `SELECT s."Id" FROM "MessagingSession" s LEFT JOIN "MessagingEndUser" e ON e."Id" = s."MessagingEndUserId"
             WHERE s."Name" LIKE ? ESCAPE '\\' OR s."SessionKey" LIKE ? ESCAPE '\\' OR e."Name" LIKE ? ESCAPE '\\'
             ORDER BY s."StartTime" DESC, s."Id" DESC`,
            pattern,
            pattern,
            pattern
        );
    const someKey = () =>
        (
            db
                .prepare(
                    `SELECT "SessionKey" k FROM "MessagingSession" WHERE "SessionKey" IS NOT NULL ORDER BY "Id" LIMIT 1 OFFSET 77`
                )
                .get() as { k: string }
        ).k;

    it.each([
        ['%okafor%'],
        ['%OKAFOR%'],
        ['%García%'],
        ['%GARCÍA%'], // LIKE folds ASCII only: no match
        ['%garcía%'],
        ['%MS-0000012%'],
        ['%0%'], // one character
        ['%4a%'], // two characters
        ['%zq%'], // two characters in no row
        ['%Guest 1%'], // a space
        ['%O\\_Brien%'], // an escaped wildcard: literal _
        ["%O'Brien%"],
        ['%"%'],
        ['MS-00000_%'], // anchored, with a wildcard: the index narrows, LIKE decides
        ['%555%9%'],
        ['%']
    ])('%s matches what LIKE matches, on every page', async (pattern) => {
        const want = expected(pattern);
        const got = await allPages({
            where: searchFilter(pattern),
            orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } }
        });
        expect(got.totalCount).toBe(want.length);
        expect(got.ids).toEqual(want);
    });

    it('matches a session key fragment and reads the search index, not the sessions', async () => {
        const fragment = someKey().slice(9, 18);
        const want = expected(`%${fragment}%`);
        expect(want.length).toBeGreaterThan(0);
        const got = await allPages({
            where: searchFilter(`%${fragment.toUpperCase()}%`),
            orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } }
        });
        expect(got.ids).toEqual(want);
        const read = plans().join('\n');
        expect(read).toMatch(/preview_search_MessagingSession VIRTUAL TABLE/);
        expect(read).not.toMatch(/SCAN t0(?! USING)/); // no full scan of the sessions
    });

    it('follows inserts, updates and deletes of sessions and end users', async () => {
        const find = async (pattern: string) =>
            (
                await allPages({
                    where: searchFilter(pattern),
                    orderBy: { Name: { order: 'ASC' } }
                })
            ).ids;
        const session = rows(
            `SELECT "Id", "MessagingEndUserId" FROM "MessagingSession" WHERE "MessagingEndUserId" IS NOT NULL ORDER BY "Id" LIMIT 1 OFFSET 500`
        )[0];
        const sharing = ids(
            `SELECT "Id" FROM "MessagingSession" WHERE "MessagingEndUserId" = ? ORDER BY "Name" COLLATE NOCASE, "Id"`,
            session.MessagingEndUserId
        );
        // The end user is renamed: every session of theirs is found by the new name only.
        db.prepare(
            `UPDATE "MessagingEndUser" SET "Name" = ? WHERE "Id" = ?`
        ).run('Quillon Vasquez-Þórsdóttir', session.MessagingEndUserId);
        expect(await find('%quillon%')).toEqual(sharing);
        expect(await find('%ÞÓR%')).toEqual([]);
        expect(await find('%Þór%')).toEqual(sharing);
        // The session is renamed and moved to another end user.
        db.prepare(
            `UPDATE "MessagingSession" SET "Name" = 'MS-QX-RENAMED', "MessagingEndUserId" = NULL WHERE "Id" = ?`
        ).run(session.Id);
        expect(await find('%qx-ren%')).toEqual([session.Id]);
        expect(await find('%quillon%')).toEqual(
            sharing.filter((id) => id !== session.Id)
        );
        // Two characters that no row held before: the short-search vocabulary grows too.
        db.prepare(
            `UPDATE "MessagingSession" SET "SessionKey" = 'key-ǂǃ' WHERE "Id" = ?`
        ).run(session.Id);
        expect(await find('%ǂǃ%')).toEqual([session.Id]);
        // A new session, then gone.
        const copy = {
            ...rows(
                `SELECT * FROM "MessagingSession" WHERE "Id" = ?`,
                session.Id
            )[0]
        };
        copy.Id = '0Mw8c0000ZZZZZZZZZ';
        copy.Name = 'MS-QX-COPY';
        const cols = Object.keys(copy);
        db.prepare(
            `INSERT INTO "MessagingSession" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
        ).run(...cols.map((c) => copy[c]));
        expect(await find('%qx-%')).toEqual([copy.Id, session.Id]);
        db.prepare(`DELETE FROM "MessagingSession" WHERE "Id" = ?`).run(
            copy.Id
        );
        expect(await find('%qx-%')).toEqual([session.Id]);
    });
});

describe('search counts: the search index, its facets and broad searches', () => {
    /** The session list's document: a page with its total, and the counts per status. */
    const LIST_AND_STATUS = `query S($where: MessagingSession_Filter, $orderBy: MessagingSession_OrderBy) { uiapi {
        query { MessagingSession(where: $where, orderBy: $orderBy, first: 50) { edges { node { Id } } totalCount } }
        aggregate { MessagingSession(where: $where, groupBy: { Status: { group: true } }, first: 2000) {
            edges { node { aggregate { Status { value } Id { count { value } } } } } } } } }`;
    const searchFilter = (pattern: string) => ({
        or: [
            { Name: { like: pattern } },
            { SessionKey: { like: pattern } },
            { MessagingEndUser: { Name: { like: pattern } } }
        ]
    });
    /** The sessions a plain LIKE scan finds, newest first, with their status. */
    const scan = (pattern: string, owner: string | null) =>
        rows(
            `SELECT s."Id", s."Status" FROM "MessagingSession" s LEFT JOIN "MessagingEndUser" e ON e."Id" = s."MessagingEndUserId"
             WHERE (s."Name" LIKE ? ESCAPE '\\' OR s."SessionKey" LIKE ? ESCAPE '\\' OR e."Name" LIKE ? ESCAPE '\\')
               AND (? IS NULL OR s."OwnerId" = ?)
             ORDER BY s."StartTime" DESC, s."Id" DESC`,
            pattern,
            pattern,
            pattern,
            owner,
            owner
        ) as Array<{ Id: string; Status: string }>;
    const sessionCount = () =>
        rows(`SELECT COUNT(*) AS n FROM "MessagingSession"`)[0].n as number;
    /** The owner (a queue, or an agent) of the most sessions: a broad scope. */
    const busiestOwner = () =>
        rows(
            `SELECT "OwnerId" FROM "MessagingSession" GROUP BY "OwnerId" ORDER BY COUNT(*) DESC, "OwnerId" LIMIT 1`
        )[0].OwnerId as string;

    async function expectLikeScan(pattern: string, owner: string | null) {
        const want = scan(pattern, owner);
        const where = owner
            ? { and: [{ OwnerId: { eq: owner } }, searchFilter(pattern)] }
            : searchFilter(pattern);
        const data = await gql(LIST_AND_STATUS, {
            where,
            orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } }
        });
        const page = data.uiapi.query.MessagingSession;
        expect(page.totalCount).toBe(want.length);
        expect(page.edges.map((e: any) => e.node.Id)).toEqual(
            want.slice(0, 50).map((r) => r.Id)
        );
        const counts: Record<string, number> = {};
        for (const r of want) counts[r.Status] = (counts[r.Status] ?? 0) + 1;
        const got = Object.fromEntries(
            data.uiapi.aggregate.MessagingSession.edges.map((e: any) => [
                e.node.aggregate.Status.value,
                e.node.aggregate.Id.count.value
            ])
        );
        expect(got).toEqual(counts);
        return want;
    }

    it.each([
        ['%0%'], // broad: most sessions (past the listed matches)
        ['%1%'],
        ['%MS-%'], // every session
        ['%55%'],
        ['%okafor%'],
        ['%4a%'],
        ['%zq%'], // none
        ['MS-00000_%'] // not exact: the LIKEs decide
    ])(
        '%s: total, page and counts per status equal a LIKE scan, for everyone, me and the busiest owner',
        async (pattern) => {
            for (const owner of [null, CURRENT_USER_ID, busiestOwner()])
                await expectLikeScan(pattern, owner);
        }
    );

    it('reads a search that every session matches as no condition, and a broad one from the index and facets', async () => {
        expect(scan('%MS-%', null).length).toBe(sessionCount());
        await expectLikeScan('%MS-%', busiestOwner());
        const universal = statements.filter((s) => /ORDER BY/.test(s));
        expect(universal.join('\n')).not.toMatch(/MATCH|LIKE|json_each/);
        expect(statements.join('\n')).toMatch(
            /preview_rollup_MessagingSession_day/
        );
        // More matches than are listed: the page probes the index per row, the counts per
        // status read the facets, and no count reads the session table.
        expect(scan('%0%', null).length).toBeGreaterThan(sessionCount() / 20);
        await expectLikeScan('%0%', null);
        const broad = statements.filter((s) => /^SELECT/.test(s)).join('\n');
        expect(broad).toMatch(
            /EXISTS \(SELECT 1 FROM "preview_search_MessagingSession"/
        );
        expect(broad).toMatch(
            /FROM "preview_search_MessagingSession" CROSS JOIN "preview_facets_MessagingSession"/
        );
        expect(broad).not.toMatch(/COUNT\(\*\)[^\n]*FROM "MessagingSession"/);
        // For one owner of many sessions: the facets, not the sessions, give the owner.
        await expectLikeScan('%0%', busiestOwner());
        const scoped = statements.filter((s) => /^SELECT/.test(s)).join('\n');
        expect(scoped).toMatch(/"preview_facets_MessagingSession"/);
        expect(scoped).not.toMatch(/COUNT\(\*\)[^\n]*FROM "MessagingSession"/);
    });

    it('stays exact after writes change a status, an owner, a name, or add and remove a session', async () => {
        const owner = busiestOwner();
        const check = async () => {
            for (const pattern of ['%0%', '%MS-%', '%55%', '%qz-facet%'])
                for (const who of [null, owner, CURRENT_USER_ID])
                    await expectLikeScan(pattern, who);
        };
        await check();
        const [first, second] = scan('%0%', owner);
        db.prepare(
            `UPDATE "MessagingSession" SET "Status" = 'Error' WHERE "Id" = ?`
        ).run(first.Id);
        db.prepare(
            `UPDATE "MessagingSession" SET "OwnerId" = ? WHERE "Id" = ?`
        ).run(CURRENT_USER_ID, second.Id);
        db.prepare(
            `UPDATE "MessagingSession" SET "Name" = 'MS-QZ-FACET', "Status" = 'Paused' WHERE "Id" = ?`
        ).run(first.Id);
        await check();
        // A new session, then gone: "MS-" no longer matches every session while it has no name.
        const copy = {
            ...rows(
                `SELECT * FROM "MessagingSession" WHERE "Id" = ?`,
                first.Id
            )[0]
        };
        copy.Id = '0Mw8c0000QZQZQZQZQ';
        copy.Name = null;
        copy.Status = 'Waiting';
        const cols = Object.keys(copy);
        db.prepare(
            `INSERT INTO "MessagingSession" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
        ).run(...cols.map((c) => copy[c]));
        expect(scan('%MS-%', null).length).toBe(sessionCount() - 1);
        await check();
        db.prepare(`DELETE FROM "MessagingSession" WHERE "Id" = ?`).run(
            copy.Id
        );
        await check();
        const facets = rows(
            `SELECT COUNT(*) AS n FROM "preview_facets_MessagingSession" f JOIN "MessagingSession" s ON s.rowid = f.preview_row AND s."Status" IS f."Status" AND s."OwnerId" IS f."OwnerId"`
        )[0].n;
        expect(facets).toBe(sessionCount());
    });

    it('are built into a database that lacks them, and warmed before the first request', () => {
        const before = rows(
            `SELECT preview_row, "Status", "OwnerId" FROM "preview_facets_MessagingSession" ORDER BY preview_row`
        );
        db.exec(`DROP TABLE "preview_facets_MessagingSession"`);
        db.prepare(`DELETE FROM preview_meta WHERE key = ?`).run(
            'derived:preview_facets_MessagingSession'
        );
        expect(createIndexes(db)).toBe(1);
        expect(
            rows(
                `SELECT preview_row, "Status", "OwnerId" FROM "preview_facets_MessagingSession" ORDER BY preview_row`
            )
        ).toEqual(before);
        expect(createIndexes(db)).toBe(0);
        const warm = warmUp(db);
        expect(warm.of).toBeGreaterThan(10);
        expect(warm.read).toBe(warm.of);
        expect(warmUp(db, 0).read).toBeLessThanOrEqual(1); // bounded: stops once its time is spent
    });
});

describe('rollups', () => {
    const HANDLED = `query Handled($where: MessagingSession_Filter, $metricsWhere: MessagingSessionMetrics_Filter) { uiapi { aggregate {
        byOwner: MessagingSession(where: $where, groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { aggregate {
            OwnerId { value } Id { count { value } }
            MSC_WaitSeconds__c { avg { value } max { value } min { value } count { value } sum { value } }
            AgentMessageCount { sum { value } count { value } } } } } }
        byChannel: MessagingSession(where: $where, groupBy: { OwnerId: { group: true }, ChannelType: { group: true } }, first: 2000) { edges { node { aggregate {
            OwnerId { value } ChannelType { value } Id { count { value } } } } } }
        byStatus: MessagingSession(where: $where, groupBy: { Status: { group: true } }, first: 2000) { edges { node { aggregate {
            Status { value } Id { count { value } } } } } }
        metrics: MessagingSessionMetrics(where: $metricsWhere, groupBy: { MessagingSession: { OwnerId: { group: true } }, MessagingSessionMetricType: { group: true } }, first: 2000) {
            edges { node { aggregate { MessagingSession { OwnerId { value } } MessagingSessionMetricType { value }
                MessagingSessionMetricValue { avg { value } sum { value } count { value } max { value } } } } } }
    } } }`;

    const iso = (ms: number) => new Date(ms).toISOString();
    interface Window {
        name: string;
        filter: Record<string, unknown> | null;
        sql: string;
        params: string[];
    }
    const range = (
        from: number | null,
        to: number | null,
        lte = false
    ): Window => {
        const ops: Record<string, unknown> = {};
        const sql: string[] = [];
        const params: string[] = [];
        if (from !== null) {
            ops.gte = { value: iso(from) };
            sql.push('s."StartTime" >= ?');
            params.push(iso(from));
        }
        if (to !== null) {
            ops[lte ? 'lte' : 'lt'] = { value: iso(to) };
            sql.push(`s."StartTime" ${lte ? '<=' : '<'} ?`);
            params.push(iso(to));
        }
        return {
            name: `${from === null ? '…' : iso(from)} to ${to === null ? '…' : iso(to)}`,
            filter: { StartTime: ops },
            sql: sql.join(' AND '),
            params
        };
    };
    const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY;
    const windows: Window[] = [
        { name: 'no window', filter: null, sql: '1', params: [] },
        range(utcDay(ANCHOR) - 29 * DAY + 7 * HOUR, null), // a time zone's "last 30 days"
        range(utcDay(ANCHOR) - 6 * DAY + 5 * HOUR + 30 * 60_000, null), // a half-hour zone
        range(utcDay(ANCHOR) - 2 * DAY, utcDay(ANCHOR)), // whole days
        range(
            utcDay(ANCHOR) - 3 * DAY + 13 * 60_000,
            ANCHOR - 3 * HOUR - 1,
            true
        ), // both ends cut
        range(ANCHOR - 50 * 60_000, null), // shorter than an hour
        range(ANCHOR - 5 * HOUR, ANCHOR - 2 * HOUR), // hours of one day
        {
            name: 'TODAY literal',
            filter: { StartTime: { eq: { literal: 'TODAY' } } },
            sql: 's."StartTime" >= ? AND s."StartTime" < ?',
            params: [iso(utcDay(NOW)), iso(utcDay(NOW) + DAY)]
        },
        {
            name: 'last_n_days: 7',
            filter: { StartTime: { eq: { range: { last_n_days: 7 } } } },
            sql: 's."StartTime" >= ? AND s."StartTime" < ?',
            params: [iso(utcDay(NOW) - 7 * DAY), iso(utcDay(NOW) + DAY)]
        }
    ];
    const team = {
        OwnerId: {
            inq: { User: { ManagerId: { eq: CURRENT_USER_ID } }, ApiName: 'Id' }
        }
    };
    const owners: Array<
        [string, Record<string, unknown> | null, string, string[]]
    > = [
        ['all owners', null, '1', []],
        [
            'me',
            { OwnerId: { eq: CURRENT_USER_ID } },
            's."OwnerId" = ?',
            [CURRENT_USER_ID]
        ],
        [
            'my team',
            team,
            `s."OwnerId" IN (SELECT "Id" FROM "User" WHERE "ManagerId" = ?)`,
            [CURRENT_USER_ID]
        ]
    ];

    const and = (...parts: Array<Record<string, unknown> | null>) => {
        const list = parts.filter(
            (p): p is Record<string, unknown> => p !== null
        );
        return list.length ? { and: list } : {};
    };
    const sorted = (list: any[]) => list.map((x) => JSON.stringify(x)).sort();

    async function check(
        w: Window,
        owner: [string, Record<string, unknown> | null, string, string[]],
        status: { filter: Record<string, unknown>; sql: string }
    ): Promise<void> {
        const where = and(owner[1], status.filter, w.filter);
        const data = await gql(HANDLED, {
            where,
            metricsWhere: {
                and: [
                    {
                        MessagingSessionMetricType: {
                            in: [
                                'AgentMessageCount',
                                'AverageAgentResponseTime'
                            ]
                        }
                    },
                    { MessagingSession: where }
                ]
            }
        });
        const cond = `${owner[2]} AND ${status.sql} AND ${w.sql}`;
        const params = [...owner[3], ...w.params];
        const agg = data.uiapi.aggregate;
        const byOwner = rows(
            `SELECT s."OwnerId" o, COUNT(*) n, AVG(s."MSC_WaitSeconds__c") a, MAX(s."MSC_WaitSeconds__c") mx, MIN(s."MSC_WaitSeconds__c") mn,
                    COUNT(s."MSC_WaitSeconds__c") c, SUM(s."MSC_WaitSeconds__c") sm, SUM(s."AgentMessageCount") am, COUNT(s."AgentMessageCount") ac
             FROM "MessagingSession" s WHERE ${cond} GROUP BY 1`,
            ...params
        );
        expect(agg.byOwner.edges.length).toBe(byOwner.length);
        for (const want of byOwner) {
            const got = agg.byOwner.edges.find(
                (e: any) => e.node.aggregate.OwnerId.value === want.o
            ).node.aggregate;
            expect([
                got.Id.count.value,
                got.MSC_WaitSeconds__c.max.value,
                got.MSC_WaitSeconds__c.min.value,
                got.MSC_WaitSeconds__c.count.value,
                got.MSC_WaitSeconds__c.sum.value,
                got.AgentMessageCount.sum.value,
                got.AgentMessageCount.count.value
            ]).toEqual([
                want.n,
                want.mx,
                want.mn,
                want.c,
                want.sm,
                want.am,
                want.ac
            ]);
            if (want.a === null)
                expect(got.MSC_WaitSeconds__c.avg.value).toBeNull();
            else
                expect(got.MSC_WaitSeconds__c.avg.value).toBeCloseTo(want.a, 9);
        }
        expect(
            sorted(
                agg.byChannel.edges.map((e: any) => [
                    e.node.aggregate.OwnerId.value,
                    e.node.aggregate.ChannelType.value,
                    e.node.aggregate.Id.count.value
                ])
            )
        ).toEqual(
            sorted(
                rows(
                    `SELECT s."OwnerId" o, s."ChannelType" c, COUNT(*) n FROM "MessagingSession" s WHERE ${cond} GROUP BY 1, 2`,
                    ...params
                ).map((r) => [r.o, r.c, r.n])
            )
        );
        expect(
            sorted(
                agg.byStatus.edges.map((e: any) => [
                    e.node.aggregate.Status.value,
                    e.node.aggregate.Id.count.value
                ])
            )
        ).toEqual(
            sorted(
                rows(
                    `SELECT s."Status" v, COUNT(*) n FROM "MessagingSession" s WHERE ${cond} GROUP BY 1`,
                    ...params
                ).map((r) => [r.v, r.n])
            )
        );
        const metrics = rows(
            `SELECT s."OwnerId" o, m."MessagingSessionMetricType" t, AVG(m."MessagingSessionMetricValue") a, SUM(m."MessagingSessionMetricValue") sm,
                    COUNT(m."MessagingSessionMetricValue") c, MAX(m."MessagingSessionMetricValue") mx
             FROM "MessagingSessionMetrics" m JOIN "MessagingSession" s ON s."Id" = m."MessagingSessionId"
             WHERE m."MessagingSessionMetricType" IN ('AgentMessageCount', 'AverageAgentResponseTime') AND ${cond} GROUP BY 1, 2`,
            ...params
        );
        expect(agg.metrics.edges.length).toBe(metrics.length);
        for (const want of metrics) {
            const got = agg.metrics.edges.find(
                (e: any) =>
                    e.node.aggregate.MessagingSession.OwnerId.value ===
                        want.o &&
                    e.node.aggregate.MessagingSessionMetricType.value === want.t
            ).node.aggregate.MessagingSessionMetricValue;
            expect([got.sum.value, got.count.value, got.max.value]).toEqual([
                want.sm,
                want.c,
                want.mx
            ]);
            if (want.a === null) expect(got.avg.value).toBeNull();
            else expect(got.avg.value).toBeCloseTo(want.a, 9);
        }
    }

    it.each(windows.map((w) => [w.name, w]))(
        'answer %s exactly as the raw rows, for me, my team and everyone',
        async (_name, w) => {
            for (const owner of owners) {
                await check(w as Window, owner, {
                    filter: { Status: { eq: 'Ended' } },
                    sql: `s."Status" = 'Ended'`
                });
            }
            await check(w as Window, owners[0], {
                filter: { not: { Status: { in: ['Ended', 'Error'] } } },
                sql: `s."Status" NOT IN ('Ended', 'Error')`
            });
        }
    );

    it('are what long windows read: whole days and hours from the rollups, no scan of the sessions', async () => {
        const w = windows[2];
        await gql(HANDLED, {
            where: and({ Status: { eq: 'Ended' } }, w.filter),
            metricsWhere: {
                MessagingSession: and({ Status: { eq: 'Ended' } }, w.filter)
            }
        });
        const sql = statements.filter((q) => /^SELECT/.test(q));
        const reading = (table: string) =>
            sql.filter((q) => q.includes(`"${table}"`)).length;
        expect(reading('preview_rollup_MessagingSession_day')).toBe(3);
        expect(reading('preview_rollup_MessagingSessionMetrics_day')).toBe(1);
        expect(reading('preview_rollup_MessagingSessionMetrics_hour')).toBe(1);
        const read = plans();
        for (const p of read)
            expect(p).not.toMatch(/SCAN (t0|s)\b(?! USING COVERING)/);
    });

    it('follow every write: their rows stay what the raw rows add up to', async () => {
        const sessions = rows(
            `SELECT "Id", "StartTime" FROM "MessagingSession" WHERE "Status" = 'Ended' AND "StartTime" IS NOT NULL ORDER BY "Id" LIMIT 4 OFFSET 900`
        );
        const update = (sql: string, ...params: unknown[]) =>
            db.prepare(sql).run(...params);
        update(
            `UPDATE "MessagingSession" SET "Status" = 'Active', "MSC_WaitSeconds__c" = 99999 WHERE "Id" = ?`,
            sessions[0].Id
        );
        update(
            `UPDATE "MessagingSession" SET "OwnerId" = ? WHERE "Id" = ?`,
            CURRENT_USER_ID,
            sessions[1].Id
        );
        update(
            `UPDATE "MessagingSession" SET "StartTime" = ? WHERE "Id" = ?`,
            iso(Date.parse(sessions[2].StartTime) - 3 * DAY - 5 * HOUR),
            sessions[2].Id
        );
        update(
            `UPDATE "MessagingSession" SET "StartTime" = NULL, "ChannelType" = NULL WHERE "Id" = ?`,
            sessions[3].Id
        );
        update(
            `UPDATE "MessagingSessionMetrics" SET "MessagingSessionMetricValue" = 1234567 WHERE "Id" = (SELECT "Id" FROM "MessagingSessionMetrics" ORDER BY "Id" LIMIT 1 OFFSET 40)`
        );
        update(
            `DELETE FROM "MessagingSessionMetrics" WHERE "Id" = (SELECT "Id" FROM "MessagingSessionMetrics" ORDER BY "Id" LIMIT 1 OFFSET 41)`
        );

        const sessionTotals = (len: number) =>
            `SELECT "Status", "OwnerId", "ChannelType", substr("StartTime", 1, ${len}) b, COUNT(*) n,
                    COUNT("MSC_WaitSeconds__c"), SUM("MSC_WaitSeconds__c"), MIN("MSC_WaitSeconds__c"), MAX("MSC_WaitSeconds__c"),
                    COUNT("MSC_HandleSeconds__c"), SUM("MSC_HandleSeconds__c"), MIN("MSC_HandleSeconds__c"), MAX("MSC_HandleSeconds__c"),
                    COUNT("AgentMessageCount"), SUM("AgentMessageCount"), MIN("AgentMessageCount"), MAX("AgentMessageCount"),
                    COUNT("EndUserMessageCount"), SUM("EndUserMessageCount"), MIN("EndUserMessageCount"), MAX("EndUserMessageCount")
             FROM "MessagingSession" GROUP BY 1, 2, 3, 4`;
        const metricTotals = (len: number) =>
            `SELECT m."MessagingSessionMetricType", s."Status", s."OwnerId", substr(s."StartTime", 1, ${len}) b, COUNT(*) n,
                    COUNT(m."MessagingSessionMetricValue"), SUM(m."MessagingSessionMetricValue"), MIN(m."MessagingSessionMetricValue"), MAX(m."MessagingSessionMetricValue")
             FROM "MessagingSessionMetrics" m JOIN "MessagingSession" s ON s."Id" = m."MessagingSessionId" GROUP BY 1, 2, 3, 4`;
        const table = (name: string) =>
            sorted(db.prepare(`SELECT * FROM "${name}"`).raw().all() as any[]);
        const want = (sql: string) =>
            sorted(db.prepare(sql).raw().all() as any[]);
        expect(table('preview_rollup_MessagingSession_day')).toEqual(
            want(sessionTotals(10))
        );
        expect(table('preview_rollup_MessagingSessionMetrics_day')).toEqual(
            want(metricTotals(10))
        );
        expect(table('preview_rollup_MessagingSessionMetrics_hour')).toEqual(
            want(metricTotals(13))
        );
        // And the answers over them.
        await check(windows[1], owners[0], {
            filter: { Status: { eq: 'Ended' } },
            sql: `s."Status" = 'Ended'`
        });
        await check(windows[1], owners[1], {
            filter: { Status: { eq: 'Active' } },
            sql: `s."Status" = 'Active'`
        });
    });
});

describe('list pages', () => {
    const me = CURRENT_USER_ID;
    const sorts: Array<[string, Record<string, unknown>, string]> = [
        ['StartTime', { StartTime: {} }, 's."StartTime"'],
        ['EndTime', { EndTime: {} }, 's."EndTime"'],
        ['Name', { Name: {} }, 's."Name" COLLATE NOCASE'],
        ['ChannelName', { ChannelName: {} }, 's."ChannelName" COLLATE NOCASE'],
        [
            'Status',
            { Status: {} },
            `(CASE s."Status" WHEN 'New' THEN 0 WHEN 'Active' THEN 1 WHEN 'Consent' THEN 2 WHEN 'Waiting' THEN 3 WHEN 'Paused' THEN 4 WHEN 'Inactive' THEN 5 WHEN 'Ended' THEN 6 WHEN 'Error' THEN 7 ELSE 8 END)`
        ],
        [
            'MessagingEndUser.Name',
            { MessagingEndUser: { Name: {} } },
            'e."Name" COLLATE NOCASE'
        ],
        [
            'Case.CaseNumber',
            { Case: { CaseNumber: {} } },
            'c."CaseNumber" COLLATE NOCASE'
        ]
    ];
    const withClause = (
        shape: Record<string, unknown>,
        clause: Record<string, unknown>
    ): Record<string, unknown> => {
        const [key, inner] = Object.entries(shape)[0];
        const nested = Object.keys(inner as object).length > 0;
        return nested
            ? { [key]: withClause(inner as Record<string, unknown>, clause) }
            : { [key]: clause };
    };

    it.each(
        sorts.flatMap(([name, shape, expr]) =>
            (['ASC', 'DESC'] as const).flatMap((order) =>
                (['LAST', 'FIRST'] as const).map(
                    (nulls) => [name, order, nulls, shape, expr] as const
                )
            )
        )
    )(
        'by %s %s NULLS %s, page after page, as one ORDER BY with ties in Id order',
        async (_name, order, nulls, shape, expr) => {
            for (const owner of [null, me]) {
                const where = owner ? { OwnerId: { eq: owner } } : {};
                const want = ids(
                    `SELECT s."Id" FROM "MessagingSession" s LEFT JOIN "MessagingEndUser" e ON e."Id" = s."MessagingEndUserId" LEFT JOIN "Case" c ON c."Id" = s."CaseId"
                 WHERE ${owner ? 's."OwnerId" = ?' : '1'} ORDER BY ${expr} ${order} NULLS ${nulls}, s."Id" ${order}`,
                    ...(owner ? [owner] : [])
                );
                const got = await allPages(
                    { where, orderBy: withClause(shape, { order, nulls }) },
                    owner ? 60 : 400
                );
                expect(got.totalCount).toBe(want.length);
                expect(got.ids).toEqual(want);
            }
        }
    );

    it.each(sorts.map(([name, shape]) => [name, shape]))(
        'read the first page by %s from an index, without sorting the sessions, also of my sessions',
        async (_name, shape) => {
            for (const [order, where] of [
                ['ASC', {}],
                ['DESC', {}],
                ['ASC', { OwnerId: { eq: me } }],
                ['DESC', { OwnerId: { eq: me } }]
            ] as const) {
                await gql(LIST, {
                    first: 50,
                    where,
                    orderBy: withClause(shape as Record<string, unknown>, {
                        order,
                        nulls: 'LAST'
                    })
                });
                const page =
                    plans().find((p) => /^(SCAN|SEARCH) (t0|t0j1)/.test(p)) ??
                    '';
                expect(page).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
                expect(page).not.toMatch(
                    /USE TEMP B-TREE FOR RIGHT PART OF ORDER BY/
                );
            }
        }
    );
});

describe('semi-joins and seeded values', () => {
    it('names the owners with a session in a window by probing their sessions', async () => {
        const from = new Date(ANCHOR - 2 * DAY).toISOString();
        const data = await gql(
            `query Owners($where: User_Filter) { uiapi { query { User(where: $where, first: 2000) { edges { node { Id } } } } } }`,
            {
                where: {
                    Id: {
                        inq: {
                            MessagingSession: {
                                or: [
                                    {
                                        and: [
                                            { Status: { eq: 'Ended' } },
                                            {
                                                StartTime: {
                                                    gte: { value: from }
                                                }
                                            }
                                        ]
                                    },
                                    { Status: { in: ['Active', 'Waiting'] } }
                                ]
                            },
                            ApiName: 'OwnerId'
                        }
                    }
                }
            }
        );
        expect(data.uiapi.query.User.edges.map((e: any) => e.node.Id)).toEqual(
            ids(
                `SELECT "Id" FROM "User" WHERE "Id" IN (SELECT "OwnerId" FROM "MessagingSession" WHERE ("Status" = 'Ended' AND "StartTime" >= ?) OR "Status" IN ('Active', 'Waiting')) ORDER BY "Id"`,
                from
            )
        );
        // One index range per branch of the OR, per owner: no scan of an owner's sessions.
        const read = plans().join('\n');
        expect(read).toMatch(
            /SEARCH s\d+ USING COVERING INDEX idx_MessagingSession_owner \(OwnerId=\? AND Status=\? AND StartTime>\?\)/
        );
        expect(read).toMatch(
            /SEARCH s\d+ USING COVERING INDEX idx_MessagingSession_owner \(OwnerId=\? AND Status=\?\)/
        );
    });

    it('seeds instants as ISO 8601 strings that Date reads back unchanged', () => {
        for (const [table, column] of [
            ['MessagingSession', 'StartTime'],
            ['MessagingSession', 'LastModifiedDate'],
            ['MessagingSessionHistory', 'CreatedDate'],
            ['MessagingSessionMetrics', 'CreatedDate']
        ]) {
            const values = rows(
                `SELECT "${column}" v FROM "${table}" WHERE "${column}" IS NOT NULL`
            ).map((r) => r.v);
            expect(values.length).toBeGreaterThan(100);
            for (const v of values) expect(new Date(v).toISOString()).toBe(v);
        }
    });
});
