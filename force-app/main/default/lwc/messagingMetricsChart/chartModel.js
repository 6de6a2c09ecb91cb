/**
 * The agent metrics chart's geometry: one horizontal bar per agent, handled sessions then open
 * ones, scaled to the largest total. Widths are percentages of the bar's track, so the bars follow
 * the panel's width while the text around them keeps its size.
 */
import { formatLabel } from 'c/messagingTime';
/** The share of the track the longest bar takes; the rest keeps room for its value. */
export const PLOT_PERCENT = 80;
/** Bars drawn at most; the table lists everyone. */
export const MAX_BARS = 25;
function percent(value, largest) {
    return Math.round((value / largest) * PLOT_PERCENT * 100) / 100;
}
/** A bar as a sentence: the colour of an over-target bar is also said in words. */
function spokenBar(row, barLabel, overTargetLabel) {
    const text = formatLabel(barLabel, row.name, row.handled, row.openNow);
    return row.isOver ? formatLabel(overTargetLabel, text) : text;
}
/** Horizontal stacked bars (handled, then open now) per agent, scaled to the largest total. */
export function chartModel(
    rows,
    barLabel,
    overTargetLabel,
    maxBars = MAX_BARS
) {
    const shown = rows.slice(0, maxBars);
    const largest = Math.max(
        1,
        ...shown.map((row) => row.handled + row.openNow)
    );
    return {
        bars: shown.map((row) => {
            const handledPercent = percent(row.handled, largest);
            const openPercent = percent(row.openNow, largest);
            return {
                key: row.key,
                name: row.name,
                handled: row.handled,
                openNow: row.openNow,
                handledPercent,
                openPercent,
                handledStyle: `width: ${handledPercent}%`,
                openStyle: `width: ${openPercent}%`,
                valueText: `${row.handled} / ${row.openNow}`,
                ariaLabel: spokenBar(row, barLabel, overTargetLabel),
                handledClass: row.isOver
                    ? 'bar bar_handled bar_over'
                    : 'bar bar_handled'
            };
        })
    };
}
