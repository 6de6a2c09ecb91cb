/**
 * The preview org's SQLite database: tables generated from the object descriptions in metadata.ts,
 * one column per field (named like the field), and what makes it answer the console's queries at
 * a million sessions:
 *
 *  - indexes, each chosen from the plan (`EXPLAIN QUERY PLAN`) of a query a component sends;
 *  - a full-text search index (FTS5, trigram tokenizer) over the text the session list searches;
 *  - rollups: totals of the session measures per day (and hour), so a 30-day aggregate reads
 *    some thousands of rows instead of a million (graphql.ts reads them when a query's shape
 *    allows, and the raw rows otherwise).
 *
 * The search index and the rollups are kept in sync by triggers, so every writer (the seed, a
 * PATCH from the detail panel) updates them without knowing they exist. A bulk load drops the
 * triggers (startBulkLoad) and builds everything once the rows are in (createIndexes).
 */
import Database from 'better-sqlite3';
import type { Database as DatabaseType } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
    OBJECTS,
    fieldDef,
    objectDef,
    q,
    relationshipField,
    sqlType,
    storedTargets
} from './metadata';
import type { FieldDef, ObjectDef } from './metadata';

export type Db = DatabaseType;

// ---------------------------------------------------------------------------------------------
// How values sort
// ---------------------------------------------------------------------------------------------

const TEXT_SORT_TYPES = new Set([
    'String',
    'TextArea',
    'Url',
    'Phone',
    'Email'
]);

/**
 * The SQL a field sorts by: picklists in their defined value order (as SOQL sorts them), text
 * case-insensitively. The sort indexes below are built on the same expressions, which is what
 * lets SQLite read a sorted page from an index instead of sorting the table.
 */
export function sortKeySql(column: string, field: FieldDef): string {
    if (field.type === 'Picklist' && field.picklist?.length) {
        const cases = field.picklist
            .map((p, i) => `WHEN '${p.value.replace(/'/g, "''")}' THEN ${i}`)
            .join(' ');
        return `(CASE ${column} ${cases} ELSE ${field.picklist.length} END)`;
    }
    if (TEXT_SORT_TYPES.has(field.type)) return `${column} COLLATE NOCASE`;
    return column;
}

/** A picklist's sort key is a CASE with an ELSE: never NULL, so NULLS FIRST/LAST change nothing. */
export function sortKeyIsNeverNull(field: FieldDef): boolean {
    return field.type === 'Picklist' && Boolean(field.picklist?.length);
}

// ---------------------------------------------------------------------------------------------
// Indexes
// ---------------------------------------------------------------------------------------------

interface IndexDef {
    table: string;
    name: string;
    /** Column names, or `sort:Field` for the field's sort key (sortKeySql). */
    columns: string[];
}

const sortIndex = (table: string, field: string): IndexDef => ({
    table,
    name: `idx_${table}_sort_${field}`,
    columns: [`sort:${field}`, 'Id']
});

/** The index that reads a table in a field's sort order (sortKeySql, then Id), if there is one. */
export function sortIndexOf(table: string, field: string): string | null {
    const name = `idx_${table}_sort_${field}`;
    return INDEXES.some((i) => i.name === name) ? name : null;
}

/**
 * Every index answers a query the console sends; the plans were read with EXPLAIN QUERY PLAN on
 * a million seeded sessions. Indexes no query used (single picklist columns, CreatedDate,
 * LastModifiedDate, most foreign keys of MessagingSession) are gone: each cost seconds of the
 * seed and tens of megabytes.
 */
