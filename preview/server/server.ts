/**
 * The preview data server: a node:http server on 127.0.0.1 that answers the Salesforce endpoints
 * the components use (UI API REST + GraphQL) from SQLite, or forwards them to a real org
 * (`targetOrg`). Also: health, request log, error injection and a static-file hook for the bundle.
 * API documented in /work/facts/preview-server-api.md.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Db } from './db';
import { getMeta } from './db';
import { executeGraphql, getSchema } from './graphql';
import { OrgProxy, sendJson } from './proxy';
import type { OrgDisplayRunner } from './proxy';
import {
    getObjectInfo,
    getObjectInfoBatch,
    getPicklistValues,
    getRecord,
    getRecordsBatch,
    getRelatedListRecords,
    relatedListParamsFromBody,
    relatedListParamsFromQuery,
    updateRecord
} from './records';
import type { ApiResult } from './records';
import {
    CURRENT_USER_ID,
    DEFAULT_DB_PATH,
    DEFAULT_SESSIONS,
    openOrgDatabase
} from './seed';
import type { SeedResult } from './seed';

export const API_VERSION = '66.0';

export interface PreviewServerOptions {
    port?: number;
    host?: string;
    dbPath?: string;
    sessions?: number;
    anchor?: Date | string | number;
    reseed?: boolean;
    staticDir?: string;
    staticHandler?: (
        req: IncomingMessage,
        res: ServerResponse
    ) => boolean | Promise<boolean>;
    targetOrg?: string;
    sfOrgDisplay?: OrgDisplayRunner;
    latencyMs?: number;
    log?: boolean;
    onSeed?: (result: SeedResult) => void;
}

export interface RequestLogEntry {
    t: number;
    method: string;
    path: string;
    status: number;
    ms: number;
    serverMs: number;
    operationName?: string;
}

interface Injection {
    path: string;
    method?: string;
    status: number;
    body: unknown;
    times: number;
}

export interface PreviewHandler {
    handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
    db?: Db;
    dbPath?: string;
    mode: 'sqlite' | 'proxy';
    requests: RequestLogEntry[];
    close: () => void;
}

export interface PreviewServer extends PreviewHandler {
    url: string;
    port: number;
    server: Server;
    close: () => Promise<void> & void;
}

const MIME: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.map': 'application/json'
};

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolveBody, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (c: Buffer) => {
            size += c.length;
            if (size > 10 * 1024 * 1024) {
                reject(new Error('Request body too large'));
                req.destroy();
                return;
            }
            chunks.push(c);
        });
        req.on('end', () => resolveBody(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

function parseJson(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
    if (buf.length === 0) return { ok: true, value: undefined };
    try {
        return { ok: true, value: JSON.parse(buf.toString('utf8')) };
    } catch {
        return { ok: false };
    }
}

const DEFAULT_INJECTED_BODIES: Record<number, unknown> = {
    401: [
        {
            errorCode: 'INVALID_SESSION_ID',
            message: 'Session expired or invalid (preview: injected error)'
        }
    ],
    403: [
        {
            errorCode: 'INSUFFICIENT_ACCESS',
            message:
                "You don't have access to this resource. (preview: injected error)"
        }
    ],
    404: [
        {
            errorCode: 'NOT_FOUND',
            message:
                'The requested resource does not exist (preview: injected error)'
        }
    ],
    500: [
        {
            errorCode: 'UNKNOWN_EXCEPTION',
            message: 'An unexpected error occurred. (preview: injected error)'
        }
    ],
    503: [
        {
            errorCode: 'SERVER_UNAVAILABLE',
            message:
                'The server is temporarily unavailable. (preview: injected error)'
        }
    ]
};

function serveStatic(
    dir: string,
    pathname: string,
    res: ServerResponse,
    method: string
): boolean {
    if (method !== 'GET' && method !== 'HEAD') return false;
    const root = resolve(dir);
    let rel: string;
    try {
        rel = decodeURIComponent(pathname);
    } catch {
        return false;
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (existsSync(file) && statSync(file).isDirectory())
        file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) return false;
    res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache'
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
}

/** Builds the request handler (no listening): mount it in your own node:http server if you like. */
export function createPreviewHandler(
    options: PreviewServerOptions = {}
): PreviewHandler {
    const mode = options.targetOrg ? 'proxy' : 'sqlite';
    const dbPath =
        mode === 'sqlite'
            ? resolve(options.dbPath ?? DEFAULT_DB_PATH)
            : undefined;
    const db =
        mode === 'sqlite'
            ? openOrgDatabase(dbPath, {
                  sessions: options.sessions ?? DEFAULT_SESSIONS,
                  anchor: options.anchor,
                  reseed: options.reseed,
                  onSeed: options.onSeed
              })
            : undefined;
    const proxy = options.targetOrg
        ? new OrgProxy(options.targetOrg, options.sfOrgDisplay)
        : undefined;
    if (db) getSchema(); // build the GraphQL schema now, not on the first request
    const injections: Injection[] = [];
    const requests: RequestLogEntry[] = [];

    async function api(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL,
        body: Buffer,
        log: Partial<RequestLogEntry>
    ): Promise<number> {
        const method = req.method ?? 'GET';
        const path = url.pathname;
        // Error injection for tests.
        const inj = injections.find(
            (i) =>
                path.includes(i.path) &&
                (!i.method || i.method.toUpperCase() === method)
        );
        if (inj) {
            inj.times -= 1;
            if (inj.times <= 0) injections.splice(injections.indexOf(inj), 1);
            return sendJson(res, inj.status, inj.body);
        }
        if (options.latencyMs)
            await new Promise((r) => setTimeout(r, options.latencyMs));
        if (proxy) return proxy.forward(req, res, body);
        const database = db as Db;
        const started = performance.now();
        const result = await route(database, method, url, req, body, log);
        const serverMs = log.serverMs ?? performance.now() - started;
        log.serverMs = serverMs;
        return sendJson(res, result.status, result.body, {
            'server-timing': `app;dur=${serverMs.toFixed(2)}`,
            ...(result.headers ?? {})
        });
    }

    async function handle(
        req: IncomingMessage,
        res: ServerResponse
    ): Promise<boolean> {
        const started = performance.now();
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = url.pathname;
        const method = req.method ?? 'GET';
        const log: Partial<RequestLogEntry> = {};
        let status = 0;
        try {
            if (path.startsWith('/__preview/')) {
                status = await admin(req, res, url);
            } else if (path.startsWith('/services/')) {
                const body =
                    method === 'GET' || method === 'HEAD'
                        ? Buffer.alloc(0)
                        : await readBody(req);
                status = await api(req, res, url, body, log);
                requests.push({
                    t: Date.now(),
                    method,
                    path: path + url.search,
                    status,
                    ms: performance.now() - started,
                    serverMs: log.serverMs ?? 0,
                    operationName: log.operationName
                });
                if (requests.length > 5000)
                    requests.splice(0, requests.length - 5000);
            } else {
                if (
                    options.staticHandler &&
                    (await options.staticHandler(req, res))
                )
                    return true;
                if (
                    options.staticDir &&
                    serveStatic(options.staticDir, path, res, method)
                )
                    return true;
                return false;
            }
        } catch (e) {
            status = sendJson(res, 500, [
                {
                    errorCode: 'UNKNOWN_EXCEPTION',
                    message: (e as Error).message
                }
            ]);
        }
        if (options.log)
            console.error(
                `${method} ${path}${url.search} → ${status} ${(performance.now() - started).toFixed(1)} ms`
            );
        return true;
    }

    async function admin(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL
    ): Promise<number> {
        const method = req.method ?? 'GET';
        switch (url.pathname) {
            case '/__preview/health':
                return sendJson(res, 200, {
                    ok: true,
                    mode,
                    apiVersion: API_VERSION,
                    dbPath: dbPath ?? null,
                    sessions: db ? Number(getMeta(db, 'sessions') ?? 0) : null,
                    anchor: db ? (getMeta(db, 'anchor') ?? null) : null,
                    currentUserId: mode === 'sqlite' ? CURRENT_USER_ID : null,
                    targetOrg: options.targetOrg ?? null
                });
            case '/__preview/fail': {
                if (method === 'DELETE') {
                    injections.length = 0;
                    return sendJson(res, 200, { ok: true, armed: 0 });
                }
                if (method === 'GET')
                    return sendJson(res, 200, { armed: injections });
                if (method !== 'POST')
                    return sendJson(res, 405, [
                        {
                            errorCode: 'METHOD_NOT_ALLOWED',
                            message: 'Use POST, GET or DELETE'
                        }
                    ]);
                const parsed = parseJson(await readBody(req));
                const spec = (
                    parsed.ok ? parsed.value : null
                ) as Partial<Injection> | null;
                const status = Number(spec?.status ?? 403);
                if (!Number.isInteger(status) || status < 100 || status > 599)
                    return sendJson(res, 400, [
                        {
                            errorCode: 'INVALID_INPUT',
                            message: 'status must be an HTTP status code'
                        }
                    ]);
                injections.push({
                    path:
                        typeof spec?.path === 'string' ? spec.path : '/graphql',
                    method:
                        typeof spec?.method === 'string'
                            ? spec.method
                            : undefined,
                    status,
                    body:
                        spec?.body !== undefined
                            ? spec.body
                            : (DEFAULT_INJECTED_BODIES[status] ?? [
                                  {
                                      errorCode: 'PREVIEW_INJECTED',
                                      message: `Injected HTTP ${status}`
                                  }
                              ]),
                    times: Math.max(1, Number(spec?.times ?? 1))
                });
                return sendJson(res, 200, {
                    ok: true,
                    armed: injections.length
                });
            }
            case '/__preview/requests':
                if (method === 'DELETE') {
                    requests.length = 0;
                    return sendJson(res, 200, { ok: true });
                }
                return sendJson(res, 200, requests);
            default:
                return sendJson(res, 404, [
                    {
                        errorCode: 'NOT_FOUND',
                        message: `No preview endpoint ${url.pathname}`
                    }
                ]);
        }
    }

    return {
        handle,
        db,
        dbPath,
        mode,
        requests,
        close: () => db?.close()
    };
}

