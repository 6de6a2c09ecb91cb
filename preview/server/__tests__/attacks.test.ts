/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read JSON error bodies of several shapes */
/**
 * Attacks on the preview server, each against a live server: the sample org, and the org proxy in
 * front of a fake org endpoint that records what reaches it. After every case the servers still
 * answer /__preview/health.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db';
import { startPreviewServer } from '../server';
import type { PreviewServer, PreviewServerOptions } from '../server';
import { createStaticHandler, pageHtml } from '../../serve';

const TOKEN = '00D5g000004XyZ1!AQ4AQPreviewAttackToken.fake_value-9';
const V = '/services/data/v66.0';
const JSON_TYPE = { 'content-type': 'application/json' };

interface Answer {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
}

interface RawRequest {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: string | Buffer;
    /** Sent one after another without a Content-Length (chunked). */
    chunks?: Buffer[];
}

/** One HTTP/1.1 request with exactly the target and headers given (no URL normalization). */
function send(port: number, r: RawRequest): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const req = httpRequest(
            {
                host: '127.0.0.1',
                port,
                method: r.method ?? 'GET',
                path: r.path,
                headers: { host: `127.0.0.1:${port}`, ...r.headers },
                setHost: false,
                agent: false
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        body: Buffer.concat(chunks).toString('utf8')
                    })
                );
                res.on('error', reject);
            }
        );
        req.on('error', reject);
        if (r.chunks) {
            for (const chunk of r.chunks) req.write(chunk);
            req.end();
        } else req.end(r.body);
    });
}

interface Seen {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
}

/** A stand-in for an org (or for a host nobody should reach): records requests, answers JSON. */
async function fakeEndpoint(): Promise<{
    server: Server;
    url: string;
    port: number;
    seen: Seen[];
}> {
    const seen: Seen[] = [];
    const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
            seen.push({
                method: req.method ?? '',
                url: req.url ?? '',
                headers: req.headers
            });
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ answeredBy: 'fake org' }));
        });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    return { server, url: `http://127.0.0.1:${port}`, port, seen };
}

let dir: string;
let sample: PreviewServer;
let db: Db;
let org: Awaited<ReturnType<typeof fakeEndpoint>>;
let elsewhere: Awaited<ReturnType<typeof fakeEndpoint>>;
let proxy: PreviewServer;
const pageConfig = {
    userId: null as string | null,
    userName: null as string | null,
    mode: 'sample'
};

const proxyOptions = (
    extra: Partial<PreviewServerOptions> = {}
): PreviewServerOptions => ({
    port: 0,
    targetOrg: 'attack-org',
    sfOrgDisplay: async () => ({ instanceUrl: org.url, accessToken: TOKEN }),
    ...extra
});

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-attacks-'));
    for (const folder of ['dist', 'dist-x', 'static', 'static-x'])
        mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'dist', 'console.js'), 'export {};');
    writeFileSync(join(dir, 'dist-x', 'secret.js'), 'SECRET-DIST-X');
    writeFileSync(join(dir, 'static', 'index.html'), '<title>static</title>');
    writeFileSync(join(dir, 'static', 'notes.txt'), 'notes');
    writeFileSync(join(dir, 'static-x', 'secret.txt'), 'SECRET-STATIC-X');
    const staticHandler = createStaticHandler(
        () => pageConfig,
        join(dir, 'dist')
    );
    sample = await startPreviewServer({
        port: 0,
        dbPath: join(dir, 'org.sqlite'),
        sessions: 120,
        staticHandler,
        staticDir: join(dir, 'static')
    });
    db = sample.db as Db;
    org = await fakeEndpoint();
    elsewhere = await fakeEndpoint();
    proxy = await startPreviewServer(proxyOptions());
});

afterAll(async () => {
    await Promise.all([sample?.close(), proxy?.close()]);
    await Promise.all(
        [org, elsewhere].map(
            (e) => e && new Promise<void>((r) => e.server.close(() => r()))
        )
    );
    rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
    for (const server of [sample, proxy]) {
        const health = await send(server.port, { path: '/__preview/health' });
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body).ok).toBe(true);
    }
});

const gql = (
    port: number,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {}
) =>
    send(port, {
        method: 'POST',
        path: `${V}/graphql`,
        headers: { ...JSON_TYPE, ...headers },
        body: JSON.stringify({ query, variables })
    });

const sessionId = (offset = 0): string =>
    (
        db
            .prepare(
                'SELECT "Id" FROM "MessagingSession" ORDER BY "Id" LIMIT 1 OFFSET ?'
            )
            .get(offset) as { Id: string }
    ).Id;

const count = (table: string): number =>
    (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number })
        .n;

const USER_TOTAL = '{ uiapi { query { User { totalCount } } } }';

