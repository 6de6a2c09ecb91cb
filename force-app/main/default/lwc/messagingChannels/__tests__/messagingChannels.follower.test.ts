import { subscribe, unsubscribe } from 'lightning/messageService';
import type { MessageContextType } from 'lightning/messageService';
import SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import { SelectedSessionFollower } from 'c/messagingChannels';

const mockSubscribe = subscribe as unknown as jest.Mock;
const mockUnsubscribe = unsubscribe as unknown as jest.Mock;
const context = { id: 'context' } as unknown as MessageContextType;
const SID = '0Mwxx0000000001CAA';
const OTHER = '0Mwxx0000000002CAA';
/** What the components pass: lightning/messageService's functions and the selection channel. */
const SELECTION = { subscribe, unsubscribe, channel: SELECTED };

afterEach(() => {
    jest.clearAllMocks();
});

function listener(): (message: unknown) => void {
    return mockSubscribe.mock.calls[0][2] as (message: unknown) => void;
}

describe('SelectedSessionFollower', () => {
    it('subscribes once to MSC_MessagingSessionSelected__c without a record of its own, and unsubscribes on stop', () => {
        const subscription = { id: 'sub' };
        mockSubscribe.mockReturnValueOnce(subscription);
        const follower = new SelectedSessionFollower(jest.fn(), SELECTION);
        follower.follow(context, undefined);
        follower.follow(context, undefined);
        expect(mockSubscribe).toHaveBeenCalledTimes(1);
        expect(mockSubscribe.mock.calls[0][0]).toBe(context);
        expect(mockSubscribe.mock.calls[0][1]).toBe(SELECTED);
        follower.stop();
        expect(mockUnsubscribe).toHaveBeenCalledWith(subscription);
        // Stopped: nothing more to release, and it can follow again.
        follower.stop();
        expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
        mockSubscribe.mockReturnValueOnce({ id: 'sub-2' });
        follower.follow(context, undefined);
        expect(mockSubscribe).toHaveBeenCalledTimes(2);
    });

    it('does not subscribe on a record page', () => {
        const follower = new SelectedSessionFollower(jest.fn(), SELECTION);
        follower.follow(context, SID);
        follower.stop();
        expect(mockSubscribe).not.toHaveBeenCalled();
        expect(mockUnsubscribe).not.toHaveBeenCalled();
    });

    it('passes on each newly selected session, ignoring repeats and malformed messages', () => {
        mockSubscribe.mockReturnValueOnce({ id: 'sub' });
        const onSelect = jest.fn();
        const follower = new SelectedSessionFollower(onSelect, SELECTION);
        follower.follow(context, undefined);
        const receive = listener();
        receive(null);
        receive({ recordId: 42 });
        receive({ recordId: '' });
        expect(onSelect).not.toHaveBeenCalled();
        expect(follower.selectedRecordId).toBeUndefined();
        receive({ recordId: SID, source: 'messagingSessionList' });
        receive({ recordId: SID, source: 'messagingSessionList' });
        expect(onSelect.mock.calls).toEqual([[SID]]);
        receive({ recordId: OTHER });
        expect(onSelect.mock.calls).toEqual([[SID], [OTHER]]);
        expect(follower.selectedRecordId).toBe(OTHER);
    });
});
