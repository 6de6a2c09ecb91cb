/**
 * Pure logic of the agent metrics panel: the GraphQL filters for a window and a scope, the
 * combination of aggregate rows from several requests into per-agent rows and team totals,
 * durations for people and the comparison with targets. No DOM, no wire: unit-tested and
 * benchmarked on its own. The work grows with the number of agent groups the aggregates return,
 * never with sessions.
 *
 * The figures come from separate GraphQL documents, because the server validates a document as
 * a whole and one field it refuses fails every figure in it (see docs/developer.md, "Platform
 * calls and their documentation"):
 * - core: handled and open sessions, channels, agent names (MessagingSession, User);
 * - wait times and handle times: one document per custom field (MSC_WaitSeconds__c,
 *   MSC_HandleSeconds__c), so a field that is missing or unreadable costs only its own columns;
 * - session metrics: message totals and response times from MessagingSessionMetrics (API 62.0+),
 *   whose sessions filter goes through a relationship and so can't carry the team semi-join:
 *   in the team scope it lists the team's user Ids from the core response instead;
 * - queue names: Group records that own sessions (all-agents scope only).
 */
import {
    CHANNEL_TYPES,
    OPEN_WORK_STATUSES,
    isQueueOwnerId,
    messageCountText,
    ownerView,
    picklistLabel,
    readSessionOwner
} from 'c/messagingSessionSchema';
import type {
    GqlField,
    GqlFilter,
    GqlOwner,
    OwnerKind
} from 'c/messagingSessionSchema';
import { formatDuration, formatLabel } from 'c/messagingTime';
import {
    describeError,
    graphqlErrorList,
    graphqlErrorText
} from 'c/messagingErrors';
import LOCALE from '@salesforce/i18n/locale';

import labelNoValue from '@salesforce/label/c.MSC_MetricsNoValue';
import labelCellLoading from '@salesforce/label/c.MSC_MetricsCellLoading';
import labelNotAvailable from '@salesforce/label/c.MSC_MetricsNotAvailable';
import labelNotCountedHelp from '@salesforce/label/c.MSC_MetricsNotCountedHelp';
import labelMessagesValue from '@salesforce/label/c.MSC_MetricsMessagesValue';
import labelMessagesPartial from '@salesforce/label/c.MSC_MetricsMessagesPartial';
import labelOverTarget from '@salesforce/label/c.MSC_MetricsOverTarget';
import labelWithinTarget from '@salesforce/label/c.MSC_MetricsWithinTarget';
import labelQueueOwner from '@salesforce/label/c.MSC_MetricsQueueOwner';
import labelUnknownAgent from '@salesforce/label/c.MSC_MetricsUnknownAgent';
import labelChannelCount from '@salesforce/label/c.MSC_MetricsChannelCount';
import labelErrorAccess from '@salesforce/label/c.MSC_MetricsErrorAccess';
import labelErrorGroup from '@salesforce/label/c.MSC_MetricsErrorGroup';

// ---------------------------------------------------------------------------------------------
// Window and scope → GraphQL variables
// ---------------------------------------------------------------------------------------------

/** The panel's windows: the session list's start-time windows without "any time". */
export type MetricsWindow = 'today' | 'last7' | 'last30' | 'custom';
/** Me; my team (direct reports, or the App Builder group); every agent. */
export type MetricsScope = 'me' | 'team' | 'all';

export const METRICS_WINDOWS: readonly MetricsWindow[] = [
    'today',
    'last7',
    'last30',
    'custom'
];

export const METRICS_SCOPES: readonly MetricsScope[] = ['me', 'team', 'all'];

/** Refresh triggers that arrive within this many milliseconds make one request. */
export const REFRESH_COALESCE_MS = 300;
/** Rows each aggregate or name query asks for (the GraphQL API's maximum per subquery). */
export const MAX_GROUPS = 2000;

export interface ScopeInput {
    scope: MetricsScope;
    userId: string;
    /** App Builder: the team is this group's members (Id or DeveloperName) instead of my reports. */
    teamGroup?: string | null;
}

/** Where "my team" comes from: users whose ManagerId is me, or the members of the App Builder group. */
export type TeamSource = 'reports' | 'group';

export function teamSource(teamGroup: string | null | undefined): TeamSource {
    return teamGroup?.trim() ? 'group' : 'reports';
}

/** A Group (public group or queue) Id: key prefix 00G, 15 or 18 characters. */
export function isGroupId(value: string | null | undefined): boolean {
    return /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(value ?? '');
}

/** GroupMember filter for the App Builder group: by Id when it looks like one, else by DeveloperName. */
function groupMemberFilter(teamGroup: string): GqlFilter {
    return isGroupId(teamGroup)
        ? { GroupId: { eq: teamGroup } }
        : { Group: { DeveloperName: { eq: teamGroup } } };
}

/** Semi-join on the users a team is made of: my direct reports, or the group's members. */
function teamMembers(input: ScopeInput): GqlFilter {
    const group = input.teamGroup?.trim();
    return group
        ? { GroupMember: groupMemberFilter(group), ApiName: 'UserOrGroupId' }
        : { User: { ManagerId: { eq: input.userId } }, ApiName: 'Id' };
}

