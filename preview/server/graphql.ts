/**
 * The UI API GraphQL endpoint over SQLite.
 *
 * The schema is generated from metadata.ts in the shape the Salesforce GraphQL API documents
 * (uiapi.query.<Object> record connections, uiapi.aggregate.<Object> aggregate connections,
 * <Object>_Filter / _OrderBy / _GroupBy inputs, value types with value/displayValue). Queries are
 * parsed and validated by graphql-js, then executed by graphql-js with resolvers that translate
 * each connection into ONE parameterized SQL statement (values are never spliced into SQL).
 */
import {
    GraphQLError,
    buildSchema,
    execute,
    valueFromASTUntyped
} from 'graphql';
import type {
    FieldNode,
    FragmentDefinitionNode,
    GraphQLFieldResolver,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLTypeResolver,
    SelectionSetNode
} from 'graphql';
import {
    GRAIN_MS,
    ROLLUP_BUCKET_COLUMN,
    ROLLUP_COUNT_COLUMN,
    bucketOf,
    estimatedRows,
    rollupDimensionColumn,
    rollupMeasureColumn,
    rollupTable,
    rollupsOf,
    searchFacetsOf,
    searchIndexOf,
    sortIndexOf,
    searchTermsTable,
    sortKeyIsNeverNull,
    sortKeySql
} from './db';
import type {
    Db,
    RollupDef,
    RollupGrain,
    SearchFacetsDef,
    SearchIndexDef
} from './db';
import { to18 } from './ids';
import {
    OBJECTS,
    fieldDef,
    objectDef,
    picklistLabelOf,
    q,
    relationshipField,
    storedTargets
} from './metadata';
import type { DataType, FieldDef, ObjectDef } from './metadata';
import { fieldValue, findRecord, nameOf, now } from './records';
import type { ApiResult, Row } from './records';
import { prepareDocument } from './queryLimits';
import { decodeCursor, encodeCursor } from './cursors';
import { CURRENT_USER_ID } from './seed';

// ---------------------------------------------------------------------------------------------
// Schema (SDL generated from the metadata)
// ---------------------------------------------------------------------------------------------

const VALUE_TYPE: Record<DataType, string> = {
    Id: 'IDValue',
    String: 'StringValue',
    Picklist: 'PicklistValue',
    DateTime: 'DateTimeValue',
    Int: 'IntValue',
    Double: 'DoubleValue',
    Reference: 'IDValue',
    Boolean: 'BooleanValue',
    TextArea: 'TextAreaValue',
    Url: 'UrlValue',
    Phone: 'PhoneNumberValue',
    Email: 'EmailValue'
};

const OPERATORS: Record<DataType, string> = {
    Id: 'IDOperators',
    String: 'StringOperators',
    Picklist: 'PicklistOperators',
    DateTime: 'DateTimeOperators',
    Int: 'IntegerOperators',
    Double: 'DoubleOperators',
    Reference: 'IDOperators',
    Boolean: 'BooleanOperators',
    TextArea: 'StringOperators',
    Url: 'StringOperators',
    Phone: 'StringOperators',
    Email: 'StringOperators'
};

const AGGREGATE_TYPE: Record<DataType, string> = {
    Id: 'IDAggregate',
    String: 'StringAggregate',
    Picklist: 'PicklistAggregate',
    DateTime: 'DateTimeAggregate',
    Int: 'IntAggregate',
    Double: 'DoubleAggregate',
    Reference: 'IDAggregate',
    Boolean: 'BooleanAggregate',
    TextArea: 'StringAggregate',
    Url: 'StringAggregate',
    Phone: 'StringAggregate',
    Email: 'StringAggregate'
};

const isNumeric = (t: DataType) => t === 'Int' || t === 'Double';

function valueTypeOf(f: FieldDef): string {
    if (f.type === 'TextArea' && f.htmlFormatted) return 'RichTextAreaValue';
    return VALUE_TYPE[f.type];
}

const scopeEnum = (o: ObjectDef) => `${o.apiName.toUpperCase()}_SCOPE`;

/** The relationship type in the schema: the target type, or a union for polymorphic relationships. */
function relationshipType(o: ObjectDef, f: FieldDef): string | null {
    const targets = storedTargets(f);
    if (targets.length === 0) return null;
    if (targets.length === 1) return targets[0].apiName;
    return `${o.apiName}_${f.relationshipName}`;
}

export function buildSdl(): string {
    const out: string[] = [];
    out.push(`
scalar DateTime
scalar Date
scalar Long
scalar Double
scalar Picklist
scalar TextArea
scalar RichTextArea
scalar Url
scalar Email
scalar PhoneNumber
scalar JSON

"Leaves a field out, instead of failing the query, when the context user can't read it (lightning/graphql, API v65.0+)."
directive @optional on FIELD

type Query { uiapi: UIAPI! }
type UIAPI { query: RecordQuery! aggregate: RecordQueryAggregate! }

interface Record {
  Id: ID!
  ApiName: String!
  WeakEtag: Long!
  DisplayValue: String
  LastModifiedById: IDValue
  LastModifiedDate: DateTimeValue
  SystemModstamp: DateTimeValue
  RecordTypeId: IDValue
}

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

type IDValue { value: ID displayValue: String label: String }
type StringValue { value: String displayValue: String label: String }
type PicklistValue { value: Picklist displayValue: String label: String }
type DateTimeValue { value: DateTime displayValue: String format: String label: String }
type IntValue { value: Int displayValue: String format: String label: String }
type DoubleValue { value: Double displayValue: String format: String label: String }
type LongValue { value: Long displayValue: String format: String label: String }
type BooleanValue { value: Boolean displayValue: String label: String }
type TextAreaValue { value: TextArea displayValue: String label: String }
type RichTextAreaValue { value: RichTextArea displayValue: String label: String }
type UrlValue { value: Url displayValue: String label: String }
type EmailValue { value: Email displayValue: String label: String }
type PhoneNumberValue { value: PhoneNumber displayValue: String label: String }

type IDAggregate { value: ID displayValue: String label: String count: LongValue countDistinct: LongValue grouping: IntValue max: IDValue min: IDValue }
type StringAggregate { value: String displayValue: String label: String count: LongValue countDistinct: LongValue grouping: IntValue max: StringValue min: StringValue }
type PicklistAggregate { value: Picklist displayValue: String label: String count: LongValue countDistinct: LongValue grouping: IntValue max: PicklistValue min: PicklistValue }
type DateTimeAggregate { value: DateTime displayValue: String format: String label: String count: LongValue countDistinct: LongValue grouping: IntValue max: DateTimeValue min: DateTimeValue }
type IntAggregate { value: Int displayValue: String format: String label: String avg: DoubleValue count: LongValue countDistinct: LongValue grouping: IntValue max: IntValue min: IntValue sum: LongValue }
type DoubleAggregate { value: Double displayValue: String format: String label: String avg: DoubleValue count: LongValue countDistinct: LongValue grouping: IntValue max: DoubleValue min: DoubleValue sum: DoubleValue }
type BooleanAggregate { value: Boolean displayValue: String label: String count: LongValue countDistinct: LongValue grouping: IntValue }

enum ResultOrder { ASC DESC }
enum NullOrder { FIRST LAST }
input OrderByClause { order: ResultOrder nulls: NullOrder }
enum AggregateOrderByStringFunction { COUNT COUNT_DISTINCT MAX MIN }
enum AggregateOrderByNumberFunction { AVG COUNT COUNT_DISTINCT MAX MIN SUM }
input AggregateOrderByStringClause { function: AggregateOrderByStringFunction order: ResultOrder nulls: NullOrder }
input AggregateOrderByNumberClause { function: AggregateOrderByNumberFunction order: ResultOrder nulls: NullOrder }
input NoFunctionAggregateOrderByClause { order: ResultOrder nulls: NullOrder }

enum GroupByType { GROUP_BY ROLLUP CUBE }
input GroupByClause { group: Boolean }
enum GroupByFunction { CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR }
input GroupByDateFunction { function: GroupByFunction }

input IDOperators { eq: ID ne: ID lt: ID gt: ID lte: ID gte: ID like: String in: [ID] nin: [ID] inq: JoinInput ninq: JoinInput }
input StringOperators { eq: String ne: String lt: String gt: String lte: String gte: String like: String in: [String] nin: [String] }
input PicklistOperators { eq: Picklist ne: Picklist lt: Picklist gt: Picklist lte: Picklist gte: Picklist like: String in: [Picklist] nin: [Picklist] }
input IntegerOperators { eq: Int ne: Int lt: Int gt: Int lte: Int gte: Int in: [Int] nin: [Int] }
input DoubleOperators { eq: Double ne: Double lt: Double gt: Double lte: Double gte: Double in: [Double] nin: [Double] }
input BooleanOperators { eq: Boolean ne: Boolean }
enum DateLiteral { TODAY YESTERDAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS NEXT_90_DAYS THIS_YEAR LAST_YEAR NEXT_YEAR }
input DateTimeRange { last_n_days: Int next_n_days: Int n_days_ago: Int last_n_weeks: Int next_n_weeks: Int last_n_months: Int next_n_months: Int }
input DateTimeInput { value: DateTime literal: DateLiteral range: DateTimeRange }
input DateTimeOperators { eq: DateTimeInput ne: DateTimeInput lt: DateTimeInput gt: DateTimeInput lte: DateTimeInput gte: DateTimeInput in: [DateTimeInput] nin: [DateTimeInput] }
`);

    const recordQuery: string[] = [];
    const aggregateQuery: string[] = [];
    for (const o of OBJECTS) {
        const typeFields: string[] = [
            'Id: ID!',
            'ApiName: String!',
            'WeakEtag: Long!',
            'DisplayValue: String',
            'RecordTypeId: IDValue'
        ];
        const filterFields: string[] = [
            `and: [${o.apiName}_Filter]`,
            `or: [${o.apiName}_Filter]`,
            `not: ${o.apiName}_Filter`
        ];
        const orderFields: string[] = [];
        const groupFields: string[] = ['type: GroupByType'];
        const aggOrderFields: string[] = [];
        const aggFields: string[] = [];
        const hasAudit = new Set(o.fields.map((f) => f.name));
        if (!hasAudit.has('LastModifiedById'))
            typeFields.push('LastModifiedById: IDValue');
        if (!hasAudit.has('LastModifiedDate'))
            typeFields.push('LastModifiedDate: DateTimeValue');
        if (!hasAudit.has('SystemModstamp'))
            typeFields.push('SystemModstamp: DateTimeValue');
        for (const f of o.fields) {
            if (f.name !== 'Id')
                typeFields.push(`${f.name}: ${valueTypeOf(f)}`);
            if (f.filterable !== false)
                filterFields.push(`${f.name}: ${OPERATORS[f.type]}`);
            if (f.sortable !== false)
                orderFields.push(`${f.name}: OrderByClause`);
            if (f.groupable !== false)
                groupFields.push(
                    `${f.name}: ${f.type === 'DateTime' ? 'GroupByDateFunction' : 'GroupByClause'}`
                );
            aggFields.push(`${f.name}: ${AGGREGATE_TYPE[f.type]}`);
            if (f.sortable !== false) {
                aggOrderFields.push(
                    `${f.name}: ${isNumeric(f.type) ? 'AggregateOrderByNumberClause' : f.type === 'Reference' ? 'NoFunctionAggregateOrderByClause' : 'AggregateOrderByStringClause'}`
                );
            }
            if (f.type === 'Reference' && f.relationshipName) {
                const relType = relationshipType(o, f);
                if (!relType) continue;
                typeFields.push(`${f.relationshipName}: ${relType}`);
                const targets = storedTargets(f);
                if (targets.length > 1) {
                    out.push(
                        `union ${relType} = ${targets.map((t) => t.apiName).join(' | ')}`
                    );
                    out.push(
                        `input ${relType}_Filters { ${targets.map((t) => `${t.apiName}: ${t.apiName}_Filter`).join(' ')} }`
                    );
                }
                filterFields.push(
                    `${f.relationshipName}: ${targets.length > 1 ? `${relType}_Filters` : `${targets[0].apiName}_Filter`}`
                );
                // Ordering, grouping and aggregating across a polymorphic relationship use the first
                // target's fields (the common ones, Id and Name, resolve across all targets).
                orderFields.push(
                    `${f.relationshipName}: ${targets[0].apiName}_OrderBy`
                );
                groupFields.push(
                    `${f.relationshipName}: ${targets[0].apiName}_GroupBy`
                );
                aggOrderFields.push(
                    `${f.relationshipName}: ${targets[0].apiName}_AggregateOrderBy`
                );
                aggFields.push(
                    `${f.relationshipName}: ${targets[0].apiName}_Aggregate`
                );
            }
        }
        for (const c of o.childRelationships) {
            const child = objectDef(c.childObjectApiName);
            if (!child) continue;
            typeFields.push(
                `${c.relationshipName}(first: Int, after: String, where: ${child.apiName}_Filter, orderBy: ${child.apiName}_OrderBy, upperBound: Int): ${child.apiName}Connection`
            );
        }
        out.push(
            `type ${o.apiName} implements Record { ${typeFields.join(' ')} }`
        );
        out.push(`input ${o.apiName}_Filter { ${filterFields.join(' ')} }`);
        out.push(`input ${o.apiName}_OrderBy { ${orderFields.join(' ')} }`);
        out.push(`input ${o.apiName}_GroupBy { ${groupFields.join(' ')} }`);
        out.push(
            `input ${o.apiName}_AggregateOrderBy { ${aggOrderFields.join(' ')} }`
        );
        out.push(`type ${o.apiName}_Aggregate { ${aggFields.join(' ')} }`);
        out.push(
            `type ${o.apiName}Edge { node: ${o.apiName} cursor: String! }`
        );
        out.push(
            `type ${o.apiName}Connection { edges: [${o.apiName}Edge] pageInfo: PageInfo! totalCount: Int! pageResultCount: Int! }`
        );
        out.push(
            `type ${o.apiName}AggregateResult { aggregate: ${o.apiName}_Aggregate }`
        );
        out.push(
            `type ${o.apiName}AggregateEdge { node: ${o.apiName}AggregateResult cursor: String! }`
        );
        out.push(
            `type ${o.apiName}AggregateConnection { edges: [${o.apiName}AggregateEdge] pageInfo: PageInfo! totalCount: Int! }`
        );
        out.push(`enum ${scopeEnum(o)} { EVERYTHING MINE TEAM }`);
        recordQuery.push(
            `${o.apiName}(first: Int, after: String, where: ${o.apiName}_Filter, orderBy: ${o.apiName}_OrderBy, scope: ${scopeEnum(o)}, upperBound: Int): ${o.apiName}Connection`
        );
        aggregateQuery.push(
            `${o.apiName}(first: Int, after: String, where: ${o.apiName}_Filter, groupBy: ${o.apiName}_GroupBy, orderBy: ${o.apiName}_AggregateOrderBy, scope: ${scopeEnum(o)}): ${o.apiName}AggregateConnection`
        );
    }
    // Semi-joins: { OwnerId: { inq: { GroupMember: { GroupId: { eq: "00G…" } }, ApiName: "UserOrGroupId" } } }.
    out.push(
        `input JoinInput { ApiName: String! ${OBJECTS.map((o) => `${o.apiName}: ${o.apiName}_Filter`).join(' ')} }`
    );
    out.push(`type RecordQuery { ${recordQuery.join('\n  ')} }`);
    out.push(`type RecordQueryAggregate { ${aggregateQuery.join('\n  ')} }`);
    return out.join('\n');
}

