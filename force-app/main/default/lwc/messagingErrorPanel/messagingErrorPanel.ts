/**
 * Shows any error a component caught (a UI API or GraphQL error, a list of them, a fetch response
 * body) as describeError reads it: an alert with the readable message and, when a write reported
 * errors on fields, a disclosure listing them.
 */
import { LightningElement, api } from 'lwc';
import { describeError } from 'c/messagingErrors';
import type { ReadableError } from 'c/messagingErrors';

import labelError from '@salesforce/label/c.MSC_StatusError';
import labelDetails from '@salesforce/label/c.MSC_ErrorDetails';

export interface ErrorDetailView {
    key: string;
    text: string;
}

export default class MessagingErrorPanel extends LightningElement {
    /** Anything: describeError reads every shape Salesforce hands a component. */
    @api error: unknown;
    /** A sentence for the situation ("The session list couldn't load."), shown above the error. */
    @api friendlyMessage?: string;
    /** An optional heading (not `title`, the global HTML attribute). */
    @api heading?: string;

    labels = { error: labelError, details: labelDetails };

    get readable(): ReadableError {
        return describeError(this.error);
    }

    get message(): string {
        return this.readable.message;
    }

    get details(): ErrorDetailView[] {
        return Object.entries(this.readable.fieldErrors).map(
            ([field, message]) => ({ key: field, text: `${field}: ${message}` })
        );
    }

    get hasDetails(): boolean {
        return this.details.length > 0;
    }
}
