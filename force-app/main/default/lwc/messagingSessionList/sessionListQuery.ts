/**
 * What the session list asks the server for: the filter state and its definitions, and the
 * GraphQL variables built from them (where, the status-count where, orderBy, paging). No DOM and
 * no Lightning modules here, so all of it is unit-tested.
 *
 * Every filter value (including the search text) travels as a GraphQL variable: the query text
 * itself never changes (SESSION_LIST_DOCUMENT in sessionListDocument.ts).
 */
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS
} from 'c/messagingSessionSchema';
import type { GqlFilter, PicklistOption } from 'c/messagingSessionSchema';
import { START_TIME_WINDOWS, startTimeWindowFilter } from 'c/messagingTime';
import type { StartTimeWindow } from 'c/messagingTime';

import labelAgentTypeFilter from '@salesforce/label/c.MSC_ListAgentTypeFilterLabel';
import labelChannelFilter from '@salesforce/label/c.MSC_ListChannelFilterLabel';
import labelColumnAcceptTime from '@salesforce/label/c.MSC_ListColumnAcceptTime';
import labelColumnCaseNumber from '@salesforce/label/c.MSC_ListColumnCaseNumber';
import labelColumnChannelName from '@salesforce/label/c.MSC_ListColumnChannelName';
import labelColumnEndTime from '@salesforce/label/c.MSC_ListColumnEndTime';
import labelColumnEndUser from '@salesforce/label/c.MSC_ListColumnEndUser';
import labelColumnName from '@salesforce/label/c.MSC_ListColumnName';
import labelColumnStartTime from '@salesforce/label/c.MSC_ListColumnStartTime';
import labelOriginFilter from '@salesforce/label/c.MSC_ListOriginFilterLabel';
import labelStatusFilter from '@salesforce/label/c.MSC_ListStatusFilterLabel';

export type { GqlFilter };

// ---------------------------------------------------------------------------------------------
// Filter state and definitions
// ---------------------------------------------------------------------------------------------

export type OwnerScope = 'me' | 'all';
export type TimeWindow = StartTimeWindow;

/** The filters every list has, whatever picklist filters PICKLIST_FILTERS defines. */
export interface BaseFilters {
    /** Status API names; several at once. Empty means every status. */
    statuses: string[];
    owner: OwnerScope;
    /** Sessions owned by this queue (Group Id), from a backlog drill-in; it replaces the owner scope. */
    queueId: string | null;
    /** Sessions on this MessagingChannel, from a backlog drill-in. */
    messagingChannelId: string | null;
    window: TimeWindow;
    /** Custom range bounds as YYYY-MM-DD (what lightning-input type="date" gives). */
    customFrom: string | null;
    customTo: string | null;
    search: string;
}

/**
 * A picklist filter: a combobox of its options (plus "All") whose choice becomes a `where`
 * condition. The filters component draws one combobox per entry; the query builds one clause per
 * entry. Adding a picklist filter is adding an entry here (and its label).
 */
export interface PicklistFilterDefinition {
    /** Its values' key in the filter state, and in the filterchange detail. */
    key: string;
    /** The combobox's class: tests and the preview's browser tests find it by it. */
    className: string;
    label: string;
    options: readonly PicklistOption[];
    /** The `where` clauses for the chosen values (none for no choice). */
    where: (values: readonly string[], filters: BaseFilters) => GqlFilter[];
    /** Filter state a new choice resets. */
    resets?: Partial<BaseFilters>;
}

/** `Field in (values)`, or nothing when no value is chosen. */
function fieldIn(field: string) {
    return (values: readonly string[]): GqlFilter[] => {
        return values.length ? [{ [field]: { in: [...values] } }] : [];
    };
}