describe('proxy and server security', () => {
    it('refuses a foreign Host (DNS rebinding) with 421, and the proxy forwards nothing', async () => {
        const rebound = { host: `attacker.example:${sample.port}` };
        expect(
            (
                await send(sample.port, {
                    path: '/__preview/requests',
                    headers: rebound
                })
            ).status
        ).toBe(421);
        expect((await gql(sample.port, USER_TOTAL, {}, rebound)).status).toBe(
            421
        );
        expect(
            (await send(sample.port, { path: '/', headers: rebound })).status
        ).toBe(421);
        const before = org.seen.length;
        const viaProxy = await send(proxy.port, {
            path: `${V}/ui-api/records/${sessionId()}?fields=MessagingSession.Name`,
            headers: { host: `attacker.example:${proxy.port}` }
        });
        expect(viaProxy.status).toBe(421);
        expect(org.seen.length).toBe(before);
        // The preview's own names work.
        const local = await gql(
            sample.port,
            USER_TOTAL,
            {},
            {
                host: `localhost:${sample.port}`
            }
        );
        expect(local.status).toBe(200);
    });

    it('refuses a state-changing request from another origin with 403 and accepts its own', async () => {
        const id = sessionId(1);
        const before = db
            .prepare(
                'SELECT "ChannelIntent" c FROM "MessagingSession" WHERE "Id" = ?'
            )
            .get(id);
        for (const origin of [
            'https://attacker.example',
            'null',
            `http://127.0.0.1:${sample.port + 1}`
        ]) {
            const patched = await send(sample.port, {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: { ...JSON_TYPE, origin },
                body: JSON.stringify({ fields: { ChannelIntent: 'pwned' } })
            });
            expect(patched.status).toBe(403);
            expect(
                (await gql(sample.port, USER_TOTAL, {}, { origin })).status
            ).toBe(403);
        }
        expect(
            db
                .prepare(
                    'SELECT "ChannelIntent" c FROM "MessagingSession" WHERE "Id" = ?'
                )
                .get(id)
        ).toEqual(before);
        const own = await gql(
            sample.port,
            USER_TOTAL,
            {},
            {
                origin: `http://127.0.0.1:${sample.port}`
            }
        );
        expect(own.status).toBe(200);
        const seen = org.seen.length;
        const viaProxy = await gql(
            proxy.port,
            USER_TOTAL,
            {},
            {
                origin: 'https://attacker.example'
            }
        );
        expect(viaProxy.status).toBe(403);
        // A cross-site read (an <img> or <script> pointing at the API) is not forwarded either.
        const crossSiteRead = await send(proxy.port, {
            path: `${V}/ui-api/records/${id}?fields=MessagingSession.Name`,
            headers: { 'sec-fetch-site': 'cross-site' }
        });
        expect(crossSiteRead.status).toBe(403);
        expect(org.seen.length).toBe(seen);
    });

    it('refuses cross-site text/plain and form bodies with 415, and never arms a failure from them', async () => {
        for (const type of [
            'text/plain;charset=UTF-8',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x'
        ]) {
            const armed = await send(sample.port, {
                method: 'POST',
                path: '/__preview/fail',
                headers: { 'content-type': type },
                body: JSON.stringify({ path: '/', status: 500, times: 1000 })
            });
            expect(armed.status).toBe(415);
            const query = await send(sample.port, {
                method: 'POST',
                path: `${V}/graphql`,
                headers: { 'content-type': type },
                body: JSON.stringify({ query: USER_TOTAL })
            });
            expect(query.status).toBe(415);
        }
        const noType = await send(sample.port, {
            method: 'POST',
            path: '/__preview/fail',
            body: JSON.stringify({ path: '/', status: 500 })
        });
        expect(noType.status).toBe(415);
        const list = await send(sample.port, { path: '/__preview/fail' });
        expect(JSON.parse(list.body).armed).toEqual([]);
        expect((await gql(sample.port, USER_TOTAL)).status).toBe(200);
        const seen = org.seen.length;
        const viaProxy = await send(proxy.port, {
            method: 'POST',
            path: `${V}/graphql`,
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ query: USER_TOTAL })
        });
        expect(viaProxy.status).toBe(415);
        expect(org.seen.length).toBe(seen);
    });

    it('forwards only UI API reads, record PATCH and GraphQL; everything else gets 403 and never reaches the org', async () => {
        const id = sessionId();
        const refused: RawRequest[] = [
            { path: `${V}/query?q=SELECT+Id,Email+FROM+User` },
            { path: `${V}/tooling/query?q=SELECT+Id+FROM+ApexClass` },
            {
                method: 'DELETE',
                path: `${V}/sobjects/Account/001000000000001AAA`
            },
            { path: `${V}/sobjects/User` },
            {
                method: 'POST',
                path: '/services/apexrest/anything',
                headers: JSON_TYPE,
                body: '{}'
            },
            { path: '/services/apexrest/anything' },
            { path: '/services/oauth2/userinfo' },
            {
                method: 'POST',
                path: `${V}/ui-api/records`,
                headers: JSON_TYPE,
                body: '{"apiName":"Account","fields":{}}'
            },
            { method: 'DELETE', path: `${V}/ui-api/records/${id}` },
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}/extra`,
                headers: JSON_TYPE,
                body: '{}'
            },
            {
                method: 'PUT',
                path: `${V}/ui-api/records/${id}`,
                headers: JSON_TYPE,
                body: '{}'
            },
            { path: `${V}/graphql` }
        ];
        const before = org.seen.length;
        for (const r of refused) {
            const answer = await send(proxy.port, r);
            expect([r.method ?? 'GET', r.path, answer.status]).toEqual([
                r.method ?? 'GET',
                r.path,
                403
            ]);
        }
        expect(org.seen.slice(before)).toEqual([]);
        const read = await send(proxy.port, {
            path: `${V}/ui-api/records/${id}?fields=MessagingSession.Name`
        });
        const patch = await send(proxy.port, {
            method: 'PATCH',
            path: `${V}/ui-api/records/${id}`,
            headers: JSON_TYPE,
            body: '{"fields":{"ChannelIntent":"x"}}'
        });
        const query = await gql(proxy.port, USER_TOTAL);
        expect([read.status, patch.status, query.status]).toEqual([
            200, 200, 200
        ]);
        expect(
            org.seen.slice(before).map((s) => `${s.method} ${s.url}`)
        ).toEqual([
            `GET ${V}/ui-api/records/${id}?fields=MessagingSession.Name`,
            `PATCH ${V}/ui-api/records/${id}`,
            `POST ${V}/graphql`
        ]);
    });

    it('refuses proxy path escapes: dot segments, encoded dots, slashes and backslashes', async () => {
        const before = org.seen.length;
        for (const path of [
            `${V}/ui-api/../query?q=SELECT+Id+FROM+User`,
            `${V}/ui-api/records/%2e%2e/%2e%2e/query?q=SELECT+Id+FROM+User`,
            `${V}/ui-api/records/..%2f..%2fquery?q=SELECT+Id+FROM+User`,
            `${V}/ui-api/records/..%2F..%2F..%2Fapexrest%2Fx`,
            `${V}/ui-api/records%5c..%5c..%5cquery`,
            `${V}/ui-api\\..\\query?q=SELECT+Id+FROM+User`,
            `${V}/ui-api/./records/../../query`
        ]) {
            const answer = await send(proxy.port, { path });
            expect([path, [400, 403].includes(answer.status)]).toEqual([
                path,
                true
            ]);
        }
        expect(org.seen.slice(before)).toEqual([]);
    });

    it('refuses absolute-form and scheme-relative request targets: no request leaves for another host', async () => {
        const id = sessionId();
        const beforeOrg = org.seen.length;
        for (const path of [
            `${elsewhere.url}${V}/ui-api/records/${id}`,
            `http://attacker.example${V}/graphql`,
            `//127.0.0.1:${elsewhere.port}${V}/ui-api/records/${id}`,
            `@127.0.0.1:${elsewhere.port}${V}/ui-api/records/${id}`
        ]) {
            const answer = await send(proxy.port, { path });
            expect([path, answer.status]).toEqual([path, 400]);
            const local = await send(sample.port, { path });
            expect([path, local.status]).toEqual([path, 400]);
        }
        expect(elsewhere.seen).toEqual([]);
        expect(org.seen.length).toBe(beforeOrg);
    });

    it('keeps the test helpers off with an org unless turned on, and bounds an injected failure', async () => {
        for (const path of ['/__preview/fail', '/__preview/requests'])
            expect((await send(proxy.port, { path })).status).toBe(404);
        const arm = (body: unknown, port = sample.port) =>
            send(port, {
                method: 'POST',
                path: '/__preview/fail',
                headers: JSON_TYPE,
                body: JSON.stringify(body)
            });
        expect(
            (await arm({ path: '/graphql', status: 503 }, proxy.port)).status
        ).toBe(404);
        const helpers = await startPreviewServer(
            proxyOptions({ previewHelpers: true })
        );
        try {
            expect(
                (await arm({ path: '/graphql', status: 503 }, helpers.port))
                    .status
            ).toBe(200);
            expect((await gql(helpers.port, USER_TOTAL)).status).toBe(503);
        } finally {
            await helpers.close();
        }
        for (const times of [1e9, 0, -1, 1.5, 'many', 101])
            expect([
                times,
                (await arm({ path: '/graphql', times })).status
            ]).toEqual([times, 400]);
        for (const body of [
            null,
            [],
            'x',
            { path: '', status: 500 },
            { path: 5 }
        ])
            expect([body, (await arm(body)).status]).toEqual([body, 400]);
        expect(
            (await arm({ path: '/never-requested', times: 100 })).status
        ).toBe(200);
        let last = 200;
        for (let i = 0; i < 25 && last === 200; i++)
            last = (await arm({ path: `/never-requested-${i}` })).status;
        expect(last).toBe(400);
        const armed = JSON.parse(
            (await send(sample.port, { path: '/__preview/fail' })).body
        ).armed;
        expect(armed.length).toBeLessThanOrEqual(20);
        const cross = await send(sample.port, {
            method: 'DELETE',
            path: '/__preview/fail',
            headers: { origin: 'https://attacker.example' }
        });
        expect(cross.status).toBe(403);
        expect(
            (
                await send(sample.port, {
                    method: 'DELETE',
                    path: '/__preview/fail'
                })
            ).status
        ).toBe(200);
    });

    it('never shows the access token in a response, a header or a log line', async () => {
        const lines: string[] = [];
        const keep = (...args: unknown[]) => {
            lines.push(args.map(String).join(' '));
        };
        const spies = [
            jest.spyOn(console, 'error').mockImplementation(keep),
            jest.spyOn(console, 'log').mockImplementation(keep),
            jest.spyOn(console, 'warn').mockImplementation(keep)
        ];
        const closed = await fakeEndpoint();
        await new Promise<void>((r) => closed.server.close(() => r()));
        const servers = [
            await startPreviewServer(proxyOptions({ log: true })),
            // The org is down.
            await startPreviewServer(
                proxyOptions({
                    log: true,
                    sfOrgDisplay: async () => ({
                        instanceUrl: closed.url,
                        accessToken: TOKEN
                    })
                })
            ),
            // sf fails with a message that quotes the token.
            await startPreviewServer(
                proxyOptions({
                    log: true,
                    sfOrgDisplay: async () => {
                        throw new Error(`sf org display failed near ${TOKEN}`);
                    }
                })
            )
        ];
        const answers: Answer[] = [];
        try {
            for (const server of servers) {
                for (const r of [
                    {
                        path: `${V}/ui-api/records/${sessionId()}?fields=MessagingSession.Name`
                    },
                    { path: `${V}/query?q=SELECT+Id+FROM+User` },
                    { path: `${V}/ui-api/records/%E0%A4%A` },
                    { path: '/__preview/health' },
                    { path: '/__preview/requests' }
                ] as RawRequest[])
                    answers.push(await send(server.port, r));
                answers.push(await gql(server.port, USER_TOTAL));
            }
        } finally {
            spies.forEach((s) => s.mockRestore());
            await Promise.all(servers.map((s) => s.close()));
        }
        expect(answers.map((a) => a.status)).toContain(502);
        const shown = [
            ...answers.map((a) => `${JSON.stringify(a.headers)} ${a.body}`),
            ...lines
        ].join('\n');
        expect(shown).not.toContain(TOKEN);
        expect(shown).not.toContain(TOKEN.split('!')[1]);
    });
});

