/**
 * Live refresh: the App Builder refresh interval, the coalescing scheduler, and one controller
 * that turns the sessions-changed message channel, Change Data Capture and polls into one
 * refresh at a time.
 */
import { readSessionsChangedMessage } from 'c/messagingChannels';

// ---------------------------------------------------------------------------------------------
// App Builder intervals
// ---------------------------------------------------------------------------------------------

export const MAX_INTERVAL_SECONDS = 3600;
/** The poll interval used when App Builder's value can't be read. */
export const DEFAULT_REFRESH_SECONDS = 60;
/** The shortest poll interval App Builder may set: polling faster only loads the org. */
export const MIN_REFRESH_SECONDS = 15;
/** At most one refresh per this many milliseconds, however many triggers arrive. */
export const REFRESH_MIN_INTERVAL_MS = 3000;
/** A trigger waits this long, so that a burst of triggers makes one request. */
export const REFRESH_SETTLE_MS = 250;

/**
 * An interval in seconds from App Builder: 0 turns it off; other values are kept between `min`
 * and an hour; unreadable or negative input gives `fallback`.
 */
export function readIntervalSeconds(
    input: unknown,
    fallback: number,
    min: number
): number {
    const seconds =
        typeof input === 'string' && input.trim() !== ''
            ? Number(input)
            : input;
    if (
        typeof seconds !== 'number' ||
        !Number.isFinite(seconds) ||
        seconds < 0
    ) {
        return fallback;
    }
    if (seconds === 0) {
        return 0;
    }
    return Math.min(MAX_INTERVAL_SECONDS, Math.max(min, Math.round(seconds)));
}

/** The poll interval from App Builder: 0 turns it off, otherwise 15 s to an hour; unreadable input gives 60. */
export function readRefreshSeconds(input: unknown): number {
    return readIntervalSeconds(
        input,
        DEFAULT_REFRESH_SECONDS,
        MIN_REFRESH_SECONDS
    );
}

/** The Change Data Capture channel of MessagingSession (lightning/empApi). */
export const SESSION_CHANGE_EVENT_CHANNEL = '/data/MessagingSessionChangeEvent';

// ---------------------------------------------------------------------------------------------
// Coalescing scheduler (list and metrics refetches)
// ---------------------------------------------------------------------------------------------

export interface SchedulerClock {
    now: () => number;
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
}

/**
 * Runs a task at most once per `intervalMs`, however many requests arrive. A request waits
 * `settleMs` so that a burst collapses into one run; after a run, the next waits out the interval.
 */
export class CoalescingScheduler {
    private handle: unknown = null;
    private lastRun = Number.NEGATIVE_INFINITY;

    constructor(
        private readonly task: () => void,
        private readonly intervalMs: number,
        private readonly settleMs: number,
        private readonly clock: SchedulerClock
    ) {}

    get pending(): boolean {
        return this.handle !== null;
    }

    request(): void {
        if (this.handle !== null) {
            return;
        }
        const wait = Math.max(
            this.settleMs,
            this.lastRun + this.intervalMs - this.clock.now()
        );
        this.handle = this.clock.setTimeout(() => {
            this.handle = null;
            this.lastRun = this.clock.now();
            this.task();
        }, wait);
    }

    cancel(): void {
        if (this.handle !== null) {
            this.clock.clearTimeout(this.handle);
            this.handle = null;
        }
    }
}

/** The browser's clock, for components; tests pass their own. */
export const BROWSER_CLOCK: SchedulerClock = {
    now: () => Date.now(),
    // The caller cancels the pending run in disconnectedCallback.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) =>
        clearTimeout(handle as ReturnType<typeof setTimeout>)
};

// ---------------------------------------------------------------------------------------------
// Live refresh: message channel, Change Data Capture and polls, coalesced into one refresh
// ---------------------------------------------------------------------------------------------

/** What asked for a refresh: the component itself, the message channel, a change event or a poll. */
export type RefreshTrigger = 'request' | 'message' | 'changeEvent' | 'poll';

