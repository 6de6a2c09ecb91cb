/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- tests drive the wire adapters' test doubles. */
import MessagingSessionHistory from 'c/messagingSessionHistory';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { subscribe, unsubscribe } from 'lightning/messageService';
import {
    $,
    $$,
    clearDocumentBody,
    clone,
    flush,
    mountWithRecordId,
    text
} from '../../../../../test/jest-utils/domHelpers';
import type {
    RecordPageElement,
    TestWireAdapter
} from '../../../../../test/jest-utils/domHelpers';

import historiesFixture from './data/getRelatedListRecordsHistories.json';
import historiesEmpty from './data/getRelatedListRecordsHistoriesEmpty.json';
import historiesHidden from './data/getRelatedListRecordsHistoriesHidden.json';
import unsupported from './data/getRelatedListRecordsUnsupported.json';
import { RELABELLED_OBJECT_INFO as objectInfoFixture } from '../../../../../test/jest-utils/objectInfo';

const historyAdapter = getRelatedListRecords as unknown as TestWireAdapter;
const objectInfoAdapter = getObjectInfo as unknown as TestWireAdapter;
const mockSubscribe = subscribe as unknown as jest.Mock;
const mockUnsubscribe = unsubscribe as unknown as jest.Mock;

const SID = '0Mwxx0000000001CAA';
type Collection = typeof historiesFixture;
type HistoryElement = RecordPageElement;

function mount(recordId: string | null = SID): HistoryElement {
    return mountWithRecordId<HistoryElement>(
        'c-messaging-session-history',
        MessagingSessionHistory,
        recordId
    );
}

/** The related-list frame: its shadow holds the states and "load more"; the rows stay slotted in ours. */
function inFrame(element: HTMLElement, selector: string): HTMLElement | null {
    const frame = $(element, 'c-messaging-related-list-frame');
    return frame ? $(frame, selector) : null;
}

/** The message of one of the frame's error panels ('' when it shows none). */
function panelMessage(element: HTMLElement, selector: string): string {
    const panel = inFrame(element, selector);
    return panel ? text($(panel, '.message')) : '';
}

/** A page of `size` generated history rows, numbered from `start`, one minute apart, newest first. */
function generatedPage(
    start: number,
    size: number,
    nextPageToken: string | null
): Collection {
    const page = clone(historiesFixture);
    const template = page.records[1];
    page.records = Array.from({ length: size }, (_, offset) => {
        const index = start + offset;
        const row = clone(template);
        const id = `017xx${String(index).padStart(10, '0')}AAA`;
        row.id = id;
        row.fields.Id.value = id;
        row.fields.Field.value = 'ChannelIntent';
        row.fields.DataType.value = 'Text';
        row.fields.OldValue.value = `Intent ${index + 1}`;
        row.fields.NewValue.value = `Intent ${index}`;
        row.fields.CreatedDate.value = new Date(
            Date.parse('2026-12-31T00:00:00.000Z') - index * 60000
        ).toISOString();
        return row;
    });
    page.count = size;
    (page as { nextPageToken: string | null }).nextPageToken = nextPageToken;
    page.currentPageToken = String(start);
    return page;
}

async function loaded(
    collection: unknown = historiesFixture,
    info: unknown = objectInfoFixture
): Promise<HistoryElement> {
    const element = mount();
    await flush();
    if (info) objectInfoAdapter.emit(clone(info));
    historyAdapter.emit(clone(collection));
    await flush();
    return element;
}

afterEach(() => {
    clearDocumentBody();
    jest.clearAllMocks();
});

describe('adapter config', () => {
    it('reads the Histories related list with ObjectApiName.Field names, newest first, in pages', async () => {
        mount();
        await flush();
        const config = historyAdapter.getLastConfig();
        expect(config).toEqual(
            expect.objectContaining({
                parentRecordId: SID,
                relatedListId: 'Histories',
                pageSize: 50,
                pageToken: undefined,
                sortBy: ['-CreatedDate']
            })
        );
        expect(config.fields).toEqual([
            'MessagingSessionHistory.Id',
            'MessagingSessionHistory.Field',
            'MessagingSessionHistory.CreatedDate'
        ]);
        expect(config.optionalFields).toEqual(
            expect.arrayContaining([
                'MessagingSessionHistory.OldValue',
                'MessagingSessionHistory.NewValue',
                'MessagingSessionHistory.DataType',
                'MessagingSessionHistory.CreatedBy.Name'
            ])
        );
        expect(objectInfoAdapter.getLastConfig().objectApiName).toEqual(
            expect.objectContaining({ objectApiName: 'MessagingSession' })
        );
    });
});

