/**
 * A backlog drill-in (MSC_BacklogDrillIn__c) as the list shows it: the filters and sort it asks
 * for, whether the filters still show it, and how the list names it. No DOM and no Lightning
 * modules here.
 */
import type { BacklogDrillInMessage } from 'c/messagingChannels';
import { formatLabel } from 'c/messagingTime';
import { DEFAULT_SORT, SORT_COLUMNS, emptyFilters } from './sessionListQuery';
import type { SessionFilters, SortDirection } from './sessionListQuery';

import labelDrillIn from '@salesforce/label/c.MSC_ListDrillIn';

export interface DrillInView {
    filters: SessionFilters;
    sortKey: string;
    sortDirection: SortDirection;
}

/**
 * The list a backlog drill-in asks for: exactly the waiting sessions of the queue or channel, in
 * any time window and without search, oldest first. Every other filter starts empty.
 */
export function drillInView(message: BacklogDrillInMessage): DrillInView {
    const column = SORT_COLUMNS.find(
        (candidate) => message.sortBy in candidate.orderBy('ASC')
    );
    return {
        filters: {
            ...emptyFilters(),
            statuses: [...message.statuses],
            channelTypes: message.channelType ? [message.channelType] : [],
            messagingChannelId: message.messagingChannelId,
            queueId: message.queueId
        },
        sortKey: column?.key ?? DEFAULT_SORT.key,
        sortDirection: message.sortDirection
    };
}

/**
 * Whether the filters still show what the drill-in asked for: a change to the owner or the
 * channel ends it (the list then says no more that it shows the queue or channel).
 */
export function drillInActive(
    message: BacklogDrillInMessage | null,
    filters: SessionFilters
): boolean {
    if (!message) return false;
    return (
        filters.queueId === message.queueId &&
        filters.messagingChannelId === message.messagingChannelId &&
        (message.channelType === null ||
            (filters.channelTypes.length === 1 &&
                filters.channelTypes[0] === message.channelType))
    );
}

/** "Waiting in Support EMEA, oldest first" while the filters still show the drill-in; '' otherwise. */
export function drillInText(
    message: BacklogDrillInMessage | null,
    filters: SessionFilters
): string {
    if (!message || !drillInActive(message, filters)) return '';
    const name =
        message.label ||
        message.queueId ||
        message.channelType ||
        message.messagingChannelId ||
        '';
    return formatLabel(labelDrillIn, name);
}

/** The drill-in's queue name for the owner filter, or the queue Id when the message named none. */
export function drillInQueueName(
    message: BacklogDrillInMessage | null,
    filters: SessionFilters
): string {
    return message?.queueId === filters.queueId && message?.label
        ? message.label
        : (filters.queueId ?? '');
}
