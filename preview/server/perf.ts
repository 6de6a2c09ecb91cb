/**
 * The console's GraphQL requests at scale: built by the components' own code (the query
 * documents of their modules, the variables from their exported builders) and timed against a
 * seeded database, in this process (the CLI below) or over HTTP (`npm run bench`).
 *
 * Cases are what a user does: refresh the metrics panel for a window, a scope and a time zone
 * (the panel's four or five documents), open the session list's first page under a sort, or
 * search it; refresh the supervisor backlog, for every queue or for queues chosen by API name.
 * Each case runs several times: its typical time is the median run, its worst the
 * slowest run, cold ones included.
 *
 *   npx tsx preview/server/perf.ts [--db path] [--runs 5] [--only metrics|list|search|backlog]
 */
import { join, resolve } from 'node:path';
import { installScopedModules } from '../../scripts/bench/lwcScopedModules';
import {
    BACKLOG_DOCUMENT,
    QUEUE_LOOKUP_DOCUMENT
} from '../../force-app/main/default/lwc/messagingBacklog/backlogDocuments';
import {
    CORE_DOCUMENT,
    HANDLE_TIMES_DOCUMENT,
    QUEUE_NAMES_DOCUMENT,
    SESSION_METRICS_DOCUMENT,
    WAIT_TIMES_DOCUMENT
} from '../../force-app/main/default/lwc/messagingAgentMetrics/metricsQueries';
import { SESSION_LIST_DOCUMENT } from '../../force-app/main/default/lwc/messagingSessionList/sessionListDocument';

/** The components' documents these cases send (the backlog's figures-only document is not a case). */
export const MEASURED_DOCUMENTS: readonly string[] = [
    SESSION_LIST_DOCUMENT,
    CORE_DOCUMENT,
    WAIT_TIMES_DOCUMENT,
    HANDLE_TIMES_DOCUMENT,
    SESSION_METRICS_DOCUMENT,
    QUEUE_NAMES_DOCUMENT,
    QUEUE_LOOKUP_DOCUMENT,
    BACKLOG_DOCUMENT
];
import { getMeta, openDatabase, warmUp } from './db';
import { executeGraphql, getSchema } from './graphql';
import { CURRENT_USER_ID, DEFAULT_DB_PATH, parseArgs } from './seed';

const LWC_DIR = resolve(__dirname, '../../force-app/main/default/lwc');

export interface GraphqlBody {
    query: string;
    variables: Record<string, unknown>;
}

/** Sends a request; resolves with its server time (ms) and data, rejects when it has errors. */
export type Send = (
    body: GraphqlBody
) => Promise<{ ms: number; data: unknown }>;

export type CaseGroup = 'metrics' | 'list' | 'search' | 'backlog';

export interface PerfCase {
    group: CaseGroup;
    /** Stable, for reports/bench.json: e.g. `metrics.last30.team`, `list.all.startTime.DESC`. */
    name: string;
    /** What else varies between runs of the same measure (a time zone); '' when nothing. */
    variant: string;
    /** Sends the requests the component sends for it, in its order; resolves with their times. */
    run(send: Send): Promise<number[]>;
}

// The exported builders of the components' pure modules, as far as the cases use them.
type Filter = Record<string, unknown>;
interface ModelModule {
    startTimeWindowFilter(
        window: unknown,
        customFrom?: string | null,
        customTo?: string | null,
        options?: { now?: number; timeZone?: string }
    ): Filter | null;
}
interface MetricsModule {
    buildMetricsVariables(
        windowFilter: Filter,
        input: { scope: string; userId: string }
    ): Filter;
    durationVariables(variables: Filter): Filter;
    listedUserIds(core: unknown): string[];
    sessionMetricsVariables(
        windowFilter: Filter,
        input: {
            scope: string;
            userId: string;
            teamUserIds?: readonly string[] | null;
            includeResponseTimes: boolean;
        }
    ): Filter | null;
    queueNamesVariables(windowFilter: Filter): Filter;
}
interface ListModule {
    SORT_COLUMNS: ReadonlyArray<{ key: string }>;
    emptyFilters(): Filter;
    buildVariables(options: {
        filters: Filter;
        userId: string | null;
        sortKey: unknown;
        sortDirection: unknown;
        page: { first: number; upperBound: number | null };
        after: string | null;
        now?: number;
    }): Filter;
}
interface ListSettingsModule {
    DEFAULT_PAGE_SIZE: number;
}

