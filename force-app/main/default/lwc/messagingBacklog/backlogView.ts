/**
 * What the backlog shows, built from its figures: the totals strip, the queue and channel tables
 * (one description per column, so that the template has one row markup for both tables) and the
 * notes on what the figures leave out. Pure functions of the figures, `now` and the settings.
 */
import { formatDuration, formatLabel } from 'c/messagingTime';
import type { BacklogDrillInMessage } from 'c/messagingChannels';
import { MAX_GROUPS } from './backlogDocuments';
import type { WaitTarget } from './backlogQuery';
import {
    channelRowViews,
    queueName,
    queueRowViews,
    queuesOverTarget,
    waitText
} from './backlogFigures';
import type {
    BacklogFigures,
    ChannelRowView,
    QueueRowView
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

/** One item of the totals strip, or one note: a key for the DOM and a text. */
export interface KeyedText {
    key: string;
    text: string;
}

export interface TotalView extends KeyedText {
    label: string;
}

/** A data cell: `key` is its column (`data-cell`), with an optional icon before the text. */
export interface CellView extends KeyedText {
    iconName?: string;
    iconVariant?: string;
    textClass?: string;
}

export interface TableRowView {
    key: string;
    rowClass: string;
    /** `data-queue` on queue rows, `data-channel` on channel rows (undefined leaves it out). */
    queueKey?: string;
    channelKey?: string;
    name: string;
    drillLabel: string;
    /** What choosing the row publishes; null when it can't be drilled into. */
    drill: BacklogDrillInMessage | null;
    cells: CellView[];
}

export interface TableView {
    key: 'queues' | 'channels';
    caption: string;
    wrapperClass: string;
    /** Column headings, the row-name column first. */
    columns: Array<{ key: string; label: string }>;
    rows: TableRowView[];
}

export interface ViewSettings {
    now: number;
    targetSeconds: number;
    /** The utility bar's narrow layout: detail columns left out. */
    compact: boolean;
}

interface Column<Row> {
    key: string;
    label: string;
    /** Left out in compact mode. */
    detail?: boolean;
    cell(row: Row): Omit<CellView, 'key'>;
}

const waitingColumn = {
    key: 'waiting',
    label: labelColWaiting,
    cell: (row: QueueRowView | ChannelRowView) => ({
        text: String(row.waiting)
    })
};
const overTargetColumn = {
    key: 'overTarget',
    label: labelColOver,
    detail: true,
    cell: (row: QueueRowView | ChannelRowView) => ({
        text: String(row.overTarget)
    })
};
const longestColumn = {
    key: 'longest',
    label: labelColLongest,
    cell: (row: QueueRowView | ChannelRowView) => ({ text: row.longestText })
};

/** The icon and the words say "over target", never colour alone. */
function stateCell(row: QueueRowView): Omit<CellView, 'key'> {
    if (!row.isOver) return { text: labelWithinTarget };
    return {
        text: labelOverTarget,
        iconName: 'utility:warning',
        iconVariant: 'warning',
        textClass: 'slds-text-color_error'
    };
}

const QUEUE_COLUMNS: Array<Column<QueueRowView>> = [
    waitingColumn,
    overTargetColumn,
    longestColumn,
    {
        key: 'state',
        label: labelColState,
        cell: stateCell
    }
];

const CHANNEL_COLUMNS: Array<Column<ChannelRowView>> = [
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

function table<Row extends QueueRowView | ChannelRowView>(
    shape: Pick<TableView, 'key' | 'caption' | 'wrapperClass'>,
    nameLabel: string,
    columns: Array<Column<Row>>,
    rows: Row[],
    compact: boolean
): TableView {
    const shown = columns.filter((column) => !(compact && column.detail));
    const drill = (row: Row): BacklogDrillInMessage | null => {
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
export function backlogTables(
    figures: BacklogFigures,
    settings: ViewSettings
): TableView[] {
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
export function backlogTotals(
    figures: BacklogFigures,
    now: number,
    targetSeconds: number
): TotalView[] {
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

export interface NotesInput {
    target: WaitTarget;
    /** Queue names App Builder gave that can't be API names, then those no queue has. */
    unknownQueues: readonly string[];
    namesRefused: boolean;
    figures: BacklogFigures | null;
    /** The message of a response that came with its data; '' when none. */
    partialText: string;
    errorText: string;
}

/** Partial and bad-input notes: what the figures leave out, and why. */
export function backlogNotes(input: NotesInput): KeyedText[] {
    const notes: KeyedText[] = [];
    const add = (key: string, text: string): void => {
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
export function overTargetAnnouncement(
    figures: BacklogFigures,
    at: Pick<ViewSettings, 'now' | 'targetSeconds'>,
    announced: ReadonlySet<string>
): { announced: Set<string>; text: string } {
    const over = queuesOverTarget(figures, at.now, at.targetSeconds);
    const fresh = over.filter((row) => !announced.has(row.key));
    return {
        announced: new Set(over.map((row) => row.key)),
        text: fresh.length
            ? formatLabel(labelAnnounceOver, fresh.map(queueName).join(', '))
            : ''
    };
}
