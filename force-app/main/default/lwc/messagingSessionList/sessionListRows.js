/**
 * What the session list reads from the server's answer: rows from GraphQL edges, page merging,
 * status counts from the aggregate, the optional fields left out, a page fingerprint for polls,
 * and the record Ids of a change event. No DOM and no Lightning modules here.
 */
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS,
    SESSION_STATUSES,
    channelIcon,
    gqlValue,
    mergeByKey,
    picklistLabel,
    readSessionOwner,
    statusOption
} from 'c/messagingSessionSchema';
import { isObject } from 'c/messagingErrors';
function text(field) {
    const value = gqlValue(field);
    return typeof value === 'string' && value !== '' ? value : null;
}
function picklist(options, field) {
    const value = text(field);
    return [value, picklistLabel(options, value, field?.displayValue ?? null)];
}
/** One row view-model from one node. Nulls stay null; unknown picklist values keep their raw value. */
export function toSessionRow(node) {
    const [status, statusLabel] = picklist(SESSION_STATUSES, node.Status);
    const [channelType, channelLabel] = picklist(
        CHANNEL_TYPES,
        node.ChannelType
    );
    const [agentType, agentTypeLabel] = picklist(AGENT_TYPES, node.AgentType);
    const [origin, originLabel] = picklist(SESSION_ORIGINS, node.Origin);
    const option = statusOption(status);
    return {
        id: node.Id,
        name: text(node.Name) ?? node.Id,
        status,
        statusLabel,
        statusBadgeClass:
            option?.badgeClass ?? 'slds-badge slds-badge_lightest',
        isOpen: option?.isOpen ?? false,
        channelType,
        channelLabel,
        channelIcon: channelIcon(channelType),
        channelName: text(node.ChannelName),
        agentType,
        agentTypeLabel,
        origin,
        originLabel,
        owner: readSessionOwner(node),
        endUserName: text(node.MessagingEndUser?.Name),
        caseNumber: text(node.Case?.CaseNumber),
        startTime: text(node.StartTime),
        acceptTime: text(node.AcceptTime),
        endTime: text(node.EndTime),
        preview: text(node.PreviewDetails)
    };
}
/** The page of rows in a response. Edges without a node or an Id are skipped. */
export function readSessionPage(data) {
    const connection = data?.uiapi?.query?.MessagingSession;
    const rows = (connection?.edges ?? [])
        .map((edge) => edge?.node)
        .filter((node) =>
            Boolean(node && typeof node.Id === 'string' && node.Id)
        )
        .map(toSessionRow);
    const totalCount = connection?.totalCount;
    return {
        rows: dedupeRows(rows),
        hasNextPage: Boolean(connection?.pageInfo?.hasNextPage),
        endCursor: connection?.pageInfo?.endCursor ?? null,
        totalCount:
            typeof totalCount === 'number' && Number.isFinite(totalCount)
                ? totalCount
                : null
    };
}
/** A session that appears twice (it moved between pages) is shown once, updated in place. */
function dedupeRows(rows) {
    return mergeRows([], rows);
}
/**
 * Appends a page to the rows already shown. A session already in the list (it moved between
 * pages because sessions were added or re-sorted meanwhile) is updated in place, never repeated.
 */
export function mergeRows(existing, incoming) {
    return mergeByKey(existing, incoming, (row) => row.id);
}
/**
 * Counts by status from the aggregate edges, in lifecycle order; every known status is listed
 * (0 when absent), then any value the console doesn't know, as it came.
 */
export function readStatusCounts(data) {
    const counts = new Map();
    for (const edge of data?.uiapi?.aggregate?.MessagingSession?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        const value = text(aggregate?.Status);
        const count = gqlValue(aggregate?.Id?.count);
        if (value && typeof count === 'number' && Number.isFinite(count)) {
            counts.set(value, (counts.get(value) ?? 0) + count);
        }
    }
    const known = SESSION_STATUSES.map((option) => ({
        value: option.value,
        label: option.label,
        count: counts.get(option.value) ?? 0,
        known: true
    }));
    const unknown = [...counts.entries()]
        .filter(([value]) => !statusOption(value))
        .map(([value, count]) => ({
            value,
            label: value,
            count,
            known: false
        }));
    return [...known, ...unknown];
}
/**
 * The fields the list query marks `@optional`: the server leaves them out of every node when the
 * user may not read them (field-level security), instead of failing the query. A relationship
 * path names the relationship and then the field read through it.
 */
export const OPTIONAL_LIST_FIELDS = [
    'ChannelType',
    'ChannelName',
    'AgentType',
    'Origin',
    'AcceptTime',
    'EndTime',
    'PreviewDetails',
    'OwnerId',
    'Owner',
    'MessagingEndUser',
    'MessagingEndUser.Name',
    'Case',
    'Case.CaseNumber'
];
/**
 * The optional fields the response left out, in OPTIONAL_LIST_FIELDS order. A field counts as
 * left out when it is absent (not null: null is an empty value) from a node that could hold it;
 * field-level security hides a field for every record alike, so the first such node decides.
 */
export function hiddenListFields(data) {
    const nodes = (data?.uiapi?.query?.MessagingSession?.edges ?? [])
        .map((edge) => edge?.node)
        .filter(isObject);
    return OPTIONAL_LIST_FIELDS.filter((path) => {
        const names = path.split('.');
        const field = names.pop();
        const step = (value, name) => {
            return isObject(value) ? value[name] : undefined;
        };
        const holder = nodes
            .map((node) => names.reduce(step, node))
            .find(isObject);
        return holder !== undefined && !(field in holder);
    });
}
/** A fingerprint of what the list shows, to tell whether a poll brought changes. */
export function pageSignature(page) {
    return JSON.stringify([
        page.totalCount,
        page.rows.map((row) => [
            row.id,
            row.status,
            row.acceptTime,
            row.endTime,
            row.owner.kind,
            row.owner.id
        ])
    ]);
}
/** Record Ids named by a Change Data Capture event, from its ChangeEventHeader. */
export function changeEventRecordIds(message) {
    const payload = message?.data?.payload;
    const ids = payload?.ChangeEventHeader?.recordIds;
    return Array.isArray(ids)
        ? ids.filter((id) => typeof id === 'string' && id !== '')
        : [];
}
