/**
 * Agent metrics panel: workload and timing figures per agent for a window and a scope, computed
 * by GraphQL aggregates on the server (whatever the volume), with team totals, an SVG bar chart
 * and its table equivalent, and targets set in App Builder.
 *
 * Five small documents instead of one: the server validates a document whole, so each figure the
 * org may refuse (a custom field, MessagingSessionMetrics, Group) has its own, and a refusal
 * costs only its columns, which then say "Not available" with a note that says why.
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLResult } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type { MessageContextType } from 'lightning/messageService';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';

import {
    HANDLE_SECONDS_FIELD_NAME,
    QUEUE_BADGE_CLASS,
    WAIT_SECONDS_FIELD_NAME
} from 'c/messagingSessionSchema';
import type { GqlFilter } from 'c/messagingSessionSchema';
import {
    formatDuration,
    formatLabel,
    shiftCalendarDay,
    startTimeWindowFilter,
    windowDayKey
} from 'c/messagingTime';
import { errorMessage, graphqlErrorMessage } from 'c/messagingErrors';
import {
    BROWSER_CLOCK,
    LiveRefreshController,
    MIN_REFRESH_SECONDS
} from 'c/messagingLiveRefresh';
import {
    METRICS_SCOPES,
    METRICS_WINDOWS,
    REFRESH_COALESCE_MS,
    agentRowViews,
    buildMetricsVariables,
    chartModel,
    combineMetrics,
    durationVariables,
    listedUserIds,
    queueNamesVariables,
    readMetricsErrors,
    readTarget,
    sessionMetricsVariables,
    teamSource,
    totalsRowView
} from './agentMetrics';
import type {
    AgentRowView,
    ChartModel,
    CombinedMetrics,
    CoreMetricsData,
    DurationData,
    FigureSources,
    MetricsScope,
    MetricsVariables,
    MetricsWindow,
    QueueNamesData,
    SessionMetricsData,
    SourceState,
    Targets
} from './agentMetrics';

import labelTitle from '@salesforce/label/c.MSC_MetricsTitle';
import labelWindow from '@salesforce/label/c.MSC_MetricsWindowLabel';
import labelToday from '@salesforce/label/c.MSC_MetricsWindowToday';
import labelLast7 from '@salesforce/label/c.MSC_MetricsWindowLast7';
import labelLast30 from '@salesforce/label/c.MSC_MetricsWindowLast30';
import labelCustom from '@salesforce/label/c.MSC_MetricsWindowCustom';
import labelWindowHelp from '@salesforce/label/c.MSC_MetricsWindowHelp';
import labelStartTimeWindowHelp from '@salesforce/label/c.MSC_StartTimeWindowHelp';
import labelFrom from '@salesforce/label/c.MSC_MetricsFromLabel';
import labelTo from '@salesforce/label/c.MSC_MetricsToLabel';
import labelScope from '@salesforce/label/c.MSC_MetricsScopeLabel';
import labelScopeMe from '@salesforce/label/c.MSC_MetricsScopeMe';
import labelScopeTeam from '@salesforce/label/c.MSC_MetricsScopeTeam';
import labelScopeAll from '@salesforce/label/c.MSC_MetricsScopeAll';
import labelTeamReportsHelp from '@salesforce/label/c.MSC_MetricsTeamReportsHelp';
import labelTeamGroupHelp from '@salesforce/label/c.MSC_MetricsTeamGroupHelp';
import labelRefresh from '@salesforce/label/c.MSC_MetricsRefresh';
import labelLoading from '@salesforce/label/c.MSC_MetricsLoading';
import labelColAgent from '@salesforce/label/c.MSC_MetricsColAgent';
import labelColHandled from '@salesforce/label/c.MSC_MetricsColHandled';
import labelColOpen from '@salesforce/label/c.MSC_MetricsColOpen';
import labelColAvgWait from '@salesforce/label/c.MSC_MetricsColAvgWait';
import labelColMaxWait from '@salesforce/label/c.MSC_MetricsColMaxWait';
import labelColAvgHandle from '@salesforce/label/c.MSC_MetricsColAvgHandle';
import labelColChannels from '@salesforce/label/c.MSC_MetricsColChannels';
import labelColMessages from '@salesforce/label/c.MSC_MetricsColMessages';
import labelColFirstResponse from '@salesforce/label/c.MSC_MetricsColFirstResponse';
import labelColResponse from '@salesforce/label/c.MSC_MetricsColResponse';
import labelTotals from '@salesforce/label/c.MSC_MetricsTotalsRow';
import labelEmpty from '@salesforce/label/c.MSC_MetricsEmpty';
import labelErrorCustomRange from '@salesforce/label/c.MSC_MetricsErrorCustomRange';
import labelFieldUnavailable from '@salesforce/label/c.MSC_MetricsFieldUnavailable';
import labelSessionMetricsUnavailable from '@salesforce/label/c.MSC_MetricsSessionMetricsUnavailable';
import labelQueueNamesUnavailable from '@salesforce/label/c.MSC_MetricsQueueNamesUnavailable';
import labelChartTitle from '@salesforce/label/c.MSC_MetricsChartTitle';
import labelChartDesc from '@salesforce/label/c.MSC_MetricsChartDesc';
import labelChartHandled from '@salesforce/label/c.MSC_MetricsChartHandled';
import labelChartOpen from '@salesforce/label/c.MSC_MetricsChartOpen';
import labelChartBar from '@salesforce/label/c.MSC_MetricsChartBarLabel';
import labelTableCaption from '@salesforce/label/c.MSC_MetricsTableCaption';
import labelTargets from '@salesforce/label/c.MSC_MetricsTargets';
import labelNoValue from '@salesforce/label/c.MSC_MetricsNoValue';
import labelTruncated from '@salesforce/label/c.MSC_MetricsTruncated';

/** Handled and open sessions per owner and channel, and the users to name. Fields every org has. */
const CORE_QUERY = gql`
    query agentMetrics(
        $handledWhere: MessagingSession_Filter
        $openWhere: MessagingSession_Filter
        $ownersWhere: User_Filter
    ) {
        uiapi {
            aggregate {
                MessagingSession(
                    where: $handledWhere
                    groupBy: { OwnerId: { group: true } }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
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
                    pageInfo {
                        hasNextPage
                    }
                }
                byChannel: MessagingSession(
                    where: $handledWhere
                    groupBy: {
                        OwnerId: { group: true }
                        ChannelType: { group: true }
                    }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                ChannelType {
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
                    pageInfo {
                        hasNextPage
                    }
                }
                openNow: MessagingSession(
                    where: $openWhere
                    groupBy: {
                        OwnerId: { group: true }
                        Status: { group: true }
                    }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
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
                    pageInfo {
                        hasNextPage
                    }
                }
            }
            query {
                User(where: $ownersWhere, first: 2000) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;

// One document per custom duration field: @optional isn't documented inside `aggregate`, and a
// field that isn't deployed or readable fails the whole document it is in.
const WAIT_TIMES_QUERY = gql`
    query agentMetricsWaitTimes($handledWhere: MessagingSession_Filter) {
        uiapi {
            aggregate {
                MessagingSession(
                    where: $handledWhere
                    groupBy: { OwnerId: { group: true } }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                MSC_WaitSeconds__c {
                                    avg {
                                        value
                                    }
                                    max {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;

const HANDLE_TIMES_QUERY = gql`
    query agentMetricsHandleTimes($handledWhere: MessagingSession_Filter) {
        uiapi {
            aggregate {
                MessagingSession(
                    where: $handledWhere
                    groupBy: { OwnerId: { group: true } }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                MSC_HandleSeconds__c {
                                    avg {
                                        value
                                    }
                                    max {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;

// Message totals and response times: MessagingSessionMetrics (API 62.0+), one record per session
// and metric type. AgentMessageCount/EndUserMessageCount on MessagingSession are Nillable only.
// Its sessions filter goes through the MessagingSession relationship, which can't carry a
// semi-join: in the team scope it lists the team's user Ids from the core response.
const SESSION_METRICS_QUERY = gql`
    query agentMetricsSessionMetrics(
        $metricsWhere: MessagingSessionMetrics_Filter
    ) {
        uiapi {
            aggregate {
                MessagingSessionMetrics(
                    where: $metricsWhere
                    groupBy: {
                        MessagingSession: { OwnerId: { group: true } }
                        MessagingSessionMetricType: { group: true }
                    }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                MessagingSession {
                                    OwnerId {
                                        value
                                    }
                                }
                                MessagingSessionMetricType {
                                    value
                                }
                                MessagingSessionMetricValue {
                                    avg {
                                        value
                                    }
                                    sum {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;

/** Names of the queues that own sessions (all-agents scope): a semi-join, no ids from a response. */
const QUEUE_NAMES_QUERY = gql`
    query agentMetricsQueueNames($queuesWhere: Group_Filter) {
        uiapi {
            query {
                Group(where: $queuesWhere, first: 2000) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

/** What the graphql wire adapter provides: data, errors and the refresh function. */
type WiredResult<TData> = GraphQLResult<TData> & {
    refresh?: () => Promise<unknown>;
};

type SourceKey =
    'core' | 'waitTimes' | 'handleTimes' | 'sessionMetrics' | 'queueNames';

const SOURCE_KEYS: readonly SourceKey[] = [
    'core',
    'waitTimes',
    'handleTimes',
    'sessionMetrics',
    'queueNames'
];

interface SourceStatus {
    state: SourceState;
    /** The server's words when the org refused the document. */
    detail: string;
}

type SourceStatuses = Record<SourceKey, SourceStatus>;

interface Option {
    label: string;
    value: string;
}

interface Note {
    key: string;
    text: string;
}

function isWindow(value: unknown): value is MetricsWindow {
    return (
        typeof value === 'string' &&
        (METRICS_WINDOWS as readonly string[]).includes(value)
    );
}

function isScope(value: unknown): value is MetricsScope {
    return (
        typeof value === 'string' &&
        (METRICS_SCOPES as readonly string[]).includes(value)
    );
}

function sameFilter(a: GqlFilter | null, b: GqlFilter | null): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** The same Ids in the same order (kept sorted: the User query asks for no order). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Which team a list of user Ids belongs to: the App Builder group, or '' for my direct reports. */
function teamKey(teamGroup: string | null | undefined): string {
    return teamGroup?.trim() ?? '';
}

function statuses(state: SourceState): SourceStatuses {
    const status = { state, detail: '' };
    return {
        core: status,
        waitTimes: status,
        handleTimes: status,
        sessionMetrics: status,
        queueNames: status
    };
}

export default class AgentMetricsPanel extends LightningElement {
    /** App Builder: window shown first (today, last7, last30 or custom). */
    @api defaultTimeWindow: string = 'today';
    /** App Builder: scope shown first (me, team or all). */
    @api defaultScope: string = 'me';
    /** App Builder: the team is this public group's or queue's members (Id or API name) instead of my direct reports. */
    @api teamGroup?: string;
    /** App Builder: target average/maximum wait, in seconds (highlighted when exceeded). */
    @api waitTargetSeconds?: number;
    /** App Builder: target average handle time, in seconds. */
    @api handleTargetSeconds?: number;
    /** App Builder: refresh interval in seconds (0 or empty: no automatic refresh). */
    @api refreshIntervalSeconds?: number;
    /** App Builder: don't ask for response times (message totals are still asked for). */
    @api hideResponseTimes: boolean = false;

    labels = {
        title: labelTitle,
        window: labelWindow,
        from: labelFrom,
        to: labelTo,
        scope: labelScope,
        refresh: labelRefresh,
        loading: labelLoading,
        colAgent: labelColAgent,
        colHandled: labelColHandled,
        colOpen: labelColOpen,
        colAvgWait: labelColAvgWait,
        colMaxWait: labelColMaxWait,
        colAvgHandle: labelColAvgHandle,
        colChannels: labelColChannels,
        colMessages: labelColMessages,
        colFirstResponse: labelColFirstResponse,
        colResponse: labelColResponse,
        empty: labelEmpty,
        chartTitle: labelChartTitle,
        chartDesc: labelChartDesc,
        chartHandled: labelChartHandled,
        chartOpen: labelChartOpen
    };

    /** The queue badge, with the classes the session list and detail give it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;

    windowValue: MetricsWindow = 'today';
    scopeValue: MetricsScope = 'me';
    customFrom = '';
    customTo = '';
    /** The start-time filter of the window (the model's shared definition); null: dates to fix. */
    windowFilter: GqlFilter | null = null;
    sources: SourceStatuses = statuses('loading');
    problemMessage = '';

    coreData?: CoreMetricsData;
    waitTimesData?: DurationData;
    handleTimesData?: DurationData;
    sessionMetricsData?: SessionMetricsData;
    queueNamesData?: QueueNamesData;
    /**
     * The team's user Ids from the last core response in the team scope, with the team they
     * belong to. Membership doesn't depend on the window, so the Ids stay usable until the next
     * core response replaces them; reassigned only when they change, so that the
     * session-metrics wire isn't handed the same variables again.
     */
    private teamUsers: { team: string; ids: readonly string[] } | null = null;

    @wire(MessageContext) messageContext?: MessageContextType;

    private refreshers: Partial<Record<SourceKey, () => Promise<unknown>>> = {};
    private liveRefresh?: LiveRefreshController;

    override connectedCallback(): void {
        this.windowValue = isWindow(this.defaultTimeWindow)
            ? this.defaultTimeWindow
            : 'today';
        this.scopeValue = isScope(this.defaultScope) ? this.defaultScope : 'me';
        this.customTo = windowDayKey();
        this.customFrom = shiftCalendarDay(this.customTo, -6);
        this.windowFilter = this.computeWindowFilter();
        this.markLoading();
        const seconds = Number(this.refreshIntervalSeconds);
        // Triggers close together (button, interval, message channel) make one refresh.
        this.liveRefresh = new LiveRefreshController({
            refresh: () =>
                this.flushRefresh().catch((error: unknown) => {
                    this.problemMessage = errorMessage(error);
                }),
            intervalMs: 0,
            settleMs: REFRESH_COALESCE_MS,
            clock: BROWSER_CLOCK,
            messages: {
                subscribe: (onMessage) =>
                    subscribe(
                        this.messageContext,
                        SESSIONS_CHANGED,
                        onMessage,
                        {
                            scope: APPLICATION_SCOPE
                        }
                    ),
                unsubscribe
            },
            pollSeconds:
                Number.isFinite(seconds) && seconds > 0
                    ? Math.max(seconds, MIN_REFRESH_SECONDS)
                    : 0
        });
        this.liveRefresh.start();
    }

    override disconnectedCallback(): void {
        this.liveRefresh?.stop();
        this.liveRefresh = undefined;
    }

    // ---- Data ------------------------------------------------------------------------------

    /** Variables of the core document; the duration documents derive theirs from them. */
    get metricsVariables(): MetricsVariables | undefined {
        if (!this.windowFilter) return undefined;
        return buildMetricsVariables(this.windowFilter, {
            scope: this.scopeValue,
            userId: USER_ID,
            teamGroup: this.teamGroup
        });
    }

    private isActive(key: SourceKey): boolean {
        if (!this.windowFilter) return false;
        // Queues own sessions only in the all-agents scope: the others filter on users.
        if (key === 'queueNames') return this.scopeValue === 'all';
        // In the team scope, session metrics wait for the team's user Ids.
        if (key === 'sessionMetrics')
            return this.sessionMetricsVariables !== undefined;
        return true;
    }

    /** Team scope: the current team's user Ids from a core response; null until one has arrived. */
    private get teamUserIds(): readonly string[] | null {
        const known = this.teamUsers;
        return this.scopeValue === 'team' &&
            known !== null &&
            known.team === teamKey(this.teamGroup)
            ? known.ids
            : null;
    }

    /** Keeps the team's user Ids from a core response (team scope only). */
    private rememberTeamUsers(data: CoreMetricsData): void {
        if (this.scopeValue !== 'team') return;
        const team = teamKey(this.teamGroup);
        const ids = listedUserIds(data).sort();
        const known = this.teamUsers;
        if (!known || known.team !== team || !sameIds(known.ids, ids)) {
            this.teamUsers = { team, ids };
            // New Ids mean new session-metrics variables: its figures wait for them.
            this.setSource('sessionMetrics', { state: 'loading', detail: '' });
        }
        if (!ids.length) {
            // A team without users has no session metrics to ask for.
            this.sessionMetricsData = undefined;
            this.setSource('sessionMetrics', { state: 'ready', detail: '' });
        }
    }

    get coreQuery(): unknown {
        return this.isActive('core') ? CORE_QUERY : undefined;
    }

    get waitTimesQuery(): unknown {
        return this.isActive('waitTimes') ? WAIT_TIMES_QUERY : undefined;
    }

    get handleTimesQuery(): unknown {
        return this.isActive('handleTimes') ? HANDLE_TIMES_QUERY : undefined;
    }

    get sessionMetricsQuery(): unknown {
        return this.isActive('sessionMetrics')
            ? SESSION_METRICS_QUERY
            : undefined;
    }

    get queueNamesQuery(): unknown {
        return this.isActive('queueNames') ? QUEUE_NAMES_QUERY : undefined;
    }

    get durationVariables(): Record<string, unknown> | undefined {
        const variables = this.metricsVariables;
        return variables ? durationVariables(variables) : undefined;
    }

    get sessionMetricsVariables(): Record<string, unknown> | undefined {
        if (!this.windowFilter) return undefined;
        return (
            sessionMetricsVariables(this.windowFilter, {
                scope: this.scopeValue,
                userId: USER_ID,
                teamGroup: this.teamGroup,
                teamUserIds: this.teamUserIds,
                includeResponseTimes: !this.hideResponseTimes
            }) ?? undefined
        );
    }

    /** Built only where it is sent (all agents): elsewhere a team semi-join would nest in it. */
    get queueNamesVariables(): Record<string, unknown> | undefined {
        return this.windowFilter && this.isActive('queueNames')
            ? queueNamesVariables(this.windowFilter)
            : undefined;
    }

    @wire(graphql, {
        query: '$coreQuery',
        variables: '$metricsVariables'
    })
    wiredCore(result: WiredResult<CoreMetricsData>): void {
        const data = this.receive('core', result);
        if (data) {
            this.coreData = data;
            this.problemMessage = '';
            this.rememberTeamUsers(data);
        }
    }

    @wire(graphql, {
        query: '$waitTimesQuery',
        variables: '$durationVariables'
    })
    wiredWaitTimes(result: WiredResult<DurationData>): void {
        const data = this.receive('waitTimes', result);
        if (data) this.waitTimesData = data;
    }

    @wire(graphql, {
        query: '$handleTimesQuery',
        variables: '$durationVariables'
    })
    wiredHandleTimes(result: WiredResult<DurationData>): void {
        const data = this.receive('handleTimes', result);
        if (data) this.handleTimesData = data;
    }

    @wire(graphql, {
        query: '$sessionMetricsQuery',
        variables: '$sessionMetricsVariables'
    })
    wiredSessionMetrics(result: WiredResult<SessionMetricsData>): void {
        const data = this.receive('sessionMetrics', result);
        if (data) this.sessionMetricsData = data;
    }

    @wire(graphql, {
        query: '$queueNamesQuery',
        variables: '$queueNamesVariables'
    })
    wiredQueueNames(result: WiredResult<QueueNamesData>): void {
        const data = this.receive('queueNames', result);
        if (data) this.queueNamesData = data;
    }

    /**
     * Records a wire result: keeps its refresh function and the source's state, and returns the
     * data when the document succeeded. Errors on the core document stop the panel; errors on
     * the others leave their columns "Not available" and the rest of the panel intact.
     */
    private receive<TData>(
        key: SourceKey,
        result: WiredResult<TData> | undefined
    ): TData | undefined {
        if (!this.isActive(key)) return undefined;
        const { data, errors, refresh } = result ?? {};
        if (typeof refresh === 'function') this.refreshers[key] = refresh;
        if (errors && errors.length) {
            if (key === 'core') {
                this.problemMessage = readMetricsErrors(
                    errors,
                    this.teamGroup
                ).message;
                this.coreData = undefined;
            }
            this.setSource(key, {
                state: 'unavailable',
                detail: graphqlErrorMessage(errors)
            });
            return undefined;
        }
        if (!data) return undefined;
        this.setSource(key, { state: 'ready', detail: '' });
        return data;
    }

    private setSource(key: SourceKey, status: SourceStatus): void {
        this.sources = { ...this.sources, [key]: status };
    }

    /** New variables are on their way: every figure waits for its new response. */
    private markLoading(): void {
        this.sources = statuses('loading');
    }

    private computeWindowFilter(): GqlFilter | null {
        return startTimeWindowFilter(
            this.windowValue,
            this.customFrom,
            this.customTo
        );
    }

    /** The button's trigger joins the live ones; a refresh in flight asks again when it finishes. */
    requestRefresh(): void {
        this.liveRefresh?.request();
    }

    private async flushRefresh(): Promise<void> {
        const filter = this.computeWindowFilter();
        if (!sameFilter(filter, this.windowFilter)) {
            // A new day: the variables change, and the wires make the requests.
            this.windowFilter = filter;
            this.markLoading();
            return;
        }
        const refreshes = SOURCE_KEYS.filter((key) => this.isActive(key))
            .map((key) => this.refreshers[key])
            .filter((refresh): refresh is () => Promise<unknown> => !!refresh);
        if (!refreshes.length) return;
        try {
            // lightning/graphql: each wire result's refresh() re-runs its query; the Promise
            // resolves when fresh data has been delivered through the wire.
            await Promise.all(refreshes.map((refresh) => refresh()));
        } catch (error) {
            this.problemMessage = errorMessage(error);
        }
    }

    // ---- Controls ----------------------------------------------------------------------------

    get windowOptions(): Option[] {
        return [
            { label: labelToday, value: 'today' },
            { label: labelLast7, value: 'last7' },
            { label: labelLast30, value: 'last30' },
            { label: labelCustom, value: 'custom' }
        ];
    }

    get scopeOptions(): Option[] {
        return [
            { label: labelScopeMe, value: 'me' },
            { label: labelScopeTeam, value: 'team' },
            { label: labelScopeAll, value: 'all' }
        ];
    }

    get isCustom(): boolean {
        return this.windowValue === 'custom';
    }

    /** What the windows cover (by start time, in the user's time zone), and who "my team" is. */
    get windowHelp(): string {
        return formatLabel(
            labelWindowHelp,
            formatLabel(labelStartTimeWindowHelp, TIME_ZONE)
        );
    }

    get teamHelp(): string {
        if (this.scopeValue !== 'team') return '';
        return teamSource(this.teamGroup) === 'group'
            ? formatLabel(labelTeamGroupHelp, this.teamGroup?.trim() ?? '')
            : labelTeamReportsHelp;
    }

    handleWindowChange(event: CustomEvent<{ value: string }>): void {
        const value = event.detail?.value;
        if (!isWindow(value)) return;
        this.windowValue = value;
        this.updateWindowFilter();
    }

    handleScopeChange(event: CustomEvent<{ value: string }>): void {
        const scope = event.detail?.value;
        if (!isScope(scope) || scope === this.scopeValue) return;
        this.scopeValue = scope;
        if (this.windowFilter) this.markLoading();
    }

    handleFromChange(event: CustomEvent<{ value: string }>): void {
        this.customFrom = event.detail?.value ?? '';
        this.updateWindowFilter();
    }

    handleToChange(event: CustomEvent<{ value: string }>): void {
        this.customTo = event.detail?.value ?? '';
        this.updateWindowFilter();
    }

    handleRefresh(): void {
        this.requestRefresh();
    }

    private updateWindowFilter(): void {
        const filter = this.computeWindowFilter();
        if (!sameFilter(filter, this.windowFilter)) {
            this.windowFilter = filter;
            if (filter) this.markLoading();
        }
    }

    // ---- View model ------------------------------------------------------------------------------

    get targets(): Targets {
        return {
            waitSeconds: readTarget(this.waitTargetSeconds),
            handleSeconds: readTarget(this.handleTargetSeconds)
        };
    }

    get rangeProblem(): string {
        return this.isCustom && this.windowFilter === null
            ? labelErrorCustomRange
            : '';
    }

    get errorText(): string {
        return this.rangeProblem || this.problemMessage;
    }

    get hasError(): boolean {
        return this.errorText !== '';
    }

    get showSpinner(): boolean {
        return (
            !this.hasError &&
            this.windowFilter !== null &&
            this.sources.core.state === 'loading'
        );
    }

    /** The sources' states as the cells read them. */
    get figureSources(): FigureSources {
        return {
            waitTimes: this.sources.waitTimes.state,
            handleTimes: this.sources.handleTimes.state,
            sessionMetrics: this.sources.sessionMetrics.state
        };
    }

    private metricsCache?: { key: unknown[]; value: CombinedMetrics };

    /** The figures received so far, combined once per response (the template reads them often). */
    get metrics(): CombinedMetrics | null {
        if (!this.coreData) return null;
        const key = [
            this.coreData,
            this.sources.waitTimes.state === 'ready'
                ? this.waitTimesData
                : null,
            this.sources.handleTimes.state === 'ready'
                ? this.handleTimesData
                : null,
            this.sources.sessionMetrics.state === 'ready'
                ? this.sessionMetricsData
                : null,
            this.isActive('queueNames') &&
            this.sources.queueNames.state === 'ready'
                ? this.queueNamesData
                : null
        ];
        const cache = this.metricsCache;
        if (cache && cache.key.every((part, index) => part === key[index])) {
            return cache.value;
        }
        const value = combineMetrics({
            core: this.coreData,
            waitTimes: key[1] as DurationData | null,
            handleTimes: key[2] as DurationData | null,
            sessionMetrics: key[3] as SessionMetricsData | null,
            queueNames: key[4] as QueueNamesData | null
        });
        this.metricsCache = { key, value };
        return value;
    }

    private rowCache?: { key: unknown[]; rows: AgentRowView[] };

    /** Table rows, computed once per response, targets and sources (the template and the chart read them). */
    get rows(): AgentRowView[] {
        const metrics = this.metrics;
        if (!metrics) return [];
        const { waitSeconds, handleSeconds } = this.targets;
        const sources = this.figureSources;
        const key = [
            metrics,
            waitSeconds,
            handleSeconds,
            sources.waitTimes,
            sources.handleTimes,
            sources.sessionMetrics
        ];
        const cache = this.rowCache;
        if (cache && cache.key.every((part, index) => part === key[index])) {
            return cache.rows;
        }
        const rows = agentRowViews(metrics, this.targets, sources);
        this.rowCache = { key, rows };
        return rows;
    }

    get totalsRow(): AgentRowView | null {
        const metrics = this.metrics;
        return metrics
            ? totalsRowView(
                  metrics,
                  this.targets,
                  labelTotals,
                  this.figureSources
              )
            : null;
    }

    get hasRows(): boolean {
        return (this.metrics?.agents.length ?? 0) > 0;
    }

    /** A window with no sessions at all (agents listed without any figure count as empty too). */
    get isEmpty(): boolean {
        const metrics = this.metrics;
        return (
            !this.hasError &&
            metrics !== null &&
            metrics.totals.handled + metrics.totals.openNow === 0
        );
    }

    get showTable(): boolean {
        return !this.hasError && this.hasRows;
    }

    get showChart(): boolean {
        return this.showTable && !this.isEmpty;
    }

    get chart(): ChartModel {
        return chartModel(
            this.rows.filter((row) => !row.isQueue),
            labelChartBar
        );
    }

    get chartAriaLabel(): string {
        return `${labelChartTitle}. ${labelChartDesc}`;
    }

    get showResponseColumns(): boolean {
        return !this.hideResponseTimes;
    }

    /** Why some figures say "Not available": one note per document the org refused. */
    get notes(): Note[] {
        if (this.hasError || !this.coreData) return [];
        const notes: Note[] = [];
        const { waitTimes, handleTimes, sessionMetrics, queueNames } =
            this.sources;
        if (waitTimes.state === 'unavailable') {
            notes.push({
                key: 'waitTimes',
                text: formatLabel(
                    labelFieldUnavailable,
                    `${labelColAvgWait}, ${labelColMaxWait}`,
                    WAIT_SECONDS_FIELD_NAME,
                    waitTimes.detail
                )
            });
        }
        if (handleTimes.state === 'unavailable') {
            notes.push({
                key: 'handleTimes',
                text: formatLabel(
                    labelFieldUnavailable,
                    labelColAvgHandle,
                    HANDLE_SECONDS_FIELD_NAME,
                    handleTimes.detail
                )
            });
        }
        if (sessionMetrics.state === 'unavailable') {
            const columns = this.hideResponseTimes
                ? [labelColMessages]
                : [labelColMessages, labelColFirstResponse, labelColResponse];
            notes.push({
                key: 'sessionMetrics',
                text: formatLabel(
                    labelSessionMetricsUnavailable,
                    columns.join(', '),
                    sessionMetrics.detail
                )
            });
        }
        if (this.isActive('queueNames') && queueNames.state === 'unavailable') {
            notes.push({
                key: 'queueNames',
                text: formatLabel(labelQueueNamesUnavailable, queueNames.detail)
            });
        }
        return notes;
    }

    get truncatedText(): string {
        return this.metrics?.truncated && !this.hasError
            ? formatLabel(labelTruncated, 2000)
            : '';
    }

    get tableCaption(): string {
        const option = this.windowOptions.find(
            (entry) => entry.value === this.windowValue
        );
        return formatLabel(labelTableCaption, option?.label ?? '');
    }

    get targetsText(): string {
        const { waitSeconds, handleSeconds } = this.targets;
        if (waitSeconds === null && handleSeconds === null) return '';
        const text = (seconds: number | null): string => {
            return seconds === null ? labelNoValue : formatDuration(seconds);
        };
        return formatLabel(
            labelTargets,
            text(waitSeconds),
            text(handleSeconds)
        );
    }
}
