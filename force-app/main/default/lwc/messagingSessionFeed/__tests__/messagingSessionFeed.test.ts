/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- tests drive the wire adapters' test doubles. */
import MessagingSessionFeed from 'c/messagingSessionFeed';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
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

import feedsFixture from './data/getRelatedListRecordsFeeds.json';
import feedsEmpty from './data/getRelatedListRecordsFeedsEmpty.json';
import feedsHidden from './data/getRelatedListRecordsFeedsHidden.json';
import unsupported from './data/getRelatedListRecordsUnsupported.json';

const feedAdapter = getRelatedListRecords as unknown as TestWireAdapter;
const mockSubscribe = subscribe as unknown as jest.Mock;
const mockUnsubscribe = unsubscribe as unknown as jest.Mock;

const SID = '0Mwxx0000000001CAA';
type FeedElement = RecordPageElement;
type Collection = typeof feedsFixture;

function mount(recordId: string | null = SID): FeedElement {
    return mountWithRecordId<FeedElement>(
        'c-messaging-session-feed',
        MessagingSessionFeed,
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

async function loaded(
    collection: unknown = feedsFixture
): Promise<FeedElement> {
    const element = mount();
    await flush();
    feedAdapter.emit(clone(collection));
    await flush();
    return element;
}

function generatedPage(
    start: number,
    size: number,
    nextPageToken: string | null
): Collection {
    const page = clone(feedsFixture);
    const template = page.records[0];
    page.records = Array.from({ length: size }, (_, offset) => {
        const index = start + offset;
        const row = clone(template);
        row.id = `0D5xx${String(index).padStart(10, '0')}AAA`;
        row.fields.Id.value = row.id;
        row.fields.Body.value = `<p>Post ${index}</p>`;
        row.fields.CreatedDate.value = new Date(
            Date.parse('2026-12-31T00:00:00.000Z') - index * 60000
        ).toISOString();
        return row;
    });
    page.count = size;
    (page as { nextPageToken: string | null }).nextPageToken = nextPageToken;
    return page;
}

afterEach(() => {
    clearDocumentBody();
    jest.clearAllMocks();
});

describe('adapter config', () => {
    it('reads the Feeds related list with ObjectApiName.Field names', async () => {
        mount();
        await flush();
        const config = feedAdapter.getLastConfig();
        expect(config).toEqual(
            expect.objectContaining({
                parentRecordId: SID,
                relatedListId: 'Feeds',
                pageSize: 20,
                pageToken: undefined,
                sortBy: ['-CreatedDate'],
                fields: [
                    'MessagingSessionFeed.Id',
                    'MessagingSessionFeed.Type',
                    'MessagingSessionFeed.CreatedDate'
                ]
            })
        );
        expect(config.optionalFields).toEqual(
            expect.arrayContaining([
                'MessagingSessionFeed.Title',
                'MessagingSessionFeed.Body',
                'MessagingSessionFeed.LinkUrl',
                'MessagingSessionFeed.CreatedBy.Name',
                'MessagingSessionFeed.CommentCount',
                'MessagingSessionFeed.LikeCount'
            ])
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
        const element = await loaded(feedsEmpty);
        expect(text(inFrame(element, '.empty'))).toBe(
            'Nothing has been posted on this session yet.'
        );
        await expect(element).toBeAccessible();
    });

    it('says plainly when the org cannot serve the related list', async () => {
        const element = mount();
        await flush();
        feedAdapter.error(
            unsupported.body,
            unsupported.status,
            unsupported.statusText
        );
        await flush();
        expect(panelMessage(element, '.error')).toContain(
            "This org can't serve this request"
        );
        await expect(element).toBeAccessible();
    });

    it('partial data with every optional field hidden or null', async () => {
        const element = await loaded(feedsHidden);
        expect(text($(element, '.partial-notice'))).toContain('hidden');
        const item = $(element, '.feed-item')!;
        expect(text(item.querySelector('.author'))).toBe('Unknown user');
        expect(item.querySelector('lightning-formatted-rich-text')).toBeNull();
        expect(item.querySelector('lightning-formatted-text')).toBeNull();
        expect(item.querySelector('.counts')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('follows the list selection on an App page', async () => {
        const subscription = { id: 'sub' };
        mockSubscribe.mockReturnValueOnce(subscription);
        const element = mount(null);
        await flush();
        expect(text(inFrame(element, '.empty-selection'))).toBe(
            'Select a messaging session in the list to see its feed.'
        );
        (mockSubscribe.mock.calls[0][2] as (message: unknown) => void)({
            recordId: SID,
            source: 'list'
        });
        await flush();
        expect(feedAdapter.getLastConfig().parentRecordId).toBe(SID);
        document.body.removeChild(element);
        expect(mockUnsubscribe).toHaveBeenCalledWith(subscription);
    });
});

describe('item types', () => {
    it('renders text posts, link posts and tracked changes each in its own way, newest first', async () => {
        const element = await loaded();
        const items = $$(element, '.feed-item');
        expect(items.map((item) => item.dataset.kind)).toEqual([
            'text',
            'text',
            'trackedChange',
            'link',
            'text',
            'link',
            'other'
        ]);

        const [plain, xss, tracked, link, post, unsafe, other] = items;
        // IsRichText true: the body is rich text, sanitized by lightning-formatted-rich-text.
        const richText = post.querySelector(
            'lightning-formatted-rich-text'
        ) as HTMLElement & { value: string };
        expect(richText.value).toBe(
            '<p>Customer asked about <b>invoice 1042</b>.</p>'
        );
        expect(post.querySelector('lightning-formatted-text')).toBeNull();

        // IsRichText false: the body is plain text, shown as written, markup-like characters included.
        const plainBody = plain.querySelector(
            'lightning-formatted-text'
        ) as HTMLElement & { value: string };
        expect(plainBody.value).toBe('2 < 3 and <b>');
        expect(plain.querySelector('lightning-formatted-rich-text')).toBeNull();
        expect(plain.querySelector('b')).toBeNull();
        expect(text(post.querySelector('.counts'))).toBe(
            'Comments: 2 · Likes: 1'
        );
        expect(text(post.querySelector('.author'))).toBe('Ada Agent');

        expect(text(tracked.querySelector('.tracked-change'))).toBe(
            'Updated tracked fields of this session.'
        );
        expect(tracked.querySelector('lightning-formatted-url')).toBeNull();

        const url = link.querySelector(
            'lightning-formatted-url'
        ) as HTMLElement & { value: string; label: string };
        expect(url.value).toBe('https://help.example.com/refunds');
        expect(url.label).toBe('Refund policy');
        expect(text(link)).toContain('Link');

        // A javascript: link is never made clickable.
        expect(unsafe.querySelector('lightning-formatted-url')).toBeNull();
        expect(text(unsafe.querySelector('.unsafe-link'))).toContain(
            `${'javascript'}:alert(1)`
        );

        expect(text(other)).toContain('Feed item');

        // Markup in a plain-text body is text: never parsed, nothing runs.
        const xssBody = xss.querySelector(
            'lightning-formatted-text'
        ) as HTMLElement & { value: string };
        expect(xssBody.value).toContain('<script>');
        expect(xss.querySelector('lightning-formatted-rich-text')).toBeNull();
        expect(element.shadowRoot!.querySelector('script')).toBeNull();
        expect(element.shadowRoot!.querySelector('img')).toBeNull();
        await expect(element).toBeAccessible();
    });
});

describe('paging', () => {
    it('loads more with the nextPageToken', async () => {
        const element = await loaded(generatedPage(0, 20, 'next-20'));
        expect($$(element, '.feed-item')).toHaveLength(20);
        (inFrame(element, '.load-more') as HTMLElement).click();
        await flush();
        expect(feedAdapter.getLastConfig().pageToken).toBe('next-20');
        feedAdapter.emit(generatedPage(20, 5, null));
        await flush();
        expect($$(element, '.feed-item')).toHaveLength(25);
        expect(inFrame(element, '.load-more')).toBeNull();
    });
});
