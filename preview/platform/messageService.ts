/**
 * lightning/messageService for the local preview: one in-page bus. publish() delivers a copy of the
 * message to every subscriber of the channel, asynchronously, like Lightning Message Service.
 */
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

interface Channel {
    channelName?: string;
}

interface Context {
    readonly id: number;
    subscriptions: Set<Subscription>;
}

interface Subscription {
    channel: string;
    listener: (message: Record<string, unknown>) => void;
    context: Context | undefined;
    active: boolean;
}

let nextContext = 0;
const subscriptions = new Set<Subscription>();
const published: Array<{
    channel: string;
    message: Record<string, unknown>;
    at: number;
}> = [];
(
    globalThis as unknown as { __PREVIEW_MESSAGES__: typeof published }
).__PREVIEW_MESSAGES__ = published;

function channelName(channel: unknown): string {
    const name = (channel as Channel | undefined)?.channelName;
    if (!name)
        throw new Error('lightning/messageService: invalid message channel');
    return name;
}

export function createMessageContext(): Context {
    return { id: ++nextContext, subscriptions: new Set() };
}

export function releaseMessageContext(context: Context): void {
    context.subscriptions.forEach((s) => unsubscribe(s));
}

/** Wire adapter: each component gets its own context. */
export class MessageContext {
    private readonly callback: (value: unknown) => void;
    private context: Context | undefined;

    constructor(callback: (value: unknown) => void) {
        this.callback = callback;
    }

    connect(): void {
        this.context = createMessageContext();
        this.callback(this.context);
    }

    update(): void {
        if (!this.context) this.connect();
    }

    disconnect(): void {
        if (this.context) releaseMessageContext(this.context);
    }
}

export function publish(
    _context: unknown,
    channel: unknown,
    message?: Record<string, unknown>
): void {
    const name = channelName(channel);
    const payload = JSON.parse(JSON.stringify(message ?? {})) as Record<
        string,
        unknown
    >;
    published.push({ channel: name, message: payload, at: performance.now() });
    for (const subscription of [...subscriptions]) {
        if (subscription.channel !== name) continue;
        queueMicrotask(() => {
            if (subscription.active)
                subscription.listener(
                    JSON.parse(JSON.stringify(payload)) as Record<
                        string,
                        unknown
                    >
                );
        });
    }
}

export function subscribe(
    context: unknown,
    channel: unknown,
    listener: (message: Record<string, unknown>) => void,
    _options?: { scope?: symbol }
): Subscription {
    const subscription: Subscription = {
        channel: channelName(channel),
        listener,
        context: context as Context | undefined,
        active: true
    };
    subscriptions.add(subscription);
    subscription.context?.subscriptions?.add(subscription);
    return subscription;
}

export function unsubscribe(
    subscription: Subscription | null | undefined
): void {
    if (!subscription) return;
    subscription.active = false;
    subscriptions.delete(subscription);
    subscription.context?.subscriptions?.delete(subscription);
}