export const PICKLIST_FILTERS = [
    {
        key: 'channelTypes',
        className: 'channel-filter',
        label: labelChannelFilter,
        options: CHANNEL_TYPES,
        // A channel from the backlog is narrower than a channel type: choosing a type replaces it.
        where: (values, filters) => [
            ...fieldIn('ChannelType')(values),
            ...(filters.messagingChannelId
                ? [{ MessagingChannelId: { eq: filters.messagingChannelId } }]
                : [])
        ],
        resets: { messagingChannelId: null }
    },
    {
        key: 'agentTypes',
        className: 'agent-type-filter',
        label: labelAgentTypeFilter,
        options: AGENT_TYPES,
        where: fieldIn('AgentType')
    },
    {
        key: 'origins',
        className: 'origin-filter',
        label: labelOriginFilter,
        options: SESSION_ORIGINS,
        where: fieldIn('Origin')
    }
] as const satisfies readonly PicklistFilterDefinition[];

export type PicklistFilterKey = (typeof PICKLIST_FILTERS)[number]['key'];

/** The list's filter state: the base filters and each picklist filter's chosen values. */
export type SessionFilters = BaseFilters & Record<PicklistFilterKey, string[]>;

export const OWNER_SCOPES: readonly OwnerScope[] = ['me', 'all'];
export const TIME_WINDOWS: readonly TimeWindow[] = START_TIME_WINDOWS;

export function emptyFilters(): SessionFilters {
    const picklists = Object.fromEntries(
        PICKLIST_FILTERS.map((filter) => [filter.key, []])
    ) as unknown as Record<PicklistFilterKey, string[]>;
    return {
        statuses: [],
        ...picklists,
        owner: 'all',
        queueId: null,
        messagingChannelId: null,
        window: 'any',
        customFrom: null,
        customTo: null,
        search: ''
    };
}

/** The search text as sent: trimmed, inner whitespace collapsed, at most 80 characters. */
export const MAX_SEARCH_LENGTH = 80;
export function normalizeSearch(input: unknown): string {
    if (typeof input !== 'string') {
        return '';
    }
    return input.replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
}

