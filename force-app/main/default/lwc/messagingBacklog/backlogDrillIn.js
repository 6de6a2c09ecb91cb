/**
 * What the backlog publishes on MSC_BacklogDrillIn__c when a supervisor chooses a queue or a
 * channel. The payload type and its reader live in c/messagingChannels, which the list shares.
 */
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
/** The `source` of what the backlog publishes. */
export const BACKLOG_SOURCE = 'messagingBacklog';
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