describe('states', () => {
    it('loading', async () => {
        const element = mount();
        await flush();
        expect(inFrame(element, 'lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('empty', async () => {
        const element = await loaded(historiesEmpty);
        expect(text(inFrame(element, '.empty'))).toContain(
            'No changes have been recorded'
        );
        expect(inFrame(element, '.load-more')).toBeNull();
    });

    it('says plainly when the org cannot serve the related list', async () => {
        const element = mount();
        await flush();
        historyAdapter.error(
            unsupported.body,
            unsupported.status,
            unsupported.statusText
        );
        await flush();
        const error = panelMessage(element, '.error');
        expect(error).toContain("This org can't serve this request");
        expect(error).toContain("Histories isn't a supported related list");
        await expect(element).toBeAccessible();
    });

    it('partial data: values hidden from the user', async () => {
        const element = await loaded(historiesHidden);
        expect(text($(element, '.partial-notice'))).toContain('hidden');
        expect(text($(element, '.history-entry'))).toBe('Changed Status.');
        expect(text($(element, '.actor'))).toBe('Unknown user');
        await expect(element).toBeAccessible();
    });

    it('without object info keeps API names and says why', async () => {
        const element = mount();
        await flush();
        objectInfoAdapter.error(
            [{ errorCode: 'NOT_SUPPORTED', message: 'no' }],
            400
        );
        historyAdapter.emit(clone(historiesFixture));
        await flush();
        expect(text($(element, '.labels-notice'))).toContain('API names');
        expect(text($(element, '[data-field="ChannelGroup"]'))).toBe(
            'Cleared ChannelGroup (was Tier 1).'
        );
    });

    it('follows the list selection on an App page and unsubscribes on disconnect', async () => {
        const subscription = { id: 'sub' };
        mockSubscribe.mockReturnValueOnce(subscription);
        const element = mount(null);
        await flush();
        expect(text(inFrame(element, '.empty-selection'))).toBe(
            'Select a messaging session in the list to see its history.'
        );
        const listener = mockSubscribe.mock.calls[0][2] as (
            message: unknown
        ) => void;
        listener({ recordId: SID, source: 'messagingSessionList' });
        await flush();
        expect(historyAdapter.getLastConfig().parentRecordId).toBe(SID);
        document.body.removeChild(element);
        expect(mockUnsubscribe).toHaveBeenCalledWith(subscription);
    });
});

describe('timeline', () => {
    it('groups changes by minute and user, newest first, with labels, formatted values and event text', async () => {
        const element = await loaded();
        const groups = $$(element, '.history-group');
        // 11:07/11:06 Ada, 11:05/11:00 Bob, 10:15 Bob, 09:02 Ada, 09:00 Ada.
        expect(
            groups.map((group) => text(group.querySelector('.actor')))
        ).toEqual([
            'Ada Agent',
            'Ada Agent',
            'Bob Supervisor',
            'Bob Supervisor',
            'Bob Supervisor',
            'Ada Agent',
            'Ada Agent'
        ]);
        const entries = (index: number): string[] =>
            Array.from(groups[index].querySelectorAll('.history-entry')).map(
                (node) => text(node)
            );
        expect(entries(0)).toEqual([
            'Changed Status from Active to Transferring.'
        ]);
        expect(entries(1)).toEqual(['Posted to the session feed.']);
        expect(entries(2)).toEqual(['Unlocked the session.']);
        expect(entries(3)).toEqual(['Locked the session.']);
        // Same minute, same user: one group, newest first. Unknown custom fields keep their API name.
        expect(entries(4)).toEqual([
            'Changed IsVip__c from No to Yes.',
            `Set Custom_Score__c to ${new Intl.NumberFormat('en-US').format(12345.5)}.`,
            'Cleared Channel Group (was Tier 1).'
        ]);
        const accept = new Intl.DateTimeFormat('en-US', {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: 'America/Los_Angeles'
        }).format(Date.parse('2026-11-20T09:02:30.000Z'));
        // The owner change is stored twice (names, and ids as EntityId): only the readable one shows.
        expect(entries(5)).toEqual([
            'Accepted the session from the queue.',
            'Changed the owner from Billing Queue to Ada Agent.',
            `Set Accept Time to ${accept}.`,
            'Changed Status from Waiting to Active.'
        ]);
        expect(entries(6)).toEqual(['Created the session.']);
        const time = groups[6].querySelector('time')!;
        expect(time.getAttribute('datetime')).toBe('2026-11-20T09:00:05.000Z');
        expect(text(time)).toContain('1:00');
        // The rows are slotted into the frame but stay in this shadow: the text below covers them.
        expect(element.shadowRoot!.textContent).toContain('Billing Queue');
        expect(element.shadowRoot!.textContent).not.toContain(
            '00Gxx000000QueAAA'
        );
        await expect(element).toBeAccessible();
    });
});

describe('paging', () => {
    it('loads the next page with the nextPageToken and appends it', async () => {
        const element = await loaded(generatedPage(0, 50, 'token-50'));
        expect($$(element, '.history-entry')).toHaveLength(50);
        (inFrame(element, '.load-more') as HTMLElement).click();
        await flush();
        expect(historyAdapter.getLastConfig().pageToken).toBe('token-50');
        historyAdapter.emit(generatedPage(50, 50, 'token-100'));
        await flush();
        expect($$(element, '.history-entry')).toHaveLength(100);
        historyAdapter.emit(generatedPage(50, 50, 'token-100'));
        await flush();
        // A page served again does not duplicate rows.
        expect($$(element, '.history-entry')).toHaveLength(100);
        (inFrame(element, '.load-more') as HTMLElement).click();
        await flush();
        historyAdapter.emit(generatedPage(100, 20, null));
        await flush();
        expect($$(element, '.history-entry')).toHaveLength(120);
        expect(inFrame(element, '.load-more')).toBeNull();
    });

    it('never renders a 1999-record history at once', async () => {
        const element = await loaded(generatedPage(0, 1999, null));
        expect($$(element, '.history-entry')).toHaveLength(50);
        (inFrame(element, '.load-more') as HTMLElement).click();
        await flush();
        expect($$(element, '.history-entry')).toHaveLength(100);
        // Revealing already-loaded rows needs no request.
        expect(historyAdapter.getLastConfig().pageToken).toBeUndefined();
    });

    it('keeps the loaded rows when the next page fails', async () => {
        const element = await loaded(generatedPage(0, 50, 'token-50'));
        (inFrame(element, '.load-more') as HTMLElement).click();
        await flush();
        historyAdapter.error(
            [
                {
                    errorCode: 'REQUEST_LIMIT_EXCEEDED',
                    message: 'Too many requests.'
                }
            ],
            503
        );
        await flush();
        expect($$(element, '.history-entry')).toHaveLength(50);
        expect(panelMessage(element, '.load-more-error')).toContain(
            'Too many requests.'
        );
    });
});

describe('repeats and precision', () => {
    /** The fixture's rows with these fields, all by Ada in one minute. */
    function collection(
        rows: Array<{
            id: string;
            field: string;
            dataType: string | null;
            oldValue: unknown;
            newValue: unknown;
            createdDate: string;
        }>
    ): Collection {
        const page = clone(historiesFixture);
        const template = page.records[3];
        page.records = rows.map((values) => {
            const record = clone(template);
            record.id = values.id;
            record.fields.Id.value = values.id;
            record.fields.Field.value = values.field;
            (record.fields.DataType as { value: unknown }).value =
                values.dataType;
            (record.fields.OldValue as { value: unknown }).value =
                values.oldValue;
            (record.fields.NewValue as { value: unknown }).value =
                values.newValue;
            record.fields.CreatedDate.value = values.createdDate;
            return record;
        });
        page.count = rows.length;
        return page;
    }

    it('never reads "from 7:03 AM to 7:03 AM", and says an owner change once', async () => {
        const element = await loaded(
            collection([
                {
                    id: '017xx00000Hst0101AA',
                    field: 'AcceptTime',
                    dataType: 'DateTime',
                    oldValue: '2026-11-20T15:03:10.000Z',
                    newValue: '2026-11-20T15:03:40.000Z',
                    createdDate: '2026-11-20T15:05:20.000Z'
                },
                {
                    id: '017xx00000Hst0102AA',
                    field: 'ownerAssignment',
                    dataType: null,
                    oldValue: null,
                    newValue: null,
                    createdDate: '2026-11-20T15:05:10.000Z'
                },
                {
                    id: '017xx00000Hst0103AA',
                    field: 'Owner',
                    dataType: 'Text',
                    oldValue: 'Billing Queue',
                    newValue: 'Ada Agent',
                    createdDate: '2026-11-20T15:05:10.000Z'
                },
                {
                    id: '017xx00000Hst0104AA',
                    field: 'Owner',
                    dataType: 'EntityId',
                    oldValue: '00Gxx000000QueAAA',
                    newValue: '005xx000001OwnAAA',
                    createdDate: '2026-11-20T15:05:10.000Z'
                }
            ])
        );
        const entries = $$(element, '.history-entry').map((node) => text(node));
        const seconds = (iso: string): string =>
            new Intl.DateTimeFormat('en-US', {
                dateStyle: 'medium',
                timeStyle: 'medium',
                timeZone: 'America/Los_Angeles'
            }).format(Date.parse(iso));
        // At minute precision both values read 7:03 AM: they are shown with their seconds.
        expect(entries).toEqual([
            `Changed Accept Time from ${seconds('2026-11-20T15:03:10.000Z')} to ${seconds('2026-11-20T15:03:40.000Z')}.`,
            'Changed Session Owner from Billing Queue to Ada Agent.'
        ]);
        await expect(element).toBeAccessible();
    });
});
