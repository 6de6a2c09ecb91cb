import {
    CHANNEL_TYPES,
    SESSION_FIELDS,
    SESSION_STATUSES,
    channelIcon,
    describeError,
    errorMessage,
    formatDuration,
    formatLabel,
    isEnhancedSession,
    isOpenStatus,
    lookupLabel,
    picklistLabel,
    readSelectedMessage,
    sessionDurations,
    timeSpan,
    UNKNOWN_CHANNEL_ICON
} from 'c/messagingSessionModel';

import getRecordError from './data/getRecordError.json';
import getRelatedListRecordsUnsupported from './data/getRelatedListRecordsUnsupported.json';
import graphqlErrors from './data/graphqlErrors.json';
import updateRecordConflict from './data/updateRecordConflict.json';
import updateRecordFieldError from './data/updateRecordFieldError.json';
import updateRecordLocked from './data/updateRecordLocked.json';
import updateRecordPageError from './data/updateRecordPageError.json';

const START = '2026-11-20T09:00:00.000Z';
const ACCEPT = '2026-11-20T09:02:30.000Z';
const END = '2026-11-20T09:32:30.000Z';

describe('field references', () => {
    it('point at MessagingSession fields', () => {
        expect(SESSION_FIELDS.status).toEqual({
            objectApiName: 'MessagingSession',
            fieldApiName: 'Status'
        });
        expect(SESSION_FIELDS.messagingEndUserId.fieldApiName).toBe(
            'MessagingEndUserId'
        );
        const objects = new Set(
            Object.values(SESSION_FIELDS).map((field) => field.objectApiName)
        );
        expect([...objects]).toEqual(['MessagingSession']);
    });
});

describe('picklists', () => {
    it('marks the enhanced-only statuses and the open ones', () => {
        const enhanced = SESSION_STATUSES.filter(
            (s) => s.availability === 'enhanced'
        ).map((s) => s.value);
        expect(enhanced).toEqual(['Consent', 'Paused', 'Inactive', 'Error']);
        expect(isOpenStatus('Waiting')).toBe(true);
        expect(isOpenStatus('Ended')).toBe(false);
        expect(isOpenStatus('SomethingNew')).toBe(false);
        expect(isOpenStatus(null)).toBe(false);
    });

    it('labels values, preferring the org display value and keeping unknown values raw', () => {
        expect(picklistLabel(CHANNEL_TYPES, 'Text')).toBe('SMS');
        expect(picklistLabel(CHANNEL_TYPES, 'Text', 'Texto')).toBe('Texto');
        expect(picklistLabel(CHANNEL_TYPES, 'Telepathy')).toBe('Telepathy');
        expect(picklistLabel(CHANNEL_TYPES, null)).toBe('');
    });

    it('gives every channel an icon, and unknown channels a neutral one', () => {
        expect(channelIcon('Text')).toBe('utility:sms');
        expect(channelIcon('Telepathy')).toBe(UNKNOWN_CHANNEL_ICON);
        expect(channelIcon(undefined)).toBe(UNKNOWN_CHANNEL_ICON);
    });

    it('tells enhanced sessions from the channel platform type, else from enhanced-only values', () => {
        expect(
            isEnhancedSession({ platformType: 'Enhanced', channelType: 'Text' })
        ).toBe(true);
        expect(
            isEnhancedSession({ platformType: 'Standard', status: 'Paused' })
        ).toBe(false);
        expect(isEnhancedSession({ channelType: 'EmbeddedMessaging' })).toBe(
            true
        );
        expect(
            isEnhancedSession({ channelType: 'Text', status: 'Inactive' })
        ).toBe(true);
        expect(
            isEnhancedSession({ channelType: 'Text', status: 'Active' })
        ).toBe(false);
        expect(isEnhancedSession({})).toBe(false);
    });
});

