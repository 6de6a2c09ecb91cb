import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SESSION_SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { SESSION_OBJECT } from 'c/messagingSessionSchema';
import { SelectedSessionFollower } from 'c/messagingChannels';
import {
    initialPagerState,
    pagerView,
    receivePage,
    requestMore
} from 'c/messagingRelatedListPager';
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
import labelEmpty from '@salesforce/label/c.MSC_HistoryEmpty';
import labelEmptySelection from '@salesforce/label/c.MSC_HistoryEmptySelection';
import labelLabelsUnavailable from '@salesforce/label/c.MSC_HistoryLabelsUnavailable';
import labelLoading from '@salesforce/label/c.MSC_HistoryLoading';
import labelPartial from '@salesforce/label/c.MSC_HistoryPartial';
import labelTitle from '@salesforce/label/c.MSC_HistoryTitle';
/** The list's selection, which the component follows on an App page. */
const SELECTION = { subscribe, unsubscribe, channel: SESSION_SELECTED };
export default class MessagingSessionHistory extends LightningElement {
    /** The session on a record page. On an App page it stays empty and the list's selection is followed. */
    @api
    recordId;
    @wire(MessageContext)
    messageContext;
    selectedRecordId;
    pager = initialPagerState(HISTORY_PAGE_SIZE);
    objectInfo;
    objectInfoError;
    follower = new SelectedSessionFollower((recordId) => {
        this.selectedRecordId = recordId;
        this.pager = initialPagerState(HISTORY_PAGE_SIZE);
    }, SELECTION);
    labels = {
        empty: labelEmpty,
        emptySelection: labelEmptySelection,
        labelsUnavailable: labelLabelsUnavailable,
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
        relatedListId: HISTORY_RELATED_LIST_ID,
        fields: HISTORY_FIELDS,
        optionalFields: HISTORY_OPTIONAL_FIELDS,
        pageSize: HISTORY_PAGE_SIZE,
        pageToken: '$pageToken',
        sortBy: HISTORY_SORT_BY
    })
    wiredHistory(result) {
        this.pager = receivePage(this.pager, result);
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
    get rows() {
        return sortNewestFirst(
            this.pager.records.map((record, index) =>
                readHistoryRow(record, index)
            )
        );
    }
    get groups() {
        return groupHistory(this.rows.slice(0, this.pager.visibleLimit), {
            locale: LOCALE,
            timeZone: TIME_ZONE,
            objectInfo: this.objectInfo
        });
    }
    get hasSession() {
        return Boolean(this.sessionId);
    }
    /** Loading, error, rows, empty and "load more" states, shown by the frame. */
    get paging() {
        return pagerView(this.pager, this.hasSession);
    }
    get isPartial() {
        return this.pager.records.some(
            (record) => readHistoryRow(record).valuesHidden
        );
    }
    get hasLabelsError() {
        return Boolean(this.objectInfoError) && !this.objectInfo;
    }
}
