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
export function readIntervalSeconds(input, fallback, min) {
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
export function readRefreshSeconds(input) {
    return readIntervalSeconds(
        input,
        DEFAULT_REFRESH_SECONDS,
        MIN_REFRESH_SECONDS
    );
}
/** The Change Data Capture channel of MessagingSession (lightning/empApi). */
export const SESSION_CHANGE_EVENT_CHANNEL = '/data/MessagingSessionChangeEvent';
/**
 * Runs a task at most once per `intervalMs`, however many requests arrive. A request waits
 * `settleMs` so that a burst collapses into one run; after a run, the next waits out the interval.
 */
export class CoalescingScheduler {
    task;
    intervalMs;
    settleMs;
    clock;
    handle = null;
    lastRun = Number.NEGATIVE_INFINITY;
    constructor(task, intervalMs, settleMs, clock) {
        this.task = task;
        this.intervalMs = intervalMs;
        this.settleMs = settleMs;
        this.clock = clock;
    }
    get pending() {
        return this.handle !== null;
    }
    request() {
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
    cancel() {
        if (this.handle !== null) {
            this.clock.clearTimeout(this.handle);
            this.handle = null;
        }
    }
}
/** The browser's clock, for components; tests pass their own. */
export const BROWSER_CLOCK = {
    now: () => Date.now(),
    // The caller cancels the pending run in disconnectedCallback.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle)
};
/**
 * One live-refresh wiring for every component: the sessions-changed message channel, Change
 * Data Capture on MessagingSession (with a safety poll, because a subscription can succeed and
 * never deliver), a poll when CDC isn't there, and the component's own requests, all coalesced by
 * one CoalescingScheduler. Platform functions come in as options: this module imports no
 * lightning/* module.
 */
export class LiveRefreshController {
    options;
    scheduler;
    triggers = new Set();
    changeEvents = [];
    messageSubscription = null;
    empSubscription = null;
    pollHandle = null;
    pollMs = 0;
    running = false;
    inFlight = false;
    currentMode = 'pending';
    constructor(options) {
        this.options = options;
        this.scheduler = new CoalescingScheduler(
            () => this.run(),
            options.intervalMs,
            options.settleMs,
            options.clock
        );
    }
    get mode() {
        return this.currentMode;
    }
    /** True while Change Data Capture is subscribed and hasn't reported an error. */
    get cdcLive() {
        return this.currentMode === 'cdc';
    }
    start() {
        if (this.running) return;
        this.running = true;
        const { messages, changeEvents } = this.options;
        if (messages) {
            const accept =
                this.options.acceptMessage ??
                ((message) => readSessionsChangedMessage(message) !== null);
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
    stop() {
        this.running = false;
        const { messages, changeEvents } = this.options;
        if (this.messageSubscription !== null) {
            messages?.unsubscribe(this.messageSubscription);
            this.messageSubscription = null;
        }
        this.releaseChangeEvents(changeEvents);
        this.stopPoll();
        this.scheduler.cancel();
        this.triggers.clear();
        this.changeEvents = [];
    }
    /** The component's own trigger (refresh button, a new day...). */
    request() {
        this.trigger('request');
    }
    trigger(kind, changeEvent) {
        if (!this.running) return;
        if (this.options.isReady && !this.options.isReady()) return;
        this.triggers.add(kind);
        if (changeEvent !== undefined) this.changeEvents.push(changeEvent);
        // A refresh in flight asks again when it settles.
        if (!this.inFlight) this.scheduler.request();
    }
    run() {
        if (!this.triggers.size) return;
        const batch = {
            triggers: this.triggers,
            changeEvents: this.changeEvents
        };
        this.triggers = new Set();
        this.changeEvents = [];
        const result = this.options.refresh(batch);
        if (!(result instanceof Promise)) return;
        this.inFlight = true;
        const settle = () => {
            this.inFlight = false;
            if (this.running && this.triggers.size) this.scheduler.request();
        };
        // The component reports its own errors; settling is all that matters here.
        result.then(settle, settle);
    }
    async subscribeToChangeEvents(api) {
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
            if (subscription) api.unsubscribe(subscription).catch(() => null);
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
    handleChangeEventError() {
        if (!this.running || this.currentMode !== 'cdc') return;
        this.empSubscription = null;
        this.startPolling();
    }
    fallBackToPolling() {
        if (this.running) this.startPolling();
    }
    releaseChangeEvents(api) {
        if (this.empSubscription !== null) {
            api?.unsubscribe(this.empSubscription).catch(() => null);
            this.empSubscription = null;
        }
    }
    startPolling() {
        const seconds = this.options.pollSeconds;
        this.setMode(seconds > 0 ? 'polling' : 'manual');
        this.pollEvery(seconds);
    }
    /** One poll timer at a time, kept as it is when its period doesn't change; 0 seconds stops it. */
    pollEvery(seconds) {
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
    stopPoll() {
        if (this.pollHandle !== null) {
            clearInterval(this.pollHandle);
            this.pollHandle = null;
        }
        this.pollMs = 0;
    }
    setMode(mode) {
        if (mode === this.currentMode) return;
        this.currentMode = mode;
        this.options.onModeChange?.(mode);
    }
}
