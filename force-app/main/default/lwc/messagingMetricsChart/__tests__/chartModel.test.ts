import { MAX_BARS, PLOT_PERCENT, chartModel } from '../chartModel';
import type { MetricsChartRow } from '../chartModel';

import chartRowsJson from './data/chartRows.json';

const ROWS = chartRowsJson as MetricsChartRow[];
const BAR_LABEL = '{0}: {1} handled, {2} open now';
const OVER_LABEL = '{0}, over target';

describe('chartModel', () => {
    it('scales chart bars to the largest total', () => {
        const chart = chartModel(ROWS, BAR_LABEL, OVER_LABEL);
        expect(chart.bars).toHaveLength(4);
        const [ada, ben] = chart.bars;
        expect(ada.handledPercent + ada.openPercent).toBeGreaterThan(
            ben.handledPercent + ben.openPercent
        );
        expect(ada.ariaLabel).toBe(
            'Ada Lovelace: 10 handled, 3 open now, over target'
        );
        // The largest total fills the plot; the rest of the track holds its value.
        expect(ada.handledPercent + ada.openPercent).toBeCloseTo(
            PLOT_PERCENT,
            1
        );
        expect(ada.handledStyle).toBe(`width: ${ada.handledPercent}%`);
        expect(ada.valueText).toBe('10 / 3');
        const zero = chart.bars.find((bar) => bar.name === 'Cy Young');
        expect(zero?.handledPercent).toBe(0);
        expect(zero?.openPercent).toBe(0);
    });

    it('colours the handled bar of a row over target from its data', () => {
        const [ada, ben] = chartModel(ROWS, BAR_LABEL, OVER_LABEL).bars;
        expect(ada.handledClass).toContain('bar_over');
        expect(ben.handledClass).not.toContain('bar_over');
        const calm = chartModel(
            [{ ...ROWS[0], isOver: false }],
            BAR_LABEL,
            OVER_LABEL
        );
        expect(calm.bars[0].handledClass).not.toContain('bar_over');
        // Colour is not the only sign: the bar's sentence says it too.
        expect(ben.ariaLabel).not.toContain('over target');
        expect(calm.bars[0].ariaLabel).toBe(
            'Ada Lovelace: 10 handled, 3 open now'
        );
    });

    it(`draws at most ${MAX_BARS} bars, and nothing for no rows`, () => {
        const many = Array.from({ length: MAX_BARS + 5 }, (_, index) => ({
            ...ROWS[1],
            key: `005${String(index).padStart(15, '0')}`
        }));
        expect(chartModel(many, BAR_LABEL, OVER_LABEL).bars).toHaveLength(
            MAX_BARS
        );
        expect(chartModel([], BAR_LABEL, OVER_LABEL).bars).toEqual([]);
    });
});
