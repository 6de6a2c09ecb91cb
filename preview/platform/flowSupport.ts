/** lightning/flowSupport for the local preview: the flow events, as lightning-flow would receive them. */
export class FlowAttributeChangeEvent extends CustomEvent<{
    attributeName: string;
    attributeValue: unknown;
}> {
    constructor(attributeName: string, attributeValue: unknown) {
        super('lightning__flowattributechange', {
            bubbles: true,
            composed: true,
            detail: { attributeName, attributeValue }
        });
    }
}

function navigationEvent(action: string) {
    return class extends CustomEvent<{ action: string }> {
        constructor() {
            super('lightning__flownavigation', {
                bubbles: true,
                composed: true,
                detail: { action }
            });
        }
    };
}

export const FlowNavigationNextEvent = navigationEvent('NEXT');
export const FlowNavigationBackEvent = navigationEvent('BACK');
export const FlowNavigationFinishEvent = navigationEvent('FINISH');
export const FlowNavigationPauseEvent = navigationEvent('PAUSE');
