// The live-refresh controller: message channel, change events, polls and requests make one refresh.
import {
    BROWSER_CLOCK,
    LiveRefreshController,
    SESSION_CHANGE_EVENT_CHANNEL
} from 'c/messagingLiveRefresh';
import type {
    LiveRefreshMode,
    LiveRefreshOptions,
    RefreshBatch
} from 'c/messagingLiveRefresh';

const SETTLE_MS = 250;
const INTERVAL_MS = 3000;
const CHANGED = { reason: 'sessionsChanged', source: 'other' };

interface Harness {
    controller: LiveRefreshController;
    refresh: jest.Mock<void | Promise<unknown>, [RefreshBatch]>;
    deliverMessage: (message: unknown) => void;
    deliverChangeEvent: (message: unknown) => void;
    failStreaming: () => void;
    messages: { subscribe: jest.Mock; unsubscribe: jest.Mock };
    emp: {
        isEmpEnabled: jest.Mock;
        subscribe: jest.Mock;
        unsubscribe: jest.Mock;
        onError: jest.Mock;
    };
    modes: LiveRefreshMode[];
}

function harness(
    overrides: Partial<LiveRefreshOptions> = {},
    streaming: { enabled?: boolean; subscribeError?: Error } = {}
): Harness {
    let deliverMessage: (message: unknown) => void = () => undefined;
    let deliverChangeEvent: (message: unknown) => void = () => undefined;
    let failStreaming: () => void = () => undefined;
    const messageSubscription = { id: 'message' };
    const empSubscription = { channel: SESSION_CHANGE_EVENT_CHANNEL };
    const messages = {
        subscribe: jest.fn((onMessage: (message: unknown) => void) => {
            deliverMessage = onMessage;
            return messageSubscription;
        }),
        unsubscribe: jest.fn()
    };
    const emp = {
        isEmpEnabled: jest.fn(() => Promise.resolve(streaming.enabled ?? true)),
        subscribe: jest.fn(
            (
                _channel: string,
                _replayId: number,
                onMessage: (message: unknown) => void
            ) => {
                if (streaming.subscribeError) {
                    return Promise.reject(streaming.subscribeError);
                }
                deliverChangeEvent = onMessage;
                return Promise.resolve(empSubscription);
            }
        ),
        unsubscribe: jest.fn(() => Promise.resolve({})),
        onError: jest.fn((callback: (error: unknown) => void) => {
            failStreaming = () => callback(new Error('stream lost'));
        })
    };
    const modes: LiveRefreshMode[] = [];
    const refresh = jest.fn<void | Promise<unknown>, [RefreshBatch]>();
    const controller = new LiveRefreshController({
        refresh,
        intervalMs: INTERVAL_MS,
        settleMs: SETTLE_MS,
        clock: BROWSER_CLOCK,
        messages,
        changeEvents: emp,
        pollSeconds: 60,
        safetyPollSeconds: 300,
        onModeChange: (mode) => modes.push(mode),
        ...overrides
    });
    return {
        controller,
        refresh,
        deliverMessage: (message) => deliverMessage(message),
        deliverChangeEvent: (message) => deliverChangeEvent(message),
        failStreaming: () => failStreaming(),
        messages,
        emp,
        modes
    };
}

/** Lets the empApi promises settle (fake timers don't run microtasks by themselves). */
async function settlePromises(): Promise<void> {
    await Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined)
        .then(() => undefined);
}

function triggersOf(refresh: jest.Mock): string[][] {
    return refresh.mock.calls.map(([batch]: [RefreshBatch]) =>
        [...batch.triggers].sort()
    );
}

