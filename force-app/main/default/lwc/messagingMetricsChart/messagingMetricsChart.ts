/**
 * The agent metrics chart: a bar per agent, handled and open sessions, drawn in HTML so that its
 * labels keep the body-small text size at any panel width. Each bar carries its figures in words
 * for assistive technology; the metrics table beside it holds every figure.
 */
import { LightningElement, api } from 'lwc';
import { chartModel } from './chartModel';
import type { ChartModel, MetricsChartRow } from './chartModel';

import labelChartTitle from '@salesforce/label/c.MSC_MetricsChartTitle';
import labelChartDesc from '@salesforce/label/c.MSC_MetricsChartDesc';
import labelChartHandled from '@salesforce/label/c.MSC_MetricsChartHandled';
import labelChartOpen from '@salesforce/label/c.MSC_MetricsChartOpen';
import labelChartBar from '@salesforce/label/c.MSC_MetricsChartBarLabel';
import labelChartOverTarget from '@salesforce/label/c.MSC_MetricsChartOverTarget';

export type { MetricsChartRow };

export default class MessagingMetricsChart extends LightningElement {
    labels = {
        desc: labelChartDesc,
        handled: labelChartHandled,
        open: labelChartOpen
    };

    /** The list's accessible name: what the chart shows. */
    chartLabel = `${labelChartTitle}. ${labelChartDesc}`;

    model: ChartModel = chartModel([], labelChartBar, labelChartOverTarget);

    private chartRows: readonly MetricsChartRow[] = [];

    /** The agents to draw, in order (the geometry is computed when they change). */
    @api
    get rows(): readonly MetricsChartRow[] {
        return this.chartRows;
    }
    set rows(value: readonly MetricsChartRow[] | null | undefined) {
        this.chartRows = value ?? [];
        this.model = chartModel(
            this.chartRows,
            labelChartBar,
            labelChartOverTarget
        );
    }
}
