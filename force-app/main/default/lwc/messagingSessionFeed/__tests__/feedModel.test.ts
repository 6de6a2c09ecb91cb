import { buildFeedItems, classifyFeedItem, safeLinkUrl } from '../feedModel';
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
            'trackedChange',
            'link',
            'text',
            'link',
            'other'
        ]);
        expect(items[2]).toEqual(
            expect.objectContaining({
                hasLink: true,
                title: 'Refund policy',
                countsText: ''
            })
        );
        expect(items[3].countsText).toBe('Comments: 2 · Likes: 1');
        expect(items[4]).toEqual(
            expect.objectContaining({
                hasLink: false,
                hasUnsafeLink: true,
                linkUrl: ''
            })
        );
    });
});
