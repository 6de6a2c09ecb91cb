/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk JSON response bodies of many shapes */
/**
 * The preview data server: seed, UI API REST shapes, writes, GraphQL (checked against SQL written
 * independently here), aggregates, parameterization, error injection and the org proxy mapping.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, openDatabase } from '../db';
import type { Db } from '../db';
import { idSuffix, makeId, to18 } from '../ids';
import { OBJECTS, objectDef } from '../metadata';
import { mapRequest, parseOrgDisplay } from '../proxy';
import { seedDatabase, CURRENT_USER_ID } from '../seed';
import { startPreviewServer } from '../server';
import type { PreviewServer } from '../server';
import { SESSION_LIST_DOCUMENT } from '../../../force-app/main/default/lwc/messagingSessionList/sessionListDocument';

// The shared server's data is anchored at "now" (to the minute), like `npm start`, so relative date filters find rows.
const ANCHOR = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const FIXED_ANCHOR = '2026-03-15T12:00:00.000Z';
const N = 400;

let dir: string;
let server: PreviewServer;
let db: Db;

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-server-'));
    mkdirSync(join(dir, 'static'));
    writeFileSync(
        join(dir, 'static', 'index.html'),
        '<!doctype html><title>preview</title>'
    );
    server = await startPreviewServer({
        port: 0,
        dbPath: join(dir, 'org.sqlite'),
        sessions: N,
        anchor: ANCHOR,
        staticDir: join(dir, 'static')
    });
    db = server.db as Db;
});

afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
});

const api = (path: string) => `${server.url}/services/data/v66.0${path}`;

async function gql(
    query: string,
    variables: Record<string, unknown> = {}
): Promise<{ data: any; errors?: any[] }> {
    const res = await fetch(api('/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables })
    });
    expect(res.status).toBe(200);
    return res.json();
}

const sessionsOf = (result: { data: any }) =>
    result.data.uiapi.query.MessagingSession;
const ids = (conn: any): string[] => conn.edges.map((e: any) => e.node.Id);
const sqlIds = (sql: string, ...params: unknown[]): string[] =>
    (db.prepare(sql).all(...params) as Array<{ Id: string }>).map((r) => r.Id);

describe('ids', () => {
    it('computes the case-safe suffix and converts 15-character IDs', () => {
        const id = makeId('0Mw', 12345);
        expect(id).toHaveLength(18);
        expect(id.slice(15)).toBe(idSuffix(id.slice(0, 15)));
        expect(to18(id.slice(0, 15))).toBe(id);
        expect(to18('not an id')).toBeNull();
        // Known pair from the Salesforce docs convention: all-lowercase/digits → 'AAA'.
        expect(idSuffix('001000000000000')).toBe('AAA');
        expect(idSuffix('A00000000000000')).toBe('BAA');
    });
});

describe('seed', () => {
    function dump(database: Db): string {
        const hash = createHash('sha256');
        for (const o of OBJECTS) {
            for (const row of database
                .prepare(`SELECT * FROM "${o.apiName}" ORDER BY "Id"`)
                .all())
                hash.update(JSON.stringify(row));
        }
        return hash.digest('hex');
    }

    it('is deterministic for the same size and anchor, and different for another anchor', () => {
        const make = (anchor: string) => {
            const d = openDatabase(':memory:');
            createSchema(d);
            seedDatabase(d, { sessions: 150, anchor });
            return d;
        };
        const a = make(FIXED_ANCHOR);
        const b = make(FIXED_ANCHOR);
        const c = make('2026-03-16T12:00:00.000Z');
        expect(dump(a)).toBe(dump(b));
        expect(dump(a)).not.toBe(dump(c));
        expect(
            (
                a
                    .prepare('SELECT COUNT(*) n FROM "MessagingSession"')
                    .get() as { n: number }
            ).n
        ).toBe(150);
        [a, b, c].forEach((d) => d.close());
    });

    it('covers every picklist value, open and ended sessions, agents, history, feed and metrics', () => {
        const values = (col: string) =>
            new Set(
                (
                    db
                        .prepare(
                            `SELECT DISTINCT "${col}" v FROM "MessagingSession"`
                        )
                        .all() as Array<{ v: string }>
                ).map((r) => r.v)
            );
        const session = objectDef('MessagingSession')!;
        for (const col of [
            'Status',
            'ChannelType',
            'Origin',
            'AgentType',
            'EndedByType'
        ]) {
            const f = session.fields.find((x) => x.name === col)!;
            const present = values(col);
            for (const p of f.picklist!)
                expect([col, present.has(p.value)]).toEqual([col, true]);
        }
        expect(values('Status').has('Transferred')).toBe(true); // unknown value on purpose
        expect(values('ChannelType').has('Instagram')).toBe(true);
        const owners = db
            .prepare(
                'SELECT COUNT(DISTINCT "OwnerId") n FROM "MessagingSession" WHERE "OwnerId" LIKE \'005%\''
            )
            .get() as { n: number };
        expect(owners.n).toBe(25);
        expect(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "EndTime" < "AcceptTime"'
                    )
                    .get() as { n: number }
            ).n
        ).toBeGreaterThan(0);
        const range = db
            .prepare(
                'SELECT MIN("StartTime") lo, MAX("StartTime") hi FROM "MessagingSession"'
            )
            .get() as { lo: string; hi: string };
        expect(Date.parse(range.hi)).toBeLessThanOrEqual(Date.parse(ANCHOR));
        expect(Date.parse(range.lo)).toBeGreaterThanOrEqual(
            Date.parse(ANCHOR) - 30 * 86_400_000
        );
        for (const table of [
            'MessagingSessionHistory',
            'MessagingSessionFeed',
            'MessagingSessionMetrics'
        ]) {
            expect(
                (
                    db.prepare(`SELECT COUNT(*) n FROM "${table}"`).get() as {
                        n: number;
                    }
                ).n
            ).toBeGreaterThan(N / 2);
        }
        expect(
            (
                db
                    .prepare(
                        `SELECT COUNT(*) n FROM "MessagingSessionFeed" WHERE "Body" LIKE '%<script%' OR "Body" LIKE '%onerror%'`
                    )
                    .get() as { n: number }
            ).n
        ).toBeGreaterThan(0);
        expect(
            (
                db
                    .prepare(
                        `SELECT COUNT(DISTINCT "Type") n FROM "MessagingSessionFeed"`
                    )
                    .get() as { n: number }
            ).n
        ).toBe(3);
        expect(
            (
                db
                    .prepare(
                        `SELECT COUNT(DISTINCT "PlatformType") n FROM "MessagingChannel"`
                    )
                    .get() as { n: number }
            ).n
        ).toBe(2);
    });

    it('has nulls in every nillable MessagingSession field and none in the required ones', () => {
        for (const f of objectDef('MessagingSession')!.fields) {
            const nulls = (
                db
                    .prepare(
                        `SELECT COUNT(*) n FROM "MessagingSession" WHERE "${f.name}" IS NULL`
                    )
                    .get() as { n: number }
            ).n;
            if (f.nillable === false)
                expect([f.name, nulls]).toEqual([f.name, 0]);
            else expect([f.name, nulls > 0]).toEqual([f.name, true]);
        }
    });
});

describe('UI API REST', () => {
    const firstId = () =>
        (
            db
                .prepare(
                    'SELECT "Id" FROM "MessagingSession" WHERE "OwnerId" LIKE \'005%\' ORDER BY "Id" LIMIT 1'
                )
                .get() as { Id: string }
        ).Id;

    it('returns a RecordRepresentation with nested relationship records', async () => {
        const id = firstId();
        const row = db
            .prepare('SELECT * FROM "MessagingSession" WHERE "Id" = ?')
            .get(id) as Record<string, any>;
        const owner = db
            .prepare('SELECT "Name" FROM "User" WHERE "Id" = ?')
            .get(row.OwnerId) as { Name: string };
        const res = await fetch(
            api(
                `/ui-api/records/${id}?fields=MessagingSession.Status,MessagingSession.Owner.Name,MessagingSession.MessagingChannel.PlatformType&optionalFields=MessagingSession.NoSuchField__c,MessagingSession.MSC_WaitSeconds__c`
            )
        );
        expect(res.status).toBe(200);
        const rec = await res.json();
        expect(rec).toMatchObject({
            apiName: 'MessagingSession',
            id,
            recordTypeId: '012000000000000AAA',
            lastModifiedDate: row.LastModifiedDate
        });
        expect(rec.fields.Status.value).toBe(row.Status);
        expect(rec.fields.Owner.displayValue).toBe(owner.Name);
        expect(rec.fields.Owner.value.apiName).toBe('User');
        expect(rec.fields.Owner.value.fields.Name.value).toBe(owner.Name);
        expect(['Standard', 'Enhanced', null]).toContain(
            rec.fields.MessagingChannel.value.fields.PlatformType.value
        );
        expect(rec.fields.MSC_WaitSeconds__c.value).toBe(
            row.MSC_WaitSeconds__c
        );
        expect(rec.fields).not.toHaveProperty('NoSuchField__c');
        expect(Object.keys(rec.fields).sort()).toEqual([
            'MSC_WaitSeconds__c',
            'MessagingChannel',
            'Owner',
            'Status'
        ]);
    });

    it('answers 400 for an unknown required field and 404 for an unknown id', async () => {
        const bad = await fetch(
            api(`/ui-api/records/${firstId()}?fields=MessagingSession.Nope`)
        );
        expect(bad.status).toBe(400);
        expect((await bad.json())[0]).toMatchObject({
            errorCode: 'INVALID_FIELD'
        });
        const missing = await fetch(
            api(
                `/ui-api/records/${makeId('0Mw', 999_999)}?fields=MessagingSession.Status`
            )
        );
        expect(missing.status).toBe(404);
        expect(await missing.json()).toEqual([
            { errorCode: 'NOT_FOUND', message: expect.any(String) }
        ]);
    });

    it('describes objects with fields, reference targets and updateability', async () => {
        const info = await (
            await fetch(api('/ui-api/object-info/MessagingSession'))
        ).json();
        expect(info).toMatchObject({
            apiName: 'MessagingSession',
            keyPrefix: '0Mw',
            nameFields: ['Name']
        });
        expect(info.fields.OwnerId).toMatchObject({
            dataType: 'Reference',
            relationshipName: 'Owner',
            polymorphicForeignKey: true,
            updateable: true
        });
        expect(
            info.fields.OwnerId.referenceToInfos.map((r: any) => r.apiName)
        ).toEqual(['User', 'Group']);
        expect(info.fields.Status).toMatchObject({
            dataType: 'Picklist',
            updateable: false
        });
        expect(info.fields.MSC_WaitSeconds__c).toMatchObject({
            dataType: 'Double',
            custom: true,
            precision: 18,
            scale: 0
        });
        expect(
            info.childRelationships.map((c: any) => c.relationshipName)
        ).toEqual(expect.arrayContaining(['Histories', 'Feeds']));
        const picklist = await (
            await fetch(
                api(
                    '/ui-api/object-info/MessagingSession/picklist-values/012000000000000AAA/Status'
                )
            )
        ).json();
        expect(picklist.values.map((v: any) => v.value)).toEqual([
            'New',
            'Active',
            'Consent',
            'Waiting',
            'Paused',
            'Inactive',
            'Ended',
            'Error'
        ]);
        expect(
            (await fetch(api('/ui-api/object-info/NoSuchObject'))).status
        ).toBe(404);
    });

    it('pages related-list records (Histories, Feeds) with tokens, newest first', async () => {
        const parent = db
            .prepare(
                'SELECT "MessagingSessionId" id, COUNT(*) n FROM "MessagingSessionHistory" GROUP BY 1 HAVING n >= 4 LIMIT 1'
            )
            .get() as { id: string; n: number };
        const expected = sqlIds(
            'SELECT "Id" FROM "MessagingSessionHistory" WHERE "MessagingSessionId" = ? ORDER BY "CreatedDate" DESC, "Id" DESC',
            parent.id
        );
        const url = (token?: string) =>
            api(
                `/ui-api/related-list-records/${parent.id}/Histories?fields=MessagingSessionHistory.Field,MessagingSessionHistory.OldValue,MessagingSessionHistory.NewValue,MessagingSessionHistory.CreatedBy.Name&pageSize=3${token ? `&pageToken=${token}` : ''}`
            );
        const page1 = await (await fetch(url())).json();
        expect(page1.records.map((r: any) => r.id)).toEqual(
            expected.slice(0, 3)
        );
        expect(page1).toMatchObject({
            count: 3,
            pageSize: 3,
            parentRecordId: parent.id,
            listReference: { relatedListId: 'Histories' }
        });
        expect(page1.records[0].fields.Field).toBeDefined();
        expect(page1.nextPageToken).toBeTruthy();
        const page2 = await (await fetch(url(page1.nextPageToken))).json();
        expect(page2.records.map((r: any) => r.id)).toEqual(
            expected.slice(3, 6)
        );
        // POST form (getRelatedListRecordsBatch-style body) gives the same first page.
        const post = await (
            await fetch(
                api(`/ui-api/related-list-records/${parent.id}/Feeds`),
                {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({
                        fields: [
                            'MessagingSessionFeed.Body',
                            'MessagingSessionFeed.Type'
                        ],
                        pageSize: 10
                    })
                }
            )
        ).json();
        expect(post.records.map((r: any) => r.id)).toEqual(
            sqlIds(
                'SELECT "Id" FROM "MessagingSessionFeed" WHERE "ParentId" = ? ORDER BY "CreatedDate" DESC, "Id" DESC LIMIT 10',
                parent.id
            )
        );
    });

    it('PATCH persists, bumps LastModifiedDate, writes history, and answers 412 when modified since', async () => {
        const id = firstId();
        const before = db
            .prepare('SELECT * FROM "MessagingSession" WHERE "Id" = ?')
            .get(id) as Record<string, any>;
        const historyBefore = (
            db
                .prepare(
                    'SELECT COUNT(*) n FROM "MessagingSessionHistory" WHERE "MessagingSessionId" = ?'
                )
                .get(id) as { n: number }
        ).n;
        const loadedAt = new Date(
            Date.parse(before.LastModifiedDate) + 1000
        ).toUTCString();
        const res = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: {
                'content-type': 'application/json',
                'if-unmodified-since': loadedAt
            },
            body: JSON.stringify({
                fields: {
                    ChannelIntent: "Refund 'quoted' 100%",
                    OwnerId: makeId('005', 7)
                }
            })
        });
        expect(res.status).toBe(200);
        const rec = await res.json();
        expect(rec.fields.ChannelIntent.value).toBe("Refund 'quoted' 100%");
        const after = db
            .prepare('SELECT * FROM "MessagingSession" WHERE "Id" = ?')
            .get(id) as Record<string, any>;
        expect(after.ChannelIntent).toBe("Refund 'quoted' 100%");
        expect(after.OwnerId).toBe(makeId('005', 7));
        expect(after.LastModifiedById).toBe(CURRENT_USER_ID);
        expect(Date.parse(after.LastModifiedDate)).toBeGreaterThan(
            Date.parse(before.LastModifiedDate)
        );
        const hist = db
            .prepare(
                'SELECT * FROM "MessagingSessionHistory" WHERE "MessagingSessionId" = ? AND "CreatedDate" = ?'
            )
            .all(id, after.LastModifiedDate) as Array<Record<string, any>>;
        expect(hist.length).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSessionHistory" WHERE "MessagingSessionId" = ?'
                    )
                    .get(id) as { n: number }
            ).n - historyBefore
        );
        expect(hist).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    Field: 'ChannelIntent',
                    OldValue: before.ChannelIntent,
                    NewValue: "Refund 'quoted' 100%",
                    DataType: 'Text'
                }),
                expect.objectContaining({
                    Field: 'Owner',
                    OldValue: before.OwnerId,
                    NewValue: makeId('005', 7),
                    DataType: 'EntityId'
                })
            ])
        );
        // The same stale header now conflicts.
        const stale = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: {
                'content-type': 'application/json',
                'if-unmodified-since': new Date(
                    Date.parse(before.LastModifiedDate)
                ).toUTCString()
            },
            body: JSON.stringify({ fields: { ChannelIntent: 'x' } })
        });
        expect(stale.status).toBe(412);
        expect((await stale.json())[0].errorCode).toBe('PRECONDITION_FAILED');
        // ISO form (what LDS sends: the loaded record's lastModifiedDate) is compared exactly.
        const staleIso = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: {
                'content-type': 'application/json',
                'if-unmodified-since': new Date(
                    Date.parse(after.LastModifiedDate) - 1
                ).toISOString()
            },
            body: JSON.stringify({ fields: { ChannelIntent: 'y' } })
        });
        expect(staleIso.status).toBe(412);
        const fresh = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: {
                'content-type': 'application/json',
                'if-unmodified-since': after.LastModifiedDate
            },
            body: JSON.stringify({
                fields: { ChannelIntent: "Refund 'quoted' 100%" }
            })
        });
        expect(fresh.status).toBe(200);
        expect(
            (
                db
                    .prepare(
                        'SELECT "ChannelIntent" c FROM "MessagingSession" WHERE "Id" = ?'
                    )
                    .get(id) as { c: string }
            ).c
        ).toBe("Refund 'quoted' 100%");
        // An HTTP date (what the detail component sends) has whole seconds: a record modified
        // within that same second, milliseconds later, is not "modified since".
        const current = db
            .prepare(
                'SELECT "LastModifiedDate" d FROM "MessagingSession" WHERE "Id" = ?'
            )
            .get(id) as { d: string };
        const withMillis = new Date(
            Math.floor(Date.parse(current.d) / 1000) * 1000 + 459
        ).toISOString();
        db.prepare(
            'UPDATE "MessagingSession" SET "LastModifiedDate" = ? WHERE "Id" = ?'
        ).run(withMillis, id);
        const httpDate = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: {
                'content-type': 'application/json',
                'if-unmodified-since': new Date(
                    Date.parse(withMillis)
                ).toUTCString()
            },
            body: JSON.stringify({ fields: { ChannelIntent: 'Same second' } })
        });
        expect(httpDate.status).toBe(200);
    });

    it('PATCH answers field errors in the record write-error shape', async () => {
        const id = firstId();
        const res = await fetch(api(`/ui-api/records/${id}`), {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
                fields: {
                    ChannelGroup: 'x'.repeat(256),
                    Status: 'Ended',
                    CaseId: makeId('005', 2)
                }
            })
        });
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.output.fieldErrors.ChannelGroup[0]).toMatchObject({
            errorCode: 'STRING_TOO_LONG',
            field: 'ChannelGroup',
            fieldLabel: 'Group'
        });
        expect(body.output.fieldErrors.Status[0].errorCode).toBe(
            'INVALID_FIELD_FOR_INSERT_UPDATE'
        );
        expect(body.output.fieldErrors.CaseId[0].errorCode).toBe(
            'FIELD_INTEGRITY_EXCEPTION'
        );
        expect(
            (
                db
                    .prepare(
                        'SELECT "Status" s FROM "MessagingSession" WHERE "Id" = ?'
                    )
                    .get(id) as { s: string }
            ).s
        ).not.toBe('Ended-never');
    });
});

describe('GraphQL records', () => {
    const LIST = `query List($where: MessagingSession_Filter, $first: Int, $after: String, $orderBy: MessagingSession_OrderBy) {
        uiapi { query { MessagingSession(where: $where, first: $first, after: $after, orderBy: $orderBy) {
            edges { node { Id Name { value } Status { value displayValue } StartTime { value displayValue } MSC_WaitSeconds__c { value }
                Owner { __typename ... on User { Name { value } } ... on Group { Name { value } } }
                MessagingEndUser { Name { value } } MessagingChannel { PlatformType { value } } } cursor }
            pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } } }`;

    it('filters, sorts and pages exactly as SQL does', async () => {
        const where = {
            and: [
                { Status: { in: ['Active', 'Waiting', 'Paused'] } },
                { ChannelType: { ne: 'Text' } }
            ]
        };
        const expected = sqlIds(
            `SELECT "Id" FROM "MessagingSession" WHERE "Status" IN ('Active','Waiting','Paused') AND ("ChannelType" IS NULL OR "ChannelType" <> 'Text') ORDER BY "StartTime" DESC, "Id" ASC`
        );
        expect(expected.length).toBeGreaterThan(12);
        const page1 = sessionsOf(
            await gql(LIST, {
                where,
                first: 10,
                orderBy: { StartTime: { order: 'DESC' } }
            })
        );
        expect(ids(page1)).toEqual(expected.slice(0, 10));
        expect(page1.totalCount).toBe(expected.length);
        expect(page1.pageInfo).toMatchObject({
            hasNextPage: true,
            hasPreviousPage: false
        });
        const page2 = sessionsOf(
            await gql(LIST, {
                where,
                first: 10,
                after: page1.pageInfo.endCursor,
                orderBy: { StartTime: { order: 'DESC' } }
            })
        );
        expect(ids(page2)).toEqual(expected.slice(10, 20));
        expect(page2.pageInfo.hasPreviousPage).toBe(true);
        const node = page1.edges[0].node;
        const row = db
            .prepare(
                'SELECT s.*, COALESCE(u."Name", g."Name") owner FROM "MessagingSession" s LEFT JOIN "User" u ON u."Id" = s."OwnerId" LEFT JOIN "Group" g ON g."Id" = s."OwnerId" WHERE s."Id" = ?'
            )
            .get(node.Id) as Record<string, any>;
        expect(node.Owner.Name.value).toBe(row.owner);
        expect(node.Owner.__typename).toBe(
            row.OwnerId.startsWith('005') ? 'User' : 'Group'
        );
        expect(node.Status.value).toBe(row.Status);
        expect(node.StartTime.value).toBe(row.StartTime);
    });

    it('sorts picklists in definition order and text case-insensitively, with nulls as asked', async () => {
        const res = sessionsOf(
            await gql(LIST, {
                first: 2000,
                orderBy: { Status: { order: 'ASC' }, Name: { order: 'DESC' } }
            })
        );
        const order = [
            'New',
            'Active',
            'Consent',
            'Waiting',
            'Paused',
            'Inactive',
            'Ended',
            'Error'
        ];
        const rank = (s: string) =>
            order.indexOf(s) === -1 ? order.length : order.indexOf(s);
        const statuses = res.edges.map((e: any) => e.node.Status.value);
        expect(statuses.map(rank)).toEqual(
            [...statuses.map(rank)].sort((a, b) => a - b)
        );
        const nullsLast = sessionsOf(
            await gql(LIST, {
                first: 2000,
                orderBy: { MSC_WaitSeconds__c: { order: 'ASC', nulls: 'LAST' } }
            })
        );
        const waits = nullsLast.edges.map(
            (e: any) => e.node.MSC_WaitSeconds__c.value
        );
        const firstNull = waits.indexOf(null);
        expect(firstNull).toBeGreaterThan(0);
        expect(waits.slice(firstNull).every((w: unknown) => w === null)).toBe(
            true
        );
    });

    it('searches with like across relationships, with quotes and % safely parameterized', async () => {
        // O'Brien is one of the agents; the apostrophe must not break anything.
        const where = {
            or: [
                { Name: { like: "%O'Brien%" } },
                { Owner: { User: { Name: { like: "%O'Brien%" } } } },
                { MessagingEndUser: { Name: { like: "%O'Brien%" } } }
            ]
        };
        const expected = sqlIds(
            `SELECT s."Id" FROM "MessagingSession" s LEFT JOIN "User" u ON u."Id" = s."OwnerId" LEFT JOIN "MessagingEndUser" e ON e."Id" = s."MessagingEndUserId" WHERE s."Name" LIKE ? OR u."Name" LIKE ? OR e."Name" LIKE ? ORDER BY s."Id"`,
            "%O'Brien%",
            "%O'Brien%",
            "%O'Brien%"
        );
        expect(expected.length).toBeGreaterThan(0);
        const res = await gql(LIST, { where, first: 2000 });
        expect(res.errors).toBeUndefined();
        expect(ids(sessionsOf(res)).sort()).toEqual(expected.sort());
        // A literal % (escaped) matches nothing in names; injection text is just data.
        const literal = await gql(LIST, {
            where: { Name: { like: '%\\%%' } },
            first: 10
        });
        expect(sessionsOf(literal).edges).toEqual([]);
        const injection = await gql(LIST, {
            where: {
                Name: { eq: `x' OR 1=1; DROP TABLE "MessagingSession"; --` }
            }
        });
        expect(sessionsOf(injection).totalCount).toBe(0);
        expect(
            (
                db
                    .prepare('SELECT COUNT(*) n FROM "MessagingSession"')
                    .get() as { n: number }
            ).n
        ).toBe(N);
    });

    it('filters DateTimes by value, literal and range, ids by 15 or 18 characters, and supports not/scope', async () => {
        const since = new Date(Date.parse(ANCHOR) - 86_400_000).toISOString();
        const byValue = sessionsOf(
            await gql(LIST, {
                where: { StartTime: { gte: { value: since } } },
                first: 1
            })
        );
        expect(byValue.totalCount).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "StartTime" >= ?'
                    )
                    .get(since) as { n: number }
            ).n
        );
        const today = new Date(
            new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z'
        ).getTime();
        const lastSeven = sessionsOf(
            await gql(
                `{ uiapi { query { MessagingSession(where: { StartTime: { gte: { range: { last_n_days: 7 } } } }) { totalCount } } } }`
            )
        );
        expect(lastSeven.totalCount).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "StartTime" >= ?'
                    )
                    .get(new Date(today - 7 * 86_400_000).toISOString()) as {
                    n: number;
                }
            ).n
        );
        const todayCount = sessionsOf(
            await gql(
                `{ uiapi { query { MessagingSession(where: { EndTime: { eq: { literal: TODAY } } }) { totalCount } } } }`
            )
        );
        expect(todayCount.totalCount).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "EndTime" >= ? AND "EndTime" < ?'
                    )
                    .get(
                        new Date(today).toISOString(),
                        new Date(today + 86_400_000).toISOString()
                    ) as { n: number }
            ).n
        );
        const id15 = CURRENT_USER_ID.slice(0, 15);
        const mine = sessionsOf(
            await gql(LIST, {
                where: {
                    OwnerId: { eq: id15 },
                    not: { Status: { eq: 'Ended' } }
                },
                first: 1
            })
        );
        expect(mine.totalCount).toBe(
            (
                db
                    .prepare(
                        `SELECT COUNT(*) n FROM "MessagingSession" WHERE "OwnerId" = ? AND NOT ("Status" = 'Ended')`
                    )
                    .get(CURRENT_USER_ID) as { n: number }
            ).n
        );
        const scoped = sessionsOf(
            await gql(
                `{ uiapi { query { MessagingSession(scope: MINE) { totalCount } } } }`
            )
        );
        expect(scoped.totalCount).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "OwnerId" = ?'
                    )
                    .get(CURRENT_USER_ID) as { n: number }
            ).n
        );
        const nulls = sessionsOf(
            await gql(
                `{ uiapi { query { MessagingSession(where: { AcceptTime: { eq: null } }) { totalCount } } } }`
            )
        );
        expect(nulls.totalCount).toBe(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSession" WHERE "AcceptTime" IS NULL'
                    )
                    .get() as { n: number }
            ).n
        );
    });

    it('enforces first/upperBound limits and stops paging at upperBound', async () => {
        const q = (args: string) =>
            gql(
                `{ uiapi { query { MessagingSession${args ? `(${args})` : ''} { edges { node { Id } } pageInfo { hasNextPage endCursor } } } } }`
            );
        expect((await q('first: 2001')).errors?.[0].message).toMatch(/2000/);
        expect(
            (await q('first: 50, upperBound: 300')).errors?.[0].message
        ).toMatch(/200 and 2000/);
        const p1 = sessionsOf(await q('first: 200, upperBound: 300'));
        expect(p1.edges).toHaveLength(200);
        expect(p1.pageInfo.hasNextPage).toBe(true);
        const p2 = sessionsOf(
            await q(
                `first: 200, upperBound: 300, after: "${p1.pageInfo.endCursor}"`
            )
        );
        expect(p2.edges).toHaveLength(100);
        expect(p2.pageInfo.hasNextPage).toBe(false);
        const dflt = sessionsOf(await q(''));
        expect(dflt.edges).toHaveLength(10);
    });

    it('rejects invalid queries with GraphQL validation errors', async () => {
        const res = await gql(
            `{ uiapi { query { MessagingSession { edges { node { NoSuchField { value } } } } } } }`
        );
        expect(res.data).toBeNull();
        expect(res.errors?.[0]).toMatchObject({
            message: expect.stringContaining('NoSuchField'),
            extensions: { ErrorType: 'ValidationError' }
        });
    });

    it('serves child relationships and other objects', async () => {
        const res = await gql(
            `{ uiapi { query { MessagingSession(first: 1, orderBy: { Name: { order: ASC } }) { edges { node { Name { value } Histories(first: 50) { edges { node { Field { value } } } } } } } User(first: 30) { totalCount } GroupMember(where: { GroupId: { eq: "00G8c0000000001EAA" } }) { totalCount } } } }`
        );
        expect(res.errors).toBeUndefined();
        const node = res.data.uiapi.query.MessagingSession.edges[0].node;
        const sid = sqlIds(
            'SELECT "Id" FROM "MessagingSession" ORDER BY "Name" COLLATE NOCASE LIMIT 1'
        )[0];
        expect(node.Histories.edges).toHaveLength(
            (
                db
                    .prepare(
                        'SELECT COUNT(*) n FROM "MessagingSessionHistory" WHERE "MessagingSessionId" = ?'
                    )
                    .get(sid) as { n: number }
            ).n
        );
        expect(res.data.uiapi.query.User.totalCount).toBe(25);
        expect(res.data.uiapi.query.GroupMember.totalCount).toBe(25);
    });
});

describe('component queries (documented in the preview contracts)', () => {
    // messagingSessionList: the one query it sends.
    const LIST_COMPONENT = SESSION_LIST_DOCUMENT;

    it('answers the session list query with filters, search, sort, status counts and upper-bound paging', async () => {
        const search = {
            or: [
                { Name: { like: '%MS-00000_%' } },
                { SessionKey: { like: '%MS-00000_%' } },
                { MessagingEndUser: { Name: { like: '%MS-00000_%' } } }
            ]
        };
        const where = {
            and: [
                { Status: { in: ['Ended', 'Active'] } },
                { ChannelType: { in: ['WhatsApp', 'Text'] } },
                { StartTime: { eq: { range: { last_n_days: 30 } } } },
                search
            ]
        };
        const countWhere = {
            and: [
                { ChannelType: { in: ['WhatsApp', 'Text'] } },
                { StartTime: { eq: { range: { last_n_days: 30 } } } },
                search
            ]
        };
        const res = await gql(LIST_COMPONENT, {
            where,
            countWhere,
            orderBy: {
                MessagingEndUser: { Name: { order: 'ASC', nulls: 'LAST' } }
            },
            first: 50,
            after: null,
            upperBound: null
        });
        expect(res.errors).toBeUndefined();
        const today = new Date(
            new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z'
        ).getTime();
        const params = [
            new Date(today - 30 * 86_400_000).toISOString(),
            new Date(today + 86_400_000).toISOString()
        ];
        const base = `FROM "MessagingSession" s LEFT JOIN "MessagingEndUser" e ON e."Id" = s."MessagingEndUserId" WHERE s."ChannelType" IN ('WhatsApp','Text') AND s."StartTime" >= ? AND s."StartTime" < ? AND (s."Name" LIKE 'MS-00000_%' OR s."SessionKey" LIKE '%MS-00000_%' OR e."Name" LIKE '%MS-00000_%')`;
        const expected = sqlIds(
            `SELECT s."Id" ${base} AND s."Status" IN ('Ended','Active') ORDER BY e."Name" COLLATE NOCASE ASC NULLS LAST, s."Id" ASC`,
            ...params
        );
        expect(expected.length).toBeGreaterThan(0);
        const conn = sessionsOf(res);
        expect(conn.totalCount).toBe(expected.length);
        expect(ids(conn)).toEqual(expected.slice(0, 50));
        const counts = db
            .prepare(`SELECT s."Status" v, COUNT(*) c ${base} GROUP BY 1`)
            .all(...params) as Array<{ v: string; c: number }>;
        const gotCounts = res.data.uiapi.aggregate.MessagingSession.edges.map(
            (e: any) => [
                e.node.aggregate.Status.value,
                e.node.aggregate.Id.count.value
            ]
        );
        expect(new Map(gotCounts)).toEqual(
            new Map(counts.map((r) => [r.v, r.c]))
        );
        // Owner is a User or a Group (a queue), or null when hidden.
        const owners = conn.edges.map((e: any) => e.node.Owner);
        owners.forEach((o: any) =>
            expect(o === null || typeof o === 'object').toBe(true)
        );

        const big = await gql(LIST_COMPONENT, {
            where: {},
            countWhere: {},
            orderBy: { Status: { order: 'DESC', nulls: 'LAST' } },
            first: 200,
            after: null,
            upperBound: 10000
        });
        expect(big.errors).toBeUndefined();
        expect(sessionsOf(big).edges).toHaveLength(200);
        const next = await gql(LIST_COMPONENT, {
            where: {},
            countWhere: {},
            orderBy: { Status: { order: 'DESC', nulls: 'LAST' } },
            first: 200,
            after: sessionsOf(big).pageInfo.endCursor,
            upperBound: 10000
        });
        expect(sessionsOf(next).edges).toHaveLength(N - 200);
        expect(sessionsOf(next).pageInfo.hasNextPage).toBe(false);
    });
});

describe('metrics panel and detail queries (documented in the preview contracts)', () => {
    const HANDLED = `aggregate { OwnerId { value } Id { count { value } } MSC_WaitSeconds__c { avg { value } max { value } count { value } }
        MSC_HandleSeconds__c { avg { value } max { value } count { value } } AgentMessageCount { sum { value } count { value } } EndUserMessageCount { sum { value } count { value } } }`;
    const METRICS = `query agentMetrics($handledWhere: MessagingSession_Filter, $openWhere: MessagingSession_Filter, $ownersWhere: User_Filter, $responseWhere: MessagingSessionMetrics_Filter) {
        uiapi {
            aggregate {
                MessagingSession(where: $handledWhere, groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { ${HANDLED} } } pageInfo { hasNextPage } }
                byChannel: MessagingSession(where: $handledWhere, groupBy: { OwnerId: { group: true }, ChannelType: { group: true } }, first: 2000) {
                    edges { node { aggregate { OwnerId { value } ChannelType { value } Id { count { value } } } } } pageInfo { hasNextPage } }
                openNow: MessagingSession(where: $openWhere, groupBy: { OwnerId: { group: true }, Status: { group: true } }, first: 2000) {
                    edges { node { aggregate { OwnerId { value } Status { value } Id { count { value } } } } } pageInfo { hasNextPage } }
                MessagingSessionMetrics(where: $responseWhere, groupBy: { MessagingSession: { OwnerId: { group: true } } }, first: 2000) {
                    edges { node { aggregate { MessagingSession { OwnerId { value } } MessagingSessionMetricValue { avg { value } count { value } } } } } }
            }
            query { User(where: $ownersWhere, first: 2000) { edges { node { Id Name { value } } } } }
        }
    }`;
    const day = 86_400_000;

    function variables(
        scope: 'me' | 'team' | 'group',
        from: string,
        to: string
    ) {
        const window = [
            { Status: { eq: 'Ended' } },
            { EndTime: { gte: { value: from }, lt: { value: to } } }
        ];
        const open = { Status: { in: ['Active', 'Waiting', 'Paused'] } };
        const member = {
            OwnerId: {
                inq: {
                    GroupMember: {
                        Group: { DeveloperName: { eq: 'Tier_1_Team' } }
                    },
                    ApiName: 'UserOrGroupId'
                }
            }
        };
        const handledWhere =
            scope === 'me'
                ? { and: [{ OwnerId: { eq: CURRENT_USER_ID } }, ...window] }
                : scope === 'group'
                  ? { and: [member, ...window] }
                  : { and: window };
        const openWhere =
            scope === 'me'
                ? { and: [{ OwnerId: { eq: CURRENT_USER_ID } }, open] }
                : scope === 'group'
                  ? { and: [member, open] }
                  : open;
        const ownersWhere =
            scope === 'me'
                ? { Id: { eq: CURRENT_USER_ID } }
                : scope === 'group'
                  ? {
                        Id: {
                            inq: {
                                GroupMember: {
                                    GroupId: { eq: makeId('00G', 2) }
                                },
                                ApiName: 'UserOrGroupId'
                            }
                        }
                    }
                  : {
                        Id: {
                            inq: {
                                MessagingSession: {
                                    or: [handledWhere, openWhere]
                                },
                                ApiName: 'OwnerId'
                            }
                        }
                    };
        return {
            handledWhere,
            openWhere,
            ownersWhere,
            responseWhere: {
                and: [
                    {
                        MessagingSessionMetricType: {
                            eq: 'AverageAgentResponseTime'
                        }
                    },
                    { MessagingSession: handledWhere }
                ]
            }
        };
    }

    it.each(['me', 'team', 'group'] as const)(
        'computes the agentMetrics figures for scope %s as SQL does',
        async (scope) => {
            const from = new Date(Date.parse(ANCHOR) - 29 * day).toISOString();
            const to = new Date(Date.parse(ANCHOR) + day).toISOString();
            const res = await gql(METRICS, variables(scope, from, to));
            expect(res.errors).toBeUndefined();
            const ownerCond =
                scope === 'me'
                    ? `AND "OwnerId" = '${CURRENT_USER_ID}'`
                    : scope === 'group'
                      ? `AND "OwnerId" IN (SELECT "UserOrGroupId" FROM "GroupMember" WHERE "GroupId" = '${makeId('00G', 2)}')`
                      : '';
            const handled = db
                .prepare(
                    `SELECT "OwnerId" o, COUNT(*) n, AVG("MSC_WaitSeconds__c") wa, MAX("MSC_WaitSeconds__c") wm, COUNT("MSC_WaitSeconds__c") wc, AVG("MSC_HandleSeconds__c") ha, SUM("AgentMessageCount") am, COUNT("EndUserMessageCount") ec
                FROM "MessagingSession" WHERE "Status" = 'Ended' AND "EndTime" >= ? AND "EndTime" < ? ${ownerCond} GROUP BY "OwnerId" ORDER BY "OwnerId"`
                )
                .all(from, to) as Array<Record<string, number | string | null>>;
            expect(handled.length).toBeGreaterThan(0);
            const got = res.data.uiapi.aggregate.MessagingSession.edges.map(
                (e: any) => e.node.aggregate
            );
            expect(
                got.map((g: any) => [
                    g.OwnerId.value,
                    g.Id.count.value,
                    g.MSC_WaitSeconds__c.avg.value,
                    g.MSC_WaitSeconds__c.max.value,
                    g.MSC_WaitSeconds__c.count.value,
                    g.MSC_HandleSeconds__c.avg.value,
                    g.AgentMessageCount.sum.value,
                    g.EndUserMessageCount.count.value
                ])
            ).toEqual(
                handled.map((h) => [
                    h.o,
                    h.n,
                    h.wa,
                    h.wm,
                    h.wc,
                    h.ha,
                    h.am,
                    h.ec
                ])
            );
            const open = db
                .prepare(
                    `SELECT "OwnerId" o, "Status" s, COUNT(*) n FROM "MessagingSession" WHERE "Status" IN ('Active','Waiting','Paused') ${ownerCond} GROUP BY 1, 2`
                )
                .all() as Array<{ o: string; s: string; n: number }>;
            expect(
                new Map(
                    res.data.uiapi.aggregate.openNow.edges.map((e: any) => [
                        `${e.node.aggregate.OwnerId.value}/${e.node.aggregate.Status.value}`,
                        e.node.aggregate.Id.count.value
                    ])
                )
            ).toEqual(new Map(open.map((r) => [`${r.o}/${r.s}`, r.n])));
            const byChannel = db
                .prepare(
                    `SELECT COUNT(*) n FROM (SELECT 1 FROM "MessagingSession" WHERE "Status" = 'Ended' AND "EndTime" >= ? AND "EndTime" < ? ${ownerCond} GROUP BY "OwnerId", "ChannelType")`
                )
                .get(from, to) as { n: number };
            expect(res.data.uiapi.aggregate.byChannel.edges).toHaveLength(
                byChannel.n
            );
            const response = db
                .prepare(
                    `SELECT s."OwnerId" o, AVG(m."MessagingSessionMetricValue") a, COUNT(m."MessagingSessionMetricValue") c FROM "MessagingSessionMetrics" m JOIN "MessagingSession" s ON s."Id" = m."MessagingSessionId"
                WHERE m."MessagingSessionMetricType" = 'AverageAgentResponseTime' AND s."Status" = 'Ended' AND s."EndTime" >= ? AND s."EndTime" < ? ${ownerCond.replace('"OwnerId"', 's."OwnerId"')} GROUP BY 1 ORDER BY 1`
                )
                .all(from, to) as Array<{ o: string; a: number; c: number }>;
            expect(
                res.data.uiapi.aggregate.MessagingSessionMetrics.edges.map(
                    (e: any) => [
                        e.node.aggregate.MessagingSession.OwnerId.value,
                        e.node.aggregate.MessagingSessionMetricValue.avg.value,
                        e.node.aggregate.MessagingSessionMetricValue.count.value
                    ]
                )
            ).toEqual(response.map((r) => [r.o, r.a, r.c]));
            const owners = res.data.uiapi.query.User.edges
                .map((e: any) => e.node.Id)
                .sort();
            const expectedOwners =
                scope === 'me'
                    ? [CURRENT_USER_ID]
                    : scope === 'group'
                      ? sqlIds(
                            `SELECT "UserOrGroupId" "Id" FROM "GroupMember" WHERE "GroupId" = ? ORDER BY 1`,
                            makeId('00G', 2)
                        )
                      : sqlIds(
                            `SELECT "Id" FROM "User" WHERE "Id" IN (SELECT "OwnerId" FROM "MessagingSession" WHERE ("Status" = 'Ended' AND "EndTime" >= ? AND "EndTime" < ?) OR "Status" IN ('Active','Waiting','Paused')) ORDER BY 1`,
                            from,
                            to
                        );
            expect(owners).toEqual(expectedOwners);
        }
    );

    it('answers the detail getRecord with its exact field lists', async () => {
        const optional =
            'AcceptTime,AgentMessageCount,AgentType,CaseId,ChannelGroup,ChannelIntent,ChannelKey,ChannelLocale,ChannelName,ChannelType,ConversationId,EndedByType,EndTime,EndUserAccountId,EndUserContactId,EndUserLanguage,EndUserMessageCount,LeadId,MessagingChannelId,MessagingEndUserId,OpportunityId,Origin,OwnerId,PreviewDetails,SessionKey,StartTime,Status,TargetUserId,Case.CaseNumber,Lead.Name,Opportunity.Name,EndUserContact.Name,EndUserAccount.Name,MessagingEndUser.Name,MessagingChannel.MasterLabel,Owner.Name,TargetUser.Name,Conversation.Name,MessagingChannel.PlatformType'
                .split(',')
                .map((f) => `MessagingSession.${f}`)
                .join(',');
        const id = sqlIds(
            `SELECT "Id" FROM "MessagingSession" WHERE "CaseId" IS NOT NULL AND "EndUserContactId" IS NOT NULL ORDER BY "Id" LIMIT 1`
        )[0];
        const res = await fetch(
            api(
                `/ui-api/records/${id}?fields=MessagingSession.Name&optionalFields=${optional}`
            )
        );
        expect(res.status).toBe(200);
        const rec = await res.json();
        const row = db
            .prepare(
                'SELECT s.*, c."CaseNumber" cn, ct."Name" contact FROM "MessagingSession" s JOIN "Case" c ON c."Id" = s."CaseId" JOIN "Contact" ct ON ct."Id" = s."EndUserContactId" WHERE s."Id" = ?'
            )
            .get(id) as Record<string, any>;
        expect(rec.fields.Case.value.fields.CaseNumber.value).toBe(row.cn);
        expect(rec.fields.EndUserContact.displayValue).toBe(row.contact);
        expect(rec.fields.ConversationId.value).toBeNull();
        expect(rec.fields.Name.value).toBe(row.Name);
        expect(rec.fields).not.toHaveProperty('Conversation'); // not stored in the preview: an optional field is omitted
        expect(Object.keys(rec.fields)).toHaveLength(1 + 28 + 9); // Name, 28 fields, 9 relationships (MessagingChannel twice)
    });
});

describe('GraphQL aggregates', () => {
    it('groups by owner with count, avg and max, as SQL computes independently', async () => {
        const res =
            await gql(`{ uiapi { aggregate { MessagingSession(groupBy: { OwnerId: { group: true } }, where: { Status: { eq: "Ended" } }, first: 200) {
            edges { node { aggregate { OwnerId { value } Id { count { value } } MSC_WaitSeconds__c { avg { value } max { value } } MSC_HandleSeconds__c { sum { value } } } } }
            totalCount } } } }`);
        expect(res.errors).toBeUndefined();
        const conn = res.data.uiapi.aggregate.MessagingSession;
        const expected = db
            .prepare(
                `SELECT "OwnerId" o, COUNT(*) c, AVG("MSC_WaitSeconds__c") a, MAX("MSC_WaitSeconds__c") m, SUM("MSC_HandleSeconds__c") s FROM "MessagingSession" WHERE "Status" = 'Ended' GROUP BY "OwnerId" ORDER BY "OwnerId"`
            )
            .all() as Array<{
            o: string;
            c: number;
            a: number | null;
            m: number | null;
            s: number | null;
        }>;
        expect(conn.totalCount).toBe(expected.length);
        const got = conn.edges.map((e: any) => e.node.aggregate);
        expect(got.map((g: any) => g.OwnerId.value)).toEqual(
            expected.map((e) => e.o)
        );
        got.forEach((g: any, i: number) => {
            expect(g.Id.count.value).toBe(expected[i].c);
            expect(g.MSC_WaitSeconds__c.avg.value ?? null).toBe(expected[i].a);
            expect(g.MSC_WaitSeconds__c.max.value ?? null).toBe(expected[i].m);
            expect(g.MSC_HandleSeconds__c.sum.value ?? null).toBe(
                expected[i].s
            );
        });
    });

    it('aggregates without groupBy, groups by picklist / date function / relationship, and orders by an aggregate', async () => {
        const all = await gql(
            `{ uiapi { aggregate { MessagingSession { edges { node { aggregate { Id { count { value } } MSC_WaitSeconds__c { avg { value } } } } } } } } }`
        );
        const totals = db
            .prepare(
                'SELECT COUNT(*) c, AVG("MSC_WaitSeconds__c") a FROM "MessagingSession"'
            )
            .get() as { c: number; a: number };
        expect(
            all.data.uiapi.aggregate.MessagingSession.edges[0].node.aggregate.Id
                .count.value
        ).toBe(totals.c);
        expect(
            all.data.uiapi.aggregate.MessagingSession.edges[0].node.aggregate
                .MSC_WaitSeconds__c.avg.value
        ).toBeCloseTo(totals.a, 9);

        const byStatus = await gql(
            `{ uiapi { aggregate { MessagingSession(groupBy: { Status: { group: true } }, orderBy: { Id: { function: COUNT, order: DESC } }, first: 50) { edges { node { aggregate { Status { value displayValue } Id { count { value } } } } } } } } }`
        );
        const statusRows = db
            .prepare(
                'SELECT "Status" s, COUNT(*) c FROM "MessagingSession" GROUP BY "Status"'
            )
            .all() as Array<{ s: string; c: number }>;
        const gotStatus =
            byStatus.data.uiapi.aggregate.MessagingSession.edges.map(
                (e: any) => [
                    e.node.aggregate.Status.value,
                    e.node.aggregate.Id.count.value
                ]
            );
        expect(new Map(gotStatus)).toEqual(
            new Map(statusRows.map((r) => [r.s, r.c]))
        );
        const counts = gotStatus.map((g: any) => g[1]);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));

        const byDay = await gql(
            `{ uiapi { aggregate { MessagingSession(groupBy: { StartTime: { function: DAY_ONLY } }, first: 100) { edges { node { aggregate { StartTime { value } Id { count { value } } } } } } } } }`
        );
        const dayRows = db
            .prepare(
                'SELECT date("StartTime") d, COUNT(*) c FROM "MessagingSession" GROUP BY 1 ORDER BY 1'
            )
            .all() as Array<{ d: string | null; c: number }>;
        expect(
            byDay.data.uiapi.aggregate.MessagingSession.edges.map((e: any) => [
                e.node.aggregate.StartTime.value,
                e.node.aggregate.Id.count.value
            ])
        ).toEqual(dayRows.map((r) => [r.d, r.c]));

        const byOwnerName = await gql(
            `{ uiapi { aggregate { MessagingSession(groupBy: { Owner: { Name: { group: true } } }, first: 100) { edges { node { aggregate { Owner { Name { value } } Id { count { value } } } } } } } } }`
        );
        const ownerRows = db
            .prepare(
                'SELECT COALESCE(u."Name", g."Name") n, COUNT(*) c FROM "MessagingSession" s LEFT JOIN "User" u ON u."Id" = s."OwnerId" LEFT JOIN "Group" g ON g."Id" = s."OwnerId" GROUP BY 1'
            )
            .all() as Array<{ n: string; c: number }>;
        expect(
            new Map(
                byOwnerName.data.uiapi.aggregate.MessagingSession.edges.map(
                    (e: any) => [
                        e.node.aggregate.Owner.Name.value,
                        e.node.aggregate.Id.count.value
                    ]
                )
            )
        ).toEqual(new Map(ownerRows.map((r) => [r.n, r.c])));

        const metrics = await gql(
            `{ uiapi { aggregate { MessagingSessionMetrics(groupBy: { MessagingSessionMetricType: { group: true } }, where: { MessagingSession: { OwnerId: { eq: "${CURRENT_USER_ID}" } } }, first: 10) { edges { node { aggregate { MessagingSessionMetricType { value } MessagingSessionMetricValue { avg { value } } } } } } } } }`
        );
        const metricRows = db
            .prepare(
                'SELECT m."MessagingSessionMetricType" t, AVG(m."MessagingSessionMetricValue") a FROM "MessagingSessionMetrics" m JOIN "MessagingSession" s ON s."Id" = m."MessagingSessionId" WHERE s."OwnerId" = ? GROUP BY 1'
            )
            .all(CURRENT_USER_ID) as Array<{ t: string; a: number }>;
        expect(metrics.errors).toBeUndefined();
        expect(
            new Map(
                metrics.data.uiapi.aggregate.MessagingSessionMetrics.edges.map(
                    (e: any) => [
                        e.node.aggregate.MessagingSessionMetricType.value,
                        e.node.aggregate.MessagingSessionMetricValue.avg.value
                    ]
                )
            )
        ).toEqual(new Map(metricRows.map((r) => [r.t, r.a])));
    });

    it('refuses a field that is neither grouped nor aggregated', async () => {
        const res = await gql(
            `{ uiapi { aggregate { MessagingSession(groupBy: { Status: { group: true } }) { edges { node { aggregate { Origin { value } } } } } } } }`
        );
        expect(res.errors?.[0].message).toMatch(/grouped or aggregated/);
    });
});

describe('preview endpoints', () => {
    it('reports health, injects errors once, logs requests and serves static files', async () => {
        const health = await (
            await fetch(`${server.url}/__preview/health`)
        ).json();
        expect(health).toMatchObject({
            ok: true,
            mode: 'sqlite',
            sessions: N,
            anchor: ANCHOR
        });
        const json = { 'content-type': 'application/json' };
        const arm = await fetch(`${server.url}/__preview/fail`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ path: '/graphql', status: 403 })
        });
        expect(arm.status).toBe(200);
        const failed = await fetch(api('/graphql'), {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
                query: '{ uiapi { query { User { totalCount } } } }'
            })
        });
        expect(failed.status).toBe(403);
        expect((await failed.json())[0]).toMatchObject({
            errorCode: 'INSUFFICIENT_ACCESS',
            message: expect.stringContaining("don't have access")
        });
        const ok = await fetch(api('/graphql'), {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
                query: '{ uiapi { query { User { totalCount } } } }'
            })
        });
        expect(ok.status).toBe(200);
        expect(ok.headers.get('server-timing')).toMatch(/^app;dur=/);
        const log = await (
            await fetch(`${server.url}/__preview/requests`)
        ).json();
        expect(
            log
                .filter((r: any) => r.path.endsWith('/graphql'))
                .map((r: any) => r.status)
                .slice(-2)
        ).toEqual([403, 200]);
        const page = await fetch(`${server.url}/`);
        expect(await page.text()).toContain('<title>preview</title>');
        expect((await fetch(`${server.url}/../../etc/passwd`)).status).toBe(
            404
        );
    });
});

describe('org proxy', () => {
    let upstream: Server;
    let upstreamUrl: string;
    const seen: Array<{
        method: string;
        url: string;
        headers: IncomingMessage['headers'];
        body: string;
    }> = [];
    let tokenCalls = 0;

    beforeAll(async () => {
        upstream = createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c) => chunks.push(c));
            req.on('end', () => {
                seen.push({
                    method: req.method!,
                    url: req.url!,
                    headers: req.headers,
                    body: Buffer.concat(chunks).toString()
                });
                if (req.headers.authorization === 'Bearer expired') {
                    res.writeHead(401, { 'content-type': 'application/json' });
                    res.end(
                        JSON.stringify([
                            {
                                errorCode: 'INVALID_SESSION_ID',
                                message: 'Session expired'
                            }
                        ])
                    );
                    return;
                }
                res.writeHead(req.method === 'PATCH' ? 200 : 201, {
                    'content-type': 'application/json',
                    etag: '"abc"',
                    'set-cookie': 'sid=secret'
                });
                res.end(JSON.stringify({ echoed: req.url }));
            });
        });
        await new Promise<void>((r) =>
            upstream.listen(0, '127.0.0.1', () => r())
        );
        const addr = upstream.address() as { port: number };
        upstreamUrl = `http://127.0.0.1:${addr.port}`;
    });

    afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

    it('parses sf org display output', () => {
        expect(
            parseOrgDisplay(
                JSON.stringify({
                    status: 0,
                    result: {
                        instanceUrl: 'https://x.my.salesforce.com/',
                        accessToken: '00D!tok'
                    }
                })
            )
        ).toEqual({
            instanceUrl: 'https://x.my.salesforce.com',
            accessToken: '00D!tok'
        });
        expect(() =>
            parseOrgDisplay(
                JSON.stringify({ status: 1, message: 'No authorization found' })
            )
        ).toThrow(/No authorization found/);
        const mapped = mapRequest(
            { instanceUrl: 'https://x', accessToken: 't' },
            'GET',
            '/services/data/v66.0/ui-api/records/1?fields=A.B',
            { cookie: 'c', host: 'h', accept: 'application/json' }
        );
        expect(mapped).toEqual({
            method: 'GET',
            url: 'https://x/services/data/v66.0/ui-api/records/1?fields=A.B',
            headers: { accept: 'application/json', authorization: 'Bearer t' },
            body: undefined
        });
    });

    it('forwards method, path, query, body and headers with the bearer token, and refreshes an expired token once', async () => {
        const runner = jest.fn(async () => ({
            instanceUrl: upstreamUrl,
            accessToken: tokenCalls++ === 0 ? 'expired' : 'fresh-token'
        }));
        const proxy = await startPreviewServer({
            port: 0,
            targetOrg: 'my-org',
            sfOrgDisplay: runner
        });
        try {
            const body = JSON.stringify({
                fields: { ChannelIntent: 'Billing' }
            });
            const res = await fetch(
                `${proxy.url}/services/data/v66.0/ui-api/records/0Mw000000000001AAA?x=1&y=a%20b`,
                {
                    method: 'PATCH',
                    headers: {
                        'content-type': 'application/json',
                        'if-unmodified-since': 'Wed, 01 Apr 2026 10:00:00 GMT',
                        cookie: 'browser=1'
                    },
                    body
                }
            );
            expect(res.status).toBe(200);
            expect(res.headers.get('etag')).toBe('"abc"');
            expect(res.headers.get('set-cookie')).toBeNull();
            expect(runner).toHaveBeenCalledTimes(2);
            expect(runner).toHaveBeenCalledWith('my-org');
            const [first, retry] = seen.slice(-2);
            expect(first.headers.authorization).toBe('Bearer expired');
            expect(retry).toMatchObject({
                method: 'PATCH',
                url: '/services/data/v66.0/ui-api/records/0Mw000000000001AAA?x=1&y=a%20b',
                body
            });
            expect(retry.headers).toMatchObject({
                authorization: 'Bearer fresh-token',
                'content-type': 'application/json',
                'if-unmodified-since': 'Wed, 01 Apr 2026 10:00:00 GMT'
            });
            expect(retry.headers.cookie).toBeUndefined();
            const gqlRes = await fetch(
                `${proxy.url}/services/data/v66.0/graphql`,
                {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: '{"query":"{ uiapi { query { User { totalCount } } } }"}'
                }
            );
            expect(gqlRes.status).toBe(201);
            expect(seen[seen.length - 1]).toMatchObject({
                method: 'POST',
                url: '/services/data/v66.0/graphql',
                body: '{"query":"{ uiapi { query { User { totalCount } } } }"}'
            });
            expect(runner).toHaveBeenCalledTimes(2); // credentials cached
            const health = await (
                await fetch(`${proxy.url}/__preview/health`)
            ).json();
            expect(health).toMatchObject({
                mode: 'proxy',
                targetOrg: 'my-org'
            });
        } finally {
            await proxy.close();
        }
    });
});
