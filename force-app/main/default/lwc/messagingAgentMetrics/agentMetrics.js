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
export const METRICS_WINDOWS = ['today', 'last7', 'last30', 'custom'];
export const METRICS_SCOPES = ['me', 'team', 'all'];
/** Refresh triggers that arrive within this many milliseconds make one request. */
export const REFRESH_COALESCE_MS = 300;
/** Rows each aggregate or name query asks for (the GraphQL API's maximum per subquery). */
export const MAX_GROUPS = 2000;
export function teamSource(teamGroup) {
    return teamGroup?.trim() ? 'group' : 'reports';
}
/** A Group (public group or queue) Id: key prefix 00G, 15 or 18 characters. */
export function isGroupId(value) {
    return /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(value ?? '');
}
/** GroupMember filter for the App Builder group: by Id when it looks like one, else by DeveloperName. */
function groupMemberFilter(teamGroup) {
    return isGroupId(teamGroup)
        ? { GroupId: { eq: teamGroup } }
        : { Group: { DeveloperName: { eq: teamGroup } } };
}
/** Semi-join on the users a team is made of: my direct reports, or the group's members. */
function teamMembers(input) {
    const group = input.teamGroup?.trim();
    return group
        ? { GroupMember: groupMemberFilter(group), ApiName: 'UserOrGroupId' }
        : { User: { ManagerId: { eq: input.userId } }, ApiName: 'Id' };
}
/** The owner part of the session filters: me, my team (semi-join), or nothing for all agents. */
export function ownerFilter(input) {
    switch (input.scope) {
        case 'me':
            return { OwnerId: { eq: input.userId } };
        case 'team':
            return { OwnerId: { inq: teamMembers(input) } };
        default:
            return null;
    }
}
function and(...filters) {
    const parts = filters.filter((filter) => filter !== null);
    return parts.length === 1 ? parts[0] : { and: parts };
}
/** Sessions handled in the window: Status Ended, started in the window, owned as `owner` says. */
function handledSessions(owner, windowFilter) {
    return and(owner, { Status: { eq: 'Ended' } }, windowFilter);
}
/** Sessions open now (OPEN_WORK_STATUSES), whatever the window. */
function openSessions(owner) {
    return and(owner, { Status: { in: [...OPEN_WORK_STATUSES] } });
}
/** Semi-join on the owners of any session handled in the window or open now (all agents). */
function ownersOfSessions(windowFilter) {
    return {
        inq: {
            MessagingSession: {
                or: [handledSessions(null, windowFilter), openSessions(null)]
            },
            ApiName: 'OwnerId'
        }
    };
}
/**
 * Variables of the core metrics query for a window filter (the model's startTimeWindowFilter,
 * the same the session list sends) and a scope.
 */