describe('durations', () => {
    it('measures wait, handle and length of an ended session', () => {
        const durations = sessionDurations({
            startTime: START,
            acceptTime: ACCEPT,
            endTime: END
        });
        expect(durations.wait).toEqual({ seconds: 150, state: 'complete' });
        expect(durations.handle).toEqual({ seconds: 1800, state: 'complete' });
        expect(durations.length).toEqual({ seconds: 1950, state: 'complete' });
    });

    it('runs the open spans up to now, and only when now is given', () => {
        const now = Date.parse('2026-11-20T09:10:00.000Z');
        const open = sessionDurations(
            { startTime: START, acceptTime: ACCEPT, endTime: null },
            now
        );
        expect(open.wait).toEqual({ seconds: 150, state: 'complete' });
        expect(open.handle).toEqual({ seconds: 450, state: 'running' });
        expect(open.length).toEqual({ seconds: 600, state: 'running' });
        const waiting = sessionDurations(
            { startTime: START, acceptTime: null, endTime: null },
            now
        );
        expect(waiting.wait).toEqual({ seconds: 600, state: 'running' });
        expect(waiting.handle.state).toBe('unavailable');
        expect(sessionDurations({ startTime: START }).wait.state).toBe(
            'unavailable'
        );
    });

    it('never measures an ended session against now', () => {
        const now = Date.parse('2026-12-01T00:00:00.000Z');
        const neverAccepted = sessionDurations(
            { startTime: START, acceptTime: null, endTime: END },
            now
        );
        expect(neverAccepted.wait.state).toBe('unavailable');
        expect(neverAccepted.handle.state).toBe('unavailable');
        expect(neverAccepted.length).toEqual({
            seconds: 1950,
            state: 'complete'
        });
    });

    it('flags an EndTime before the AcceptTime instead of showing a negative number', () => {
        const durations = sessionDurations({
            startTime: START,
            acceptTime: END,
            endTime: ACCEPT
        });
        expect(durations.handle).toEqual({ seconds: null, state: 'invalid' });
        expect(durations.wait.state).toBe('complete');
        expect(durations.length).toEqual({ seconds: 150, state: 'complete' });
    });

    it('flags an AcceptTime before the StartTime, and unreadable dates', () => {
        expect(timeSpan(ACCEPT, START)).toEqual({
            seconds: null,
            state: 'invalid'
        });
        expect(timeSpan('not a date', END)).toEqual({
            seconds: null,
            state: 'invalid'
        });
        expect(timeSpan(START, 'yesterday-ish')).toEqual({
            seconds: null,
            state: 'invalid'
        });
    });

    it('treats every nillable time as absent, not as zero', () => {
        const none = sessionDurations(
            { startTime: null, acceptTime: null, endTime: null },
            Date.now()
        );
        expect(none).toEqual({
            wait: { seconds: null, state: 'unavailable' },
            handle: { seconds: null, state: 'unavailable' },
            length: { seconds: null, state: 'unavailable' }
        });
        expect(sessionDurations({}).length.state).toBe('unavailable');
        expect(timeSpan('', END).state).toBe('unavailable');
    });

    it('does not count a start in the future as negative waiting', () => {
        const now = Date.parse(START) - 5000;
        expect(timeSpan(START, null, now)).toEqual({
            seconds: 0,
            state: 'running'
        });
    });

    it('formats seconds as the two largest units', () => {
        expect(formatDuration(0)).toBe('0s');
        expect(formatDuration(12.9)).toBe('12s');
        expect(formatDuration(249)).toBe('4m 09s');
        expect(formatDuration(3900)).toBe('1h 05m');
        expect(formatDuration(2 * 86400 + 3 * 3600 + 59)).toBe('2d 3h');
        expect(formatDuration(null)).toBe('');
        expect(formatDuration(-5)).toBe('');
        expect(formatDuration(Number.NaN)).toBe('');
    });

    it('shows lookup labels without the " ID" of their describe label', () => {
        expect(lookupLabel('Case ID')).toBe('Case');
        expect(lookupLabel('Owner ID')).toBe('Owner');
        expect(lookupLabel('Messaging Channel')).toBe('Messaging Channel');
        expect(lookupLabel('PAID')).toBe('PAID');
        expect(lookupLabel(null)).toBe('');
    });

    it('fills label placeholders and leaves unknown ones', () => {
        expect(formatLabel('{0} of {1}', 3, 'ten')).toBe('3 of ten');
        expect(formatLabel('{0} and {2}', 'a')).toBe('a and {2}');
    });
});

