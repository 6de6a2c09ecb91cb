/**
 * lightning/navigation for the local preview: record pages open in the console's workspace tabs;
 * other destinations exist only in an org, so the page says so in a toast.
 */
import { host } from './host';

interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

const HOME_PAGE: PageReference = {
    type: 'standard__navItemPage',
    attributes: { apiName: 'MSC_Messaging_Console_Home' },
    state: {}
};

function urlOf(ref: PageReference): string {
    const a = ref.attributes ?? {};
    switch (ref.type) {
        case 'standard__recordPage':
            return `/lightning/r/${String(a.objectApiName ?? 'MessagingSession')}/${String(a.recordId)}/${String(a.actionName ?? 'view')}`;
        case 'standard__objectPage':
            return `/lightning/o/${String(a.objectApiName)}/${String(a.actionName ?? 'home')}`;
        case 'standard__navItemPage':
            return `/lightning/n/${String(a.apiName)}`;
        case 'standard__webPage':
            return String(a.url ?? '#');
        default:
            return '#';
    }
}

function navigate(ref: PageReference): void {
    const h = host();
    const recordId = ref.attributes?.recordId;
    if (
        ref.type === 'standard__recordPage' &&
        typeof recordId === 'string' &&
        h
    ) {
        void h.openRecord(recordId, { focus: true });
        return;
    }
    if (
        ref.type === 'standard__webPage' &&
        typeof ref.attributes?.url === 'string'
    ) {
        window.open(ref.attributes.url, '_blank', 'noopener');
        return;
    }
    h?.toast({
        title: 'Opens in an org',
        message: `Navigation to ${urlOf(ref)} happens in a Salesforce org, not in the local preview.`,
        variant: 'info'
    });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor takes any arguments
type Constructor<T = object> = new (...args: any[]) => T;

export function NavigationMixin<TBase extends Constructor>(Base: TBase) {
    return class extends Base {
        [Navigate](pageReference: PageReference, _replace?: boolean): void {
            navigate(pageReference);
        }

        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(urlOf(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the page the component is on (the console home page). */
export class CurrentPageReference {
    private readonly callback: (value: unknown) => void;
    constructor(callback: (value: unknown) => void) {
        this.callback = callback;
    }
    connect(): void {
        this.callback(HOME_PAGE);
    }
    update(): void {
        this.callback(HOME_PAGE);
    }
    disconnect(): void {}
}