describe('GraphQL cost limits', () => {
    const timed = async (query: string, variables = {}) => {
        const started = Date.now();
        const answer = await gql(sample.port, query, variables);
        return {
            ...answer,
            ms: Date.now() - started,
            json: JSON.parse(answer.body)
        };
    };

    const bomb = (aliases: number) =>
        `{ uiapi { query { ${Array.from(
            { length: aliases },
            (_, i) =>
                `a${i}: MessagingSession(first: 2000) { edges { node { Id Name { value } } } }`
        ).join(' ')} } } }`;

    it('refuses the alias bomb quickly, naming the limit, without running it', async () => {
        // 1,000 aliases × first: 2000 stops at the token limit; 50 at the subquery limit.
        for (const [aliases, limit] of [
            [1000, /10,000 tokens/],
            [50, /more than 10 subqueries/]
        ] as const) {
            const answer = await timed(bomb(aliases));
            expect(answer.status).toBe(200);
            expect(answer.json.data).toBeNull();
            expect(answer.json.errors[0].message).toMatch(limit);
            expect(answer.ms).toBeLessThan(1000);
            expect(answer.body.length).toBeLessThan(2000);
        }
    });

    it('refuses more records in all than the limit, child relationships counted per parent record', async () => {
        const nested = await timed(
            '{ uiapi { query { MessagingSession(first: 2000) { edges { node { Id Histories(first: 2000) { edges { node { Id } } } } } } } } }'
        );
        expect(nested.json.data).toBeNull();
        expect(nested.json.errors[0].message).toMatch(
            /records.*limit is 20,000/
        );
        // Page sizes from variables and from variable defaults count the same.
        const nestedByVariable =
            'query q($n: Int = 2000) { uiapi { query { MessagingSession(first: $n) { edges { node { Id Histories(first: $n) { edges { node { Id } } } } } } } } }';
        for (const variables of [{}, { n: 2000 }]) {
            const answer = await timed(nestedByVariable, variables);
            expect(answer.json.errors[0].message).toMatch(
                /records.*limit is 20,000/
            );
        }
        // The components' largest request (five connections of 2,000) stays inside.
        const metricsLike = await timed(
            `{ uiapi { aggregate { ${Array.from(
                { length: 4 },
                (_, i) =>
                    `g${i}: MessagingSession(groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { aggregate { OwnerId { value } Id { count { value } } } } } }`
            ).join(
                ' '
            )} } query { User(first: 2000) { edges { node { Id } } } } } }`
        );
        expect(metricsLike.json.errors).toBeUndefined();
    });

    it('refuses alias floods, fragment bombs, deep nesting and oversized text before validating them', async () => {
        const aliasFlood = await timed(
            `{ uiapi { query { MessagingSession(first: 1) { edges { node { ${Array.from(
                { length: 150 },
                (_, i) => `x${i}: Id`
            ).join(' ')} } } } } } }`
        );
        expect(aliasFlood.json.errors[0].message).toMatch(/100 aliases/);
        const fragments = Array.from(
            { length: 18 },
            (_, i) =>
                `fragment F${i + 1} on MessagingSession { ...F${i} ...F${i} }`
        ).join(' ');
        const fragmentBomb = await timed(
            `{ uiapi { query { MessagingSession(first: 1) { edges { node { ...F18 } } } } } } fragment F0 on MessagingSession { Id } ${fragments}`
        );
        expect(fragmentBomb.json.errors[0].message).toMatch(
            /more than 2000 selections/
        );
        expect(fragmentBomb.ms).toBeLessThan(1000);
        const deep = await timed(
            `{ uiapi { query { MessagingSession(first: 1) { edges { node { ${'... on MessagingSession { '.repeat(40)}Id${' }'.repeat(40)} } } } } } }`
        );
        expect(deep.json.errors[0].message).toMatch(
            /nested more than 30 levels/
        );
        const long = await timed(`${USER_TOTAL}${' '.repeat(100_001)}`);
        expect(long.json.errors[0].message).toMatch(/limit is 100,000/);
        const tokens = await timed(
            `{ uiapi { query { MessagingSession(first: 1) { edges { node { ${'Id '.repeat(12_000)} } } } } } }`
        );
        expect(tokens.json.errors[0].message).toMatch(/10,000 tokens/);
    });

    it('refuses a response past the size limit before building it', async () => {
        // 2,000 records × 300 selected values: fragments repeat fields without aliases.
        const fragment =
            'fragment V on MessagingSession { Name { value displayValue } Status { value } }';
        const answer = await timed(
            `{ uiapi { query { MessagingSession(first: 2000) { edges { node { ${'...V '.repeat(100)}} } } } } } ${fragment}`
        );
        expect(answer.json.data).toBeNull();
        expect(answer.json.errors[0].message).toMatch(/maximum response size/);
        expect(answer.ms).toBeLessThan(1000);
    });

    it('answers a cursor or page token it never issued with 400, not a SQL error', async () => {
        const huge = Buffer.from('preview:99999999999999999999999').toString(
            'base64'
        );
        for (const cursor of [
            huge,
            'not-a-cursor',
            Buffer.from('preview:-1').toString('base64')
        ]) {
            const answer = await gql(
                sample.port,
                'query q($after: String) { uiapi { query { MessagingSession(first: 5, after: $after) { edges { node { Id } } } } } }',
                { after: cursor }
            );
            expect([cursor, answer.status]).toEqual([cursor, 400]);
            expect(JSON.parse(answer.body).errors[0].message).toMatch(
                /Invalid cursor/
            );
        }
        const parent = db
            .prepare(
                'SELECT "MessagingSessionId" id FROM "MessagingSessionHistory" LIMIT 1'
            )
            .get() as { id: string };
        for (const token of ['99999999999999999999999', 'abc', '-5', '1e3']) {
            const answer = await send(sample.port, {
                path: `${V}/ui-api/related-list-records/${parent.id}/Histories?fields=MessagingSessionHistory.Field&pageToken=${token}`
            });
            expect([token, answer.status]).toEqual([token, 400]);
            expect(answer.body).toMatch(/Invalid page token/);
        }
    });

    it('bounds the parsed-query cache by bytes', async () => {
        const { documentCacheStats, GRAPHQL_LIMITS } =
            jest.requireActual<typeof import('../queryLimits')>(
                '../queryLimits'
            );
        // Distinct valid queries of 90,000 characters (a comment pads them).
        for (let i = 0; i < 40; i++) {
            const query = `# ${String(i).padEnd(90_000, 'x')}\n${USER_TOTAL}`;
            const answer = await gql(sample.port, query);
            expect(JSON.parse(answer.body).errors).toBeUndefined();
        }
        const stats = documentCacheStats();
        expect(stats.bytes).toBeLessThanOrEqual(GRAPHQL_LIMITS.cacheBytes);
        expect(stats.entries).toBeGreaterThan(0);
        expect(stats.entries).toBeLessThan(40);
    });
});