/** The triggers one coalesced refresh answers, with the change events that arrived meanwhile. */
export interface RefreshBatch {
    triggers: ReadonlySet<RefreshTrigger>;
    changeEvents: readonly unknown[];
}

/** pending: asking whether CDC streams; cdc: subscribed (safety poll); polling; manual: neither. */
export type LiveRefreshMode = 'pending' | 'cdc' | 'polling' | 'manual';

/** lightning/messageService, bound by the component to its message context, channel and scope. */
export interface MessageSubscriber {
    subscribe: (onMessage: (message: unknown) => void) => unknown;
    /** Receives what `subscribe` returned. */
    unsubscribe: (subscription: never) => void;
}

/** The lightning/empApi functions the controller calls (the component imports and passes them). */
export interface ChangeEventApi {
    isEmpEnabled: () => Promise<boolean>;
    subscribe: (
        channel: string,
        replayId: number,
        onMessage: (message: unknown) => void
    ) => Promise<unknown>;
    /** Receives what `subscribe` resolved to. */
    unsubscribe: (subscription: never) => Promise<unknown>;
    onError?: (callback: (error: unknown) => void) => void;
}

export interface LiveRefreshOptions {
    /** One run per burst of triggers. A returned Promise holds later triggers until it settles. */
    refresh: (batch: RefreshBatch) => void | Promise<unknown>;
    /** At most one refresh per this many milliseconds. */
    intervalMs: number;
    /** A trigger waits this long so that a burst makes one refresh. */
    settleMs: number;
    clock: SchedulerClock;
    messages?: MessageSubscriber;
    /** Which message-channel payloads ask for a refresh (default: any SessionsChangedMessage). */
    acceptMessage?: (message: unknown) => boolean;
    changeEvents?: ChangeEventApi;
    /** Seconds between polls without CDC; 0: no polling. */
    pollSeconds: number;
    /** Seconds between safety polls while CDC is subscribed (default pollSeconds); 0: none. */
    safetyPollSeconds?: number;
    /** Runs on every poll tick, before the refresh is asked for. */
    onPoll?: () => void;
    onModeChange?: (mode: LiveRefreshMode) => void;
    /** Triggers are dropped while this says false (nothing to refresh yet). */
    isReady?: () => boolean;
}

/**
 * One live-refresh wiring for every component: the sessions-changed message channel, Change
 * Data Capture on MessagingSession (with a safety poll, because a subscription can succeed and
 * never deliver), a poll when CDC isn't there, and the component's own requests, all coalesced by
 * one CoalescingScheduler. Platform functions come in as options: this module imports no
 * lightning/* module.
 */
export class LiveRefreshController {
    private readonly scheduler: CoalescingScheduler;
    private triggers = new Set<RefreshTrigger>();
    private changeEvents: unknown[] = [];
    private messageSubscription: unknown = null;
    private empSubscription: unknown = null;
    private pollHandle: ReturnType<typeof setInterval> | null = null;
    private pollMs = 0;
    private running = false;
    private inFlight = false;
    private currentMode: LiveRefreshMode = 'pending';

    constructor(private readonly options: LiveRefreshOptions) {
        this.scheduler = new CoalescingScheduler(
            () => this.run(),
            options.intervalMs,
            options.settleMs,
            options.clock
        );
    }

    get mode(): LiveRefreshMode {
        return this.currentMode;
    }

    /** True while Change Data Capture is subscribed and hasn't reported an error. */
    get cdcLive(): boolean {
        return this.currentMode === 'cdc';
    }

    start(): void {
        if (this.running) return;
        this.running = true;
        const { messages, changeEvents } = this.options;
        if (messages) {
            const accept =
                this.options.acceptMessage ??
                ((message: unknown) =>
                    readSessionsChangedMessage(message) !== null);
            this.messageSubscription = messages.subscribe((message) => {
                if (accept(message)) this.trigger('message');
            });
        }
        if (changeEvents) {
            this.setMode('pending');
            this.subscribeToChangeEvents(changeEvents).catch(() =>
                this.fallBackToPolling()
            );
        } else {
            this.startPolling();
        }
    }

