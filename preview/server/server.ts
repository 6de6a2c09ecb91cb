/**
 * The preview data server: a node:http server on 127.0.0.1 that answers the Salesforce endpoints
 * the components use (UI API REST + GraphQL) from SQLite, or forwards them to a real org
 * (`targetOrg`). Also: health, request log, error injection and a static-file hook for the bundle.
 * Every request passes the checks of requestGuard.ts first; GraphQL requests the cost limits of
 * queryLimits.ts (docs/preview.md, "Security and limits").
 */
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { Db } from './db';
import { getMeta, warmUp } from './db';
import { executeGraphql, getSchema } from './graphql';
import { isForwardable, OrgProxy, sendJson, SerializedJson } from './proxy';
import type { OrgDisplayRunner } from './proxy';
import { GRAPHQL_LIMITS, responseTooLarge } from './queryLimits';
import {
    checkContentType,
    checkDeclaredLength,
    checkFetchSite,
    checkHost,
    checkOrigin,
    discardBody,
    parseTarget,
    readBody,
    RequestError
} from './requestGuard';
import { fileInside, sendFile } from './staticFiles';
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
    /** Turns on `/__preview/fail` and `/__preview/requests` with `targetOrg` (always on with the sample org). */
    previewHelpers?: boolean;
    /** More host names the browser may use, with the server's port (127.0.0.1 and localhost always work). */
    allowedHosts?: string[];
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
    let file = fileInside(dir, decodeURIComponent(pathname));
    if (file === null) return false;
    if (existsSync(file) && statSync(file).isDirectory())
        file = join(file, 'index.html');
    return sendFile(
        res,
        file,
        {
            'content-type': MIME[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-cache'
        },
        method
    );
}

/** How often one injected failure may repeat, and how many may wait at once. */
const MAX_INJECTION_TIMES = 100;
const MAX_INJECTIONS = 20;
/** Longest path kept in the request log. */
const MAX_LOGGED_PATH = 2000;