describe('bad input', () => {
    it('answers malformed percent-encoding with 400', async () => {
        for (const path of [
            `${V}/ui-api/records/%E0%A4%A`,
            `${V}/ui-api/object-info/%ZZ`,
            '/__preview/%E0',
            '/dist/%E0%A4%A.js',
            '/%'
        ]) {
            const answer = await send(sample.port, { path });
            expect([path, answer.status]).toEqual([path, 400]);
        }
    });

    it('answers a body over 10 MB with 413, with or without a Content-Length', async () => {
        const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
        const declared = await send(sample.port, {
            method: 'POST',
            path: `${V}/graphql`,
            headers: JSON_TYPE,
            body: big
        });
        expect(declared.status).toBe(413);
        const chunked = await send(sample.port, {
            method: 'POST',
            path: `${V}/graphql`,
            headers: JSON_TYPE,
            chunks: Array.from({ length: 11 }, () =>
                Buffer.alloc(1024 * 1024, 0x20)
            )
        });
        expect(chunked.status).toBe(413);
        expect(JSON.parse(chunked.body)[0].errorCode).toBe(
            'REQUEST_ENTITY_TOO_LARGE'
        );
    });

    it('serves nothing outside the served folders (a sibling with the same prefix included)', async () => {
        for (const path of [
            '/dist/..%2fdist-x/secret.js',
            '/dist/..%5cdist-x/secret.js',
            '/dist/%2e%2e/dist-x/secret.js',
            '/dist/../dist-x/secret.js',
            '/..%2fstatic-x/secret.txt',
            '/assets/..%2f..%2f..%2f..%2fetc/passwd'
        ]) {
            const answer = await send(sample.port, { path });
            expect([path, answer.status >= 400 && answer.status < 500]).toEqual(
                [path, true]
            );
            expect(answer.body).not.toMatch(/SECRET|root:/);
        }
        expect(
            (await send(sample.port, { path: '/dist/console.js' })).status
        ).toBe(200);
    });

    it('puts configuration values into the page literally, "$\'" and "</script>" included', async () => {
        const odd = "O$'Brien $& $` $$ </script><b>";
        pageConfig.userName = odd;
        try {
            const page = await send(sample.port, { path: '/' });
            expect(page.status).toBe(200);
            const json = /window\.__PREVIEW_CONFIG__ = (.*);\n/.exec(
                page.body
            )?.[1];
            expect(JSON.parse(json ?? 'null').userName).toBe(odd);
            expect(page.body).not.toContain('</script><b>');
            expect(page.body.trimEnd().endsWith('</html>')).toBe(true);
            expect(pageHtml({ ...pageConfig }).split('</script>').length).toBe(
                page.body.split('</script>').length
            );
        } finally {
            pageConfig.userName = null;
        }
    });

    it('survives a file that fails to open or fails while it is read', async () => {
        const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
        const failing = (when: 'open' | 'read') => {
            const error = Object.assign(new Error('EIO: i/o error'), {
                code: 'EIO'
            });
            const stream = new Readable({
                read() {
                    this.destroy(error);
                }
            });
            // A file stream opens (or fails to) without being read.
            process.nextTick(() =>
                when === 'open' ? stream.destroy(error) : stream.emit('open', 3)
            );
            return stream as unknown as ReadStream;
        };
        for (const when of ['open', 'read'] as const) {
            const spy = jest
                .spyOn(fs, 'createReadStream')
                .mockImplementation(() => failing(when));
            try {
                for (const path of ['/dist/console.js', '/notes.txt']) {
                    const answer = await send(sample.port, { path }).catch(
                        (e: Error) => ({
                            status: 0,
                            body: e.message,
                            headers: {}
                        })
                    );
                    // Before the first byte: 500. After it: the response is cut off.
                    expect([when, path, answer.status]).toEqual([
                        when,
                        path,
                        when === 'open' ? 500 : answer.status === 0 ? 0 : 200
                    ]);
                    if (answer.status === 200)
                        expect(answer.body.length).toBeLessThan(
                            path.endsWith('.js') ? 'export {};'.length : 5
                        );
                }
            } finally {
                spy.mockRestore();
            }
        }
    });

    it('answers malformed requests of every kind with a 4xx and keeps running', async () => {
        const id = sessionId(2);
        const post = (body: string, path = `${V}/graphql`) => ({
            method: 'POST',
            path,
            headers: JSON_TYPE,
            body
        });
        const cases: RawRequest[] = [
            post('{'),
            post('null'),
            post('[]'),
            post('5'),
            post('"query"'),
            post('{"query":5}'),
            post('{"query":"{","variables":"x"}'),
            post(
                '{"query":"query q($n: Int) { uiapi { query { User(first: $n) { totalCount } } } }","variables":{"n":"lots"}}'
            ),
            post(
                '{"query":"query q($n: Int) { uiapi { query { User(first: $n) { totalCount } } } }","variables":{"n":1e300}}'
            ),
            post(
                `{"query":"{ uiapi { query { User { totalCount } } } }","variables":${'['.repeat(50_000)}${']'.repeat(50_000)}}`
            ),
            post(
                '{"query":"{ uiapi { query { User { totalCount } } } }","operationName":"missing"}'
            ),
            post(
                '{"fields":null}',
                `${V}/ui-api/related-list-records/${id}/Histories`
            ),
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: JSON_TYPE,
                body: '{"fields":null}'
            },
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: JSON_TYPE,
                body: '{"fields":[]}'
            },
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: JSON_TYPE,
                body: '{"fields":{"ChannelIntent":{"nested":1}}}'
            },
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: {
                    ...JSON_TYPE,
                    'if-unmodified-since': 'yesterday-ish'
                },
                body: '{"fields":{}}'
            },
            {
                method: 'PATCH',
                path: `${V}/ui-api/records/${id}`,
                headers: {
                    ...JSON_TYPE,
                    'if-unmodified-since': '1700000000000'
                },
                body: '{"fields":{}}'
            },
            { method: 'PROPFIND', path: `${V}/graphql` },
            { method: 'GET', path: `${V}/graphql` },
            {
                method: 'POST',
                path: '/__preview/health',
                headers: JSON_TYPE,
                body: '{}'
            },
            {
                path: `${V}/ui-api/records/${id}?fields=${'MessagingSession.Name,'.repeat(2000)}`
            },
            { path: `${V}/ui-api/records/batch/${'x,'.repeat(500)}` },
            {
                path: `${V}/ui-api/related-list-records/${id}/Histories?pageSize=-9&fields=MessagingSessionHistory.Field`
            },
            { path: `${V}/ui-api/object-info/${'A'.repeat(5000)}` },
            { path: `${V}/ui-api/records/${id}%00` },
            { path: `${V}/ui-api/records/batch/%ZZ,${id}` },
            { path: `${V}/ui-api/related-list-records/%E0%A4/Histories` },
            {
                path: `${V}/ui-api/object-info/MessagingSession/picklist-values/%/Status`
            }
        ];
        for (const r of cases) {
            const answer = await send(sample.port, r);
            expect([
                r.method ?? 'GET',
                r.path.slice(0, 80),
                r.body?.slice(0, 80),
                answer.status < 500
            ]).toEqual([
                r.method ?? 'GET',
                r.path.slice(0, 80),
                r.body?.slice(0, 80),
                true
            ]);
        }
    });
});

