/**
 * Paging of a related list read with getRelatedListRecords (the session feed and history).
 *
 * The component asks for the next page by changing the wire's `pageToken`; the pages arrive through
 * the wire and are merged by record id. Loaded rows are revealed `pageSize` at a time, so a long list
 * never renders at once. Pure functions over an immutable state: a component keeps one `PagerState`
 * field, replaces it with what these return, and hands `pagerView` to c-messaging-related-list-frame.
 */
import { mergeRecordPages } from 'c/messagingSessionSchema';

export interface PagerState {
    /** Rows revealed per "load more", and the page size asked of the wire. */
    readonly pageSize: number;
    /** The page requested; undefined for the first. */
    readonly pageToken?: string;
    readonly nextPageToken: string | null;
    readonly records: readonly UiApi.RecordRepresentation[];
    readonly loaded: boolean;
    readonly loadingMore: boolean;
    readonly error?: unknown;
    readonly loadMoreError?: unknown;
    /** How many of the loaded rows are shown. */
    readonly visibleLimit: number;
}

/** Nothing loaded, the first page not yet asked beyond: the state for a (newly selected) session. */
export function initialPagerState(pageSize: number): PagerState {
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
export function receivePage(
    state: PagerState,
    {
        data,
        error
    }: UiApi.WireResult<UiApi.RelatedListRecordCollectionRepresentation>
): PagerState {
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
export function requestMore(state: PagerState): PagerState {
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

/** The frame's states: which block shows, the errors (read by the error panel) and "load more". */
export interface PagerView {
    isLoading: boolean;
    hasError: boolean;
    error: unknown;
    hasRows: boolean;
    isEmpty: boolean;
    hasMore: boolean;
    loadingMore: boolean;
    hasLoadMoreError: boolean;
    loadMoreError: unknown;
}

/** `hasSession`: whether a session is shown at all (else the frame asks for a selection). */
export function pagerView(state: PagerState, hasSession: boolean): PagerView {
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
