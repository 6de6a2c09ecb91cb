import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import type { RelatedListRecordCollection } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { ObjectInfoRepresentation } from 'lightning/uiObjectInfoApi';
import {
    MessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type { MessageContextType } from 'lightning/messageService';
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
import type { PagerState, PagerView } from 'c/messagingRelatedListPager';
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
import type { HistoryGroupView, HistoryRow } from './historyModel';

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
    @api recordId?: string;

    @wire(MessageContext) messageContext?: MessageContextType;

    selectedRecordId?: string;
    pager: PagerState = initialPagerState(HISTORY_PAGE_SIZE);
    objectInfo?: ObjectInfoRepresentation;
    objectInfoError?: unknown;

    private readonly follower = new SelectedSessionFollower((recordId) => {
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

    get sessionId(): string | undefined {
        return this.recordId || this.selectedRecordId;
    }

    /** The page requested; undefined for the first. */
    get pageToken(): string | undefined {
        return this.pager.pageToken;
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$sessionId',
        relatedListId: HISTORY_RELATED_LIST_ID,
        fields: HISTORY_FIELDS as string[],
        optionalFields: HISTORY_OPTIONAL_FIELDS as string[],
        pageSize: HISTORY_PAGE_SIZE,
        pageToken: '$pageToken',
        sortBy: HISTORY_SORT_BY as string[]
    })
    wiredHistory(result: UiApi.WireResult<RelatedListRecordCollection>): void {
        this.pager = receivePage(this.pager, result);
    }

    @wire(getObjectInfo, { objectApiName: SESSION_OBJECT })
    wiredObjectInfo({
        data,
        error
    }: UiApi.WireResult<ObjectInfoRepresentation>): void {
        if (data) {
            this.objectInfo = data;
            this.objectInfoError = undefined;
        } else if (error) {
            this.objectInfo = undefined;
            this.objectInfoError = error;
        }
    }

    override connectedCallback(): void {
        this.follower.follow(this.messageContext, this.recordId);
    }

    override disconnectedCallback(): void {
        this.follower.stop();
    }

    handleLoadMore(): void {
        this.pager = requestMore(this.pager);
    }

    // -----------------------------------------------------------------------------------------
    // States and view model
    // -----------------------------------------------------------------------------------------

    get rows(): HistoryRow[] {
        return sortNewestFirst(
            this.pager.records.map((record, index) =>
                readHistoryRow(record, index)
            )
        );
    }

    get groups(): HistoryGroupView[] {
        return groupHistory(this.rows.slice(0, this.pager.visibleLimit), {
            locale: LOCALE,
            timeZone: TIME_ZONE,
            objectInfo: this.objectInfo
        });
    }

    get hasSession(): boolean {
        return Boolean(this.sessionId);
    }

    /** Loading, error, rows, empty and "load more" states, shown by the frame. */
    get paging(): PagerView {
        return pagerView(this.pager, this.hasSession);
    }

    get isPartial(): boolean {
        return this.pager.records.some(
            (record) => readHistoryRow(record).valuesHidden
        );
    }

    get hasLabelsError(): boolean {
        return Boolean(this.objectInfoError) && !this.objectInfo;
    }
}
