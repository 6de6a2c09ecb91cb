/**
 * Times representative GraphQL requests against a seeded database (server side only, no HTTP):
 * the metrics aggregates and the session list's first page.
 * npx tsx preview/server/perf.ts --db path [--runs 5]
 */
import { resolve } from 'node:path';
import { getMeta, openDatabase } from './db';
import { executeGraphql, getSchema } from './graphql';
import { DEFAULT_DB_PATH, parseArgs } from './seed';

export const PERF_QUERIES: Record<string, string> = {
    'aggregate: per agent, last 30 days (count, avg/max wait, avg handle)': `{ uiapi { aggregate { MessagingSession(
        where: { StartTime: { gte: { range: { last_n_days: 30 } } } }, groupBy: { OwnerId: { group: true } }, first: 200) {
        edges { node { aggregate { OwnerId { value } Id { count { value } } WaitSeconds__c { avg { value } max { value } } HandleSeconds__c { avg { value } } } } } } } } }`,
    'aggregate: open work by status and agent': `{ uiapi { aggregate { MessagingSession(
        where: { Status: { in: ["Active", "Waiting", "Paused"] } }, groupBy: { OwnerId: { group: true }, Status: { group: true } }, first: 2000) {
        edges { node { aggregate { OwnerId { value } Status { value } Id { count { value } } } } } } } } }`,
    'aggregate: whole org today (no groupBy)': `{ uiapi { aggregate { MessagingSession(where: { StartTime: { eq: { literal: TODAY } } }) {
        edges { node { aggregate { Id { count { value } } WaitSeconds__c { avg { value } } HandleSeconds__c { avg { value } } } } } } } } }`,
    'aggregate: metrics rows by type, last 7 days': `{ uiapi { aggregate { MessagingSessionMetrics(
        where: { CreatedDate: { gte: { range: { last_n_days: 7 } } } }, groupBy: { MessagingSessionMetricType: { group: true } }) {
        edges { node { aggregate { MessagingSessionMetricType { value } MessagingSessionMetricValue { avg { value } } } } } } } } }`,
    'list: first 50 by StartTime DESC with totalCount + status counts': `{ uiapi {
        query { MessagingSession(first: 50, orderBy: { StartTime: { order: DESC, nulls: LAST } }) {
            edges { node { Id Name { value } Status { value displayValue } StartTime { value } Owner { ... on User { Name { value } } } MessagingEndUser { Name { value } } } cursor }
            pageInfo { hasNextPage endCursor } totalCount } }
        aggregate { MessagingSession(groupBy: { Status: { group: true } }) { edges { node { aggregate { Status { value } Id { count { value } } } } } } } } }`
};

export async function timeQueries(
    dbPath: string,
    runs = 5
): Promise<Array<{ name: string; medianMs: number; sqlMs: number }>> {
    const db = openDatabase(dbPath);
    getSchema();
    const out: Array<{ name: string; medianMs: number; sqlMs: number }> = [];
    for (const [name, query] of Object.entries(PERF_QUERIES)) {
        const times: number[] = [];
        let sqlMs = 0;
        for (let i = 0; i < runs + 1; i++) {
            const t = performance.now();
            const r = await executeGraphql(db, { query });
            const body = r.body as { errors?: Array<{ message: string }> };
            if (body.errors?.length)
                throw new Error(`${name}: ${body.errors[0].message}`);
            if (i > 0) {
                times.push(performance.now() - t);
                sqlMs += r.sqlMs;
            }
        }
        times.sort((a, b) => a - b);
        out.push({
            name,
            medianMs: times[Math.floor(times.length / 2)],
            sqlMs: sqlMs / runs
        });
    }
    console.log(`${dbPath}: ${getMeta(db, 'sessions')} sessions`);
    db.close();
    return out;
}

if (require.main === module) {
    const args = parseArgs(process.argv.slice(2));
    const path =
        typeof args.db === 'string' ? resolve(args.db) : DEFAULT_DB_PATH;
    const runs = typeof args.runs === 'string' ? Number(args.runs) : 5;
    timeQueries(path, runs).then((rows) => {
        for (const r of rows)
            console.log(
                `${r.medianMs.toFixed(1).padStart(9)} ms (sql ${r.sqlMs.toFixed(1)} ms)  ${r.name}`
            );
    });
}
