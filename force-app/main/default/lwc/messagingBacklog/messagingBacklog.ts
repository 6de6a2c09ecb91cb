/**
 * Supervisor backlog: who is waiting now, by queue and by channel, for how long, against the wait
 * target, and when each channel will clear at the last hour's pace. Every figure is aggregated by
 * the server in ONE GraphQL request per refresh (queues chosen in App Builder are looked up by API
 * name once, before the first); choosing a queue or a channel publishes MSC_BacklogDrillIn__c so
 * the session list shows exactly those waiting sessions.
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
import type { MessageContextType } from 'lightning/messageService';
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
    BACKLOG_DOCUMENT,
    FIGURES_DOCUMENT,
    QUEUE_LOOKUP_DOCUMENT
} from './backlogDocuments';
import {
    buildBacklogVariables,
    buildQueueLookupVariables,
    figuresOnly,
    readBacklogErrors,
    readQueueSelection,
    readWaitTarget
} from './backlogQuery';
import type {
    BacklogData,
    BacklogVariables,
    QueueLookupData,
    QueueLookupVariables,
    QueueSelection,
    WaitTarget
} from './backlogQuery';
import { combineBacklog, readQueueLookup } from './backlogFigures';
import type { BacklogFigures, QueueLookup } from './backlogFigures';
import {
    backlogNotes,
    backlogTables,
    backlogTotals,
    overTargetAnnouncement
} from './backlogView';
import type { KeyedText, TableView, TotalView } from './backlogView';

import labelTitle from '@salesforce/label/c.MSC_BacklogTitle';
import labelHelp from '@salesforce/label/c.MSC_BacklogHelp';
import labelRefresh from '@salesforce/label/c.MSC_BacklogRefresh';
import labelLoading from '@salesforce/label/c.MSC_BacklogLoading';
import labelEmpty from '@salesforce/label/c.MSC_BacklogEmpty';
import labelLastRefresh from '@salesforce/label/c.MSC_BacklogLastRefresh';
import labelTarget from '@salesforce/label/c.MSC_BacklogTarget';
import labelQueueLookupFailed from '@salesforce/label/c.MSC_BacklogQueueLookupFailed';

const QUEUE_LOOKUP_QUERY = gql`
    ${QUEUE_LOOKUP_DOCUMENT}
`;
const BACKLOG_QUERY = gql`
    ${BACKLOG_DOCUMENT}
`;
const FIGURES_QUERY = gql`
    ${FIGURES_DOCUMENT}
`;

const CLOCK_INTERVAL_MS = 1000;

type BacklogResult = GraphQLWireResult<BacklogData>;
type QueueLookupResult = GraphQLWireResult<QueueLookupData>;

export default class MessagingBacklog extends LightningElement {
    /** App Builder: seconds a session may wait before it is over target (default 120). */
    @api waitTargetSeconds?: number | string;
    /** App Builder: queue API names separated by commas; empty for every queue. */
    @api queues?: string;
    /** App Builder: seconds between safety refreshes; 0 turns them off (default 60). */
    @api refreshIntervalSeconds?: number | string;
    /** App Builder: narrow layout for the utility bar. */
    @api compact = false;

    @wire(MessageContext) messageContext?: MessageContextType;

    labels = {
        title: labelTitle,
        help: labelHelp,
        refresh: labelRefresh,
        loading: labelLoading,
        empty: labelEmpty,
        lastRefresh: labelLastRefresh
    };

    variables?: BacklogVariables;
    /** Sent while App Builder names queues, until the look-up has answered. */
    lookupVariables?: QueueLookupVariables;
    /** The chosen queues, once looked up; null when every queue is shown or before the answer. */
    queueLookup: QueueLookup | null = null;
    figures: BacklogFigures | null = null;
    errorText = '';
    partialText = '';
    loading = true;
    now = Date.now();
    refreshedAt: number | null = null;
    announcement = '';
    /** The org refused the name look-ups once: later requests leave them out. */
    namesRefused = false;

    private target: WaitTarget = readWaitTarget(undefined);
    private selection: QueueSelection = { names: [], invalid: [] };
    private wireResult?: BacklogResult;
    private lookupResult?: QueueLookupResult;
    /** The look-up's last answer was an error: a refresh asks it again. */
    private lookupFailed = false;
    private announced = new Set<string>();
    private clockHandle?: ReturnType<typeof setInterval>;
    private liveRefresh?: LiveRefreshController;

    override connectedCallback(): void {
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
            isReady: () => this.variables !== undefined || this.lookupFailed
        });
        this.liveRefresh.start();
        // One timer makes every longest wait tick.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.clockHandle = setInterval(() => this.tick(), CLOCK_INTERVAL_MS);
    }

    override disconnectedCallback(): void {
        this.liveRefresh?.stop();
        this.liveRefresh = undefined;
        clearInterval(this.clockHandle);
    }

    // ---- Data ------------------------------------------------------------------------------

    get queueLookupQuery(): unknown {
        return this.lookupVariables ? QUEUE_LOOKUP_QUERY : undefined;
    }

    @wire(graphql, {
        query: '$queueLookupQuery',
        variables: '$lookupVariables'
    })
    wiredQueueLookup(result: QueueLookupResult): void {
        if (!this.lookupVariables) return;
        this.lookupResult = result;
        const { data, errors } = result ?? {};
        if (!data) {
            if (errors?.length) this.showLookupError({ errors });
            return;
        }
        this.lookupFailed = false;
        const lookup = readQueueLookup(data, this.selection.names);
        const ids = (queues: QueueLookup | null): string =>
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

    private showLookupError(error: unknown): void {
        this.lookupFailed = true;
        this.figures = null;
        this.errorText = formatLabel(
            labelQueueLookupFailed,
            errorMessage(error)
        );
        this.loading = false;
    }

    get backlogQuery(): unknown {
        if (!this.variables) return undefined;
        return this.namesRefused ? FIGURES_QUERY : BACKLOG_QUERY;
    }

    get queryVariables(): object | undefined {
        if (!this.variables) return undefined;
        return this.namesRefused ? figuresOnly(this.variables) : this.variables;
    }

    @wire(graphql, { query: '$backlogQuery', variables: '$queryVariables' })
    wiredBacklog(result: BacklogResult): void {
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

    private buildVariables(): BacklogVariables {
        return buildBacklogVariables({
            now: Date.now(),
            targetSeconds: this.target.seconds,
            queueIds: this.queueLookup?.queues.map((queue) => queue.Id) ?? []
        });
    }

    private runRefresh(): void {
        if (this.lookupFailed) {
            // The figures wait for the queues' Ids: ask for them again.
            this.lookupResult?.refresh?.().catch((error: unknown) => {
                this.showLookupError(error);
            });
            return;
        }
        const next = this.buildVariables();
        if (JSON.stringify(next) !== JSON.stringify(this.variables)) {
            // New cut-offs (now − target, now − 60 min): the wire adapter makes the one request.
            this.variables = next;
            return;
        }
        this.wireResult?.refresh?.().catch((error: unknown) => {
            this.errorText = errorMessage(error);
        });
    }

    /** The button's trigger joins the live ones: a burst makes one request. */
    handleRefresh(): void {
        this.liveRefresh?.request();
    }

    private tick(): void {
        this.now = Date.now();
        this.announceOverTarget();
    }

    /** Says once, politely, which queues have just gone over target. */
    private announceOverTarget(): void {
        if (!this.figures) return;
        const { announced, text } = overTargetAnnouncement(
            this.figures,
            { now: this.now, targetSeconds: this.target.seconds },
            this.announced
        );
        this.announced = announced;
        if (text) this.announcement = text;
    }

    // ---- Drill in ----------------------------------------------------------------------------

    handleDrillIn(event: Event): void {
        const { table, key } = (event.currentTarget as HTMLElement).dataset;
        const row = this.tables
            .find((entry) => entry.key === table)
            ?.rows.find((entry) => entry.key === key);
        if (!row?.drill) return;
        publish(this.messageContext, BACKLOG_DRILL_IN, { ...row.drill });
    }

    // ---- View model --------------------------------------------------------------------------

    get tables(): TableView[] {
        if (!this.figures) return [];
        return backlogTables(this.figures, {
            now: this.now,
            targetSeconds: this.target.seconds,
            compact: this.compact
        });
    }

    get totals(): TotalView[] {
        return this.figures
            ? backlogTotals(this.figures, this.now, this.target.seconds)
            : [];
    }

    get notes(): KeyedText[] {
        return backlogNotes({
            target: this.target,
            unknownQueues: [
                ...this.selection.invalid,
                ...(this.queueLookup?.unknownNames ?? [])
            ],
            namesRefused: this.namesRefused,
            figures: this.figures,
            partialText: this.partialText,
            errorText: this.errorText
        });
    }

    get showSpinner(): boolean {
        return this.loading && !this.errorText;
    }

    get showFigures(): boolean {
        return this.figures !== null && !this.errorText;
    }

    get isEmpty(): boolean {
        return this.showFigures && this.figures!.totals.waiting === 0;
    }

    get targetText(): string {
        return formatLabel(labelTarget, formatDuration(this.target.seconds));
    }

    get containerClass(): string {
        return this.compact ? 'backlog backlog_compact' : 'backlog';
    }
}
