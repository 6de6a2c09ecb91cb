/**
 * How the panel says its figures: durations against their App Builder targets, message totals
 * with the sessions Salesforce didn't count, channel counts, and what stands in for a figure whose
 * source is loading or was refused.
 */
import { messageCountText } from 'c/messagingSessionSchema';
import { formatDuration, formatLabel } from 'c/messagingTime';
import LOCALE from '@salesforce/i18n/locale';
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
export const ALL_SOURCES_READY = {
    waitTimes: 'ready',
    handleTimes: 'ready',
    sessionMetrics: 'ready'
};
/** A duration against its target: 'none' when either is unknown or the target is not positive. */
export function compareToTarget(seconds, target) {
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
export function readTarget(value) {
    const parsed =
        typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim()
              ? Number(value)
              : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}
/** Text for a figure whose source isn't there: loading, refused, or null when it is. */
function unavailableText(source) {
    if (source === 'loading') return labelCellLoading;
    if (source === 'unavailable' || source === 'off') return labelNotAvailable;
    return null;
}
export function durationCell(seconds, target, source = 'ready') {
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
/**
 * The messages cell: agent / customer totals over the sessions MessagingSessionMetrics counted,
 * with the sessions it didn't count said in visible text.
 */
export function messagesCell(totals, handled, source = 'ready') {
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
/** The App Builder targets, as the line above the table says them; '' without any. */
export function targetsText(targets) {
    const { waitSeconds, handleSeconds } = targets;
    if (waitSeconds === null && handleSeconds === null) return '';
    const text = (seconds) => {
        return seconds === null ? labelNoValue : formatDuration(seconds);
    };
    return formatLabel(labelTargets, text(waitSeconds), text(handleSeconds));
}
export function channelsText(channels) {
    return channels.length
        ? channels
              .map((channel) =>
                  formatLabel(labelChannelCount, channel.label, channel.count)
              )
              .join(', ')
        : labelNoValue;
}