let schemaCache: GraphQLSchema | null = null;
export function getSchema(): GraphQLSchema {
    return (schemaCache ??= buildSchema(buildSdl()));
}

// ---------------------------------------------------------------------------------------------
// SQL building
// ---------------------------------------------------------------------------------------------

let subqueryCounter = 0;

class SqlBuilder {
    private joins: Array<{ alias: string; table: string; on: string }> = [];
    private joinAliases = new Map<string, string>();
    private n = 0;
    /** Over a rollup table: a relationship's fields are the rollup's own columns, nothing is joined. */
    flatJoins = false;
    /** For one page in an order (ORDER BY ... LIMIT), rather than for every matching row. */
    pageQuery = false;
    /** Whether the WHERE has conditions besides a search (another filter, a scope, a parent). */
    narrowed = false;
    /** A sub-builder (semi-join) shares the params array, so placeholders stay in text order. */
    constructor(
        readonly def: ObjectDef,
        readonly base = 't0',
        readonly params: unknown[] = [],
        /** For plan choices that depend on table sizes; null compiles as if sizes were unknown. */
        readonly db: Db | null = null
    ) {}

    param(value: unknown): string {
        this.params.push(value);
        return '?';
    }

    /** LEFT JOIN of a relationship target; one alias per (from alias, field, target). */
    join(fromAlias: string, field: FieldDef, target: ObjectDef): string {
        if (this.flatJoins) return fromAlias;
        const key = `${fromAlias}.${field.name}>${target.apiName}`;
        let alias = this.joinAliases.get(key);
        if (!alias) {
            alias = `${this.base}j${++this.n}`;
            this.joinAliases.set(key, alias);
            this.joins.push({
                alias,
                table: q(target.apiName),
                on: `${alias}."Id" = ${fromAlias}.${q(field.name)}`
            });
        }
        return alias;
    }

    /**
     * The FROM clause. `inner` names joins whose rows must exist anyway (the WHERE requires a
     * value from them): as inner joins, SQLite may start from the joined table. It does not turn
     * such LEFT JOINs into inner ones itself when the requirement is an IS NOT NULL.
     */
    from(
        inner?: string,
        indexedBy?: string | null,
        innerFirst = false
    ): string {
        const lead = innerFirst
            ? this.joins.find((j) => j.alias === inner)
            : undefined;
        // The inner join first, then the base (CROSS JOIN keeps that order): SQLite reads the
        // joined table in order through its own index and finds each row's base rows by key.
        const head = lead
            ? `${lead.table} ${lead.alias}${indexedBy ? ` INDEXED BY ${q(indexedBy)}` : ''} CROSS JOIN ${q(this.def.apiName)} ${this.base} ON ${lead.on}`
            : `${q(this.def.apiName)} ${this.base}${indexedBy ? ` INDEXED BY ${q(indexedBy)}` : ''}`;
        return `${head} ${this.joins
            .filter((j) => j !== lead)
            .map(
                (j) =>
                    `${j.alias === inner ? 'JOIN' : 'LEFT JOIN'} ${j.table} ${j.alias} ON ${j.on}`
            )
            .join(' ')}`;
    }

    /** The base row's search facets (db.ts), joined by rowid; returns their alias. */
    joinFacets(table: string): string {
        const alias = `${this.base}f`;
        if (!this.joins.some((j) => j.alias === alias))
            this.joins.push({
                alias,
                table: q(table),
                on: `${alias}.preview_row = ${this.base}.rowid`
            });
        return alias;
    }

    /** The table a join alias reads (unquoted). */
    joinedTable(alias: string): string | null {
        const join = this.joins.find((j) => j.alias === alias);
        return join ? join.table.replace(/^"|"$/g, '') : null;
    }
}

function gqlError(
    message: string,
    errorType = 'InvalidArgument'
): GraphQLError {
    return new GraphQLError(message, { extensions: { ErrorType: errorType } });
}

/** The SQL expression of a field path; polymorphic relationships resolve across their targets. */
function pathExpr(
    sb: SqlBuilder,
    alias: string,
    def: ObjectDef,
    parts: string[]
): { expr: string; field: FieldDef } {
    const [head, ...rest] = parts;
    if (rest.length === 0) {
        const f = fieldDef(def.apiName, head);
        if (!f)
            throw gqlError(
                `No such column '${head}' on entity '${def.apiName}'`,
                'ValidationError'
            );
        return { expr: `${alias}.${q(f.name)}`, field: f };
    }
    const rel = relationshipField(def.apiName, head);
    if (!rel)
        throw gqlError(
            `No such relationship '${head}' on entity '${def.apiName}'`,
            'ValidationError'
        );
    const exprs: Array<{ expr: string; field: FieldDef }> = [];
    for (const target of storedTargets(rel)) {
        if (rest.length === 1 && !fieldDef(target.apiName, rest[0])) continue;
        const a = sb.join(alias, rel, target);
        exprs.push(pathExpr(sb, a, target, rest));
    }
    if (exprs.length === 0)
        throw gqlError(
            `No such column '${rest.join('.')}' on relationship '${head}'`,
            'ValidationError'
        );
    if (exprs.length === 1) return exprs[0];
    return {
        expr: `COALESCE(${exprs.map((e) => e.expr).join(', ')})`,
        field: exprs[0].field
    };
}

const DAY = 86_400_000;

function startOfUtcDay(ms: number): number {
    return Math.floor(ms / DAY) * DAY;
}

/** [start, end) of a date literal or range, in UTC (the preview user's time zone). */
function dateRange(input: {
    literal?: string | null;
    range?: Record<string, number | null> | null;
}): [number, number] {
    const today = startOfUtcDay(now());
    const d = new Date(today);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const weekStart = today - d.getUTCDay() * DAY; // weeks start on Sunday
    if (input.literal) {
        switch (input.literal) {
            case 'TODAY':
                return [today, today + DAY];
            case 'YESTERDAY':
                return [today - DAY, today];
            case 'TOMORROW':
                return [today + DAY, today + 2 * DAY];
            case 'THIS_WEEK':
                return [weekStart, weekStart + 7 * DAY];
            case 'LAST_WEEK':
                return [weekStart - 7 * DAY, weekStart];
            case 'NEXT_WEEK':
                return [weekStart + 7 * DAY, weekStart + 14 * DAY];
            case 'THIS_MONTH':
                return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)];
            case 'LAST_MONTH':
                return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
            case 'NEXT_MONTH':
                return [Date.UTC(y, m + 1, 1), Date.UTC(y, m + 2, 1)];
            case 'LAST_90_DAYS':
                return [today - 90 * DAY, today + DAY];
            case 'NEXT_90_DAYS':
                return [today, today + 91 * DAY];
            case 'THIS_YEAR':
                return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
            case 'LAST_YEAR':
                return [Date.UTC(y - 1, 0, 1), Date.UTC(y, 0, 1)];
            case 'NEXT_YEAR':
                return [Date.UTC(y + 1, 0, 1), Date.UTC(y + 2, 0, 1)];
            default:
                throw gqlError(`Unsupported date literal ${input.literal}`);
        }
    }
    const r = input.range ?? {};
    const keys = Object.keys(r).filter((k) => r[k] != null);
    if (keys.length !== 1)
        throw gqlError(
            'A date range needs exactly one of last_n_days, next_n_days, n_days_ago, last_n_weeks, next_n_weeks, last_n_months, next_n_months'
        );
    const n = Number(r[keys[0]]);
    if (!Number.isInteger(n) || n < 0)
        throw gqlError(`Invalid date range value ${n}`);
    switch (keys[0]) {
        // SOQL LAST_N_DAYS:n covers today and the n days before it.
        case 'last_n_days':
            return [today - n * DAY, today + DAY];
        case 'next_n_days':
            return [today, today + (n + 1) * DAY];
        case 'n_days_ago':
            return [today - n * DAY, today - (n - 1) * DAY];
        case 'last_n_weeks':
            return [weekStart - 7 * n * DAY, weekStart];
        case 'next_n_weeks':
            return [weekStart + 7 * DAY, weekStart + 7 * (n + 1) * DAY];
        case 'last_n_months':
            return [Date.UTC(y, m - n, 1), Date.UTC(y, m, 1)];
        case 'next_n_months':
            return [Date.UTC(y, m + 1, 1), Date.UTC(y, m + 1 + n, 1)];
        default:
            throw gqlError(`Unsupported range ${keys[0]}`);
    }
}

const isoOf = (ms: number) => new Date(ms).toISOString();

function dateTimeCondition(
    sb: SqlBuilder,
    col: string,
    op: string,
    input: Record<string, unknown> | null
): string {
    if (
        input == null ||
        (input.value == null && input.literal == null && input.range == null)
    ) {
        if (op === 'eq') return `${col} IS NULL`;
        if (op === 'ne') return `${col} IS NOT NULL`;
        throw gqlError(`${op} needs a value`);
    }
    if (input.value != null) {
        const ms = Date.parse(String(input.value));
        if (!Number.isFinite(ms))
            throw gqlError(`Invalid DateTime value: ${String(input.value)}`);
        const v = isoOf(ms);
        switch (op) {
            case 'eq':
                return `${col} = ${sb.param(v)}`;
            case 'ne':
                return `(${col} IS NULL OR ${col} <> ${sb.param(v)})`;
            case 'lt':
                return `${col} < ${sb.param(v)}`;
            case 'lte':
                return `${col} <= ${sb.param(v)}`;
            case 'gt':
                return `${col} > ${sb.param(v)}`;
            case 'gte':
                return `${col} >= ${sb.param(v)}`;
        }
    }
    const [start, end] = dateRange(
        input as { literal?: string; range?: Record<string, number | null> }
    );
    switch (op) {
        case 'eq':
            return `(${col} >= ${sb.param(isoOf(start))} AND ${col} < ${sb.param(isoOf(end))})`;
        case 'ne':
            return `(${col} IS NULL OR ${col} < ${sb.param(isoOf(start))} OR ${col} >= ${sb.param(isoOf(end))})`;
        case 'lt':
            return `${col} < ${sb.param(isoOf(start))}`;
        case 'lte':
            return `${col} < ${sb.param(isoOf(end))}`;
        case 'gt':
            return `${col} >= ${sb.param(isoOf(end))}`;
        case 'gte':
            return `${col} >= ${sb.param(isoOf(start))}`;
    }
    throw gqlError(`Unsupported operator ${op}`);
}

/** Converts a filter value to its stored form (IDs to 18 characters, picklists to their defined case, booleans to 0/1). */
function storedValue(f: FieldDef, value: unknown): unknown {
    if (value == null) return null;
    switch (f.type) {
        case 'Id':
        case 'Reference':
            return to18(String(value)) ?? String(value);
        case 'Boolean':
            return value ? 1 : 0;
        case 'Picklist': {
            const s = String(value);
            return (
                f.picklist?.find(
                    (p) => p.value.toLowerCase() === s.toLowerCase()
                )?.value ?? s
            );
        }
        case 'Int':
        case 'Double':
            return Number(value);
        default:
            return String(value);
    }
}

