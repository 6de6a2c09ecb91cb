/** lightning/platformShowToastEvent for the local preview: the console page listens and shows an SLDS toast. */
export interface ShowToastEventDetail {
    title?: string;
    message: string;
    messageData?: unknown[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail) {
        super('lightning__showtoast', {
            bubbles: true,
            composed: true,
            cancelable: true,
            detail
        });
    }
}
