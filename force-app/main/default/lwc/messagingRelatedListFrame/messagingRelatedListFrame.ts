/**
 * The card around a related list (the session feed and history): its heading, and the states of
 * the rows (loading, error, empty, no session selected). The rows come in through the default slot
 * and show once the first page is loaded, followed by "load more" and the error of a later page.
 * The paging itself lives in c/messagingRelatedListPager; this frame only shows its `PagerView`.
 */
import { LightningElement, api } from 'lwc';
import type { PagerView } from 'c/messagingRelatedListPager';

import labelLoadingMore from '@salesforce/label/c.MSC_RelatedListLoadingMore';
import labelLoadMore from '@salesforce/label/c.MSC_RelatedListLoadMore';

/** Before the owner hands a view over: nothing loaded, nothing asked for. */
const NO_SESSION: PagerView = {
    isLoading: false,
    hasError: false,
    error: undefined,
    hasRows: false,
    isEmpty: false,
    hasMore: false,
    loadingMore: false,
    hasLoadMoreError: false,
    loadMoreError: undefined
};

export default class MessagingRelatedListFrame extends LightningElement {
    /** The card's title (not `title`, the global HTML attribute). */
    @api heading?: string;
    @api iconName?: string;
    /** The list's states, from pagerView. */
    @api paging?: PagerView;
    /** The spinner's alternative text. */
    @api loadingText?: string;
    /** Shown when the session has no rows. */
    @api emptyText?: string;
    /** Shown when no session is selected (an App page before a selection). */
    @api emptySelectionText?: string;

    get view(): PagerView {
        return this.paging ?? NO_SESSION;
    }

    get loadMoreLabel(): string {
        return this.view.loadingMore ? labelLoadingMore : labelLoadMore;
    }

    handleLoadMore(): void {
        this.dispatchEvent(new CustomEvent('loadmore'));
    }
}
