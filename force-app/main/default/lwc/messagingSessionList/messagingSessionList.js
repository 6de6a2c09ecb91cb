/**
 * Messaging session list: every session an agent or supervisor needs, filtered, searched, sorted
 * and paged through the GraphQL wire adapter, with status counts from an aggregate in the same
 * request, live updates through Change Data Capture (with a slow safety poll) or polling,
 * selection published on MSC_MessagingSessionSelected__c, and the waiting sessions of a queue or
 * channel chosen in the backlog (MSC_BacklogDrillIn__c).
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import {
    isEmpEnabled,
    onError as onEmpError,
    subscribe as empSubscribe,
    unsubscribe as empUnsubscribe
} from 'lightning/empApi';
import { NavigationMixin } from 'lightning/navigation';
import {
    EnclosingTabId,
    IsConsoleNavigation
} from 'lightning/platformWorkspaceApi';
import { openInWorkspace } from 'c/messagingConsoleNavigation';
import BACKLOG_DRILL_IN from '@salesforce/messageChannel/MSC_BacklogDrillIn__c';
import SESSION_SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import USER_ID from '@salesforce/user/Id';
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    QUEUE_BADGE_CLASS,
    SESSION_ORIGINS,
    ownerView
} from 'c/messagingSessionSchema';
import {
    formatLabel,
    sessionClock,
    sessionClockText,
    windowDayKey
} from 'c/messagingTime';
import { errorMessage } from 'c/messagingErrors';
import {
    readBacklogDrillIn,
    readSessionsChangedMessage
} from 'c/messagingChannels';
import {
    BROWSER_CLOCK,
    CoalescingScheduler,
    REFRESH_MIN_INTERVAL_MS,
    REFRESH_SETTLE_MS,
    SESSION_CHANGE_EVENT_CHANNEL,
    readRefreshSeconds
} from 'c/messagingLiveRefresh';
import {
    DEFAULT_SORT,
    buildVariables,
    changeEventRecordIds,
    customRangeProblem,
    drillInActive,
    drillInView,
    emptyFilters,
    hiddenListFields,
    isSortKey,
    mergeRows,
    pageArguments,
    pageSignature,
    parseOwnerScope,
    parsePageSize,
    parsePicklistList,
    parseSafetyRefreshSeconds,
    parseSelectionMode,
    parseTimeWindow,
    readSessionPage,
    readStatusCounts
} from './sessionListQuery';
import labelAgentTypeFilter from '@salesforce/label/c.MSC_ListAgentTypeFilterLabel';
import labelAllOption from '@salesforce/label/c.MSC_ListAllOption';
import labelCase from '@salesforce/label/c.MSC_ListCase';
import labelChannelFilter from '@salesforce/label/c.MSC_ListChannelFilterLabel';
import labelClearFilters from '@salesforce/label/c.MSC_ListClearFilters';
import labelColumnAcceptTime from '@salesforce/label/c.MSC_ListColumnAcceptTime';
import labelColumnCaseNumber from '@salesforce/label/c.MSC_ListColumnCaseNumber';
import labelColumnChannelName from '@salesforce/label/c.MSC_ListColumnChannelName';
import labelColumnEndTime from '@salesforce/label/c.MSC_ListColumnEndTime';
import labelColumnEndUser from '@salesforce/label/c.MSC_ListColumnEndUser';
import labelColumnName from '@salesforce/label/c.MSC_ListColumnName';
import labelColumnStartTime from '@salesforce/label/c.MSC_ListColumnStartTime';
import labelCustomFrom from '@salesforce/label/c.MSC_ListCustomFrom';
import labelCustomTo from '@salesforce/label/c.MSC_ListCustomTo';
import labelDrillIn from '@salesforce/label/c.MSC_ListDrillIn';
import labelDrillInClear from '@salesforce/label/c.MSC_ListDrillInClear';
import labelEmptyTitle from '@salesforce/label/c.MSC_ListEmptyTitle';
import labelErrorTitle from '@salesforce/label/c.MSC_ListErrorTitle';
import labelFiltersToggle from '@salesforce/label/c.MSC_ListFiltersToggle';
import labelColumnPreview from '@salesforce/label/c.MSC_ListColumnPreview';
import labelFieldsHidden from '@salesforce/label/c.MSC_ListFieldsHidden';
import labelLiveUpdates from '@salesforce/label/c.MSC_ListLiveUpdates';
import labelLiveUpdatesChecked from '@salesforce/label/c.MSC_ListLiveUpdatesChecked';
import labelLoadMore from '@salesforce/label/c.MSC_ListLoadMore';
import labelLoading from '@salesforce/label/c.MSC_ListLoading';
import labelManualRefresh from '@salesforce/label/c.MSC_ListManualRefresh';
import labelNotSet from '@salesforce/label/c.MSC_ListNotSet';
import labelOpenSession from '@salesforce/label/c.MSC_ListOpenSession';
import labelOriginFilter from '@salesforce/label/c.MSC_ListOriginFilterLabel';
import labelOwner from '@salesforce/label/c.MSC_ListOwner';
import labelOwnerAll from '@salesforce/label/c.MSC_ListOwnerAll';
import labelOwnerFilter from '@salesforce/label/c.MSC_ListOwnerFilterLabel';
import labelOwnerMe from '@salesforce/label/c.MSC_ListOwnerMe';
import labelOwnerQueue from '@salesforce/label/c.MSC_ListOwnerQueue';
import labelPartialData from '@salesforce/label/c.MSC_ListPartialData';
import labelPolling from '@salesforce/label/c.MSC_ListPolling';
import labelRangeReversed from '@salesforce/label/c.MSC_ListRangeReversed';
import labelRangeUnreadable from '@salesforce/label/c.MSC_ListRangeUnreadable';
import labelRefresh from '@salesforce/label/c.MSC_ListRefresh';
import labelRetry from '@salesforce/label/c.MSC_ListRetry';
import labelSearch from '@salesforce/label/c.MSC_ListSearchLabel';
import labelSearchPlaceholder from '@salesforce/label/c.MSC_ListSearchPlaceholder';
import labelSessions from '@salesforce/label/c.MSC_ListSessionsLabel';
import labelShownOfTotal from '@salesforce/label/c.MSC_ListShownOfTotal';
import labelSortAscending from '@salesforce/label/c.MSC_ListSortAscending';
import labelSortDescending from '@salesforce/label/c.MSC_ListSortDescending';
import labelSortLabel from '@salesforce/label/c.MSC_ListSortLabel';
import labelStatusFilter from '@salesforce/label/c.MSC_ListStatusFilterLabel';
import labelTimesFlag from '@salesforce/label/c.MSC_ListTimesFlag';
import labelTitle from '@salesforce/label/c.MSC_ListTitle';
import labelTotalCount from '@salesforce/label/c.MSC_ListTotalCount';
import labelUnknownEndUser from '@salesforce/label/c.MSC_ListUnknownEndUser';
import labelWindowAny from '@salesforce/label/c.MSC_ListWindowAny';
import labelWindowCustom from '@salesforce/label/c.MSC_ListWindowCustom';
import labelWindowLabel from '@salesforce/label/c.MSC_ListWindowLabel';
import labelWindowLast30 from '@salesforce/label/c.MSC_ListWindowLast30';
import labelWindowLast7 from '@salesforce/label/c.MSC_ListWindowLast7';
import labelWindowToday from '@salesforce/label/c.MSC_ListWindowToday';
import labelWindowHelp from '@salesforce/label/c.MSC_StartTimeWindowHelp';
import TIME_ZONE from '@salesforce/i18n/timeZone';
/**
 * The one query the list sends. Its text never changes: filters, search text, sort and paging
 * all travel in `variables` ($where, $countWhere, $orderBy, $first, $after, $upperBound), so no
 * user input is ever spliced into it. The aggregate counts sessions by Status for the same
 * filters minus the status filter ($countWhere), in the same round trip; `first: 2000` because an
 * aggregate, like any subquery, returns only its first 10 groups by default (GraphQL API query limits).
 * Fields a user may be denied by field-level security are `@optional` (lightning/graphql, API
 * v65.0+; needed at every level): the server leaves them out instead of failing the query.
 * Owner is polymorphic: a User, or a Group when a queue owns the session.
 */