const UI = /^\/services\/data\/v(\d+\.\d+)\/ui-api\/(.+)$/;
const GQL = /^\/services\/data\/v(\d+\.\d+)\/graphql$/;

async function route(
    db: Db,
    method: string,
    url: URL,
    req: IncomingMessage,
    body: Buffer,
    log: Partial<RequestLogEntry>
): Promise<ApiResult> {
    const path = url.pathname;
    const gql = GQL.exec(path);
    if (gql) {
        if (method !== 'POST')
            return {
                status: 405,
                body: [
                    {
                        errorCode: 'METHOD_NOT_ALLOWED',
                        message: 'GraphQL requests use POST'
                    }
                ]
            };
        const parsed = parseJson(body);
        if (!parsed.ok)
            return {
                status: 400,
                body: [
                    {
                        errorCode: 'JSON_PARSER_ERROR',
                        message: 'The request body is not valid JSON.'
                    }
                ]
            };
        const request = (parsed.value ?? {}) as { operationName?: unknown };
        if (typeof request.operationName === 'string')
            log.operationName = request.operationName;
        const started = performance.now();
        const result = await executeGraphql(db, request);
        log.serverMs = performance.now() - started;
        return result;
    }
    const ui = UI.exec(path);
    if (!ui)
        return {
            status: 404,
            body: [
                {
                    errorCode: 'NOT_FOUND',
                    message: `The requested resource does not exist: ${path}`
                }
            ]
        };
    const parts = ui[2].split('/').map((p) => decodeURIComponent(p));
    const base = `/services/data/v${ui[1]}/ui-api`;
    if (parts[0] === 'records') {
        if (parts[1] === 'batch' && parts[2] && method === 'GET')
            return getRecordsBatch(db, parts[2].split(','), url.searchParams);
        if (parts.length === 2) {
            if (method === 'GET')
                return getRecord(db, parts[1], url.searchParams);
            if (method === 'PATCH') {
                const parsed = parseJson(body);
                if (!parsed.ok)
                    return {
                        status: 400,
                        body: [
                            {
                                errorCode: 'JSON_PARSER_ERROR',
                                message: 'The request body is not valid JSON.'
                            }
                        ]
                    };
                const since = req.headers['if-unmodified-since'];
                return updateRecord(
                    db,
                    parts[1],
                    parsed.value,
                    Array.isArray(since) ? since[0] : since
                );
            }
            return {
                status: 405,
                body: [
                    {
                        errorCode: 'METHOD_NOT_ALLOWED',
                        message: `${method} is not supported by the preview server for records`
                    }
                ]
            };
        }
    }
    if (parts[0] === 'object-info' && method === 'GET') {
        if (parts[1] === 'batch' && parts[2])
            return getObjectInfoBatch(parts[2].split(','));
        if (parts.length === 2) return getObjectInfo(parts[1]);
        if (parts[2] === 'picklist-values' && parts[3])
            return getPicklistValues(parts[1], parts[3], parts[4]);
    }
    if (parts[0] === 'related-list-records' && parts.length === 3) {
        const listPath = `${base}/related-list-records/${parts[1]}/${parts[2]}`;
        if (method === 'GET')
            return getRelatedListRecords(
                db,
                parts[1],
                parts[2],
                relatedListParamsFromQuery(url.searchParams),
                listPath
            );
        if (method === 'POST') {
            const parsed = parseJson(body);
            if (!parsed.ok)
                return {
                    status: 400,
                    body: [
                        {
                            errorCode: 'JSON_PARSER_ERROR',
                            message: 'The request body is not valid JSON.'
                        }
                    ]
                };
            return getRelatedListRecords(
                db,
                parts[1],
                parts[2],
                relatedListParamsFromBody(parsed.value),
                listPath
            );
        }
    }
    return {
        status: 404,
        body: [
            {
                errorCode: 'NOT_FOUND',
                message: `The requested resource does not exist: ${path}`
            }
        ]
    };
}

