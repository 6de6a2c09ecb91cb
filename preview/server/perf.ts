/**
 * Times representative GraphQL requests against a seeded database (server side only, no HTTP):
 * the metrics aggregates and the session list's first page.
 * npx tsx preview/server/perf.ts --db path [--runs 5]
 */
import { resolve } from 'node:path';
import { getMeta, openDatabase } from './db';
import { executeGraphql, getSchema } from './graphql';
import { DEFAULT_DB_PATH, parseArgs } from './seed';

const HANDLED = `aggregate { OwnerId { value } Id { count { value } } MSC_WaitSeconds__c { avg { value } max { value } count { value } }
    MSC_HandleSeconds__c { avg { value } max { value } count { value } } AgentMessageCount { sum { value } count { value } } EndUserMessageCount { sum { value } count { value } } }`;

/** The metrics panel's request (agentMetricsPanel, issue 5), as documented in /work/facts/preview-metrics.md. */
export const METRICS_QUERY = `query agentMetrics($handledWhere: MessagingSession_Filter, $openWhere: MessagingSession_Filter, $ownersWhere: User_Filter, $responseWhere: MessagingSessionMetrics_Filter) {
    uiapi {
        aggregate {
            MessagingSession(where: $handledWhere, groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { ${HANDLED} } } pageInfo { hasNextPage } }
            byChannel: MessagingSession(where: $handledWhere, groupBy: { OwnerId: { group: true }, ChannelType: { group: true } }, first: 2000) {
                edges { node { aggregate { OwnerId { value } ChannelType { value } Id { count { value } } } } } pageInfo { hasNextPage } }
            openNow: MessagingSession(where: $openWhere, groupBy: { OwnerId: { group: true }, Status: { group: true } }, first: 2000) {
                edges { node { aggregate { OwnerId { value } Status { value } Id { count { value } } } } } pageInfo { hasNextPage } }
            MessagingSessionMetrics(where: $responseWhere, groupBy: { MessagingSession: { OwnerId: { group: true } } }, first: 2000) {
                edges { node { aggregate { MessagingSession { OwnerId { value } } MessagingSessionMetricValue { avg { value } count { value } } } } } }
        }
        query { User(where: $ownersWhere, first: 2000) { edges { node { Id Name { value } } } } }
    }
}`;

/** Team-scope variables for a window of the last `days` days (UTC midnights), as the panel builds them. */
export function metricsVariables(
    days: number,
    now = Date.now()
): Record<string, unknown> {
    const day = 86_400_000;
    const to = new Date(Math.floor(now / day) * day + day).toISOString();
    const from = new Date(Date.parse(to) - days * day).toISOString();
    const handledWhere = {
        and: [
            { Status: { eq: 'Ended' } },
            { EndTime: { gte: { value: from }, lt: { value: to } } }
        ]
    };
    const openWhere = { Status: { in: ['Active', 'Waiting', 'Paused'] } };
    return {
        handledWhere,
        openWhere,
        ownersWhere: {
            Id: {
                inq: {
                    MessagingSession: { or: [handledWhere, openWhere] },
                    ApiName: 'OwnerId'
                }
            }
        },
        responseWhere: {
            and: [
                {
                    MessagingSessionMetricType: {
                        eq: 'AverageAgentResponseTime'
                    }
                },
                { MessagingSession: handledWhere }
            ]
        }
    };
}

const LIST_QUERY = `query messagingSessionList($where: MessagingSession_Filter, $countWhere: MessagingSession_Filter, $orderBy: MessagingSession_OrderBy, $first: Int, $after: String, $upperBound: Int) {
    uiapi {
        query { MessagingSession(where: $where, orderBy: $orderBy, first: $first, after: $after, upperBound: $upperBound) {
            edges { node { Id Name { value } Status { value displayValue } ChannelType { value displayValue } ChannelName { value } AgentType { value displayValue }
                Origin { value displayValue } StartTime { value } AcceptTime { value } EndTime { value } PreviewDetails { value }
                Owner { ... on User { Name { value } } } MessagingEndUser { Name { value } } Case { CaseNumber { value } } } cursor }
            pageInfo { hasNextPage endCursor } totalCount } }
        aggregate { MessagingSession(where: $countWhere, groupBy: { Status: { group: true } }) { edges { node { aggregate { Status { value } Id { count { value } } } } } } }
    }
}`;

export const PERF_QUERIES: Record<
    string,
    { query: string; variables?: Record<string, unknown> }
> = {
    'metrics panel, team, today': {
        query: METRICS_QUERY,
        variables: metricsVariables(1)
    },
    'metrics panel, team, last 7 days': {
        query: METRICS_QUERY,
        variables: metricsVariables(7)
    },
    'metrics panel, team, last 30 days': {
        query: METRICS_QUERY,
        variables: metricsVariables(30)
    },
    'session list, first page (50, StartTime DESC) + totalCount + status counts':
        {
            query: LIST_QUERY,
            variables: {
                where: {},
                countWhere: {},
                orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } },
                first: 50,
                after: null,
                upperBound: null
            }
        },
    'session list, open statuses + search': {
        query: LIST_QUERY,
        variables: {
            where: {
                and: [
                    { Status: { in: ['Waiting', 'Active'] } },
                    {
                        or: [
                            { Name: { like: '%MS-0000%' } },
                            { SessionKey: { like: '%MS-0000%' } },
                            {
                                MessagingEndUser: {
                                    Name: { like: '%MS-0000%' }
                                }
                            }
                        ]
                    }
                ]
            },
            countWhere: {
                or: [
                    { Name: { like: '%MS-0000%' } },
                    { SessionKey: { like: '%MS-0000%' } },
                    { MessagingEndUser: { Name: { like: '%MS-0000%' } } }
                ]
            },
            orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } },
            first: 50,
            after: null,
            upperBound: null
        }
    }
};

export async function timeQueries(
    dbPath: string,
    runs = 5
): Promise<Array<{ name: string; medianMs: number; sqlMs: number }>> {
    const db = openDatabase(dbPath);
    getSchema();
    const out: Array<{ name: string; medianMs: number; sqlMs: number }> = [];
    for (const [name, { query, variables }] of Object.entries(PERF_QUERIES)) {
        const times: number[] = [];
        let sqlMs = 0;
        for (let i = 0; i < runs + 1; i++) {
            const t = performance.now();
            const r = await executeGraphql(db, { query, variables });
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
