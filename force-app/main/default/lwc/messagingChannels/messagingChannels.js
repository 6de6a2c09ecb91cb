import { isObject } from 'c/messagingErrors';
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
/** Reads a SessionSelectedMessage from an untrusted message-channel payload. */
export function readSelectedMessage(message) {
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
const WAITING = new Set(WAITING_STATUSES);
/** A 15- or 18-character record id; anything else in a payload is dropped. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Reads a drill-in from an untrusted message-channel payload; null when it names no queue or channel. */
export function readBacklogDrillIn(message) {
    if (!isObject(message)) return null;
    const id = (value) => {
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
        ? message.statuses.filter((status) => WAITING.has(status))
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
export function readSessionsChangedMessage(message) {
    if (typeof message !== 'object' || message === null) {
        return null;
    }
    const { reason, source, recordIds } = message;
    if (
        reason !== 'conversationStarted' &&
        reason !== 'sessionUpdated' &&
        reason !== 'sessionsChanged'
    ) {
        return null;
    }
    const ids = Array.isArray(recordIds)
        ? recordIds.filter((id) => typeof id === 'string' && id !== '')
        : undefined;
    return {
        reason,
        source: typeof source === 'string' ? source : '',
        ...(ids ? { recordIds: ids } : {})
    };
}
/**
 * Subscribes (once) to MSC_MessagingSessionSelected__c when the component has no record of its own and
 * calls `onSelect` with each newly selected session id; malformed messages and a repeat of the
 * current selection are ignored. Call `follow` from connectedCallback and `stop` from disconnectedCallback.
 */
export class SelectedSessionFollower {
    /** The session last selected, if any. */
    selectedRecordId;
    onSelect;
    selection;
    subscription;
    constructor(onSelect, selection) {
        this.onSelect = onSelect;
        this.selection = selection;
    }
    /** Starts following unless the page gave the component its record (`ownRecordId`) or it already follows. */
    follow(messageContext, ownRecordId) {
        if (!ownRecordId && !this.subscription) {
            this.subscription = this.selection.subscribe(
                messageContext,
                this.selection.channel,
                (message) => this.receive(message)
            );
        }
    }
    stop() {
        if (this.subscription) {
            this.selection.unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }
    /** A message from the channel (anything: it is checked). */
    receive(message) {
        const selected = readSelectedMessage(message);
        if (!selected || selected.recordId === this.selectedRecordId) {
            return;
        }
        this.selectedRecordId = selected.recordId;
        this.onSelect(selected.recordId);
    }
}