/** The owner part of the session filters: me, my team (semi-join), or nothing for all agents. */
export function ownerFilter(input: ScopeInput): GqlFilter | null {
    switch (input.scope) {
        case 'me':
            return { OwnerId: { eq: input.userId } };
        case 'team':
            return { OwnerId: { inq: teamMembers(input) } };
        default:
            return null;
    }
}

function and(...filters: Array<GqlFilter | null>): GqlFilter {
    const parts = filters.filter(
        (filter): filter is GqlFilter => filter !== null
    );
    return parts.length === 1 ? parts[0] : { and: parts };
}

/** Sessions handled in the window: Status Ended, started in the window, owned as `owner` says. */
function handledSessions(
    owner: GqlFilter | null,
    windowFilter: GqlFilter
): GqlFilter {
    return and(owner, { Status: { eq: 'Ended' } }, windowFilter);
}

/** Sessions open now (OPEN_WORK_STATUSES), whatever the window. */
function openSessions(owner: GqlFilter | null): GqlFilter {
    return and(owner, { Status: { in: [...OPEN_WORK_STATUSES] } });
}

/** Semi-join on the owners of any session handled in the window or open now (all agents). */
function ownersOfSessions(windowFilter: GqlFilter): GqlFilter {
    return {
        inq: {
            MessagingSession: {
                or: [handledSessions(null, windowFilter), openSessions(null)]
            },
            ApiName: 'OwnerId'
        }
    };
}

export interface MetricsVariables {
    /** Sessions handled in the window: Status Ended, started in the window (the shared start-time filter). */
    handledWhere: GqlFilter;
    /** Sessions open now (OPEN_WORK_STATUSES), whatever the window. */
    openWhere: GqlFilter;
    /** The users to name: me, my reports or the group's members, or the owners of any session above. */
    ownersWhere: GqlFilter;
}

/**
 * Variables of the core metrics query for a window filter (the model's startTimeWindowFilter,
 * the same the session list sends) and a scope.
 */
export function buildMetricsVariables(
    windowFilter: GqlFilter,
    input: ScopeInput
): MetricsVariables {
    const owner = ownerFilter(input);
    const handledWhere = handledSessions(owner, windowFilter);
    const openWhere = openSessions(owner);

    let ownersWhere: GqlFilter;
    if (input.scope === 'me') {
        ownersWhere = { Id: { eq: input.userId } };
    } else if (input.scope === 'team') {
        // Every member is listed, including agents with no sessions in the window; the
        // session-metrics document filters on these Ids (listedUserIds).
        const group = input.teamGroup?.trim();
        ownersWhere = group
            ? { Id: { inq: teamMembers(input) } }
            : { ManagerId: { eq: input.userId } };
    } else {
        ownersWhere = { Id: ownersOfSessions(windowFilter) };
    }
    return { handledWhere, openWhere, ownersWhere };
}

/** Variables of a duration document (wait or handle times): the handled sessions. */
export function durationVariables(variables: MetricsVariables): {
    handledWhere: GqlFilter;
} {
    return { handledWhere: variables.handledWhere };
}

/**
 * Variables of the queue-name document (all-agents scope only): queues that own a session
 * handled in the window or open now. Built from the window alone, so no team semi-join can end
 * up nested in this one (SOQL: "You can't nest a semi-join or anti-join statement in another").
 */
export function queueNamesVariables(windowFilter: GqlFilter): {
    queuesWhere: GqlFilter;
} {
    return {
        queuesWhere: {
            and: [
                { Type: { eq: 'Queue' } },
                { Id: ownersOfSessions(windowFilter) }
            ]
        }
    };
}

/**
 * The Ids of the users the core document listed (its User result, at most MAX_GROUPS): in the
 * team scope, the team's users.
 */
export function listedUserIds(
    core: CoreMetricsData | null | undefined
): string[] {
    const ids = new Set<string>();
    for (const node of nodes(core?.uiapi?.query?.User)) {
        if (node.Id) ids.add(node.Id);
    }
    return [...ids];
}

// ---------------------------------------------------------------------------------------------
// MessagingSessionMetrics types
// ---------------------------------------------------------------------------------------------

export type SessionMetricKind =
    'agentMessages' | 'endUserMessages' | 'firstResponse' | 'averageResponse';

export interface SessionMetricType {
    /** A MessagingSessionMetricType picklist value, as the Object Reference lists it. */
    value: string;
    kind: SessionMetricKind;
    /** Response times (seconds) are hidden with the App Builder property; message counts are not. */
    isResponseTime: boolean;
}

/**
 * The MessagingSessionMetricType values the panel reads, each one listed in the Object
 * Reference (MessagingSessionMetrics). Values the org returns that are not here are ignored.
 */
