/**
 * The backlog's figures: aggregate groups (owner × channel × channel type) rolled up by queue and
 * by channel, totals, longest waits against the target, and time to clear at the last hour's
 * pace. Pure functions of the response and of `now`; the work grows with groups, never sessions.
 */
import {
    CHANNEL_TYPES,
    channelIcon,
    isQueueOwnerId,
    picklistLabel
} from 'c/messagingSessionSchema';
import { formatDuration, formatLabel } from 'c/messagingTime';
import type {
    AggConnection,
    BacklogAggregate,
    BacklogData,
    NamedNode,
    NodeConnection,
    QueueLookupData
} from './backlogQuery';

import labelQueueHidden from '@salesforce/label/c.MSC_BacklogQueueHidden';
import labelAssignedToAgents from '@salesforce/label/c.MSC_BacklogAssignedToAgents';
import labelUnknownChannel from '@salesforce/label/c.MSC_BacklogUnknownChannel';
import labelNotKnown from '@salesforce/label/c.MSC_BacklogNotKnown';
import labelNoOneWaiting from '@salesforce/label/c.MSC_BacklogNoOneWaiting';
import labelClearEstimate from '@salesforce/label/c.MSC_BacklogClearEstimate';
import labelMinutes from '@salesforce/label/c.MSC_BacklogMinutes';
import labelNotClearing from '@salesforce/label/c.MSC_BacklogNotClearing';
import labelDrillQueue from '@salesforce/label/c.MSC_BacklogDrillQueue';
import labelDrillChannel from '@salesforce/label/c.MSC_BacklogDrillChannel';

// ---------------------------------------------------------------------------------------------
// Combining
// ---------------------------------------------------------------------------------------------

/** queue: a queue we can name; hidden: a queue whose name we can't read; agents: owned by users. */
export type OwnerKind = 'queue' | 'hidden' | 'agents';

interface Figures {
    waiting: number;
    overTarget: number;
    /** Earliest StartTime (epoch ms) of the waiting sessions; null when none has one. */
    oldestStart: number | null;
}

export interface QueueFigures extends Figures {
    key: string;
    /** The queue (Group) Id; null for the sessions owned by agents. */
    queueId: string | null;
    kind: OwnerKind;
    name: string | null;
}

export interface ChannelFigures extends Figures {
    key: string;
    channelId: string | null;
    channelType: string | null;
    name: string | null;
    acceptedLastHour: number;
}

export interface BacklogFigures {
    queues: QueueFigures[];
    channels: ChannelFigures[];
    totals: Figures;
    /** Queues that own waiting sessions but whose names we couldn't read. */
    hiddenQueues: number;
    /** An aggregate had more groups than it returned. */
    truncated: boolean;
}

export interface CombineOptions {
    /** The chosen queues as the look-up found them; empty for every queue. */
    chosenQueues: readonly NamedNode[];
}

export interface QueueLookup {
    /** The chosen queues that exist and that the user can see. */
    queues: NamedNode[];
    /** Chosen API names that no readable queue has, as App Builder spelled them. */
    unknownNames: string[];
}

const AGENTS_KEY = 'agents';

function aggregates(
    connection: AggConnection | null | undefined
): BacklogAggregate[] {
    const rows: BacklogAggregate[] = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node?.aggregate) rows.push(edge.node.aggregate);
    }
    return rows;
}

function nodes(connection: NodeConnection | null | undefined): NamedNode[] {
    const list: NamedNode[] = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node?.Id) list.push(edge.node);
    }
    return list;
}

function str(field: { value: unknown } | null | undefined): string | null {
    const value = field?.value;
    return typeof value === 'string' && value !== '' ? value : null;
}

