/**
 * The agent metrics panel's GraphQL variables for a window and a scope: which sessions count as
 * handled or open, whose they are (me, my team, every agent) and which users and queues to name.
 * Pure: the preview's timings build their requests with the same functions.
 */
import { OPEN_WORK_STATUSES } from 'c/messagingSessionSchema';
import { nodes } from './metricsResponses';
export const METRICS_WINDOWS = ['today', 'last7', 'last30', 'custom'];
export const METRICS_SCOPES = ['me', 'team', 'all'];
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
