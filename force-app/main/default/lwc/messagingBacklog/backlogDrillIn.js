/**
 * The payload of MSC_BacklogDrillIn__c: which waiting sessions the session list should show after
 * a supervisor chose a queue or a channel in the backlog. The list reads it with readBacklogDrillIn.
 */
import { isSalesforceId } from 'c/messagingSessionModel';
import { WAITING_STATUSES } from './backlogQuery';
function base(source, label) {
    return {
        source,
        statuses: [...WAITING_STATUSES],
        sortBy: 'StartTime',
        sortDirection: 'ASC',
        label
    };
}
export function queueDrillIn(source, queueId, label) {
    return {
        ...base(source, label),
        queueId,
        messagingChannelId: null,
        channelType: null
    };
}
export function channelDrillIn(source, messagingChannelId, channelType, label) {
    return {
        ...base(source, label),
        queueId: null,
        messagingChannelId,
        channelType
    };
}
const WAITING = new Set(WAITING_STATUSES);
/** Reads a drill-in from an untrusted message-channel payload; null when it names no queue or channel. */
export function readBacklogDrillIn(message) {
    if (typeof message !== 'object' || message === null) return null;
    const raw = message;
    const id = (value) => {
        return isSalesforceId(value) ? value : null;
    };
    const queueId = id(raw.queueId);
    const messagingChannelId = id(raw.messagingChannelId);
    const channelType =
        typeof raw.channelType === 'string' && raw.channelType !== ''
            ? raw.channelType
            : null;
    if (!queueId && !messagingChannelId && !channelType) return null;
    const statuses = Array.isArray(raw.statuses)
        ? raw.statuses.filter((status) => WAITING.has(status))
        : [];
    return {
        source: typeof raw.source === 'string' ? raw.source : '',
        queueId,
        messagingChannelId: queueId ? null : messagingChannelId,
        channelType: queueId ? null : channelType,
        statuses: statuses.length ? statuses : [...WAITING_STATUSES],
        sortBy: 'StartTime',
        sortDirection: 'ASC',
        label: typeof raw.label === 'string' ? raw.label : ''
    };
}
