/**
 * The network layer of the preview's Lightning Data Service: calls the data server with the
 * real UI API / GraphQL request shapes, deduplicates identical requests that are in flight,
 * caches successful reads for a short time (like LDS does), and turns failures into the
 * FetchResponse-like error the platform hands components: `{ status, statusText, ok, headers, body }`.
 */

export const API_VERSION = 'v66.0';
export const API_BASE = `/services/data/${API_VERSION}`;

/** How long a successful read is served from the cache (LDS keeps UI API records about 30 s). */
const CACHE_TTL_MS = 30_000;

export interface FetchResponseError {
    status: number;
    statusText: string;
    ok: false;
    headers: Record<string, string>;
    body: unknown;
}

export interface RequestOptions {
    method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    body?: unknown;
    headers?: Record<string, string>;
    /** The custom element whose wire issued the request (for the per-component request count). */
    component?: string;
    /** Skip the cache (a refresh). In-flight requests are still shared. */
    fresh?: boolean;
}

interface CacheEntry {
    at: number;
    promise: Promise<unknown>;
    settled: boolean;
}

const cache = new Map<string, CacheEntry>();

/** Request log for the bench and the tests: one entry per network request actually sent. */
export interface RequestLogEntry {
    method: string;
    url: string;
    component: string;
    /** performance.now() when the request was sent, and when its body had arrived. */
    at: number;
    doneAt?: number;
    status?: number;
    /** The server's own time, from its Server-Timing header (app;dur=). */
    serverMs?: number;
    body?: string;
}
const requestLog: RequestLogEntry[] = [];
(
    globalThis as unknown as { __PREVIEW_REQUESTS__: RequestLogEntry[] }
).__PREVIEW_REQUESTS__ = requestLog;

function cacheKey(method: string, url: string, body: unknown): string {
    return `${method} ${url} ${body === undefined ? '' : JSON.stringify(body)}`;
}

function headersOf(response: Response): Record<string, string> {
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
        out[key] = value;
    });
    return out;
}

async function send(url: string, options: RequestOptions): Promise<unknown> {
    const method = options.method ?? 'GET';
    const entry: RequestLogEntry = {
        method,
        url,
        component: options.component ?? '',
        at: performance.now(),
        body:
            options.body === undefined
                ? undefined
                : JSON.stringify(options.body)
    };
    requestLog.push(entry);
    const headers: Record<string, string> = {
        Accept: 'application/json',
        ...(options.headers ?? {})
    };
    if (options.body !== undefined)
        headers['Content-Type'] = 'application/json';
    if (options.component) headers['X-Preview-Component'] = options.component;
    let response: Response;
    try {
        response = await fetch(url, {
            method,
            headers,
            body:
                options.body === undefined
                    ? undefined
                    : JSON.stringify(options.body),
            credentials: 'same-origin'
        });
    } catch (error) {
        // The server cannot be reached: the platform reports status 0 with the reason.
        const failure: FetchResponseError = {
            status: 0,
            statusText: 'Network Error',
            ok: false,
            headers: {},
            body: [
                {
                    errorCode: 'NETWORK_ERROR',
                    message:
                        error instanceof Error ? error.message : String(error)
                }
            ]
        };
        throw failure;
    }
    const text = await response.text();
    entry.doneAt = performance.now();
    entry.status = response.status;
    const timing = /(?:^|,)\s*app;dur=([\d.]+)/.exec(
        response.headers.get('Server-Timing') ?? ''
    );
    if (timing) entry.serverMs = Number(timing[1]);
    let body: unknown = null;
    if (text) {
        try {
            body = JSON.parse(text);
        } catch {
            body = text;
        }
    }
    if (!response.ok) {
        const failure: FetchResponseError = {
            status: response.status,
            statusText: response.statusText,
            ok: false,
            headers: headersOf(response),
            body
        };
        throw failure;
    }
    return body;
}

/** A read (GET, or a GraphQL POST): shared while in flight, cached briefly once it succeeded. */
export function read<T>(url: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const key = cacheKey(method, url, options.body);
    const hit = cache.get(key);
    const now = performance.now();
    if (
        hit &&
        (!hit.settled || (!options.fresh && now - hit.at < CACHE_TTL_MS))
    ) {
        return hit.promise as Promise<T>;
    }
    const entry: CacheEntry = {
        at: now,
        settled: false,
        promise: Promise.resolve()
    };
    entry.promise = send(url, options).then(
        (value) => {
            entry.settled = true;
            entry.at = performance.now();
            return value;
        },
        (error: unknown) => {
            // Failures are not cached: the next read tries again.
            if (cache.get(key) === entry) cache.delete(key);
            throw error;
        }
    );
    cache.set(key, entry);
    return entry.promise as Promise<T>;
}

