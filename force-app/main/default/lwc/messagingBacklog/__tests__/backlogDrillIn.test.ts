import { readBacklogDrillIn } from 'c/messagingChannels';
import { channelDrillIn, queueDrillIn } from '../backlogDrillIn';

const QUEUE = '00G000000000001AAA';
const CHANNEL = '0Mj000000000001AAA';

describe('drill-in payload', () => {
    it('names a queue, the waiting statuses and oldest first', () => {
        expect(queueDrillIn('messagingBacklog', QUEUE, 'Support EMEA')).toEqual(
            {
                source: 'messagingBacklog',
                queueId: QUEUE,
                messagingChannelId: null,
                channelType: null,
                statuses: ['Waiting', 'New'],
                sortBy: 'StartTime',
                sortDirection: 'ASC',
                label: 'Support EMEA'
            }
        );
    });

    it('names a channel by id and type, or by type alone', () => {
        expect(
            channelDrillIn('messagingBacklog', CHANNEL, 'WhatsApp', 'WA')
        ).toMatchObject({
            queueId: null,
            messagingChannelId: CHANNEL,
            channelType: 'WhatsApp'
        });
        expect(
            channelDrillIn('messagingBacklog', null, 'Facebook', 'Facebook')
        ).toMatchObject({ messagingChannelId: null, channelType: 'Facebook' });
    });

    it('reads back what it publishes', () => {
        const message = queueDrillIn('messagingBacklog', QUEUE, 'Billing');
        expect(readBacklogDrillIn(JSON.parse(JSON.stringify(message)))).toEqual(
            message
        );
        const channel = channelDrillIn('x', CHANNEL, 'Text', 'SMS US');
        expect(readBacklogDrillIn({ ...channel })).toEqual(channel);
    });
});
