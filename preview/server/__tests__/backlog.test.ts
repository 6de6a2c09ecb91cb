/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk GraphQL response bodies */
/**
 * The supervisor backlog in the sample org: the seed has queues and a waiting backlog that puts
 * every figure to work (within and over a two-minute target, no start time, owned by an agent or
 * by a queue that can't be read, channels that clear and one that doesn't), the session metrics
 * the panel asks for, and the backlog's document reads one covering index. Expected values come
 * from SQL written here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, openDatabase } from '../db';
import type { Db } from '../db';
import { executeGraphql } from '../graphql';
import { METRIC_TYPE_VALUES } from '../metadata';
import { BACKLOG_DOCUMENT } from '../../../force-app/main/default/lwc/messagingBacklog/backlogDocuments';
import {
    QUEUES,
    QUIET_CHANNEL_LABEL,
    UNREADABLE_QUEUE_ID,
    seedDatabase
} from '../seed';

const ANCHOR = Date.parse('2026-03-15T14:37:00.000Z');
const TARGET_MS = 120_000;
const WAITING = `"Status" IN ('Waiting', 'New')`;
const iso = (ms: number) => new Date(ms).toISOString();

let dir: string;
let db: Db;
let statements: string[] = [];

function seeded(path: string): Db {
    const out = openDatabase(path, { wal: false });
    createSchema(out);
    seedDatabase(out, { sessions: 3000, anchor: ANCHOR });
    return out;
}

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'preview-backlog-'));
    db = seeded(join(dir, 'org.sqlite'));
    const prepare = db.prepare.bind(db);
    (db as any).prepare = (sql: string) => {
        statements.push(sql);
        return prepare(sql);
    };
});

afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
});

const rows = (sql: string, ...params: unknown[]): any[] =>
    db.prepare(sql).all(...params) as any[];
const one = (sql: string, ...params: unknown[]): any =>
    db.prepare(sql).get(...params);

describe('the seed', () => {
    it('has at least three queues, each a Group of type Queue with an API name', () => {
        const queues = rows(
            `SELECT "Id", "DeveloperName" FROM "Group" WHERE "Type" = 'Queue'`
        );
        expect(queues.length).toBeGreaterThanOrEqual(3);
        for (const queue of queues)
            expect(queue.DeveloperName).toMatch(/^[A-Za-z]\w*$/);
        expect(queues.map((q) => q.Id).sort()).toEqual(
            QUEUES.map((q) => q.id).sort()
        );
    });

    it('routes waiting sessions to every queue, across channels and channel types', () => {
        const byQueue = rows(
            `SELECT "OwnerId" o, COUNT(*) n FROM "MessagingSession" WHERE ${WAITING}
             AND "OwnerId" IN (SELECT "Id" FROM "Group" WHERE "Type" = 'Queue') GROUP BY 1`
        );
        expect(byQueue.length).toBe(QUEUES.length);
        const spread = one(
            `SELECT COUNT(DISTINCT "MessagingChannelId") channels, COUNT(DISTINCT "ChannelType") types
             FROM "MessagingSession" WHERE ${WAITING}`
        );
        expect(spread.channels).toBeGreaterThanOrEqual(3);
        expect(spread.types).toBeGreaterThanOrEqual(3);
        // New waits on standard channels only.
        expect(
            one(
                `SELECT COUNT(*) n FROM "MessagingSession" s JOIN "MessagingChannel" c ON c."Id" = s."MessagingChannelId"
                 WHERE s."Status" = 'New' AND c."PlatformType" = 'Standard'`
            ).n
        ).toBeGreaterThan(0);
    });

    it('has waiting sessions within and over a two-minute target, none in the future, a few without a start', () => {
        const waits = one(
            `SELECT SUM("StartTime" >= ?) within, SUM("StartTime" < ?) over, SUM("StartTime" > ?) future,
                    SUM("StartTime" IS NULL) noStart, MIN("StartTime") oldest
             FROM "MessagingSession" WHERE ${WAITING} AND "OwnerId" LIKE '00G%'`,
            iso(ANCHOR - TARGET_MS),
            iso(ANCHOR - TARGET_MS),
            iso(ANCHOR)
        );
        expect(waits.within).toBeGreaterThan(0);
        expect(waits.over).toBeGreaterThan(waits.within);
        expect(waits.future).toBe(0);
        expect(waits.noStart).toBeGreaterThan(0);
        // Seconds to tens of minutes, not hours.
        expect(Date.parse(waits.oldest)).toBeGreaterThan(ANCHOR - 60 * 60_000);
    });

    it('has a couple of waiting sessions owned by an agent, and one by a queue with no readable row', () => {
        expect(
            one(
                `SELECT COUNT(*) n FROM "MessagingSession" WHERE ${WAITING} AND "OwnerId" LIKE '005%'`
            ).n
        ).toBe(2);
        expect(
            one(
                `SELECT COUNT(*) n FROM "MessagingSession" WHERE ${WAITING} AND "OwnerId" = ?`,
                UNREADABLE_QUEUE_ID
            ).n
        ).toBe(1);
        expect(
            one(
                `SELECT COUNT(*) n FROM "Group" WHERE "Id" = ?`,
                UNREADABLE_QUEUE_ID
            ).n
        ).toBe(0);
    });

    it('accepted sessions in the last hour on some channels, and none on one where sessions wait', () => {
        const accepted = rows(
            `SELECT c."MasterLabel" label, COUNT(s."Id") n FROM "MessagingChannel" c
             LEFT JOIN "MessagingSession" s ON s."MessagingChannelId" = c."Id" AND s."AcceptTime" >= ?
             GROUP BY c."Id"`,
            iso(ANCHOR - 60 * 60_000)
        );
        expect(accepted.filter((a) => a.n > 0).length).toBeGreaterThanOrEqual(
            3
        );
        expect(accepted.find((a) => a.label === QUIET_CHANNEL_LABEL)?.n).toBe(
            0
        );
        expect(
            one(
                `SELECT COUNT(*) n FROM "MessagingSession" s JOIN "MessagingChannel" c ON c."Id" = s."MessagingChannelId"
                 WHERE ${WAITING.replace('"Status"', 's."Status"')} AND c."MasterLabel" = ?`,
                QUIET_CHANNEL_LABEL
            ).n
        ).toBeGreaterThan(0);
    });

    it('records ServiceRepFirstResponseTime, a documented metric type the panel asks for', () => {
        expect(METRIC_TYPE_VALUES.map((v) => v.value)).toContain(
            'ServiceRepFirstResponseTime'
        );
        expect(
            one(
                `SELECT COUNT(*) n FROM "MessagingSessionMetrics" WHERE "MessagingSessionMetricType" = 'ServiceRepFirstResponseTime'`
            ).n
        ).toBeGreaterThan(0);
    });

    it('is a pure function of the session count and the anchor', () => {
        const again = seeded(join(dir, 'again.sqlite'));
        try {
            const digest = (d: Db) =>
                d
                    .prepare(
                        `SELECT group_concat("Id" || "Status" || "OwnerId" || IFNULL("StartTime", '') || IFNULL("AcceptTime", ''), ',')
                         AS s FROM (SELECT * FROM "MessagingSession" ORDER BY "Id")`
                    )
                    .get() as { s: string };
            expect(digest(again).s).toBe(digest(db).s);
        } finally {
            again.close();
        }
    });
});

describe("the backlog's document", () => {
    // The variables as messagingBacklog sends them for every queue (backlogQuery.ts).
    const variables = {
        waitingWhere: { Status: { in: ['Waiting', 'New'] } },
        overTargetWhere: {
            and: [
                { Status: { in: ['Waiting', 'New'] } },
                { StartTime: { lt: { value: iso(ANCHOR - TARGET_MS) } } }
            ]
        },
        acceptedWhere: {
            AcceptTime: { gte: { value: iso(ANCHOR - 60 * 60_000) } }
        },
        queueWhere: {
            and: [
                { Type: { eq: 'Queue' } },
                {
                    Id: {
                        inq: {
                            MessagingSession: {
                                Status: { in: ['Waiting', 'New'] }
                            },
                            ApiName: 'OwnerId'
                        }
                    }
                }
            ]
        },
        channelWhere: {
            Id: {
                inq: {
                    MessagingSession: { Status: { in: ['Waiting', 'New'] } },
                    ApiName: 'MessagingChannelId'
                }
            }
        }
    };

    it('counts as SQL does, and reads the waiting sessions from one covering index', async () => {
        statements = [];
        const res = await executeGraphql(db, {
            query: BACKLOG_DOCUMENT,
            variables
        });
        const body = res.body as { data: any; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        const sum = (alias: string) =>
            body.data.uiapi.aggregate[alias].edges.reduce(
                (n: number, e: any) => n + e.node.aggregate.Id.count.value,
                0
            );
        expect(sum('waiting')).toBe(
            one(`SELECT COUNT(*) n FROM "MessagingSession" WHERE ${WAITING}`).n
        );
        expect(sum('overTarget')).toBe(
            one(
                `SELECT COUNT(*) n FROM "MessagingSession" WHERE ${WAITING} AND "StartTime" < ?`,
                iso(ANCHOR - TARGET_MS)
            ).n
        );
        // The unreadable queue owns a session but has no name to give.
        const named = body.data.uiapi.query.Group.edges.map(
            (e: any) => e.node.Id
        );
        expect(named).not.toContain(UNREADABLE_QUEUE_ID);
        expect(named.length).toBe(QUEUES.length);

        const plans = statements
            .filter((sql) => /^SELECT/.test(sql) && sql.includes('GROUP BY'))
            .filter((sql) => sql.includes('"Status" IN'))
            .map((sql) =>
                (
                    db
                        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
                        .all(
                            ...Array<null>(
                                (sql.match(/\?/g) ?? []).length
                            ).fill(null)
                        ) as Array<{ detail: string }>
                )
                    .map((r) => r.detail)
                    .join(' | ')
            );
        expect(plans).toHaveLength(2);
        for (const plan of plans)
            expect(plan).toMatch(
                /SEARCH t\d+ USING COVERING INDEX idx_MessagingSession_backlog \(Status=\?/
            );
    });
});