const INDEXES: IndexDef[] = [
    // Session list, first page under each sort: (sort key, Id) is the ORDER BY, so a page is the
    // first rows of one index, not a sort of the table. A null sort key (ASC NULLS LAST) is read
    // in two passes by graphql.ts, both on the same index. Picklist keys are expressions.
    sortIndex('MessagingSession', 'StartTime'),
    sortIndex('MessagingSession', 'AcceptTime'),
    sortIndex('MessagingSession', 'EndTime'),
    sortIndex('MessagingSession', 'Name'),
    sortIndex('MessagingSession', 'ChannelName'),
    sortIndex('MessagingSession', 'Status'),
    sortIndex('MessagingSession', 'ChannelType'),
    sortIndex('MessagingSession', 'AgentType'),
    sortIndex('MessagingSession', 'Origin'),
    // Sorting by end user or case number walks those tables' sort indexes and joins the sessions
    // of each through these (and the record pages' lookups use them).
    {
        table: 'MessagingSession',
        name: 'idx_MessagingSession_MessagingEndUserId',
        columns: ['MessagingEndUserId', 'Id']
    },
    {
        table: 'MessagingSession',
        name: 'idx_MessagingSession_CaseId',
        columns: ['CaseId', 'Id']
    },
    sortIndex('MessagingEndUser', 'Name'),
    sortIndex('Case', 'CaseNumber'),
    // Aggregates over a start-time window: covering, so the part of a window that the day
    // rollups don't answer (its first and last partial days) is a range scan of this index
    // alone, and the session metrics of those sessions are found by Id without reading them.
    {
        table: 'MessagingSession',
        name: 'idx_MessagingSession_window',
        columns: [
            'Status',
            'StartTime',
            'OwnerId',
            'ChannelType',
            'MSC_WaitSeconds__c',
            'MSC_HandleSeconds__c',
            'AgentMessageCount',
            'EndUserMessageCount',
            'Id'
        ]
    },
    // One owner's sessions by status and start: "owners with a session in the window" as one
    // EXISTS probe per owner and branch of its OR (status, then start), a team's partial days
    // (covering), and the rollups' rebuild of one owner's day.
    {
        table: 'MessagingSession',
        name: 'idx_MessagingSession_owner',
        columns: ['OwnerId', 'Status', 'StartTime', 'ChannelType', 'Id']
    },
    // Supervisor backlog: the waiting sessions by owner, channel and channel type, and those over
    // target by start. Covering, so a refresh reads the waiting statuses' range of this index and
    // no session row (the window index has no MessagingChannelId: it read every waiting row).
    {
        table: 'MessagingSession',
        name: 'idx_MessagingSession_backlog',
        columns: [
            'Status',
            'StartTime',
            'OwnerId',
            'MessagingChannelId',
            'ChannelType'
        ]
    },
    // Record page: history and feed of one session, newest first.
    {
        table: 'MessagingSessionHistory',
        name: 'idx_MessagingSessionHistory_session',
        columns: ['MessagingSessionId', 'CreatedDate']
    },
    {
        table: 'MessagingSessionFeed',
        name: 'idx_MessagingSessionFeed_parent',
        columns: ['ParentId', 'CreatedDate']
    },
    // Session metrics of the sessions in a window (covering: the value is read from the index).
    {
        table: 'MessagingSessionMetrics',
        name: 'idx_MessagingSessionMetrics_session',
        columns: [
            'MessagingSessionId',
            'MessagingSessionMetricType',
            'MessagingSessionMetricValue'
        ]
    },
    // Small tables: record pickers search names; team scopes read managers and group members.
    {
        table: 'MessagingEndUser',
        name: 'idx_MessagingEndUser_ContactId',
        columns: ['ContactId']
    },
    {
        table: 'MessagingEndUser',
        name: 'idx_MessagingEndUser_AccountId',
        columns: ['AccountId']
    },
    {
        table: 'MessagingEndUser',
        name: 'idx_MessagingEndUser_LeadId',
        columns: ['LeadId']
    },
    { table: 'User', name: 'idx_User_Name', columns: ['Name'] },
    { table: 'User', name: 'idx_User_ManagerId', columns: ['ManagerId'] },
    {
        table: 'GroupMember',
        name: 'idx_GroupMember_GroupId',
        columns: ['GroupId']
    },
    {
        table: 'GroupMember',
        name: 'idx_GroupMember_UserOrGroupId',
        columns: ['UserOrGroupId']
    },
    { table: 'Contact', name: 'idx_Contact_AccountId', columns: ['AccountId'] }
];

function indexColumnSql(table: string, column: string): string {
    if (!column.startsWith('sort:')) return q(column);
    const name = column.slice('sort:'.length);
    const field = fieldDef(table, name);
    if (!field) throw new Error(`No field ${table}.${name}`);
    return sortKeySql(q(name), field);
}

// ---------------------------------------------------------------------------------------------
// Search index
// ---------------------------------------------------------------------------------------------

export interface SearchColumn {
    /** Column of the FTS table. */
    name: string;
    /** Field path from the object: a field, or a relationship and a field of its target. */
    path: string[];
}

export interface SearchIndexDef {
    table: string;
    object: string;
    columns: SearchColumn[];
}

/**
 * The text the session list searches (its `like` filters on Name, SessionKey and the end user's
 * name), in an FTS5 table with the trigram tokenizer: any substring of three or more characters
 * is an index lookup instead of a scan of every session. The indexed text is lower-cased for
 * ASCII only (SQLite's lower()) and the tokenizer is case-sensitive, which is exactly LIKE's
 * rule (ASCII letters ignore case, others don't): a match is a LIKE match, no re-check needed.
 * Row ids are the sessions' rowids (the preview never runs VACUUM, which could renumber them).
 */
export const SEARCH_INDEXES: readonly SearchIndexDef[] = [
    {
        table: 'preview_search_MessagingSession',
        object: 'MessagingSession',
        columns: [
            { name: 'Name', path: ['Name'] },
            { name: 'SessionKey', path: ['SessionKey'] },
            { name: 'EndUserName', path: ['MessagingEndUser', 'Name'] }
        ]
    }
];

export function searchIndexOf(
    objectApiName: string
): SearchIndexDef | undefined {
    return SEARCH_INDEXES.find((s) => s.object === objectApiName);
}

/**
 * The fields a search's matches are counted and grouped by, per row, in a narrow table keyed by
 * the session's rowid (the search index's row ids). A broad search ("555": 200,000 of a million
 * sessions) counted per status, or for one owner, visits every match: in the 500 MB session
 * table that was 190-540 ms of reading, in this 37 MB table 65-95 ms. Only what the session
 * list's counts filter and group on is here; another filter reads the session table.
 */
export interface SearchFacetsDef {
    table: string;
    object: string;
    /** Field names of the object, stored under their own names. */
    fields: string[];
}

export const SEARCH_FACETS: readonly SearchFacetsDef[] = [
    {
        table: 'preview_facets_MessagingSession',
        object: 'MessagingSession',
        fields: ['Status', 'OwnerId']
    }
];