export const SESSION_METRIC_TYPES: readonly SessionMetricType[] = [
    {
        value: 'AgentMessageCount',
        kind: 'agentMessages',
        isResponseTime: false
    },
    {
        value: 'EndUserMessageCount',
        kind: 'endUserMessages',
        isResponseTime: false
    },
    {
        value: 'ServiceRepFirstResponseTime',
        kind: 'firstResponse',
        isResponseTime: true
    },
    {
        value: 'AverageAgentResponseTime',
        kind: 'averageResponse',
        isResponseTime: true
    }
];

export interface SessionMetricsInput extends ScopeInput {
    /** Team scope: the team's user Ids (listedUserIds of the core response); null until it has answered. */
    teamUserIds?: readonly string[] | null;
    /** Ask for response times too (App Builder can hide them; message counts are always asked for). */
    includeResponseTimes: boolean;
}

/**
 * Variables of the session-metrics document: the wanted metric types of the handled sessions,
 * or null when there is nothing to send yet (team scope before the team's user Ids arrive, or a
 * team without users). The sessions filter sits under the `MessagingSession` relationship, where
 * SOQL takes no semi-join ("The left operand can't use relationships"), so the team is a list of
 * user Ids here rather than the core document's semi-join.
 */
export function sessionMetricsVariables(
    windowFilter: GqlFilter,
    input: SessionMetricsInput
): { metricsWhere: GqlFilter } | null {
    let owner: GqlFilter | null;
    if (input.scope === 'team') {
        const ids = input.teamUserIds;
        if (!ids?.length) return null;
        owner = { OwnerId: { in: [...ids] } };
    } else {
        owner = ownerFilter(input);
    }
    const types = SESSION_METRIC_TYPES.filter(
        (type) => input.includeResponseTimes || !type.isResponseTime
    ).map((type) => type.value);
    return {
        metricsWhere: {
            and: [
                { MessagingSessionMetricType: { in: types } },
                { MessagingSession: handledSessions(owner, windowFilter) }
            ]
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Response shapes (data.uiapi.aggregate.<Object>.edges[].node.aggregate, data.uiapi.query)
// ---------------------------------------------------------------------------------------------

export interface AggFunctions {
    avg?: GqlField<number> | null;
    max?: GqlField<number> | null;
    min?: GqlField<number> | null;
    sum?: GqlField<number> | null;
    count?: GqlField<number> | null;
}

export interface AggConnection<TAggregate> {
    edges?: Array<{
        node?: { aggregate?: TAggregate | null } | null;
    } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}

export interface NamedNode {
    Id: string;
    Name?: GqlField | null;
}

export interface RecordConnection<TNode> {
    edges?: Array<{ node?: TNode | null } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}

export interface SessionAggregate {
    OwnerId?: GqlField | null;
    ChannelType?: GqlField | null;
    Status?: GqlField | null;
    Id?: AggFunctions | null;
}

/** The core document: handled and open sessions per owner, per channel, and the users to name. */
export interface CoreMetricsData {
    uiapi?: {
        aggregate?: {
            MessagingSession?: AggConnection<SessionAggregate> | null;
            byChannel?: AggConnection<SessionAggregate> | null;
            openNow?: AggConnection<SessionAggregate> | null;
        } | null;
        query?: {
            User?: RecordConnection<NamedNode> | null;
        } | null;
    } | null;
}

export interface DurationAggregate {
    OwnerId?: GqlField | null;
    MSC_WaitSeconds__c?: AggFunctions | null;
    MSC_HandleSeconds__c?: AggFunctions | null;
}

/** A duration document: one custom field's average, maximum and count per owner. */
export interface DurationData {
    uiapi?: {
        aggregate?: {
            MessagingSession?: AggConnection<DurationAggregate> | null;
        } | null;
    } | null;
}

export interface SessionMetricsAggregate {
    MessagingSession?: { OwnerId?: GqlField | null } | null;
    MessagingSessionMetricType?: GqlField | null;
    MessagingSessionMetricValue?: AggFunctions | null;
}

export interface SessionMetricsData {
    uiapi?: {
        aggregate?: {
            MessagingSessionMetrics?: AggConnection<SessionMetricsAggregate> | null;
        } | null;
    } | null;
}

export interface QueueNamesData {
    uiapi?: {
        query?: {
            Group?: RecordConnection<NamedNode> | null;
        } | null;
    } | null;
}

/** What the panel has received so far; a source that failed or was not asked for is null. */
export interface MetricsInput {
    core: CoreMetricsData | null | undefined;
    waitTimes?: DurationData | null;
    handleTimes?: DurationData | null;
    sessionMetrics?: SessionMetricsData | null;
    queueNames?: QueueNamesData | null;
}

function aggregates<T>(connection: AggConnection<T> | null | undefined): T[] {
    const rows: T[] = [];
    for (const edge of connection?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        if (aggregate) rows.push(aggregate);
    }
    return rows;
}

function nodes<T>(connection: RecordConnection<T> | null | undefined): T[] {
    const rows: T[] = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node) rows.push(edge.node);
    }
    return rows;
}

function num(value: GqlField<number> | null | undefined): number | null {
    const raw = value?.value;
    if (raw === null || raw === undefined) return null;
    const parsed = typeof raw === 'number' ? raw : Number(raw);
    return Number.isFinite(parsed) ? parsed : null;
}

function str(value: GqlField | null | undefined): string | null {
    const raw = value?.value;
    return typeof raw === 'string' && raw !== '' ? raw : null;
}

// ---------------------------------------------------------------------------------------------
// Combining
// ---------------------------------------------------------------------------------------------

export interface ChannelCount {
    channelType: string;
    label: string;
    count: number;
}

/** Average of a figure over some sessions, with how many sessions had a value (its weight). */
export interface WeightedAverage {
    average: number | null;
    samples: number;
}

/** Message totals from MessagingSessionMetrics: sums, and how many sessions each sum covers. */
export interface MessageTotals {
    agent: number | null;
    endUser: number | null;
    /** Handled sessions with an AgentMessageCount metric; the others were not counted. */
    counted: number;
}

export interface AgentMetrics {
    ownerId: string;
    name: string;
    /** user or queue; hidden when no name query returned the owner (kind from the Id prefix then). */
    ownerKind: OwnerKind;
    isQueue: boolean;
    handled: number;
    openNow: number;
    openByStatus: Record<string, number>;
    wait: WeightedAverage;
    maxWaitSeconds: number | null;
    handle: WeightedAverage;
    maxHandleSeconds: number | null;
    messages: MessageTotals;
    firstResponse: WeightedAverage;
    averageResponse: WeightedAverage;
    channels: ChannelCount[];
}

export type TeamTotals = Omit<
    AgentMetrics,
    'ownerId' | 'name' | 'ownerKind' | 'isQueue' | 'openByStatus'
> & { agents: number };

export interface CombinedMetrics {
    agents: AgentMetrics[];
    totals: TeamTotals;
    /** An aggregate, or the list of users, said there were more rows than it returned. */
    truncated: boolean;
}

const NO_AVERAGE: WeightedAverage = { average: null, samples: 0 };

/**
 * A row's owner through the model's shared owner reader: the name queries are typed (User,
 * Group), so they give the union member's __typename; an owner neither returned is hidden.
 */
function emptyAgent(
    ownerId: string,
    owner: GqlOwner | undefined
): AgentMetrics {
    const read = readSessionOwner({
        OwnerId: { value: ownerId },
        Owner: owner ?? null
    });
    return {
        ownerId,
        name: read.name ?? fallbackOwnerName(ownerId),
        ownerKind: read.kind,
        isQueue:
            read.kind === 'queue' ||
            (read.kind === 'hidden' && isQueueOwnerId(ownerId)),
        handled: 0,
        openNow: 0,
        openByStatus: {},
        wait: NO_AVERAGE,
        maxWaitSeconds: null,
        handle: NO_AVERAGE,
        maxHandleSeconds: null,
        messages: { agent: null, endUser: null, counted: 0 },
        firstResponse: NO_AVERAGE,
        averageResponse: NO_AVERAGE,
        channels: []
    };
}

/** Name shown for an owner no name query returned (a queue whose name is unavailable, a user we can't read): its kind and the end of its Id, so two such rows stay apart. */
export function fallbackOwnerName(ownerId: string): string {
    const short = ownerId.length > 6 ? `…${ownerId.slice(-6)}` : ownerId;
    return formatLabel(
        isQueueOwnerId(ownerId) ? labelQueueOwner : labelUnknownAgent,
        short
    );
}

/** Weighted average of averages: Σ(avg × samples) / Σ samples; parts without a value are skipped. */
export function combineAverages(
    parts: readonly WeightedAverage[]
): WeightedAverage {
    let total = 0;
    let samples = 0;
    for (const part of parts) {
        if (part.average === null || part.samples <= 0) continue;
        total += part.average * part.samples;
        samples += part.samples;
    }
    return { average: samples > 0 ? total / samples : null, samples };
}

function maxOf(a: number | null, b: number | null): number | null {
    if (a === null) return b;
    if (b === null) return a;
    return Math.max(a, b);
}

function addNullable(a: number | null, b: number | null): number | null {
    if (a === null) return b;
    if (b === null) return a;
    return a + b;
}

/**
 * An average from an aggregate: the sample count is the field's count (non-null values) when the
 * query asked for it; otherwise `fallbackSamples` stands in.
 */
function averageOf(
    fn: AggFunctions | null | undefined,
    fallbackSamples: number
): WeightedAverage {
    const average = num(fn?.avg);
    const counted = num(fn?.count);
    return {
        average,
        samples: average === null ? 0 : (counted ?? fallbackSamples)
    };
}

function addMessages(a: MessageTotals, b: MessageTotals): MessageTotals {
    return {
        agent: addNullable(a.agent, b.agent),
        endUser: addNullable(a.endUser, b.endUser),
        counted: a.counted + b.counted
    };
}

const collator = new Intl.Collator(undefined, {
    sensitivity: 'base',
    numeric: true
});

function sortChannels(counts: Map<string, number>): ChannelCount[] {
    return [...counts.entries()]
        .map(([channelType, count]) => ({
            channelType,
            label: picklistLabel(CHANNEL_TYPES, channelType),
            count
        }))
        .sort(
            (a, b) => b.count - a.count || collator.compare(a.label, b.label)
        );
}

/** Each duration document, the custom field it averages, and where a row keeps the figures. */
const DURATION_FIGURES = [
    {
        source: 'waitTimes',
        field: 'MSC_WaitSeconds__c',
        average: 'wait',
        max: 'maxWaitSeconds'
    },
    {
        source: 'handleTimes',
        field: 'MSC_HandleSeconds__c',
        average: 'handle',
        max: 'maxHandleSeconds'
    }
] as const;

const METRIC_KIND_BY_VALUE = new Map(
    SESSION_METRIC_TYPES.map((type) => [type.value, type.kind])
);

/**
 * Turns the responses received so far into one row per owner (users first, by handled sessions,
 * then queues) and the team totals. Users the core query lists without any session get an empty
 * row; owners no name query returned (queues whose names are unavailable, users we can't read)
 * get a fallback name.
 */
export function combineMetrics(input: MetricsInput): CombinedMetrics {
    const core = input.core?.uiapi;
    const agents = new Map<string, AgentMetrics>();
    const channelsByAgent = new Map<string, Map<string, number>>();
    const owners = new Map<string, GqlOwner>();
    const listed: string[] = [];
    for (const node of nodes(core?.query?.User)) {
        if (!node.Id) continue;
        listed.push(node.Id);
        owners.set(node.Id, { __typename: 'User', ...node });
    }
    for (const node of nodes(input.queueNames?.uiapi?.query?.Group)) {
        if (node.Id) owners.set(node.Id, { __typename: 'Group', ...node });
    }
    const agentFor = (ownerId: string): AgentMetrics => {
        let agent = agents.get(ownerId);
        if (!agent) {
            agent = emptyAgent(ownerId, owners.get(ownerId));
            agents.set(ownerId, agent);
        }
        return agent;
    };
    // Listed users first, so that members without sessions still get a row.
    for (const ownerId of listed) agentFor(ownerId);

    for (const row of aggregates(core?.aggregate?.MessagingSession)) {
        const ownerId = str(row.OwnerId);
        if (ownerId) agentFor(ownerId).handled += num(row.Id?.count) ?? 0;
    }

    for (const row of aggregates(core?.aggregate?.byChannel)) {
        const ownerId = str(row.OwnerId);
        const channelType = str(row.ChannelType);
        const count = num(row.Id?.count) ?? 0;
        if (!ownerId || !channelType || count <= 0) continue;
        agentFor(ownerId);
        const counts =
            channelsByAgent.get(ownerId) ?? new Map<string, number>();
        counts.set(channelType, (counts.get(channelType) ?? 0) + count);
        channelsByAgent.set(ownerId, counts);
    }

    for (const row of aggregates(core?.aggregate?.openNow)) {
        const ownerId = str(row.OwnerId);
        const status = str(row.Status);
        const count = num(row.Id?.count) ?? 0;
        if (!ownerId || count <= 0) continue;
        const agent = agentFor(ownerId);
        agent.openNow += count;
        if (status)
            agent.openByStatus[status] =
                (agent.openByStatus[status] ?? 0) + count;
    }

    for (const figure of DURATION_FIGURES) {
        for (const row of aggregates(
            input[figure.source]?.uiapi?.aggregate?.MessagingSession
        )) {
            const ownerId = str(row.OwnerId);
            if (!ownerId) continue;
            const agent = agentFor(ownerId);
            const values = row[figure.field];
            agent[figure.average] = combineAverages([
                agent[figure.average],
                averageOf(values, agent.handled)
            ]);
            agent[figure.max] = maxOf(agent[figure.max], num(values?.max));
        }
    }

    for (const row of aggregates(
        input.sessionMetrics?.uiapi?.aggregate?.MessagingSessionMetrics
    )) {
        const ownerId = str(row.MessagingSession?.OwnerId);
        const kind = METRIC_KIND_BY_VALUE.get(
            str(row.MessagingSessionMetricType) ?? ''
        );
        if (!ownerId || !kind) continue;
        const agent = agentFor(ownerId);
        const value = row.MessagingSessionMetricValue;
        // One metric record per session and type: its count is the number of sessions measured.
        const sessions = num(value?.count) ?? 0;
        switch (kind) {
            case 'agentMessages':
                agent.messages = addMessages(agent.messages, {
                    agent: sessions > 0 ? num(value?.sum) : null,
                    endUser: null,
                    counted: sessions
                });
                break;
            case 'endUserMessages':
                agent.messages = addMessages(agent.messages, {
                    agent: null,
                    endUser: sessions > 0 ? num(value?.sum) : null,
                    counted: 0
                });
                break;
            case 'firstResponse':
                agent.firstResponse = combineAverages([
                    agent.firstResponse,
                    averageOf(value, 1)
                ]);
                break;
            default:
                agent.averageResponse = combineAverages([
                    agent.averageResponse,
                    averageOf(value, 1)
                ]);
                break;
        }
    }

    const teamChannels = new Map<string, number>();
    for (const [ownerId, counts] of channelsByAgent) {
        const agent = agents.get(ownerId);
        if (agent) agent.channels = sortChannels(counts);
        for (const [channelType, count] of counts) {
            teamChannels.set(
                channelType,
                (teamChannels.get(channelType) ?? 0) + count
            );
        }
    }

    const rows = [...agents.values()].sort(
        (a, b) =>
            Number(a.isQueue) - Number(b.isQueue) ||
            b.handled - a.handled ||
            b.openNow - a.openNow ||
            collator.compare(a.name, b.name)
    );
    const truncated = [
        core?.aggregate?.MessagingSession,
        core?.aggregate?.byChannel,
        core?.aggregate?.openNow,
        input.waitTimes?.uiapi?.aggregate?.MessagingSession,
        input.handleTimes?.uiapi?.aggregate?.MessagingSession,
        input.sessionMetrics?.uiapi?.aggregate?.MessagingSessionMetrics,
        // More users than listed: rows are missing, and in the team scope so are their metrics.
        core?.query?.User
    ].some((connection) => connection?.pageInfo?.hasNextPage === true);
    return { agents: rows, totals: teamTotals(rows, teamChannels), truncated };
}

function teamTotals(
    rows: readonly AgentMetrics[],
    channels: Map<string, number>
): TeamTotals {
    let handled = 0;
    let openNow = 0;
    let maxWait: number | null = null;
    let maxHandle: number | null = null;
    let messages: MessageTotals = { agent: null, endUser: null, counted: 0 };
    for (const row of rows) {
        handled += row.handled;
        openNow += row.openNow;
        maxWait = maxOf(maxWait, row.maxWaitSeconds);
        maxHandle = maxOf(maxHandle, row.maxHandleSeconds);
        messages = addMessages(messages, row.messages);
    }
    return {
        agents: rows.filter((row) => !row.isQueue).length,
        handled,
        openNow,
        wait: combineAverages(rows.map((row) => row.wait)),
        maxWaitSeconds: maxWait,
        handle: combineAverages(rows.map((row) => row.handle)),
        maxHandleSeconds: maxHandle,
        messages,
        firstResponse: combineAverages(rows.map((row) => row.firstResponse)),
        averageResponse: combineAverages(
            rows.map((row) => row.averageResponse)
        ),
        channels: sortChannels(channels)
    };
}

// ---------------------------------------------------------------------------------------------
// Targets and formatting
// ---------------------------------------------------------------------------------------------

/**
 * Where a figure's source stands: still loading, received, refused by the org (the panel says
 * why in a note), or not asked for (App Builder hides it).
 */
export type SourceState = 'loading' | 'ready' | 'unavailable' | 'off';

export interface FigureSources {
    waitTimes: SourceState;
    handleTimes: SourceState;
    sessionMetrics: SourceState;
}

export const ALL_SOURCES_READY: FigureSources = {
    waitTimes: 'ready',
    handleTimes: 'ready',
    sessionMetrics: 'ready'
};

export type TargetState = 'over' | 'within' | 'none';

/** A duration against its target: 'none' when either is unknown or the target is not positive. */
export function compareToTarget(
    seconds: number | null | undefined,
    target: number | null | undefined
): TargetState {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
        return 'none';
    if (
        target === null ||
        target === undefined ||
        !Number.isFinite(target) ||
        target <= 0
    )
        return 'none';
    return seconds > target ? 'over' : 'within';
}

/** Reads a target from an App Builder property (number or text); null when unset or not positive. */
export function readTarget(value: unknown): number | null {
    const parsed =
        typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim()
              ? Number(value)
              : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

/** Text for a figure whose source isn't there: loading, refused, or null when it is. */
function unavailableText(source: SourceState): string | null {
    if (source === 'loading') return labelCellLoading;
    if (source === 'unavailable' || source === 'off') return labelNotAvailable;
    return null;
}

/** A duration cell: the text, and how it compares with its target. */
export interface DurationCell {
    text: string;
    state: TargetState;
    isOver: boolean;
    /** Text for assistive technology and the tooltip, e.g. "Over the 2m 00s target". */
    assistiveText: string;
    className: string;
}

export function durationCell(
    seconds: number | null,
    target: number | null,
    source: SourceState = 'ready'
): DurationCell {
    const missing = unavailableText(source);
    if (missing !== null) {
        return {
            text: missing,
            state: 'none',
            isOver: false,
            assistiveText: '',
            className: 'metric metric_unavailable slds-text-color_weak'
        };
    }
    const state = compareToTarget(seconds, target);
    const text =
        seconds === null
            ? labelNoValue
            : formatDuration(Math.round(seconds)) || labelNoValue;
    const targetText = target === null ? '' : formatDuration(target);
    let assistiveText = '';
    if (state === 'over')
        assistiveText = formatLabel(labelOverTarget, targetText);
    if (state === 'within')
        assistiveText = formatLabel(labelWithinTarget, targetText);
    const className =
        state === 'over'
            ? 'metric metric_over slds-text-color_error'
            : state === 'within'
              ? 'metric metric_within'
              : 'metric';
    return { text, state, isOver: state === 'over', assistiveText, className };
}

/** The table's duration columns, in their order. */
export const DURATION_COLUMNS = ['avgWait', 'maxWait', 'avgHandle'] as const;
export type DurationColumn = (typeof DURATION_COLUMNS)[number];

/** Agent-row columns that show a warning icon when over target (the totals row shows none). */
const WARNING_COLUMNS: readonly DurationColumn[] = ['avgWait', 'avgHandle'];

/** A duration cell as the table renders it, in a row's `durationCells`. */
export interface DurationCellView extends DurationCell {
    /** The column: the cell's `data-cell` value and its iteration key. */
    key: DurationColumn;
    /** Show the warning icon before the text. */
    showWarning: boolean;
}

/** A row's duration cells in column order; warning icons only where `withWarnings` (agent rows). */
export function durationCellViews(
    cells: Readonly<Record<DurationColumn, DurationCell>>,
    withWarnings: boolean
): DurationCellView[] {
    return DURATION_COLUMNS.map((key) => ({
        ...cells[key],
        key,
        showWarning:
            withWarnings && cells[key].isOver && WARNING_COLUMNS.includes(key)
    }));
}

export interface MessagesCell {
    /** Visible text; a count Salesforce didn't make reads "Not counted", never 0. */
    text: string;
    /** Why some sessions have no totals (tooltip and assistive text); empty when all were counted. */
    note: string;
}

/**
 * The messages cell: agent / customer totals over the sessions MessagingSessionMetrics counted,
 * with the sessions it didn't count said in visible text.
 */
export function messagesCell(
    totals: MessageTotals,
    handled: number,
    source: SourceState = 'ready'
): MessagesCell {
    const missing = unavailableText(source);
    if (missing !== null) return { text: missing, note: '' };
    const notCounted = Math.max(0, handled - totals.counted);
    const note =
        notCounted > 0 ? formatLabel(labelNotCountedHelp, notCounted) : '';
    if (handled <= 0 && totals.counted <= 0) {
        return { text: labelNoValue, note };
    }
    if (totals.counted <= 0) {
        return { text: messageCountText(null, LOCALE), note };
    }
    const value = formatLabel(
        labelMessagesValue,
        messageCountText(totals.agent, LOCALE),
        messageCountText(totals.endUser, LOCALE)
    );
    return {
        text:
            notCounted > 0
                ? formatLabel(labelMessagesPartial, value, notCounted)
                : value,
        note
    };
}

export interface AgentRowView {
    key: string;
    ownerId: string;
    name: string;
    isQueue: boolean;
    /** The queue badge's text, the same the session list and detail show. */
    queueBadge: string;
    handled: number;
    openNow: number;
    avgWait: DurationCell;
    maxWait: DurationCell;
    avgHandle: DurationCell;
    /** avgWait, maxWait and avgHandle again, as the table iterates them. */
    durationCells: DurationCellView[];
    messages: MessagesCell;
    firstResponse: DurationCell;
    averageResponse: DurationCell;
    channelsText: string;
    rowClass: string;
}

export interface Targets {
    waitSeconds: number | null;
    handleSeconds: number | null;
}

function channelsText(channels: readonly ChannelCount[]): string {
    return channels.length
        ? channels
              .map((channel) =>
                  formatLabel(labelChannelCount, channel.label, channel.count)
              )
              .join(', ')
        : labelNoValue;
}

type RowFigures = Pick<
    AgentMetrics,
    | 'handled'
    | 'openNow'
    | 'wait'
    | 'maxWaitSeconds'
    | 'handle'
    | 'messages'
    | 'firstResponse'
    | 'averageResponse'
    | 'channels'
>;

type RowIdentity = Pick<
    AgentRowView,
    'key' | 'ownerId' | 'name' | 'isQueue' | 'queueBadge'
>;

function rowView(
    identity: RowIdentity,
    figures: RowFigures,
    targets: Targets,
    sources: FigureSources,
    withWarnings: boolean
): AgentRowView {
    const avgWait = durationCell(
        figures.wait.average,
        targets.waitSeconds,
        sources.waitTimes
    );
    const maxWait = durationCell(
        figures.maxWaitSeconds,
        targets.waitSeconds,
        sources.waitTimes
    );
    const avgHandle = durationCell(
        figures.handle.average,
        targets.handleSeconds,
        sources.handleTimes
    );
    const over = [avgWait, maxWait, avgHandle].some(
        (cell) => cell.state === 'over'
    );
    return {
        ...identity,
        handled: figures.handled,
        openNow: figures.openNow,
        avgWait,
        maxWait,
        avgHandle,
        durationCells: durationCellViews(
            { avgWait, maxWait, avgHandle },
            withWarnings
        ),
        messages: messagesCell(
            figures.messages,
            figures.handled,
            sources.sessionMetrics
        ),
        firstResponse: durationCell(
            figures.firstResponse.average,
            null,
            sources.sessionMetrics
        ),
        averageResponse: durationCell(
            figures.averageResponse.average,
            null,
            sources.sessionMetrics
        ),
        channelsText: channelsText(figures.channels),
        rowClass: over ? 'slds-hint-parent row_over' : 'slds-hint-parent'
    };
}

/** View models of the table rows, durations formatted with the model's formatDuration. */
export function agentRowViews(
    metrics: CombinedMetrics,
    targets: Targets,
    sources: FigureSources = ALL_SOURCES_READY
): AgentRowView[] {
    return metrics.agents.map((agent) =>
        rowView(
            {
                key: agent.ownerId,
                ownerId: agent.ownerId,
                name: agent.name,
                isQueue: agent.isQueue,
                queueBadge: ownerView(
                    { kind: 'queue', id: agent.ownerId, name: agent.name },
                    ''
                ).queueBadge
            },
            agent,
            targets,
            sources,
            true
        )
    );
}

export function totalsRowView(
    metrics: CombinedMetrics,
    targets: Targets,
    label: string,
    sources: FigureSources = ALL_SOURCES_READY
): AgentRowView {
    return rowView(
        {
            key: 'totals',
            ownerId: '',
            name: label,
            isQueue: false,
            queueBadge: ''
        },
        metrics.totals,
        targets,
        sources,
        false
    );
}

// ---------------------------------------------------------------------------------------------
// Chart geometry (SVG drawn by the component)
// ---------------------------------------------------------------------------------------------

export interface ChartBar {
    key: string;
    name: string;
    handled: number;
    openNow: number;
    y: number;
    textY: number;
    handledWidth: number;
    openX: number;
    openWidth: number;
    valueX: number;
    valueText: string;
    ariaLabel: string;
    handledClass: string;
}

export interface ChartModel {
    width: number;
    height: number;
    labelWidth: number;
    bars: ChartBar[];
    viewBox: string;
}

export const CHART_WIDTH = 480;
const BAR_HEIGHT = 18;
const BAR_GAP = 8;
const LABEL_WIDTH = 140;
const VALUE_WIDTH = 60;

/** Horizontal stacked bars (handled, then open now) per agent, scaled to the largest total. */
export function chartModel(
    rows: readonly AgentRowView[],
    barLabel: string,
    maxBars = 25
): ChartModel {
    const shown = rows.slice(0, maxBars);
    const largest = Math.max(
        1,
        ...shown.map((row) => row.handled + row.openNow)
    );
    const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    const bars = shown.map((row, index) => {
        const y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
        const handledWidth = Math.round((row.handled / largest) * plotWidth);
        const openWidth = Math.round((row.openNow / largest) * plotWidth);
        return {
            key: row.key,
            name: row.name,
            handled: row.handled,
            openNow: row.openNow,
            y,
            textY: y + BAR_HEIGHT - 5,
            handledWidth,
            openX: LABEL_WIDTH + handledWidth,
            openWidth,
            valueX: LABEL_WIDTH + handledWidth + openWidth + 4,
            valueText: `${row.handled} / ${row.openNow}`,
            ariaLabel: formatLabel(
                barLabel,
                row.name,
                row.handled,
                row.openNow
            ),
            handledClass: row.rowClass.includes('row_over')
                ? 'bar bar_handled bar_over'
                : 'bar bar_handled'
        };
    });
    const height = BAR_GAP + bars.length * (BAR_HEIGHT + BAR_GAP);
    return {
        width: CHART_WIDTH,
        height,
        labelWidth: LABEL_WIDTH,
        bars,
        viewBox: `0 0 ${CHART_WIDTH} ${height}`
    };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export type MetricsProblem = 'access' | 'teamGroup' | 'other';

export interface MetricsErrorReading {
    problem: MetricsProblem;
    message: string;
}

const ACCESS_PATTERN =
    /insufficient[_ ]access|not accessible|no access|access denied|permission|INVALID_TYPE|not supported|isn't supported|is undefined|sObject type|doesn't exist|does not exist/i;

/**
 * Reads the `errors` of the core metrics response, which stop the panel: an App Builder team
 * group the org won't read (GroupMember through GraphQL is not documented to work), no access to
 * sessions, or anything else (the server's own words).
 */
export function readMetricsErrors(
    errors: unknown,
    teamGroup?: string | null
): MetricsErrorReading {
    const list = graphqlErrorList(errors);
    const texts = list.map(graphqlErrorText);
    const group = teamGroup?.trim();
    if (
        group &&
        texts.some((text) =>
            /GroupMember|UserOrGroupId|DeveloperName/i.test(text)
        )
    ) {
        return {
            problem: 'teamGroup',
            message: formatLabel(labelErrorGroup, group)
        };
    }
    const described = describeError({ errors: list });
    if (
        described.kind === 'access' ||
        texts.some((text) => ACCESS_PATTERN.test(text))
    ) {
        return {
            problem: 'access',
            message: `${labelErrorAccess} (${described.message})`
        };
    }
    return { problem: 'other', message: described.message };
}