describe('record updates', () => {
    const patch = (id: string, since: string, value: string) =>
        send(sample.port, {
            method: 'PATCH',
            path: `${V}/ui-api/records/${id}`,
            headers: { ...JSON_TYPE, 'if-unmodified-since': since },
            body: JSON.stringify({ fields: { ChannelIntent: value } })
        });
    const lastModified = (id: string): string =>
        (
            db
                .prepare(
                    'SELECT "LastModifiedDate" d FROM "MessagingSession" WHERE "Id" = ?'
                )
                .get(id) as { d: string }
        ).d;

    it('compares If-Unmodified-Since as ISO values to the millisecond: a save within the same second from an older value conflicts', async () => {
        const id = sessionId(3);
        expect((await patch(id, lastModified(id), 'first save')).status).toBe(
            200
        );
        const loaded = lastModified(id);
        expect(loaded).toMatch(/\.\d{3}Z$/);
        expect((await patch(id, loaded, 'second save')).status).toBe(200);
        expect(Date.parse(lastModified(id)) - Date.parse(loaded)).toBeLessThan(
            1000
        );
        expect((await patch(id, loaded, 'third save')).status).toBe(412);
        // The zone notations the APIs write; a zone-less value is UTC.
        for (const notation of ['+0000', '+00:00', '']) {
            const since = lastModified(id).replace('Z', notation);
            expect([since, (await patch(id, since, notation)).status]).toEqual([
                since,
                200
            ]);
        }
        const before = lastModified(id);
        expect((await patch(id, before, 'one more')).status).toBe(200);
        expect((await patch(id, before.replace('Z', ''), 'stale')).status).toBe(
            412
        );
        // An HTTP date (whole seconds) still works.
        const httpDate = new Date(
            Date.parse(lastModified(id)) + 1000
        ).toUTCString();
        expect((await patch(id, httpDate, 'http date')).status).toBe(200);
    });

    it('lets exactly one of 50 concurrent PATCHes with the same If-Unmodified-Since win', async () => {
        const id = sessionId(4);
        const since = lastModified(id);
        const statuses = await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
                patch(id, since, `writer ${i}`)
            )
        );
        const codes = statuses.map((s) => s.status).sort();
        expect(codes.filter((c) => c === 200)).toHaveLength(1);
        expect(codes.filter((c) => c === 412)).toHaveLength(49);
        const winner = statuses.find((s) => s.status === 200) as Answer;
        const value = JSON.parse(winner.body).fields.ChannelIntent.value;
        expect(
            (
                db
                    .prepare(
                        'SELECT "ChannelIntent" c FROM "MessagingSession" WHERE "Id" = ?'
                    )
                    .get(id) as { c: string }
            ).c
        ).toBe(value);
    });
});

