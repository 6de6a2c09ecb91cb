import { formatLabel } from 'c/messagingTime';
import { DEFAULT_SORT, SORT_COLUMNS, emptyFilters } from './sessionListQuery';
import labelDrillIn from '@salesforce/label/c.MSC_ListDrillIn';
/**
 * The list a backlog drill-in asks for: exactly the waiting sessions of the queue or channel, in
 * any time window and without search, oldest first. Every other filter starts empty.
 */
export function drillInView(message) {
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
export function drillInActive(message, filters) {
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
export function drillInText(message, filters) {
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
export function drillInQueueName(message, filters) {
    return message?.queueId === filters.queueId && message?.label
        ? message.label
        : (filters.queueId ?? '');
}
