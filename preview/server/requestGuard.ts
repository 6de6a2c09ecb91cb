/**
 * The checks every request to the preview server passes before it is routed. The server listens
 * on 127.0.0.1 and, with `--target-org`, holds a real org's access token, so any web page the
 * developer opens could otherwise reach it: by DNS rebinding (a foreign Host), by a cross-site
 * form or fetch (a foreign Origin, a `text/plain` body) or by a request target that isn't a plain
 * path (absolute-form, dot segments, encoded slashes).
 */
import type { IncomingMessage } from 'node:http';

/** Largest request body read (a GraphQL query with its variables is a few KB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A request the guard refuses: the status and the error body in the UI API's error family. */
export class RequestError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string
    ) {
        super(message);
    }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Methods that change something, from which a cross-site page must be kept out. */
export function isStateChanging(method: string): boolean {
    return STATE_CHANGING.has(method);
}

/**
 * The `host:port` values the browser uses for this server: its loopback names, and the names the
 * embedding code allows (`allowedHosts`), with the port the connection arrived on.
 */
export function ownHosts(
    req: IncomingMessage,
    allowedHosts: readonly string[] = []
): string[] {
    const port = req.socket.localPort;
    const names = new Set([
        '127.0.0.1',
        'localhost',
        ...allowedHosts.map((h) => h.toLowerCase())
    ]);
    return [...names].map((name) => `${name}:${port}`);
}

/**
 * Parses the request target. Only origin-form (`/path?query`) is accepted: an absolute-form or
 * scheme-relative target, dot segments, backslashes and malformed percent-encoding answer 400,
 * so the path a handler sees is exactly the path the client sent.
 */
export function parseTarget(rawTarget: string | undefined): URL {
    const target = rawTarget ?? '/';
    if (!target.startsWith('/') || target.startsWith('//'))
        throw new RequestError(
            400,
            'INVALID_REQUEST_TARGET',
            'The request target must be a path that starts with a single "/".'
        );
    const rawPath = target.split('?')[0].split('#')[0];
    const url = new URL(target, 'http://127.0.0.1');
    // The URL parser resolves "." and ".." (also %2e) and turns "\" into "/": a difference means
    // the client sent a path that names another path.
    if (url.pathname !== rawPath)
        throw new RequestError(
            400,
            'INVALID_REQUEST_TARGET',
            'The request path is not in canonical form (dot segments, backslashes or characters that need percent-encoding).'
        );
    for (const segment of url.pathname.split('/')) {
        try {
            decodeURIComponent(segment);
        } catch {
            throw new RequestError(
                400,
                'INVALID_REQUEST_TARGET',
                'The request path has malformed percent-encoding.'
            );
        }
    }
    return url;
}

/** 421 unless the Host header names this server (a DNS-rebound page sends its own host name). */
export function checkHost(
    req: IncomingMessage,
    allowedHosts: readonly string[] = []
): void {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!ownHosts(req, allowedHosts).includes(host))
        throw new RequestError(
            421,
            'MISDIRECTED_REQUEST',
            'This server answers only requests addressed to its own loopback address.'
        );
}

/** 403 when a state-changing request comes from another origin (no Origin: not a browser page). */
export function checkOrigin(
    req: IncomingMessage,
    method: string,
    allowedHosts: readonly string[] = []
): void {
    if (!isStateChanging(method)) return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    const allowed = ownHosts(req, allowedHosts).map((h) => `http://${h}`);
    if (!allowed.includes(origin.toLowerCase()))
        throw new RequestError(
            403,
            'CROSS_ORIGIN_REQUEST',
            'Requests that change data are accepted only from the preview page itself.'
        );
}

/**
 * 403 when the browser says the request comes from another site (`Sec-Fetch-Site`), for any
 * method: a cross-site page may not even make the preview send a read to the org for it.
 * Requests without the header (Node, curl) and typed-in addresses (`none`) pass.
 */
export function checkFetchSite(req: IncomingMessage): void {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
        throw new RequestError(
            403,
            'CROSS_ORIGIN_REQUEST',
            'API requests are accepted only from the preview page itself.'
        );
}

function hasBody(req: IncomingMessage): boolean {
    const length = req.headers['content-length'];
    return (
        (length !== undefined && length !== '0') ||
        req.headers['transfer-encoding'] !== undefined
    );
}

/**
 * 415 unless a request that carries (or may carry) a body declares JSON: a cross-site page can
 * send `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data` without a CORS
 * preflight, never `application/json`.
 */
export function checkContentType(req: IncomingMessage, method: string): void {
    const needsJson =
        method === 'POST' ||
        method === 'PUT' ||
        method === 'PATCH' ||
        hasBody(req);
    if (!needsJson) return;
    const type = (req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
    if (type !== 'application/json')
        throw new RequestError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Request bodies must be sent as application/json.'
        );
}

/** 413 before reading when the declared length is over the limit. */
export function checkDeclaredLength(
    req: IncomingMessage,
    limit = MAX_BODY_BYTES
): void {
    const length = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(length) && length > limit) throw bodyTooLarge(limit);
}

function bodyTooLarge(limit: number): RequestError {
    return new RequestError(
        413,
        'REQUEST_ENTITY_TOO_LARGE',
        `The request body is larger than ${limit / (1024 * 1024)} MB.`
    );
}

/** How much of an oversized body is read and dropped so the 413 reaches the client intact. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads the body up to `limit` bytes. Past it, the rest is read and dropped (up to a bound) before
 * the promise rejects with 413: closing a socket that still has unread data makes TCP reset it,
 * and the client would see a reset instead of the answer.
 */
export function readBody(
    req: IncomingMessage,
    limit = MAX_BODY_BYTES
): Promise<Buffer> {
    return new Promise((resolveBody, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let over = false;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                over = true;
                chunks.length = 0;
                if (size > limit + DRAIN_LIMIT) {
                    req.destroy();
                    reject(bodyTooLarge(limit));
                }
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () =>
            over
                ? reject(bodyTooLarge(limit))
                : resolveBody(Buffer.concat(chunks))
        );
        req.on('error', reject);
    });
}

/** Drops whatever is left of a refused request's body so the answer reaches the client. */
export function discardBody(req: IncomingMessage): Promise<void> {
    if (req.readableEnded || req.destroyed) return Promise.resolve();
    return new Promise((done) => {
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > DRAIN_LIMIT) {
                req.destroy();
                done();
            }
        });
        req.on('end', () => done());
        req.on('error', () => done());
        req.on('close', () => done());
        req.resume();
    });
}