interface BacklogModule {
    DEFAULT_WAIT_TARGET_SECONDS: number;
    buildBacklogVariables(input: {
        now: number;
        targetSeconds: number;
        queueIds: readonly string[];
    }): Filter;
    buildQueueLookupVariables(queueNames: readonly string[]): Filter;
}

function componentModule<T>(component: string, module: string): T {
    installScopedModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time, outside this tsconfig
    return require(join(LWC_DIR, component, module)) as T;
}

export interface CaseOptions {
    userId?: string;
    now?: number;
    /** Time zones the metrics windows are computed in (the first is the preview user's). */
    timeZones?: string[];
    searches?: string[];
    groups?: CaseGroup[];
}

/** The preview user's zone (lightning-base-components' i18n), then zones that cut days at odd hours. */
export const TIME_ZONES = [
    'America/Los_Angeles',
    'Asia/Kolkata', // UTC+05:30: windows start on the half hour
    'America/Noronha' // UTC-02:00: a window's first day is 22 hours of a UTC day
];

/**
 * Searches as people type them: a last name, a name with an accent, a session number, a session
 * key fragment, words with a space, two characters; then the broad ones that match much of the
 * org (an area code in every other phone number, the prefix of every session name).
 */
export const SEARCHES = [
    'Okafor',
    'García',
    'MS-0001234',
    'a1b2',
    'Guest 12',
    'zq',
    '555',
    'MS-'
];

function metricsCases(
    model: ModelModule,
    userId: string,
    now: number,
    timeZones: string[]
): PerfCase[] {
    const metrics = componentModule<MetricsModule>(
        'messagingAgentMetrics',
        'metricsVariables'
    );
    const cases: PerfCase[] = [];
    for (const window of ['today', 'last7', 'last30'])
        for (const scope of ['me', 'team', 'all'])
            for (const timeZone of timeZones) {
                const filter = model.startTimeWindowFilter(window, null, null, {
                    now,
                    timeZone
                }) as Filter;
                cases.push({
                    group: 'metrics',
                    name: `metrics.${window}.${scope}`,
                    variant: timeZone,
                    // The panel's wires (messagingAgentMetrics): the core document, wait and handle
                    // times; session metrics, which in the team scope wait for the team's user
                    // Ids from the core answer; queue names in the all-agents scope only.
                    async run(send) {
                        const v = metrics.buildMetricsVariables(filter, {
                            scope,
                            userId
                        });
                        const times: number[] = [];
                        const ask = async (
                            query: string,
                            variables: Filter
                        ) => {
                            const answer = await send({ query, variables });
                            times.push(answer.ms);
                            return answer.data;
                        };
                        const core = await ask(CORE_DOCUMENT, v);
                        await ask(
                            WAIT_TIMES_DOCUMENT,
                            metrics.durationVariables(v)
                        );
                        await ask(
                            HANDLE_TIMES_DOCUMENT,
                            metrics.durationVariables(v)
                        );
                        const sessionMetrics = metrics.sessionMetricsVariables(
                            filter,
                            {
                                scope,
                                userId,
                                teamUserIds:
                                    scope === 'team'
                                        ? metrics.listedUserIds(core)
                                        : null,
                                includeResponseTimes: true
                            }
                        );
                        if (sessionMetrics)
                            await ask(SESSION_METRICS_DOCUMENT, sessionMetrics);
                        if (scope === 'all')
                            await ask(
                                QUEUE_NAMES_DOCUMENT,
                                metrics.queueNamesVariables(filter)
                            );
                        return times;
                    }
                });
            }
    return cases;
}

