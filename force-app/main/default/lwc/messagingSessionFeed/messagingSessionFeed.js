import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import {
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SESSION_SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
    initialPagerState,
    pagerView,
    receivePage,
    requestMore
} from 'c/messagingRelatedListPager';
import { SelectedSessionFollower } from 'c/messagingChannels';
import {
    FEED_FIELDS,
    FEED_OPTIONAL_FIELDS,
    FEED_PAGE_SIZE,
    FEED_RELATED_LIST_ID,
    FEED_SORT_BY,
    buildFeedItems,
    feedHasHiddenFields
} from './feedModel';
import labelEmpty from '@salesforce/label/c.MSC_FeedEmpty';
import labelEmptySelection from '@salesforce/label/c.MSC_FeedEmptySelection';
import labelLoading from '@salesforce/label/c.MSC_FeedLoading';
import labelPartial from '@salesforce/label/c.MSC_FeedPartial';
import labelTitle from '@salesforce/label/c.MSC_FeedTitle';
/** The list's selection, which the component follows on an App page. */
const SELECTION = { subscribe, unsubscribe, channel: SESSION_SELECTED };
export default class MessagingSessionFeed extends LightningElement {
    /** The session on a record page. On an App page it stays empty and the list's selection is followed. */
    @api
    recordId;
    @wire(MessageContext)
    messageContext;
    selectedRecordId;
    pager = initialPagerState(FEED_PAGE_SIZE);
    follower = new SelectedSessionFollower((recordId) => {
        this.selectedRecordId = recordId;
        this.pager = initialPagerState(FEED_PAGE_SIZE);
    }, SELECTION);
    labels = {
        empty: labelEmpty,
        emptySelection: labelEmptySelection,
        loading: labelLoading,
        partial: labelPartial,
        title: labelTitle
    };
    get sessionId() {
        return this.recordId || this.selectedRecordId;
    }
    /** The page requested; undefined for the first. */
    get pageToken() {
        return this.pager.pageToken;
    }
    @wire(getRelatedListRecords, {
        parentRecordId: '$sessionId',
        relatedListId: FEED_RELATED_LIST_ID,
        fields: FEED_FIELDS,
        optionalFields: FEED_OPTIONAL_FIELDS,
        pageSize: FEED_PAGE_SIZE,
        pageToken: '$pageToken',
        sortBy: FEED_SORT_BY
    })
    wiredFeed(result) {
        this.pager = receivePage(this.pager, result);
    }
    connectedCallback() {
        this.follower.follow(this.messageContext, this.recordId);
    }
    disconnectedCallback() {
        this.follower.stop();
    }
    handleLoadMore() {
        this.pager = requestMore(this.pager);
    }
    // -----------------------------------------------------------------------------------------
    // States and view model
    // -----------------------------------------------------------------------------------------
    get items() {
        return buildFeedItems(this.pager.records, {
            locale: LOCALE,
            timeZone: TIME_ZONE
        }).slice(0, this.pager.visibleLimit);
    }
    get hasSession() {
        return Boolean(this.sessionId);
    }
    /** Loading, error, rows, empty and "load more" states, shown by the frame. */
    get paging() {
        return pagerView(this.pager, this.hasSession);
    }
    get isPartial() {
        return feedHasHiddenFields(this.pager.records);
    }
}
