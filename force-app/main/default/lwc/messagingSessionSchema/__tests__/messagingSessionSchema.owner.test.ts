// The session owner (User or queue) and message counts, as the list, detail and metrics read them.
import {
    messageCountText,
    ownerView,
    readSessionOwner
} from 'c/messagingSessionSchema';

const QUEUE = '00G5g000000QuE1EAK';
const ADA = '0055g000000AdaAAAC';

/** A UI API record with the spanning Owner field, in the shape getRecord returns. */
function record(fields: Record<string, unknown>): UiApi.RecordRepresentation {
    return {
        apiName: 'MessagingSession',
        id: '0Mw5g000000AbC1CAK',
        fields
    } as unknown as UiApi.RecordRepresentation;
}

describe('readSessionOwner', () => {
    it('reads the GraphQL Owner union by __typename', () => {
        expect(
            readSessionOwner({
                OwnerId: { value: QUEUE },
                Owner: {
                    __typename: 'Group',
                    Id: QUEUE,
                    Name: { value: 'Messaging Queue' }
                }
            })
        ).toEqual({ kind: 'queue', id: QUEUE, name: 'Messaging Queue' });
        expect(
            readSessionOwner({
                OwnerId: { value: ADA },
                Owner: {
                    __typename: 'User',
                    Id: ADA,
                    Name: { value: 'Ada Agent' }
                }
            })
        ).toEqual({ kind: 'user', id: ADA, name: 'Ada Agent' });
    });

    it('reads Owner: null beside an OwnerId as hidden, and a null OwnerId as none', () => {
        expect(
            readSessionOwner({ OwnerId: { value: ADA }, Owner: null })
        ).toEqual({ kind: 'hidden', id: ADA, name: null });
        // @optional left both out: field-level security hides the owner.
        expect(readSessionOwner({})).toEqual({
            kind: 'hidden',
            id: null,
            name: null
        });
        expect(
            readSessionOwner({ OwnerId: { value: null }, Owner: null })
        ).toEqual({ kind: 'none', id: null, name: null });
    });

    it('falls back on the key prefix without a type name, and keeps a hidden name as null', () => {
        expect(
            readSessionOwner({
                OwnerId: { value: QUEUE },
                Owner: { Name: { value: 'Messaging Queue' } }
            }).kind
        ).toBe('queue');
        expect(
            readSessionOwner({
                OwnerId: { value: ADA },
                Owner: { __typename: 'User', Id: ADA }
            })
        ).toEqual({ kind: 'user', id: ADA, name: null });
    });

    it('reads a UI API record by the apiName of the spanning Owner record', () => {
        expect(
            readSessionOwner(
                record({
                    OwnerId: { value: QUEUE, displayValue: null },
                    Owner: {
                        displayValue: 'Messaging Queue',
                        value: {
                            apiName: 'Group',
                            id: QUEUE,
                            fields: {
                                Name: {
                                    value: 'Messaging Queue',
                                    displayValue: null
                                }
                            }
                        }
                    }
                })
            )
        ).toEqual({ kind: 'queue', id: QUEUE, name: 'Messaging Queue' });
        expect(
            readSessionOwner(
                record({
                    OwnerId: { value: ADA, displayValue: null },
                    Owner: { value: null, displayValue: null }
                })
            )
        ).toEqual({ kind: 'hidden', id: ADA, name: null });
        expect(readSessionOwner(record({}))).toEqual({
            kind: 'hidden',
            id: null,
            name: null
        });
        expect(
            readSessionOwner(
                record({ OwnerId: { value: null, displayValue: null } })
            ).kind
        ).toBe('none');
    });
});

describe('ownerView', () => {
    it('names a hidden owner as hidden, never as not set', () => {
        const hidden = ownerView(
            { kind: 'hidden', id: ADA, name: null },
            'Not set'
        );
        expect(hidden).toMatchObject({
            text: 'Owner hidden',
            isHidden: true,
            isQueue: false
        });
        expect(
            ownerView({ kind: 'none', id: null, name: null }, 'Not set').text
        ).toBe('Not set');
        expect(
            ownerView(
                { kind: 'queue', id: QUEUE, name: 'Messaging Queue' },
                'Not set'
            )
        ).toMatchObject({
            text: 'Messaging Queue',
            isQueue: true,
            queueBadge: 'Queue'
        });
    });
});

describe('messageCountText', () => {
    it('says "Not counted" for a count Salesforce did not make, never 0', () => {
        expect(messageCountText(null, 'en-US')).toBe('Not counted');
        expect(messageCountText(undefined, 'en-US')).toBe('Not counted');
        expect(messageCountText(0, 'en-US')).toBe('0');
        expect(messageCountText(1234, 'en-US')).toBe('1,234');
        expect(messageCountText(7, 'not a locale!')).toBe('7');
    });
});
