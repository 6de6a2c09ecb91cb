import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SELECTED from '@salesforce/messageChannel/MessagingSessionSelected__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
    SESSION_OBJECT,
    describeError,
    mergeRecordPages,
    readSelectedMessage
} from 'c/messagingSessionModel';
import {
    HISTORY_FIELDS,
    HISTORY_OPTIONAL_FIELDS,
    HISTORY_PAGE_SIZE,
    HISTORY_RELATED_LIST_ID,
    HISTORY_SORT_BY,
    groupHistory,
    readHistoryRow,
    sortNewestFirst
} from './historyModel';
import labelEmpty from '@salesforce/label/c.HistoryEmpty';
import labelEmptySelection from '@salesforce/label/c.HistoryEmptySelection';
import labelLabelsUnavailable from '@salesforce/label/c.HistoryLabelsUnavailable';
import labelLoading from '@salesforce/label/c.HistoryLoading';
import labelLoadingMore from '@salesforce/label/c.HistoryLoadingMore';
import labelLoadMore from '@salesforce/label/c.HistoryLoadMore';
import labelPartial from '@salesforce/label/c.HistoryPartial';
import labelTitle from '@salesforce/label/c.HistoryTitle';
export default class MessagingSessionHistory extends LightningElement {
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
    visibleLimit = HISTORY_PAGE_SIZE;
    objectInfo;
    objectInfoError;
    subscription;
    labels = {
        empty: labelEmpty,
        emptySelection: labelEmptySelection,
        labelsUnavailable: labelLabelsUnavailable,
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
        relatedListId: HISTORY_RELATED_LIST_ID,
        fields: HISTORY_FIELDS,
        optionalFields: HISTORY_OPTIONAL_FIELDS,
        pageSize: HISTORY_PAGE_SIZE,
        pageToken: '$pageToken',
        sortBy: HISTORY_SORT_BY
    })
    wiredHistory({ data, error }) {
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
    @wire(getObjectInfo, { objectApiName: SESSION_OBJECT })
    wiredObjectInfo({ data, error }) {
        if (data) {
            this.objectInfo = data;
            this.objectInfoError = undefined;
        } else if (error) {
            this.objectInfo = undefined;
            this.objectInfoError = error;
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
        this.visibleLimit = HISTORY_PAGE_SIZE;
    }
    handleLoadMore() {
        if (this.records.length > this.visibleLimit) {
            // More rows are loaded than shown: reveal the next slice first.
            this.visibleLimit += HISTORY_PAGE_SIZE;
            return;
        }
        if (this.nextPageToken && !this.loadingMore) {
            this.loadingMore = true;
            this.loadMoreError = undefined;
            this.visibleLimit += HISTORY_PAGE_SIZE;
            this.pageToken = this.nextPageToken;
        }
    }
    // -----------------------------------------------------------------------------------------
    // States and view model
    // -----------------------------------------------------------------------------------------
    get rows() {
        return sortNewestFirst(
            this.records.map((record, index) => readHistoryRow(record, index))
        );
    }
    get groups() {
        return groupHistory(this.rows.slice(0, this.visibleLimit), {
            locale: LOCALE,
            timeZone: TIME_ZONE,
            objectInfo: this.objectInfo
        });
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
        return this.records.some(
            (record) => readHistoryRow(record).valuesHidden
        );
    }
    get hasLabelsError() {
        return Boolean(this.objectInfoError) && !this.objectInfo;
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
