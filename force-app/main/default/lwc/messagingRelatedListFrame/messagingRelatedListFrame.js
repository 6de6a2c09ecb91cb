/**
 * The card around a related list (the session feed and history): its heading, and the states of
 * the rows (loading, error, empty, no session selected). The rows come in through the default slot
 * and show once the first page is loaded, followed by "load more" and the error of a later page.
 * The paging itself lives in c/messagingRelatedListPager; this frame only shows its `PagerView`.
 */
import { LightningElement, api } from 'lwc';
import labelLoadingMore from '@salesforce/label/c.MSC_RelatedListLoadingMore';
import labelLoadMore from '@salesforce/label/c.MSC_RelatedListLoadMore';
/** Before the owner hands a view over: nothing loaded, nothing asked for. */
const NO_SESSION = {
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
    @api
    heading;
    @api
    iconName;
    /** The list's states, from pagerView. */
    @api
    paging;
    /** The spinner's alternative text. */
    @api
    loadingText;
    /** Shown when the session has no rows. */
    @api
    emptyText;
    /** Shown when no session is selected (an App page before a selection). */
    @api
    emptySelectionText;
    get view() {
        return this.paging ?? NO_SESSION;
    }
    get loadMoreLabel() {
        return this.view.loadingMore ? labelLoadingMore : labelLoadMore;
    }
    handleLoadMore() {
        this.dispatchEvent(new CustomEvent('loadmore'));
    }
}
