/**
 * One session in the list: channel icon, end user, status, name and channel, owner (with the
 * queue badge), case, the status-true clock or a times warning, the preview, and an Open button.
 * It shows a view the list builds and says what the user chose: `select` (the name; Enter on it
 * also asks to open) and `open` (the Open button).
 */
import { LightningElement, api } from 'lwc';
import { QUEUE_BADGE_CLASS } from 'c/messagingSessionSchema';
import labelTimesFlag from '@salesforce/label/c.MSC_ListTimesFlag';
export default class MessagingSessionListItem extends LightningElement {
    @api
    row;
    labels = { timesFlag: labelTimesFlag };
    /** The queue badge, with the classes the detail gives it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;
    get currentState() {
        return this.row?.selected ? 'true' : 'false';
    }
    handleSelect() {
        this.emitSelect(false);
    }
    /** Enter on the focused name is the row's explicit Open action, whatever the selection mode. */
    handleKeydown(event) {
        if (event.key !== 'Enter') return;
        // Keeps the button's own click (a plain selection) from following.
        event.preventDefault();
        this.emitSelect(true);
    }
    handleOpen() {
        if (!this.row) return;
        const detail = { recordId: this.row.id };
        this.dispatchEvent(new CustomEvent('open', { detail }));
    }
    emitSelect(open) {
        if (!this.row) return;
        const detail = { recordId: this.row.id, open };
        this.dispatchEvent(new CustomEvent('select', { detail }));
    }
}