const TEXT_TYPES = new Set<DataType>([
    'String',
    'TextArea',
    'Url',
    'Phone',
    'Email'
]);

function fieldCondition(
    sb: SqlBuilder,
    col: string,
    f: FieldDef,
    ops: Record<string, unknown>
): string {
    const parts: string[] = [];
    // String comparisons are case-insensitive, as in SOQL.
    const nocase = TEXT_TYPES.has(f.type) ? ' COLLATE NOCASE' : '';
    for (const [op, raw] of Object.entries(ops)) {
        if (raw === undefined) continue;
        if (f.type === 'DateTime') {
            if (op === 'in' || op === 'nin') {
                const list =
                    (raw as Array<Record<string, unknown>> | null) ?? [];
                const any = list.length
                    ? `(${list.map((item) => dateTimeCondition(sb, col, 'eq', item)).join(' OR ')})`
                    : '0';
                parts.push(
                    op === 'in' ? any : `(${col} IS NULL OR NOT ${any})`
                );
            } else {
                parts.push(
                    dateTimeCondition(
                        sb,
                        col,
                        op,
                        raw as Record<string, unknown> | null
                    )
                );
            }
            continue;
        }
        switch (op) {
            case 'eq':
                parts.push(
                    raw === null
                        ? `${col} IS NULL`
                        : `${col} = ${sb.param(storedValue(f, raw))}${nocase}`
                );
                break;
            case 'ne':
                parts.push(
                    raw === null
                        ? `${col} IS NOT NULL`
                        : `(${col} IS NULL OR ${col} <> ${sb.param(storedValue(f, raw))}${nocase})`
                );
                break;
            case 'lt':
            case 'lte':
            case 'gt':
            case 'gte': {
                if (raw === null) throw gqlError(`${op} needs a value`);
                const sym = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
                parts.push(
                    `${col} ${sym} ${sb.param(storedValue(f, raw))}${nocase}`
                );
                break;
            }
            case 'inq':
            case 'ninq': {
                if (raw == null) throw gqlError(`${op} needs a value`);
                const join = raw as Record<string, unknown>;
                const entries = Object.entries(join).filter(
                    ([k, v]) => k !== 'ApiName' && v != null
                );
                if (entries.length !== 1)
                    throw gqlError(
                        `${op} needs exactly one object filter besides ApiName`
                    );
                const target = objectDef(entries[0][0]) as ObjectDef;
                const keyField = fieldDef(target.apiName, String(join.ApiName));
                if (
                    !keyField ||
                    (keyField.type !== 'Id' && keyField.type !== 'Reference')
                ) {
                    throw gqlError(
                        `${String(join.ApiName)} is not an ID field of ${target.apiName}`,
                        'ValidationError'
                    );
                }
                // Ids of a small table (users, queues) with a row in a large one (sessions): probe
                // the large table once per small row (EXISTS, through an index on the key) rather
                // than list every key of the large one (IN). Naming the owners of a 30-day window
                // read 850,000 session rows at a million sessions. An Id is never NULL, so both
                // forms agree, also under NOT. An OR of filters is one EXISTS per branch: each
                // is then one index range (owner, status, start), where SQLite scanned every
                // session of the owner (100,000 for the queue) for the OR.
                const probe =
                    op === 'inq' &&
                    col === `${sb.base}.${q('Id')}` &&
                    sb.db !== null &&
                    estimatedRows(sb.db, target.apiName) >
                        10 * estimatedRows(sb.db, sb.def.apiName);
                const filter = entries[0][1] as FilterValue;
                const branches =
                    probe &&
                    Object.keys(filter).length === 1 &&
                    Array.isArray(filter.or) &&
                    filter.or.length
                        ? (filter.or as FilterValue[])
                        : [filter];
                const subquery = (branch: FilterValue) => {
                    const sub = new SqlBuilder(
                        target,
                        `s${++subqueryCounter}`,
                        sb.params,
                        sb.db
                    );
                    const conds = baseConditions(sub, target, null);
                    conds.push(compileFilter(sub, sub.base, target, branch));
                    return {
                        sub,
                        conds,
                        key: `${sub.base}.${q(keyField.name)}`
                    };
                };
                if (probe) {
                    parts.push(
                        `(${branches
                            .map((branch) => {
                                const { sub, conds, key } = subquery(branch);
                                return `EXISTS (SELECT 1 FROM ${sub.from()} WHERE ${conds.join(' AND ')} AND ${key} = ${col})`;
                            })
                            .join(' OR ')})`
                    );
                    break;
                }
                const { sub, conds: subConds, key } = subquery(filter);
                const subSql = `SELECT ${key} FROM ${sub.from()} WHERE ${subConds.join(' AND ')} AND ${key} IS NOT NULL`;
                parts.push(
                    op === 'inq'
                        ? `${col} IN (${subSql})`
                        : `(${col} IS NULL OR ${col} NOT IN (${subSql}))`
                );
                break;
            }
            case 'like':
                if (raw === null) throw gqlError('like needs a value');
                // SOQL LIKE: % and _ are wildcards, backslash escapes them; case-insensitive.
                parts.push(`${col} LIKE ${sb.param(String(raw))} ESCAPE '\\'`);
                break;
            case 'in':
            case 'nin': {
                const list = ((raw as unknown[] | null) ?? []).slice();
                const hasNull = list.some((v) => v == null);
                const values = list
                    .filter((v) => v != null)
                    .map((v) => storedValue(f, v));
                const inList = values.length
                    ? `${col}${nocase} IN (${values.map((v) => sb.param(v)).join(', ')})`
                    : '0';
                const positive = hasNull
                    ? `(${col} IS NULL OR ${inList})`
                    : inList;
                parts.push(
                    op === 'in'
                        ? positive
                        : hasNull
                          ? `NOT ${positive}`
                          : `(${col} IS NULL OR NOT ${inList})`
                );
                break;
            }
            default:
                throw gqlError(`Unsupported operator ${op}`);
        }
    }
    return parts.length ? parts.join(' AND ') : '1';
}

type FilterValue = Record<string, unknown>;

/**
 * A SOQL LIKE pattern's literal runs, and whether it is exactly "contains one literal"
 * (`%text%`). Backslash escapes the next character; null for a pattern ending in a lone one.
 */
function likeShape(
    pattern: string
): { segments: string[]; contains: boolean } | null {
    const tokens: Array<{ literal: string } | '%' | '_'> = [];
    let literal = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            if (i + 1 >= pattern.length) return null;
            literal += pattern[++i];
        } else if (c === '%' || c === '_') {
            if (literal) tokens.push({ literal });
            literal = '';
            if (c === '_' || tokens[tokens.length - 1] !== '%') tokens.push(c);
        } else literal += c;
    }
    if (literal) tokens.push({ literal });
    const segments = tokens
        .filter((t): t is { literal: string } => typeof t === 'object')
        .map((t) => t.literal);
    return {
        segments,
        contains:
            tokens.length === 3 &&
            tokens[0] === '%' &&
            tokens[2] === '%' &&
            typeof tokens[1] === 'object'
    };
}

/** The search-index column and pattern of a filter that is one `like` on an indexed path. */
function indexedLike(
    index: SearchIndexDef,
    filter: FilterValue
): { column: string; pattern: string } | null {
    const path: string[] = [];
    let node: unknown = filter;
    for (;;) {
        const entries = Object.entries((node ?? {}) as FilterValue).filter(
            ([, v]) => v !== undefined
        );
        if (entries.length !== 1) return null;
        const [key, value] = entries[0];
        if (key === 'like') {
            if (typeof value !== 'string') return null;
            const column = index.columns.find(
                (c) => c.path.join('.') === path.join('.')
            );
            return column ? { column: column.name, pattern: value } : null;
        }
        if (key === 'and' || key === 'or' || key === 'not') return null;
        path.push(key);
        node = value;
    }
}

/** Trigrams are three characters (code points, not UTF-16 units). */
const TRIGRAM = 3;
/** A search of one or two characters is the OR of the trigrams containing it, up to this many. */
const MAX_SHORT_SEARCH_TRIGRAMS = 1000;

/** SQLite's LIKE and lower() fold ASCII letters only; so does the search index, and this. */
const foldAscii = (text: string): string =>
    text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const ftsPhrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * The FTS5 query for rows whose column holds `text`: a phrase of its trigrams, or for one or two
 * characters, any trigram of the index's vocabulary that contains it (the indexed text ends in
 * two U+0001, so every short substring begins a trigram). '' when no row can hold it; null
 * when a short text is in too many trigrams to be worth it.
 */
function ftsSubstring(
    db: Db,
    index: SearchIndexDef,
    text: string
): string | null {
    const folded = foldAscii(text);
    if ([...folded].length >= TRIGRAM) return ftsPhrase(folded);
    const terms = (
        db
            .prepare(
                `SELECT term FROM ${q(searchTermsTable(index))} WHERE instr(term, ?) > 0 LIMIT ?`
            )
            .all(folded, MAX_SHORT_SEARCH_TRIGRAMS + 1) as Array<{
            term: string;
        }>
    ).map((r) => r.term);
    if (terms.length > MAX_SHORT_SEARCH_TRIGRAMS) return null;
    return terms.length ? `(${terms.map(ftsPhrase).join(' OR ')})` : '';
}

/**
 * The FTS5 query for rows matching any of `branches` (OR-ed `like` filters on indexed paths), in
 * the object's trigram index (db.ts). `exact` when every pattern is `%text%`: the index folds
 * case as LIKE does, so a match is a LIKE match; otherwise the query only narrows the rows the
 * LIKEs then check. `match` is '' when no row can match. Null when some branch can't use the
 * index (another field, or text in too many trigrams).
 */
function searchMatch(
    db: Db,
    index: SearchIndexDef,
    branches: FilterValue[]
): { match: string; exact: boolean } | null {
    if (!branches.length) return null;
    // Columns per FTS query: the same text searched in several columns is one query with a
    // column set (one pass over its trigrams' doclists instead of one per column: the list's
    // search, in three columns, took three times as long); in every column, no column filter.
    const columns = new Map<string, string[]>();
    let exact = true;
    for (const branch of branches) {
        const like = indexedLike(index, branch);
        const shape = like && likeShape(like.pattern);
        if (!like || !shape) return null;
        if (!shape.contains) exact = false;
        // Each literal run must be in the row; runs that are in no row mean no row matches.
        const runs = shape.segments.map((seg) => ftsSubstring(db, index, seg));
        if (runs.some((run) => run === '')) continue;
        const usable = runs.filter((run): run is string => run !== null);
        if (!usable.length) return null;
        if (usable.length < runs.length) exact = false;
        const query =
            usable.length > 1 ? `(${usable.join(' AND ')})` : usable[0];
        columns.set(query, [...(columns.get(query) ?? []), like.column]);
    }
    const terms = [...columns].map(([query, cols]) => {
        const all = index.columns.every((c) => cols.includes(c.name));
        return all ? query : `{${[...new Set(cols)].join(' ')}} : ${query}`;
    });
    return { match: terms.map((t) => `(${t})`).join(' OR '), exact };
}

/**
 * `like` filters on searched text as a lookup in the search index instead of a scan:
 * `rowid IN (SELECT rowid FROM search WHERE search MATCH '...')`. `branches` are OR-ed (an `or`
 * of likes, or one like). An exact match replaces the LIKEs; otherwise it narrows the rows the
 * LIKEs then check. Null when the index can't answer (see searchMatch).
 */
function searchCondition(
    sb: SqlBuilder,
    alias: string,
    def: ObjectDef,
    branches: FilterValue[]
): { sql: string; exact: boolean } | null {
    const index = searchIndexOf(def.apiName);
    if (!index || !sb.db || alias !== sb.base || sb.flatJoins) return null;
    const search = searchMatch(sb.db, index, branches);
    if (!search) return null;
    const { match, exact } = search;
    if (!match) return { sql: '0', exact };
    const table = q(index.table);
    const rows = searchMatches(sb.db, index, match);
    if (rows === null) {
        // Most rows match. A page reads its sort index and asks the search index about each row
        // it passes (a rowid seek in the match, some microseconds): with more than
        // searchListLimit matches (a twentieth of the table), 51 rows are found within about a thousand
        // index entries, and no session row that doesn't match is read ("555" for my
        // sessions: 6 ms, against 390 ms checking the LIKEs on each row and its end user).
        if (sb.pageQuery && exact)
            return {
                sql: `EXISTS (SELECT 1 FROM ${table} WHERE ${table} MATCH ${sb.param(match)} AND rowid = ${alias}.rowid)`,
                exact
            };
        // A query narrowed by another filter checks the LIKEs of its own rows. Only the
        // search alone looks the matches up (counts of it come from facetQuery first).
        if (sb.pageQuery || sb.narrowed) return null;
        return {
            sql: `${alias}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${sb.param(match)})`,
            exact
        };
    }
    if (!rows.length) return { sql: '0', exact };
    // The matches, listed: the index is read once per request, not once per query. A page with
    // many matches reads its sort index and checks each row against the list (the unary + keeps
    // SQLite from looking every match up and sorting them all instead).
    const probe = sb.pageQuery && rows.length >= SEARCH_PROBE_FROM ? '+' : '';
    return {
        sql: `${probe}${alias}.rowid IN (SELECT value FROM json_each(${sb.param(JSON.stringify(rows))}))`,
        exact
    };
}

