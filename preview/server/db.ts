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
    ['MessagingSession', ['OwnerId', 'Status']],
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
    ['MessagingSessionMetrics', ['MessagingSessionId']],
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

export function createIndexes(db: Db): void {
    for (const [table, cols] of INDEXES) {
        const name = `idx_${table}_${cols.join('_')}`;
        db.exec(
            `CREATE INDEX IF NOT EXISTS ${q(name)} ON ${q(table)} (${cols.map(q).join(', ')})`
        );
    }
    db.exec('ANALYZE');
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
