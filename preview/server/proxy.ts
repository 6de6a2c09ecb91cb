/**
 * `--target-org ALIAS`: forwards the same Salesforce API requests to a real org, authenticated with
 * the sf CLI's stored credentials (`sf org display --target-org ALIAS --json` → instanceUrl + accessToken).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';

export interface OrgAuth {
    instanceUrl: string;
    accessToken: string;
}

/** Runs `sf org display` for an alias; injectable for tests. */
export type OrgDisplayRunner = (alias: string) => Promise<OrgAuth>;

/** Reads instanceUrl and accessToken from `sf org display --json` output. */
export function parseOrgDisplay(stdout: string): OrgAuth {
    let parsed: {
        status?: number;
        result?: { instanceUrl?: string; accessToken?: string };
        message?: string;
    };
    try {
        parsed = JSON.parse(stdout);
    } catch {
        throw new Error('sf org display did not print JSON');
    }
    const instanceUrl = parsed.result?.instanceUrl;
    const accessToken = parsed.result?.accessToken;
    if (!instanceUrl || !accessToken) {
        throw new Error(
            `sf org display gave no instanceUrl/accessToken${parsed.message ? `: ${parsed.message}` : ''}`
        );
    }
    return { instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
}

/** The default runner: the repo's scripts/sf.mjs wrapper when present (runs sf under Node ≥ 22), else `sf`. */
export const defaultOrgDisplay: OrgDisplayRunner = (alias) =>
    new Promise((resolvePromise, reject) => {
        const wrapper = resolve(__dirname, '..', '..', 'scripts', 'sf.mjs');
        const [cmd, args] = existsSync(wrapper)
            ? [
                  process.execPath,
                  [wrapper, 'org', 'display', '--target-org', alias, '--json']
              ]
            : ['sf', ['org', 'display', '--target-org', alias, '--json']];
        execFile(cmd, args, { maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
            // sf exits non-zero on failure but still prints JSON with a message.
            try {
                resolvePromise(parseOrgDisplay(stdout));
            } catch (e) {
                reject(error ?? e);
            }
        });
    });

/** Request headers passed through to the org (others, like cookies and Host, are dropped). */
const FORWARD_REQUEST_HEADERS = [
    'accept',
    'accept-language',
    'content-type',
    'if-match',
    'if-none-match',
    'if-modified-since',
    'if-unmodified-since',
    'sforce-call-options',
    'sforce-query-options',
    'x-chatter-entity-encoding'
];

/** Response headers passed back to the browser. */
const FORWARD_RESPONSE_HEADERS = [
    'content-type',
    'etag',
    'last-modified',
    'cache-control',
    'sforce-limit-info',
    'warning'
];

/**
 * What the proxy forwards: the requests the components make (UI API reads, a record PATCH, GraphQL).
 * Anything else (SOQL `/query`, `/sobjects`, `/apexrest`, deletes, creates) would use the org's
 * token for something the console never does, so it is refused, never forwarded.
 */
const FORWARDED: Array<{ methods: string[]; path: RegExp }> = [
    {
        methods: ['GET', 'HEAD'],
        path: /^\/services\/data\/v\d{2,3}\.\d\/ui-api\/[^?#]+$/
    },
    {
        methods: ['PATCH'],
        path: /^\/services\/data\/v\d{2,3}\.\d\/ui-api\/records\/[A-Za-z0-9]{15,18}$/
    },
    { methods: ['POST'], path: /^\/services\/data\/v\d{2,3}\.\d\/graphql$/ }
];

/**
 * True when the proxy may forward this method and (canonical) path. Encoded slashes, backslashes
 * and dots are refused too: the org may decode them into a path outside the allowed one.
 */
export function isForwardable(method: string, path: string): boolean {
    if (/%(2f|5c|2e)/i.test(path)) return false;
    return FORWARDED.some(
        (rule) => rule.methods.includes(method) && rule.path.test(path)
    );
}

/** The org URL for a path: built with the URL parser and refused unless it stays on the org's origin. */
export function targetUrl(instanceUrl: string, pathAndQuery: string): string {
    const base = new URL(instanceUrl);
    const target = new URL(pathAndQuery, base);
    if (target.origin !== base.origin || !pathAndQuery.startsWith('/'))
        throw new Error('The request path leaves the org.');
    return target.href;
}

/** Replaces access tokens in a message (known ones, and anything shaped like a Salesforce session id). */
export function redactTokens(text: string, tokens: readonly string[]): string {
    let out = text;
    for (const token of tokens)
        if (token) out = out.split(token).join('[access token]');
    return out.replace(
        /00D[A-Za-z0-9]{12,15}![^\s"'<>,;()]+/g,
        '[access token]'
    );
}

/** How long an org request may take before the preview answers 504. */
const ORG_TIMEOUT_MS = 120_000;

export interface ProxyRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
}

/** Maps an incoming request (path + query, relative) to the org request. Pure, for tests. */
export function mapRequest(
    auth: OrgAuth,
    method: string,
    pathAndQuery: string,
    headers: IncomingMessage['headers'],
    body?: Buffer
): ProxyRequest {
    const out: Record<string, string> = {};
    for (const name of FORWARD_REQUEST_HEADERS) {
        const v = headers[name];
        if (v != null) out[name] = Array.isArray(v) ? v.join(', ') : v;
    }
    out.authorization = `Bearer ${auth.accessToken}`;
    return {
        method,
        url: targetUrl(auth.instanceUrl, pathAndQuery),
        headers: out,
        body: body && body.length ? body : undefined
    };
}

export class OrgProxy {
    private auth: Promise<OrgAuth> | null = null;
    /** Every token seen, so no message can carry one to the browser or a log. */
    private readonly tokens: string[] = [];
    constructor(
        readonly alias: string,
        private readonly runner: OrgDisplayRunner = defaultOrgDisplay
    ) {}

    authenticate(refresh = false): Promise<OrgAuth> {
        if (!this.auth || refresh) {
            this.auth = this.runner(this.alias).then((auth) => {
                this.tokens.push(auth.accessToken);
                return auth;
            });
            this.auth.catch(() => {
                this.auth = null;
            });
        }
        return this.auth;
    }

    /** A message safe to show: no access token in it. */
    redact(text: string): string {
        return redactTokens(text, this.tokens);
    }

    /**
     * Forwards an allowed request (`isForwardable`) to the org; retries once with fresh credentials
     * on 401 (expired session). `pathAndQuery` is the canonical path the server parsed.
     */
    async forward(
        req: IncomingMessage,
        res: ServerResponse,
        pathAndQuery: string,
        body: Buffer
    ): Promise<number> {
        const method = req.method ?? 'GET';
        let auth: OrgAuth;
        try {
            auth = await this.authenticate();
        } catch (e) {
            return sendJson(res, 502, [
                {
                    errorCode: 'PREVIEW_PROXY_AUTH',
                    message: this.redact(
                        `Could not read the org's credentials with sf org display (${(e as Error).message}).`
                    )
                }
            ]);
        }
        let response = await this.send(
            mapRequest(auth, method, pathAndQuery, req.headers, body)
        );
        if (response.status === 401) {
            try {
                auth = await this.authenticate(true);
                response = await this.send(
                    mapRequest(auth, method, pathAndQuery, req.headers, body)
                );
            } catch {
                // keep the 401
            }
        }
        const headers: Record<string, string> = {};
        for (const name of FORWARD_RESPONSE_HEADERS) {
            const v = response.headers.get(name);
            if (v != null) headers[name] = v;
        }
        let buf: Buffer;
        try {
            buf = Buffer.from(await response.arrayBuffer());
        } catch (e) {
            return sendJson(res, 502, [
                {
                    errorCode: 'PREVIEW_PROXY_UNREACHABLE',
                    message: this.redact(
                        `The org's answer was cut off: ${(e as Error).message}`
                    )
                }
            ]);
        }
        res.writeHead(response.status, headers);
        res.end(buf);
        return response.status;
    }

    private async send(r: ProxyRequest): Promise<Response> {
        try {
            return await fetch(r.url, {
                method: r.method,
                headers: r.headers,
                body:
                    r.body && r.method !== 'GET' && r.method !== 'HEAD'
                        ? new Uint8Array(r.body)
                        : undefined,
                redirect: 'manual',
                signal: AbortSignal.timeout(ORG_TIMEOUT_MS)
            });
        } catch (e) {
            const timedOut = (e as Error).name === 'TimeoutError';
            return new Response(
                JSON.stringify([
                    {
                        errorCode: 'PREVIEW_PROXY_UNREACHABLE',
                        message: this.redact(
                            timedOut
                                ? `The org did not answer within ${ORG_TIMEOUT_MS / 1000} s.`
                                : `The org could not be reached: ${(e as Error).message}`
                        )
                    }
                ]),
                {
                    status: timedOut ? 504 : 502,
                    headers: { 'content-type': 'application/json' }
                }
            );
        }
    }
}

/** A body already serialized (to measure it before sending): sendJson sends its text as is. */
export class SerializedJson {
    constructor(readonly text: string) {}
}

export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): number {
    const text =
        body instanceof SerializedJson ? body.text : JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        ...headers
    });
    res.end(text);
    return status;
}
