// Shared by the backlog and the list: the drill-in payload reader and App Builder intervals.
import {
    WAITING_STATUSES,
    readBacklogDrillIn,
    readIntervalSeconds
} from 'c/messagingSessionModel';

const QUEUE = '00G000000000001AAA';
const CHANNEL = '0Mj000000000001AAA';

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
});

describe('readIntervalSeconds', () => {
    it('keeps 0 as off, clamps to [min, 3600] and rounds', () => {
        expect(readIntervalSeconds(0, 60, 15)).toBe(0);
        expect(readIntervalSeconds('0', 60, 15)).toBe(0);
        expect(readIntervalSeconds(5, 60, 15)).toBe(15);
        expect(readIntervalSeconds('90.4', 60, 15)).toBe(90);
        expect(readIntervalSeconds(99999, 60, 15)).toBe(3600);
    });

    it('gives the fallback for empty, negative or unreadable input', () => {
        for (const input of [undefined, null, '', '  ', 'soon', -1, NaN]) {
            expect({
                input,
                seconds: readIntervalSeconds(input, 300, 60)
            }).toEqual({
                input,
                seconds: 300
            });
        }
    });
});
