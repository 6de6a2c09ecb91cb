/**
 * Pure logic of the session list: GraphQL variables from the filter state, rows from GraphQL
 * edges, page merging, status counts from the aggregate, App Builder input parsing and the
 * coalescing scheduler. No DOM and no Lightning modules here, so all of it is unit-tested.
 *
 * Every filter value (including the search text) travels as a GraphQL variable: the query text
 * itself never changes (see SESSION_LIST_QUERY in messagingSessionList.ts).
 */
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS,
    SESSION_STATUSES,
    channelIcon,
    gqlValue,
    picklistLabel,
    readSessionOwner,
    statusOption
} from 'c/messagingSessionSchema';
import {
    START_TIME_WINDOWS,
    customRangeProblem as windowRangeProblem,
    startTimeWindowFilter
} from 'c/messagingTime';
import { isObject } from 'c/messagingErrors';
import { readIntervalSeconds } from 'c/messagingLiveRefresh';
export const OWNER_SCOPES = ['me', 'all'];
export const TIME_WINDOWS = START_TIME_WINDOWS;
export function emptyFilters() {
    return {
        statuses: [],
        channelTypes: [],
        agentTypes: [],
        origins: [],
        owner: 'all',
        queueId: null,
        messagingChannelId: null,
        window: 'any',
        customFrom: null,
        customTo: null,
        search: ''
    };
}
/** A picklist API name: letters, digits and underscores. Anything else is not a value. */
const PICKLIST_TOKEN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
/**
 * Parses a comma-separated list of picklist values typed in App Builder. Unknown but well-formed
 * values are kept as they are (the org may have values this console doesn't know); blanks,
 * duplicates and malformed entries are dropped.
 */
export function parsePicklistList(input) {
    if (typeof input !== 'string') {
        return [];
    }
    const values = input
        .split(/[,;]/)
        .map((value) => value.trim())
        .filter((value) => PICKLIST_TOKEN.test(value));
    return [...new Set(values)];
}
export function parseOwnerScope(input, fallback = 'me') {
    return OWNER_SCOPES.includes(input) ? input : fallback;
}
/** App Builder's time window; 'custom' needs dates, so it isn't accepted as a default. */
export function parseTimeWindow(input, fallback = 'any') {
    return TIME_WINDOWS.includes(input) && input !== 'custom'
        ? input
        : fallback;
}
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Page size from App Builder: a whole number from 1 to 200; anything else gives the default. */
export function parsePageSize(input) {
    const size =
        typeof input === 'string' && input.trim() !== ''
            ? Number(input)
            : input;
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 1) {
        return DEFAULT_PAGE_SIZE;
    }
    return Math.min(MAX_PAGE_SIZE, Math.floor(size));
}
export const DEFAULT_SAFETY_REFRESH_SECONDS = 300;
export const MIN_SAFETY_REFRESH_SECONDS = 60;
/**
 * The slow safety poll kept while Change Data Capture is subscribed: a minute to an hour, 300 s
 * by default. A subscription can succeed and still deliver nothing (MessagingSession not selected
 * for CDC, or a user without View All Records on it), so the list rechecks now and then.
 */