/** A write: never cached or shared. */
export function write<T>(url: string, options: RequestOptions): Promise<T> {
    return send(url, options) as Promise<T>;
}

/** Drops cached reads whose URL or body mentions any of the given strings (record ids). */
export function invalidate(match: (key: string) => boolean): void {
    for (const [key, entry] of cache) {
        if (entry.settled && match(key)) cache.delete(key);
    }
}

export function invalidateAll(): void {
    cache.clear();
}

/** The field path of a field reference: `{objectApiName, fieldApiName}` or `'Object.Field'`. */
export function fieldPath(field: unknown): string {
    if (typeof field === 'string') return field;
    if (field && typeof field === 'object') {
        const ref = field as { objectApiName?: string; fieldApiName?: string };
        if (ref.objectApiName && ref.fieldApiName)
            return `${ref.objectApiName}.${ref.fieldApiName}`;
        if (ref.fieldApiName) return ref.fieldApiName;
    }
    throw new TypeError(`Invalid field reference: ${JSON.stringify(field)}`);
}

export function objectName(object: unknown): string {
    if (typeof object === 'string') return object;
    if (
        object &&
        typeof object === 'object' &&
        typeof (object as { objectApiName?: unknown }).objectApiName ===
            'string'
    ) {
        return (object as { objectApiName: string }).objectApiName;
    }
    throw new TypeError(`Invalid object reference: ${JSON.stringify(object)}`);
}

export function toList(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/** Builds a query string, repeating nothing: lists are comma-separated like the UI API expects. */
export function query(
    params: Record<string, string | number | undefined | null | string[]>
): string {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value)) {
            if (!value.length) continue;
            parts.push(
                `${encodeURIComponent(key)}=${value.map((v) => encodeURIComponent(v)).join(',')}`
            );
        } else {
            parts.push(
                `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`
            );
        }
    }
    return parts.length ? `?${parts.join('&')}` : '';
}

/** True when a config still holds an unresolved reactive parameter (LWC hands adapters undefined until then). */
export function hasUndefined(values: unknown[]): boolean {
    return values.some((v) => v === undefined);
}

export type DataCallback = (value: unknown) => void;

export interface SourceContext {
    tagName?: string;
}

/**
 * Base class of the wire adapters: remembers the callback and the component's tag name,
 * drops stale responses (a newer config replaced the one that asked), and keeps a registry of
 * live adapters so writes and notifications can refresh the wires that show a record.
 */
export abstract class BaseAdapter<TConfig> {
    protected readonly callback: DataCallback;
    protected readonly component: string;
    protected config: TConfig | undefined;
    protected connected = false;
    private generation = 0;
    static readonly live = new Set<BaseAdapter<unknown>>();

    constructor(callback: DataCallback, sourceContext?: SourceContext) {
        this.callback = callback;
        this.component = (sourceContext?.tagName ?? '').toLowerCase();
    }

    connect(): void {
        this.connected = true;
        BaseAdapter.live.add(this as BaseAdapter<unknown>);
    }

    disconnect(): void {
        this.connected = false;
        BaseAdapter.live.delete(this as BaseAdapter<unknown>);
    }

    update(config: TConfig): void {
        if (
            this.config !== undefined &&
            JSON.stringify(config) === JSON.stringify(this.config)
        )
            return;
        this.config = config;
        void this.load(false);
    }

    /** Fetches again, bypassing the cache. */
    refresh(): Promise<void> {
        return this.load(true);
    }

    protected async load(fresh: boolean): Promise<void> {
        const config = this.config;
        if (config === undefined || !this.ready(config)) return;
        const generation = ++this.generation;
        try {
            const value = await this.fetch(config, fresh);
            if (generation === this.generation)
                this.callback(this.success(value));
        } catch (error) {
            if (generation === this.generation)
                this.callback(this.failure(error));
        }
    }

    /** Whether the config is complete enough to fetch. */
    protected abstract ready(config: TConfig): boolean;
    protected abstract fetch(config: TConfig, fresh: boolean): Promise<unknown>;

    protected success(data: unknown): unknown {
        return { data, error: undefined };
    }

    protected failure(error: unknown): unknown {
        return { data: undefined, error };
    }

    /** Whether this adapter shows the given record (as the record or as the parent of a list). */
    mentions(_recordId: string): boolean {
        return false;
    }
}

/** Refreshes every live adapter that shows one of the records. */
export async function refreshRecords(recordIds: string[]): Promise<void> {
    const ids = new Set(recordIds.flatMap((id) => [id, id.slice(0, 15)]));
    invalidate((key) => [...ids].some((id) => key.includes(id)));
    const targets = [...BaseAdapter.live].filter((adapter) =>
        [...ids].some((id) => adapter.mentions(id))
    );
    await Promise.all(targets.map((adapter) => adapter.refresh()));
}
