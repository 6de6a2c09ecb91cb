/**
 * How the panel says its figures: durations against their App Builder targets, message totals
 * with the sessions Salesforce didn't count, channel counts, and what stands in for a figure whose
 * source is loading or was refused.
 */
import { messageCountText } from 'c/messagingSessionSchema';
import { formatDuration, formatLabel } from 'c/messagingTime';
import LOCALE from '@salesforce/i18n/locale';
import type { ChannelCount, MessageTotals } from './metricsCombine';

import labelNoValue from '@salesforce/label/c.MSC_MetricsNoValue';
import labelCellLoading from '@salesforce/label/c.MSC_MetricsCellLoading';
import labelNotAvailable from '@salesforce/label/c.MSC_MetricsNotAvailable';
import labelNotCountedHelp from '@salesforce/label/c.MSC_MetricsNotCountedHelp';
import labelMessagesValue from '@salesforce/label/c.MSC_MetricsMessagesValue';
import labelMessagesPartial from '@salesforce/label/c.MSC_MetricsMessagesPartial';
import labelOverTarget from '@salesforce/label/c.MSC_MetricsOverTarget';
import labelWithinTarget from '@salesforce/label/c.MSC_MetricsWithinTarget';
import labelChannelCount from '@salesforce/label/c.MSC_MetricsChannelCount';
import labelTargets from '@salesforce/label/c.MSC_MetricsTargets';

/**
 * Where a figure's source stands: still loading, received, refused by the org (the panel says
 * why in a note), or not asked for (App Builder hides it).
 */
export type SourceState = 'loading' | 'ready' | 'unavailable' | 'off';

export interface FigureSources {
    waitTimes: SourceState;
    handleTimes: SourceState;
    sessionMetrics: SourceState;
}

export const ALL_SOURCES_READY: FigureSources = {
    waitTimes: 'ready',
    handleTimes: 'ready',
    sessionMetrics: 'ready'
};

export type TargetState = 'over' | 'within' | 'none';

/** A duration against its target: 'none' when either is unknown or the target is not positive. */
export function compareToTarget(
    seconds: number | null | undefined,
    target: number | null | undefined
): TargetState {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
        return 'none';
    if (
        target === null ||
        target === undefined ||
        !Number.isFinite(target) ||
        target <= 0
    )
        return 'none';
    return seconds > target ? 'over' : 'within';
}

/** Reads a target from an App Builder property (number or text); null when unset or not positive. */
export function readTarget(value: unknown): number | null {
    const parsed =
        typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim()
              ? Number(value)
              : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

/** Text for a figure whose source isn't there: loading, refused, or null when it is. */
function unavailableText(source: SourceState): string | null {
    if (source === 'loading') return labelCellLoading;
    if (source === 'unavailable' || source === 'off') return labelNotAvailable;
    return null;
}

/** A duration cell: the text, and how it compares with its target. */
export interface DurationCell {
    text: string;
    state: TargetState;
    isOver: boolean;
    /** Text for assistive technology and the tooltip, e.g. "Over the 2m 00s target". */
    assistiveText: string;
    className: string;
}

export function durationCell(
    seconds: number | null,
    target: number | null,
    source: SourceState = 'ready'
): DurationCell {
    const missing = unavailableText(source);
    if (missing !== null) {
        return {
            text: missing,
            state: 'none',
            isOver: false,
            assistiveText: '',
            className: 'metric metric_unavailable slds-text-color_weak'
        };
    }
    const state = compareToTarget(seconds, target);
    const text =
        seconds === null
            ? labelNoValue
            : formatDuration(Math.round(seconds)) || labelNoValue;
    const targetText = target === null ? '' : formatDuration(target);
    let assistiveText = '';
    if (state === 'over')
        assistiveText = formatLabel(labelOverTarget, targetText);
    if (state === 'within')
        assistiveText = formatLabel(labelWithinTarget, targetText);
    const className =
        state === 'over'
            ? 'metric metric_over slds-text-color_error'
            : state === 'within'
              ? 'metric metric_within'
              : 'metric';
    return { text, state, isOver: state === 'over', assistiveText, className };
}

export interface MessagesCell {
    /** Visible text; a count Salesforce didn't make reads "Not counted", never 0. */
    text: string;
    /** Why some sessions have no totals (tooltip and assistive text); empty when all were counted. */
    note: string;
}

/**
 * The messages cell: agent / customer totals over the sessions MessagingSessionMetrics counted,
 * with the sessions it didn't count said in visible text.
 */
export function messagesCell(
    totals: MessageTotals,
    handled: number,
    source: SourceState = 'ready'
): MessagesCell {
    const missing = unavailableText(source);
    if (missing !== null) return { text: missing, note: '' };
    const notCounted = Math.max(0, handled - totals.counted);
    const note =
        notCounted > 0 ? formatLabel(labelNotCountedHelp, notCounted) : '';
    if (handled <= 0 && totals.counted <= 0) {
        return { text: labelNoValue, note };
    }
    if (totals.counted <= 0) {
        return { text: messageCountText(null, LOCALE), note };
    }
    const value = formatLabel(
        labelMessagesValue,
        messageCountText(totals.agent, LOCALE),
        messageCountText(totals.endUser, LOCALE)
    );
    return {
        text:
            notCounted > 0
                ? formatLabel(labelMessagesPartial, value, notCounted)
                : value,
        note
    };
}

export interface Targets {
    waitSeconds: number | null;
    handleSeconds: number | null;
}

/** The App Builder targets, as the line above the table says them; '' without any. */
export function targetsText(targets: Targets): string {
    const { waitSeconds, handleSeconds } = targets;
    if (waitSeconds === null && handleSeconds === null) return '';
    const text = (seconds: number | null): string => {
        return seconds === null ? labelNoValue : formatDuration(seconds);
    };
    return formatLabel(labelTargets, text(waitSeconds), text(handleSeconds));
}

export function channelsText(channels: readonly ChannelCount[]): string {
    return channels.length
        ? channels
              .map((channel) =>
                  formatLabel(labelChannelCount, channel.label, channel.count)
              )
              .join(', ')
        : labelNoValue;
}
