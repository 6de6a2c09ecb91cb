/**
 * The agent metrics table: a header per column, then the rows (agents, queues and the team
 * totals) drawn by one row template. Cells arrive formatted; whether a figure is over its target
 * comes with the data (`isOver`, `showWarning`), never from a class name.
 */
import { LightningElement, api } from 'lwc';
import { QUEUE_BADGE_CLASS } from 'c/messagingSessionSchema';

export interface MetricsColumnView {
    key: string;
    label: string;
    headerClass: string;
}

export interface MetricsCellView {
    /** The column: the cell's `data-cell` value. */
    key: string;
    text: string;
    /** The row's name: a row header. */
    isName: boolean;
    /** The cell's class (numbers align right). */
    cellClass: string;
    /** The text's class (target highlighting). */
    className: string;
    /** Tooltip; '' for none. */
    title: string;
    /** Said to assistive technology after the text; '' for nothing. */
    assistiveText: string;
    /** How a duration compares with its target (`data-state`); absent on other cells. */
    state?: 'over' | 'within' | 'none';
    isOver: boolean;
    /** Show the warning icon before the text. */
    showWarning: boolean;
    /** The queue badge's text on a queue's name; ''. */
    queueBadge: string;
}

export interface MetricsRowView {
    /** The owner's Id, or 'totals': the row's `data-owner`. */
    key: string;
    rowClass: string;
    /** Some figure of the row is over its target. */
    isOver: boolean;
    cells: MetricsCellView[];
}

export default class MessagingMetricsTable extends LightningElement {
    @api columns: MetricsColumnView[] = [];
    @api rows: MetricsRowView[] = [];
    /** Said to assistive technology: what the table covers. */
    @api caption = '';

    /** The queue badge, with the classes the session list and detail give it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;
}
