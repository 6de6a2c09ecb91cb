import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import {
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SELECTED from '@salesforce/messageChannel/MessagingSessionSelected__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
    describeError,
    mergeRecordPages,
    readSelectedMessage
} from 'c/messagingSessionModel';
import {
    FEED_FIELDS,
    FEED_OPTIONAL_FIELDS,
    FEED_PAGE_SIZE,
    FEED_RELATED_LIST_ID,
    FEED_SORT_BY,
    buildFeedItems,
    feedHasHiddenFields
} from './feedModel';
import labelEmpty from '@salesforce/label/c.FeedEmpty';
import labelEmptySelection from '@salesforce/label/c.FeedEmptySelection';
import labelLoading from '@salesforce/label/c.FeedLoading';
import labelLoadingMore from '@salesforce/label/c.FeedLoadingMore';
import labelLoadMore from '@salesforce/label/c.FeedLoadMore';
import labelPartial from '@salesforce/label/c.FeedPartial';
import labelTitle from '@salesforce/label/c.FeedTitle';
export default class MessagingSessionFeed extends LightningElement {
    /** The session on a record page. On an App page it stays empty and the list's selection is followed. */
    @api
    recordId;
    @wire(MessageContext)
    messageContext;
    selectedRecordId;
    /** The page requested; undefined for the first. */
    pageToken;
    nextPageToken = null;
    records = [];
    loaded = false;
    loadingMore = false;
    error;
    loadMoreError;
    visibleLimit = FEED_PAGE_SIZE;
    subscription;
    labels = {
        empty: labelEmpty,
        emptySelection: labelEmptySelection,
        loading: labelLoading,
        loadingMore: labelLoadingMore,
        loadMore: labelLoadMore,
        partial: labelPartial,
        title: labelTitle
    };
    get sessionId() {
        return this.recordId || this.selectedRecordId;
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
    wiredFeed({ data, error }) {
        if (data) {
            const page = data.records ?? [];
            this.records = this.pageToken
                ? mergeRecordPages(this.records, page)
                : [...page];
            this.nextPageToken = data.nextPageToken ?? null;
            this.error = undefined;
            this.loadMoreError = undefined;
            this.loaded = true;
            this.loadingMore = false;
        } else if (error) {
            if (this.loadingMore || (this.pageToken && this.loaded)) {
                // Keep what is shown; only the next page failed.
                this.loadMoreError = error;
            } else {
                this.error = error;
                this.records = [];
                this.loaded = false;
            }
            this.loadingMore = false;
        }
    }
    connectedCallback() {
        if (!this.recordId && !this.subscription) {
            this.subscription = subscribe(
                this.messageContext,
                SELECTED,
                (message) => this.handleSelected(message)
            );
        }
    }
    disconnectedCallback() {
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }
    handleSelected(message) {
        const selected = readSelectedMessage(message);
        if (!selected || selected.recordId === this.selectedRecordId) {
            return;
        }
        this.selectedRecordId = selected.recordId;
        this.pageToken = undefined;
        this.nextPageToken = null;
        this.records = [];
        this.loaded = false;
        this.error = undefined;
        this.loadMoreError = undefined;
        this.loadingMore = false;
        this.visibleLimit = FEED_PAGE_SIZE;
    }
    handleLoadMore() {
        if (this.records.length > this.visibleLimit) {
            // More rows are loaded than shown: reveal the next slice first.
            this.visibleLimit += FEED_PAGE_SIZE;
            return;
        }
        if (this.nextPageToken && !this.loadingMore) {
            this.loadingMore = true;
            this.loadMoreError = undefined;
            this.visibleLimit += FEED_PAGE_SIZE;
            this.pageToken = this.nextPageToken;
        }
    }
    // -----------------------------------------------------------------------------------------
    // States and view model
    // -----------------------------------------------------------------------------------------
    get items() {
        return buildFeedItems(this.records, {
            locale: LOCALE,
            timeZone: TIME_ZONE
        }).slice(0, this.visibleLimit);
    }
    get hasSession() {
        return Boolean(this.sessionId);
    }
    get isLoading() {
        return this.hasSession && !this.loaded && !this.error;
    }
    get hasError() {
        return this.hasSession && Boolean(this.error);
    }
    get errorText() {
        return describeError(this.error).message;
    }
    get hasRows() {
        return this.loaded && this.records.length > 0;
    }
    get isEmpty() {
        return this.loaded && this.records.length === 0;
    }
    get isPartial() {
        return feedHasHiddenFields(this.records);
    }
    get hasMore() {
        return (
            this.records.length > this.visibleLimit ||
            Boolean(this.nextPageToken)
        );
    }
    get loadMoreLabel() {
        return this.loadingMore ? labelLoadingMore : labelLoadMore;
    }
    get hasLoadMoreError() {
        return Boolean(this.loadMoreError);
    }
    get loadMoreErrorText() {
        return describeError(this.loadMoreError).message;
    }
}