export function parseSafetyRefreshSeconds(input) {
    return readIntervalSeconds(
        input,
        DEFAULT_SAFETY_REFRESH_SECONDS,
        MIN_SAFETY_REFRESH_SECONDS
    );
}
export const SELECTION_MODES = ['publish', 'openTab'];
export function parseSelectionMode(input) {
    return SELECTION_MODES.includes(input) ? input : 'publish';
}
/** The search text as sent: trimmed, inner whitespace collapsed, at most 80 characters. */
export const MAX_SEARCH_LENGTH = 80;
export function normalizeSearch(input) {
    if (typeof input !== 'string') {
        return '';
    }
    return input.replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
}
/** A LIKE pattern matching the text anywhere; the wildcards % and _ and the escape \ are escaped. */
export function likePattern(search) {
    return `%${search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}
/** What is wrong with a custom range, if anything. An open end (only from, or only to) is fine. */
export function customRangeProblem(filters) {
    return filters.window === 'custom'
        ? windowRangeProblem(filters.customFrom, filters.customTo)
        : null;
}
function combine(clauses) {
    if (clauses.length === 0) {
        return {};
    }
    return clauses.length === 1 ? clauses[0] : { and: clauses };
}
/** The start-time window: the one definition the whole console uses (see startTimeWindowFilter). */
function startTimeClauses(filters, now) {
    const clause = startTimeWindowFilter(
        filters.window,
        filters.customFrom,
        filters.customTo,
        now === undefined ? {} : { now }
    );
    return clause ? [clause] : [];
}
/**
 * The `where` of the list query. `includeStatus` false gives the where of the status-count
 * aggregate: every other filter applies, so each status chip shows what selecting it would give.
 */
export function buildWhere(filters, userId, includeStatus = true, now) {
    const clauses = [];
    if (includeStatus && filters.statuses.length) {
        clauses.push({ Status: { in: [...filters.statuses] } });
    }
    if (filters.channelTypes.length) {
        clauses.push({ ChannelType: { in: [...filters.channelTypes] } });
    }
    if (filters.messagingChannelId) {
        clauses.push({
            MessagingChannelId: { eq: filters.messagingChannelId }
        });
    }
    if (filters.agentTypes.length) {
        clauses.push({ AgentType: { in: [...filters.agentTypes] } });
    }
    if (filters.origins.length) {
        clauses.push({ Origin: { in: [...filters.origins] } });
    }
    if (filters.queueId) {
        clauses.push({ OwnerId: { eq: filters.queueId } });
    } else if (filters.owner === 'me' && userId) {
        clauses.push({ OwnerId: { eq: userId } });
    }
    clauses.push(...startTimeClauses(filters, now));
    const search = normalizeSearch(filters.search);
    if (search) {
        const pattern = likePattern(search);
        clauses.push({
            or: [
                { Name: { like: pattern } },
                { SessionKey: { like: pattern } },
                { MessagingEndUser: { Name: { like: pattern } } }
            ]
        });
    }
    return combine(clauses);
}
const byField = (field) => (direction) => ({
    [field]: { order: direction, nulls: 'LAST' }
});
/**
 * The sortable columns (allow-list). The sort travels as the `$orderBy` variable; only these
 * fixed shapes can be produced, whatever key the user interface hands in.
 * PreviewDetails can't be sorted (the object reference gives it no Sort property) and Owner is
 * polymorphic, so neither is here.
 */
export const SORT_COLUMNS = [
    { key: 'startTime', orderBy: byField('StartTime') },
    { key: 'acceptTime', orderBy: byField('AcceptTime') },
    { key: 'endTime', orderBy: byField('EndTime') },
    { key: 'name', orderBy: byField('Name') },
    { key: 'status', orderBy: byField('Status') },
    { key: 'channelType', orderBy: byField('ChannelType') },
    { key: 'channelName', orderBy: byField('ChannelName') },
    { key: 'agentType', orderBy: byField('AgentType') },
    { key: 'origin', orderBy: byField('Origin') },
    {
        key: 'endUser',
        orderBy: (direction) => ({
            MessagingEndUser: { Name: { order: direction, nulls: 'LAST' } }
        })
    },
    {
        key: 'caseNumber',
        orderBy: (direction) => ({
            Case: { CaseNumber: { order: direction, nulls: 'LAST' } }
        })
    }
];
export const DEFAULT_SORT = {
    key: 'startTime',
    direction: 'DESC'
};
export function isSortKey(key) {
    return SORT_COLUMNS.some((column) => column.key === key);
}
export function buildOrderBy(key, direction) {
    const column =
        SORT_COLUMNS.find((candidate) => candidate.key === key) ??
        SORT_COLUMNS[0];
    const order = direction === 'ASC' ? 'ASC' : 'DESC';
    return column.orderBy(order);
}
/**
 * The list a backlog drill-in asks for: exactly the waiting sessions of the queue or channel, in
 * any time window and without search, oldest first. Every other filter starts empty.
 */
export function drillInView(message) {
    const column = SORT_COLUMNS.find(
        (candidate) => message.sortBy in candidate.orderBy('ASC')
    );
    return {
        filters: {
            ...emptyFilters(),
            statuses: [...message.statuses],
            channelTypes: message.channelType ? [message.channelType] : [],
            messagingChannelId: message.messagingChannelId,
            queueId: message.queueId
        },
        sortKey: column?.key ?? DEFAULT_SORT.key,
        sortDirection: message.sortDirection
    };
}
/**
 * Whether the filters still show what the drill-in asked for: a change to the owner or the
 * channel ends it (the list then says no more that it shows the queue or channel).
 */
export function drillInActive(message, filters) {
    if (!message) return false;
    return (
        filters.queueId === message.queueId &&
        filters.messagingChannelId === message.messagingChannelId &&
        (message.channelType === null ||
            (filters.channelTypes.length === 1 &&
                filters.channelTypes[0] === message.channelType))
    );
}
/** Relay record-connection pagination stops at 4,000 records; past that the query needs upperBound. */
export const SIMPLE_PAGINATION_LIMIT = 4000;
/** With upperBound, `first` must be between 200 and 2000 (GraphQL API, "Paginate with Upper-Bound Limit"). */
export const UPPER_BOUND_MIN_FIRST = 200;
export const DEFAULT_UPPER_BOUND = 10000;
/**
 * `first` and `upperBound` for the next page. While the pages stay within 4,000 records the
 * query pages simply (`upperBound` null). The page that would cross 4,000 switches to upper-bound
 * pagination (allowed in a subsequent query from API v60.0), with at least 200 records a page
 * and an upper bound above the total count.
 */
export function pageArguments(loadedCount, pageSize, totalCount) {
    if (loadedCount + pageSize <= SIMPLE_PAGINATION_LIMIT) {
        return { first: pageSize, upperBound: null };
    }
    const total = totalCount ?? 0;
    const upperBound = Math.max(
        DEFAULT_UPPER_BOUND,
        Math.ceil(total / 1000) * 1000
    );
    return { first: Math.max(UPPER_BOUND_MIN_FIRST, pageSize), upperBound };
}
export function buildVariables(options) {
    const paging = options.after
        ? pageArguments(
              options.loadedCount,
              options.pageSize,
              options.totalCount
          )
        : { first: options.pageSize, upperBound: null };
    return {
        where: buildWhere(options.filters, options.userId, true, options.now),
        countWhere: buildWhere(
            options.filters,
            options.userId,
            false,
            options.now
        ),
        orderBy: buildOrderBy(options.sortKey, options.sortDirection),
        first: paging.first,
        after: options.after,
        upperBound: paging.upperBound
    };
}
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
function dedupeRows(rows) {
    return mergeRows([], rows);
}
/**
 * Appends a page to the rows already shown. A session already in the list (it moved between
 * pages because sessions were added or re-sorted meanwhile) is updated in place, never repeated.
 */
export function mergeRows(existing, incoming) {
    const merged = [...existing];
    const index = new Map(merged.map((row, position) => [row.id, position]));
    for (const row of incoming) {
        const position = index.get(row.id);
        if (position === undefined) {
            index.set(row.id, merged.length);
            merged.push(row);
        } else {
            merged[position] = row;
        }
    }
    return merged;
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