/** Whether a WHERE has more than one condition (a search and something else, say). */
function narrowedWhere(
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined,
    child: boolean
): boolean {
    return child || scope === 'MINE' || conjuncts(def, where).length > 1;
}

/** Index entries a page may read along its sort index (see recordConnection). */
const SORT_INDEX_SCAN_LIMIT = 20_000;

/**
 * Matches listed in the SQL at most: a twentieth of the table, 50,000 at a million sessions.
 * Beyond, a page finds its rows along its sort index by asking the search index about each
 * (one in twenty or more rows matches) and counts read the index itself.
 */
function searchListLimit(db: Db, index: SearchIndexDef): number {
    return Math.min(
        50_000,
        Math.max(100, Math.ceil(estimatedRows(db, index.object) / 20))
    );
}
/** From this many matches, a page reads its sort index rather than looking every match up. */
const SEARCH_PROBE_FROM = 2_000;

const searchCache = new WeakMap<
    Db,
    { version: string; values: Map<string, unknown> }
>();

/**
 * A value read from the search index (or a count it is compared with), kept until the database
 * changes: this connection's writes move total_changes(), others' data_version. The index is
 * read once per request, not once per query of it.
 */
function cachedUntilChange<T>(db: Db, key: string, read: () => T): T {
    const changes = db.prepare('SELECT total_changes() AS n').get() as {
        n: number;
    };
    const version = `${String(db.pragma('data_version', { simple: true }))}:${changes.n}`;
    let cache = searchCache.get(db);
    if (!cache || cache.version !== version) {
        cache = { version, values: new Map() };
        searchCache.set(db, cache);
    }
    if (!cache.values.has(key)) {
        if (cache.values.size >= 40) cache.values.clear();
        cache.values.set(key, read());
    }
    return cache.values.get(key) as T;
}

/** Rowids matching an FTS5 query; null when more than searchListLimit. */
function searchMatches(
    db: Db,
    index: SearchIndexDef,
    match: string
): number[] | null {
    const limit = searchListLimit(db, index);
    return cachedUntilChange(db, `rows\n${index.table}\n${match}`, () => {
        const rows = (
            db
                .prepare(
                    `SELECT rowid FROM ${q(index.table)} WHERE ${q(index.table)} MATCH ? LIMIT ?`
                )
                .all(match, limit + 1) as Array<{ rowid: number }>
        ).map((r) => r.rowid);
        return rows.length > limit ? null : rows;
    });
}

/** How many rows match an FTS5 query: the index alone (14 ms for 200,000 matches at 1M). */
function searchMatchCount(
    db: Db,
    index: SearchIndexDef,
    match: string
): number {
    return cachedUntilChange(db, `count\n${index.table}\n${match}`, () => {
        const table = q(index.table);
        return (
            db
                .prepare(
                    `SELECT COUNT(*) AS n FROM ${table} WHERE ${table} MATCH ?`
                )
                .get(match) as { n: number }
        ).n;
    });
}

/** An object's row count: from its rollup when it has one (3 ms at 1M), else counted. */
function objectRowCount(ctx: Context, def: ObjectDef): number {
    return cachedUntilChange(ctx.db, `table\n${def.apiName}`, () => {
        const id = fieldDef(def.apiName, 'Id') as FieldDef;
        const rollup = rollupQuery(
            ctx,
            def,
            null,
            null,
            [],
            [{ key: 'Id', func: 'count', col: 'a0', field: id }]
        );
        const sql =
            rollup?.sql ?? `SELECT COUNT(*) AS a0 FROM ${q(def.apiName)}`;
        const row = ctx.db
            .prepare(sql)
            .get(...((rollup?.params ?? []) as never[])) as {
            a0: number | null;
        };
        return Number(row.a0 ?? 0);
    });
}

/**
 * The FTS5 query of a filter conjunct that is an exact search (one `%text%` like, or an `or` of
 * them, on indexed text): '' when no row matches; null for any other conjunct.
 */
function exactSearchOf(
    db: Db,
    def: ObjectDef,
    term: FilterValue
): string | null {
    const index = searchIndexOf(def.apiName);
    const keys = Object.keys(term).filter((k) => term[k] !== undefined);
    if (!index || keys.length !== 1 || keys[0] === 'and' || keys[0] === 'not')
        return null;
    const branches =
        keys[0] === 'or' ? ((term.or as FilterValue[] | null) ?? []) : [term];
    const search = searchMatch(db, index, branches);
    return search?.exact ? search.match : null;
}

/**
 * The filter without the searches that every row matches ("MS-", the prefix of every session
 * name): such a search is no condition, and without it the rollups and indexes answer. At 1M,
 * counting the index's matches takes 70 ms; visiting a million matches to count them per status
 * took 400-930 ms.
 */
function withoutUniversalSearch(
    ctx: Context,
    def: ObjectDef,
    where: FilterValue | null | undefined
): FilterValue | null | undefined {
    const index = searchIndexOf(def.apiName);
    if (!where || !index) return where;
    const terms = conjuncts(def, where);
    const rest = terms.filter((term) => {
        const match = exactSearchOf(ctx.db, def, term);
        return (
            !match ||
            searchMatchCount(ctx.db, index, match) < objectRowCount(ctx, def)
        );
    });
    return rest.length === terms.length ? where : { and: rest };
}

/**
 * Whether a table exists, until the schema changes: a database opened without its upgrade
 * (openDatabase alone, no createIndexes) has no facets, and its searches read the sessions.
 */
function hasTable(db: Db, table: string): boolean {
    const schema = String(db.pragma('schema_version', { simple: true }));
    return cachedUntilChange(db, `schema ${schema}\n${table}`, () =>
        Boolean(
            db
                .prepare(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                )
                .get(table)
        )
    );
}

/** A filter that the search index and its facets answer: one exact search, and conditions on facet fields. */
interface FacetSearch {
    index: SearchIndexDef;
    facets: SearchFacetsDef;
    /** The search's FTS5 query; '' when no row matches. */
    match: string;
    /** The other conjuncts, each on facet fields only. */
    rest: FilterValue[];
    isFacetTerm(term: FilterValue): boolean;
}

function facetSearchOf(
    db: Db,
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined
): FacetSearch | null {
    const index = searchIndexOf(def.apiName);
    const facets = searchFacetsOf(def.apiName);
    if (!index || !facets || !hasTable(db, facets.table)) return null;
    if (
        scope === 'MINE' &&
        fieldDef(def.apiName, 'OwnerId') &&
        !facets.fields.includes('OwnerId')
    )
        return null;
    const isFacetTerm = (term: FilterValue) =>
        [...referencedPaths(def, term)].every((p) => facets.fields.includes(p));
    let match: string | null = null;
    const rest: FilterValue[] = [];
    for (const term of conjuncts(def, where)) {
        const found: string | null =
            match === null ? exactSearchOf(db, def, term) : null;
        if (found !== null) {
            match = found;
            continue;
        }
        if (!isFacetTerm(term)) return null;
        rest.push(term);
    }
    return match === null ? null : { index, facets, match, rest, isFacetTerm };
}

/** The conditions of a facet search besides the search (and the scope's), over facets `d`. */
function facetConditions(
    ctx: Context,
    def: ObjectDef,
    fs: FacetSearch,
    scope: string | null | undefined,
    params: unknown[]
): string[] {
    const fb = new SqlBuilder(def, 'd', params, ctx.db);
    fb.flatJoins = true; // facet columns are named like the fields
    return [
        ...baseConditions(fb, def, scope),
        ...fs.rest.map((t) => compileFilter(fb, 'd', def, t))
    ];
}

/**
 * The rowids of a facet search's rows, when at most searchListLimit (else null), read once
 * per data version: "555" in my sessions at 1M is 5,600 rows (50 ms through the facets), and
 * then the count, the counts per status and the page are read from the list.
 */
function facetSearchRows(
    ctx: Context,
    def: ObjectDef,
    fs: FacetSearch,
    scope: string | null | undefined
): number[] | null {
    const matches = fs.match ? searchMatches(ctx.db, fs.index, fs.match) : [];
    const params: unknown[] = [];
    const search = q(fs.index.table);
    const head =
        matches === null
            ? `SELECT ${search}.rowid AS r FROM ${search} CROSS JOIN ${q(fs.facets.table)} d ON d.preview_row = ${search}.rowid WHERE ${search} MATCH ?`
            : `SELECT d.preview_row AS r FROM ${q(fs.facets.table)} d WHERE d.preview_row IN (SELECT value FROM json_each(?))`;
    params.push(matches === null ? fs.match : JSON.stringify(matches));
    const conds = facetConditions(ctx, def, fs, scope, params);
    if (!conds.length) return matches;
    const sql = `${head} AND ${conds.join(' AND ')} LIMIT ?`;
    const limit = searchListLimit(ctx.db, fs.index);
    params.push(limit + 1);
    return cachedUntilChange(
        ctx.db,
        `facets\n${sql}\n${JSON.stringify(params)}`,
        () => {
            const rows = (
                ctx.db.prepare(sql).all(...(params as never[])) as Array<{
                    r: number;
                }>
            ).map((row) => row.r);
            return rows.length > limit ? null : rows;
        }
    );
}

/**
 * Counts of a search's matches, in total or per facet value, from the search index and the
 * narrow facet table (db.ts) instead of the session table: when the filter is a facet search,
 * grouped by facet fields, counting rows. At 1M, "555" (202,620 matches): in total 14 ms from
 * the index alone, per status 90 ms through the facets; through the session table, 230 and
 * 240-540 ms. Same shape as rollupQuery's answer; null otherwise.
 */
function facetQuery(
    ctx: Context,
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined,
    groups: Array<{ key: string; field: FieldDef; fn?: string }>,
    aggs: Array<{ key: string; func: AggFunc; col: string; field: FieldDef }>
): RollupQuery | null {
    const fs = facetSearchOf(ctx.db, def, where, scope);
    if (
        !fs ||
        groups.some((g) => g.fn || !fs.facets.fields.includes(g.key)) ||
        aggs.some((a) => a.func !== 'count' || a.key !== 'Id')
    )
        return null;
    const rows = facetSearchRows(ctx, def, fs, scope);
    const params: unknown[] = [];
    const conds = facetConditions(ctx, def, fs, scope, params);
    if (!groups.length && (rows !== null || !conds.length)) {
        // A count of a listed search, or of the search alone (the index's own count); both
        // are read once per data version.
        const n = rows
            ? rows.length
            : searchMatchCount(ctx.db, fs.index, fs.match);
        const cols = aggs.length ? aggs.map((a) => a.col) : ['a_all'];
        return {
            sql: `SELECT ${cols.map((c) => `? AS ${c}`).join(', ')}`,
            orderSql: '',
            params: cols.map(() => n)
        };
    }
    const select = [
        ...groups.map((g, i) => `d.${q(g.key)} AS g${i}`),
        ...aggs.map((a) => `COUNT(*) AS ${a.col}`)
    ];
    if (select.length === 0) select.push('COUNT(*) AS a_all');
    const search = q(fs.index.table);
    const groupBy = groups.length
        ? ` GROUP BY ${groups.map((g) => `d.${q(g.key)}`).join(', ')}`
        : '';
    const orderSql = groups.length
        ? ` ORDER BY ${groups.map((g) => sortKeySql(`d.${q(g.key)}`, g.field)).join(', ')}`
        : '';
    if (rows !== null)
        return {
            sql: `SELECT ${select.join(', ')} FROM ${q(fs.facets.table)} d WHERE d.preview_row IN (SELECT value FROM json_each(?))${groupBy}`,
            orderSql,
            params: [JSON.stringify(rows)]
        };
    // The matches first (CROSS JOIN), in rowid order, each one's facets found by key.
    return {
        sql: `SELECT ${select.join(', ')} FROM ${search} CROSS JOIN ${q(fs.facets.table)} d ON d.preview_row = ${search}.rowid WHERE ${[`${search} MATCH ?`, ...conds].join(' AND ')}${groupBy}`,
        orderSql,
        params: [fs.match, ...params]
    };
}

/**
 * The WHERE of a page of a facet search with conditions besides the search (see recordConnection):
 * its listed rows, or, past searchListLimit, the facet conditions read from the facets table
 * joined by rowid, and the search probed per row (see searchCondition). Along the sort index,
 * only the matching rows are read from the session table, not every one whose owner is checked
 * ("555" in my sessions at 1M: 990 ms cold, 85 ms warm, checking the owner on each session row).
 * Null when the page's filter is not such a search.
 */