export function searchFacetsOf(
    objectApiName: string
): SearchFacetsDef | undefined {
    return SEARCH_FACETS.find((f) => f.object === objectApiName);
}

function createSearchFacets(db: Db, f: SearchFacetsDef): void {
    const cols = f.fields.map(q).join(', ');
    db.exec(
        `CREATE TABLE ${q(f.table)} (preview_row INTEGER PRIMARY KEY, ${cols})`
    );
    db.exec(
        `INSERT INTO ${q(f.table)} (preview_row, ${cols}) SELECT rowid, ${cols} FROM ${q(f.object)}`
    );
}

function searchFacetTriggers(f: SearchFacetsDef): string[] {
    const cols = f.fields.map(q).join(', ');
    const values = (row: string) =>
        [`${row}.rowid`, ...f.fields.map((c) => `${row}.${q(c)}`)].join(', ');
    const name = (suffix: string) => q(`${f.table}_${suffix}`);
    const upsert = (row: string) =>
        `INSERT OR REPLACE INTO ${q(f.table)} (preview_row, ${cols}) VALUES (${values(row)});`;
    return [
        `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${q(f.object)} BEGIN ${upsert('new')} END`,
        `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${q(f.object)} BEGIN DELETE FROM ${q(f.table)} WHERE preview_row = old.rowid; END`,
        `CREATE TRIGGER ${name('update')} AFTER UPDATE OF ${cols} ON ${q(f.object)} BEGIN ${upsert('new')} END`
    ];
}

interface ResolvedPath {
    /** The object's own reference field when the path goes through a relationship. */
    via: FieldDef | null;
    target: ObjectDef;
    field: FieldDef;
}

/** A field path of at most one single-target relationship hop (what search and rollups index). */
function resolvePath(object: string, path: string[]): ResolvedPath {
    const def = objectDef(object);
    if (!def) throw new Error(`No object ${object}`);
    if (path.length === 1) {
        const field = fieldDef(object, path[0]);
        if (!field) throw new Error(`No field ${object}.${path[0]}`);
        return { via: null, target: def, field };
    }
    const via = relationshipField(object, path[0]);
    const targets = via ? storedTargets(via) : [];
    if (!via || targets.length !== 1 || path.length !== 2)
        throw new Error(`${object}.${path.join('.')} is not one hop`);
    const field = fieldDef(targets[0].apiName, path[1]);
    if (!field) throw new Error(`No field ${targets[0].apiName}.${path[1]}`);
    return { via, target: targets[0], field };
}

/** The SQL value of a path for the row `row` (a trigger's new/old, or a table alias). */
function pathValueSql(object: string, path: string[], row: string): string {
    const p = resolvePath(object, path);
    if (!p.via) return `${row}.${q(p.field.name)}`;
    return `(SELECT ${q(p.field.name)} FROM ${q(p.target.apiName)} WHERE "Id" = ${row}.${q(p.via.name)})`;
}

/**
 * Every trigram the index holds, for searches shorter than one: a search of one or two
 * characters is the OR of the trigrams that contain it. Kept by the triggers (trigrams are
 * added, never removed: one no row holds any more just matches nothing). fts5vocab lists the
 * same, but counts every term's rows to do so: 2 s at a million sessions.
 */
export const searchTermsTable = (s: SearchIndexDef): string =>
    `${s.table}_terms`;

/** 1, 2, ... up to the longest indexed text: trigger bodies can't use recursive CTEs to count. */
const POSITIONS_TABLE = 'preview_positions';

function searchTextLength(s: SearchIndexDef): number {
    return Math.max(
        ...s.columns.map(
            (c) => resolvePath(s.object, c.path).field.length ?? 4096
        )
    );
}

/** Adds the trigrams of the given texts (SQL expressions, already as indexed) to the terms table. */
function addTrigramsSql(s: SearchIndexDef, texts: string[]): string {
    return `INSERT OR IGNORE INTO ${q(searchTermsTable(s))} (term) SELECT substr(v.x, p.n, 3) FROM (${texts.map((t) => `SELECT ${t} AS x`).join(' UNION ALL ')}) v JOIN ${POSITIONS_TABLE} p ON p.n <= length(v.x) - 2;`;
}

/** The text as indexed: lower-cased like LIKE compares, then two U+0001 (see searchRowSql). */
const indexedTextSql = (value: string): string =>
    `lower(${value}) || char(1, 1)`;

/**
 * The indexed text of a row: lower-cased (ASCII only, like LIKE) and followed by two U+0001.
 * With them, every substring of one or two characters starts a trigram ("zz" at the very end is
 * in "zz\u0001"), so a short search is a lookup of the trigrams that contain it.
 */
function searchTextsSql(s: SearchIndexDef, row: string): string[] {
    return s.columns.map((c) =>
        indexedTextSql(pathValueSql(s.object, c.path, row))
    );
}

function searchRowSql(s: SearchIndexDef, row: string): string {
    return `${row}.rowid, ${searchTextsSql(s, row).join(', ')}`;
}

