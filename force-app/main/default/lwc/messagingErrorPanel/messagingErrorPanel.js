/**
 * Shows any error a component caught (a UI API or GraphQL error, a list of them, a fetch response
 * body) as describeError reads it: an alert with the readable message and, when a write reported
 * errors on fields, a disclosure listing them.
 */
import { LightningElement, api } from 'lwc';
import { describeError } from 'c/messagingErrors';
import labelError from '@salesforce/label/c.MSC_StatusError';
import labelDetails from '@salesforce/label/c.MSC_ErrorDetails';
export default class MessagingErrorPanel extends LightningElement {
    /** Anything: describeError reads every shape Salesforce hands a component. */
    @api
    error;
    /** A sentence for the situation ("The session list couldn't load."), shown above the error. */
    @api
    friendlyMessage;
    /** An optional heading (not `title`, the global HTML attribute). */
    @api
    heading;
    labels = { error: labelError, details: labelDetails };
    get readable() {
        return describeError(this.error);
    }
    get message() {
        return this.readable.message;
    }
    get details() {
        return Object.entries(this.readable.fieldErrors).map(
            ([field, message]) => ({ key: field, text: `${field}: ${message}` })
        );
    }
    get hasDetails() {
        return this.details.length > 0;
    }
}
