/**
 * lightning/graphql for the local preview:
 * `gql` keeps the query text, the `graphql` wire adapter POSTs `{ query, variables, operationName }`
 * to /services/data/v66.0/graphql and hands the component `{ data, errors, refresh }`.
 * Reactive variables refetch when they change; the result's `refresh()` fetches again past the
 * cache. Like the platform module, it has no refreshGraphQL (LWC guide, reference-graphql-refresh).
 */
import {
    API_BASE,
    BaseAdapter,
    read,
    type FetchResponseError
} from './transport';

export interface GraphQLError {
    message: string;
    locations?: Array<{ line: number; column: number }>;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
}

/** A parsed-query stand-in: the platform compiles gql at build time; the preview sends the text. */
export interface GqlDocument {
    readonly kind: 'Document';
    readonly source: string;
}

export function gql(
    strings: TemplateStringsArray | string,
    ...values: unknown[]
): GqlDocument {
    const parts = typeof strings === 'string' ? [strings] : Array.from(strings);
    let source = '';
    parts.forEach((part, i) => {
        source += part;
        if (i < values.length) {
            const value = values[i];
            source +=
                value && typeof value === 'object' && 'source' in value
                    ? (value as GqlDocument).source
                    : String(value);
        }
    });
    return Object.freeze({ kind: 'Document', source });
}

function sourceOf(query: unknown): string | undefined {
    if (typeof query === 'string') return query;
    if (
        query &&
        typeof query === 'object' &&
        typeof (query as GqlDocument).source === 'string'
    )
        return (query as GqlDocument).source;
    return undefined;
}

interface GraphQLConfig {
    query?: unknown;
    variables?: Record<string, unknown>;
    operationName?: string;
}

interface GraphQLResponse {
    data?: unknown;
    errors?: GraphQLError[];
}

/** Turns a failed HTTP exchange into GraphQL errors, keeping the server's messages and codes. */
function httpErrors(error: unknown): GraphQLError[] {
    const failure = error as Partial<FetchResponseError>;
    const status = typeof failure?.status === 'number' ? failure.status : 0;
    const body = failure?.body;
    const entries: unknown[] = Array.isArray(body)
        ? body
        : body &&
            typeof body === 'object' &&
            Array.isArray((body as { errors?: unknown[] }).errors)
          ? (body as { errors: unknown[] }).errors
          : [body ?? { message: failure?.statusText }];
    return entries.map((entry) => {
        const e = (
            entry && typeof entry === 'object'
                ? entry
                : { message: String(entry) }
        ) as Record<string, unknown>;
        const message =
            typeof e.message === 'string' && e.message
                ? e.message
                : failure?.statusText || 'Request failed';
        return {
            message,
            locations: [],
            path: [],
            extensions: {
                errorCode: e.errorCode ?? e.statusCode ?? null,
                status
            }
        };
    });
}

export class graphql extends BaseAdapter<GraphQLConfig> {
    protected ready(config: GraphQLConfig): boolean {
        if (sourceOf(config.query) === undefined) return false;
        const vars = config.variables;
        return !vars || Object.values(vars).every((v) => v !== undefined);
    }

    protected fetch(config: GraphQLConfig, fresh: boolean): Promise<unknown> {
        const body: Record<string, unknown> = {
            query: sourceOf(config.query),
            variables: config.variables ?? {}
        };
        if (config.operationName) body.operationName = config.operationName;
        return read(`${API_BASE}/graphql`, {
            method: 'POST',
            body,
            component: this.component,
            fresh
        });
    }

    protected success(response: unknown): unknown {
        const r = (response ?? {}) as GraphQLResponse;
        return this.result(
            r.data,
            r.errors && r.errors.length ? r.errors : undefined
        );
    }

    protected failure(error: unknown): unknown {
        return this.result(undefined, httpErrors(error));
    }

    private result(data: unknown, errors: GraphQLError[] | undefined): unknown {
        return { data, errors, refresh: () => this.refresh() };
    }
}
