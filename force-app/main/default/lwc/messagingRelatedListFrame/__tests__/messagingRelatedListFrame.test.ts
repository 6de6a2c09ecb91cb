import MessagingRelatedListFrame from 'c/messagingRelatedListFrame';
import {
    initialPagerState,
    pagerView,
    receivePage,
    requestMore
} from 'c/messagingRelatedListPager';
import type { PagerState, PagerView } from 'c/messagingRelatedListPager';
import { describeError } from 'c/messagingErrors';
import {
    $,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

import getRelatedListRecords from './data/getRelatedListRecords.json';

type FrameElement = HTMLElement & {
    heading?: string;
    iconName?: string;
    paging?: PagerView;
    loadingText?: string;
    emptyText?: string;
    emptySelectionText?: string;
};

const TEXTS = {
    heading: 'Session Feed',
    iconName: 'standard:feed',
    loadingText: 'Loading feed…',
    emptyText: 'Nothing yet.',
    emptySelectionText: 'Select a session.'
};

const limitError = {
    body: [
        { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests.' }
    ],
    status: 503,
    statusText: 'Service Unavailable'
};

type Collection = UiApi.RelatedListRecordCollectionRepresentation;

/** The fixture's two rows, revealed one at a time, with a next page. */
function loadedState(): PagerState {
    return receivePage(initialPagerState(1), {
        data: getRelatedListRecords as unknown as Collection
    });
}

function mount(paging: PagerView | undefined): FrameElement {
    return mountComponent<FrameElement>(
        'c-messaging-related-list-frame',
        MessagingRelatedListFrame,
        { ...TEXTS, paging }
    );
}

function panelMessage(element: HTMLElement, selector: string): string {
    const panel = $(element, selector);
    return panel ? text($(panel, '.message')) : '';
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-related-list-frame', () => {
    it('titles the card with the heading and icon', async () => {
        const element = mount(pagerView(initialPagerState(20), true));
        await flush();
        const card = $(element, 'lightning-card') as HTMLElement & {
            title: string;
            iconName: string;
        };
        expect(card.title).toBe('Session Feed');
        expect(card.iconName).toBe('standard:feed');
    });

    it('shows a spinner while the first page loads', async () => {
        const element = mount(pagerView(initialPagerState(20), true));
        await flush();
        const spinner = $(element, 'lightning-spinner') as HTMLElement & {
            alternativeText: string;
        };
        expect(spinner.alternativeText).toBe('Loading feed…');
        expect($(element, '.load-more')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for a selection without a session, also before it gets a view', async () => {
        const element = mount(undefined);
        await flush();
        expect(text($(element, '.empty-selection'))).toBe('Select a session.');
        element.paging = pagerView(initialPagerState(20), false);
        await flush();
        expect(text($(element, '.empty-selection'))).toBe('Select a session.');
        expect($(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when the session has no rows', async () => {
        const empty = receivePage(initialPagerState(20), {
            data: {
                ...(getRelatedListRecords as unknown as Collection),
                records: [],
                nextPageToken: null
            }
        });
        const element = mount(pagerView(empty, true));
        await flush();
        expect(text($(element, '.empty'))).toBe('Nothing yet.');
        expect($(element, '.load-more')).toBeNull();
    });

    it('shows a failed first page in the error panel, as describeError reads it', async () => {
        const failed = receivePage(initialPagerState(20), {
            error: limitError
        });
        const element = mount(pagerView(failed, true));
        await flush();
        const message = panelMessage(element, '.error');
        expect(message).toBe(describeError(limitError).message);
        expect(message).toContain('Too many requests.');
        expect($(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers "load more" under the rows and fires loadmore when pressed', async () => {
        const element = mount(pagerView(loadedState(), true));
        const handler = jest.fn();
        element.addEventListener('loadmore', handler);
        await flush();
        const button = $(element, '.load-more') as HTMLElement & {
            label: string;
            disabled: boolean;
        };
        expect(button.label).toBe('Load more');
        expect(button.disabled).toBe(false);
        expect($(element, 'slot')).not.toBeNull();
        button.click();
        expect(handler).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('labels and disables the button while the next page loads', async () => {
        // Both rows revealed, so the next "load more" asks for the next page.
        const state = requestMore(requestMore(loadedState()));
        expect(state.loadingMore).toBe(true);
        const element = mount(pagerView(state, true));
        await flush();
        const button = $(element, '.load-more') as HTMLElement & {
            label: string;
            disabled: boolean;
        };
        expect(button.label).toBe('Loading more…');
        expect(button.disabled).toBe(true);
    });

    it('keeps the rows and reports only the page that failed', async () => {
        const loading = requestMore(requestMore(loadedState()));
        const element = mount(
            pagerView(receivePage(loading, { error: limitError }), true)
        );
        await flush();
        expect($(element, 'slot')).not.toBeNull();
        expect($(element, '.error')).toBeNull();
        expect(panelMessage(element, '.load-more-error')).toContain(
            'Too many requests.'
        );
        expect(
            ($(element, '.load-more') as HTMLElement & { label: string }).label
        ).toBe('Load more');
        await expect(element).toBeAccessible();
    });
});
