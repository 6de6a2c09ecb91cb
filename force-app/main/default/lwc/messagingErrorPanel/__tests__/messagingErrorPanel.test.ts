import MessagingErrorPanel from 'c/messagingErrorPanel';
import { describeError } from 'c/messagingErrors';
import {
    $,
    $$,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

import updateRecordFieldError from './data/updateRecordFieldError.json';
import graphqlErrors from './data/graphqlErrors.json';

type PanelElement = HTMLElement & {
    error?: unknown;
    friendlyMessage?: string;
    heading?: string;
};

function mount(props: Partial<PanelElement>): PanelElement {
    return mountComponent<PanelElement>(
        'c-messaging-error-panel',
        MessagingErrorPanel,
        props
    );
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-error-panel', () => {
    it('shows the describeError message of a GraphQL error list in an alert, without details', async () => {
        const element = mount({ error: graphqlErrors.errors });
        await flush();
        const alert = $(element, '[role="alert"]');
        expect(alert).not.toBeNull();
        expect(text($(element, '.message'))).toBe(
            describeError(graphqlErrors.errors).message
        );
        expect(text($(element, '.message'))).not.toBe('');
        expect($(element, 'details')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists field errors in a disclosure, beside the friendly message and heading', async () => {
        const element = mount({
            error: updateRecordFieldError,
            friendlyMessage: 'The session was not saved.',
            heading: 'Save failed'
        });
        await flush();
        const readable = describeError(updateRecordFieldError);
        expect(text($(element, '.message'))).toBe(readable.message);
        expect(text($(element, '.heading'))).toBe('Save failed');
        expect(text($(element, '.friendly'))).toBe(
            'The session was not saved.'
        );
        expect(text($(element, 'summary'))).toBe('Details');
        expect($$(element, 'details li').map((item) => text(item))).toEqual([
            `CaseId: ${readable.fieldErrors.CaseId}`
        ]);
        const icon = $(element, 'lightning-icon') as unknown as {
            alternativeText?: string;
        };
        expect(icon.alternativeText).toBe('Error');
        await expect(element).toBeAccessible();
    });

    it('shows the next error when the error changes, and a readable message for nothing at all', async () => {
        const element = mount({ error: graphqlErrors.errors });
        await flush();
        element.error = null;
        await flush();
        expect(text($(element, '.message'))).toBe(describeError(null).message);
        expect(text($(element, '.message'))).not.toBe('');
        expect($(element, '.heading')).toBeNull();
        expect($(element, '.friendly')).toBeNull();
    });
});