function facetSearchPageWhere(
    ctx: Context,
    sb: SqlBuilder,
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined
): string | null {
    const fs = facetSearchOf(ctx.db, def, where, scope);
    if (!fs || (!fs.rest.length && scope !== 'MINE')) return null;
    const rows = facetSearchRows(ctx, def, fs, scope);
    if (rows !== null) {
        if (!rows.length) return '0';
        const probe = rows.length >= SEARCH_PROBE_FROM ? '+' : '';
        return `${probe}${sb.base}.rowid IN (SELECT value FROM json_each(${sb.param(JSON.stringify(rows))}))`;
    }
    const alias = sb.joinFacets(fs.facets.table);
    return [
        ...baseConditions(sb, def, scope),
        ...conjuncts(def, where).map((term) =>
            compileFilter(sb, fs.isFacetTerm(term) ? alias : sb.base, def, term)
        )
    ].join(' AND ');
}

function compileFilter(
    sb: SqlBuilder,
    alias: string,
    def: ObjectDef,
    filter: FilterValue | null | undefined
): string {
    if (!filter) return '1';
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
        if (value === undefined) continue;
        const search =
            key === 'and' || key === 'not' || value === null
                ? null
                : searchCondition(
                      sb,
                      alias,
                      def,
                      key === 'or'
                          ? ((value as FilterValue[]) ?? [])
                          : [{ [key]: value }]
                  );
        if (search?.exact) {
            parts.push(search.sql);
            continue;
        }
        if (search) {
            // The index narrows; the LIKEs below keep their exact meaning.
            parts.push(search.sql);
        }
        if (key === 'and' || key === 'or') {
            const list = ((value as FilterValue[] | null) ?? []).map((v) =>
                compileFilter(sb, alias, def, v)
            );
            if (list.length)
                parts.push(`(${list.join(key === 'and' ? ' AND ' : ' OR ')})`);
            continue;
        }
        if (key === 'not') {
            if (value)
                parts.push(
                    `NOT (${compileFilter(sb, alias, def, value as FilterValue)})`
                );
            continue;
        }
        const f = fieldDef(def.apiName, key);
        if (f) {
            if (value === null) continue;
            parts.push(
                fieldCondition(
                    sb,
                    `${alias}.${q(f.name)}`,
                    f,
                    value as Record<string, unknown>
                )
            );
            continue;
        }
        const rel = relationshipField(def.apiName, key);
        if (!rel)
            throw gqlError(
                `No such column '${key}' on entity '${def.apiName}'`,
                'ValidationError'
            );
        if (value === null) continue;
        const targets = storedTargets(rel);
        if (targets.length > 1) {
            for (const [targetName, inner] of Object.entries(
                value as FilterValue
            )) {
                const target = targets.find((t) => t.apiName === targetName);
                if (!target || inner == null) continue;
                const a = sb.join(alias, rel, target);
                parts.push(
                    `(${a}."Id" IS NOT NULL AND ${compileFilter(sb, a, target, inner as FilterValue)})`
                );
            }
        } else {
            const a = sb.join(alias, rel, targets[0]);
            parts.push(compileFilter(sb, a, targets[0], value as FilterValue));
        }
    }
    return parts.length ? parts.join(' AND ') : '1';
}

function baseConditions(
    sb: SqlBuilder,
    def: ObjectDef,
    scope: string | null | undefined
): string[] {
    const conds: string[] = [];
    // The preview never deletes records, so there is no IsDeleted condition (it would defeat covering indexes).
    if (scope === 'MINE' && fieldDef(def.apiName, 'OwnerId'))
        conds.push(`${sb.base}."OwnerId" = ${sb.param(CURRENT_USER_ID)}`);
    return conds;
}

interface OrderKey {
    /** The ORDER BY term. */
    sql: string;
    /** The value sorted on, before COLLATE or picklist ranking: what a NULL test reads. */
    value: string;
    /** Whether the key can be NULL (a picklist's rank never is). */
    nullable: boolean;
    /** Whether SQLite's own NULL placement (first ascending, last descending) is the one asked. */
    naturalNulls: boolean;
    nullsFirst: boolean;
    viaRelationship: boolean;
    /** The ORDER BY term without NULLS FIRST/LAST, for rows where the key is set. */
    setSql: string;
    /** The join the key is read from, when it is one related table (not a polymorphic COALESCE). */
    joinAlias: string | null;
    /** The field sorted on (of the related record, through a relationship). */
    field: string;
}

function orderKey(
    value: string,
    field: FieldDef,
    clause: { order?: string; nulls?: string },
    viaRelationship: boolean
): OrderKey {
    const dir = clause.order === 'DESC' ? 'DESC' : 'ASC';
    const nullable = !sortKeyIsNeverNull(field);
    // A picklist's rank is never NULL, so NULLS FIRST/LAST is dropped: with it, SQLite would
    // sort the whole table instead of reading the rank index in order.
    const nulls =
        !nullable || !clause.nulls
            ? ''
            : clause.nulls === 'FIRST'
              ? ' NULLS FIRST'
              : ' NULLS LAST';
    return {
        sql: `${sortKeySql(value, field)} ${dir}${nulls}`,
        setSql: `${sortKeySql(value, field)} ${dir}`,
        joinAlias: viaRelationship
            ? (/^(\w+)\."[^"]+"$/.exec(value)?.[1] ?? null)
            : null,
        field: field.name,
        value,
        nullable,
        naturalNulls:
            !nulls ||
            (dir === 'ASC' && clause.nulls === 'FIRST') ||
            (dir === 'DESC' && clause.nulls === 'LAST'),
        nullsFirst: nulls ? clause.nulls === 'FIRST' : dir === 'ASC',
        viaRelationship
    };
}

