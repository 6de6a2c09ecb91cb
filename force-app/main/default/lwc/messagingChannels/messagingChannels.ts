/**
 * The console's message channels: payload types and readers of MSC_MessagingSessionSelected__c,
 * MSC_MessagingSessionsChanged__c and MSC_BacklogDrillIn__c, and the follower of the session
 * selected in the list. Every payload is read as untrusted.
 */
import type {
    MessageContextType,
    Subscription
} from 'lightning/messageService';

import { isObject } from 'c/messagingErrors';
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
import type { SessionStatus } from 'c/messagingSessionSchema';

/** Payload of MSC_MessagingSessionSelected__c: a session was chosen in the list. */
export interface SessionSelectedMessage {
    recordId: string;
    source: string;
}

/** Why MSC_MessagingSessionsChanged__c was published. */
export type SessionsChangedReason =
    'conversationStarted' | 'sessionUpdated' | 'sessionsChanged';

/** Payload of MSC_MessagingSessionsChanged__c: sessions were created or changed; listeners refetch. */
export interface SessionsChangedMessage {
    reason: SessionsChangedReason;
    source: string;
    recordIds?: string[];
}

/** Reads a SessionSelectedMessage from an untrusted message-channel payload. */
export function readSelectedMessage(
    message: unknown
): SessionSelectedMessage | null {
    if (
        !isObject(message) ||
        typeof message.recordId !== 'string' ||
        message.recordId === ''
    ) {
        return null;
    }
    return {
        recordId: message.recordId,
        source: typeof message.source === 'string' ? message.source : ''
    };
}

/**
 * Payload of MSC_BacklogDrillIn__c: the waiting sessions the session list should show after a
 * supervisor chose a queue or a channel in the backlog.
 */
export interface BacklogDrillInMessage {
    source: string;
    /** Sessions owned by this queue (Group Id); null when a channel was chosen. */
    queueId: string | null;
    /** Sessions on this MessagingChannel; null when a queue was chosen or the channel is unknown. */
    messagingChannelId: string | null;
    /** Sessions of this ChannelType; null when a queue was chosen. */
    channelType: string | null;
    /** The statuses that count as waiting. */
    statuses: SessionStatus[];
    /** Oldest first. */
    sortBy: 'StartTime';
    sortDirection: 'ASC';
    /** The queue's or channel's name, for the list to say what it shows. */
    label: string;
}

const WAITING = new Set<string>(WAITING_STATUSES);

/** A 15- or 18-character record id; anything else in a payload is dropped. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Reads a drill-in from an untrusted message-channel payload; null when it names no queue or channel. */
export function readBacklogDrillIn(
    message: unknown
): BacklogDrillInMessage | null {
    if (!isObject(message)) return null;
    const id = (value: unknown): string | null => {
        return typeof value === 'string' && RECORD_ID.test(value)
            ? value
            : null;
    };
    const queueId = id(message.queueId);
    const messagingChannelId = id(message.messagingChannelId);
    const channelType =
        typeof message.channelType === 'string' && message.channelType !== ''
            ? message.channelType
            : null;
    if (!queueId && !messagingChannelId && !channelType) return null;
    const statuses = Array.isArray(message.statuses)
        ? message.statuses.filter((status): status is SessionStatus =>
              WAITING.has(status)
          )
        : [];
    return {
        source: typeof message.source === 'string' ? message.source : '',
        queueId,
        messagingChannelId: queueId ? null : messagingChannelId,
        channelType: queueId ? null : channelType,
        statuses: statuses.length ? statuses : [...WAITING_STATUSES],
        sortBy: 'StartTime',
        sortDirection: 'ASC',
        label: typeof message.label === 'string' ? message.label : ''
    };
}

/** Reads a SessionsChangedMessage from an untrusted message-channel payload. */
export function readSessionsChangedMessage(
    message: unknown
): SessionsChangedMessage | null {
    if (typeof message !== 'object' || message === null) {
        return null;
    }
    const { reason, source, recordIds } = message as Record<string, unknown>;
    if (
        reason !== 'conversationStarted' &&
        reason !== 'sessionUpdated' &&
        reason !== 'sessionsChanged'
    ) {
        return null;
    }
    const ids = Array.isArray(recordIds)
        ? recordIds.filter(
              (id): id is string => typeof id === 'string' && id !== ''
          )
        : undefined;
    return {
        reason,
        source: typeof source === 'string' ? source : '',
        ...(ids ? { recordIds: ids } : {})
    };
}

// ---------------------------------------------------------------------------------------------
// Following the selected session
// ---------------------------------------------------------------------------------------------

/**
 * The lightning/messageService functions and the MSC_MessagingSessionSelected__c channel, which the
 * component imports and passes: this module imports no lightning/* module, so the pure modules
 * that import it also load outside the platform (benchmarks, the preview's data server).
 */
export interface SelectionChannel {
    subscribe: (
        messageContext: MessageContextType | undefined,
        messageChannel: unknown,
        listener: (message: Record<string, unknown>) => void
    ) => Subscription;
    unsubscribe: (subscription: Subscription) => void;
    channel: unknown;
}

/**
 * Subscribes (once) to MSC_MessagingSessionSelected__c when the component has no record of its own and
 * calls `onSelect` with each newly selected session id; malformed messages and a repeat of the
 * current selection are ignored. Call `follow` from connectedCallback and `stop` from disconnectedCallback.
 */
export class SelectedSessionFollower {
    /** The session last selected, if any. */
    selectedRecordId?: string;

    private readonly onSelect: (recordId: string) => void;
    private readonly selection: SelectionChannel;
    private subscription?: Subscription;

    constructor(
        onSelect: (recordId: string) => void,
        selection: SelectionChannel
    ) {
        this.onSelect = onSelect;
        this.selection = selection;
    }

    /** Starts following unless the page gave the component its record (`ownRecordId`) or it already follows. */
    follow(
        messageContext: MessageContextType | undefined,
        ownRecordId: string | undefined
    ): void {
        if (!ownRecordId && !this.subscription) {
            this.subscription = this.selection.subscribe(
                messageContext,
                this.selection.channel,
                (message) => this.receive(message)
            );
        }
    }

    stop(): void {
        if (this.subscription) {
            this.selection.unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    /** A message from the channel (anything: it is checked). */
    receive(message: unknown): void {
        const selected = readSelectedMessage(message);
        if (!selected || selected.recordId === this.selectedRecordId) {
            return;
        }
        this.selectedRecordId = selected.recordId;
        this.onSelect(selected.recordId);
    }
}