const errorBody = (errorCode: string, message: string) => [
    { errorCode, message }
];

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
    if (db) {
        getSchema(); // build the GraphQL schema now, not on the first request
        warmUp(db); // and read what the first requests read, before listening (bounded)
    }
    const injections: Injection[] = [];
    const requests: RequestLogEntry[] = [];

    const helpersOn = mode === 'sqlite' || options.previewHelpers === true;
    const allowedHosts = options.allowedHosts ?? [];

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
        if (proxy) return proxy.forward(req, res, path + url.search, body);
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

    /** Answers a refused request; its unread body is dropped first so the client reads the answer. */
    async function refuse(
        req: IncomingMessage,
        res: ServerResponse,
        error: RequestError
    ): Promise<number> {
        await discardBody(req);
        return sendJson(
            res,
            error.status,
            errorBody(error.errorCode, error.message),
            {
                ...(error.status === 413 ? { connection: 'close' } : {})
            }
        );
    }

    async function handle(
        req: IncomingMessage,
        res: ServerResponse
    ): Promise<boolean> {
        const started = performance.now();
        const method = req.method ?? 'GET';
        const log: Partial<RequestLogEntry> = {};
        let status = 0;
        let shown = (req.url ?? '/').slice(0, MAX_LOGGED_PATH);
        try {
            const url = parseTarget(req.url);
            checkHost(req, allowedHosts);
            checkOrigin(req, method, allowedHosts);
            checkContentType(req, method);
            checkDeclaredLength(req);
            const path = url.pathname;
            shown = (path + url.search).slice(0, MAX_LOGGED_PATH);
            if (path.startsWith('/__preview/') || path.startsWith('/services/'))
                checkFetchSite(req);
            if (path.startsWith('/__preview/')) {
                status = await admin(req, res, url);
            } else if (path.startsWith('/services/')) {
                if (proxy && !isForwardable(method, path)) {
                    await discardBody(req);
                    status = sendJson(
                        res,
                        403,
                        errorBody(
                            'PREVIEW_PROXY_REFUSED',
                            `The preview forwards only what the console's components request (UI API reads, record updates, GraphQL); ${method} ${path.slice(0, 200)} is not forwarded.`
                        )
                    );
                } else {
                    const body =
                        method === 'GET' || method === 'HEAD'
                            ? Buffer.alloc(0)
                            : await readBody(req);
                    status = await api(req, res, url, body, log);
                }
                requests.push({
                    t: Date.now(),
                    method,
                    path: shown,
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
            if (res.headersSent) res.destroy();
            else if (e instanceof RequestError)
                status = await refuse(req, res, e);
            else
                status = sendJson(
                    res,
                    500,
                    errorBody(
                        'UNKNOWN_EXCEPTION',
                        proxy
                            ? proxy.redact((e as Error).message)
                            : (e as Error).message
                    )
                );
        }
        if (options.log)
            console.error(
                `${method} ${shown} → ${status} ${(performance.now() - started).toFixed(1)} ms`
            );
        return true;
    }

    async function admin(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL
    ): Promise<number> {
        const method = req.method ?? 'GET';
        const notAllowed = (allowed: string) =>
            sendJson(
                res,
                405,
                errorBody('METHOD_NOT_ALLOWED', `Use ${allowed}`),
                { allow: allowed.replace(/ or /g, ', ') }
            );
        if (
            !helpersOn &&
            (url.pathname === '/__preview/fail' ||
                url.pathname === '/__preview/requests')
        )
            return sendJson(
                res,
                404,
                errorBody(
                    'NOT_FOUND',
                    `${url.pathname} is off while the preview uses an org; start it with --preview-helpers to turn it on.`
                )
            );
        switch (url.pathname) {
            case '/__preview/health':
                if (method !== 'GET' && method !== 'HEAD')
                    return notAllowed('GET');
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
                if (method !== 'POST') return notAllowed('POST, GET or DELETE');
                const parsed = parseJson(await readBody(req));
                const spec = parsed.ok ? parsed.value : undefined;
                const invalid = (message: string) =>
                    sendJson(res, 400, errorBody('INVALID_INPUT', message));
                if (!spec || typeof spec !== 'object' || Array.isArray(spec))
                    return invalid(
                        'The body must be a JSON object: {path, status, body?, times?, method?}.'
                    );
                const s = spec as Partial<Record<keyof Injection, unknown>>;
                const status = Number(s.status ?? 403);
                if (!Number.isInteger(status) || status < 100 || status > 599)
                    return invalid('status must be an HTTP status code');
                const times = Number(s.times ?? 1);
                if (
                    !Number.isInteger(times) ||
                    times < 1 ||
                    times > MAX_INJECTION_TIMES
                )
                    return invalid(
                        `times must be a whole number from 1 to ${MAX_INJECTION_TIMES}`
                    );
                const path = s.path ?? '/graphql';
                if (
                    typeof path !== 'string' ||
                    path.length === 0 ||
                    path.length > 500
                )
                    return invalid(
                        'path must be a non-empty string of at most 500 characters'
                    );
                if (s.method !== undefined && typeof s.method !== 'string')
                    return invalid('method must be a string');
                if (injections.length >= MAX_INJECTIONS)
                    return invalid(
                        `At most ${MAX_INJECTIONS} injected failures can wait at once; DELETE /__preview/fail clears them.`
                    );
                injections.push({
                    path,
                    method: s.method,
                    status,
                    body:
                        s.body !== undefined
                            ? s.body
                            : (DEFAULT_INJECTED_BODIES[status] ??
                              errorBody(
                                  'PREVIEW_INJECTED',
                                  `Injected HTTP ${status}`
                              )),
                    times
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
                if (method !== 'GET' && method !== 'HEAD')
                    return notAllowed('GET or DELETE');
                return sendJson(res, 200, requests);
            default:
                return sendJson(
                    res,
                    404,
                    errorBody(
                        'NOT_FOUND',
                        `No preview endpoint ${url.pathname.slice(0, 200)}`
                    )
                );
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
        // Serialized once here: the size is checked before anything is sent.
        const text = JSON.stringify(result.body);
        const bytes = Buffer.byteLength(text);
        log.serverMs = performance.now() - started;
        if (bytes > GRAPHQL_LIMITS.responseBytes)
            return { status: 200, body: responseTooLarge(bytes) };
        return { ...result, body: new SerializedJson(text) };
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
    const host = options.host ?? '127.0.0.1';
    // The address the server listens on is also a name the browser may use.
    const handler = createPreviewHandler({
        ...options,
        allowedHosts: [
            ...(options.allowedHosts ?? []),
            host.includes(':') ? `[${host}]` : host
        ]
    });
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