function createSearchIndex(db: Db, s: SearchIndexDef): void {
    // Contentless: the index answers which rows match and nothing reads the text back from it.
    db.exec(
        `CREATE VIRTUAL TABLE ${q(s.table)} USING fts5(${s.columns.map((c) => q(c.name)).join(', ')}, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1)`
    );
    db.exec(
        `INSERT INTO ${q(s.table)} (rowid, ${s.columns.map((c) => q(c.name)).join(', ')}) SELECT ${searchRowSql(s, 't')} FROM ${q(s.object)} t`
    );
    // One b-tree per term instead of the bulk insert's segments: fewer lookups per search.
    db.exec(`INSERT INTO ${q(s.table)} (${q(s.table)}) VALUES ('optimize')`);
    db.exec(
        `CREATE TABLE ${q(searchTermsTable(s))} (term TEXT PRIMARY KEY) WITHOUT ROWID`
    );
    const vocab = q(`${s.table}_vocab`);
    db.exec(
        `CREATE VIRTUAL TABLE temp.${vocab} USING fts5vocab(main, ${q(s.table)}, 'row')`
    );
    db.exec(
        `INSERT INTO ${q(searchTermsTable(s))} SELECT term FROM temp.${vocab}`
    );
    db.exec(`DROP TABLE temp.${vocab}`);
    db.exec(
        `CREATE TABLE IF NOT EXISTS ${POSITIONS_TABLE} (n INTEGER PRIMARY KEY)`
    );
    const have = (
        db.prepare(`SELECT COUNT(*) AS n FROM ${POSITIONS_TABLE}`).get() as {
            n: number;
        }
    ).n;
    const insert = db.prepare(`INSERT INTO ${POSITIONS_TABLE} (n) VALUES (?)`);
    for (let n = have + 1; n <= searchTextLength(s) + 2; n++) insert.run(n);
}

function searchTriggers(s: SearchIndexDef): string[] {
    const cols = s.columns.map((c) => q(c.name)).join(', ');
    const own = s.columns
        .filter((c) => c.path.length === 1)
        .map((c) => q(c.path[0]));
    const refs = s.columns
        .filter((c) => c.path.length > 1)
        .map((c) => ({ column: c, path: resolvePath(s.object, c.path) }));
    const watched = [
        ...own,
        ...refs.map((r) => q((r.path.via as FieldDef).name))
    ];
    const insert = (row: string) =>
        `INSERT INTO ${q(s.table)} (rowid, ${cols}) VALUES (${searchRowSql(s, row)}); ${addTrigramsSql(s, searchTextsSql(s, row))}`;
    const remove = (row: string) =>
        `DELETE FROM ${q(s.table)} WHERE rowid = ${row}.rowid;`;
    const triggers = [
        `CREATE TRIGGER ${q(`${s.table}_insert`)} AFTER INSERT ON ${q(s.object)} BEGIN ${insert('new')} END`,
        `CREATE TRIGGER ${q(`${s.table}_delete`)} AFTER DELETE ON ${q(s.object)} BEGIN ${remove('old')} END`,
        `CREATE TRIGGER ${q(`${s.table}_update`)} AFTER UPDATE OF ${watched.join(', ')} ON ${q(s.object)} BEGIN ${remove('old')} ${insert('new')} END`
    ];
    // A related record's text (the end user's name) changes in every row that points to it: their
    // index entries are written again (a contentless index can't update one column).
    for (const { column, path } of refs) {
        const via = path.via as FieldDef;
        const pointing = (id: string) =>
            `SELECT rowid FROM ${q(s.object)} WHERE ${q(via.name)} = ${id}`;
        const rewrite = (id: string, text?: string) =>
            `DELETE FROM ${q(s.table)} WHERE rowid IN (${pointing(id)}); INSERT INTO ${q(s.table)} (rowid, ${cols}) SELECT ${searchRowSql(s, 't')} FROM ${q(s.object)} t WHERE t.${q(via.name)} = ${id};${text ? ` ${addTrigramsSql(s, [indexedTextSql(text)])}` : ''}`;
        const name = `${s.table}_${column.name}`;
        triggers.push(
            `CREATE TRIGGER ${q(`${name}_insert`)} AFTER INSERT ON ${q(path.target.apiName)} BEGIN ${rewrite('new."Id"', `new.${q(path.field.name)}`)} END`,
            `CREATE TRIGGER ${q(`${name}_update`)} AFTER UPDATE OF ${q(path.field.name)}, "Id" ON ${q(path.target.apiName)} BEGIN ${rewrite('old."Id"')} ${rewrite('new."Id"', `new.${q(path.field.name)}`)} END`,
            `CREATE TRIGGER ${q(`${name}_delete`)} AFTER DELETE ON ${q(path.target.apiName)} BEGIN ${rewrite('old."Id"')} END`
        );
    }
    return triggers;
}

// ---------------------------------------------------------------------------------------------
// Rollups
// ---------------------------------------------------------------------------------------------

/** A rollup's time buckets: UTC days (YYYY-MM-DD) or UTC hours (YYYY-MM-DDTHH). */
export type RollupGrain = 'day' | 'hour';
export const GRAIN_MS: Record<RollupGrain, number> = {
    day: 86_400_000,
    hour: 3_600_000
};
/** A bucket is this many leading characters of an ISO instant. */
const GRAIN_CHARS: Record<RollupGrain, number> = { day: 10, hour: 13 };

