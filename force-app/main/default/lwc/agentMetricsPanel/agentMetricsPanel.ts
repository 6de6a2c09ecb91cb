/**
 * Agent metrics panel: workload and timing figures per agent for a window and a scope, computed
 * by GraphQL aggregates on the server (one request per refresh, whatever the volume), with team
 * totals, an SVG bar chart and its table equivalent, and targets set in App Builder.
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql, refreshGraphQL } from 'lightning/graphql';
import type { GraphQLResult } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type {
    MessageContextType,
    Subscription
} from 'lightning/messageService';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import USER_ID from '@salesforce/user/Id';

import {
    BROWSER_CLOCK,
    CoalescingScheduler,
    errorMessage,
    formatDuration,
    formatLabel,
    readSessionsChangedMessage
} from 'c/messagingSessionModel';
import {
    METRICS_WINDOWS,
    MIN_REFRESH_SECONDS,
    REFRESH_COALESCE_MS,
    agentRowViews,
    buildMetricsVariables,
    chartModel,
    combineMetrics,
    readMetricsErrors,
    readTarget,
    toDateInputValue,
    totalsRowView,
    windowRange
} from './agentMetrics';
import type {
    AgentRowView,
    ChartModel,
    CombinedMetrics,
    MetricsData,
    MetricsScope,
    MetricsVariables,
    MetricsWindow,
    Targets,
    WindowRange
} from './agentMetrics';

import labelTitle from '@salesforce/label/c.MSC_MetricsTitle';
import labelWindow from '@salesforce/label/c.MSC_MetricsWindowLabel';
import labelToday from '@salesforce/label/c.MSC_MetricsWindowToday';
import labelLast7 from '@salesforce/label/c.MSC_MetricsWindowLast7';
import labelLast30 from '@salesforce/label/c.MSC_MetricsWindowLast30';
import labelCustom from '@salesforce/label/c.MSC_MetricsWindowCustom';
import labelFrom from '@salesforce/label/c.MSC_MetricsFromLabel';
import labelTo from '@salesforce/label/c.MSC_MetricsToLabel';
import labelScope from '@salesforce/label/c.MSC_MetricsScopeLabel';
import labelScopeMe from '@salesforce/label/c.MSC_MetricsScopeMe';
import labelScopeTeam from '@salesforce/label/c.MSC_MetricsScopeTeam';
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
import labelColResponse from '@salesforce/label/c.MSC_MetricsColResponse';
import labelTotals from '@salesforce/label/c.MSC_MetricsTotalsRow';
import labelEmpty from '@salesforce/label/c.MSC_MetricsEmpty';
import labelQueueTag from '@salesforce/label/c.MSC_MetricsQueueTag';
import labelErrorCustomRange from '@salesforce/label/c.MSC_MetricsErrorCustomRange';
import labelResponseUnavailable from '@salesforce/label/c.MSC_MetricsResponseUnavailable';
import labelChartTitle from '@salesforce/label/c.MSC_MetricsChartTitle';
import labelChartDesc from '@salesforce/label/c.MSC_MetricsChartDesc';
import labelChartHandled from '@salesforce/label/c.MSC_MetricsChartHandled';
import labelChartOpen from '@salesforce/label/c.MSC_MetricsChartOpen';
import labelChartBar from '@salesforce/label/c.MSC_MetricsChartBarLabel';
import labelTableCaption from '@salesforce/label/c.MSC_MetricsTableCaption';
import labelTargets from '@salesforce/label/c.MSC_MetricsTargets';
import labelNoValue from '@salesforce/label/c.MSC_MetricsNoValue';
import labelTruncated from '@salesforce/label/c.MSC_MetricsTruncated';

/** Everything the panel shows, in ONE request: per-agent, per-channel and open-now aggregates, response times and agent names. */
const METRICS_QUERY = gql`
    query agentMetrics(
        $handledWhere: MessagingSession_Filter
        $openWhere: MessagingSession_Filter
        $ownersWhere: User_Filter
        $responseWhere: MessagingSessionMetrics_Filter
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
                                AgentMessageCount {
                                    sum {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                                EndUserMessageCount {
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
                MessagingSessionMetrics(
                    where: $responseWhere
                    groupBy: { MessagingSession: { OwnerId: { group: true } } }
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
                                MessagingSessionMetricValue {
                                    avg {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
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
                }
            }
        }
    }
`;

/** The same without response times, for orgs without MessagingSessionMetrics (or where it can't be grouped by owner). */
// Kept as a separate whole document, not merged: GraphQL validates the entire document against the org's schema.
const METRICS_QUERY_NO_RESPONSE_TIMES = gql`
    query agentMetricsNoResponseTimes(
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
                                AgentMessageCount {
                                    sum {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                                EndUserMessageCount {
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
                }
            }
        }
    }
`;

