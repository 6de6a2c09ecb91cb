/**
 * The status chips of the session list: one toggle button per status with its count (from the
 * list's Status aggregate), pressed when selected. A selected status the org doesn't report (an
 * unknown App Builder default) still gets a chip. Toggling one emits `statuschange` with the
 * toggled status `value`: the list toggles it in its own state, so that quick clicks never work
 * from a selection not yet rendered.
 */
import { LightningElement, api } from 'lwc';

import labelStatusFilter from '@salesforce/label/c.MSC_ListStatusFilterLabel';

export interface StatusChipCount {
    value: string;
    label: string;
    count: number;
}

/** `statuschange` detail: the status whose chip was toggled. */
export interface StatusChangeDetail {
    value: string;
}

interface StatusChipView extends StatusChipCount {
    pressed: string;
    className: string;
}

export default class MessagingStatusChips extends LightningElement {
    /** Counts by status, in the order to show them. */
    @api counts: readonly StatusChipCount[] = [];
    /** Status API names selected now. */
    @api selected: readonly string[] = [];

    labels = { status: labelStatusFilter };

    get chips(): StatusChipView[] {
        const selected = this.selected ?? [];
        const counts = this.counts ?? [];
        const listed = new Set(counts.map((count) => count.value));
        const extra = selected
            .filter((value) => !listed.has(value))
            .map((value) => ({ value, label: value, count: 0 }));
        return [...counts, ...extra].map(({ value, label, count }) => {
            const pressed = selected.includes(value);
            return {
                value,
                label,
                count,
                pressed: pressed ? 'true' : 'false',
                className: pressed
                    ? 'slds-button slds-button_brand status-chip'
                    : 'slds-button slds-button_neutral status-chip'
            };
        });
    }

    handleToggle(event: Event): void {
        const value = (event.currentTarget as HTMLElement).dataset.value;
        if (!value) return;
        const detail: StatusChangeDetail = { value };
        this.dispatchEvent(new CustomEvent('statuschange', { detail }));
    }
}
