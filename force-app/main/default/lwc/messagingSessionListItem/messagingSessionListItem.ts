/**
 * One session in the list: channel icon, end user, status, name and channel, owner (with the
 * queue badge), case, the status-true clock or a times warning, the preview, and an Open button.
 * It shows a view the list builds and says what the user chose: `select` (the name; Enter on it
 * also asks to open) and `open` (the Open button).
 */
import { LightningElement, api } from 'lwc';
import { QUEUE_BADGE_CLASS } from 'c/messagingSessionSchema';

import labelTimesFlag from '@salesforce/label/c.MSC_ListTimesFlag';

/** What one row shows, ready to render (the list builds it from a session row and the clock). */
export interface SessionListItemView {
    id: string;
    /** The end user's name, or the "unknown messaging user" label. */
    title: string;
    statusLabel: string;
    statusBadgeClass: string;
    channelIcon: string;
    channelLabel: string;
    /** Name · channel type · channel name. */
    detailText: string;
    ownerText: string;
    ownerIsQueue: boolean;
    queueBadge: string;
    caseText: string | null;
    clockText: string;
    /** The times contradict each other (ends before it was accepted): a warning replaces the clock. */
    flagged: boolean;
    preview: string | null;
    openLabel: string;
    selected: boolean;
}

/** `select` detail: `open` when the user also asked to open the session (Enter on its name). */
export interface SessionSelectDetail {
    recordId: string;
    open: boolean;
}

export interface SessionOpenDetail {
    recordId: string;
}

export default class MessagingSessionListItem extends LightningElement {
    @api row?: SessionListItemView;

    labels = { timesFlag: labelTimesFlag };
    /** The queue badge, with the classes the detail gives it. */
    queueBadgeClass = `${QUEUE_BADGE_CLASS} slds-m-left_xx-small`;

    get currentState(): string {
        return this.row?.selected ? 'true' : 'false';
    }

    handleSelect(): void {
        this.emitSelect(false);
    }

    /** Enter on the focused name is the row's explicit Open action, whatever the selection mode. */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Enter') return;
        // Keeps the button's own click (a plain selection) from following.
        event.preventDefault();
        this.emitSelect(true);
    }

    handleOpen(): void {
        if (!this.row) return;
        const detail: SessionOpenDetail = { recordId: this.row.id };
        this.dispatchEvent(new CustomEvent('open', { detail }));
    }

    private emitSelect(open: boolean): void {
        if (!this.row) return;
        const detail: SessionSelectDetail = { recordId: this.row.id, open };
        this.dispatchEvent(new CustomEvent('select', { detail }));
    }
}
