/**
 * Agent metrics panel: workload and timing figures per agent for a window and a scope, computed
 * by GraphQL aggregates on the server (whatever the volume), with team totals, a bar chart and
 * the table, and targets set in App Builder. This component holds the wires, the controls' state
 * and the public properties; the documents, variables, combining and view live in the bundle's
 * modules, the table and chart in their own components.
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLWireResult } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type { MessageContextType } from 'lightning/messageService';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import USER_ID from '@salesforce/user/Id';

import type { GqlFilter } from 'c/messagingSessionSchema';
import {
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
    CORE_DOCUMENT,
    HANDLE_TIMES_DOCUMENT,
    QUEUE_NAMES_DOCUMENT,
    SESSION_METRICS_DOCUMENT,
    WAIT_TIMES_DOCUMENT
} from './metricsQueries';
import type {
    CoreMetricsData,
    DurationData,
    QueueNamesData,
    SessionMetricsData
} from './metricsResponses';
import {
    buildMetricsVariables,
    durationVariables,
    queueNamesVariables,
    sessionMetricsVariables
} from './metricsVariables';
import type {
    MetricsScope,
    MetricsVariables,
    MetricsWindow
} from './metricsVariables';
import {
    PANEL_LABELS,
    SCOPE_OPTIONS,
    WINDOW_HELP,
    WINDOW_OPTIONS,
    isMetricsScope,
    isMetricsWindow,
    teamHelpText,
    windowLabel
} from './metricsControls';
import {
    SOURCE_KEYS,
    combineReceived,
    currentTeamIds,
    sameTeamUsers,
    statuses,
    teamUsersOf
} from './metricsSources';
import type {
    SourceData,
    SourceKey,
    SourceStatus,
    SourceStatuses,
    TeamUsers
} from './metricsSources';
import type { CombinedMetrics } from './metricsCombine';
import { readTarget } from './metricsFormat';
import { panelView } from './metricsView';
import type { PanelView } from './metricsView';
import { readMetricsErrors } from './metricsErrors';

import labelErrorCustomRange from '@salesforce/label/c.MSC_MetricsErrorCustomRange';

const CORE_QUERY = gql`
    ${CORE_DOCUMENT}
`;
const WAIT_TIMES_QUERY = gql`
    ${WAIT_TIMES_DOCUMENT}
`;
const HANDLE_TIMES_QUERY = gql`
    ${HANDLE_TIMES_DOCUMENT}
`;
const SESSION_METRICS_QUERY = gql`
    ${SESSION_METRICS_DOCUMENT}
`;
const QUEUE_NAMES_QUERY = gql`
    ${QUEUE_NAMES_DOCUMENT}
`;

/** Refresh triggers that arrive within this many milliseconds make one request. */
const REFRESH_COALESCE_MS = 300;

function sameFilter(a: GqlFilter | null, b: GqlFilter | null): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

export default class AgentMetricsPanel extends LightningElement {
    /** App Builder: window shown first (today, last7, last30 or custom). */
    @api defaultTimeWindow: string = 'today';
    /** App Builder: scope shown first (me, team or all). */
    @api defaultScope: string = 'me';
    /** App Builder: the team is this public group's or queue's members (Id or API name) instead of my direct reports. */
    @api teamGroup?: string;
    /** App Builder: refresh interval in seconds (0 or empty: no automatic refresh). */
    @api refreshIntervalSeconds?: number;

    labels = PANEL_LABELS;
    windowOptions = WINDOW_OPTIONS;
    scopeOptions = SCOPE_OPTIONS;
    windowHelp = WINDOW_HELP;

    windowValue: MetricsWindow = 'today';
    scopeValue: MetricsScope = 'me';
    customFrom = '';
    customTo = '';
    /** The start-time filter of the window (the shared definition); null: dates to fix. */
    windowFilter: GqlFilter | null = null;
    sources: SourceStatuses = statuses('loading');
    problemMessage = '';
    data: SourceData = {};

    /**
     * The team's user Ids from the last core answer in the team scope; reassigned only when they
     * change, so that the session-metrics wire isn't handed the same variables again.
     */
    private teamUsers: TeamUsers | null = null;
    private metrics: CombinedMetrics | null = null;
    private targetWait?: number;
    private targetHandle?: number;
    private responseTimesHidden = false;
    /** What the template shows, computed each time one of its inputs changes. */
    view: PanelView = this.computeView();

    @wire(MessageContext) messageContext?: MessageContextType;