interface Option {
    label: string;
    value: string;
}

function isWindow(value: unknown): value is MetricsWindow {
    return (
        typeof value === 'string' &&
        (METRICS_WINDOWS as readonly string[]).includes(value)
    );
}

function sameRange(a: WindowRange | null, b: WindowRange | null): boolean {
    return (
        a === b ||
        (a !== null && b !== null && a.from === b.from && a.to === b.to)
    );
}

export default class AgentMetricsPanel extends LightningElement {
    /** App Builder: window shown first (today, last7, last30 or custom). */
    @api defaultWindow: string = 'today';
    /** App Builder: scope shown first (me or team). */
    @api defaultScope: string = 'me';
    /** App Builder: the team is the members of this public group or queue (Id or API name); empty = all agents. */
    @api teamGroup?: string;
    /** App Builder: target average/maximum wait, in seconds (highlighted when exceeded). */
    @api waitTargetSeconds?: number;
    /** App Builder: target average handle time, in seconds. */
    @api handleTargetSeconds?: number;
    /** App Builder: refresh interval in seconds (0 or empty: no automatic refresh). */
    @api refreshIntervalSeconds?: number;
    /** App Builder: don't ask for response times (MessagingSessionMetrics). */
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
        colResponse: labelColResponse,
        empty: labelEmpty,
        queueTag: labelQueueTag,
        responseUnavailable: labelResponseUnavailable,
        chartTitle: labelChartTitle,
        chartDesc: labelChartDesc,
        chartHandled: labelChartHandled,
        chartOpen: labelChartOpen
    };

    windowValue: MetricsWindow = 'today';
    scopeValue: MetricsScope = 'me';
    customFrom = '';
    customTo = '';
    range: WindowRange | null = null;
    metrics: CombinedMetrics | null = null;
    problemMessage = '';
    loading = true;
    /** MessagingSessionMetrics was refused once: later requests leave it out. */
    responseTimesUnavailable = false;

    @wire(MessageContext) messageContext?: MessageContextType;

    private wireResult?: GraphQLResult<MetricsData>;
    private subscription?: Subscription;
    private intervalId?: ReturnType<typeof setInterval>;
    // Triggers close together (button, interval, message channel) make one request.
    private readonly coalescer = new CoalescingScheduler(
        () => {
            this.flushRefresh().catch((error: unknown) => {
                this.problemMessage = errorMessage(error);
            });
        },
        0,
        REFRESH_COALESCE_MS,
        BROWSER_CLOCK
    );
    private refreshQueued = false;
    private refreshInFlight = false;

    override connectedCallback(): void {
        this.windowValue = isWindow(this.defaultWindow)
            ? this.defaultWindow
            : 'today';
        this.scopeValue = this.defaultScope === 'team' ? 'team' : 'me';
        const today = new Date();
        this.customTo = toDateInputValue(today);
        this.customFrom = toDateInputValue(
            new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)
        );
        this.range = this.computeRange();
        this.loading = this.range !== null;
        this.subscription = subscribe(
            this.messageContext,
            SESSIONS_CHANGED,
            (message) => {
                if (readSessionsChangedMessage(message)) this.requestRefresh();
            },
            { scope: APPLICATION_SCOPE }
        );
        const seconds = Number(this.refreshIntervalSeconds);
        if (Number.isFinite(seconds) && seconds > 0) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.intervalId = setInterval(
                () => this.requestRefresh(),
                Math.max(seconds, MIN_REFRESH_SECONDS) * 1000
            );
        }
    }

    override disconnectedCallback(): void {
        if (this.subscription) unsubscribe(this.subscription);
        this.subscription = undefined;
        if (this.intervalId !== undefined) clearInterval(this.intervalId);
        this.intervalId = undefined;
        this.coalescer.cancel();
    }

    // ---- Data ------------------------------------------------------------------------------

    get metricsQuery(): unknown {
        if (!this.range) return undefined;
        return this.hideResponseTimes || this.responseTimesUnavailable
            ? METRICS_QUERY_NO_RESPONSE_TIMES
            : METRICS_QUERY;
    }

    get metricsVariables(): MetricsVariables | undefined {
        if (!this.range) return undefined;
        return buildMetricsVariables(this.range, {
            scope: this.scopeValue,
            userId: USER_ID,
            teamGroup: this.teamGroup
        });
    }

    @wire(graphql, { query: '$metricsQuery', variables: '$metricsVariables' })
    wiredMetrics(result: GraphQLResult<MetricsData>): void {
        this.wireResult = result;
        const { data, errors } = result ?? {};
        if (errors && errors.length) {
            const reading = readMetricsErrors(errors, this.teamGroup);
            if (reading.responseTimesUnavailable) {
                // Not fatal: the query without response times goes out once, then stays.
                this.responseTimesUnavailable = true;
                if (data) this.applyData(data);
                return;
            }
            this.metrics = null;
            this.problemMessage = reading.message;
            this.loading = false;
            return;
        }
        if (data) this.applyData(data);
    }

    private applyData(data: MetricsData): void {
        this.metrics = combineMetrics(data);
        this.problemMessage = '';
        this.loading = false;
    }

    private computeRange(): WindowRange | null {
        return windowRange(
            this.windowValue,
            new Date(),
            this.customFrom,
            this.customTo
        );
    }

    /** Any trigger (button, interval, message channel) asks here; triggers close together make one request. */
    requestRefresh(): void {
        this.refreshQueued = true;
        // A refresh in flight asks again when it finishes (see flushRefresh).
        if (!this.refreshInFlight) this.coalescer.request();
    }

    private async flushRefresh(): Promise<void> {
        if (!this.refreshQueued) return;
        this.refreshQueued = false;
        const range = this.computeRange();
        if (!sameRange(range, this.range)) {
            // A new day (or new dates): the variables change, and the wire makes the request.
            this.range = range;
            this.loading = range !== null;
            return;
        }
        if (!this.wireResult || !this.range) return;
        this.refreshInFlight = true;
        try {
            await refreshGraphQL(this.wireResult);
        } catch (error) {
            this.problemMessage = errorMessage(error);
        } finally {
            this.refreshInFlight = false;
            if (this.refreshQueued) {
                this.refreshQueued = false;
                this.requestRefresh();
            }
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
            { label: labelScopeTeam, value: 'team' }
        ];
    }

    get isCustom(): boolean {
        return this.windowValue === 'custom';
    }

    handleWindowChange(event: CustomEvent<{ value: string }>): void {
        const value = event.detail?.value;
        if (!isWindow(value)) return;
        this.windowValue = value;
        this.updateRange();
    }

    handleScopeChange(event: CustomEvent<{ value: string }>): void {
        const scope: MetricsScope =
            event.detail?.value === 'team' ? 'team' : 'me';
        if (scope === this.scopeValue) return;
        this.scopeValue = scope;
        this.loading = this.range !== null;
    }

    handleFromChange(event: CustomEvent<{ value: string }>): void {
        this.customFrom = event.detail?.value ?? '';
        this.updateRange();
    }

    handleToChange(event: CustomEvent<{ value: string }>): void {
        this.customTo = event.detail?.value ?? '';
        this.updateRange();
    }

    handleRefresh(): void {
        this.requestRefresh();
    }

    private updateRange(): void {
        const range = this.computeRange();
        if (!sameRange(range, this.range)) {
            this.range = range;
            this.loading = range !== null;
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
        return this.range === null && this.isCustom
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
        return this.loading && !this.hasError;
    }

    private rowCache?: {
        metrics: CombinedMetrics;
        wait: number | null;
        handle: number | null;
        rows: AgentRowView[];
    };

    /** Table rows, computed once per response and targets (the template and the chart read them several times). */
    get rows(): AgentRowView[] {
        if (!this.metrics) return [];
        const { waitSeconds, handleSeconds } = this.targets;
        const cache = this.rowCache;
        if (
            cache &&
            cache.metrics === this.metrics &&
            cache.wait === waitSeconds &&
            cache.handle === handleSeconds
        ) {
            return cache.rows;
        }
        const rows = agentRowViews(this.metrics, this.targets);
        this.rowCache = {
            metrics: this.metrics,
            wait: waitSeconds,
            handle: handleSeconds,
            rows
        };
        return rows;
    }

    get totalsRow(): AgentRowView | null {
        return this.metrics
            ? totalsRowView(this.metrics, this.targets, labelTotals)
            : null;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    /** A window with no sessions at all (agents listed without any figure count as empty too). */
    get isEmpty(): boolean {
        return (
            !this.hasError &&
            this.metrics !== null &&
            this.metrics.totals.handled + this.metrics.totals.openNow === 0
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

    get showResponseColumn(): boolean {
        return !this.hideResponseTimes && !this.responseTimesUnavailable;
    }

    get showResponseNote(): boolean {
        return (
            !this.hideResponseTimes &&
            this.responseTimesUnavailable &&
            !this.hasError
        );
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
