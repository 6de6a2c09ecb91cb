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
        url: `${auth.instanceUrl}${pathAndQuery}`,
        headers: out,
        body: body && body.length ? body : undefined
    };
}

export class OrgProxy {
    private auth: Promise<OrgAuth> | null = null;
    constructor(
        readonly alias: string,
        private readonly runner: OrgDisplayRunner = defaultOrgDisplay
    ) {}

    authenticate(refresh = false): Promise<OrgAuth> {
        if (!this.auth || refresh) {
            this.auth = this.runner(this.alias);
            this.auth.catch(() => {
                this.auth = null;
            });
        }
        return this.auth;
    }

    /** Forwards the request; retries once with fresh credentials on 401 (expired session). */
    async forward(
        req: IncomingMessage,
        res: ServerResponse,
        body: Buffer
    ): Promise<number> {
        let auth: OrgAuth;
        try {
            auth = await this.authenticate();
        } catch (e) {
            return sendJson(res, 502, [
                {
                    errorCode: 'PREVIEW_PROXY_AUTH',
                    message: `Could not read the org's credentials with sf org display (${(e as Error).message}).`
                }
            ]);
        }
        let response = await this.send(
            mapRequest(
                auth,
                req.method ?? 'GET',
                req.url ?? '/',
                req.headers,
                body
            )
        );
        if (response.status === 401) {
            try {
                auth = await this.authenticate(true);
                response = await this.send(
                    mapRequest(
                        auth,
                        req.method ?? 'GET',
                        req.url ?? '/',
                        req.headers,
                        body
                    )
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
        const buf = Buffer.from(await response.arrayBuffer());
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
                redirect: 'manual'
            });
        } catch (e) {
            return new Response(
                JSON.stringify([
                    {
                        errorCode: 'PREVIEW_PROXY_UNREACHABLE',
                        message: `The org could not be reached: ${(e as Error).message}`
                    }
                ]),
                {
                    status: 502,
                    headers: { 'content-type': 'application/json' }
                }
            );
        }
    }
}

export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): number {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        ...headers
    });
    res.end(text);
    return status;
}