/** The bucket of an instant (ms) at a grain, as stored: a prefix of its ISO string. */
export function bucketOf(grain: RollupGrain, ms: number): string {
    return new Date(ms).toISOString().slice(0, GRAIN_CHARS[grain]);
}

export interface RollupDef {
    /** Table name prefix: one table per grain, `<table>_<grain>`. */
    table: string;
    object: string;
    /** Field paths the totals are kept per (at most one relationship hop). */
    dimensions: string[][];
    /** The DateTime path the totals are also kept per, by UTC day or hour. */
    time: string[];
    /** Coarsest first. A window is read from the coarsest buckets it covers whole, then finer ones. */
    grains: readonly RollupGrain[];
    /** Numeric fields of the object: count, sum, min and max are kept for each. */
    measures: string[];
}

/**
 * Totals per (status, owner, channel type, UTC start day): what the metrics panel's session
 * aggregates and the list's counts group and filter by. At a million sessions over 30 days that
 * is 21,000 rows. graphql.ts answers an aggregate from them when its filter only names these
 * fields plus a StartTime range: whole days come from the rollup, the partial days at a
 * window's ends from the raw rows (a range of idx_MessagingSession_window). Measured at 1M
 * sessions: the 30-day handled count read 780,000 index entries (1.2 s of CPU); from the
 * rollup, 21,000 rows and one partial day.
 *
 * Session metrics per type and their session's status, owner and start day and hour: the
 * panel's message-count and response-time aggregate joined 3.4 million metric rows to their
 * sessions (12 s of CPU at 1M). A partial day of sessions still joined 18,000 sessions to
 * their metrics (180 ms), hence hours too: the partial days are read as whole hours (112,000
 * hour rows in all, a window reads at most two days of them). Channel type is left out: per
 * hour it would make the rollup almost as large as the table (900,000 rows).
 */
export const ROLLUPS: readonly RollupDef[] = [
    {
        table: 'preview_rollup_MessagingSession',
        object: 'MessagingSession',
        dimensions: [['Status'], ['OwnerId'], ['ChannelType']],
        time: ['StartTime'],
        grains: ['day'],
        measures: [
            'MSC_WaitSeconds__c',
            'MSC_HandleSeconds__c',
            'AgentMessageCount',
            'EndUserMessageCount'
        ]
    },
    {
        table: 'preview_rollup_MessagingSessionMetrics',
        object: 'MessagingSessionMetrics',
        dimensions: [
            ['MessagingSessionMetricType'],
            ['MessagingSession', 'Status'],
            ['MessagingSession', 'OwnerId']
        ],
        time: ['MessagingSession', 'StartTime'],
        grains: ['day', 'hour'],
        measures: ['MessagingSessionMetricValue']
    }
];

export function rollupsOf(objectApiName: string): RollupDef[] {
    return ROLLUPS.filter((r) => r.object === objectApiName);
}

export const rollupTable = (r: RollupDef, grain: RollupGrain): string =>
    `${r.table}_${grain}`;
/** The rollup table's column for a dimension: the field's own name (unique within a rollup). */
export const rollupDimensionColumn = (path: string[]): string =>
    path[path.length - 1];
export const ROLLUP_BUCKET_COLUMN = 'preview_bucket';
export const ROLLUP_COUNT_COLUMN = 'preview_rows';
export type RollupFunction = 'count' | 'sum' | 'min' | 'max';
export const rollupMeasureColumn = (
    fn: RollupFunction,
    measure: string
): string => `preview_${fn}_${measure}`;
const ROLLUP_FUNCTIONS: readonly RollupFunction[] = [
    'count',
    'sum',
    'min',
    'max'
];

function rollupColumns(r: RollupDef): string[] {
    return [
        ...r.dimensions.map(rollupDimensionColumn),
        ROLLUP_BUCKET_COLUMN,
        ROLLUP_COUNT_COLUMN,
        ...r.measures.flatMap((m) =>
            ROLLUP_FUNCTIONS.map((fn) => rollupMeasureColumn(fn, m))
        )
    ];
}

/**
 * FROM clause of a rollup's source rows: the object (alias t) and its one relationship (p). The
 * relationship must be a required one (master-detail): every row has its master, so the join is
 * inner, and the master comes first (CROSS JOIN fixes the order): its indexes find the rows of
 * a group, and each master's details are one index range.
 */
function rollupSource(r: RollupDef): {
    from: string;
    expr: (path: string[]) => string;
} {
    const joins = new Map<string, ResolvedPath>();
    for (const path of [...r.dimensions, r.time]) {
        const p = resolvePath(r.object, path);
        if (p.via) joins.set(p.via.name, p);
    }
    const join = [...joins.values()][0];
    if (joins.size > 1 || (join && join.via?.nillable !== false))
        throw new Error(`${r.table}: one required relationship at most`);
    return {
        from: join
            ? `${q(join.target.apiName)} p CROSS JOIN ${q(r.object)} t ON t.${q((join.via as FieldDef).name)} = p."Id"`
            : `${q(r.object)} t`,
        expr: (path) => {
            const p = resolvePath(r.object, path);
            return `${p.via ? 'p' : 't'}.${q(p.field.name)}`;
        }
    };
}

