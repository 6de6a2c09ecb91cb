/**
 * Pure logic of the agent metrics panel: the GraphQL filters for a window and a scope, the
 * combination of aggregate rows into per-agent rows and team totals, durations for people and
 * the comparison with targets. No DOM, no wire: unit-tested and benchmarked on its own.
 * The work grows with the number of agent groups the aggregates return, never with sessions.
 */
import {
    CHANNEL_TYPES,
    GROUP_KEY_PREFIX,
    OPEN_WORK_STATUSES,
    describeError,
    formatDuration,
    formatLabel,
    picklistLabel,
    WAIT_SECONDS_FIELD_NAME,
    HANDLE_SECONDS_FIELD_NAME
} from 'c/messagingSessionModel';
import labelNoValue from '@salesforce/label/c.MSC_MetricsNoValue';
import labelNotCalculated from '@salesforce/label/c.MSC_MetricsNotCalculated';
import labelNotCalculatedHelp from '@salesforce/label/c.MSC_MetricsNotCalculatedHelp';
import labelOverTarget from '@salesforce/label/c.MSC_MetricsOverTarget';
import labelWithinTarget from '@salesforce/label/c.MSC_MetricsWithinTarget';
import labelQueueOwner from '@salesforce/label/c.MSC_MetricsQueueOwner';
import labelUnknownAgent from '@salesforce/label/c.MSC_MetricsUnknownAgent';
import labelChannelCount from '@salesforce/label/c.MSC_MetricsChannelCount';
import labelErrorDurationFields from '@salesforce/label/c.MSC_MetricsErrorDurationFields';
import labelErrorAccess from '@salesforce/label/c.MSC_MetricsErrorAccess';
import labelErrorGroup from '@salesforce/label/c.MSC_MetricsErrorGroup';
export const METRICS_WINDOWS = ['today', 'last7', 'last30', 'custom'];
/** Refresh triggers that arrive within this many milliseconds make one request. */
export const REFRESH_COALESCE_MS = 300;
/** The shortest refresh interval App Builder may set, in seconds. */
export const MIN_REFRESH_SECONDS = 15;
const WINDOW_DAYS = {
    today: 1,
    last7: 7,
    last30: 30
};
function startOfLocalDay(date) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
function addLocalDays(date, days) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}
/** A 'YYYY-MM-DD' date from a date input, as the start of that day in the user's time zone. */
function parseLocalDate(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
    if (!match) {
        return null;
    }
    const date = new Date(
        Number(match[1]),
        Number(match[2]) - 1,
        Number(match[3])
    );
    return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3])
        ? null
        : date;
}
/**
 * The instants a window covers, in whole local days ending with today: today, the last 7 or
 * the last 30 days (today included), or custom dates (both included). Null for custom dates
 * that are missing, unreadable or reversed.
 */
