/**
 * What one GraphQL request may cost the preview server, checked on the parsed document before it
 * is validated or executed, and the cache of parsed documents, bounded by bytes.
 *
 * The limits mirror the Salesforce GraphQL API where its guide documents one ("GraphQL API Query
 * Limitations": up to 10 subqueries per query, up to 2,000 records per subquery) and SOQL's
 * 100,000-character statement limit for the query text. The others have no platform counterpart
 * and only keep one request from occupying the single-threaded server: a request the components
 * send stays far below each of them.
 */
import {
    GraphQLError,
    getNamedType,
    isLeafType,
    parse,
    validate
} from 'graphql';
import type {
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLNamedType,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode
} from 'graphql';
import { decodeCursor } from './cursors';

export const GRAPHQL_LIMITS = {
    /** Record and aggregate connections (top-level and child relationships): "up to 10 subqueries". */
    subqueries: 10,
    /** "Each subquery can return up to 2000 records" (`first` ≤ 2000). */
    recordsPerSubquery: 2000,
    /** Records requested in all, child relationships multiplied by their parent's page. */
    totalRecords: 20_000,
    /** Characters of query text, as SOQL's statement limit. */
    queryCharacters: 100_000,
    /** Lexical tokens, checked while parsing (graphql-js stops at the limit). */
    tokens: 10_000,
    /** Aliased fields: repeated aliases are how one small query asks for the same work many times. */
    aliases: 100,
    /** Field selections after fragments are expanded (a fragment that spreads another twice, n deep, doubles n times). */
    selections: 2_000,
    /** Nesting of selection sets (fields and fragments). */
    depth: 30,
    /** Field values in the response: records × fields selected per record (the response size before it is built). */
    responseValues: 500_000,
    /** Bytes of the serialized response, the last bound once the response is built. */
    responseBytes: 16 * 1024 * 1024,
    /** Bytes the parsed-document cache may hold. */
    cacheBytes: 32 * 1024 * 1024
} as const;

/** Heap bytes a parsed document takes per character of query text (measured on the components' queries). */
const AST_BYTES_PER_CHAR = 80;

export interface GraphqlErrorBody {
    message: string;
    locations: Array<{ line: number; column: number }>;
    extensions: { ErrorType: string };
}

/** A request the limits refuse: HTTP status (200 for a GraphQL error, 400 for a malformed cursor) and its errors. */
export interface Refusal {
    status: number;
    errors: GraphqlErrorBody[];
}

function refusal(
    message: string,
    status = 200,
    type = 'ValidationError'
): Refusal {
    return {
        status,
        errors: [{ message, locations: [], extensions: { ErrorType: type } }]
    };
}

class LimitExceeded extends Error {
    constructor(readonly refusal: Refusal) {
        super(refusal.errors[0].message);
    }
}

const limitError = (text: string): LimitExceeded =>
    new LimitExceeded(refusal(`Query limit exceeded: ${text}`));

// ---------------------------------------------------------------------------------------------
// Parsed-document cache (least recently used first out, bounded by estimated bytes)
// ---------------------------------------------------------------------------------------------

const documents = new Map<string, { document: DocumentNode; bytes: number }>();
let cachedBytes = 0;

function cacheGet(query: string): DocumentNode | undefined {
    const entry = documents.get(query);
    if (!entry) return undefined;
    documents.delete(query);
    documents.set(query, entry);
    return entry.document;
}

function cacheSet(query: string, document: DocumentNode): void {
    const bytes = query.length * AST_BYTES_PER_CHAR;
    if (bytes > GRAPHQL_LIMITS.cacheBytes) return;
    documents.set(query, { document, bytes });
    cachedBytes += bytes;
    for (const [key, entry] of documents) {
        if (cachedBytes <= GRAPHQL_LIMITS.cacheBytes) break;
        documents.delete(key);
        cachedBytes -= entry.bytes;
    }
}

/** Entries and estimated bytes of the parsed-document cache. */
export function documentCacheStats(): { entries: number; bytes: number } {
    return { entries: documents.size, bytes: cachedBytes };
}

// ---------------------------------------------------------------------------------------------
// Cost of one operation
// ---------------------------------------------------------------------------------------------

type Variables = Record<string, unknown>;