/** Queues a supervisor might choose in App Builder (seed.ts QUEUES). */
export const BACKLOG_QUEUE_NAMES = ['Billing_Queue', 'VIP_Queue'];

/** The Ids of the queue look-up's answer (data.uiapi.query.Group.edges[].node.Id). */
function lookedUpIds(data: unknown): string[] {
    const edges = (
        data as {
            uiapi?: {
                query?: {
                    Group?: { edges?: Array<{ node?: { Id?: string } }> };
                };
            };
        } | null
    )?.uiapi?.query?.Group?.edges;
    return (edges ?? [])
        .map((edge) => edge.node?.Id)
        .filter((id): id is string => typeof id === 'string');
}

/**
 * The backlog's refresh (messagingBacklog): one document per refresh, for every queue, or for
 * queues chosen by API name, whose Ids its own look-up request gives once beforehand.
 */
function backlogCases(now: number): PerfCase[] {
    const backlog = componentModule<BacklogModule>(
        'messagingBacklog',
        'backlogQuery'
    );
    const refresh = (queueIds: readonly string[]): GraphqlBody => ({
        query: BACKLOG_DOCUMENT,
        variables: backlog.buildBacklogVariables({
            now,
            targetSeconds: backlog.DEFAULT_WAIT_TARGET_SECONDS,
            queueIds
        })
    });
    return [
        {
            group: 'backlog',
            name: 'backlog.all',
            variant: '',
            async run(send) {
                return [(await send(refresh([]))).ms];
            }
        },
        {
            group: 'backlog',
            name: 'backlog.queues',
            variant: '',
            async run(send) {
                const lookup = await send({
                    query: QUEUE_LOOKUP_DOCUMENT,
                    variables:
                        backlog.buildQueueLookupVariables(BACKLOG_QUEUE_NAMES)
                });
                const queueIds = lookedUpIds(lookup.data);
                if (queueIds.length !== BACKLOG_QUEUE_NAMES.length)
                    throw new Error(
                        `backlog: the look-up of ${BACKLOG_QUEUE_NAMES.join(', ')} found ${queueIds.length} queue(s)`
                    );
                return [lookup.ms, (await send(refresh(queueIds))).ms];
            }
        }
    ];
}

export function consoleCases(options: CaseOptions = {}): PerfCase[] {
    const userId = options.userId ?? CURRENT_USER_ID;
    const now = options.now ?? Date.now();
    const groups = options.groups ?? ['metrics', 'list', 'search', 'backlog'];
    const model = componentModule<ModelModule>(
        'messagingTime',
        'messagingTime'
    );
    const cases: PerfCase[] = groups.includes('metrics')
        ? metricsCases(model, userId, now, options.timeZones ?? TIME_ZONES)
        : [];
    const list = componentModule<ListModule>(
        'messagingSessionList',
        'sessionListQuery'
    );
    const { DEFAULT_PAGE_SIZE } = componentModule<ListSettingsModule>(
        'messagingSessionList',
        'sessionListSettings'
    );
    const listCase = (
        group: CaseGroup,
        name: string,
        filters: Filter,
        sortKey: string,
        sortDirection: string
    ): PerfCase => ({
        group,
        name,
        variant: '',
        async run(send) {
            const answer = await send({
                query: SESSION_LIST_DOCUMENT,
                variables: list.buildVariables({
                    filters,
                    userId,
                    sortKey,
                    sortDirection,
                    page: { first: DEFAULT_PAGE_SIZE, upperBound: null },
                    after: null,
                    now
                })
            });
            return [answer.ms];
        }
    });
    for (const owner of ['me', 'all']) {
        const filters = { ...list.emptyFilters(), owner };
        if (groups.includes('list'))
            for (const { key } of list.SORT_COLUMNS)
                for (const direction of ['DESC', 'ASC'])
                    cases.push(
                        listCase(
                            'list',
                            `list.${owner}.${key}.${direction}`,
                            filters,
                            key,
                            direction
                        )
                    );
        if (groups.includes('search'))
            for (const term of options.searches ?? SEARCHES)
                cases.push(
                    listCase(
                        'search',
                        `search.${owner}.${term}`,
                        { ...filters, search: term },
                        'startTime',
                        'DESC'
                    )
                );
    }
    if (groups.includes('backlog')) cases.push(...backlogCases(now));
    return cases;
}

