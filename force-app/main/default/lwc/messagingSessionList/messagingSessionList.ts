/**
 * Messaging session list: every session an agent or supervisor needs, filtered, searched, sorted
 * and paged through the GraphQL wire adapter, with status counts from an aggregate in the same
 * request, live updates through Change Data Capture (with a slow safety poll) or polling,
 * selection published on MSC_MessagingSessionSelected__c, and the waiting sessions of a queue or
 * channel chosen in the backlog (MSC_BacklogDrillIn__c).
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLWireResult } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type {
    MessageContextType,
    Subscription
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

import { windowDayKey } from 'c/messagingTime';
import { errorMessage } from 'c/messagingErrors';
import {
    readBacklogDrillIn,
    readSessionsChangedMessage
} from 'c/messagingChannels';
import type {
    BacklogDrillInMessage,
    SessionSelectedMessage,
    SessionsChangedMessage
} from 'c/messagingChannels';
import {
    BROWSER_CLOCK,
    LiveRefreshController,
    REFRESH_MIN_INTERVAL_MS,
    REFRESH_SETTLE_MS,
    readRefreshSeconds
} from 'c/messagingLiveRefresh';
import type { LiveRefreshMode, RefreshBatch } from 'c/messagingLiveRefresh';
import type {
    SessionOpenDetail,
    SessionSelectDetail
} from 'c/messagingSessionListItem';
import type { StatusChangeDetail } from 'c/messagingStatusChips';
import { SESSION_LIST_DOCUMENT } from './sessionListDocument';
import {
    DEFAULT_SORT,
    PICKLIST_FILTERS,
    SORT_COLUMNS,
    buildVariables,
    emptyFilters,
    isSortKey,
    pageArguments
} from './sessionListQuery';
import type {
    PageArguments,
    SessionFilters,
    SessionListVariables,
    SortDirection
} from './sessionListQuery';
import {
    changeEventRecordIds,
    hiddenListFields,
    mergeRows,
    pageSignature,
    readSessionPage,
    readStatusCounts
} from './sessionListRows';
import type { SessionListData, SessionRow } from './sessionListRows';
import {
    defaultFilters,
    parsePageSize,
    parseSafetyRefreshSeconds,
    parseSelectionMode
} from './sessionListSettings';
import {
    drillInQueueName,
    drillInText,
    drillInView
} from './sessionListDrillIn';
import {
    hasRunningClock,
    hiddenFieldsText,
    liveModeText,
    LIST_LABELS,
    sessionRowView,
    totalText
} from './sessionListView';
import type { SessionRowView } from './sessionListView';

import labelPartialData from '@salesforce/label/c.MSC_ListPartialData';

const SESSION_LIST_QUERY = gql`
    ${SESSION_LIST_DOCUMENT}
`;

const SOURCE = 'messagingSessionList';
/** The one timer that makes every open row's duration tick. */
const CLOCK_INTERVAL_MS = 1000;
const SEARCH_DEBOUNCE_MS = 300;
/** Start loading the next page when the list is scrolled this close to its end (pixels). */
const SCROLL_THRESHOLD_PX = 48;

/** A filterchange detail: filter values, the typed search text, or the sort. */
type FilterChange = Partial<SessionFilters> & {
    sortKey?: unknown;
    sortDirection?: unknown;
};

