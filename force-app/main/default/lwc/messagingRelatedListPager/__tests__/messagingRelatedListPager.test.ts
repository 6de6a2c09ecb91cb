import {
    initialPagerState,
    pagerView,
    receivePage,
    requestMore
} from 'c/messagingRelatedListPager';
import type { PagerState } from 'c/messagingRelatedListPager';
import { describeError } from 'c/messagingErrors';

// Paging reads only the record ids (to merge pages).
const record = (id: string): UiApi.RecordRepresentation =>
    ({ id, fields: {} }) as unknown as UiApi.RecordRepresentation;

const records = (from: number, count: number): UiApi.RecordRepresentation[] =>
    Array.from({ length: count }, (_, index) => record(`r${from + index}`));

const page = (
    rows: UiApi.RecordRepresentation[],
    nextPageToken: string | null
): UiApi.RelatedListRecordCollectionRepresentation => ({
    count: rows.length,
    currentPageToken: null,
    currentPageUrl: null,
    fields: [],
    listInfoETag: null,
    listReference:
        {} as UiApi.RelatedListRecordCollectionRepresentation['listReference'],
    nextPageToken,
    nextPageUrl: null,
    optionalFields: [],
    pageSize: rows.length,
    parentRecordId: '0Mwxx0000000001CAA',
    previousPageToken: null,
    previousPageUrl: null,
    records: rows,
    sortBy: [],
    where: null
});

const limitError = {
    body: [
        { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests.' }
    ],
    status: 403,
    statusText: 'Forbidden'
};
const ids = (state: PagerState): (string | null)[] =>
    state.records.map((row) => row.id);

describe('initialPagerState', () => {
    it('starts empty, on the first page, showing one page of rows', () => {
        const state = initialPagerState(20);
        expect(state.records).toEqual([]);
        expect(state.pageToken).toBeUndefined();
        expect(state.nextPageToken).toBeNull();
        expect(state.visibleLimit).toBe(20);
        const view = pagerView(state, true);
        expect(view.isLoading).toBe(true);
        expect(view.hasRows || view.isEmpty || view.hasError).toBe(false);
        // Without a session there is nothing to load.
        expect(pagerView(state, false).isLoading).toBe(false);
    });
});

describe('receivePage', () => {
    it('takes the first page as the rows and keeps the next token', () => {
        const state = receivePage(initialPagerState(2), {
            data: page(records(0, 3), 'next-3')
        });
        expect(ids(state)).toEqual(['r0', 'r1', 'r2']);
        expect(state.nextPageToken).toBe('next-3');
        expect(state.loaded).toBe(true);
        const view = pagerView(state, true);
        expect(view.hasRows).toBe(true);
        expect(view.isLoading).toBe(false);
        expect(view.hasMore).toBe(true);
    });

    it('is empty when the list has no rows, and has no more without a token', () => {
        const state = receivePage(initialPagerState(20), {
            data: page([], null)
        });
        const view = pagerView(state, true);
        expect(view.isEmpty).toBe(true);
        expect(view.hasRows).toBe(false);
        expect(view.hasMore).toBe(false);
    });

    it('merges a later page by id, so a page served again adds nothing', () => {
        let state = receivePage(initialPagerState(2), {
            data: page(records(0, 2), 'next-2')
        });
        state = requestMore(state);
        expect(state.pageToken).toBe('next-2');
        state = receivePage(state, { data: page(records(2, 2), null) });
        state = receivePage(state, { data: page(records(2, 2), null) });
        expect(ids(state)).toEqual(['r0', 'r1', 'r2', 'r3']);
        expect(state.loadingMore).toBe(false);
        expect(pagerView(state, true).hasMore).toBe(false);
    });

    it('reports a failed first page as the error and drops the rows', () => {
        const state = receivePage(initialPagerState(20), {
            error: limitError
        });
        expect(state.records).toEqual([]);
        expect(state.loaded).toBe(false);
        const view = pagerView(state, true);
        expect(view.hasError).toBe(true);
        expect(view.isLoading).toBe(false);
        expect(view.error).toBe(limitError);
        expect(describeError(view.error).message).toContain(
            'Too many requests.'
        );
        expect(view.hasLoadMoreError).toBe(false);
        // Without a session no error is shown.
        expect(pagerView(state, false).hasError).toBe(false);
    });

    it('keeps the shown rows when only the next page fails, and clears that error on retry', () => {
        let state = receivePage(initialPagerState(2), {
            data: page(records(0, 2), 'next-2')
        });
        state = requestMore(state);
        state = receivePage(state, { error: limitError });
        expect(ids(state)).toEqual(['r0', 'r1']);
        expect(state.error).toBeUndefined();
        expect(state.loadingMore).toBe(false);
        let view = pagerView(state, true);
        expect(view.hasRows).toBe(true);
        expect(view.hasError).toBe(false);
        expect(view.hasLoadMoreError).toBe(true);
        expect(view.loadMoreError).toBe(limitError);
        expect(describeError(view.loadMoreError).message).toContain(
            'Too many requests.'
        );

        state = requestMore(state);
        expect(state.loadingMore).toBe(true);
        expect(state.loadMoreError).toBeUndefined();
        state = receivePage(state, { data: page(records(2, 1), null) });
        view = pagerView(state, true);
        expect(view.hasLoadMoreError).toBe(false);
        expect(ids(state)).toEqual(['r0', 'r1', 'r2']);
    });

    it('leaves the state as it is for an empty wire result', () => {
        const state = initialPagerState(20);
        expect(receivePage(state, {})).toBe(state);
    });
});

describe('requestMore', () => {
    it('reveals rows already loaded before asking for another page', () => {
        let state = receivePage(initialPagerState(2), {
            data: page(records(0, 5), 'next-5')
        });
        state = requestMore(state);
        expect(state.visibleLimit).toBe(4);
        expect(state.pageToken).toBeUndefined();
        expect(state.loadingMore).toBe(false);
        state = requestMore(state);
        expect(state.visibleLimit).toBe(6);
        expect(state.pageToken).toBeUndefined();
        // Every loaded row shows now: the next request asks for the next page.
        state = requestMore(state);
        expect(state.visibleLimit).toBe(8);
        expect(state.pageToken).toBe('next-5');
        expect(state.loadingMore).toBe(true);
    });

    it('does nothing while a page is on its way, or when there is no more', () => {
        const first = receivePage(initialPagerState(2), {
            data: page(records(0, 2), 'next-2')
        });
        const loading = requestMore(first);
        expect(requestMore(loading)).toBe(loading);
        const done = receivePage(initialPagerState(2), {
            data: page(records(0, 2), null)
        });
        expect(requestMore(done)).toBe(done);
    });
});

describe('pagerView', () => {
    // The button's label for each state is asserted in c-messaging-related-list-frame's tests.
    it('reports whether a page is loading', () => {
        const first = receivePage(initialPagerState(2), {
            data: page(records(0, 2), 'next-2')
        });
        const view = pagerView(first, true);
        expect(view.loadingMore).toBe(false);
        const loading = pagerView(requestMore(first), true);
        expect(loading.loadingMore).toBe(true);
    });

    it('has more while loaded rows are hidden, even without a next page', () => {
        const state = receivePage(initialPagerState(2), {
            data: page(records(0, 3), null)
        });
        expect(pagerView(state, true).hasMore).toBe(true);
        expect(pagerView(requestMore(state), true).hasMore).toBe(false);
    });
});
