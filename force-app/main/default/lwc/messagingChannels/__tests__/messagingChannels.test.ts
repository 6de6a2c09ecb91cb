import {
    readBacklogDrillIn,
    readSelectedMessage,
    readSessionsChangedMessage
} from 'c/messagingChannels';
import { WAITING_STATUSES } from 'c/messagingSessionSchema';

const QUEUE = '00G000000000001AAA';
const CHANNEL = '0Mj000000000001AAA';

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

describe('readSessionsChangedMessage', () => {
    it('reads a valid payload and keeps only string ids', () => {
        expect(
            readSessionsChangedMessage({
                reason: 'sessionUpdated',
                source: 'detail',
                recordIds: ['a', 3, '', 'b']
            })
        ).toEqual({
            reason: 'sessionUpdated',
            source: 'detail',
            recordIds: ['a', 'b']
        });
        expect(
            readSessionsChangedMessage({ reason: 'conversationStarted' })
        ).toEqual({
            reason: 'conversationStarted',
            source: ''
        });
    });

    it('rejects unknown reasons and non-objects', () => {
        expect(
            readSessionsChangedMessage({ reason: 'somethingElse', source: 'x' })
        ).toBeNull();
        expect(readSessionsChangedMessage('sessionsChanged')).toBeNull();
        expect(readSessionsChangedMessage(null)).toBeNull();
    });
});

describe('readBacklogDrillIn', () => {
    it('waits for Waiting and New sessions', () => {
        expect(WAITING_STATUSES).toEqual(['Waiting', 'New']);
    });

    it('reads a queue drill-in', () => {
        expect(
            readBacklogDrillIn({
                source: 'messagingBacklog',
                queueId: QUEUE,
                messagingChannelId: null,
                channelType: null,
                statuses: ['Waiting', 'New'],
                sortBy: 'StartTime',
                sortDirection: 'ASC',
                label: 'Support EMEA'
            })
        ).toEqual({
            source: 'messagingBacklog',
            queueId: QUEUE,
            messagingChannelId: null,
            channelType: null,
            statuses: ['Waiting', 'New'],
            sortBy: 'StartTime',
            sortDirection: 'ASC',
            label: 'Support EMEA'
        });
    });

    it('reads a channel drill-in by id and type, or by type alone', () => {
        expect(
            readBacklogDrillIn({
                messagingChannelId: CHANNEL,
                channelType: 'WhatsApp',
                label: 'WA'
            })
        ).toMatchObject({
            queueId: null,
            messagingChannelId: CHANNEL,
            channelType: 'WhatsApp',
            statuses: ['Waiting', 'New']
        });
        expect(
            readBacklogDrillIn({ channelType: 'Facebook', label: 'Facebook' })
        ).toMatchObject({ messagingChannelId: null, channelType: 'Facebook' });
    });

    it('refuses payloads that name nothing, and cleans what it cannot trust', () => {
        expect(readBacklogDrillIn(null)).toBeNull();
        expect(readBacklogDrillIn('00G000000000001AAA')).toBeNull();
        expect(readBacklogDrillIn({ queueId: 'not an id' })).toBeNull();
        expect(readBacklogDrillIn({ channelType: '' })).toBeNull();
        expect(
            readBacklogDrillIn({
                queueId: QUEUE,
                channelType: 'Text',
                statuses: ['Active', 'Waiting'],
                sortBy: 'Name',
                label: 7
            })
        ).toEqual({
            source: '',
            queueId: QUEUE,
            messagingChannelId: null,
            channelType: null,
            statuses: ['Waiting'],
            sortBy: 'StartTime',
            sortDirection: 'ASC',
            label: ''
        });
    });

    it('takes a queue or channel only by a 15- or 18-character record id', () => {
        const queueOf = (queueId: unknown) =>
            readBacklogDrillIn({ queueId })?.queueId ?? null;
        expect(queueOf('005xx0000001OwnAAA')).toBe('005xx0000001OwnAAA');
        expect(queueOf('005xx0000001Own')).toBe('005xx0000001Own');
        expect(queueOf('005xx0000001OwnAA')).toBeNull();
        expect(queueOf('Ada Agent')).toBeNull();
        expect(queueOf(42)).toBeNull();
        expect(
            readBacklogDrillIn({ messagingChannelId: '0Mj00000000001' })
        ).toBeNull();
    });
});