export default class MessagingSessionList extends NavigationMixin(
    LightningElement
) {
    /** Comma-separated Status values selected at first (App Builder). */
    @api defaultStatuses?: string;
    /** One ChannelType value, or empty for every channel (App Builder). */
    @api defaultChannelType?: string;
    /** Whose sessions show first: "me" or "all" (App Builder). */
    @api defaultScope?: string;
    /** "any", "today", "last7" or "last30" (App Builder). */
    @api defaultTimeWindow?: string;
    /** Sessions per page, 1 to 200 (App Builder). */
    @api pageSize?: number | string;
    /** Narrow layout for the utility bar (App Builder). */
    @api compact = false;
    /** Polling interval in seconds when Change Data Capture isn't available; 0 turns polling off. */
    @api refreshIntervalSeconds?: number | string;
    /** Safety poll in seconds while Change Data Capture is subscribed (default 300); 0 turns it off. */
    @api safetyRefreshIntervalSeconds?: number | string;
    /** What choosing a row does: "publish" (update the components beside the list) or "openTab". */
    @api selectionMode?: string;

    @wire(MessageContext) messageContext?: MessageContextType;
    @wire(IsConsoleNavigation) isConsoleNavigation?: boolean;
    @wire(EnclosingTabId) enclosingTabId?: string | null;

    labels = LIST_LABELS;
    picklistFilters = PICKLIST_FILTERS;
    sortColumns = SORT_COLUMNS;

    filters: SessionFilters = emptyFilters();
    searchText = '';
    sortKey: string = DEFAULT_SORT.key;
    sortDirection: SortDirection = DEFAULT_SORT.direction;
    after: string | null = null;
    pageArgs: PageArguments = {
        first: parsePageSize(undefined),
        upperBound: null
    };
    /** The queue or channel last chosen in the backlog, while the filters still show it. */
    drillIn: BacklogDrillInMessage | null = null;
    /** The instant the start-time window is measured from; moves when the day changes. */
    windowNow = Date.now();

    rows: SessionRow[] = [];
    statusCounts = readStatusCounts(null);
    totalCount: number | null = null;
    totalText = '';
    hiddenFieldsText = '';
    liveModeText = '';
    hasNextPage = false;
    endCursor: string | null = null;
    isLoading = true;
    isLoadingMore = false;
    /** What failed to load, shown by the error panel; null when nothing did. */
    error: unknown = null;
    warningText: string | null = null;
    now = Date.now();
    selectedId: string | null = null;
    filtersOpen = false;

    private lastResult: GraphQLWireResult<SessionListData> | null = null;
    private lastSignature: string | null = null;
    private awaitingRefresh = false;
    private detectChanges = false;
    private refreshOnFirstPage = false;
    private drillInSubscription: Subscription | null = null;
    private liveRefresh: LiveRefreshController | null = null;
    private clockHandle: ReturnType<typeof setInterval> | null = null;
    private searchHandle: ReturnType<typeof setTimeout> | null = null;
    private defaultsApplied = false;

    // ---- Data ----------------------------------------------------------------------------------

    /** The GraphQL variables: every filter value, the search text and the sort go here. */
    get variables(): SessionListVariables {
        return buildVariables({
            filters: this.filters,
            userId: USER_ID ?? null,
            sortKey: this.sortKey,
            sortDirection: this.sortDirection,
            page: this.after
                ? this.pageArgs
                : { first: parsePageSize(this.pageSize), upperBound: null },
            after: this.after,
            now: this.windowNow
        });
    }

    @wire(graphql, { query: SESSION_LIST_QUERY, variables: '$variables' })
    wiredSessions(result: GraphQLWireResult<SessionListData>): void {
        const { data, errors } = result ?? {};
        if (!data && !errors?.length) return;
        this.lastResult = result;
        if (!data?.uiapi?.query?.MessagingSession) {
            this.error = { errors: errors ?? [] };
            this.warningText = null;
            this.isLoading = false;
            this.isLoadingMore = false;
            return;
        }
        const page = readSessionPage(data);
        if (this.after === null) {
            this.showFirstPage(page.rows, pageSignature(page), result);
        } else {
            this.rows = mergeRows(this.rows, page.rows);
        }
        this.statusCounts = readStatusCounts(data);
        this.hiddenFieldsText = hiddenFieldsText(hiddenListFields(data));
        this.totalCount = page.totalCount;
        this.totalText = totalText(this.rows.length, page.totalCount);
        this.hasNextPage = page.hasNextPage && Boolean(page.endCursor);
        this.endCursor = page.endCursor;
        this.error = null;
        this.warningText = errors?.length
            ? `${labelPartialData} ${errorMessage({ errors })}`
            : null;
        this.isLoading = false;
        this.isLoadingMore = false;
        this.updateClock();
    }

    /** The first page replaces the rows; after a poll's refresh, a change is told to the others. */
    private showFirstPage(
        rows: SessionRow[],
        signature: string,
        result: GraphQLWireResult<SessionListData>
    ): void {
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
        this.rows = rows;
        if (this.refreshOnFirstPage) {
            // Back on the first page after a refresh request: the cached copy may be stale.
            this.refreshOnFirstPage = false;
            this.refreshResult(result);
        }
    }

    /** Refetches through the wire result's own refresh function (LWC guide, "Refresh GraphQL Results"). */
    private refreshResult(
        result: GraphQLWireResult<SessionListData> | null
    ): void {
        // No result has arrived yet: the wire's first answer is still to come.
        if (typeof result?.refresh !== 'function') return;
        this.awaitingRefresh = true;
        Promise.resolve(result.refresh())
            .then(() => {
                this.awaitingRefresh = false;
                this.detectChanges = false;
            })
            .catch((error: unknown) => {
                this.awaitingRefresh = false;
                this.error = error ?? {};
            });
    }

    /** Reloads from the first page. `detectChanges` publishes sessionsChanged if the rows differ. */
    refreshList(detectChanges = false): void {
        this.detectChanges = detectChanges;
        if (this.after === null) {
            this.refreshResult(this.lastResult);
            return;
        }
        this.refreshOnFirstPage = true;
        this.resetPaging();
    }

    private resetPaging(): void {
        this.after = null;
        this.pageArgs = {
            first: parsePageSize(this.pageSize),
            upperBound: null
        };
    }

    /** The filters or the sort changed: a different list, starting over. */
    private restart(): void {
        this.resetPaging();
        this.lastSignature = null;
        this.isLoading = true;
    }

    loadMore(): void {
        if (!this.hasNextPage || !this.endCursor) return;
        if (this.isLoadingMore || this.isLoading) return;
        this.pageArgs = pageArguments(
            this.rows.length,
            parsePageSize(this.pageSize),
            this.totalCount
        );
        this.isLoadingMore = true;
        this.after = this.endCursor;
    }

    // ---- Lifecycle and live updates ------------------------------------------------------------

    override connectedCallback(): void {
        if (!this.defaultsApplied) {
            this.defaultsApplied = true;
            this.filters = defaultFilters(this);
            this.resetPaging();
        }
        const pollSeconds = readRefreshSeconds(this.refreshIntervalSeconds);
        const safetySeconds = parseSafetyRefreshSeconds(
            this.safetyRefreshIntervalSeconds
        );
        this.liveRefresh = new LiveRefreshController({
            refresh: (batch) => this.runScheduledRefresh(batch),
            intervalMs: REFRESH_MIN_INTERVAL_MS,
            settleMs: REFRESH_SETTLE_MS,
            clock: BROWSER_CLOCK,
            messages: {
                subscribe: (onMessage) =>
                    subscribe(this.messageContext, SESSIONS_CHANGED, onMessage),
                unsubscribe
            },
            // Other lists see the same changes themselves; refetch for everyone else's news.
            acceptMessage: (message) => {
                const change = readSessionsChangedMessage(message);
                return change !== null && change.source !== SOURCE;
            },
            changeEvents: {
                isEmpEnabled,
                subscribe: empSubscribe,
                unsubscribe: empUnsubscribe,
                onError: onEmpError
            },
            pollSeconds,
            // Change events may never come (CDC not selected, no View All): a slow poll checks.
            safetyPollSeconds: safetySeconds,
            onPoll: () => this.checkWindowDay(),
            onModeChange: (mode: LiveRefreshMode) => {
                this.liveModeText = liveModeText(
                    mode,
                    pollSeconds,
                    safetySeconds
                );
            }
        });
        this.liveRefresh.start();
        // Application scope: the backlog may sit in the utility bar or on another page of the app.
        this.drillInSubscription = subscribe(
            this.messageContext,
            BACKLOG_DRILL_IN,
            (message) => this.handleBacklogDrillIn(message),
            { scope: APPLICATION_SCOPE }
        );
    }

    override disconnectedCallback(): void {
        this.liveRefresh?.stop();
        this.liveRefresh = null;
        if (this.drillInSubscription) {
            unsubscribe(this.drillInSubscription);
            this.drillInSubscription = null;
        }
        this.stopClock();
        this.cancelSearch();
    }

    /** Change events are told to the others; a poll tells them only if it finds changes. */
    private runScheduledRefresh(batch: RefreshBatch): void {
        const fromCdc = batch.triggers.has('changeEvent');
        const fromPoll = batch.triggers.has('poll');
        if (fromCdc) {
            this.publishChanged([
                ...new Set(batch.changeEvents.flatMap(changeEventRecordIds))
            ]);
        }
        this.refreshList(fromPoll && !fromCdc);
    }

    private publishChanged(recordIds: string[]): void {
        const message: SessionsChangedMessage = {
            reason: 'sessionsChanged',
            source: SOURCE,
            ...(recordIds.length ? { recordIds } : {})
        };
        publish(this.messageContext, SESSIONS_CHANGED, { ...message });
    }

    /** A new day in the user's time zone moves the start-time window ("today" is a new day). */
    private checkWindowDay(): void {
        const now = Date.now();
        if (windowDayKey(now) === windowDayKey(this.windowNow)) return;
        this.windowNow = now;
        if (this.filters.window !== 'any') this.restart();
    }

    /** One timer for the whole list, running while any row's duration does. */
    private updateClock(): void {
        this.now = Date.now();
        if (!hasRunningClock(this.rows)) {
            this.stopClock();
        } else if (this.clockHandle === null) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- one timer, cleared in disconnectedCallback
            this.clockHandle = setInterval(() => {
                this.now = Date.now();
                this.checkWindowDay();
            }, CLOCK_INTERVAL_MS);
        }
    }

    private stopClock(): void {
        if (this.clockHandle !== null) {
            clearInterval(this.clockHandle);
            this.clockHandle = null;
        }
    }

    // ---- View ----------------------------------------------------------------------------------

    get rowViews(): SessionRowView[] {
        return this.rows.map((row) =>
            sessionRowView(row, this.now, this.selectedId)
        );
    }

    get drillInText(): string {
        return drillInText(this.drillIn, this.filters);
    }

    get queueName(): string {
        return drillInQueueName(this.drillIn, this.filters);
    }

    get showSpinner(): boolean {
        return this.isLoading && !this.error;
    }

    get showEmpty(): boolean {
        return !this.isLoading && !this.error && this.rows.length === 0;
    }

    get showList(): boolean {
        return !this.error && this.rows.length > 0;
    }

    get showLoadMore(): boolean {
        return this.hasNextPage && !this.isLoading;
    }

    get ariaBusy(): string {
        return this.isLoading || this.isLoadingMore ? 'true' : 'false';
    }

    get containerClass(): string {
        return this.compact
            ? 'slds-card session-list session-list_compact'
            : 'slds-card session-list';
    }

    get showFilters(): boolean {
        return !this.compact || this.filtersOpen;
    }

    get filtersExpanded(): string {
        return this.showFilters ? 'true' : 'false';
    }

    // ---- Handlers ------------------------------------------------------------------------------

    /** From the filters: new filter values, typed search text, or the sort. */
    handleFilterChange(event: CustomEvent<FilterChange>): void {
        const { search, sortKey, sortDirection, ...filters } =
            event.detail ?? {};
        if (typeof search === 'string') this.typeSearch(search);
        if (isSortKey(sortKey) && sortKey !== this.sortKey) {
            this.sortKey = sortKey;
            this.restart();
        }
        if (sortDirection === 'ASC' || sortDirection === 'DESC') {
            this.sortDirection = sortDirection;
            this.restart();
        }
        if (Object.keys(filters).length) {
            this.filters = { ...this.filters, ...filters };
            this.restart();
        }
    }

    /** The search applies after a pause in typing. */
    private typeSearch(text: string): void {
        this.searchText = text;
        this.cancelSearch();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- one timer, cleared in disconnectedCallback
        this.searchHandle = setTimeout(() => {
            this.searchHandle = null;
            if (this.searchText !== this.filters.search) {
                this.filters = { ...this.filters, search: this.searchText };
                this.restart();
            }
        }, SEARCH_DEBOUNCE_MS);
    }

    private cancelSearch(): void {
        if (this.searchHandle !== null) {
            clearTimeout(this.searchHandle);
            this.searchHandle = null;
        }
    }

    /** A status chip toggled: the status joins or leaves the selected ones. */
    handleStatusChange(event: CustomEvent<StatusChangeDetail>): void {
        const value = event.detail?.value;
        if (!value) return;
        const selected = this.filters.statuses;
        const statuses = selected.includes(value)
            ? selected.filter((status) => status !== value)
            : [...selected, value];
        this.filters = { ...this.filters, statuses };
        this.restart();
    }

    /** Shows `filters` and `sort` from the first page, without search and without pending typing. */
    private showView(
        filters: SessionFilters,
        drillIn: BacklogDrillInMessage | null,
        sort: { key: string; direction: SortDirection } = DEFAULT_SORT
    ): void {
        this.cancelSearch();
        this.searchText = '';
        this.drillIn = drillIn;
        this.filters = filters;
        this.sortKey = sort.key;
        this.sortDirection = sort.direction;
        this.restart();
    }

    handleClearFilters(): void {
        this.showView(emptyFilters(), null, {
            key: this.sortKey,
            direction: this.sortDirection
        });
    }

    /**
     * A queue or channel chosen in the backlog: exactly its waiting sessions, oldest first, in any
     * time window and without search, from the first page.
     */
    handleBacklogDrillIn(message: unknown): void {
        const drillIn = readBacklogDrillIn(message);
        if (!drillIn) return;
        const view = drillInView(drillIn);
        this.showView(view.filters, drillIn, {
            key: view.sortKey,
            direction: view.sortDirection
        });
    }

    /** Back to the list as App Builder set it up. */
    handleClearDrillIn(): void {
        this.showView(defaultFilters(this), null);
    }

    handleToggleFilters(): void {
        this.filtersOpen = !this.filtersOpen;
    }

    handleRefresh(): void {
        this.error = null;
        this.refreshList(false);
    }

    handleRetry(): void {
        this.error = null;
        this.isLoading = true;
        this.refreshList(false);
    }

    handleLoadMore(): void {
        this.loadMore();
    }

    handleScroll(event: Event): void {
        const scroller = event.currentTarget as HTMLElement;
        const left =
            scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
        if (left <= SCROLL_THRESHOLD_PX) this.loadMore();
    }

    /** Choosing a row selects it; in "openTab" mode (the utility bar), or on request, it also opens it. */
    handleSelect(event: CustomEvent<SessionSelectDetail>): void {
        const { recordId, open } = event.detail ?? {};
        if (!recordId) return;
        this.selectedId = recordId;
        const message: SessionSelectedMessage = { recordId, source: SOURCE };
        publish(this.messageContext, SESSION_SELECTED, { ...message });
        if (open || parseSelectionMode(this.selectionMode) === 'openTab') {
            this.openSession(recordId);
        }
    }

    handleOpen(event: CustomEvent<SessionOpenDetail>): void {
        const recordId = event.detail?.recordId;
        if (recordId) this.openSession(recordId);
    }

    /** A workspace tab (or a subtab of the enclosing tab) in a console app; a page navigation elsewhere. */
    async openSession(recordId: string): Promise<void> {
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
