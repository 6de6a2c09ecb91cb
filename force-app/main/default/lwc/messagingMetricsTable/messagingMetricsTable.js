/**
 * The agent metrics table: a header per column, then the rows (agents, queues and the team
 * totals) drawn by one row template. Cells arrive formatted; whether a figure is over its target
 * comes with the data (`isOver`, `showWarning`), never from a class name.
 */
import { LightningElement, api } from 'lwc';
import { QUEUE_BADGE_CLASS } from 'c/messagingSessionSchema';
export default class MessagingMetricsTable extends LightningElement {
    @api
    columns = [];
    @api
    rows = [];
    /** Said to assistive technology: what the table covers. */
    @api
    caption = '';
    /** The queue badge, with the classes the session list and detail give it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;
}