    /** Releases the message subscription, the CDC subscription, the poll and any pending refresh. */
    stop(): void {
        this.running = false;
        const { messages, changeEvents } = this.options;
        if (this.messageSubscription !== null) {
            messages?.unsubscribe(this.messageSubscription as never);
            this.messageSubscription = null;
        }
        this.releaseChangeEvents(changeEvents);
        this.stopPoll();
        this.scheduler.cancel();
        this.triggers.clear();
        this.changeEvents = [];
    }

    /** The component's own trigger (refresh button, a new day...). */
    request(): void {
        this.trigger('request');
    }

    private trigger(kind: RefreshTrigger, changeEvent?: unknown): void {
        if (!this.running) return;
        if (this.options.isReady && !this.options.isReady()) return;
        this.triggers.add(kind);
        if (changeEvent !== undefined) this.changeEvents.push(changeEvent);
        // A refresh in flight asks again when it settles.
        if (!this.inFlight) this.scheduler.request();
    }

    private run(): void {
        if (!this.triggers.size) return;
        const batch: RefreshBatch = {
            triggers: this.triggers,
            changeEvents: this.changeEvents
        };
        this.triggers = new Set();
        this.changeEvents = [];
        const result = this.options.refresh(batch);
        if (!(result instanceof Promise)) return;
        this.inFlight = true;
        const settle = (): void => {
            this.inFlight = false;
            if (this.running && this.triggers.size) this.scheduler.request();
        };
        // The component reports its own errors; settling is all that matters here.
        result.then(settle, settle);
    }

    private async subscribeToChangeEvents(api: ChangeEventApi): Promise<void> {
        const enabled = await api.isEmpEnabled();
        if (!this.running) return;
        if (!enabled) {
            this.fallBackToPolling();
            return;
        }
        api.onError?.(() => this.handleChangeEventError());
        // -1: new events only; every refresh refetches whatever it shows.
        const subscription = await api.subscribe(
            SESSION_CHANGE_EVENT_CHANNEL,
            -1,
            (message) => this.trigger('changeEvent', message)
        );
        if (!this.running) {
            if (subscription)
                api.unsubscribe(subscription as never).catch(() => null);
            return;
        }
        if (!subscription) {
            this.fallBackToPolling();
            return;
        }
        this.empSubscription = subscription;
        this.setMode('cdc');
        this.pollEvery(
            this.options.safetyPollSeconds ?? this.options.pollSeconds
        );
    }

    private handleChangeEventError(): void {
        if (!this.running || this.currentMode !== 'cdc') return;
        this.empSubscription = null;
        this.startPolling();
    }

    private fallBackToPolling(): void {
        if (this.running) this.startPolling();
    }

    private releaseChangeEvents(api: ChangeEventApi | undefined): void {
        if (this.empSubscription !== null) {
            api?.unsubscribe(this.empSubscription as never).catch(() => null);
            this.empSubscription = null;
        }
    }

    private startPolling(): void {
        const seconds = this.options.pollSeconds;
        this.setMode(seconds > 0 ? 'polling' : 'manual');
        this.pollEvery(seconds);
    }

    /** One poll timer at a time, kept as it is when its period doesn't change; 0 seconds stops it. */
    private pollEvery(seconds: number): void {
        const ms = seconds > 0 ? seconds * 1000 : 0;
        if (this.pollHandle !== null && ms === this.pollMs) return;
        this.stopPoll();
        if (!ms) return;
        this.pollMs = ms;
        // Cleared in stop(), which the component calls from disconnectedCallback.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollHandle = setInterval(() => {
            this.options.onPoll?.();
            this.trigger('poll');
        }, ms);
    }

    private stopPoll(): void {
        if (this.pollHandle !== null) {
            clearInterval(this.pollHandle);
            this.pollHandle = null;
        }
        this.pollMs = 0;
    }

    private setMode(mode: LiveRefreshMode): void {
        if (mode === this.currentMode) return;
        this.currentMode = mode;
        this.options.onModeChange?.(mode);
    }
}