const SESSION_LIST_QUERY = gql`
    query messagingSessionList(
        $where: MessagingSession_Filter
        $countWhere: MessagingSession_Filter
        $orderBy: MessagingSession_OrderBy
        $first: Int
        $after: String
        $upperBound: Int
    ) {
        uiapi {
            query {
                MessagingSession(
                    where: $where
                    orderBy: $orderBy
                    first: $first
                    after: $after
                    upperBound: $upperBound
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Status {
                                value
                                displayValue
                            }
                            ChannelType @optional {
                                value
                                displayValue
                            }
                            ChannelName @optional {
                                value
                            }
                            AgentType @optional {
                                value
                                displayValue
                            }
                            Origin @optional {
                                value
                                displayValue
                            }
                            StartTime {
                                value
                            }
                            AcceptTime @optional {
                                value
                            }
                            EndTime @optional {
                                value
                            }
                            PreviewDetails @optional {
                                value
                            }
                            OwnerId @optional {
                                value
                            }
                            Owner @optional {
                                __typename
                                ... on User {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                }
                                ... on Group {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                }
                            }
                            MessagingEndUser @optional {
                                Name @optional {
                                    value
                                }
                            }
                            Case @optional {
                                CaseNumber @optional {
                                    value
                                }
                            }
                        }
                        cursor
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                    totalCount
                }
            }
            aggregate {
                MessagingSession(
                    where: $countWhere
                    groupBy: { Status: { group: true } }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                Status {
                                    value
                                }
                                Id {
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;
const SOURCE = 'messagingSessionList';
/** The owner option shown while a backlog drill-in filters on a queue. */
const QUEUE_OWNER = 'queue';
/** The one timer that makes every open row's duration tick. */
const CLOCK_INTERVAL_MS = 1000;
const SEARCH_DEBOUNCE_MS = 300;
/** Start loading the next page when the list is scrolled this close to its end (pixels). */
const SCROLL_THRESHOLD_PX = 48;
function options(list) {
    return [
        { label: labelAllOption, value: '' },
        ...list.map((option) => ({ label: option.label, value: option.value }))
    ];
}
export default class MessagingSessionList extends NavigationMixin(
    LightningElement
) {
    /** Comma-separated Status values selected at first (App Builder). */
    @api
    defaultStatuses;
    /** One ChannelType value, or empty for every channel (App Builder). */
    @api
    defaultChannelType;
    /** Whose sessions show first: "me" or "all" (App Builder). */
    @api
    defaultScope;
    /** "any", "today", "last7" or "last30" (App Builder). */
    @api
    defaultTimeWindow;
    /** Sessions per page, 1 to 200 (App Builder). */
    @api
    pageSize;
    /** Narrow layout for the utility bar (App Builder). */
    @api
    compact = false;
    /** Polling interval in seconds when Change Data Capture isn't available; 0 turns polling off. */
    @api
    refreshIntervalSeconds;
    /** Safety poll in seconds while Change Data Capture is subscribed (default 300); 0 turns it off. */
    @api
    safetyRefreshIntervalSeconds;
    /** What choosing a row does: "publish" (update the components beside the list) or "openTab". */
    @api
    selectionMode;
    @wire(MessageContext)
    messageContext;
    @wire(IsConsoleNavigation)
    isConsoleNavigation;
    @wire(EnclosingTabId)
    enclosingTabId;
    labels = {
        title: labelTitle,
        refresh: labelRefresh,
        search: labelSearch,
        searchPlaceholder: labelSearchPlaceholder,
        status: labelStatusFilter,
        channel: labelChannelFilter,
        agentType: labelAgentTypeFilter,
        origin: labelOriginFilter,
        owner: labelOwnerFilter,
        window: labelWindowLabel,
        customFrom: labelCustomFrom,
        customTo: labelCustomTo,
        sortBy: labelSortLabel,
        loading: labelLoading,
        loadMore: labelLoadMore,
        empty: labelEmptyTitle,
        clearFilters: labelClearFilters,
        errorTitle: labelErrorTitle,
        retry: labelRetry,
        timesFlag: labelTimesFlag,
        filters: labelFiltersToggle,
        sessions: labelSessions,
        clearDrillIn: labelDrillInClear,
        windowHelp: formatLabel(labelWindowHelp, TIME_ZONE)
    };
    /** The queue badge, with the classes the detail gives it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;
    filters = emptyFilters();
    searchText = '';
    sortKey = DEFAULT_SORT.key;
    sortDirection = DEFAULT_SORT.direction;
    after = null;
    pageArgs = {
        first: parsePageSize(undefined),
        upperBound: null
    };
    rows = [];
    statusCounts = [];
    totalCount = null;
    hasNextPage = false;
    endCursor = null;
    isLoading = true;
    isLoadingMore = false;
    errorText = null;
    warningText = null;
    now = Date.now();
    selectedId = null;
    filtersOpen = false;
    liveMode = 'pending';
    hiddenFields = [];
    /** The queue or channel last chosen in the backlog, while the filters still show it. */
    drillIn = null;
    /** The instant the start-time window is measured from; moves when the day changes. */
    windowNow = Date.now();
    lastResult = null;
    lastSignature = null;
    awaitingRefresh = false;
    detectChanges = false;
    refreshOnFirstPage = false;
    pendingChangeIds = new Set();
    pendingCdc = false;
    pendingPoll = false;
    empSubscription = null;
    messageSubscription = null;
    drillInSubscription = null;
    pollHandle = null;
    clockHandle = null;
    searchHandle = null;
    connected = false;
    defaultsApplied = false;
    scheduler = new CoalescingScheduler(
        () => this.runScheduledRefresh(),
        REFRESH_MIN_INTERVAL_MS,
        REFRESH_SETTLE_MS,
        BROWSER_CLOCK
    );
    // -----------------------------------------------------------------------------------------
    // Data
    // -----------------------------------------------------------------------------------------
    get effectivePageSize() {
        return parsePageSize(this.pageSize);
    }
    /** The GraphQL variables: every filter value, the search text and the sort go here. */
    get variables() {
        const variables = buildVariables({
            filters: this.filters,
            userId: USER_ID ?? null,
            sortKey: this.sortKey,
            sortDirection: this.sortDirection,
            pageSize: this.effectivePageSize,
            after: this.after,
            loadedCount: 0,
            totalCount: null,
            now: this.windowNow
        });
        // Page arguments are fixed when a page is asked for, so rows arriving don't re-query.
        return this.after
            ? {
                  ...variables,
                  first: this.pageArgs.first,
                  upperBound: this.pageArgs.upperBound
              }
            : variables;
    }
    @wire(graphql, { query: SESSION_LIST_QUERY, variables: '$variables' })
    wiredSessions(result) {
        const { data, errors } = result ?? {};
        if (!data && !errors?.length) {
            return;
        }
        this.lastResult = result;
        const connection = data?.uiapi?.query?.MessagingSession;
        if (!connection) {
            this.errorText = errorMessage(errors?.length ? { errors } : errors);
            this.warningText = null;
            this.isLoading = false;
            this.isLoadingMore = false;
            return;
        }
        const page = readSessionPage(data);
        if (this.after === null) {
            const signature = pageSignature(page);
            if (
                this.awaitingRefresh &&
                this.detectChanges &&
                this.lastSignature !== null &&
                signature !== this.lastSignature
            ) {
                this.publishChanged([]);
            }
            if (this.awaitingRefresh) {
                this.awaitingRefresh = false;
                this.detectChanges = false;
            }
            this.lastSignature = signature;
            this.rows = page.rows;
            if (this.refreshOnFirstPage) {
                // Back on the first page after a refresh request: the cached copy may be stale.
                this.refreshOnFirstPage = false;
                this.refreshResult(result);
            }
        } else {
            this.rows = mergeRows(this.rows, page.rows);
        }
        this.statusCounts = readStatusCounts(data);
        this.hiddenFields = hiddenListFields(data);
        this.totalCount = page.totalCount;
        this.hasNextPage = page.hasNextPage && Boolean(page.endCursor);
        this.endCursor = page.endCursor;
        this.errorText = null;
        this.warningText = errors?.length
            ? `${labelPartialData} ${errorMessage({ errors })}`
            : null;
        this.isLoading = false;
        this.isLoadingMore = false;
        this.updateClock();
    }
    /** Refetches through the wire result's own refresh function (LWC guide, "Refresh GraphQL Results"). */
    refreshResult(result) {
        if (typeof result?.refresh !== 'function') {
            // No result has arrived yet: the wire's first answer is still to come.
            return;
        }
        this.awaitingRefresh = true;
        Promise.resolve(result.refresh())
            .then(() => {
                this.awaitingRefresh = false;
                this.detectChanges = false;
            })
            .catch((error) => {
                this.awaitingRefresh = false;
                this.errorText = errorMessage(error);
            });
    }
    /** Reloads from the first page. `detectChanges` publishes sessionsChanged if the rows differ. */
    refreshList(detectChanges = false) {
        this.detectChanges = detectChanges;
        if (this.after === null) {
            this.refreshResult(this.lastResult);
            return;
        }
        this.refreshOnFirstPage = true;
        this.resetPaging();
    }
    resetPaging() {
        this.after = null;
        this.pageArgs = { first: this.effectivePageSize, upperBound: null };
    }
    /** The filters or the sort changed: a different list, starting over. */
    restart() {
        this.resetPaging();
        this.lastSignature = null;
        this.isLoading = true;
    }
    loadMore() {
        if (
            !this.hasNextPage ||
            !this.endCursor ||
            this.isLoadingMore ||
            this.isLoading
        ) {
            return;
        }
        this.pageArgs = pageArguments(
            this.rows.length,
            this.effectivePageSize,
            this.totalCount
        );
        this.isLoadingMore = true;
        this.after = this.endCursor;
    }
    // -----------------------------------------------------------------------------------------
    // Lifecycle, live updates
    // -----------------------------------------------------------------------------------------
    connectedCallback() {
        this.connected = true;
        this.applyDefaults();
        this.messageSubscription = subscribe(
            this.messageContext,
            SESSIONS_CHANGED,
            (message) => this.handleSessionsChanged(message)
        );
        // Application scope: the backlog may sit in the utility bar or on another page of the app.
        this.drillInSubscription = subscribe(
            this.messageContext,
            BACKLOG_DRILL_IN,
            (message) => this.handleBacklogDrillIn(message),
            { scope: APPLICATION_SCOPE }
        );
        this.startLiveUpdates().catch(() => this.startPolling());
    }
    disconnectedCallback() {
        this.connected = false;
        if (this.messageSubscription) {
            unsubscribe(this.messageSubscription);
            this.messageSubscription = null;
        }
        if (this.drillInSubscription) {
            unsubscribe(this.drillInSubscription);
            this.drillInSubscription = null;
        }
        if (this.empSubscription) {
            empUnsubscribe(this.empSubscription).catch(() => undefined);
            this.empSubscription = null;
        }
        this.stopPolling();
        this.stopClock();
        this.scheduler.cancel();
        this.cancelSearch();
    }
    applyDefaults() {
        if (this.defaultsApplied) {
            return;
        }
        this.defaultsApplied = true;
        this.filters = this.defaultFilters();
        this.resetPaging();
    }
    defaultFilters() {
        return {
            ...emptyFilters(),
            statuses: parsePicklistList(this.defaultStatuses),
            channelTypes: parsePicklistList(this.defaultChannelType).slice(
                0,
                1
            ),
            owner: parseOwnerScope(this.defaultScope, 'me'),
            window: parseTimeWindow(this.defaultTimeWindow, 'any')
        };
    }
    async startLiveUpdates() {
        try {
            const enabled = await isEmpEnabled();
            if (!this.connected) {
                return;
            }
            if (!enabled) {
                this.startPolling();
                return;
            }
            onEmpError(() => this.handleEmpError());
            const subscription = await empSubscribe(
                SESSION_CHANGE_EVENT_CHANNEL,
                -1,
                (message) => this.handleChangeEvent(message)
            );
            if (!this.connected) {
                if (subscription)
                    empUnsubscribe(subscription).catch(() => undefined);
                return;
            }
            if (!subscription) {
                this.startPolling();
                return;
            }
            this.empSubscription = subscription;
            this.liveMode = 'cdc';
            this.startSafetyPoll();
        } catch {
            if (this.connected) {
                this.startPolling();
            }
        }
    }
    handleEmpError() {
        if (!this.connected || this.liveMode === 'polling') {
            return;
        }
        this.empSubscription = null;
        this.startPolling();
    }
    startPolling() {
        const seconds = readRefreshSeconds(this.refreshIntervalSeconds);
        this.liveMode = seconds === 0 ? 'manual' : 'polling';
        this.pollEvery(seconds);
    }
    /**
     * While subscribed, change events may still never come: MessagingSession may not be selected
     * for Change Data Capture, and only users with View All on the object receive them (CDC guide,
     * "Required Permissions for Change Event Subscribers"). A slow poll keeps the list honest.
     */
    startSafetyPoll() {
        this.pollEvery(
            parseSafetyRefreshSeconds(this.safetyRefreshIntervalSeconds)
        );
    }
    /** One poll timer at a time; 0 seconds stops polling. A poll that finds changes tells the others. */
    pollEvery(seconds) {
        this.stopPolling();
        if (seconds === 0) {
            return;
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- one timer, cleared in disconnectedCallback
        this.pollHandle = setInterval(() => {
            this.checkWindowDay();
            this.pendingPoll = true;
            this.scheduler.request();
        }, seconds * 1000);
    }
    /** A new day in the user's time zone moves the start-time window ("today" is a new day). */
    checkWindowDay() {
        const now = Date.now();
        if (windowDayKey(now) !== windowDayKey(this.windowNow)) {
            this.windowNow = now;
            if (this.filters.window !== 'any') {
                this.restart();
            }
        }
    }
    stopPolling() {
        if (this.pollHandle !== null) {
            clearInterval(this.pollHandle);
            this.pollHandle = null;
        }
    }
    handleChangeEvent(message) {
        changeEventRecordIds(message).forEach((id) =>
            this.pendingChangeIds.add(id)
        );
        this.pendingCdc = true;
        this.scheduler.request();
    }
    handleSessionsChanged(message) {
        const change = readSessionsChangedMessage(message);
        // Other lists see the same changes themselves; refetch for everyone else's news.
        if (!change || change.source === SOURCE) {
            return;
        }
        this.scheduler.request();
    }
    runScheduledRefresh() {
        const ids = [...this.pendingChangeIds];
        const fromCdc = this.pendingCdc;
        const fromPoll = this.pendingPoll;
        this.pendingChangeIds.clear();
        this.pendingCdc = false;
        this.pendingPoll = false;
        if (fromCdc) {
            this.publishChanged(ids);
        }
        this.refreshList(fromPoll && !fromCdc);
    }
    publishChanged(recordIds) {
        const message = {
            reason: 'sessionsChanged',
            source: SOURCE,
            ...(recordIds.length ? { recordIds } : {})
        };
        publish(this.messageContext, SESSIONS_CHANGED, { ...message });
    }
    // -----------------------------------------------------------------------------------------
    // Live durations: one timer for the whole list
    // -----------------------------------------------------------------------------------------
    updateClock() {
        this.now = Date.now();
        const ticking = this.rows.some(
            (row) =>
                row.isOpen && !row.endTime && (row.startTime || row.acceptTime)
        );
        if (ticking && this.clockHandle === null) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- one timer, cleared in disconnectedCallback
            this.clockHandle = setInterval(() => {
                this.now = Date.now();
                this.checkWindowDay();
            }, CLOCK_INTERVAL_MS);
        } else if (!ticking) {
            this.stopClock();
        }
    }
    stopClock() {
        if (this.clockHandle !== null) {
            clearInterval(this.clockHandle);
            this.clockHandle = null;
        }
    }
    // -----------------------------------------------------------------------------------------
    // View models
    // -----------------------------------------------------------------------------------------
    get rowViews() {
        return this.rows.map((row) => {
            const clock = sessionClock(row, this.now);
            const clockText = sessionClockText(clock);
            const title = row.endUserName ?? labelUnknownEndUser;
            const selected = row.id === this.selectedId;
            return {
                ...row,
                title,
                ...this.ownerTexts(row),
                caseText: row.caseNumber
                    ? formatLabel(labelCase, row.caseNumber)
                    : null,
                detailText: [row.name, row.channelLabel, row.channelName]
                    .filter(Boolean)
                    .join(' · '),
                clockText,
                flagged: clock.flagged,
                ariaCurrent: selected ? 'true' : 'false',
                itemClass: selected
                    ? 'slds-item session-row session-row_selected'
                    : 'slds-item session-row',
                openLabel: formatLabel(labelOpenSession, row.name),
                hasPreview: Boolean(row.preview)
            };
        });
    }
    /** "Owner: Ada Agent", "Owner: Messaging Queue" with the queue badge, or "Owner hidden". */
    ownerTexts(row) {
        const owner = ownerView(row.owner, labelNotSet);
        return {
            ownerText: owner.isHidden
                ? owner.text
                : formatLabel(labelOwner, owner.text),
            ownerIsQueue: owner.isQueue,
            queueBadge: owner.queueBadge
        };
    }
    /** Which optional fields the server left out (field-level security), and that they are hidden. */
    get hiddenFieldsText() {
        const labels = {
            ChannelType: labelChannelFilter,
            ChannelName: labelColumnChannelName,
            AgentType: labelAgentTypeFilter,
            Origin: labelOriginFilter,
            AcceptTime: labelColumnAcceptTime,
            EndTime: labelColumnEndTime,
            PreviewDetails: labelColumnPreview,
            OwnerId: labelOwnerFilter,
            Owner: labelOwnerFilter,
            MessagingEndUser: labelColumnEndUser,
            'MessagingEndUser.Name': labelColumnEndUser,
            Case: labelColumnCaseNumber,
            'Case.CaseNumber': labelColumnCaseNumber
        };
        const names = [
            ...new Set(this.hiddenFields.map((path) => labels[path] ?? path))
        ];
        return names.length
            ? formatLabel(labelFieldsHidden, names.join(', '))
            : '';
    }
    get statusChips() {
        const counts = this.statusCounts.length
            ? this.statusCounts
            : readStatusCounts(null);
        // A selected status the org doesn't report (e.g. an unknown default) still gets a chip.
        const listed = new Set(counts.map((count) => count.value));
        const extra = this.filters.statuses
            .filter((value) => !listed.has(value))
            .map((value) => ({ value, label: value, count: 0, known: false }));
        return [...counts, ...extra].map((count) => {
            const pressed = this.filters.statuses.includes(count.value);
            return {
                value: count.value,
                label: count.label,
                count: count.count,
                pressed: pressed ? 'true' : 'false',
                className: pressed
                    ? 'slds-button slds-button_brand status-chip'
                    : 'slds-button slds-button_neutral status-chip',
                assistiveText: `${count.label}: ${count.count}`
            };
        });
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get showSpinner() {
        return this.isLoading && !this.errorText;
    }
    get showError() {
        return Boolean(this.errorText);
    }
    get showEmpty() {
        return !this.isLoading && !this.errorText && this.rows.length === 0;
    }
    get showList() {
        return !this.errorText && this.rows.length > 0;
    }
    get showLoadMore() {
        return this.hasNextPage && !this.isLoading;
    }
    get ariaBusy() {
        return this.isLoading || this.isLoadingMore ? 'true' : 'false';
    }
    get totalText() {
        if (this.totalCount === null) {
            return '';
        }
        if (this.rows.length < this.totalCount) {
            return formatLabel(
                labelShownOfTotal,
                this.rows.length,
                this.totalCount
            );
        }
        return formatLabel(labelTotalCount, this.totalCount);
    }
    get liveModeText() {
        switch (this.liveMode) {
            case 'cdc': {
                const seconds = parseSafetyRefreshSeconds(
                    this.safetyRefreshIntervalSeconds
                );
                return seconds
                    ? formatLabel(labelLiveUpdatesChecked, seconds)
                    : labelLiveUpdates;
            }
            case 'polling':
                return formatLabel(
                    labelPolling,
                    readRefreshSeconds(this.refreshIntervalSeconds)
                );
            case 'manual':
                return labelManualRefresh;
            default:
                return '';
        }
    }
    get containerClass() {
        return this.compact
            ? 'slds-card session-list session-list_compact'
            : 'slds-card session-list';
    }
    get showFilters() {
        return !this.compact || this.filtersOpen;
    }
    get filtersExpanded() {
        return this.showFilters ? 'true' : 'false';
    }
    get channelOptions() {
        return options(CHANNEL_TYPES);
    }
    get agentTypeOptions() {
        return options(AGENT_TYPES);
    }
    get originOptions() {
        return options(SESSION_ORIGINS);
    }
    get ownerOptions() {
        const scopes = [
            { label: labelOwnerMe, value: 'me' },
            { label: labelOwnerAll, value: 'all' }
        ];
        return this.filters.queueId
            ? [
                  ...scopes,
                  {
                      label: formatLabel(labelOwnerQueue, this.queueName),
                      value: QUEUE_OWNER
                  }
              ]
            : scopes;
    }
    /** The drill-in's queue name, or its Id when the message named none. */
    get queueName() {
        return this.drillIn?.queueId === this.filters.queueId &&
            this.drillIn?.label
            ? this.drillIn.label
            : (this.filters.queueId ?? '');
    }
    /** "Waiting in Support EMEA, oldest first" while the list shows a backlog drill-in. */
    get drillInText() {
        const drillIn = this.drillIn;
        if (!drillIn || !drillInActive(drillIn, this.filters)) return '';
        const name =
            drillIn.label ||
            drillIn.queueId ||
            drillIn.channelType ||
            drillIn.messagingChannelId ||
            '';
        return formatLabel(labelDrillIn, name);
    }
    get windowOptions() {
        return [
            { label: labelWindowAny, value: 'any' },
            { label: labelWindowToday, value: 'today' },
            { label: labelWindowLast7, value: 'last7' },
            { label: labelWindowLast30, value: 'last30' },
            { label: labelWindowCustom, value: 'custom' }
        ];
    }
    get sortOptions() {
        return [
            { label: labelColumnStartTime, value: 'startTime' },
            { label: labelColumnAcceptTime, value: 'acceptTime' },
            { label: labelColumnEndTime, value: 'endTime' },
            { label: labelColumnName, value: 'name' },
            { label: labelStatusFilter, value: 'status' },
            { label: labelChannelFilter, value: 'channelType' },
            { label: labelColumnChannelName, value: 'channelName' },
            { label: labelAgentTypeFilter, value: 'agentType' },
            { label: labelOriginFilter, value: 'origin' },
            { label: labelColumnEndUser, value: 'endUser' },
            { label: labelColumnCaseNumber, value: 'caseNumber' }
        ];
    }
    get channelValue() {
        return this.filters.channelTypes[0] ?? '';
    }
    get agentTypeValue() {
        return this.filters.agentTypes[0] ?? '';
    }
    get originValue() {
        return this.filters.origins[0] ?? '';
    }
    get ownerValue() {
        return this.filters.queueId ? QUEUE_OWNER : this.filters.owner;
    }
    get windowValue() {
        return this.filters.window;
    }
    get isCustomWindow() {
        return this.filters.window === 'custom';
    }
    get customFrom() {
        return this.filters.customFrom ?? '';
    }
    get customTo() {
        return this.filters.customTo ?? '';
    }
    get rangeProblemText() {
        const problem = customRangeProblem(this.filters);
        if (problem === 'reversed') return labelRangeReversed;
        if (problem === 'unreadable') return labelRangeUnreadable;
        return '';
    }
    get sortDirectionIcon() {
        return this.sortDirection === 'ASC'
            ? 'utility:arrowup'
            : 'utility:arrowdown';
    }
    get sortDirectionLabel() {
        return this.sortDirection === 'ASC'
            ? labelSortAscending
            : labelSortDescending;
    }
    // -----------------------------------------------------------------------------------------
    // Handlers
    // -----------------------------------------------------------------------------------------
    setFilters(changes) {
        this.filters = { ...this.filters, ...changes };
        this.restart();
    }
    handleStatusToggle(event) {
        const value = event.currentTarget.dataset.value;
        if (!value) {
            return;
        }
        const statuses = this.filters.statuses.includes(value)
            ? this.filters.statuses.filter((status) => status !== value)
            : [...this.filters.statuses, value];
        this.setFilters({ statuses });
    }
    picked(event) {
        const detail = event.detail;
        return typeof detail?.value === 'string' ? detail.value : '';
    }
    handleChannelChange(event) {
        const value = this.picked(event);
        // A channel from the backlog is narrower than a channel type: choosing a type replaces it.
        this.setFilters({
            channelTypes: value ? [value] : [],
            messagingChannelId: null
        });
    }
    handleAgentTypeChange(event) {
        const value = this.picked(event);
        this.setFilters({ agentTypes: value ? [value] : [] });
    }
    handleOriginChange(event) {
        const value = this.picked(event);
        this.setFilters({ origins: value ? [value] : [] });
    }
    handleOwnerChange(event) {
        const value = this.picked(event);
        if (value === QUEUE_OWNER) {
            return;
        }
        this.setFilters({
            owner: parseOwnerScope(value, this.filters.owner),
            queueId: null
        });
    }
    handleWindowChange(event) {
        const value = this.picked(event);
        const current =
            this.filters.window === 'custom' ? 'any' : this.filters.window;
        const nextWindow =
            value === 'custom' ? 'custom' : parseTimeWindow(value, current);
        this.setFilters({ window: nextWindow });
    }
    handleCustomFromChange(event) {
        this.setFilters({ customFrom: this.picked(event) || null });
    }
    handleCustomToChange(event) {
        this.setFilters({ customTo: this.picked(event) || null });
    }
    handleSearchChange(event) {
        this.searchText = this.picked(event);
        this.cancelSearch();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- one timer, cleared in disconnectedCallback
        this.searchHandle = setTimeout(() => {
            this.searchHandle = null;
            if (this.searchText !== this.filters.search) {
                this.setFilters({ search: this.searchText });
            }
        }, SEARCH_DEBOUNCE_MS);
    }
    handleSortChange(event) {
        const key = this.picked(event);
        if (!isSortKey(key) || key === this.sortKey) {
            return;
        }
        this.sortKey = key;
        this.restart();
    }
    handleSortDirection() {
        this.sortDirection = this.sortDirection === 'ASC' ? 'DESC' : 'ASC';
        this.restart();
    }
    handleClearFilters() {
        this.searchText = '';
        this.filters = emptyFilters();
        this.drillIn = null;
        this.restart();
    }
    /**
     * A queue or channel chosen in the backlog: exactly its waiting sessions, oldest first, in any
     * time window and without search, from the first page.
     */
    handleBacklogDrillIn(message) {
        const drillIn = readBacklogDrillIn(message);
        if (!drillIn) {
            return;
        }
        const view = drillInView(drillIn);
        this.cancelSearch();
        this.searchText = '';
        this.drillIn = drillIn;
        this.filters = view.filters;
        this.sortKey = view.sortKey;
        this.sortDirection = view.sortDirection;
        this.restart();
    }
    /** Back to the list as App Builder set it up. */
    handleClearDrillIn() {
        this.cancelSearch();
        this.searchText = '';
        this.drillIn = null;
        this.filters = this.defaultFilters();
        this.sortKey = DEFAULT_SORT.key;
        this.sortDirection = DEFAULT_SORT.direction;
        this.restart();
    }
    cancelSearch() {
        if (this.searchHandle !== null) {
            clearTimeout(this.searchHandle);
            this.searchHandle = null;
        }
    }
    handleToggleFilters() {
        this.filtersOpen = !this.filtersOpen;
    }
    handleRefresh() {
        this.errorText = null;
        this.refreshList(false);
    }
    handleRetry() {
        this.errorText = null;
        this.isLoading = true;
        this.refreshList(false);
    }
    handleLoadMore() {
        this.loadMore();
    }
    handleScroll(event) {
        const scroller = event.currentTarget;
        if (
            scroller.scrollHeight -
                scroller.scrollTop -
                scroller.clientHeight <=
            SCROLL_THRESHOLD_PX
        ) {
            this.loadMore();
        }
    }
    /** Choosing a row selects it; in "openTab" mode (the utility bar) it also opens the session. */
    handleSelect(event) {
        const recordId = event.currentTarget.dataset.id;
        if (!recordId) {
            return;
        }
        this.select(recordId);
        if (parseSelectionMode(this.selectionMode) === 'openTab') {
            this.openSession(recordId);
        }
    }
    /** Enter on a row's focused name is its explicit Open action, whatever the selection mode. */
    handleRowKeydown(event) {
        const recordId = event.currentTarget.dataset.id;
        if (event.key !== 'Enter' || !recordId) {
            return;
        }
        // Keeps the button's own click (a plain selection) from following.
        event.preventDefault();
        this.select(recordId);
        this.openSession(recordId);
    }
    select(recordId) {
        this.selectedId = recordId;
        const message = { recordId, source: SOURCE };
        publish(this.messageContext, SESSION_SELECTED, { ...message });
    }
    handleOpen(event) {
        const recordId = event.currentTarget.dataset.id;
        if (recordId) {
            this.openSession(recordId);
        }
    }
    /** A workspace tab (or a subtab of the enclosing tab) in a console app; a page navigation elsewhere. */
    async openSession(recordId) {
        if (this.isConsoleNavigation) {
            try {
                await openInWorkspace(recordId, this.enclosingTabId);
                return;
            } catch (error) {
                this.warningText = errorMessage(error);
            }
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: {
                recordId,
                objectApiName: 'MessagingSession',
                actionName: 'view'
            }
        });
    }
}