describe('LiveRefreshController', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('subscribes to change events on the session change channel and says CDC is live', async () => {
        const h = harness();
        h.controller.start();
        expect(h.controller.mode).toBe('pending');
        expect(h.controller.cdcLive).toBe(false);
        await settlePromises();
        expect(h.emp.subscribe).toHaveBeenCalledWith(
            SESSION_CHANGE_EVENT_CHANNEL,
            -1,
            expect.any(Function)
        );
        expect(h.controller.cdcLive).toBe(true);
        expect(h.modes).toEqual(['cdc']);
    });

    it('coalesces a message, change events and a request into one refresh', async () => {
        const h = harness();
        h.controller.start();
        await settlePromises();
        const event = { data: { payload: { ChangeEventHeader: {} } } };
        h.deliverMessage(CHANGED);
        h.deliverChangeEvent(event);
        h.deliverChangeEvent(event);
        h.controller.request();
        jest.advanceTimersByTime(SETTLE_MS - 1);
        expect(h.refresh).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        expect(h.refresh).toHaveBeenCalledTimes(1);
        expect(triggersOf(h.refresh)).toEqual([
            ['changeEvent', 'message', 'request']
        ]);
        expect(h.refresh.mock.calls[0][0].changeEvents).toEqual([event, event]);
    });

    it('makes one refresh per trigger kind arriving alone, each after the settle time', async () => {
        const h = harness({ intervalMs: 0 });
        h.controller.start();
        await settlePromises();
        h.deliverMessage(CHANGED);
        jest.advanceTimersByTime(SETTLE_MS);
        h.deliverChangeEvent({});
        jest.advanceTimersByTime(SETTLE_MS);
        h.controller.request();
        jest.advanceTimersByTime(SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([
            ['message'],
            ['changeEvent'],
            ['request']
        ]);
    });

    it('ignores message-channel payloads that are not a sessions-changed message', async () => {
        const h = harness();
        h.controller.start();
        await settlePromises();
        h.deliverMessage({ reason: 'somethingElse' });
        h.deliverMessage(null);
        jest.advanceTimersByTime(INTERVAL_MS);
        expect(h.refresh).not.toHaveBeenCalled();
    });

    it('keeps to the minimum interval between refreshes, however many triggers arrive', async () => {
        const h = harness();
        h.controller.start();
        await settlePromises();
        h.controller.request();
        jest.advanceTimersByTime(SETTLE_MS);
        h.deliverMessage(CHANGED);
        h.deliverChangeEvent({});
        jest.advanceTimersByTime(INTERVAL_MS - 1);
        expect(h.refresh).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(h.refresh).toHaveBeenCalledTimes(2);
    });

    it('runs the safety poll while CDC is live, and the poll itself coalesces with other triggers', async () => {
        const onPoll = jest.fn();
        const h = harness({ onPoll });
        h.controller.start();
        await settlePromises();
        jest.advanceTimersByTime(60_000 + SETTLE_MS);
        expect(h.refresh).not.toHaveBeenCalled();
        jest.advanceTimersByTime(300_000 - 60_000 - SETTLE_MS);
        h.deliverMessage(CHANGED);
        jest.advanceTimersByTime(SETTLE_MS);
        expect(onPoll).toHaveBeenCalledTimes(1);
        expect(triggersOf(h.refresh)).toEqual([['message', 'poll']]);
    });

    it('polls at pollSeconds when the org does not stream', async () => {
        const h = harness({}, { enabled: false });
        h.controller.start();
        await settlePromises();
        expect(h.emp.subscribe).not.toHaveBeenCalled();
        expect(h.controller.mode).toBe('polling');
        expect(h.controller.cdcLive).toBe(false);
        jest.advanceTimersByTime(60_000 + SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([['poll']]);
    });

    it('falls back to polling when the empApi subscribe fails', async () => {
        const h = harness({}, { subscribeError: new Error('no CDC') });
        h.controller.start();
        await settlePromises();
        expect(h.controller.mode).toBe('polling');
        expect(h.controller.cdcLive).toBe(false);
        jest.advanceTimersByTime(60_000 + SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([['poll']]);
    });

    it('falls back to polling when empApi reports an error after subscribing', async () => {
        const h = harness();
        h.controller.start();
        await settlePromises();
        expect(h.controller.cdcLive).toBe(true);
        h.failStreaming();
        expect(h.controller.mode).toBe('polling');
        expect(h.controller.cdcLive).toBe(false);
        jest.advanceTimersByTime(60_000 + SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([['poll']]);
        expect(h.modes).toEqual(['cdc', 'polling']);
    });

    it('is manual when neither CDC nor a poll is available', async () => {
        const h = harness({ pollSeconds: 0 }, { enabled: false });
        h.controller.start();
        await settlePromises();
        expect(h.controller.mode).toBe('manual');
        jest.advanceTimersByTime(3_600_000);
        expect(h.refresh).not.toHaveBeenCalled();
    });

    it('polls without asking empApi when no change-event functions are given', () => {
        const h = harness({ changeEvents: undefined, pollSeconds: 15 });
        h.controller.start();
        expect(h.emp.isEmpEnabled).not.toHaveBeenCalled();
        expect(h.controller.mode).toBe('polling');
        jest.advanceTimersByTime(15_000 + SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([['poll']]);
    });

    it('stop releases the message subscription, the CDC subscription, the poll and a pending refresh', async () => {
        const h = harness();
        h.controller.start();
        await settlePromises();
        h.controller.request();
        h.controller.stop();
        expect(h.messages.unsubscribe).toHaveBeenCalledWith(
            h.messages.subscribe.mock.results[0].value
        );
        expect(h.emp.unsubscribe).toHaveBeenCalledWith(
            await h.emp.subscribe.mock.results[0].value
        );
        expect(jest.getTimerCount()).toBe(0);
        h.deliverMessage(CHANGED);
        h.deliverChangeEvent({});
        h.controller.request();
        jest.advanceTimersByTime(3_600_000);
        expect(h.refresh).not.toHaveBeenCalled();
    });

    it('releases a CDC subscription that arrives after stop', async () => {
        const h = harness();
        let answer: (subscription: unknown) => void = () => undefined;
        h.emp.subscribe.mockImplementationOnce(
            () =>
                new Promise((resolve) => {
                    answer = resolve;
                })
        );
        h.controller.start();
        await settlePromises();
        expect(h.emp.subscribe).toHaveBeenCalledTimes(1);
        h.controller.stop();
        const late = { channel: SESSION_CHANGE_EVENT_CHANNEL };
        answer(late);
        await settlePromises();
        expect(h.emp.unsubscribe).toHaveBeenCalledWith(late);
        expect(h.controller.cdcLive).toBe(false);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('does not subscribe when stopped before empApi answers', async () => {
        const h = harness();
        h.controller.start();
        h.controller.stop();
        await settlePromises();
        expect(h.emp.subscribe).not.toHaveBeenCalled();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('drops triggers while the component has nothing to refresh', async () => {
        let ready = false;
        const h = harness({ isReady: () => ready });
        h.controller.start();
        await settlePromises();
        h.controller.request();
        h.deliverMessage(CHANGED);
        jest.advanceTimersByTime(INTERVAL_MS);
        expect(h.refresh).not.toHaveBeenCalled();
        ready = true;
        h.controller.request();
        jest.advanceTimersByTime(SETTLE_MS);
        expect(h.refresh).toHaveBeenCalledTimes(1);
    });

    it('holds triggers while a refresh is in flight, then makes one more refresh', async () => {
        let finish: () => void = () => undefined;
        const h = harness({ intervalMs: 0 });
        h.refresh.mockImplementationOnce(
            () =>
                new Promise<void>((resolve) => {
                    finish = resolve;
                })
        );
        h.controller.start();
        await settlePromises();
        h.controller.request();
        jest.advanceTimersByTime(SETTLE_MS);
        expect(h.refresh).toHaveBeenCalledTimes(1);
        h.deliverMessage(CHANGED);
        h.controller.request();
        jest.advanceTimersByTime(10 * SETTLE_MS);
        expect(h.refresh).toHaveBeenCalledTimes(1);
        finish();
        await settlePromises();
        jest.advanceTimersByTime(SETTLE_MS);
        expect(triggersOf(h.refresh)).toEqual([
            ['request'],
            ['message', 'request']
        ]);
    });
});
