/**
 * Following the list's selection: on an App page the detail, history and feed have no recordId of
 * their own and show the session last published on MSC_MessagingSessionSelected__c.
 */
import { subscribe, unsubscribe } from 'lightning/messageService';
import SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import { readSelectedMessage } from 'c/messagingSessionModel';
/**
 * Subscribes (once) to MSC_MessagingSessionSelected__c when the component has no record of its own and
 * calls `onSelect` with each newly selected session id; malformed messages and a repeat of the
 * current selection are ignored. Call `follow` from connectedCallback and `stop` from disconnectedCallback.
 */
export class SelectedSessionFollower {
    /** The session last selected, if any. */
    selectedRecordId;
    onSelect;
    subscription;
    constructor(onSelect) {
        this.onSelect = onSelect;
    }
    /** Starts following unless the page gave the component its record (`ownRecordId`) or it already follows. */
    follow(messageContext, ownRecordId) {
        if (!ownRecordId && !this.subscription) {
            this.subscription = subscribe(messageContext, SELECTED, (message) =>
                this.receive(message)
            );
        }
    }
    stop() {
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }
    /** A message from the channel (anything: it is checked). */
    receive(message) {
        const selected = readSelectedMessage(message);
        if (!selected || selected.recordId === this.selectedRecordId) {
            return;
        }
        this.selectedRecordId = selected.recordId;
        this.onSelect(selected.recordId);
    }
}
