/**
 * Paging of a related list read with getRelatedListRecords (the session feed and history).
 *
 * The component asks for the next page by changing the wire's `pageToken`; the pages arrive through
 * the wire and are merged by record id. Loaded rows are revealed `pageSize` at a time, so a long list
 * never renders at once. Pure functions over an immutable state: a component keeps one `PagerState`
 * field, replaces it with what these return, and hands `pagerView` to c-messaging-related-list-frame.
 */
import { mergeRecordPages } from 'c/messagingSessionSchema';
/** Nothing loaded, the first page not yet asked beyond: the state for a (newly selected) session. */
export function initialPagerState(pageSize) {
    return {
        pageSize,
        pageToken: undefined,
        nextPageToken: null,
        records: [],
        loaded: false,
        loadingMore: false,
        error: undefined,
        loadMoreError: undefined,
        visibleLimit: pageSize
    };
}
/**
 * What the related-list wire delivered. A page is merged into the loaded rows (the first page
 * replaces them); an error on a later page keeps what is shown and reports only that page.
 */
export function receivePage(state, { data, error }) {
    if (data) {
        const page = data.records ?? [];
        return {
            ...state,
            records: state.pageToken
                ? mergeRecordPages(state.records, page)
                : [...page],
            nextPageToken: data.nextPageToken ?? null,
            error: undefined,
            loadMoreError: undefined,
            loaded: true,
            loadingMore: false
        };
    }
    if (error) {
        if (state.loadingMore || (state.pageToken && state.loaded)) {
            // Keep what is shown; only the next page failed.
            return { ...state, loadMoreError: error, loadingMore: false };
        }
        return {
            ...state,
            error,
            records: [],
            loaded: false,
            loadingMore: false
        };
    }
    return state;
}
/**
 * "Load more": reveal the next slice of rows already loaded, else ask for the next page.
 * Returns the same state when there is nothing more (or a page is already on its way).
 */
export function requestMore(state) {
    if (state.records.length > state.visibleLimit) {
        // More rows are loaded than shown: reveal the next slice first.
        return { ...state, visibleLimit: state.visibleLimit + state.pageSize };
    }
    if (state.nextPageToken && !state.loadingMore) {
        return {
            ...state,
            loadingMore: true,
            loadMoreError: undefined,
            visibleLimit: state.visibleLimit + state.pageSize,
            pageToken: state.nextPageToken
        };
    }
    return state;
}
/** `hasSession`: whether a session is shown at all (else the frame asks for a selection). */
export function pagerView(state, hasSession) {
    const count = state.records.length;
    return {
        isLoading: hasSession && !state.loaded && !state.error,
        hasError: hasSession && Boolean(state.error),
        error: state.error,
        hasRows: state.loaded && count > 0,
        isEmpty: state.loaded && count === 0,
        hasMore: count > state.visibleLimit || Boolean(state.nextPageToken),
        loadingMore: state.loadingMore,
        hasLoadMoreError: Boolean(state.loadMoreError),
        loadMoreError: state.loadMoreError
    };
}
