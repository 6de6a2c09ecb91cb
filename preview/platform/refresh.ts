/** lightning/refresh for the local preview: RefreshEvent bubbles to the page, which refreshes every wire. */
export class RefreshEvent extends CustomEvent<null> {
    constructor() {
        super('lightning__refresh', {
            bubbles: true,
            composed: true,
            detail: null
        });
    }
}

export function registerRefreshHandler(
    _element: unknown,
    _handler: () => unknown
): number {
    return 0;
}

export function unregisterRefreshHandler(_id: number): void {}
