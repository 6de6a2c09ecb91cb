/**
 * What the backlog shows, built from its figures: the totals strip, the queue and channel tables
 * (one description per column, so that the template has one row markup for both tables) and the
 * notes on what the figures leave out. Pure functions of the figures, `now` and the settings.
 */
import { formatDuration, formatLabel } from 'c/messagingTime';
import { MAX_GROUPS } from './backlogDocuments';
import {
    channelRowViews,
    queueName,
    queueRowViews,
    queuesOverTarget,
    waitText
} from './backlogFigures';
import { BACKLOG_SOURCE, channelDrillIn, queueDrillIn } from './backlogDrillIn';
import labelTotalWaiting from '@salesforce/label/c.MSC_BacklogTotalWaiting';
import labelTotalOver from '@salesforce/label/c.MSC_BacklogTotalOverTarget';
import labelLongest from '@salesforce/label/c.MSC_BacklogLongestWait';
import labelQueuesOver from '@salesforce/label/c.MSC_BacklogQueuesOver';
import labelQueuesCaption from '@salesforce/label/c.MSC_BacklogQueuesCaption';
import labelChannelsCaption from '@salesforce/label/c.MSC_BacklogChannelsCaption';
import labelColQueue from '@salesforce/label/c.MSC_BacklogColQueue';
import labelColChannel from '@salesforce/label/c.MSC_BacklogColChannel';
import labelColType from '@salesforce/label/c.MSC_BacklogColType';
import labelColWaiting from '@salesforce/label/c.MSC_BacklogColWaiting';
import labelColOver from '@salesforce/label/c.MSC_BacklogColOverTarget';
import labelColLongest from '@salesforce/label/c.MSC_BacklogColLongest';
import labelColState from '@salesforce/label/c.MSC_BacklogColState';
import labelColClear from '@salesforce/label/c.MSC_BacklogColClear';
import labelOverTarget from '@salesforce/label/c.MSC_BacklogOverTarget';
import labelWithinTarget from '@salesforce/label/c.MSC_BacklogWithinTarget';
import labelTargetFallback from '@salesforce/label/c.MSC_BacklogTargetFallback';
import labelUnknownQueues from '@salesforce/label/c.MSC_BacklogUnknownQueues';
import labelHiddenQueues from '@salesforce/label/c.MSC_BacklogHiddenQueues';
import labelNamesUnavailable from '@salesforce/label/c.MSC_BacklogNamesUnavailable';
import labelTruncated from '@salesforce/label/c.MSC_BacklogTruncated';
import labelPartial from '@salesforce/label/c.MSC_BacklogPartial';
import labelAnnounceOver from '@salesforce/label/c.MSC_BacklogAnnounceOver';
const waitingColumn = {
    key: 'waiting',
    label: labelColWaiting,
    cell: (row) => ({
        text: String(row.waiting)
    })
};
const overTargetColumn = {
    key: 'overTarget',
    label: labelColOver,
    detail: true,
    cell: (row) => ({
        text: String(row.overTarget)
    })
};
const longestColumn = {
    key: 'longest',
    label: labelColLongest,
    cell: (row) => ({ text: row.longestText })
};
/** The icon and the words say "over target", never colour alone. */
function stateCell(row) {
    if (!row.isOver) return { text: labelWithinTarget };
    return {
        text: labelOverTarget,
        iconName: 'utility:warning',
        iconVariant: 'warning',
        textClass: 'slds-text-color_error'
    };
}
const QUEUE_COLUMNS = [
    waitingColumn,
    overTargetColumn,
    longestColumn,
    {
        key: 'state',
        label: labelColState,
        cell: stateCell
    }
];
const CHANNEL_COLUMNS = [
    {
        key: 'type',
        label: labelColType,
        detail: true,
        cell: (row) => ({ text: row.typeLabel, iconName: row.iconName })
    },
    waitingColumn,
    overTargetColumn,
    { ...longestColumn, detail: true },
    {
        key: 'clear',
        label: labelColClear,
        cell: (row) => ({ text: row.clearText })
    }
];
function table(shape, nameLabel, columns, rows, compact) {
    const shown = columns.filter((column) => !(compact && column.detail));
    const drill = (row) => {
        if (!row.canDrill) return null;
        if ('queueId' in row)
            return row.queueId
                ? queueDrillIn(BACKLOG_SOURCE, row.queueId, row.name)
                : null;
        return channelDrillIn(
            BACKLOG_SOURCE,
            row.channelId,
            row.channelType,
            row.name
        );
    };
    return {
        ...shape,
        columns: [
            { key: 'name', label: nameLabel },
            ...shown.map(({ key, label }) => ({ key, label }))
        ],
        rows: rows.map((row) => ({
            key: row.key,
            rowClass: row.rowClass,
            queueKey: shape.key === 'queues' ? row.key : undefined,
            channelKey: shape.key === 'channels' ? row.key : undefined,
            name: row.name,
            drillLabel: row.drillLabel,
            drill: drill(row),
            cells: shown.map((column) => ({
                key: column.key,
                ...column.cell(row)
            }))
        }))
    };
}
/** The queue table, then the channel table. */
export function backlogTables(figures, settings) {
    const { now, targetSeconds, compact } = settings;
    return [
        table(
            {
                key: 'queues',
                caption: labelQueuesCaption,
                wrapperClass: 'slds-scrollable_x slds-m-top_small'
            },
            labelColQueue,
            QUEUE_COLUMNS,
            queueRowViews(figures, now, targetSeconds),
            compact
        ),
        table(
            {
                key: 'channels',
                caption: labelChannelsCaption,
                wrapperClass: 'slds-scrollable_x slds-m-top_medium'
            },
            labelColChannel,
            CHANNEL_COLUMNS,
            channelRowViews(figures, now, targetSeconds),
            compact
        )
    ];
}
/** The totals strip: waiting, over target, longest wait and queues over target, across queues. */
export function backlogTotals(figures, now, targetSeconds) {
    const { totals } = figures;
    const queuesOver = queuesOverTarget(figures, now, targetSeconds).length;
    return [
        {
            key: 'waiting',
            label: labelTotalWaiting,
            text: String(totals.waiting)
        },
        {
            key: 'overTarget',
            label: labelTotalOver,
            text: String(totals.overTarget)
        },
        { key: 'longest', label: labelLongest, text: waitText(totals, now) },
        { key: 'queuesOver', label: labelQueuesOver, text: String(queuesOver) }
    ];
}
/** Partial and bad-input notes: what the figures leave out, and why. */
export function backlogNotes(input) {
    const notes = [];
    const add = (key, text) => {
        notes.push({ key, text });
    };
    const { target, figures } = input;
    if (target.rejected !== null) {
        const fallback = formatDuration(target.seconds);
        add(
            'target',
            formatLabel(labelTargetFallback, target.rejected, fallback)
        );
    }
    if (input.unknownQueues.length)
        add(
            'unknownQueues',
            formatLabel(labelUnknownQueues, input.unknownQueues.join(', '))
        );
    if (input.namesRefused) add('names', labelNamesUnavailable);
    else if (figures?.hiddenQueues)
        add(
            'hiddenQueues',
            formatLabel(labelHiddenQueues, figures.hiddenQueues)
        );
    if (figures?.truncated)
        add('truncated', formatLabel(labelTruncated, MAX_GROUPS));
    if (input.partialText && !input.errorText)
        add('partial', formatLabel(labelPartial, input.partialText));
    return notes;
}
/**
 * The queues that have just gone over target, to be said once: `text` names those not over at the
 * last call ('' when none), `announced` is what to pass next time.
 */
export function overTargetAnnouncement(figures, at, announced) {
    const over = queuesOverTarget(figures, at.now, at.targetSeconds);
    const fresh = over.filter((row) => !announced.has(row.key));
    return {
        announced: new Set(over.map((row) => row.key)),
        text: fresh.length
            ? formatLabel(labelAnnounceOver, fresh.map(queueName).join(', '))
            : ''
    };
}