function count(aggregate: BacklogAggregate): number {
    const value = Number(aggregate.Id?.count?.value);
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function instant(aggregate: BacklogAggregate): number | null {
    const value = str(aggregate.StartTime?.min);
    const millis = value === null ? NaN : Date.parse(value);
    return Number.isFinite(millis) ? millis : null;
}

function earlier(a: number | null, b: number | null): number | null {
    if (a === null) return b;
    if (b === null) return a;
    return Math.min(a, b);
}

function channelKey(aggregate: BacklogAggregate): string {
    return `${str(aggregate.MessagingChannelId) ?? ''}|${str(aggregate.ChannelType) ?? ''}`;
}

function emptyFigures(): Figures {
    return { waiting: 0, overTarget: 0, oldestStart: null };
}

/** Rolls the owner × channel groups up into queue rows and channel rows, with totals. */
export function combineBacklog(
    data: BacklogData | null | undefined,
    options: CombineOptions
): BacklogFigures {
    const aggregate = data?.uiapi?.aggregate;
    const groups = [
        ...options.chosenQueues,
        ...nodes(data?.uiapi?.query?.Group)
    ];
    const channelNames = new Map(
        nodes(data?.uiapi?.query?.MessagingChannel).map((node) => [
            node.Id,
            str(node.MasterLabel)
        ])
    );
    const queues = new Map<string, QueueFigures>();
    const channels = new Map<string, ChannelFigures>();
    const totals = emptyFigures();

    // The chosen queues show even when no one waits in them.
    for (const group of groups) {
        if (queues.has(group.Id)) continue;
        queues.set(group.Id, {
            key: group.Id,
            queueId: group.Id,
            kind: 'queue',
            name: str(group.Name),
            ...emptyFigures()
        });
    }
    const queueRow = (ownerId: string | null): QueueFigures => {
        const key = isQueueOwnerId(ownerId) ? ownerId : AGENTS_KEY;
        let row = queues.get(key);
        if (!row) {
            row = {
                key,
                queueId: isQueueOwnerId(ownerId) ? ownerId : null,
                kind: isQueueOwnerId(ownerId) ? 'hidden' : 'agents',
                name: null,
                ...emptyFigures()
            };
            queues.set(key, row);
        }
        return row;
    };
    const channelRow = (group: BacklogAggregate): ChannelFigures => {
        const key = channelKey(group);
        let row = channels.get(key);
        if (!row) {
            const channelId = str(group.MessagingChannelId);
            row = {
                key,
                channelId,
                channelType: str(group.ChannelType),
                name: channelId ? (channelNames.get(channelId) ?? null) : null,
                acceptedLastHour: 0,
                ...emptyFigures()
            };
            channels.set(key, row);
        }
        return row;
    };

    for (const group of aggregates(aggregate?.waiting)) {
        const waiting = count(group);
        const oldest = instant(group);
        for (const row of [
            queueRow(str(group.OwnerId)),
            channelRow(group),
            totals
        ]) {
            row.waiting += waiting;
            row.oldestStart = earlier(row.oldestStart, oldest);
        }
    }
    for (const group of aggregates(aggregate?.overTarget)) {
        const over = count(group);
        for (const row of [
            queueRow(str(group.OwnerId)),
            channelRow(group),
            totals
        ]) {
            row.overTarget += over;
        }
    }
    for (const group of aggregates(aggregate?.accepted)) {
        // Only channels with someone waiting have something to clear.
        const row = channels.get(channelKey(group));
        if (row) row.acceptedLastHour += count(group);
    }

    const rows = [...queues.values()];
    return {
        queues: rows.sort(byUrgency),
        channels: [...channels.values()].sort(byUrgency),
        totals,
        hiddenQueues: rows.filter((row) => row.kind === 'hidden').length,
        truncated: [
            aggregate?.waiting,
            aggregate?.overTarget,
            aggregate?.accepted
        ].some((connection) => connection?.pageInfo?.hasNextPage === true)
    };
}

/** The queue look-up's answer: the chosen queues found, and the API names no queue has (any case). */
export function readQueueLookup(
    data: QueueLookupData | null | undefined,
    queueNames: readonly string[]
): QueueLookup {
    const queues = nodes(data?.uiapi?.query?.Group).filter((node) =>
        isQueueOwnerId(node.Id)
    );
    const found = new Set(
        queues.map((queue) => (str(queue.DeveloperName) ?? '').toLowerCase())
    );
    return {
        queues,
        unknownNames: queueNames.filter(
            (name) => !found.has(name.toLowerCase())
        )
    };
}

const collator = new Intl.Collator(undefined, {
    sensitivity: 'base',
    numeric: true
});

/** Longest wait first, then most waiting, then by name; rows without a start time last. */
function byUrgency(
    a: Figures & { key: string; name: string | null },
    b: typeof a
): number {
    if (a.oldestStart !== b.oldestStart) {
        if (a.oldestStart === null) return 1;
        if (b.oldestStart === null) return -1;
        return a.oldestStart - b.oldestStart;
    }
    return (
        b.waiting - a.waiting ||
        collator.compare(a.name ?? '', b.name ?? '') ||
        collator.compare(a.key, b.key)
    );
}

// ---------------------------------------------------------------------------------------------
// Time: longest wait, target, time to clear
// ---------------------------------------------------------------------------------------------

/** Seconds since the oldest start: never negative (clock skew reads as 0), null without a start. */
export function longestWaitSeconds(
    oldestStart: number | null,
    now: number
): number | null {
    if (
        oldestStart === null ||
        !Number.isFinite(oldestStart) ||
        !Number.isFinite(now)
    ) {
        return null;
    }
    return Math.max(0, Math.floor((now - oldestStart) / 1000));
}

/** Over target: the exact count at the last refresh, or a longest wait that has crossed it since. */
export function isOverTarget(
    figures: Figures,
    now: number,
    targetSeconds: number
): boolean {
    const longest = longestWaitSeconds(figures.oldestStart, now);
    return (
        figures.overTarget > 0 || (longest !== null && longest > targetSeconds)
    );
}

export type ClearEstimate =
    | { state: 'nothingWaiting' }
    | { state: 'notClearing' }
    | { state: 'estimate'; minutes: number };

/** Waiting ÷ accepted in the last hour, in whole minutes rounded up; nothing accepted: not clearing. */
export function timeToClear(
    waiting: number,
    acceptedLastHour: number
): ClearEstimate {
    if (!(waiting > 0)) return { state: 'nothingWaiting' };
    if (!(acceptedLastHour > 0)) return { state: 'notClearing' };
    return {
        state: 'estimate',
        minutes: Math.max(1, Math.ceil((waiting * 60) / acceptedLastHour))
    };
}

export function clearText(estimate: ClearEstimate): string {
    if (estimate.state === 'nothingWaiting') return labelNoOneWaiting;
    if (estimate.state === 'notClearing') return labelNotClearing;
    const span =
        estimate.minutes < 60
            ? formatLabel(labelMinutes, estimate.minutes)
            : formatDuration(estimate.minutes * 60);
    return formatLabel(labelClearEstimate, span);
}

/** The longest wait in words: no one waiting, not known (no start time), or a duration. */
export function waitText(figures: Figures, now: number): string {
    if (figures.waiting === 0) return labelNoOneWaiting;
    const seconds = longestWaitSeconds(figures.oldestStart, now);
    return seconds === null ? labelNotKnown : formatDuration(seconds);
}

// ---------------------------------------------------------------------------------------------
// Row views
// ---------------------------------------------------------------------------------------------

interface RowView {
    key: string;
    name: string;
    waiting: number;
    overTarget: number;
    longestText: string;
    isOver: boolean;
    rowClass: string;
    /** The drill-in button's accessible name; empty when the row can't be drilled into. */
    drillLabel: string;
    canDrill: boolean;
}

export interface QueueRowView extends RowView {
    queueId: string | null;
    kind: OwnerKind;
}

export interface ChannelRowView extends RowView {
    channelId: string | null;
    channelType: string | null;
    typeLabel: string;
    iconName: string;
    clearText: string;
}

export function queueName(row: Pick<QueueFigures, 'kind' | 'name'>): string {
    if (row.kind === 'agents') return labelAssignedToAgents;
    return row.name ?? labelQueueHidden;
}

export function channelName(
    row: Pick<ChannelFigures, 'name' | 'channelType'>
): string {
    return (
        row.name ??
        (picklistLabel(CHANNEL_TYPES, row.channelType) || labelUnknownChannel)
    );
}

function rowView(
    figures: Figures & { key: string },
    name: string,
    drillTemplate: string | null,
    now: number,
    targetSeconds: number
): RowView {
    const isOver = isOverTarget(figures, now, targetSeconds);
    const canDrill = drillTemplate !== null && figures.waiting > 0;
    return {
        key: figures.key,
        name,
        waiting: figures.waiting,
        overTarget: figures.overTarget,
        longestText: waitText(figures, now),
        isOver,
        rowClass: isOver ? 'slds-hint-parent row_over' : 'slds-hint-parent',
        drillLabel: canDrill
            ? formatLabel(drillTemplate, figures.waiting, name)
            : '',
        canDrill
    };
}

export function queueRowViews(
    figures: BacklogFigures,
    now: number,
    targetSeconds: number
): QueueRowView[] {
    return figures.queues.map((row) => ({
        ...rowView(
            row,
            queueName(row),
            row.queueId ? labelDrillQueue : null,
            now,
            targetSeconds
        ),
        queueId: row.queueId,
        kind: row.kind
    }));
}

export function channelRowViews(
    figures: BacklogFigures,
    now: number,
    targetSeconds: number
): ChannelRowView[] {
    return figures.channels.map((row) => ({
        ...rowView(
            row,
            channelName(row),
            row.channelId || row.channelType ? labelDrillChannel : null,
            now,
            targetSeconds
        ),
        channelId: row.channelId,
        channelType: row.channelType,
        typeLabel:
            picklistLabel(CHANNEL_TYPES, row.channelType) || labelNotKnown,
        iconName: channelIcon(row.channelType),
        clearText: clearText(timeToClear(row.waiting, row.acceptedLastHour))
    }));
}

/** The queues that are over target now, for the announcement (agents' sessions are no queue). */
export function queuesOverTarget(
    figures: BacklogFigures,
    now: number,
    targetSeconds: number
): QueueFigures[] {
    return figures.queues.filter(
        (row) => row.kind !== 'agents' && isOverTarget(row, now, targetSeconds)
    );
}
