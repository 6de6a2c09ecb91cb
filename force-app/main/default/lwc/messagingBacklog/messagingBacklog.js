/**
 * Supervisor backlog: who is waiting now, by queue and by channel, for how long, against the wait
 * target, and when each channel will clear at the last hour's pace. Every figure is aggregated by
 * the server in ONE GraphQL request per refresh (queues chosen in App Builder are looked up by API
 * name once, before the first); choosing a queue or a channel publishes MSC_BacklogDrillIn__c so
 * the session list shows exactly those waiting sessions.
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
import BACKLOG_DRILL_IN from '@salesforce/messageChannel/MSC_BacklogDrillIn__c';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import { formatDuration, formatLabel } from 'c/messagingTime';
import { errorMessage } from 'c/messagingErrors';
import {
    BROWSER_CLOCK,
    LiveRefreshController,
    REFRESH_MIN_INTERVAL_MS,
    REFRESH_SETTLE_MS,
    readRefreshSeconds
} from 'c/messagingLiveRefresh';
import {
    buildBacklogVariables,
    buildQueueLookupVariables,
    figuresOnly,
    readBacklogErrors,
    readQueueSelection,
    readWaitTarget
} from './backlogQuery';
import {
    channelRowViews,
    combineBacklog,
    queueName,
    queueRowViews,
    queuesOverTarget,
    readQueueLookup,
    waitText
} from './backlogFigures';
import { channelDrillIn, queueDrillIn } from './backlogDrillIn';
import labelTitle from '@salesforce/label/c.MSC_BacklogTitle';
import labelHelp from '@salesforce/label/c.MSC_BacklogHelp';
import labelRefresh from '@salesforce/label/c.MSC_BacklogRefresh';
import labelLoading from '@salesforce/label/c.MSC_BacklogLoading';
import labelEmpty from '@salesforce/label/c.MSC_BacklogEmpty';
import labelTotalWaiting from '@salesforce/label/c.MSC_BacklogTotalWaiting';
import labelTotalOver from '@salesforce/label/c.MSC_BacklogTotalOverTarget';
import labelLongest from '@salesforce/label/c.MSC_BacklogLongestWait';
import labelQueuesOver from '@salesforce/label/c.MSC_BacklogQueuesOver';
import labelLastRefresh from '@salesforce/label/c.MSC_BacklogLastRefresh';
import labelTarget from '@salesforce/label/c.MSC_BacklogTarget';
import labelQueuesCaption from '@salesforce/label/c.MSC_BacklogQueuesCaption';
import labelChannelsCaption from '@salesforce/label/c.MSC_BacklogChannelsCaption';
import labelColQueue from '@salesforce/label/c.MSC_BacklogColQueue';
import labelColChannel from '@salesforce/label/c.MSC_BacklogColChannel';
import labelColType from '@salesforce/label/c.MSC_BacklogColType';
import labelColWaiting from '@salesforce/label/c.MSC_BacklogColWaiting';
import labelColOver from '@salesforce/label/c.MSC_BacklogColOverTarget';
import labelColLongest from '@salesforce/label/c.MSC_BacklogColLongest';
import labelColState from '@salesforce/label/c.MSC_BacklogColState';
import labelColClear from '@salesforce/label/c.MSC_BacklogColClear';
import labelOverTarget from '@salesforce/label/c.MSC_BacklogOverTarget';
import labelWithinTarget from '@salesforce/label/c.MSC_BacklogWithinTarget';
import labelAnnounceOver from '@salesforce/label/c.MSC_BacklogAnnounceOver';
import labelTargetFallback from '@salesforce/label/c.MSC_BacklogTargetFallback';
import labelUnknownQueues from '@salesforce/label/c.MSC_BacklogUnknownQueues';
import labelHiddenQueues from '@salesforce/label/c.MSC_BacklogHiddenQueues';
import labelNamesUnavailable from '@salesforce/label/c.MSC_BacklogNamesUnavailable';
import labelTruncated from '@salesforce/label/c.MSC_BacklogTruncated';
import labelPartial from '@salesforce/label/c.MSC_BacklogPartial';
import labelQueueLookupFailed from '@salesforce/label/c.MSC_BacklogQueueLookupFailed';
// The queues chosen in App Builder, by API name: their Ids then filter every figure on the
// session's own OwnerId. Its own small request, sent again only if the property changes.
const QUEUE_LOOKUP_QUERY = gql`
    query backlogQueueIds($queueLookupWhere: Group_Filter) {
        uiapi {
            query {
                Group(where: $queueLookupWhere, first: 2000) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            DeveloperName {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
// One document, one request: three aggregates (grouped by owner × channel × channel type, so queue
// and channel figures come from the same groups) and the names of the queues and channels concerned.
const BACKLOG_QUERY = gql`
    query messagingBacklog(
        $waitingWhere: MessagingSession_Filter
        $overTargetWhere: MessagingSession_Filter
        $acceptedWhere: MessagingSession_Filter
        $queueWhere: Group_Filter
        $channelWhere: MessagingChannel_Filter
    ) {
        uiapi {
            aggregate {
                waiting: MessagingSession(
                    where: $waitingWhere
                    groupBy: {
                        OwnerId: { group: true }
                        MessagingChannelId: { group: true }
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
                                MessagingChannelId {
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
                                StartTime {
                                    min {
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
                overTarget: MessagingSession(
                    where: $overTargetWhere
                    groupBy: {
                        OwnerId: { group: true }
                        MessagingChannelId: { group: true }
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
                                MessagingChannelId {
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
                accepted: MessagingSession(
                    where: $acceptedWhere
                    groupBy: {
                        MessagingChannelId: { group: true }
                        ChannelType: { group: true }
                    }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                MessagingChannelId {
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
            }
            query {
                Group(where: $queueWhere, first: 2000) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            DeveloperName {
                                value
                            }
                        }
                    }
                }
                MessagingChannel(where: $channelWhere, first: 2000) {
                    edges {
                        node {
                            Id
                            MasterLabel {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
// The same figures without names, for an org that refuses Group or MessagingChannel: a GraphQL
// document is validated whole, so the names must not be able to sink the figures.
const FIGURES_QUERY = gql`
    query messagingBacklogFigures(
        $waitingWhere: MessagingSession_Filter
        $overTargetWhere: MessagingSession_Filter
        $acceptedWhere: MessagingSession_Filter
    ) {
        uiapi {
            aggregate {
                waiting: MessagingSession(
                    where: $waitingWhere
                    groupBy: {
                        OwnerId: { group: true }
                        MessagingChannelId: { group: true }
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
                                MessagingChannelId {
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
                                StartTime {
                                    min {
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
                overTarget: MessagingSession(
                    where: $overTargetWhere
                    groupBy: {
                        OwnerId: { group: true }
                        MessagingChannelId: { group: true }
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
                                MessagingChannelId {
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
                accepted: MessagingSession(
                    where: $acceptedWhere
                    groupBy: {
                        MessagingChannelId: { group: true }
                        ChannelType: { group: true }
                    }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
                                MessagingChannelId {
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
            }
        }
    }
`;
const SOURCE = 'messagingBacklog';
const CLOCK_INTERVAL_MS = 1000;
const MAX_GROUPS = 2000;
export default class MessagingBacklog extends LightningElement {
    /** App Builder: seconds a session may wait before it is over target (default 120). */
    @api
    waitTargetSeconds;
    /** App Builder: queue API names separated by commas; empty for every queue. */
    @api
    queues;
    /** App Builder: seconds between safety refreshes; 0 turns them off (default 60). */
    @api
    refreshIntervalSeconds;
    /** App Builder: narrow layout for the utility bar. */
    @api
    compact = false;
    @wire(MessageContext)
    messageContext;
    labels = {
        title: labelTitle,
        help: labelHelp,
        refresh: labelRefresh,
        loading: labelLoading,
        empty: labelEmpty,
        lastRefresh: labelLastRefresh,
        queuesCaption: labelQueuesCaption,
        channelsCaption: labelChannelsCaption,
        colQueue: labelColQueue,
        colChannel: labelColChannel,
        colType: labelColType,
        colWaiting: labelColWaiting,
        colOver: labelColOver,
        colLongest: labelColLongest,
        colState: labelColState,
        colClear: labelColClear,
        overTarget: labelOverTarget,
        withinTarget: labelWithinTarget
    };
    variables;
    /** Sent while App Builder names queues, until the look-up has answered. */
    lookupVariables;
    /** The chosen queues, once looked up; null when every queue is shown or before the answer. */
    queueLookup = null;
    figures = null;
    errorText = '';
    partialText = '';
    loading = true;
    now = Date.now();
    refreshedAt = null;
    announcement = '';
    /** The org refused the name look-ups once: later requests leave them out. */
    namesRefused = false;
    target = readWaitTarget(undefined);
    selection = { names: [], invalid: [] };
    wireResult;
    announced = new Set();
    clockHandle;
    liveRefresh;
    connectedCallback() {
        this.target = readWaitTarget(this.waitTargetSeconds);
        this.selection = readQueueSelection(this.queues);
        const nothingToAsk =
            this.selection.invalid.length > 0 && !this.selection.names.length;
        if (this.selection.names.length) {
            // The figures wait for the chosen queues' Ids.
            this.lookupVariables = buildQueueLookupVariables(
                this.selection.names
            );
        } else if (!nothingToAsk) {
            this.variables = this.buildVariables();
        }
        this.loading = !nothingToAsk;
        // Message channel, change events and the poll (kept while CDC streams: events may
        // never arrive) make one refresh per burst, once there is something to refresh.
        this.liveRefresh = new LiveRefreshController({
            refresh: () => this.runRefresh(),
            intervalMs: REFRESH_MIN_INTERVAL_MS,
            settleMs: REFRESH_SETTLE_MS,
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
            changeEvents: {
                isEmpEnabled,
                subscribe: empSubscribe,
                unsubscribe: empUnsubscribe,
                onError: onEmpError
            },
            pollSeconds: readRefreshSeconds(this.refreshIntervalSeconds),
            isReady: () => this.variables !== undefined
        });
        this.liveRefresh.start();
        // One timer makes every longest wait tick.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.clockHandle = setInterval(() => this.tick(), CLOCK_INTERVAL_MS);
    }
    disconnectedCallback() {
        this.liveRefresh?.stop();
        this.liveRefresh = undefined;
        clearInterval(this.clockHandle);
    }
    // ---- Data ------------------------------------------------------------------------------
    get queueLookupQuery() {
        return this.lookupVariables ? QUEUE_LOOKUP_QUERY : undefined;
    }
    @wire(graphql, {
        query: '$queueLookupQuery',
        variables: '$lookupVariables'
    })
    wiredQueueLookup(result) {
        if (!this.lookupVariables) return;
        const { data, errors } = result ?? {};
        if (!data) {
            if (errors?.length) {
                this.figures = null;
                this.errorText = formatLabel(
                    labelQueueLookupFailed,
                    errorMessage({ errors })
                );
                this.loading = false;
            }
            return;
        }
        const lookup = readQueueLookup(data, this.selection.names);
        const ids = (queues) =>
            JSON.stringify(queues?.queues.map((queue) => queue.Id) ?? []);
        const idsChanged = ids(lookup) !== ids(this.queueLookup);
        this.queueLookup = lookup;
        this.errorText = '';
        if (!lookup.queues.length) {
            // None of the chosen names is a queue this user can see: nothing to count, say which.
            this.variables = undefined;
            this.figures = null;
            this.loading = false;
        } else if (idsChanged || !this.variables) {
            this.variables = this.buildVariables();
        }
    }
    get backlogQuery() {
        if (!this.variables) return undefined;
        return this.namesRefused ? FIGURES_QUERY : BACKLOG_QUERY;
    }
    get queryVariables() {
        if (!this.variables) return undefined;
        return this.namesRefused ? figuresOnly(this.variables) : this.variables;
    }
    @wire(graphql, { query: '$backlogQuery', variables: '$queryVariables' })
    wiredBacklog(result) {
        if (!this.variables) return;
        this.wireResult = result;
        const { data, errors } = result ?? {};
        const reading = readBacklogErrors(errors);
        if (reading.message && reading.namesRefused && !this.namesRefused) {
            // Not fatal: the document without names goes out once, then stays.
            this.namesRefused = true;
            return;
        }
        if (reading.message && !data) {
            this.figures = null;
            this.errorText = reading.message;
            this.loading = false;
            return;
        }
        if (!data) return;
        this.figures = combineBacklog(data, {
            chosenQueues: this.queueLookup?.queues ?? []
        });
        this.partialText = reading.message;
        this.errorText = '';
        this.loading = false;
        this.refreshedAt = Date.now();
        this.now = this.refreshedAt;
        this.announceOverTarget();
    }
    buildVariables() {
        return buildBacklogVariables({
            now: Date.now(),
            targetSeconds: this.target.seconds,
            queueIds: this.queueLookup?.queues.map((queue) => queue.Id) ?? []
        });
    }
    /** The button's trigger joins the live ones: a burst makes one request. */
    requestRefresh() {
        this.liveRefresh?.request();
    }
    runRefresh() {
        const next = this.buildVariables();
        if (JSON.stringify(next) !== JSON.stringify(this.variables)) {
            // New cut-offs (now − target, now − 60 min): the wire adapter makes the one request.
            this.variables = next;
            return;
        }
        this.wireResult?.refresh?.().catch((error) => {
            this.errorText = errorMessage(error);
        });
    }
    handleRefresh() {
        this.requestRefresh();
    }
    tick() {
        this.now = Date.now();
        this.announceOverTarget();
    }
    /** Says once, politely, which queues have just gone over target. */
    announceOverTarget() {
        if (!this.figures) return;
        const over = queuesOverTarget(
            this.figures,
            this.now,
            this.target.seconds
        );
        const fresh = over.filter((row) => !this.announced.has(row.key));
        this.announced = new Set(over.map((row) => row.key));
        if (fresh.length) {
            this.announcement = formatLabel(
                labelAnnounceOver,
                fresh.map((row) => queueName(row)).join(', ')
            );
        }
    }
    // ---- Drill in ----------------------------------------------------------------------------
    handleQueueDrillIn(event) {
        const key = event.currentTarget.dataset.key;
        const row = this.queueRows.find((entry) => entry.key === key);
        if (!row?.canDrill || !row.queueId) return;
        publish(this.messageContext, BACKLOG_DRILL_IN, {
            ...queueDrillIn(SOURCE, row.queueId, row.name)
        });
    }
    handleChannelDrillIn(event) {
        const key = event.currentTarget.dataset.key;
        const row = this.channelRows.find((entry) => entry.key === key);
        if (!row?.canDrill) return;
        publish(this.messageContext, BACKLOG_DRILL_IN, {
            ...channelDrillIn(SOURCE, row.channelId, row.channelType, row.name)
        });
    }
    // ---- View model --------------------------------------------------------------------------
    get queueRows() {
        return this.figures
            ? queueRowViews(this.figures, this.now, this.target.seconds)
            : [];
    }
    get channelRows() {
        return this.figures
            ? channelRowViews(this.figures, this.now, this.target.seconds)
            : [];
    }
    get showSpinner() {
        return this.loading && !this.errorText;
    }
    get showFigures() {
        return this.figures !== null && !this.errorText;
    }
    get isEmpty() {
        return this.showFigures && this.figures.totals.waiting === 0;
    }
    /** The totals strip: waiting, over target, longest wait and queues over target, across queues. */
    get totals() {
        const figures = this.figures;
        if (!figures) return [];
        const { totals } = figures;
        const queuesOver = queuesOverTarget(
            figures,
            this.now,
            this.target.seconds
        ).length;
        return [
            {
                key: 'waiting',
                label: labelTotalWaiting,
                value: String(totals.waiting)
            },
            {
                key: 'overTarget',
                label: labelTotalOver,
                value: String(totals.overTarget)
            },
            {
                key: 'longest',
                label: labelLongest,
                value: waitText(totals, this.now)
            },
            {
                key: 'queuesOver',
                label: labelQueuesOver,
                value: String(queuesOver)
            }
        ];
    }
    get targetText() {
        return formatLabel(labelTarget, formatDuration(this.target.seconds));
    }
    get containerClass() {
        return this.compact ? 'backlog backlog_compact' : 'backlog';
    }
    get showDetailColumns() {
        return !this.compact;
    }
    /** Partial and bad-input notes: what the figures leave out, and why. */
    get notes() {
        const notes = [];
        const add = (key, text) => {
            notes.push({ key, text });
        };
        if (this.target.rejected !== null) {
            add(
                'target',
                formatLabel(
                    labelTargetFallback,
                    this.target.rejected,
                    formatDuration(this.target.seconds)
                )
            );
        }
        const unknown = [
            ...this.selection.invalid,
            ...(this.queueLookup?.unknownNames ?? [])
        ];
        if (unknown.length)
            add(
                'unknownQueues',
                formatLabel(labelUnknownQueues, unknown.join(', '))
            );
        if (this.namesRefused) add('names', labelNamesUnavailable);
        else if (this.figures?.hiddenQueues)
            add(
                'hiddenQueues',
                formatLabel(labelHiddenQueues, this.figures.hiddenQueues)
            );
        if (this.figures?.truncated)
            add('truncated', formatLabel(labelTruncated, MAX_GROUPS));
        if (this.partialText && !this.errorText)
            add('partial', formatLabel(labelPartial, this.partialText));
        return notes;
    }
}