    private refreshers: Partial<Record<SourceKey, () => Promise<unknown>>> = {};
    private liveRefresh?: LiveRefreshController;

    /** App Builder: target average/maximum wait, in seconds (highlighted when exceeded). */
    @api
    get waitTargetSeconds(): number | undefined {
        return this.targetWait;
    }
    set waitTargetSeconds(value: number | undefined) {
        this.targetWait = value;
        this.updateView();
    }

    /** App Builder: target average handle time, in seconds. */
    @api
    get handleTargetSeconds(): number | undefined {
        return this.targetHandle;
    }
    set handleTargetSeconds(value: number | undefined) {
        this.targetHandle = value;
        this.updateView();
    }

    /** App Builder: don't ask for response times (message totals are still asked for). */
    @api
    get hideResponseTimes(): boolean {
        return this.responseTimesHidden;
    }
    set hideResponseTimes(value: boolean) {
        this.responseTimesHidden = value;
        this.updateView();
    }

    override connectedCallback(): void {
        this.windowValue = isMetricsWindow(this.defaultTimeWindow)
            ? this.defaultTimeWindow
            : 'today';
        this.scopeValue = isMetricsScope(this.defaultScope)
            ? this.defaultScope
            : 'me';
        this.customTo = windowDayKey();
        this.customFrom = shiftCalendarDay(this.customTo, -6);
        this.windowFilter = this.computeWindowFilter();
        this.markLoading();
        this.liveRefresh = this.createLiveRefresh();
        this.liveRefresh.start();
    }

    override disconnectedCallback(): void {
        this.liveRefresh?.stop();
        this.liveRefresh = undefined;
    }