/** ORDER BY keys from a raw (untyped, key-ordered) orderBy value. */
function orderTerms(
    sb: SqlBuilder,
    alias: string,
    def: ObjectDef,
    orderBy: FilterValue | null | undefined,
    out: OrderKey[] = []
): OrderKey[] {
    if (!orderBy) return out;
    for (const [key, clause] of Object.entries(orderBy)) {
        if (clause == null) continue;
        const f = fieldDef(def.apiName, key);
        if (f) {
            out.push(
                orderKey(
                    `${alias}.${q(f.name)}`,
                    f,
                    clause as { order?: string; nulls?: string },
                    false
                )
            );
            continue;
        }
        const rel = relationshipField(def.apiName, key);
        if (!rel)
            throw gqlError(
                `Cannot order by '${key}' on '${def.apiName}'`,
                'ValidationError'
            );
        for (const [innerKey, innerClause] of Object.entries(
            clause as FilterValue
        )) {
            if (innerClause == null) continue;
            const { expr, field } = pathExpr(sb, alias, def, [key, innerKey]);
            out.push(
                orderKey(
                    expr,
                    field,
                    innerClause as { order?: string; nulls?: string },
                    true
                )
            );
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

interface Context {
    db: Db;
    rawVariables: Record<string, unknown>;
    records: Map<string, RecordNode | null>;
    sqlMs: number;
}

class RecordNode {
    /** The page this node came with: relationship lookups are batched across it. */
    siblings: RecordNode[] | null = null;
    constructor(
        readonly def: ObjectDef,
        readonly row: Row
    ) {}
}

/** Loads the targets of one reference field for every node of a page, one IN query per target table. */
function preloadReferences(
    ctx: Context,
    nodes: RecordNode[],
    field: FieldDef
): void {
    const byTable = new Map<string, Set<string>>();
    for (const n of nodes) {
        const id = n.row[field.name] as string | null;
        if (!id || ctx.records.has(id)) continue;
        const target = storedTargets(field).find((t) =>
            id.startsWith(t.keyPrefix)
        );
        if (!target) continue;
        let set = byTable.get(target.apiName);
        if (!set) byTable.set(target.apiName, (set = new Set()));
        set.add(id);
    }
    for (const [table, idSet] of byTable) {
        const list = [...idSet];
        const def = objectDef(table) as ObjectDef;
        const rows = timed(
            ctx,
            () =>
                ctx.db
                    .prepare(
                        `SELECT * FROM ${q(table)} WHERE "Id" IN (SELECT value FROM json_each(?))`
                    )
                    .all(JSON.stringify(list)) as Row[]
        );
        for (const row of rows)
            ctx.records.set(String(row.Id), new RecordNode(def, row));
        for (const id of list)
            if (!ctx.records.has(id)) ctx.records.set(id, null);
    }
}

function collectFields(
    selectionSet: SelectionSetNode | undefined,
    fragments: Record<string, FragmentDefinitionNode>,
    out: FieldNode[] = []
): FieldNode[] {
    if (!selectionSet) return out;
    for (const sel of selectionSet.selections) {
        if (sel.kind === 'Field') out.push(sel);
        else if (sel.kind === 'InlineFragment')
            collectFields(sel.selectionSet, fragments, out);
        else if (sel.kind === 'FragmentSpread')
            collectFields(
                fragments[sel.name.value]?.selectionSet,
                fragments,
                out
            );
    }
    return out;
}

function selects(info: GraphQLResolveInfo, name: string): boolean {
    return info.fieldNodes.some((n) =>
        collectFields(n.selectionSet, info.fragments).some(
            (f) => f.name.value === name
        )
    );
}

/** The argument as written (object key order kept), with variables substituted from the raw request. */
function rawArg(info: GraphQLResolveInfo, ctx: Context, name: string): unknown {
    const arg = info.fieldNodes[0].arguments?.find(
        (a) => a.name.value === name
    );
    if (!arg) return undefined;
    return valueFromASTUntyped(arg.value, ctx.rawVariables);
}

const SQL_LOG = Boolean(process.env.PREVIEW_SQL_LOG);

function timed<T>(ctx: Context, fn: () => T, sql?: string): T {
    const t = performance.now();
    try {
        return fn();
    } finally {
        const ms = performance.now() - t;
        ctx.sqlMs += ms;
        if (SQL_LOG && sql) console.error(`[sql ${ms.toFixed(1)} ms] ${sql}`);
    }
}

/** The columns a connection's nodes need: the selected fields, the keys of selected relationships, Id. */
function nodeColumns(def: ObjectDef, info: GraphQLResolveInfo): string[] {
    const cols = new Set<string>(['Id']);
    for (const fieldNode of info.fieldNodes) {
        for (const edges of collectFields(
            fieldNode.selectionSet,
            info.fragments
        ).filter((f) => f.name.value === 'edges')) {
            for (const node of collectFields(
                edges.selectionSet,
                info.fragments
            ).filter((f) => f.name.value === 'node')) {
                for (const f of collectFields(
                    node.selectionSet,
                    info.fragments
                )) {
                    const name = f.name.value;
                    if (fieldDef(def.apiName, name)) cols.add(name);
                    else if (name === 'DisplayValue') cols.add(def.nameField);
                    else if (name === 'WeakEtag')
                        [
                            'SystemModstamp',
                            'LastModifiedDate',
                            'CreatedDate'
                        ].forEach(
                            (c) => fieldDef(def.apiName, c) && cols.add(c)
                        );
                    else {
                        const rel = relationshipField(def.apiName, name);
                        if (rel) cols.add(rel.name);
                    }
                }
            }
        }
    }
    return [...cols];
}

interface ConnectionArgs {
    first?: number | null;
    after?: string | null;
    where?: FilterValue | null;
    scope?: string | null;
    upperBound?: number | null;
}

function recordConnection(
    def: ObjectDef,
    args: ConnectionArgs,
    info: GraphQLResolveInfo,
    ctx: Context,
    extra?: { field: string; value: string }
) {
    const { first, upperBound } = args;
    if (upperBound != null) {
        if (upperBound < 1)
            throw gqlError('upperBound must be a positive number');
        if (first != null && (first < 200 || first > 2000))
            throw gqlError(
                'When upperBound is used, first must be between 200 and 2000.'
            );
    } else if (first != null && (first < 0 || first > 2000)) {
        throw gqlError('first must be between 0 and 2000.');
    }
    const pageSize = first ?? (upperBound != null ? 200 : 10);
    const offset = decodeCursor(args.after) + 1;
    // A search that every row matches is no condition: the page and counts are the unfiltered ones.
    const filter = withoutUniversalSearch(ctx, def, args.where);
    // The WHERE is compiled twice: a search can read differently for a page (see searchCondition).
    const compileWhere = (pageQuery: boolean) => {
        const b = new SqlBuilder(def, 't0', [], ctx.db);
        b.pageQuery = pageQuery;
        b.narrowed = narrowedWhere(def, filter, args.scope, Boolean(extra));
        // A page of a search and facet filters reads its own plan (see facetSearchPageWhere).
        const searched =
            pageQuery && !extra
                ? facetSearchPageWhere(ctx, b, def, filter, args.scope)
                : null;
        const conds = searched
            ? [searched]
            : baseConditions(b, def, args.scope);
        if (extra)
            conds.push(`${b.base}.${q(extra.field)} = ${b.param(extra.value)}`);
        if (!searched) conds.push(compileFilter(b, b.base, def, filter));
        return { b, where: conds.join(' AND '), params: b.params.slice() };
    };
    const { b: sb, where, params: whereParams } = compileWhere(true);
    const keys = orderTerms(
        sb,
        sb.base,
        def,
        rawArg(info, ctx, 'orderBy') as FilterValue | undefined
    );
    // Ties are broken by Id in the direction of the first key, so that (key, Id) indexes serve
    // both directions; with Id always ascending, a descending page of a picklist or a channel
    // name sorted a whole block of equal keys (100,000 rows for one channel name at 1M).
    const tiebreak = `${sb.base}."Id" ${/ DESC( NULLS (FIRST|LAST))?$/.test(keys[0]?.sql ?? '') ? 'DESC' : 'ASC'}`;
    const limit =
        upperBound != null
            ? Math.max(0, Math.min(pageSize, upperBound - offset))
            : pageSize;
    const columns = nodeColumns(def, info).map((c) => `${sb.base}.${q(c)}`);
    const countWhere = (
        cond: string,
        inner?: string,
        builder = sb,
        params = whereParams
    ): number => {
        const sql = `SELECT COUNT(*) AS n FROM ${builder.from(inner)} WHERE ${cond}`;
        return timed(
            ctx,
            () =>
                (
                    ctx.db.prepare(sql).get(...(params as never[])) as {
                        n: number;
                    }
                ).n,
            sql
        );
    };
    /** Rows matching the WHERE: from a rollup when one answers, else counted. */
    const countAll = (): number => {
        const rollup = extra
            ? null
            : rollupQuery(
                  ctx,
                  def,
                  filter,
                  args.scope,
                  [],
                  [
                      {
                          key: 'Id',
                          func: 'count',
                          col: 'a0',
                          field: fieldDef(def.apiName, 'Id') as FieldDef
                      }
                  ]
              );
        if (rollup)
            return Number(
                (
                    timed(
                        ctx,
                        () =>
                            ctx.db
                                .prepare(rollup.sql)
                                .get(...(rollup.params as never[])),
                        rollup.sql
                    ) as { a0: number | null }
                ).a0 ?? 0
            );
        const all = compileWhere(false);
        return countWhere(all.where, undefined, all.b, all.params);
    };
    const [lead, ...rest] = keys;
    const totalCount = selects(info, 'totalCount') ? countAll() : null;
    // A filtered page (my sessions) read along the sort key's index when the filter keeps many
    // rows: SQLite otherwise reads every matching row through the filter's index and sorts them
    // (38,000 of my sessions at 1M, most of them cold), where the sort index reaches a page of
    // 50 after some 1,300 rows. Few matches keep SQLite's choice. INDEXED BY needs the count.
    const filtered =
        !extra && (args.scope === 'MINE' || conjuncts(def, filter).length > 0);
    // The same for a key on a related record: the related table first, in its sort index.
    const leadTable = !lead
        ? null
        : lead.viaRelationship
          ? lead.joinAlias && sb.joinedTable(lead.joinAlias)
          : def.apiName;
    const sortIndex =
        filtered && lead && leadTable
            ? sortIndexOf(leadTable, lead.field)
            : null;
    let indexedBy: string | null = null;
    if (sortIndex) {
        const matching = totalCount ?? countAll();
        const table = estimatedRows(ctx.db, def.apiName);
        indexedBy =
            matching > 0 &&
            ((offset + limit + 1) * table) / matching <= SORT_INDEX_SCAN_LIMIT
                ? sortIndex
                : null;
    }
    const read = (
        cond: string,
        order: string[],
        count: number,
        skip: number,
        inner?: string
    ): Row[] => {
        // The sort index applies to the pass that reads set keys: the base table's, or the
        // related table's, read first.
        const byIndex =
            indexedBy && (lead?.viaRelationship ? inner !== undefined : true)
                ? indexedBy
                : null;
        const from = sb.from(inner, byIndex, Boolean(byIndex && inner));
        const sql = `SELECT ${columns.join(', ')} FROM ${from} WHERE ${cond} ORDER BY ${[...order, tiebreak].join(', ')} LIMIT ? OFFSET ?`;
        return timed(
            ctx,
            () =>
                ctx.db
                    .prepare(sql)
                    .all(...(whereParams as never[]), count, skip) as Row[],
            sql
        );
    };
    // The first sort key in two passes, rows where it is set, then rows where it is NULL (or the
    // other way round), when one ORDER BY can't be read from an index: NULLS placed against
    // SQLite's order (ASC NULLS LAST), or a key on a related record (the LEFT JOIN fixes the
    // join order; without NULLs it is an inner join that starts from the related table's index).
    // At a million sessions that is the difference between the first 51 rows of an index and a
    // sort of the table.
    let rows: Row[];
    if (lead?.nullable && (!lead.naturalNulls || lead.viaRelationship)) {
        const set = {
            cond: `${where} AND ${lead.value} IS NOT NULL`,
            order: [lead.setSql, ...rest.map((k) => k.sql)],
            inner: lead.joinAlias ?? undefined
        };
        const unset = {
            cond: `${where} AND ${lead.value} IS NULL`,
            order: rest.map((k) => k.sql),
            inner: undefined
        };
        const [p1, p2] = lead.nullsFirst ? [unset, set] : [set, unset];
        rows = read(p1.cond, p1.order, limit + 1, offset, p1.inner);
        if (rows.length < limit + 1) {
            // The second pass continues where the first ran out.
            const skip =
                rows.length === 0 && offset > 0
                    ? Math.max(0, offset - countWhere(p1.cond, p1.inner))
                    : 0;
            rows = rows.concat(
                read(p2.cond, p2.order, limit + 1 - rows.length, skip, p2.inner)
            );
        }
    } else {
        rows = read(
            where,
            keys.map((k) => k.sql),
            limit + 1,
            offset
        );
    }
    const reachable = upperBound == null || offset + limit < upperBound;
    const hasNext = rows.length > limit && reachable;
    const page = rows.slice(0, limit);
    const nodes = page.map((row) => new RecordNode(def, row));
    // Nodes hold only the selected columns, so they are not cached as relationship targets.
    for (const node of nodes) node.siblings = nodes;
    const edges = nodes.map((node, i) => ({
        node,
        cursor: encodeCursor(offset + i)
    }));
    return {
        edges,
        pageResultCount: edges.length,
        totalCount,
        pageInfo: {
            hasNextPage: hasNext,
            hasPreviousPage: offset > 0,
            startCursor: edges.length ? edges[0].cursor : null,
            endCursor: edges.length ? edges[edges.length - 1].cursor : null
        }
    };
}

// --- aggregates ----------------------------------------------------------------------------

const AGG_FUNCS = [
    'count',
    'countDistinct',
    'avg',
    'sum',
    'min',
    'max',
    'grouping'
] as const;
type AggFunc = (typeof AGG_FUNCS)[number];

interface AggRequest {
    path: string[];
    funcs: Set<AggFunc>;
    wantsValue: boolean;
}

function collectAggRequests(
    def: ObjectDef,
    selection: SelectionSetNode | undefined,
    info: GraphQLResolveInfo,
    path: string[],
    out: Map<string, AggRequest>
): void {
    for (const field of collectFields(selection, info.fragments)) {
        const name = field.name.value;
        if (name === '__typename') continue;
        const f = fieldDef(def.apiName, name);
        if (f) {
            const key = [...path, name].join('.');
            let req = out.get(key);
            if (!req)
                out.set(
                    key,
                    (req = {
                        path: [...path, name],
                        funcs: new Set(),
                        wantsValue: false
                    })
                );
            for (const sub of collectFields(
                field.selectionSet,
                info.fragments
            )) {
                const s = sub.name.value;
                if ((AGG_FUNCS as readonly string[]).includes(s))
                    req.funcs.add(s as AggFunc);
                else if (s !== '__typename') req.wantsValue = true;
            }
            continue;
        }
        const rel = relationshipField(def.apiName, name);
        if (rel) {
            const target = storedTargets(rel)[0];
            if (target)
                collectAggRequests(
                    target,
                    field.selectionSet,
                    info,
                    [...path, name],
                    out
                );
        }
    }
}

const DATE_FUNCTIONS: Record<string, (c: string) => string> = {
    CALENDAR_YEAR: (c) => `CAST(strftime('%Y', ${c}) AS INTEGER)`,
    FISCAL_YEAR: (c) => `CAST(strftime('%Y', ${c}) AS INTEGER)`,
    CALENDAR_MONTH: (c) => `CAST(strftime('%m', ${c}) AS INTEGER)`,
    FISCAL_MONTH: (c) => `CAST(strftime('%m', ${c}) AS INTEGER)`,
    CALENDAR_QUARTER: (c) =>
        `((CAST(strftime('%m', ${c}) AS INTEGER) + 2) / 3)`,
    FISCAL_QUARTER: (c) => `((CAST(strftime('%m', ${c}) AS INTEGER) + 2) / 3)`,
    DAY_IN_MONTH: (c) => `CAST(strftime('%d', ${c}) AS INTEGER)`,
    DAY_IN_WEEK: (c) => `(CAST(strftime('%w', ${c}) AS INTEGER) + 1)`,
    DAY_IN_YEAR: (c) => `CAST(strftime('%j', ${c}) AS INTEGER)`,
    DAY_ONLY: (c) => `date(${c})`,
    HOUR_IN_DAY: (c) => `CAST(strftime('%H', ${c}) AS INTEGER)`,
    WEEK_IN_MONTH: (c) => `((CAST(strftime('%d', ${c}) AS INTEGER) + 6) / 7)`,
    WEEK_IN_YEAR: (c) => `((CAST(strftime('%j', ${c}) AS INTEGER) + 6) / 7)`
};

interface GroupTerm {
    key: string;
    expr: string;
    field: FieldDef;
    fn?: string;
}

function groupTerms(
    sb: SqlBuilder,
    alias: string,
    def: ObjectDef,
    groupBy: FilterValue | null | undefined,
    path: string[] = [],
    out: GroupTerm[] = []
): GroupTerm[] {
    if (!groupBy) return out;
    for (const [key, clause] of Object.entries(groupBy)) {
        if (clause == null) continue;
        if (key === 'type' && path.length === 0) {
            if (clause !== 'GROUP_BY')
                throw gqlError(
                    `groupBy type ${String(clause)} is not supported by the preview server`
                );
            continue;
        }
        const f = fieldDef(def.apiName, key);
        if (f) {
            const c = clause as { group?: boolean; function?: string };
            if (f.type === 'DateTime') {
                if (!c.function) continue;
                const fn = DATE_FUNCTIONS[c.function];
                const { expr } = pathExpr(sb, sb.base, sb.def, [...path, key]);
                out.push({
                    key: [...path, key].join('.'),
                    expr: fn(expr),
                    field: f,
                    fn: c.function
                });
            } else if (c.group) {
                const { expr } = pathExpr(sb, sb.base, sb.def, [...path, key]);
                out.push({ key: [...path, key].join('.'), expr, field: f });
            }
            continue;
        }
        const rel = relationshipField(def.apiName, key);
        if (!rel)
            throw gqlError(
                `Cannot group by '${key}' on '${def.apiName}'`,
                'ValidationError'
            );
        const target = storedTargets(rel)[0];
        groupTerms(
            sb,
            alias,
            target,
            clause as FilterValue,
            [...path, key],
            out
        );
    }
    return out;
}

// --- rollups -------------------------------------------------------------------------------

/** A filter as AND-ed conditions, each a filter object of its own (through single-target relationships). */
function conjuncts(
    def: ObjectDef,
    filter: FilterValue | null | undefined
): FilterValue[] {
    const out: FilterValue[] = [];
    for (const [key, value] of Object.entries(filter ?? {})) {
        if (value == null) continue; // compiles to no condition
        if (key === 'and') {
            for (const item of value as FilterValue[])
                out.push(...conjuncts(def, item));
            continue;
        }
        const rel =
            key === 'or' || key === 'not' || fieldDef(def.apiName, key)
                ? undefined
                : relationshipField(def.apiName, key);
        const targets = rel ? storedTargets(rel) : [];
        if (targets.length === 1 && typeof value === 'object') {
            for (const inner of conjuncts(targets[0], value as FilterValue))
                out.push({ [key]: inner });
            continue;
        }
        out.push({ [key]: value });
    }
    return out;
}

/** The field paths a filter compares (not inside semi-joins); `*` marks what no rollup has. */
function referencedPaths(
    def: ObjectDef,
    filter: FilterValue,
    prefix: string[] = [],
    out = new Set<string>()
): Set<string> {
    for (const [key, value] of Object.entries(filter)) {
        if (value == null) continue;
        if (key === 'and' || key === 'or') {
            for (const item of value as FilterValue[])
                referencedPaths(def, item, prefix, out);
        } else if (key === 'not') {
            referencedPaths(def, value as FilterValue, prefix, out);
        } else if (fieldDef(def.apiName, key)) {
            out.add([...prefix, key].join('.'));
        } else {
            const rel = relationshipField(def.apiName, key);
            const targets = rel ? storedTargets(rel) : [];
            if (targets.length === 1)
                referencedPaths(
                    targets[0],
                    value as FilterValue,
                    [...prefix, key],
                    out
                );
            else out.add([...prefix, key, '*'].join('.'));
        }
    }
    return out;
}

/**
 * The instants [from, to) a condition on the rollup's time path keeps (infinite when open),
 * in milliseconds; null when it is not a plain range (then no rollup answers). Mirrors
 * dateTimeCondition; stored instants are ISO strings to the millisecond, so `> v` is `>= v + 1`.
 */
function timeRange(
    term: FilterValue,
    timePath: string[]
): { from: number; to: number } | null {
    let ops: unknown = term;
    for (const part of timePath) {
        const entries = Object.entries((ops ?? {}) as FilterValue);
        if (entries.length !== 1 || entries[0][0] !== part) return null;
        ops = entries[0][1];
    }
    let from = -Infinity;
    let to = Infinity;
    const atLeast = (ms: number) => (from = Math.max(from, ms));
    const below = (ms: number) => (to = Math.min(to, ms));
    for (const [op, raw] of Object.entries((ops ?? {}) as FilterValue)) {
        if (raw === undefined) continue;
        const input = raw as {
            value?: unknown;
            literal?: unknown;
            range?: unknown;
        } | null;
        if (!input || typeof input !== 'object') return null;
        if (input.value != null) {
            const ms = Date.parse(String(input.value));
            if (!Number.isFinite(ms)) return null;
            if (op === 'gte') atLeast(ms);
            else if (op === 'gt') atLeast(ms + 1);
            else if (op === 'lte') below(ms + 1);
            else if (op === 'lt') below(ms);
            else return null;
            continue;
        }
        if (input.literal == null && input.range == null) return null;
        const [start, end] = dateRange(
            input as { literal?: string; range?: Record<string, number | null> }
        );
        if (op === 'eq') {
            atLeast(start);
            below(end);
        } else if (op === 'gte') atLeast(start);
        else if (op === 'gt') atLeast(end);
        else if (op === 'lt') below(start);
        else if (op === 'lte') below(end);
        else return null;
    }
    return { from, to };
}

/** A span of buckets of one grain, [first, end) as bucket strings; null ends are open. */
interface BucketSpan {
    grain: RollupGrain;
    first: string | null;
    end: string | null;
}

/**
 * Covers [from, to) with whole buckets, coarsest grain first: whole days, then whole hours of
 * what is left, then the raw instants of what is still left (as [from, to) ms intervals).
 */
function coverWindow(
    from: number,
    to: number,
    grains: readonly RollupGrain[]
): { spans: BucketSpan[]; raw: Array<[number, number]> } {
    const spans: BucketSpan[] = [];
    let rest: Array<[number, number]> = [[from, to]];
    for (const grain of grains) {
        const unit = GRAIN_MS[grain];
        const next: Array<[number, number]> = [];
        for (const [a, b] of rest) {
            const lo = a === -Infinity ? -Infinity : Math.ceil(a / unit) * unit;
            const hi = b === Infinity ? Infinity : Math.floor(b / unit) * unit;
            if (lo >= hi) {
                next.push([a, b]);
                continue;
            }
            spans.push({
                grain,
                first: lo === -Infinity ? null : bucketOf(grain, lo),
                end: hi === Infinity ? null : bucketOf(grain, hi)
            });
            if (a < lo) next.push([a, lo]);
            if (hi < b) next.push([hi, b]);
        }
        rest = next;
    }
    return { spans, raw: rest };
}

interface RollupQuery {
    /** SELECT of the g<i> group and a<j> aggregate columns, without ORDER BY. */
    sql: string;
    orderSql: string;
    params: unknown[];
}

/**
 * The aggregate from a rollup (db.ts) when the query allows: it groups by and filters on the
 * rollup's dimensions only, plus a range of its time field, and asks count, sum, avg, min or
 * max of its measures. The range is read as whole days, whole hours (where the rollup keeps
 * them) and, for what is left at its ends, the raw rows, in the same units; the parts are
 * added up. Null when the raw rows must answer.
 */
function rollupQuery(
    ctx: Context,
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined,
    groups: Array<{ key: string; field: FieldDef; fn?: string }>,
    aggs: Array<{ key: string; func: AggFunc; col: string; field: FieldDef }>
): RollupQuery | null {
    // A search that every row matches is no condition; another search is answered by the
    // search index and its facets (a rollup knows nothing of text).
    const filter = withoutUniversalSearch(ctx, def, where);
    const searched = facetQuery(ctx, def, filter, scope, groups, aggs);
    if (searched) return searched;
    for (const rollup of rollupsOf(def.apiName)) {
        const query = rollupQueryFor(
            ctx,
            rollup,
            def,
            filter,
            scope,
            groups,
            aggs
        );
        if (query) return query;
    }
    return null;
}

function rollupQueryFor(
    ctx: Context,
    rollup: RollupDef,
    def: ObjectDef,
    where: FilterValue | null | undefined,
    scope: string | null | undefined,
    groups: Array<{ key: string; field: FieldDef; fn?: string }>,
    aggs: Array<{ key: string; func: AggFunc; col: string; field: FieldDef }>
): RollupQuery | null {
    const dims = rollup.dimensions.map((p) => p.join('.'));
    if (groups.some((g) => g.fn || !dims.includes(g.key))) return null;
    for (const a of aggs) {
        const ok =
            (a.func === 'count' && a.key === 'Id') ||
            (rollup.measures.includes(a.key) &&
                ['count', 'sum', 'avg', 'min', 'max'].includes(a.func));
        if (!ok) return null;
    }
    if (
        scope === 'MINE' &&
        fieldDef(def.apiName, 'OwnerId') &&
        !dims.includes('OwnerId')
    )
        return null;
    const dimTerms: FilterValue[] = [];
    let windowed = false;
    let from = -Infinity;
    let to = Infinity;
    for (const term of conjuncts(def, where)) {
        if ([...referencedPaths(def, term)].every((p) => dims.includes(p))) {
            dimTerms.push(term);
            continue;
        }
        const range = timeRange(term, rollup.time);
        if (!range) return null;
        windowed = true;
        from = Math.max(from, range.from);
        to = Math.min(to, range.to);
    }
    const cover = windowed
        ? coverWindow(from, to, rollup.grains)
        : {
              spans: [{ grain: rollup.grains[0], first: null, end: null }],
              raw: []
          };
    if (!cover.spans.length) return null; // not one whole bucket: the raw rows answer alone

    const params: unknown[] = [];
    const columns = [
        ...rollup.dimensions.map((_, i) => `k${i}`),
        'n',
        ...rollup.measures.flatMap((_, i) => [
            `c${i}`,
            `s${i}`,
            `lo${i}`,
            `hi${i}`
        ])
    ];
    const parts: string[] = [];
    // Whole buckets: rollup rows, filtered on the dimension columns (named like the fields).
    for (const span of cover.spans) {
        const rb = new SqlBuilder(def, 'r', params, ctx.db);
        rb.flatJoins = true;
        const conds = [
            ...baseConditions(rb, def, scope),
            ...dimTerms.map((t) => compileFilter(rb, 'r', def, t))
        ];
        const bucket = `r.${q(ROLLUP_BUCKET_COLUMN)}`;
        if (span.first !== null)
            conds.push(`${bucket} >= ${rb.param(span.first)}`);
        if (span.end !== null) conds.push(`${bucket} < ${rb.param(span.end)}`);
        const select = [
            ...rollup.dimensions.map((p) => `r.${q(rollupDimensionColumn(p))}`),
            `r.${q(ROLLUP_COUNT_COLUMN)}`,
            ...rollup.measures.flatMap((m) =>
                (['count', 'sum', 'min', 'max'] as const).map(
                    (fn) => `r.${q(rollupMeasureColumn(fn, m))}`
                )
            )
        ];
        parts.push(
            `SELECT ${select.map((e, i) => `${e} AS ${columns[i]}`).join(', ')} FROM ${q(rollupTable(rollup, span.grain))} r WHERE ${conds.length ? conds.join(' AND ') : '1'}`
        );
    }
    // What no whole bucket covers: raw rows, one per row, in the rollup's units.
    for (const [a, b] of cover.raw) {
        const sb = new SqlBuilder(def, 't0', params, ctx.db);
        const conds = [
            ...baseConditions(sb, def, scope),
            compileFilter(sb, sb.base, def, where)
        ];
        const time = pathExpr(sb, sb.base, def, rollup.time).expr;
        if (a > -Infinity) conds.push(`${time} >= ${sb.param(isoOf(a))}`);
        if (b < Infinity) conds.push(`${time} < ${sb.param(isoOf(b))}`);
        const select = [
            ...rollup.dimensions.map((p) => pathExpr(sb, sb.base, def, p).expr),
            '1',
            ...rollup.measures.flatMap((m) => {
                const col = `${sb.base}.${q(m)}`;
                return [`(${col} IS NOT NULL)`, col, col, col];
            })
        ];
        parts.push(
            `SELECT ${select.map((e, i) => `${e} AS ${columns[i]}`).join(', ')} FROM ${sb.from()} WHERE ${conds.join(' AND ')}`
        );
    }
    const dimColumn = (key: string) => `u.k${dims.indexOf(key)}`;
    const select = [
        ...groups.map((g, i) => `${dimColumn(g.key)} AS g${i}`),
        ...aggs.map(
            (a) =>
                `${rollupAggregateSql(a, rollup.measures.indexOf(a.key))} AS ${a.col}`
        )
    ];
    if (select.length === 0) select.push('SUM(u.n) AS a_all');
    const groupBy = groups.length
        ? ` GROUP BY ${groups.map((g) => dimColumn(g.key)).join(', ')}`
        : '';
    const orderBy = groups.length
        ? ` ORDER BY ${groups.map((g) => sortKeySql(dimColumn(g.key), g.field)).join(', ')}`
        : '';
    return {
        sql: `SELECT ${select.join(', ')} FROM (${parts.join(' UNION ALL ')}) u${groupBy}`,
        orderSql: orderBy,
        params
    };
}

/**
 * An aggregate over the union of rollup buckets and raw rows, whose columns are n (rows) and, for
 * measure m, c<m> (non-null count), s<m> (sum), lo<m> and hi<m> (min and max).
 */
function rollupAggregateSql(
    a: { key: string; func: AggFunc },
    m: number
): string {
    if (a.key === 'Id' && a.func === 'count') return 'SUM(u.n)';
    switch (a.func) {
        case 'count':
            return `SUM(u.c${m})`;
        case 'sum':
            return `SUM(u.s${m})`;
        case 'avg':
            return `SUM(u.s${m}) * 1.0 / SUM(u.c${m})`;
        case 'min':
            return `MIN(u.lo${m})`;
        default:
            return `MAX(u.hi${m})`;
    }
}

/** An aggregate function of a field, and the `a<j>` column it is selected as. */
interface AggColumn {
    key: string;
    func: AggFunc;
    col: string;
    field: FieldDef;
    /** Its SQL expression over the raw rows. */
    sql: string;
}

/** The SQL statements that answer an aggregate connection, from the raw rows or a rollup. */
interface AggregateStatements {
    /** The page: takes LIMIT and OFFSET after `params`. */
    pageSql: string;
    /** The number of groups. */
    countSql: string;
    params: unknown[];
}

function aggregateConnection(
    def: ObjectDef,
    args: ConnectionArgs,
    info: GraphQLResolveInfo,
    ctx: Context
) {
    const first = args.first;
    if (first != null && (first < 0 || first > 2000))
        throw gqlError('first must be between 0 and 2000.');
    const pageSize = first ?? 10;
    const offset = decodeCursor(args.after) + 1;
    const statements = aggregateStatements(def, args, info, ctx);
    const { groups, aggCols } = statements;
    const rows = timed(
        ctx,
        () =>
            ctx.db
                .prepare(statements.pageSql)
                .all(
                    ...(statements.params as never[]),
                    pageSize + 1,
                    offset
                ) as Row[],
        statements.pageSql
    );
    const totalCount = selects(info, 'totalCount')
        ? groupCount(ctx, statements, groups.length > 0)
        : null;
    const edges = rows.slice(0, pageSize).map((row, i) => ({
        node: { aggregate: aggregateOfRow(row, groups, aggCols) },
        cursor: encodeCursor(offset + i)
    }));
    return {
        edges,
        totalCount,
        pageInfo: {
            hasNextPage: rows.length > pageSize,
            hasPreviousPage: offset > 0,
            startCursor: edges.length ? edges[0].cursor : null,
            endCursor: edges.length ? edges[edges.length - 1].cursor : null
        }
    };
}

/** The groups and aggregates the query asks for, and the SQL that computes them. */
function aggregateStatements(
    def: ObjectDef,
    args: ConnectionArgs,
    info: GraphQLResolveInfo,
    ctx: Context
): AggregateStatements & { groups: GroupTerm[]; aggCols: AggColumn[] } {
    const sb = new SqlBuilder(def, 't0', [], ctx.db);
    sb.narrowed = narrowedWhere(def, args.where, args.scope, false);
    const conds = baseConditions(sb, def, args.scope);
    conds.push(compileFilter(sb, sb.base, def, args.where));
    const groups = groupTerms(
        sb,
        sb.base,
        def,
        rawArg(info, ctx, 'groupBy') as FilterValue | undefined
    );
    const aggCols = aggregateColumns(
        sb,
        def,
        requestedAggregates(def, info),
        groups
    );
    const rawOrder = rawArg(info, ctx, 'orderBy') as FilterValue | undefined;
    const order = aggregateOrder(sb, def, rawOrder, groups);
    // Ordered by aggregate functions: answered from the raw rows only (no component asks).
    const rollup = rawOrder
        ? null
        : rollupQuery(ctx, def, args.where, args.scope, groups, aggCols);
    if (rollup)
        return {
            groups,
            aggCols,
            pageSql: `${rollup.sql}${rollup.orderSql} LIMIT ? OFFSET ?`,
            countSql: `SELECT COUNT(*) AS n FROM (${rollup.sql})`,
            params: rollup.params
        };
    const select = [
        ...groups.map((g, i) => `${g.expr} AS g${i}`),
        ...aggCols.map((a) => `${a.sql} AS ${a.col}`)
    ];
    if (select.length === 0) select.push('COUNT(*) AS a_all');
    const where = conds.join(' AND ');
    const groupSql = groups.length
        ? ` GROUP BY ${groups.map((g) => g.expr).join(', ')}`
        : '';
    const orderSql = order.length ? ` ORDER BY ${order.join(', ')}` : '';
    return {
        groups,
        aggCols,
        pageSql: `SELECT ${select.join(', ')} FROM ${sb.from()} WHERE ${where}${groupSql}${orderSql} LIMIT ? OFFSET ?`,
        countSql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${sb.from()} WHERE ${where}${groupSql})`,
        params: sb.params.slice()
    };
}

/** What the query asks for under edges.node.aggregate, by field path. */
function requestedAggregates(
    def: ObjectDef,
    info: GraphQLResolveInfo
): Map<string, AggRequest> {
    const requests = new Map<string, AggRequest>();
    let nodes: readonly FieldNode[] = info.fieldNodes;
    for (const name of ['edges', 'node', 'aggregate'])
        nodes = nodes.flatMap((n) =>
            collectFields(n.selectionSet, info.fragments).filter(
                (f) => f.name.value === name
            )
        );
    for (const aggregate of nodes)
        collectAggRequests(def, aggregate.selectionSet, info, [], requests);
    return requests;
}

/** The aggregate functions asked for; a field asked for its value must be grouped. */
function aggregateColumns(
    sb: SqlBuilder,
    def: ObjectDef,
    requests: Map<string, AggRequest>,
    groups: readonly GroupTerm[]
): AggColumn[] {
    const groupKeys = new Set(groups.map((g) => g.key));
    const columns: AggColumn[] = [];
    for (const req of requests.values()) {
        const key = req.path.join('.');
        if (req.wantsValue && !groupKeys.has(key)) {
            throw gqlError(
                `Field ${key} must be grouped or aggregated`,
                'ValidationError'
            );
        }
        if (req.funcs.size === 0) continue;
        const { expr, field } = pathExpr(sb, sb.base, def, req.path);
        for (const func of req.funcs) {
            if ((func === 'avg' || func === 'sum') && !isNumeric(field.type))
                throw gqlError(
                    `${func} is not supported for ${key}`,
                    'ValidationError'
                );
            const sql = aggregateSql(func, field, expr);
            columns.push({ key, func, col: `a${columns.length}`, field, sql });
        }
    }
    return columns;
}

function aggregateSql(func: AggFunc, field: FieldDef, expr: string): string {
    switch (func) {
        case 'count':
            // Id is never null; COUNT(*) lets covering indexes answer.
            return field.type === 'Id' ? 'COUNT(*)' : `COUNT(${expr})`;
        case 'countDistinct':
            return `COUNT(DISTINCT ${expr})`;
        case 'grouping':
            return '0';
        default:
            return `${func.toUpperCase()}(${expr})`;
    }
}

/** ORDER BY: the orderBy argument (grouped fields or aggregate functions of fields), then every group. */
function aggregateOrder(
    sb: SqlBuilder,
    def: ObjectDef,
    orderBy: FilterValue | undefined,
    groups: readonly GroupTerm[]
): string[] {
    const order: string[] = [];
    orderByTerms(sb, def, groups, orderBy, def, [], order);
    for (const g of groups) order.push(groupSortKey(g));
    return order;
}

function groupSortKey(g: GroupTerm): string {
    return g.fn ? g.expr : sortKeySql(g.expr, g.field);
}

const ORDER_FUNCTIONS = new Map([
    ['AVG', 'AVG'],
    ['COUNT', 'COUNT'],
    ['MAX', 'MAX'],
    ['MIN', 'MIN'],
    ['SUM', 'SUM']
]);

const NULLS_ORDER = new Map([
    ['FIRST', ' NULLS FIRST'],
    ['LAST', ' NULLS LAST']
]);

/** The ORDER BY terms of one level of an aggregate's orderBy (relationships recurse). */
function orderByTerms(
    sb: SqlBuilder,
    def: ObjectDef,
    groups: readonly GroupTerm[],
    orderBy: FilterValue | undefined,
    odef: ObjectDef,
    path: string[],
    out: string[]
): void {
    for (const [key, clause] of Object.entries(orderBy ?? {})) {
        if (clause == null) continue;
        if (!fieldDef(odef.apiName, key)) {
            const rel = relationshipField(odef.apiName, key);
            if (!rel)
                throw gqlError(`Cannot order by '${key}'`, 'ValidationError');
            const target = storedTargets(rel)[0];
            const inner = clause as FilterValue;
            orderByTerms(sb, def, groups, inner, target, [...path, key], out);
            continue;
        }
        const c = clause as {
            function?: string;
            order?: string;
            nulls?: string;
        };
        const fieldPath = [...path, key];
        const { expr } = pathExpr(sb, sb.base, def, fieldPath);
        const term = c.function
            ? orderFunctionSql(c.function, expr)
            : groupedOrderSql(groups, fieldPath.join('.'));
        const direction = c.order === 'DESC' ? 'DESC' : 'ASC';
        out.push(`${term} ${direction}${NULLS_ORDER.get(c.nulls ?? '') ?? ''}`);
    }
}

function orderFunctionSql(fn: string, expr: string): string {
    if (fn === 'COUNT_DISTINCT') return `COUNT(DISTINCT ${expr})`;
    const sqlFn = ORDER_FUNCTIONS.get(fn);
    if (!sqlFn) throw gqlError(`Unsupported order function ${fn}`);
    return `${sqlFn}(${expr})`;
}

/** Ordering by a field without a function: it must be one of the groups. */
function groupedOrderSql(
    groups: readonly GroupTerm[],
    pathKey: string
): string {
    const g = groups.find((x) => x.key === pathKey);
    if (!g)
        throw gqlError(
            `Field ${pathKey} must be grouped or aggregated to be ordered`,
            'ValidationError'
        );
    return groupSortKey(g);
}

/** totalCount: the number of groups; an aggregate without groups is one row. */
function groupCount(
    ctx: Context,
    statements: AggregateStatements,
    grouped: boolean
): number {
    if (!grouped) return 1;
    return timed(
        ctx,
        () =>
            (
                ctx.db
                    .prepare(statements.countSql)
                    .get(...(statements.params as never[])) as { n: number }
            ).n,
        statements.countSql
    );
}

/** One result row as `aggregate { Field { value, fn { value } } }`, nested along relationship paths. */
function aggregateOfRow(
    row: Row,
    groups: readonly GroupTerm[],
    aggCols: readonly AggColumn[]
): Record<string, unknown> {
    const aggregate: Record<string, unknown> = {};
    const slot = (key: string): Record<string, unknown> => {
        let node = aggregate;
        for (const p of key.split('.'))
            node = (node[p] ??= {}) as Record<string, unknown>;
        return node;
    };
    groups.forEach((g, gi) => {
        Object.assign(slot(g.key), groupedValue(g, row[`g${gi}`]));
    });
    for (const a of aggCols)
        slot(a.key)[a.func] = aggregateValue(a, row[a.col]);
    return aggregate;
}

/** A grouped field: its value (a date function's number as is), and grouping 0 (it is grouped). */
function groupedValue(g: GroupTerm, v: unknown): Record<string, unknown> {
    const grouping = { value: 0, displayValue: '0' };
    if (g.fn)
        return {
            value: v ?? null,
            displayValue: v == null ? null : String(v),
            grouping
        };
    const value: Record<string, unknown> = { ...fieldValue(g.field, v) };
    if (g.field.type === 'Picklist') value.label = picklistLabelOf(g.field, v);
    return { ...value, grouping };
}

function aggregateValue(a: AggColumn, v: unknown): unknown {
    switch (a.func) {
        case 'count':
        case 'countDistinct':
            return { value: Number(v ?? 0), displayValue: String(v ?? 0) };
        case 'avg':
        case 'sum':
            return {
                value: v == null ? null : Number(v),
                displayValue: v == null ? null : String(v)
            };
        case 'grouping':
            return { value: 0, displayValue: '0' };
        default:
            return fieldValue(a.field, v);
    }
}

// --- resolvers -----------------------------------------------------------------------------

function loadNode(ctx: Context, id: string | null): RecordNode | null {
    if (!id) return null;
    if (ctx.records.has(id)) return ctx.records.get(id) ?? null;
    const found = timed(ctx, () => findRecord(ctx.db, id));
    const node = found ? new RecordNode(found.def, found.row) : null;
    ctx.records.set(id, node);
    return node;
}

const fieldResolver: GraphQLFieldResolver<unknown, Context> = (
    source,
    args,
    ctx,
    info
) => {
    const parentType = info.parentType.name;
    if (parentType === 'RecordQuery') {
        return recordConnection(
            objectDef(info.fieldName) as ObjectDef,
            args as ConnectionArgs,
            info,
            ctx
        );
    }
    if (parentType === 'RecordQueryAggregate') {
        return aggregateConnection(
            objectDef(info.fieldName) as ObjectDef,
            args as ConnectionArgs,
            info,
            ctx
        );
    }
    if (parentType === 'Query' || parentType === 'UIAPI') return {};
    if (source instanceof RecordNode) {
        const { def, row } = source;
        switch (info.fieldName) {
            case 'Id':
                return row.Id;
            case 'ApiName':
                return def.apiName;
            case 'WeakEtag': {
                const stamp = (row.SystemModstamp ??
                    row.LastModifiedDate ??
                    row.CreatedDate) as string | undefined;
                return stamp ? Date.parse(stamp) : 0;
            }
            case 'DisplayValue':
                return nameOf(def, row);
            case 'RecordTypeId':
                return {
                    value: null,
                    displayValue: null,
                    label: 'Record Type ID'
                };
        }
        const f = fieldDef(def.apiName, info.fieldName);
        if (f) {
            const v = fieldValue(f, row[f.name]);
            return {
                ...v,
                label:
                    f.type === 'Picklist'
                        ? picklistLabelOf(f, row[f.name])
                        : f.label,
                format: null
            };
        }
        const rel = relationshipField(def.apiName, info.fieldName);
        if (rel) {
            const id = (row[rel.name] as string | null) ?? null;
            if (id && !ctx.records.has(id) && source.siblings)
                preloadReferences(ctx, source.siblings, rel);
            return loadNode(ctx, id);
        }
        const child = def.childRelationships.find(
            (c) => c.relationshipName === info.fieldName
        );
        if (child) {
            return recordConnection(
                objectDef(child.childObjectApiName) as ObjectDef,
                args as ConnectionArgs,
                info,
                ctx,
                { field: child.fieldName, value: String(row.Id) }
            );
        }
        if (
            ['LastModifiedById', 'LastModifiedDate', 'SystemModstamp'].includes(
                info.fieldName
            )
        )
            return null;
        return null;
    }
    if (source && typeof source === 'object')
        return (source as Record<string, unknown>)[info.fieldName];
    return undefined;
};

const typeResolver: GraphQLTypeResolver<unknown, Context> = (value) =>
    value instanceof RecordNode ? value.def.apiName : undefined;

export interface GraphqlRequest {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
}

/** Executes one GraphQL request. HTTP 200 with {data, errors?} as the Salesforce endpoint answers; 400 for a malformed request. */
export async function executeGraphql(
    db: Db,
    request: GraphqlRequest
): Promise<ApiResult & { sqlMs: number }> {
    if (typeof request?.query !== 'string') {
        return {
            status: 400,
            body: [
                {
                    errorCode: 'JSON_PARSER_ERROR',
                    message:
                        'The request body must be JSON with a "query" string.'
                }
            ],
            sqlMs: 0
        };
    }
    const schema = getSchema();
    // Cost limits and the byte-bounded document cache: queryLimits.ts.
    const prepared = prepareDocument(
        schema,
        request.query,
        request.variables,
        request.operationName
    );
    if ('errors' in prepared)
        return {
            status: prepared.status,
            body: { data: null, errors: prepared.errors },
            sqlMs: 0
        };
    const { document } = prepared;
    const rawVariables =
        request.variables && typeof request.variables === 'object'
            ? (request.variables as Record<string, unknown>)
            : {};
    const ctx: Context = { db, rawVariables, records: new Map(), sqlMs: 0 };
    const result = await execute({
        schema,
        document,
        variableValues: rawVariables,
        operationName:
            typeof request.operationName === 'string'
                ? request.operationName
                : undefined,
        contextValue: ctx,
        fieldResolver,
        typeResolver
    });
    const body: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors?.length) {
        body.errors = result.errors.map((err) => ({
            message: err.message,
            locations: err.locations ?? [],
            path: err.path ?? [],
            extensions:
                err.extensions && Object.keys(err.extensions).length
                    ? err.extensions
                    : { ErrorType: 'DataFetchingException' }
        }));
    }
    return { status: 200, body, sqlMs: ctx.sqlMs };
}