describe('SQL injection', () => {
    const tables = [
        'User',
        'MessagingSession',
        'MessagingSessionHistory',
        'GroupMember'
    ];
    let counts: number[];
    beforeEach(() => {
        counts = tables.map(count);
    });
    afterEach(() => {
        expect(tables.map(count)).toEqual(counts);
    });

    const LIST =
        'query q($where: MessagingSession_Filter, $orderBy: MessagingSession_OrderBy) { uiapi { query { MessagingSession(where: $where, orderBy: $orderBy, first: 200) { edges { node { Id } } } } } }';
    const errorsOf = async (
        query: string,
        variables: Record<string, unknown>
    ) =>
        JSON.parse((await gql(sample.port, query, variables)).body).errors as
            any[] | undefined;

    it('through orderBy', async () => {
        expect(
            await errorsOf(LIST, {
                orderBy: {
                    'Name" DESC; DROP TABLE "User"; --': { order: 'ASC' }
                }
            })
        ).toBeTruthy();
        expect(
            await errorsOf(LIST, {
                orderBy: { Name: { order: 'ASC; DROP TABLE "User"' } }
            })
        ).toBeTruthy();
        expect(
            await errorsOf(LIST, {
                orderBy: { Name: { order: 'ASC', nulls: 'LAST) --' } }
            })
        ).toBeTruthy();
        expect(
            await errorsOf(
                '{ uiapi { query { MessagingSession(orderBy: { Name: { order: ASC_DROP } }) { edges { node { Id } } } } } }',
                {}
            )
        ).toBeTruthy();
    });

    it('through groupBy', async () => {
        const query =
            'query q($g: MessagingSession_GroupBy) { uiapi { aggregate { MessagingSession(groupBy: $g) { edges { node { aggregate { Id { count { value } } } } } } } } }';
        expect(
            await errorsOf(query, {
                g: {
                    'Status") FROM "User"; DROP TABLE "User"; --': {
                        group: true
                    }
                }
            })
        ).toBeTruthy();
        expect(
            await errorsOf(query, {
                g: {
                    StartTime: {
                        function: 'CALENDAR_YEAR); DROP TABLE "User"; --'
                    }
                }
            })
        ).toBeTruthy();
    });

    it('through inq', async () => {
        const errors = await errorsOf(LIST, {
            where: {
                OwnerId: {
                    inq: {
                        GroupMember: { GroupId: { ne: null } },
                        ApiName:
                            'UserOrGroupId" FROM "GroupMember"; DROP TABLE "User"; --'
                    }
                }
            }
        });
        expect(errors?.[0].message).toMatch(/is not an ID field/);
    });

    it('through in', async () => {
        const answer = JSON.parse(
            (
                await gql(sample.port, LIST, {
                    where: {
                        Name: {
                            in: [
                                "x') OR 1=1 --",
                                "' OR '1'='1",
                                '"); DROP TABLE "User"; --'
                            ]
                        }
                    }
                })
            ).body
        );
        expect(answer.errors).toBeUndefined();
        expect(answer.data.uiapi.query.MessagingSession.edges).toEqual([]);
        const like = JSON.parse(
            (
                await gql(sample.port, LIST, {
                    where: { Name: { like: "%' OR '1'='1" } }
                })
            ).body
        );
        expect(like.data.uiapi.query.MessagingSession.edges).toEqual([]);
    });

    it('through REST fields, sortBy and record ids', async () => {
        const id = sessionId();
        const parent = db
            .prepare(
                'SELECT "MessagingSessionId" id FROM "MessagingSessionHistory" LIMIT 1'
            )
            .get() as { id: string };
        const fields = await send(sample.port, {
            path: `${V}/ui-api/records/${id}?fields=${encodeURIComponent('MessagingSession.Name" FROM "User"; DROP TABLE "User"; --')}`
        });
        expect(fields.status).toBe(400);
        const optional = await send(sample.port, {
            path: `${V}/ui-api/records/${id}?optionalFields=${encodeURIComponent('MessagingSession.Name"--')}`
        });
        expect(optional.status).toBeLessThan(500);
        const sortBy = await send(sample.port, {
            path: `${V}/ui-api/related-list-records/${parent.id}/Histories?fields=MessagingSessionHistory.Field&sortBy=${encodeURIComponent('-CreatedDate; DROP TABLE "User"')}`
        });
        expect(sortBy.status).toBe(400);
        for (const bad of [
            "0Mw' OR '1'='1",
            '0Mw000000000001AAA" OR 1=1 --',
            `${id.slice(0, 15)}'--`
        ]) {
            const answer = await send(sample.port, {
                path: `${V}/ui-api/records/${encodeURIComponent(bad)}?fields=MessagingSession.Name`
            });
            expect([bad, answer.status]).toEqual([bad, 404]);
        }
        const batch = await send(sample.port, {
            path: `${V}/ui-api/records/batch/${encodeURIComponent("0Mw' OR 1=1 --")},${id}?fields=MessagingSession.Name`
        });
        expect(batch.status).toBe(200);
        expect(
            JSON.parse(batch.body).results.map((r: any) => r.statusCode)
        ).toEqual([404, 200]);
    });
});
