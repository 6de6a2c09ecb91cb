import {
    buildFeedItem,
    buildFeedItems,
    classifyFeedItem,
    safeLinkUrl
} from '../feedModel';
import feeds from './data/getRelatedListRecordsFeeds.json';

describe('feedModel', () => {
    it('classifies feed item types', () => {
        expect(classifyFeedItem('TextPost')).toBe('text');
        expect(classifyFeedItem('AdvancedTextPost')).toBe('text');
        expect(classifyFeedItem('LinkPost')).toBe('link');
        expect(classifyFeedItem('TrackedChange')).toBe('trackedChange');
        expect(classifyFeedItem('ContentPost')).toBe('other');
        expect(classifyFeedItem(null)).toBe('other');
    });

    it('links only web addresses', () => {
        expect(safeLinkUrl('https://example.com/a?b=1')).toBe(
            'https://example.com/a?b=1'
        );
        expect(safeLinkUrl(' http://example.com ')).toBe('http://example.com');
        expect(safeLinkUrl(`${'javascript'}:alert(1)`)).toBeNull();
        expect(safeLinkUrl('data:text/html,<script>')).toBeNull();
        expect(safeLinkUrl(null)).toBeNull();
    });

    it('builds items newest first with counts and safe links', () => {
        const items = buildFeedItems(
            feeds.records as unknown as UiApi.RecordRepresentation[],
            {
                locale: 'en-US',
                timeZone: 'America/Los_Angeles'
            }
        );
        expect(items.map((item) => item.kind)).toEqual([
            'text',
            'text',
            'trackedChange',
            'link',
            'text',
            'link',
            'other'
        ]);
        expect(items[3]).toEqual(
            expect.objectContaining({
                hasLink: true,
                title: 'Refund policy',
                countsText: ''
            })
        );
        expect(items[4].countsText).toBe('Comments: 2 · Likes: 1');
        expect(items[5]).toEqual(
            expect.objectContaining({
                hasLink: false,
                hasUnsafeLink: true,
                linkUrl: ''
            })
        );
    });

    it('treats a body as rich text only when IsRichText is true', () => {
        const context = { locale: 'en-US', timeZone: 'UTC' };
        const post = (isRichText: unknown): UiApi.RecordRepresentation =>
            ({
                apiName: 'MessagingSessionFeed',
                id: '0D5xx00000Fd00009A',
                fields: {
                    Id: { displayValue: null, value: '0D5xx00000Fd00009A' },
                    Type: { displayValue: 'TextPost', value: 'TextPost' },
                    Body: { displayValue: null, value: '2 < 3 and <b>' },
                    CreatedDate: {
                        displayValue: null,
                        value: '2026-11-20T09:45:00.000Z'
                    },
                    ...(isRichText === undefined
                        ? {}
                        : {
                              IsRichText: {
                                  displayValue: null,
                                  value: isRichText
                              }
                          })
                }
            }) as unknown as UiApi.RecordRepresentation;
        expect(buildFeedItem(post(true), context).isRichText).toBe(true);
        expect(buildFeedItem(post(false), context).isRichText).toBe(false);
        // Not returned (hidden) or null: plain text, the safe reading.
        expect(buildFeedItem(post(undefined), context).isRichText).toBe(false);
        expect(buildFeedItem(post(null), context).isRichText).toBe(false);
        expect(buildFeedItem(post('true'), context).isRichText).toBe(false);
        expect(buildFeedItem(post(false), context).body).toBe('2 < 3 and <b>');
    });
});