/** A LIKE pattern matching the text anywhere; the wildcards % and _ and the escape \ are escaped. */
export function likePattern(search: string): string {
    return `%${search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

// ---------------------------------------------------------------------------------------------
// GraphQL variables
// ---------------------------------------------------------------------------------------------

function combine(clauses: GqlFilter[]): GqlFilter {
    if (clauses.length === 0) {
        return {};
    }
    return clauses.length === 1 ? clauses[0] : { and: clauses };
}

/** The start-time window: the one definition the whole console uses (see startTimeWindowFilter). */
function startTimeClauses(
    filters: SessionFilters,
    now: number | undefined
): GqlFilter[] {
    const clause = startTimeWindowFilter(
        filters.window,
        filters.customFrom,
        filters.customTo,
        now === undefined ? {} : { now }
    );
    return clause ? [clause] : [];
}

function searchClauses(search: string): GqlFilter[] {
    const text = normalizeSearch(search);
    if (!text) return [];
    const pattern = likePattern(text);
    return [
        {
            or: [
                { Name: { like: pattern } },
                { SessionKey: { like: pattern } },
                { MessagingEndUser: { Name: { like: pattern } } }
            ]
        }
    ];
}

/**
 * The `where` of the list query. `includeStatus` false gives the where of the status-count
 * aggregate: every other filter applies, so each status chip shows what selecting it would give.
 */
export function buildWhere(
    filters: SessionFilters,
    userId: string | null,
    includeStatus = true,
    now?: number
): GqlFilter {
    const clauses: GqlFilter[] = [];
    if (includeStatus && filters.statuses.length) {
        clauses.push({ Status: { in: [...filters.statuses] } });
    }
    for (const filter of PICKLIST_FILTERS) {
        clauses.push(...filter.where(filters[filter.key] ?? [], filters));
    }
    if (filters.queueId) {
        clauses.push({ OwnerId: { eq: filters.queueId } });
    } else if (filters.owner === 'me' && userId) {
        clauses.push({ OwnerId: { eq: userId } });
    }
    clauses.push(...startTimeClauses(filters, now));
    clauses.push(...searchClauses(filters.search));
    return combine(clauses);
}

export type SortDirection = 'ASC' | 'DESC';

export interface SortColumn {
    key: string;
    label: string;
    /** Builds the MessagingSession_OrderBy input for a direction. */
    orderBy: (direction: SortDirection) => GqlFilter;
}

const byField =
    (field: string) =>
    (direction: SortDirection): GqlFilter => ({
        [field]: { order: direction, nulls: 'LAST' }
    });

/**
 * The sortable columns (allow-list). The sort travels as the `$orderBy` variable; only these
 * fixed shapes can be produced, whatever key the user interface hands in.
 * PreviewDetails can't be sorted (the object reference gives it no Sort property) and Owner is
 * polymorphic, so neither is here.
 */
export const SORT_COLUMNS: readonly SortColumn[] = [
    {
        key: 'startTime',
        label: labelColumnStartTime,
        orderBy: byField('StartTime')
    },
    {
        key: 'acceptTime',
        label: labelColumnAcceptTime,
        orderBy: byField('AcceptTime')
    },
    { key: 'endTime', label: labelColumnEndTime, orderBy: byField('EndTime') },
    { key: 'name', label: labelColumnName, orderBy: byField('Name') },
    { key: 'status', label: labelStatusFilter, orderBy: byField('Status') },
    {
        key: 'channelType',
        label: labelChannelFilter,
        orderBy: byField('ChannelType')
    },
    {
        key: 'channelName',
        label: labelColumnChannelName,
        orderBy: byField('ChannelName')
    },
    {
        key: 'agentType',
        label: labelAgentTypeFilter,
        orderBy: byField('AgentType')
    },
    { key: 'origin', label: labelOriginFilter, orderBy: byField('Origin') },
    {
        key: 'endUser',
        label: labelColumnEndUser,
        orderBy: (direction) => ({
            MessagingEndUser: { Name: { order: direction, nulls: 'LAST' } }
        })
    },
    {
        key: 'caseNumber',
        label: labelColumnCaseNumber,
        orderBy: (direction) => ({
            Case: { CaseNumber: { order: direction, nulls: 'LAST' } }
        })
    }
];

export const DEFAULT_SORT = {
    key: 'startTime',
    direction: 'DESC' as SortDirection
};

export function isSortKey(key: unknown): key is string {
    return SORT_COLUMNS.some((column) => column.key === key);
}

export function buildOrderBy(key: unknown, direction: unknown): GqlFilter {
    const column =
        SORT_COLUMNS.find((candidate) => candidate.key === key) ??
        SORT_COLUMNS[0];
    const order: SortDirection = direction === 'ASC' ? 'ASC' : 'DESC';
    return column.orderBy(order);
}

/** Relay record-connection pagination stops at 4,000 records; past that the query needs upperBound. */
export const SIMPLE_PAGINATION_LIMIT = 4000;
/** With upperBound, `first` must be between 200 and 2000 (GraphQL API, "Paginate with Upper-Bound Limit"). */
export const UPPER_BOUND_MIN_FIRST = 200;
export const DEFAULT_UPPER_BOUND = 10000;

export interface PageArguments {
    first: number;
    upperBound: number | null;
}

/**
 * `first` and `upperBound` for the next page. While the pages stay within 4,000 records the
 * query pages simply (`upperBound` null). The page that would cross 4,000 switches to upper-bound
 * pagination (allowed in a subsequent query from API v60.0), with at least 200 records a page
 * and an upper bound above the total count.
 */
export function pageArguments(
    loadedCount: number,
    pageSize: number,
    totalCount: number | null
): PageArguments {
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

export interface SessionListVariables {
    where: GqlFilter;
    countWhere: GqlFilter;
    orderBy: GqlFilter;
    first: number;
    after: string | null;
    upperBound: number | null;
}

export function buildVariables(options: {
    filters: SessionFilters;
    userId: string | null;
    sortKey: unknown;
    sortDirection: unknown;
    /** The page asked for: fixed when it is asked for, so rows arriving don't re-query. */
    page: PageArguments;
    after: string | null;
    /** The instant the start-time window is measured from; defaults to now. */
    now?: number;
}): SessionListVariables {
    const { filters, userId, now } = options;
    return {
        where: buildWhere(filters, userId, true, now),
        countWhere: buildWhere(filters, userId, false, now),
        orderBy: buildOrderBy(options.sortKey, options.sortDirection),
        first: options.page.first,
        after: options.after,
        upperBound: options.page.upperBound
    };
}
