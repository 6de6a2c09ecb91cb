/**
 * What the backlog publishes on MSC_BacklogDrillIn__c when a supervisor chooses a queue or a
 * channel. The payload type and its reader live in c/messagingChannels, which the list shares.
 */
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
import type { BacklogDrillInMessage } from 'c/messagingChannels';

/** The `source` of what the backlog publishes. */
export const BACKLOG_SOURCE = 'messagingBacklog';

function base(source: string, label: string) {
    return {
        source,
        statuses: [...WAITING_STATUSES],
        sortBy: 'StartTime' as const,
        sortDirection: 'ASC' as const,
        label
    };
}

export function queueDrillIn(
    source: string,
    queueId: string,
    label: string
): BacklogDrillInMessage {
    return {
        ...base(source, label),
        queueId,
        messagingChannelId: null,
        channelType: null
    };
}

export function channelDrillIn(
    source: string,
    messagingChannelId: string | null,
    channelType: string | null,
    label: string
): BacklogDrillInMessage {
    return {
        ...base(source, label),
        queueId: null,
        messagingChannelId,
        channelType
    };
}
