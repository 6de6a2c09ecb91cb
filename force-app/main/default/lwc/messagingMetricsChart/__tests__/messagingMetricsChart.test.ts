import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MessagingMetricsChart from 'c/messagingMetricsChart';
import {
    $,
    $$,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

import chartRowsJson from './data/chartRows.json';

type ChartElement = HTMLElement & { rows?: unknown };

function mount(rows: unknown): ChartElement {
    return mountComponent<ChartElement>(
        'c-messaging-metrics-chart',
        MessagingMetricsChart,
        { rows }
    );
}

/** The chart's stylesheet as the component ships it (Jest applies no CSS). */
function stylesheet(): string {
    return readFileSync(
        join(__dirname, '../messagingMetricsChart.css'),
        'utf8'
    );
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-metrics-chart', () => {
    it('draws a bar per row with its name, its figures and the same figures in words', async () => {
        const element = mount(chartRowsJson);
        await flush();
        const bars = $$(element, 'li.chart-bar');
        expect(bars.map((bar) => bar.getAttribute('data-owner'))).toEqual(
            chartRowsJson.map((row) => row.key)
        );
        expect(text(bars[0].querySelector('.chart-label'))).toBe(
            'Ada Lovelace'
        );
        expect(text(bars[0].querySelector('.chart-value'))).toBe('10 / 3');
        expect(text(bars[0].querySelector('.slds-assistive-text'))).toBe(
            'Ada Lovelace: 10 handled, 3 open now, over target'
        );
        // The visible parts are hidden from assistive technology, which reads the sentence.
        expect(
            bars[0].querySelector('.chart-track')!.getAttribute('aria-hidden')
        ).toBe('true');
        expect($(element, 'ul')!.getAttribute('aria-label')).toContain(
            'Sessions handled and open now, per agent'
        );
        await expect(element).toBeAccessible();
    });

    it('sizes the bars by their share of the largest total, and marks a row over target', async () => {
        const element = mount(chartRowsJson);
        await flush();
        const [ada, ben] = $$(element, 'li.chart-bar');
        const handled = (bar: HTMLElement): HTMLElement =>
            bar.querySelector('.bar_handled')!;
        expect(handled(ada).style.width).toBe('61.54%');
        expect(handled(ben).style.width).toBe('24.62%');
        expect(handled(ada).classList.contains('bar_over')).toBe(true);
        expect(handled(ben).classList.contains('bar_over')).toBe(false);
    });

    it('redraws when its rows change, and draws nothing without rows', async () => {
        const element = mount(chartRowsJson);
        await flush();
        element.rows = chartRowsJson.slice(0, 1);
        await flush();
        expect($$(element, 'li.chart-bar')).toHaveLength(1);
        element.rows = null;
        await flush();
        expect($$(element, 'li.chart-bar')).toHaveLength(0);
    });

    it('keeps its labels at the body-small size in CSS units, never scaled by a viewBox', async () => {
        const element = mount(chartRowsJson);
        await flush();
        expect($(element, 'svg')).toBeNull();
        const css = stylesheet();
        const labelRule = /\.chart-label,\s*\.chart-value\s*\{([^}]*)\}/.exec(
            css
        )?.[1];
        expect(labelRule).toMatch(/font-size:\s*0\.75rem/);
        expect(labelRule).toMatch(/color:\s*#181818/);
    });
});
