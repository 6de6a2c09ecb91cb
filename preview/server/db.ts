/**
 * The preview org's SQLite database: tables generated from the object descriptions in metadata.ts,
 * one column per field (named like the field), plus the indexes the list filters, sorts and the
 * metric aggregates need.
 */
import Database from 'better-sqlite3';
import type { Database as DatabaseType } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OBJECTS, q, sqlType } from './metadata';

export type Db = DatabaseType;

const INDEXES: Array<[string, string[]]> = [
    ['MessagingSession', ['StartTime']],
    ['MessagingSession', ['EndTime']],
    ['MessagingSession', ['CreatedDate']],
    ['MessagingSession', ['LastModifiedDate']],
    ['MessagingSession', ['Status', 'StartTime']],
    // Covering indexes for the metrics panel's aggregates. Window first: narrow windows are a range scan.
    [
        'MessagingSession',
        [
            'Status',
            'EndTime',
            'OwnerId',
            'ChannelType',
            'MSC_WaitSeconds__c',
            'MSC_HandleSeconds__c',
            'AgentMessageCount',
            'EndUserMessageCount',
            'Id'
        ]
    ],
    // Covering index for the metrics panel's aggregates: ended (or open) sessions per owner, in a window, with the measures.
    // Owner before EndTime: GROUP BY OwnerId reads it in order, and narrow windows skip-scan the 25 owners.
    [
        'MessagingSession',
        [
            'Status',
            'OwnerId',
            'EndTime',
            'ChannelType',
            'MSC_WaitSeconds__c',
            'MSC_HandleSeconds__c',
            'AgentMessageCount',
            'EndUserMessageCount',
            'Id'
        ]
    ],
    ['MessagingSession', ['ChannelType']],
    ['MessagingSession', ['Origin']],
    ['MessagingSession', ['AgentType']],
    ['MessagingSession', ['Name']],
    ['MessagingSession', ['MessagingEndUserId']],
    ['MessagingSession', ['MessagingChannelId']],
    ['MessagingSession', ['CaseId']],
    ['MessagingSession', ['EndUserContactId']],
    ['MessagingSession', ['EndUserAccountId']],
    ['MessagingSession', ['LeadId']],
    ['MessagingSessionHistory', ['MessagingSessionId', 'CreatedDate']],
    ['MessagingSessionFeed', ['ParentId', 'CreatedDate']],
    [
        'MessagingSessionMetrics',
        [
            'MessagingSessionId',
            'MessagingSessionMetricType',
            'MessagingSessionMetricValue'
        ]
    ],
    ['MessagingSessionMetrics', ['MessagingSessionMetricType']],
    ['MessagingEndUser', ['Name']],
    ['MessagingEndUser', ['ContactId']],
    ['MessagingEndUser', ['AccountId']],
    ['MessagingEndUser', ['LeadId']],
    ['User', ['Name']],
    ['GroupMember', ['GroupId']],
    ['GroupMember', ['UserOrGroupId']],
    ['Contact', ['AccountId']]
];

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

export function createIndexes(db: Db): number {
    const existing = new Set(
        (
            db
                .prepare("SELECT name FROM sqlite_master WHERE type = 'index'")
                .all() as Array<{ name: string }>
        ).map((r) => r.name)
    );
    let created = 0;
    const wanted = new Set(
        INDEXES.map(([table, cols]) => `idx_${table}_${cols.join('_')}`)
    );
    for (const name of existing) {
        if (name.startsWith('idx_') && !wanted.has(name))
            db.exec(`DROP INDEX ${q(name)}`); // from an older preview
    }
    for (const [table, cols] of INDEXES) {
        const name = `idx_${table}_${cols.join('_')}`;
        if (existing.has(name)) continue;
        db.exec(
            `CREATE INDEX ${q(name)} ON ${q(table)} (${cols.map(q).join(', ')})`
        );
        created++;
    }
    if (created) db.exec('ANALYZE');
    return created;
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