/** SELECT of a rollup's rows at a grain, from its source rows matching `where`. */
function rollupSelectSql(
    r: RollupDef,
    grain: RollupGrain,
    where: string
): string {
    const src = rollupSource(r);
    const dims = r.dimensions.map(src.expr);
    const bucket = `substr(${src.expr(r.time)}, 1, ${GRAIN_CHARS[grain]})`;
    const measures = r.measures.flatMap((m) => [
        `COUNT(t.${q(m)})`,
        `SUM(t.${q(m)})`,
        `MIN(t.${q(m)})`,
        `MAX(t.${q(m)})`
    ]);
    const keys = [...dims, bucket];
    return `SELECT ${[...keys, 'COUNT(*)', ...measures].join(', ')} FROM ${src.from} WHERE ${where} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

/** A coarser grain's rows from a finer grain's table: the same totals, added up. */
function rollupRegroupSql(
    r: RollupDef,
    grain: RollupGrain,
    finer: RollupGrain
): string {
    const dims = r.dimensions.map((p) => q(rollupDimensionColumn(p)));
    const keys = [
        ...dims,
        `substr(${q(ROLLUP_BUCKET_COLUMN)}, 1, ${GRAIN_CHARS[grain]})`
    ];
    const measures = r.measures.flatMap((m) =>
        ROLLUP_FUNCTIONS.map((fn) => {
            const col = q(rollupMeasureColumn(fn, m));
            return fn === 'min'
                ? `MIN(${col})`
                : fn === 'max'
                  ? `MAX(${col})`
                  : `SUM(${col})`;
        })
    );
    return `SELECT ${[...keys, `SUM(${q(ROLLUP_COUNT_COLUMN)})`, ...measures].join(', ')} FROM ${q(rollupTable(r, finer))} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

function createRollup(db: Db, r: RollupDef): void {
    const finest = r.grains[r.grains.length - 1];
    for (const grain of [...r.grains].reverse()) {
        const table = q(rollupTable(r, grain));
        db.exec(
            `CREATE TABLE ${table} (${rollupColumns(r).map(q).join(', ')})`
        );
        db.exec(
            `CREATE INDEX ${q(`${rollupTable(r, grain)}_key`)} ON ${table} (${[...r.dimensions.map(rollupDimensionColumn), ROLLUP_BUCKET_COLUMN].map(q).join(', ')})`
        );
        db.exec(
            `INSERT INTO ${table} ${grain === finest ? rollupSelectSql(r, grain, '1') : rollupRegroupSql(r, grain, finest)}`
        );
    }
}

/** SQL of the bucket that follows `bucket` (a bucket string, or NULL). */
function nextBucketSql(grain: RollupGrain, bucket: string): string {
    return grain === 'day'
        ? `date(${bucket}, '+1 day')`
        : `strftime('%Y-%m-%dT%H', ${bucket} || ':00', '+1 hour')`;
}

/**
 * Statements that recompute the rollup rows of one group at every grain, from the source rows:
 * `fixed` gives each dimension's value as SQL (null leaves it free: every value is recomputed),
 * `instant` an instant in the group's bucket. Recomputing rather than adding and subtracting
 * keeps min and max right when a row leaves a group; a group is one owner's sessions of a day.
 */
function rebuildGroupSql(
    r: RollupDef,
    fixed: Array<string | null>,
    instant: string
): string[] {
    const src = rollupSource(r);
    const time = src.expr(r.time);
    const dimsIn = (expr: (i: number) => string) =>
        r.dimensions
            .map((_, i) =>
                fixed[i] == null ? null : `${expr(i)} IS ${fixed[i]}`
            )
            .filter((c): c is string => c !== null);
    const sourceDims = dimsIn((i) => src.expr(r.dimensions[i]));
    return r.grains.flatMap((grain) => {
        const table = q(rollupTable(r, grain));
        const bucket = `substr(${instant}, 1, ${GRAIN_CHARS[grain]})`;
        const deleteWhere = [
            ...dimsIn((i) => q(rollupDimensionColumn(r.dimensions[i]))),
            `${q(ROLLUP_BUCKET_COLUMN)} IS ${bucket}`
        ];
        // Two inserts, so that each is a plain index range: no instant, or [bucket, next bucket).
        const noTime = [`${instant} IS NULL`, `${time} IS NULL`, ...sourceDims];
        const inBucket = [
            `${time} >= ${bucket}`,
            `${time} < ${nextBucketSql(grain, bucket)}`,
            ...sourceDims
        ];
        return [
            `DELETE FROM ${table} WHERE ${deleteWhere.join(' AND ')};`,
            `INSERT INTO ${table} ${rollupSelectSql(r, grain, noTime.join(' AND '))};`,
            `INSERT INTO ${table} ${rollupSelectSql(r, grain, inBucket.join(' AND '))};`
        ];
    });
}

function rollupTriggers(r: RollupDef): string[] {
    const triggers: string[] = [];
    const own = (path: string[]) => path.length === 1;
    const ownFields = new Set<string>([
        ...r.measures,
        ...[...r.dimensions, r.time].filter(own).map((p) => p[0])
    ]);
    const refs = [...r.dimensions, r.time].filter((p) => !own(p));
    const viaField = refs.length
        ? (resolvePath(r.object, refs[0]).via as FieldDef)
        : null;
    if (viaField) ownFields.add(viaField.name);
    // A row's group, as SQL over a trigger row of the object itself.
    const rebuild = (row: string) =>
        rebuildGroupSql(
            r,
            r.dimensions.map((p) => pathValueSql(r.object, p, row)),
            pathValueSql(r.object, r.time, row)
        ).join(' ');
    const name = (suffix: string) => q(`${r.table}_${suffix}`);
    triggers.push(
        `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${q(r.object)} BEGIN ${rebuild('new')} END`,
        `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${q(r.object)} BEGIN ${rebuild('old')} END`,
        `CREATE TRIGGER ${name('update')} AFTER UPDATE OF ${[...ownFields].map(q).join(', ')} ON ${q(r.object)} BEGIN ${rebuild('old')} ${rebuild('new')} END`
    );
    if (viaField) {
        // The master's fields (a session's status, owner, start) are dimensions too: when they
        // change, the groups of every detail row pointing to it move.
        const target = resolvePath(r.object, refs[0]).target;
        const related = (row: string): string =>
            rebuildGroupSql(
                r,
                r.dimensions.map((p) => (own(p) ? null : `${row}.${q(p[1])}`)),
                `${row}.${q(r.time[1])}`
            ).join(' ');
        triggers.push(
            `CREATE TRIGGER ${name('related_update')} AFTER UPDATE OF ${[...refs.map((p) => p[1]), 'Id'].map(q).join(', ')} ON ${q(target.apiName)} BEGIN ${related('old')} ${related('new')} END`,
            `CREATE TRIGGER ${name('related_insert')} AFTER INSERT ON ${q(target.apiName)} BEGIN ${related('new')} END`,
            `CREATE TRIGGER ${name('related_delete')} AFTER DELETE ON ${q(target.apiName)} BEGIN ${related('old')} END`
        );
    }
    return triggers;
}

// ---------------------------------------------------------------------------------------------
// Schema, bulk load, open
// ---------------------------------------------------------------------------------------------

export function createSchema(db: Db): void {
    db.exec(
        'CREATE TABLE IF NOT EXISTS preview_meta (key TEXT PRIMARY KEY, value TEXT)'
    );
    for (const o of OBJECTS) {
        const cols = o.fields.map((f) =>
            f.name === 'Id'
                ? `${q('Id')} TEXT PRIMARY KEY`
                : `${q(f.name)} ${sqlType(f)}`
        );
        db.exec(
            `CREATE TABLE IF NOT EXISTS ${q(o.apiName)} (${cols.join(', ')})`
        );
    }
}

/** What a derived table is built from: a database built from another definition rebuilds it. */
type DerivedDef = SearchIndexDef | SearchFacetsDef | RollupDef;
const signature = (def: DerivedDef): string =>
    JSON.stringify({ def, version: 3 });
const signatureKey = (def: DerivedDef): string => `derived:${def.table}`;

function names(db: Db, type: string): Set<string> {
    return new Set(
        (
            db
                .prepare('SELECT name FROM sqlite_master WHERE type = ?')
                .all(type) as Array<{ name: string }>
        ).map((r) => r.name)
    );
}

/**
 * Brings indexes, search index, rollups and their triggers up to date: what a bulk load skipped,
 * or what an older preview's database lacks. Idempotent; returns how many structures it built.
 * Runs in one transaction: the triggers never exist without what they maintain.
 */
export function createIndexes(db: Db): number {
    let created = 0;
    db.transaction(() => {
        const existing = new Map(
            (
                db
                    .prepare(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                    )
                    .all() as Array<{ name: string; sql: string | null }>
            ).map((r) => [r.name, r.sql])
        );
        const wanted = new Map(
            INDEXES.map((i) => [
                i.name,
                `CREATE INDEX ${q(i.name)} ON ${q(i.table)} (${i.columns.map((c) => indexColumnSql(i.table, c)).join(', ')})`
            ])
        );
        // An index from an older preview, or defined otherwise then, goes.
        for (const [name, sql] of existing) {
            if (name.startsWith('idx_') && wanted.get(name) !== sql) {
                db.exec(`DROP INDEX ${q(name)}`);
                existing.delete(name);
            }
        }
        for (const [name, sql] of wanted) {
            if (existing.has(name)) continue;
            db.exec(sql);
            created++;
        }
        // Triggers are dropped first: a bulk load must not fire them, and definitions change.
        for (const name of names(db, 'trigger'))
            if (name.startsWith('preview_')) db.exec(`DROP TRIGGER ${q(name)}`);
        const tables = names(db, 'table');
        const current = (def: DerivedDef) =>
            getMeta(db, signatureKey(def)) === signature(def);
        for (const s of SEARCH_INDEXES) {
            if (current(s) && tables.has(s.table)) continue;
            db.exec(`DROP TABLE IF EXISTS ${q(searchTermsTable(s))}`);
            db.exec(`DROP TABLE IF EXISTS ${q(s.table)}`);
            createSearchIndex(db, s);
            setMeta(db, signatureKey(s), signature(s));
            created++;
        }
        for (const f of SEARCH_FACETS) {
            if (current(f) && tables.has(f.table)) continue;
            db.exec(`DROP TABLE IF EXISTS ${q(f.table)}`);
            createSearchFacets(db, f);
            setMeta(db, signatureKey(f), signature(f));
            created++;
        }
        for (const r of ROLLUPS) {
            const grains = r.grains.map((g) => rollupTable(r, g));
            if (current(r) && grains.every((t) => tables.has(t))) continue;
            for (const t of grains) db.exec(`DROP TABLE IF EXISTS ${q(t)}`);
            createRollup(db, r);
            setMeta(db, signatureKey(r), signature(r));
            created++;
        }
        for (const sql of [
            ...SEARCH_INDEXES.flatMap(searchTriggers),
            ...SEARCH_FACETS.flatMap(searchFacetTriggers),
            ...ROLLUPS.flatMap(rollupTriggers)
        ])
            db.exec(sql);
        // Statistics for the planner; sampled (analysis_limit), which is what a large table needs.
        if (created) {
            db.pragma('analysis_limit = 1000');
            db.exec('ANALYZE');
        }
    })();
    return created;
}

/**
 * What the console's first requests read, most needed first: the search facets and the rollups
 * (read whole by broad searches and by the metrics), the first list page's sort index and the
 * owner, window and backlog indexes (my sessions, metrics, backlog), then the other sort indexes.
 */
interface WarmUpItem {
    table: string;
    index?: string;
}
const WARM_UP: readonly WarmUpItem[] = [
    ...SEARCH_FACETS.map((f): WarmUpItem => ({ table: f.table })),
    ...SEARCH_INDEXES.map((s): WarmUpItem => ({ table: searchTermsTable(s) })),
    ...ROLLUPS.flatMap((r) =>
        r.grains.map((g): WarmUpItem => ({ table: rollupTable(r, g) }))
    ),
    ...[
        'idx_MessagingSession_sort_StartTime',
        'idx_MessagingSession_owner',
        'idx_MessagingSession_window',
        'idx_MessagingSession_backlog',
        ...INDEXES.filter((i) => i.name.includes('_sort_')).map((i) => i.name)
    ].map((name) => ({
        table: (INDEXES.find((i) => i.name === name) as IndexDef).table,
        index: name
    })),
    // Last, the sessions themselves: a page filtered on the owner checks it on each row it
    // passes along the sort index (my sessions' first page: some 1,800 rows, cold from disk).
    { table: 'MessagingSession' }
].filter(
    (w, i, all) =>
        all.findIndex((o) => o.index === w.index && o.table === w.table) === i
);

/**
 * Reads the tables and indexes of WARM_UP into the operating system's page cache (every page of
 * each: a count along it), so that the first requests after the server starts don't each wait
 * for the disk: at a million sessions, the first list page of my sessions took 600 ms cold,
 * a broad search's counts 470 ms. Stops once `budgetMs` is spent; returns the time it took and
 * what it read, for the start-up figure.
 */
export function warmUp(
    db: Db,
    budgetMs = 5000
): { ms: number; read: number; of: number } {
    const started = performance.now();
    const tables = names(db, 'table');
    const indexes = names(db, 'index');
    let read = 0;
    for (const w of WARM_UP) {
        if (performance.now() - started > budgetMs) break;
        if (!tables.has(w.table) || (w.index && !indexes.has(w.index)))
            continue;
        // COUNT(*) alone counts along the table's smallest index: INDEXED BY with a WHERE reads
        // the index named, NOT INDEXED the table.
        db.prepare(
            w.index
                ? `SELECT COUNT(*) FROM ${q(w.table)} INDEXED BY ${q(w.index)} WHERE +rowid IS NOT NULL`
                : `SELECT COUNT(*) FROM ${q(w.table)} NOT INDEXED`
        ).get();
        read++;
    }
    return { ms: performance.now() - started, read, of: WARM_UP.length };
}

/** Drops the triggers before a bulk load (createIndexes puts them back): rows are indexed once, after. */
export function startBulkLoad(db: Db): void {
    for (const name of names(db, 'trigger'))
        if (name.startsWith('preview_')) db.exec(`DROP TRIGGER ${q(name)}`);
}

const rowCounts = new WeakMap<Db, Map<string, number>>();

/** A table's row count as ANALYZE measured it (0 when unknown): for choosing between plans. */
export function estimatedRows(db: Db, table: string): number {
    let counts = rowCounts.get(db);
    if (!counts) rowCounts.set(db, (counts = new Map()));
    let n = counts.get(table);
    if (n === undefined) {
        try {
            const row = db
                .prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1')
                .get(table) as { stat: string } | undefined;
            n = row ? Number.parseInt(row.stat, 10) || 0 : 0;
        } catch {
            n = 0; // no sqlite_stat1 yet
        }
        counts.set(table, n);
    }
    return n;
}

export function openDatabase(
    path: string,
    options: { readonly?: boolean; wal?: boolean } = {}
): Db {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { readonly: options.readonly ?? false });
    if (!options.readonly && options.wal !== false) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
    }
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Reads straight from the OS page cache instead of copying pages into SQLite's own cache.
    db.pragma('mmap_size = 4294967296');
    return db;
}

export function getMeta(db: Db, key: string): string | undefined {
    try {
        const row = db
            .prepare('SELECT value FROM preview_meta WHERE key = ?')
            .get(key) as { value: string } | undefined;
        return row?.value;
    } catch {
        return undefined;
    }
}

export function setMeta(db: Db, key: string, value: string): void {
    db.prepare(
        'INSERT OR REPLACE INTO preview_meta (key, value) VALUES (?, ?)'
    ).run(key, value);
}