export function windowRange(window, now, customFrom, customTo) {
    if (window === 'custom') {
        const from = parseLocalDate(customFrom);
        const to = parseLocalDate(customTo);
        if (!from || !to || to < from) {
            return null;
        }
        return {
            from: from.toISOString(),
            to: addLocalDays(to, 1).toISOString()
        };
    }
    const today = startOfLocalDay(now);
    const days = WINDOW_DAYS[window] ?? 1;
    return {
        from: addLocalDays(today, 1 - days).toISOString(),
        to: addLocalDays(today, 1).toISOString()
    };
}
/** 'YYYY-MM-DD' of a local date, for date inputs. */
export function toDateInputValue(date) {
    const pad = (value) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
/** A Group (public group or queue) Id: key prefix 00G, 15 or 18 characters. */
export function isGroupId(value) {
    return /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(value ?? '');
}
/** An owner that is a queue (a Group) rather than a user. */
export function isQueueOwner(ownerId) {
    return typeof ownerId === 'string' && ownerId.startsWith(GROUP_KEY_PREFIX);
}
/** GroupMember filter for the App Builder group: by Id when it looks like one, else by DeveloperName. */
function groupMemberFilter(teamGroup) {
    return isGroupId(teamGroup)
        ? { GroupId: { eq: teamGroup } }
        : { Group: { DeveloperName: { eq: teamGroup } } };
}
/**
 * The owner part of the session filters: me; all owners; or owners who are members of the
 * group (a semi-join on GroupMember.UserOrGroupId, evaluated by the server).
 */
export function ownerFilter(input) {
    if (input.scope === 'me') {
        return { OwnerId: { eq: input.userId } };
    }
    const group = input.teamGroup?.trim();
    if (!group) {
        return null;
    }
    return {
        OwnerId: {
            inq: {
                GroupMember: groupMemberFilter(group),
                ApiName: 'UserOrGroupId'
            }
        }
    };
}
function and(...filters) {
    const parts = filters.filter((filter) => filter !== null);
    return parts.length === 1 ? parts[0] : { and: parts };
}
export const RESPONSE_TIME_METRIC = 'AverageAgentResponseTime';
/** Variables of the metrics query for a window and a scope. */
export function buildMetricsVariables(range, input) {
    const owner = ownerFilter(input);
    const ended = { Status: { eq: 'Ended' } };
    const inWindow = {
        EndTime: { gte: { value: range.from }, lt: { value: range.to } }
    };
    const open = { Status: { in: [...OPEN_WORK_STATUSES] } };
    const handledWhere = and(owner, ended, inWindow);
    const openWhere = and(owner, open);
    let ownersWhere;
    const group = input.teamGroup?.trim();
    if (input.scope === 'me') {
        ownersWhere = { Id: { eq: input.userId } };
    } else if (group) {
        // Every member is listed, including agents with no sessions in the window.
        ownersWhere = {
            Id: {
                inq: {
                    GroupMember: groupMemberFilter(group),
                    ApiName: 'UserOrGroupId'
                }
            }
        };
    } else {
        ownersWhere = {
            Id: {
                inq: {
                    MessagingSession: { or: [and(ended, inWindow), open] },
                    ApiName: 'OwnerId'
                }
            }
        };
    }
    return {
        handledWhere,
        openWhere,
        ownersWhere,
        responseWhere: and(
            { MessagingSessionMetricType: { eq: RESPONSE_TIME_METRIC } },
            { MessagingSession: handledWhere }
        )
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
function emptyAgent(ownerId, name) {
    return {
        ownerId,
        name,
        isQueue: isQueueOwner(ownerId),
        handled: 0,
        openNow: 0,
        openByStatus: {},
        wait: { average: null, samples: 0 },
        maxWaitSeconds: null,
        handle: { average: null, samples: 0 },
        maxHandleSeconds: null,
        agentMessages: null,
        endUserMessages: null,
        messagesNotCalculated: 0,
        response: { average: null, samples: 0 },
        channels: []
    };
}
/** Name shown for an owner the name query did not return: a queue, or a user we can't read. */
export function fallbackOwnerName(ownerId) {
    const short = ownerId.length > 6 ? `…${ownerId.slice(-6)}` : ownerId;
    return formatLabel(
        isQueueOwner(ownerId) ? labelQueueOwner : labelUnknownAgent,
        short
    );
}
/** Weighted average of averages: Σ(avg × samples) / Σ samples; groups without a value are skipped. */
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
 * query asked for it; otherwise the group's session count stands in.
 */
function averageOf(fn, fallbackSamples) {
    const average = num(fn?.avg);
    const counted = num(fn?.count);
    return {
        average,
        samples: average === null ? 0 : (counted ?? fallbackSamples)
    };
}
const collator = new Intl.Collator(undefined, {
    sensitivity: 'base',
    numeric: true
});
function channelLabel(channelType) {
    return picklistLabel(CHANNEL_TYPES, channelType);
}
function sortChannels(counts) {
    return [...counts.entries()]
        .map(([channelType, count]) => ({
            channelType,
            label: channelLabel(channelType),
            count
        }))
        .sort(
            (a, b) => b.count - a.count || collator.compare(a.label, b.label)
        );
}
/**
 * Turns the aggregate rows of one metrics response into one row per agent (users first, by
 * handled sessions, then queues) and the team totals. Agents listed by the owner query without
 * any session get an empty row; owners that are not in it (queues, users we can't read) get a
 * fallback name.
 */
export function combineMetrics(data) {
    const aggregate = data?.uiapi?.aggregate;
    const agents = new Map();
    const channelsByAgent = new Map();
    const names = new Map();
    for (const edge of data?.uiapi?.query?.User?.edges ?? []) {
        const node = edge?.node;
        if (node?.Id)
            names.set(node.Id, str(node.Name) ?? fallbackOwnerName(node.Id));
    }
    const agentFor = (ownerId) => {
        let agent = agents.get(ownerId);
        if (!agent) {
            agent = emptyAgent(
                ownerId,
                names.get(ownerId) ?? fallbackOwnerName(ownerId)
            );
            agents.set(ownerId, agent);
        }
        return agent;
    };
    // Listed agents first, so that members without sessions still get a row.
    for (const ownerId of names.keys()) agentFor(ownerId);
    for (const row of aggregates(aggregate?.MessagingSession)) {
        const ownerId = str(row.OwnerId);
        if (!ownerId) continue;
        const agent = agentFor(ownerId);
        const handled = num(row.Id?.count) ?? 0;
        agent.handled += handled;
        agent.wait = combineAverages([
            agent.wait,
            averageOf(row.MSC_WaitSeconds__c, handled)
        ]);
        agent.maxWaitSeconds = maxOf(
            agent.maxWaitSeconds,
            num(row.MSC_WaitSeconds__c?.max)
        );
        agent.handle = combineAverages([
            agent.handle,
            averageOf(row.MSC_HandleSeconds__c, handled)
        ]);
        agent.maxHandleSeconds = maxOf(
            agent.maxHandleSeconds,
            num(row.MSC_HandleSeconds__c?.max)
        );
        const agentSum = num(row.AgentMessageCount?.sum);
        const endUserSum = num(row.EndUserMessageCount?.sum);
        agent.agentMessages = addNullable(agent.agentMessages, agentSum);
        agent.endUserMessages = addNullable(agent.endUserMessages, endUserSum);
        // Sessions whose message counts Salesforce left empty (enhanced channels).
        const counted =
            num(row.AgentMessageCount?.count) ??
            (agentSum === null ? 0 : handled);
        agent.messagesNotCalculated += Math.max(0, handled - counted);
    }
    for (const row of aggregates(aggregate?.byChannel)) {
        const ownerId = str(row.OwnerId);
        const channelType = str(row.ChannelType);
        const count = num(row.Id?.count) ?? 0;
        if (!ownerId || !channelType || count <= 0) continue;
        agentFor(ownerId);
        const counts = channelsByAgent.get(ownerId) ?? new Map();
        counts.set(channelType, (counts.get(channelType) ?? 0) + count);
        channelsByAgent.set(ownerId, counts);
    }
    for (const row of aggregates(aggregate?.openNow)) {
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
    for (const row of aggregates(aggregate?.MessagingSessionMetrics)) {
        const ownerId = str(row.MessagingSession?.OwnerId) ?? str(row.OwnerId);
        if (!ownerId) continue;
        const agent = agentFor(ownerId);
        agent.response = combineAverages([
            agent.response,
            averageOf(row.MessagingSessionMetricValue, 1)
        ]);
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
        aggregate?.MessagingSession,
        aggregate?.byChannel,
        aggregate?.openNow
    ].some((connection) => connection?.pageInfo?.hasNextPage === true);
    return { agents: rows, totals: teamTotals(rows, teamChannels), truncated };
}
function teamTotals(rows, channels) {
    let handled = 0;
    let openNow = 0;
    let maxWait = null;
    let maxHandle = null;
    let agentMessages = null;
    let endUserMessages = null;
    let notCalculated = 0;
    for (const row of rows) {
        handled += row.handled;
        openNow += row.openNow;
        maxWait = maxOf(maxWait, row.maxWaitSeconds);
        maxHandle = maxOf(maxHandle, row.maxHandleSeconds);
        agentMessages = addNullable(agentMessages, row.agentMessages);
        endUserMessages = addNullable(endUserMessages, row.endUserMessages);
        notCalculated += row.messagesNotCalculated;
    }
    return {
        agents: rows.filter((row) => !row.isQueue).length,
        handled,
        openNow,
        wait: combineAverages(rows.map((row) => row.wait)),
        maxWaitSeconds: maxWait,
        handle: combineAverages(rows.map((row) => row.handle)),
        maxHandleSeconds: maxHandle,
        agentMessages,
        endUserMessages,
        messagesNotCalculated: notCalculated,
        response: combineAverages(rows.map((row) => row.response)),
        channels: sortChannels(channels)
    };
}
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
export function durationCell(seconds, target) {
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
export function messagesCell(
    agentMessages,
    endUserMessages,
    notCalculated,
    handled
) {
    const note =
        notCalculated > 0
            ? formatLabel(labelNotCalculatedHelp, notCalculated)
            : '';
    if (agentMessages === null && endUserMessages === null) {
        return {
            text:
                handled > 0 && notCalculated >= handled
                    ? labelNotCalculated
                    : labelNoValue,
            note
        };
    }
    return { text: `${agentMessages ?? 0} / ${endUserMessages ?? 0}`, note };
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
function rowView(key, ownerId, name, isQueue, figures, targets, withWarnings) {
    const avgWait = durationCell(figures.wait.average, targets.waitSeconds);
    const maxWait = durationCell(figures.maxWaitSeconds, targets.waitSeconds);
    const avgHandle = durationCell(
        figures.handle.average,
        targets.handleSeconds
    );
    const over = [avgWait, maxWait, avgHandle].some(
        (cell) => cell.state === 'over'
    );
    return {
        key,
        ownerId,
        name,
        isQueue,
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
            figures.agentMessages,
            figures.endUserMessages,
            figures.messagesNotCalculated,
            figures.handled
        ),
        response: durationCell(figures.response.average, null),
        channelsText: channelsText(figures.channels),
        rowClass: over ? 'slds-hint-parent row_over' : 'slds-hint-parent'
    };
}
/** View models of the table rows, durations formatted with the model's formatDuration. */
export function agentRowViews(metrics, targets) {
    return metrics.agents.map((agent) =>
        rowView(
            agent.ownerId,
            agent.ownerId,
            agent.name,
            agent.isQueue,
            agent,
            targets,
            true
        )
    );
}
export function totalsRowView(metrics, targets, label) {
    return rowView('totals', '', label, false, metrics.totals, targets, false);
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
function errorText(error) {
    const parts = [typeof error.message === 'string' ? error.message : ''];
    if (Array.isArray(error.path)) parts.push(error.path.join('.'));
    if (error.extensions && typeof error.extensions === 'object')
        parts.push(JSON.stringify(error.extensions));
    return parts.join(' ');
}
const ACCESS_PATTERN =
    /insufficient[_ ]access|not accessible|no access|access denied|permission|INVALID_TYPE|not supported|isn't supported|is undefined|sObject type|doesn't exist|does not exist/i;
/**
 * Reads the `errors` of a metrics response: the custom duration fields not deployed (or not
 * readable), no access to sessions, an unreadable team group, or response times unavailable
 * (MessagingSessionMetrics missing: API 62+, enhanced channels only), which is not fatal.
 */
export function readMetricsErrors(errors, teamGroup) {
    const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
    if (!list.length) {
        return { problem: null, message: '', responseTimesUnavailable: false };
    }
    const texts = list.map(errorText);
    const aboutResponseTimes = (text) => /MessagingSessionMetric/i.test(text);
    if (texts.every(aboutResponseTimes)) {
        return { problem: null, message: '', responseTimesUnavailable: true };
    }
    const relevant = texts.filter((text) => !aboutResponseTimes(text));
    const fieldPattern = new RegExp(
        `${WAIT_SECONDS_FIELD_NAME}|${HANDLE_SECONDS_FIELD_NAME}`,
        'i'
    );
    if (relevant.some((text) => fieldPattern.test(text))) {
        return {
            problem: 'durationFields',
            message: labelErrorDurationFields,
            responseTimesUnavailable: false
        };
    }
    if (
        relevant.some((text) =>
            /GroupMember|UserOrGroupId|DeveloperName/i.test(text)
        )
    ) {
        return {
            problem: 'teamGroup',
            message: formatLabel(labelErrorGroup, teamGroup ?? ''),
            responseTimesUnavailable: false
        };
    }
    const described = describeError({ errors: list });
    if (
        described.kind === 'access' ||
        relevant.some((text) => ACCESS_PATTERN.test(text))
    ) {
        return {
            problem: 'access',
            message: `${labelErrorAccess} (${described.message})`,
            responseTimesUnavailable: false
        };
    }
    return {
        problem: 'other',
        message: described.message,
        responseTimesUnavailable: false
    };
}