/** Starts the server. Resolves once it listens. */
export function startPreviewServer(
    options: PreviewServerOptions = {}
): Promise<PreviewServer> {
    const handler = createPreviewHandler(options);
    const host = options.host ?? '127.0.0.1';
    const port =
        options.port ?? (process.env.PORT ? Number(process.env.PORT) : 3333);
    const server = createServer((req, res) => {
        handler.handle(req, res).then(
            (handled) => {
                if (!handled)
                    sendJson(res, 404, [
                        {
                            errorCode: 'NOT_FOUND',
                            message: `Not found: ${req.url}`
                        }
                    ]);
            },
            (e: Error) => {
                if (!res.headersSent)
                    sendJson(res, 500, [
                        { errorCode: 'UNKNOWN_EXCEPTION', message: e.message }
                    ]);
                else res.end();
            }
        );
    });
    server.keepAliveTimeout = 5000;
    return new Promise((resolveStart, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            const address = server.address();
            const actualPort =
                typeof address === 'object' && address ? address.port : port;
            let closing: Promise<void> | null = null;
            const close = (() => {
                closing ??= new Promise<void>((done) => {
                    server.close(() => {
                        handler.close();
                        done();
                    });
                    server.closeAllConnections?.();
                });
                return closing;
            }) as PreviewServer['close'];
            resolveStart({
                ...handler,
                url: `http://${host}:${actualPort}`,
                port: actualPort,
                server,
                close
            });
        });
    });
}