export function buildMetricsVariables(windowFilter, input) {
    const owner = ownerFilter(input);
    const handledWhere = handledSessions(owner, windowFilter);
    const openWhere = openSessions(owner);
    let ownersWhere;
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
export function durationVariables(variables) {
    return { handledWhere: variables.handledWhere };
}
/**
 * Variables of the queue-name document (all-agents scope only): queues that own a session
 * handled in the window or open now. Built from the window alone, so no team semi-join can end
 * up nested in this one (SOQL: "You can't nest a semi-join or anti-join statement in another").
 */
export function queueNamesVariables(windowFilter) {
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
export function listedUserIds(core) {
    const ids = new Set();
    for (const node of nodes(core?.uiapi?.query?.User)) {
        if (node.Id) ids.add(node.Id);
    }
    return [...ids];
}
/**
 * The MessagingSessionMetricType values the panel reads, each one listed in the Object
 * Reference (MessagingSessionMetrics). Values the org returns that are not here are ignored.
 */
export const SESSION_METRIC_TYPES = [
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
/**
 * Variables of the session-metrics document: the wanted metric types of the handled sessions,
 * or null when there is nothing to send yet (team scope before the team's user Ids arrive, or a
 * team without users). The sessions filter sits under the `MessagingSession` relationship, where
 * SOQL takes no semi-join ("The left operand can't use relationships"), so the team is a list of
 * user Ids here rather than the core document's semi-join.
 */
export function sessionMetricsVariables(windowFilter, input) {
    let owner;
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
function aggregates(connection) {
    const rows = [];
    for (const edge of connection?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        if (aggregate) rows.push(aggregate);
    }
    return rows;
}
function nodes(connection) {
    const rows = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node) rows.push(edge.node);
    }
    return rows;
}
function num(value) {
    const raw = value?.value;
    if (raw === null || raw === undefined) return null;
    const parsed = typeof raw === 'number' ? raw : Number(raw);
    return Number.isFinite(parsed) ? parsed : null;
}
function str(value) {
    const raw = value?.value;
    return typeof raw === 'string' && raw !== '' ? raw : null;
}
const NO_AVERAGE = { average: null, samples: 0 };
/**
 * A row's owner through the model's shared owner reader: the name queries are typed (User,
 * Group), so they give the union member's __typename; an owner neither returned is hidden.
 */
function emptyAgent(ownerId, owner) {
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
export function fallbackOwnerName(ownerId) {
    const short = ownerId.length > 6 ? `…${ownerId.slice(-6)}` : ownerId;
    return formatLabel(
        isQueueOwnerId(ownerId) ? labelQueueOwner : labelUnknownAgent,
        short
    );
}
/** Weighted average of averages: Σ(avg × samples) / Σ samples; parts without a value are skipped. */
export function combineAverages(parts) {
    let total = 0;
    let samples = 0;
    for (const part of parts) {
        if (part.average === null || part.samples <= 0) continue;
        total += part.average * part.samples;
        samples += part.samples;
    }
    return { average: samples > 0 ? total / samples : null, samples };
}
function maxOf(a, b) {
    if (a === null) return b;
    if (b === null) return a;
    return Math.max(a, b);
}
function addNullable(a, b) {
    if (a === null) return b;
    if (b === null) return a;
    return a + b;
}
/**
 * An average from an aggregate: the sample count is the field's count (non-null values) when the
 * query asked for it; otherwise `fallbackSamples` stands in.
 */
function averageOf(fn, fallbackSamples) {
    const average = num(fn?.avg);
    const counted = num(fn?.count);
    return {
        average,
        samples: average === null ? 0 : (counted ?? fallbackSamples)
    };
}
function addMessages(a, b) {
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
function sortChannels(counts) {
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
];
const METRIC_KIND_BY_VALUE = new Map(
    SESSION_METRIC_TYPES.map((type) => [type.value, type.kind])
);
/**
 * Turns the responses received so far into one row per owner (users first, by handled sessions,
 * then queues) and the team totals. Users the core query lists without any session get an empty
 * row; owners no name query returned (queues whose names are unavailable, users we can't read)
 * get a fallback name.
 */
export function combineMetrics(input) {
    const core = input.core?.uiapi;
    const agents = new Map();
    const channelsByAgent = new Map();
    const owners = new Map();
    const listed = [];
    for (const node of nodes(core?.query?.User)) {
        if (!node.Id) continue;
        listed.push(node.Id);
        owners.set(node.Id, { __typename: 'User', ...node });
    }
    for (const node of nodes(input.queueNames?.uiapi?.query?.Group)) {
        if (node.Id) owners.set(node.Id, { __typename: 'Group', ...node });
    }
    const agentFor = (ownerId) => {
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
        const counts = channelsByAgent.get(ownerId) ?? new Map();
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
    const teamChannels = new Map();
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
function teamTotals(rows, channels) {
    let handled = 0;
    let openNow = 0;
    let maxWait = null;
    let maxHandle = null;
    let messages = { agent: null, endUser: null, counted: 0 };
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
export const ALL_SOURCES_READY = {
    waitTimes: 'ready',
    handleTimes: 'ready',
    sessionMetrics: 'ready'
};
/** A duration against its target: 'none' when either is unknown or the target is not positive. */
export function compareToTarget(seconds, target) {
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
export function readTarget(value) {
    const parsed =
        typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim()
              ? Number(value)
              : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}
/** Text for a figure whose source isn't there: loading, refused, or null when it is. */
function unavailableText(source) {
    if (source === 'loading') return labelCellLoading;
    if (source === 'unavailable' || source === 'off') return labelNotAvailable;
    return null;
}
export function durationCell(seconds, target, source = 'ready') {
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
export const DURATION_COLUMNS = ['avgWait', 'maxWait', 'avgHandle'];
/** Agent-row columns that show a warning icon when over target (the totals row shows none). */
const WARNING_COLUMNS = ['avgWait', 'avgHandle'];
/** A row's duration cells in column order; warning icons only where `withWarnings` (agent rows). */
export function durationCellViews(cells, withWarnings) {
    return DURATION_COLUMNS.map((key) => ({
        ...cells[key],
        key,
        showWarning:
            withWarnings && cells[key].isOver && WARNING_COLUMNS.includes(key)
    }));
}
/**
 * The messages cell: agent / customer totals over the sessions MessagingSessionMetrics counted,
 * with the sessions it didn't count said in visible text.
 */
export function messagesCell(totals, handled, source = 'ready') {
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
function channelsText(channels) {
    return channels.length
        ? channels
              .map((channel) =>
                  formatLabel(labelChannelCount, channel.label, channel.count)
              )
              .join(', ')
        : labelNoValue;
}
function rowView(identity, figures, targets, sources, withWarnings) {
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
export function agentRowViews(metrics, targets, sources = ALL_SOURCES_READY) {
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
    metrics,
    targets,
    label,
    sources = ALL_SOURCES_READY
) {
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
export const CHART_WIDTH = 480;
const BAR_HEIGHT = 18;
const BAR_GAP = 8;
const LABEL_WIDTH = 140;
const VALUE_WIDTH = 60;
/** Horizontal stacked bars (handled, then open now) per agent, scaled to the largest total. */
export function chartModel(rows, barLabel, maxBars = 25) {
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
const ACCESS_PATTERN =
    /insufficient[_ ]access|not accessible|no access|access denied|permission|INVALID_TYPE|not supported|isn't supported|is undefined|sObject type|doesn't exist|does not exist/i;
/**
 * Reads the `errors` of the core metrics response, which stop the panel: an App Builder team
 * group the org won't read (GroupMember through GraphQL is not documented to work), no access to
 * sessions, or anything else (the server's own words).
 */
export function readMetricsErrors(errors, teamGroup) {
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