describe('readSelectedMessage', () => {
    it('accepts a message with a record id and refuses anything else', () => {
        expect(
            readSelectedMessage({
                recordId: '0Mw000000000001AAA',
                source: 'list'
            })
        ).toEqual({
            recordId: '0Mw000000000001AAA',
            source: 'list'
        });
        expect(readSelectedMessage({ recordId: 42 })).toBeNull();
        expect(readSelectedMessage({ recordId: '' })).toBeNull();
        expect(readSelectedMessage(null)).toBeNull();
        expect(
            readSelectedMessage({ recordId: '0Mw000000000001AAA' })?.source
        ).toBe('');
    });
});

describe('describeError', () => {
    it('reads a UI API read error (array body) and says it is about access', () => {
        const error = describeError(getRecordError);
        expect(error.kind).toBe('access');
        expect(error.message).toContain(
            "You don't have access to this record."
        );
        expect(error.message).toContain('permission set');
    });

    it('says plainly when the org cannot serve a related list', () => {
        const error = describeError(getRelatedListRecordsUnsupported);
        expect(error.kind).toBe('unsupported');
        expect(error.message).toContain("isn't a supported related list");
    });

    it('reads record write field errors and keeps them by field', () => {
        const error = describeError(updateRecordFieldError);
        expect(error.kind).toBe('validation');
        expect(error.fieldErrors).toEqual({
            CaseId: 'Case ID: id value of incorrect type: 0015g00000XyZAbAAN'
        });
        expect(error.message).toContain(
            'An error occurred while trying to update the record.'
        );
    });

    it('reads pageErrors and fieldErrors', () => {
        const error = describeError(updateRecordPageError);
        expect(error.message).toBe(
            'A session linked to a case must keep its case.'
        );
        expect(error.fieldErrors.OwnerId).toBe('Owner: invalid user or queue');
        expect(error.kind).toBe('validation');
    });

    it('reports a concurrent change as a conflict', () => {
        const error = describeError(updateRecordConflict);
        expect(error.kind).toBe('conflict');
        expect(error.message).toMatch(/^Someone else changed this record/);
    });

    it('reports a locked record as locked, not as a save conflict that reloading could fix', () => {
        const error = describeError(updateRecordLocked);
        expect(error.kind).toBe('locked');
        expect(error.message).not.toMatch(/Someone else changed/);
        expect(error.message).toMatch(/^This record is locked/);
        // The server's own words stay, so the user learns what holds the lock.
        expect(error.message).toContain('entity is locked for approval');
    });

    it('reads GraphQL errors, from a result or from the errors array alone', () => {
        expect(errorMessage(graphqlErrors)).toContain(
            "Field 'MSC_WaitSeconds__c' in type 'MessagingSession' is undefined"
        );
        expect(errorMessage(graphqlErrors.errors)).toContain(
            'MSC_WaitSeconds__c'
        );
    });

    it('reads network failures', () => {
        const failed = describeError(new TypeError('Failed to fetch'));
        expect(failed.kind).toBe('network');
        expect(failed.message).toContain("Salesforce can't be reached");
        expect(
            describeError({ status: 0, statusText: '', body: null }).kind
        ).toBe('network');
    });

    it('reads strings, Error objects, plain objects and lists of them', () => {
        expect(errorMessage('Plain text')).toBe('Plain text');
        expect(errorMessage(new Error('Boom'))).toBe('Boom');
        expect(errorMessage({ errorCode: 'X', message: 'Plain object' })).toBe(
            'Plain object'
        );
        expect(errorMessage([new Error('One'), 'Two', 'One'])).toBe('One Two');
        expect(
            describeError({ status: 404, statusText: 'Not Found', body: [] })
                .kind
        ).toBe('notFound');
    });

    it('has a readable message for nothing at all', () => {
        for (const empty of [undefined, null, {}, [], '', { body: [] }]) {
            expect(errorMessage(empty)).toMatch(/^Something went wrong/);
        }
    });
});