function argument(
    field: FieldNode,
    name: string,
    variables: Variables
): unknown {
    const value: ValueNode | undefined = field.arguments?.find(
        (a) => a.name.value === name
    )?.value;
    switch (value?.kind) {
        case 'IntValue':
            return Number(value.value);
        case 'StringValue':
            return value.value;
        case 'Variable':
            return variables[value.name.value];
        default:
            return undefined;
    }
}

/** A cursor the server can't have issued: 400 before any SQL runs (a huge offset would reach SQLite). */
function checkCursor(cursor: unknown): void {
    if (typeof cursor !== 'string') return;
    let offset: number;
    try {
        offset = decodeCursor(cursor);
    } catch {
        offset = NaN;
    }
    if (!Number.isSafeInteger(offset))
        throw new LimitExceeded(
            refusal(
                `Invalid cursor: ${cursor.slice(0, 100)}`,
                400,
                'InvalidArgument'
            )
        );
}

/**
 * Walks one operation's selections (fragments expanded) and throws at the first limit passed.
 * `records` is how many records the enclosing connection may return: a field inside it costs that
 * many values, a child relationship inside it that many pages.
 */
function checkOperation(
    schema: GraphQLSchema,
    fragments: Map<string, FragmentDefinitionNode>,
    variables: Variables,
    operation: OperationDefinitionNode
): void {
    const cost = {
        selections: 0,
        aliases: 0,
        subqueries: 0,
        records: 0,
        values: 0
    };
    const walk = (
        selectionSet: SelectionSetNode | undefined,
        parent: GraphQLNamedType | undefined | null,
        records: number,
        depth: number
    ): void => {
        if (!selectionSet) return;
        if (depth > GRAPHQL_LIMITS.depth)
            throw limitError(
                `selections are nested more than ${GRAPHQL_LIMITS.depth} levels deep.`
            );
        for (const selection of selectionSet.selections) {
            // Fragments count too: a fragment that spreads itself must stop here, not overflow the stack.
            cost.selections += 1;
            if (cost.selections > GRAPHQL_LIMITS.selections)
                throw limitError(
                    `more than ${GRAPHQL_LIMITS.selections} selections (fields and fragments, fragments expanded).`
                );
            if (selection.kind === 'InlineFragment') {
                const condition = selection.typeCondition?.name.value;
                walk(
                    selection.selectionSet,
                    condition ? schema.getType(condition) : parent,
                    records,
                    depth + 1
                );
                continue;
            }
            if (selection.kind === 'FragmentSpread') {
                const fragment = fragments.get(selection.name.value);
                walk(
                    fragment?.selectionSet,
                    fragment &&
                        schema.getType(fragment.typeCondition.name.value),
                    records,
                    depth + 1
                );
                continue;
            }
            if (selection.alias) {
                cost.aliases += 1;
                if (cost.aliases > GRAPHQL_LIMITS.aliases)
                    throw limitError(
                        `more than ${GRAPHQL_LIMITS.aliases} aliases in one request.`
                    );
            }
            const fields =
                parent && 'getFields' in parent
                    ? parent.getFields()
                    : undefined;
            const definition = fields?.[selection.name.value];
            const type = definition ? getNamedType(definition.type) : undefined;
            if (type && isLeafType(type)) {
                cost.values += Math.max(records, 1);
                if (cost.values > GRAPHQL_LIMITS.responseValues)
                    throw limitError(
                        `the response would hold up to ${cost.values.toLocaleString('en-US')} field values or more; the maximum response size is ${GRAPHQL_LIMITS.responseValues.toLocaleString('en-US')} values.`
                    );
                continue;
            }
            let rows = records;
            if (type?.name.endsWith('Connection')) {
                cost.subqueries += 1;
                if (cost.subqueries > GRAPHQL_LIMITS.subqueries)
                    throw limitError(
                        `more than ${GRAPHQL_LIMITS.subqueries} subqueries (record or aggregate connections) in one query; the limit is ${GRAPHQL_LIMITS.subqueries}.`
                    );
                checkCursor(argument(selection, 'after', variables));
                const first = argument(selection, 'first', variables);
                const upperBound = argument(selection, 'upperBound', variables);
                // Out-of-range `first` values are refused by the resolver with the platform's message.
                const page =
                    typeof first === 'number' && Number.isFinite(first)
                        ? Math.min(
                              Math.max(first, 0),
                              GRAPHQL_LIMITS.recordsPerSubquery
                          )
                        : upperBound != null
                          ? 200
                          : 10;
                rows = Math.max(records, 1) * page;
                cost.records += rows;
                if (cost.records > GRAPHQL_LIMITS.totalRecords)
                    throw limitError(
                        `the query requests up to ${cost.records.toLocaleString('en-US')} records or more in all (child relationships count per parent record); the limit is ${GRAPHQL_LIMITS.totalRecords.toLocaleString('en-US')}.`
                    );
            }
            walk(selection.selectionSet, type, rows, depth + 1);
        }
    };
    const root =
        operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
    walk(operation.selectionSet, root, 0, 0);
}

function checkCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Variables,
    operationName: string | undefined
): void {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
        if (definition.kind === 'FragmentDefinition')
            fragments.set(definition.name.value, definition);
        else if (definition.kind === 'OperationDefinition')
            operations.push(definition);
    }
    const selected = operationName
        ? operations.filter((o) => o.name?.value === operationName)
        : operations;
    for (const operation of selected) {
        // A variable the request leaves out takes its default from the operation.
        const values: Variables = {};
        for (const definition of operation.variableDefinitions ?? []) {
            const fallback = definition.defaultValue;
            if (
                fallback?.kind === 'IntValue' ||
                fallback?.kind === 'StringValue'
            )
                values[definition.variable.name.value] =
                    fallback.kind === 'IntValue'
                        ? Number(fallback.value)
                        : fallback.value;
        }
        Object.assign(values, variables);
        checkOperation(schema, fragments, values, operation);
    }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Parses (or takes from the cache), checks the limits of and validates one request's document.
 * The limits are checked before validation, whose cost grows faster than the document.
 */
export function prepareDocument(
    schema: GraphQLSchema,
    query: string,
    variables: unknown,
    operationName: unknown
): { document: DocumentNode } | Refusal {
    if (query.length > GRAPHQL_LIMITS.queryCharacters)
        return refusal(
            `Query limit exceeded: the query text has ${query.length.toLocaleString('en-US')} characters; the limit is ${GRAPHQL_LIMITS.queryCharacters.toLocaleString('en-US')}.`
        );
    const vars =
        variables && typeof variables === 'object' && !Array.isArray(variables)
            ? (variables as Variables)
            : {};
    const name = typeof operationName === 'string' ? operationName : undefined;
    const cached = cacheGet(query);
    let document: DocumentNode;
    try {
        if (cached) {
            checkCost(schema, cached, vars, name);
            return { document: cached };
        }
        try {
            document = parse(query, { maxTokens: GRAPHQL_LIMITS.tokens });
        } catch (e) {
            const err = e as GraphQLError;
            const tooLong = /contains more th(?:an|at) \d+ tokens/.test(
                err.message
            );
            return {
                status: 200,
                errors: [
                    {
                        message: tooLong
                            ? `Query limit exceeded: the query has more than ${GRAPHQL_LIMITS.tokens.toLocaleString('en-US')} tokens.`
                            : err.message,
                        locations: err.locations ? [...err.locations] : [],
                        extensions: {
                            ErrorType: tooLong
                                ? 'ValidationError'
                                : 'InvalidSyntax'
                        }
                    }
                ]
            };
        }
        checkCost(schema, document, vars, name);
    } catch (e) {
        if (e instanceof LimitExceeded) return e.refusal;
        throw e;
    }
    const errors = validate(schema, document);
    if (errors.length)
        return {
            status: 200,
            errors: errors.map((err) => ({
                message: err.message,
                locations: err.locations ? [...err.locations] : [],
                extensions: { ErrorType: 'ValidationError' }
            }))
        };
    cacheSet(query, document);
    return { document };
}

/** The GraphQL error that replaces a response past the byte limit. */
export function responseTooLarge(bytes: number): {
    data: null;
    errors: GraphqlErrorBody[];
} {
    return {
        data: null,
        errors: refusal(
            `Query limit exceeded: the response has ${bytes.toLocaleString('en-US')} bytes; the maximum response size is ${GRAPHQL_LIMITS.responseBytes.toLocaleString('en-US')} bytes. Ask for fewer records or fields.`
        ).errors
    };
}