    /** Triggers close together (button, interval, message channel) make one refresh. */
    private createLiveRefresh(): LiveRefreshController {
        const seconds = Number(this.refreshIntervalSeconds);
        return new LiveRefreshController({
            refresh: () =>
                this.flushRefresh().catch((error: unknown) =>
                    this.showProblem(errorMessage(error))
                ),
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
    }

    // ---- Wires -----------------------------------------------------------------------------

    /** Variables of the core document; the duration documents derive theirs from them. */
    get metricsVariables(): MetricsVariables | undefined {
        if (!this.windowFilter) return undefined;
        return buildMetricsVariables(this.windowFilter, {
            scope: this.scopeValue,
            userId: USER_ID,
            teamGroup: this.teamGroup
        });
    }

    get durationVariables(): Record<string, unknown> | undefined {
        const variables = this.metricsVariables;
        return variables ? durationVariables(variables) : undefined;
    }

    /** In the team scope, undefined until a core response has named the team's users. */
    get sessionMetricsVariables(): Record<string, unknown> | undefined {
        if (!this.windowFilter) return undefined;
        const teamUserIds =
            this.scopeValue === 'team'
                ? currentTeamIds(this.teamUsers, this.teamGroup)
                : null;
        return (
            sessionMetricsVariables(this.windowFilter, {
                scope: this.scopeValue,
                userId: USER_ID,
                teamGroup: this.teamGroup,
                teamUserIds,
                includeResponseTimes: !this.responseTimesHidden
            }) ?? undefined
        );
    }

    /** Built only where it is sent (all agents): elsewhere a team semi-join would nest in it. */
    get queueNamesVariables(): Record<string, unknown> | undefined {
        return this.windowFilter && this.isActive('queueNames')
            ? queueNamesVariables(this.windowFilter)
            : undefined;
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

    @wire(graphql, { query: '$coreQuery', variables: '$metricsVariables' })
    wiredCore(result: GraphQLWireResult<CoreMetricsData>): void {
        const data = this.receive('core', result);
        if (data) {
            this.problemMessage = '';
            this.rememberTeamUsers(data);
        }
        this.refreshFigures();
    }

    @wire(graphql, {
        query: '$waitTimesQuery',
        variables: '$durationVariables'
    })
    wiredWaitTimes(result: GraphQLWireResult<DurationData>): void {
        this.receive('waitTimes', result);
        this.refreshFigures();
    }

    @wire(graphql, {
        query: '$handleTimesQuery',
        variables: '$durationVariables'
    })
    wiredHandleTimes(result: GraphQLWireResult<DurationData>): void {
        this.receive('handleTimes', result);
        this.refreshFigures();
    }

    @wire(graphql, {
        query: '$sessionMetricsQuery',
        variables: '$sessionMetricsVariables'
    })
    wiredSessionMetrics(result: GraphQLWireResult<SessionMetricsData>): void {
        this.receive('sessionMetrics', result);
        this.refreshFigures();
    }

    @wire(graphql, {
        query: '$queueNamesQuery',
        variables: '$queueNamesVariables'
    })
    wiredQueueNames(result: GraphQLWireResult<QueueNamesData>): void {
        this.receive('queueNames', result);
        this.refreshFigures();
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

    /**
     * Records a wire result: keeps its refresh function, its data and the source's state, and
     * returns the data when the document succeeded. Errors on the core document stop the panel;
     * errors on the others leave their columns "Not available" and the rest of the panel intact.
     */
    private receive<K extends SourceKey>(
        key: K,
        result: GraphQLWireResult<SourceData[K]> | undefined
    ): SourceData[K] | undefined {
        if (!this.isActive(key)) return undefined;
        const { data, errors, refresh } = result ?? {};
        if (typeof refresh === 'function') this.refreshers[key] = refresh;
        if (errors && errors.length) {
            if (key === 'core') {
                this.problemMessage = readMetricsErrors(
                    errors,
                    this.teamGroup
                ).message;
                this.data = { ...this.data, core: undefined };
            }
            this.setSource(key, {
                state: 'unavailable',
                detail: graphqlErrorMessage(errors)
            });
            return undefined;
        }
        if (!data) return undefined;
        this.data = { ...this.data, [key]: data };
        this.setSource(key, { state: 'ready', detail: '' });
        return data;
    }

    /** Keeps the team's user Ids from a core response (team scope only). */
    private rememberTeamUsers(data: CoreMetricsData): void {
        if (this.scopeValue !== 'team') return;
        const users = teamUsersOf(data, this.teamGroup);
        if (!sameTeamUsers(this.teamUsers, users)) {
            this.teamUsers = users;
            // New Ids mean new session-metrics variables: its figures wait for them.
            this.setSource('sessionMetrics', { state: 'loading', detail: '' });
        }
        if (!users.ids.length) {
            // A team without users has no session metrics to ask for.
            this.data = { ...this.data, sessionMetrics: undefined };
            this.setSource('sessionMetrics', { state: 'ready', detail: '' });
        }
    }

    private setSource(key: SourceKey, status: SourceStatus): void {
        this.sources = { ...this.sources, [key]: status };
    }

    /** New variables are on their way: every figure waits for its new response. */
    private markLoading(): void {
        this.sources = statuses('loading');
        this.refreshFigures();
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
            this.showProblem(errorMessage(error));
        }
    }

    private showProblem(message: string): void {
        this.problemMessage = message;
        this.updateView();
    }

    // ---- Controls ----------------------------------------------------------------------------

    get isCustom(): boolean {
        return this.windowValue === 'custom';
    }

    /** Who "my team" is, in the team scope. */
    get teamHelp(): string {
        return teamHelpText(this.scopeValue, this.teamGroup);
    }

    handleWindowChange(event: CustomEvent<{ value: string }>): void {
        const value = event.detail?.value;
        if (!isMetricsWindow(value)) return;
        this.windowValue = value;
        this.updateWindowFilter();
    }

    handleScopeChange(event: CustomEvent<{ value: string }>): void {
        const scope = event.detail?.value;
        if (!isMetricsScope(scope) || scope === this.scopeValue) return;
        this.scopeValue = scope;
        if (this.windowFilter) this.markLoading();
        else this.refreshFigures();
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
        this.updateView();
    }

    // ---- View --------------------------------------------------------------------------------

    /** Combines the figures received so far: a source counts once its document has answered. */
    private refreshFigures(): void {
        this.metrics = combineReceived(
            this.data,
            this.sources,
            this.isActive('queueNames')
        );
        this.updateView();
    }

    private updateView(): void {
        this.view = this.computeView();
    }

    private computeView(): PanelView {
        const rangeProblem =
            this.windowValue === 'custom' && this.windowFilter === null
                ? labelErrorCustomRange
                : '';
        return panelView({
            metrics: this.metrics,
            sources: this.sources,
            targets: {
                waitSeconds: readTarget(this.targetWait),
                handleSeconds: readTarget(this.targetHandle)
            },
            hideResponseTimes: this.responseTimesHidden,
            queueNamesAsked: !!this.windowFilter && this.scopeValue === 'all',
            errorText: rangeProblem || this.problemMessage,
            hasWindow: this.windowFilter !== null,
            windowLabel: windowLabel(this.windowValue)
        });
    }
}
