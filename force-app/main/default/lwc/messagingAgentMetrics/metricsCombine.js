/**
 * Combines the answers of the panel's documents into one row per owner and team totals. The work
 * grows with the number of owners the aggregates return, never with sessions: the server has
 * aggregated them. A source that failed or was not asked for is null and leaves its figures empty.
 */
import {
    CHANNEL_TYPES,
    isQueueOwnerId,
    picklistLabel,
    readSessionOwner
} from 'c/messagingSessionSchema';
import { formatLabel } from 'c/messagingTime';
import { aggregates, nodes } from './metricsResponses';
import { SESSION_METRIC_TYPES } from './metricsVariables';
import labelQueueOwner from '@salesforce/label/c.MSC_MetricsQueueOwner';
import labelUnknownAgent from '@salesforce/label/c.MSC_MetricsUnknownAgent';
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
/** The rows being built: one per owner, created on first sight with the owner's name. */
class Roster {
    agents = new Map();
    channels = new Map();
    owners = new Map();
    /** Names the users and queues the name queries returned; listed users get a row even without sessions. */
    constructor(input) {
        const listed = [];
        for (const node of nodes(input.core?.uiapi?.query?.User)) {
            if (!node.Id) continue;
            listed.push(node.Id);
            this.owners.set(node.Id, { __typename: 'User', ...node });
        }
        for (const node of nodes(input.queueNames?.uiapi?.query?.Group)) {
            if (node.Id)
                this.owners.set(node.Id, { __typename: 'Group', ...node });
        }
        for (const ownerId of listed) this.agent(ownerId);
    }
    agent(ownerId) {
        let agent = this.agents.get(ownerId);
        if (!agent) {
            agent = emptyAgent(ownerId, this.owners.get(ownerId));
            this.agents.set(ownerId, agent);
        }
        return agent;
    }
    addChannel(ownerId, channelType, count) {
        this.agent(ownerId);
        const counts = this.channels.get(ownerId) ?? new Map();
        counts.set(channelType, (counts.get(channelType) ?? 0) + count);
        this.channels.set(ownerId, counts);
    }
}
/** Handled sessions per owner, per owner and channel, and open sessions per owner and status. */
function addCoreFigures(roster, core) {
    const aggregate = core?.uiapi?.aggregate;
    for (const row of aggregates(aggregate?.MessagingSession)) {
        const ownerId = str(row.OwnerId);
        if (ownerId) roster.agent(ownerId).handled += num(row.Id?.count) ?? 0;
    }
    for (const row of aggregates(aggregate?.byChannel)) {
        const ownerId = str(row.OwnerId);
        const channelType = str(row.ChannelType);
        const count = num(row.Id?.count) ?? 0;
        if (ownerId && channelType && count > 0)
            roster.addChannel(ownerId, channelType, count);
    }
    for (const row of aggregates(aggregate?.openNow)) {
        const ownerId = str(row.OwnerId);
        const status = str(row.Status);
        const count = num(row.Id?.count) ?? 0;
        if (!ownerId || count <= 0) continue;
        const agent = roster.agent(ownerId);
        agent.openNow += count;
        if (status)
            agent.openByStatus[status] =
                (agent.openByStatus[status] ?? 0) + count;
    }
}
/** Average and maximum of each custom duration field, from its own document. */
function addDurations(roster, input) {
    for (const figure of DURATION_FIGURES) {
        for (const row of aggregates(
            input[figure.source]?.uiapi?.aggregate?.MessagingSession
        )) {
            const ownerId = str(row.OwnerId);
            if (!ownerId) continue;
            const agent = roster.agent(ownerId);
            const values = row[figure.field];
            agent[figure.average] = combineAverages([
                agent[figure.average],
                averageOf(values, agent.handled)
            ]);
            agent[figure.max] = maxOf(agent[figure.max], num(values?.max));
        }
    }
}
/** One MessagingSessionMetrics group (an owner and a metric type) added to its owner's row. */
function addSessionMetric(agent, kind, value) {
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
/** Message totals and response times; metric types the Object Reference doesn't list are ignored. */
function addSessionMetrics(roster, data) {
    for (const row of aggregates(
        data?.uiapi?.aggregate?.MessagingSessionMetrics
    )) {
        const ownerId = str(row.MessagingSession?.OwnerId);
        const kind = METRIC_KIND_BY_VALUE.get(
            str(row.MessagingSessionMetricType) ?? ''
        );
        if (ownerId && kind)
            addSessionMetric(
                roster.agent(ownerId),
                kind,
                row.MessagingSessionMetricValue
            );
    }
}
/** Each row's channels, sorted, and the team's channel counts. */
function settleChannels(roster) {
    const teamChannels = new Map();
    for (const [ownerId, counts] of roster.channels) {
        const agent = roster.agents.get(ownerId);
        if (agent) agent.channels = sortChannels(counts);
        for (const [channelType, count] of counts) {
            teamChannels.set(
                channelType,
                (teamChannels.get(channelType) ?? 0) + count
            );
        }
    }
    return teamChannels;
}
/** An aggregate, or the list of users, said there were more rows than it returned. */
function isTruncated(input) {
    const core = input.core?.uiapi;
    return [
        core?.aggregate?.MessagingSession,
        core?.aggregate?.byChannel,
        core?.aggregate?.openNow,
        input.waitTimes?.uiapi?.aggregate?.MessagingSession,
        input.handleTimes?.uiapi?.aggregate?.MessagingSession,
        input.sessionMetrics?.uiapi?.aggregate?.MessagingSessionMetrics,
        // More users than listed: rows are missing, and in the team scope so are their metrics.
        core?.query?.User
    ].some((connection) => connection?.pageInfo?.hasNextPage === true);
}
/**
 * Turns the responses received so far into one row per owner (users first, by handled sessions,
 * then queues) and the team totals. Users the core query lists without any session get an empty
 * row; owners no name query returned (queues whose names are unavailable, users we can't read)
 * get a fallback name.
 */
export function combineMetrics(input) {
    const roster = new Roster(input);
    addCoreFigures(roster, input.core);
    addDurations(roster, input);
    addSessionMetrics(roster, input.sessionMetrics);
    const teamChannels = settleChannels(roster);
    const rows = [...roster.agents.values()].sort(
        (a, b) =>
            Number(a.isQueue) - Number(b.isQueue) ||
            b.handled - a.handled ||
            b.openNow - a.openNow ||
            collator.compare(a.name, b.name)
    );
    return {
        agents: rows,
        totals: teamTotals(rows, teamChannels),
        truncated: isTruncated(input)
    };
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
