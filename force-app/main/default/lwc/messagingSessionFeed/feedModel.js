/**
 * Pure logic of messagingSessionFeed: the related-list request and the classification of feed
 * items (text posts, link posts, tracked changes) into what the template renders.
 */
import { getFieldValue } from 'lightning/uiRecordApi';
import { scalarText, scalarValue } from 'c/messagingSessionSchema';
import { formatLabel } from 'c/messagingTime';
import labelCommentCount from '@salesforce/label/c.MSC_FeedCommentCount';
import labelLikeCount from '@salesforce/label/c.MSC_FeedLikeCount';
import labelLinkPost from '@salesforce/label/c.MSC_FeedLinkPost';
import labelOther from '@salesforce/label/c.MSC_FeedOther';
import labelTextPost from '@salesforce/label/c.MSC_FeedTextPost';
import labelTrackedChange from '@salesforce/label/c.MSC_FeedTrackedChange';
import labelTrackedChangeText from '@salesforce/label/c.MSC_FeedTrackedChangeText';
import labelUnknownUser from '@salesforce/label/c.MSC_FeedUnknownUser';
import labelUnsafeLink from '@salesforce/label/c.MSC_FeedUnsafeLink';
export const FEED_OBJECT = 'MessagingSessionFeed';
export const FEED_RELATED_LIST_ID = 'Feeds';
export const FEED_PAGE_SIZE = 20;
const qualified = (field) => `${FEED_OBJECT}.${field}`;
export const FEED_FIELDS = ['Id', 'Type', 'CreatedDate'].map(qualified);
export const FEED_OPTIONAL_FIELDS = [
    'Title',
    'Body',
    'LinkUrl',
    'IsRichText',
    'CommentCount',
    'LikeCount',
    'CreatedById',
    'CreatedBy.Name'
].map(qualified);
export const FEED_SORT_BY = ['-CreatedDate'];
/** FeedItem Type → how the item renders. */
export function classifyFeedItem(type) {
    switch (type) {
        case 'TextPost':
        case 'AdvancedTextPost':
            return 'text';
        case 'LinkPost':
            return 'link';
        case 'TrackedChange':
            return 'trackedChange';
        default:
            return 'other';
    }
}
const KIND_LABEL = {
    text: labelTextPost,
    link: labelLinkPost,
    trackedChange: labelTrackedChange,
    other: labelOther
};
const KIND_ICON = {
    text: 'utility:chat',
    link: 'utility:link',
    trackedChange: 'utility:edit',
    other: 'utility:feed'
};
/** A link a user may follow: http(s) only. javascript:, data: and the like are never linked. */
export function safeLinkUrl(url) {
    if (!url) return null;
    const trimmed = url.trim();
    return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : null;
}
function formatTime(value, context) {
    if (!value) return '';
    const millis = Date.parse(value);
    if (Number.isNaN(millis)) return value;
    try {
        return new Intl.DateTimeFormat(context.locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: context.timeZone
        }).format(millis);
    } catch {
        return new Date(millis).toISOString();
    }
}
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) && value > 0
        ? value
        : 0;
}
export function buildFeedItem(record, context, index = 0) {
    const kind = classifyFeedItem(
        scalarText(getFieldValue(record, qualified('Type')))
    );
    const body = scalarText(getFieldValue(record, qualified('Body'))) ?? '';
    const rawLink = scalarText(getFieldValue(record, qualified('LinkUrl')));
    const linkUrl = safeLinkUrl(rawLink);
    const title = scalarText(getFieldValue(record, qualified('Title'))) ?? '';
    const createdDate = scalarText(
        getFieldValue(record, qualified('CreatedDate'))
    );
    const comments = count(
        scalarValue(getFieldValue(record, qualified('CommentCount')))
    );
    const likes = count(
        scalarValue(getFieldValue(record, qualified('LikeCount')))
    );
    const counts = [
        comments ? formatLabel(labelCommentCount, comments) : '',
        likes ? formatLabel(labelLikeCount, likes) : ''
    ].filter(Boolean);
    return {
        id:
            record.id ??
            scalarText(getFieldValue(record, qualified('Id'))) ??
            `feed-${index}`,
        kind,
        isText: kind === 'text',
        isLink: kind === 'link',
        isTrackedChange: kind === 'trackedChange',
        isOther: kind === 'other',
        typeLabel: KIND_LABEL[kind],
        iconName: KIND_ICON[kind],
        author:
            scalarText(getFieldValue(record, qualified('CreatedBy.Name'))) ??
            labelUnknownUser,
        isoTime: createdDate ?? '',
        timeText: formatTime(createdDate, context),
        body,
        hasBody: body !== '',
        isRichText:
            scalarValue(getFieldValue(record, qualified('IsRichText'))) ===
            true,
        title: title || linkUrl || '',
        linkUrl: linkUrl ?? '',
        hasLink: Boolean(linkUrl),
        unsafeLinkText:
            rawLink && !linkUrl ? formatLabel(labelUnsafeLink, rawLink) : '',
        hasUnsafeLink: Boolean(rawLink && !linkUrl),
        trackedChangeText: labelTrackedChangeText,
        countsText: counts.join(' · ')
    };
}
/** The feed, newest first. */
export function buildFeedItems(records, context) {
    return records
        .map((record, index) => ({
            item: buildFeedItem(record, context, index),
            index
        }))
        .sort((a, b) => {
            const timeA = Date.parse(a.item.isoTime);
            const timeB = Date.parse(b.item.isoTime);
            const safeA = Number.isNaN(timeA) ? -Infinity : timeA;
            const safeB = Number.isNaN(timeB) ? -Infinity : timeB;
            return safeB - safeA || a.index - b.index;
        })
        .map(({ item }) => item);
}
/** Whether records came back without optional fields the user can't see. */
export function feedHasHiddenFields(records) {
    return records.some(
        (record) =>
            record.fields?.Body === undefined ||
            record.fields?.CreatedBy === undefined
    );
}
