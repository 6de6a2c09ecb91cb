import {
    CHANNEL_TYPES,
    SESSION_FIELDS,
    SESSION_STATUSES,
    UNKNOWN_CHANNEL_ICON,
    channelIcon,
    isEnhancedSession,
    isOpenStatus,
    lookupLabel,
    picklistLabel
} from 'c/messagingSessionSchema';

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

describe('field labels', () => {
    it('shows lookup labels without the " ID" of their describe label', () => {
        expect(lookupLabel('Case ID')).toBe('Case');
        expect(lookupLabel('Owner ID')).toBe('Owner');
        expect(lookupLabel('Messaging Channel')).toBe('Messaging Channel');
        expect(lookupLabel('PAID')).toBe('PAID');
        expect(lookupLabel(null)).toBe('');
    });
});