export interface CaseResult {
    group: CaseGroup;
    name: string;
    variant: string;
    /** Per run: the server time of each request, ms. */
    runs: number[][];
}

export async function timeCases(
    cases: PerfCase[],
    send: Send,
    runs: number
): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const c of cases) {
        const result: CaseResult = {
            group: c.group,
            name: c.name,
            variant: c.variant,
            runs: []
        };
        for (let i = 0; i < runs; i++) result.runs.push(await c.run(send));
        results.push(result);
    }
    return results;
}

export const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

export interface MeasureSummary {
    /** Median run of the measure's first variant: its slowest request. */
    typicalMs: number;
    /** Slowest request of any run of any variant. */
    worstMs: number;
    /** The same for the whole case (its requests added up: one panel refresh). */
    typicalTotalMs: number;
    worstTotalMs: number;
}

/** Typical and worst per measure name (the variants of a name are one measure). */
export function summarize(results: CaseResult[]): Map<string, MeasureSummary> {
    const out = new Map<string, MeasureSummary>();
    const byName = new Map<string, CaseResult[]>();
    for (const r of results)
        byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const [name, variants] of byName) {
        const typical = variants[0].runs;
        const all = variants.flatMap((v) => v.runs);
        out.set(name, {
            typicalMs: median(typical.map((run) => Math.max(...run))),
            worstMs: Math.max(...all.map((run) => Math.max(...run))),
            typicalTotalMs: median(typical.map(sum)),
            worstTotalMs: Math.max(...all.map(sum))
        });
    }
    return out;
}

/** The data of a GraphQL answer; throws on an HTTP error or GraphQL errors (no case fails quietly). */
export function graphqlData(status: number, body: unknown): unknown {
    const errors = (body as { errors?: Array<{ message: string }> } | null)
        ?.errors;
    if (status !== 200 || errors?.length)
        throw new Error(
            `GraphQL answered ${status}: ${errors?.[0]?.message ?? JSON.stringify(body).slice(0, 300)}`
        );
    return (body as { data?: unknown }).data;
}

/** In process: executeGraphql's own time, no HTTP. */
export function inProcessSender(dbPath: string): {
    send: Send;
    close(): void;
} {
    const db = openDatabase(dbPath);
    getSchema();
    // As the server does before it listens: the first case's worst run is then what it is after `npm start`.
    const warm = warmUp(db);
    console.log(
        `warm-up ${warm.ms.toFixed(0)} ms (${warm.read} of ${warm.of})`
    );
    return {
        async send(body) {
            const started = performance.now();
            const result = await executeGraphql(db, body);
            const ms = performance.now() - started;
            return { ms, data: graphqlData(result.status, result.body) };
        },
        close: () => db.close()
    };
}

if (require.main === module) {
    const args = parseArgs(process.argv.slice(2));
    const path =
        typeof args.db === 'string' ? resolve(args.db) : DEFAULT_DB_PATH;
    const runs = typeof args.runs === 'string' ? Number(args.runs) : 5;
    const only =
        typeof args.only === 'string' ? [args.only as CaseGroup] : undefined;
    const sender = inProcessSender(path);
    timeCases(consoleCases({ groups: only }), sender.send, runs)
        .then((results) => {
            const db = openDatabase(path, { readonly: true });
            console.log(`${path}: ${getMeta(db, 'sessions')} sessions`);
            db.close();
            for (const [name, s] of summarize(results))
                console.log(
                    `${s.typicalMs.toFixed(1).padStart(8)} ms typical ${s.worstMs.toFixed(1).padStart(8)} ms worst  (whole case ${s.typicalTotalMs.toFixed(1)} / ${s.worstTotalMs.toFixed(1)})  ${name}`
                );
        })
        .finally(() => sender.close());
}
