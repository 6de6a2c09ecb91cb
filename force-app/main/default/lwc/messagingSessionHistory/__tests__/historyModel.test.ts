import {
    describeHistoryRow,
    formatHistoryValue,
    groupHistory,
    historyFieldLabel,
    sortNewestFirst
} from '../historyModel';
import type { HistoryRow } from '../historyModel';
import { RELABELLED_OBJECT_INFO as objectInfo } from '../../../../../test/jest-utils/objectInfo';

const context = {
    locale: 'en-US',
    timeZone: 'America/Los_Angeles',
    objectInfo: objectInfo as unknown as UiApi.ObjectInfoRepresentation
};
const row = (overrides: Partial<HistoryRow>): HistoryRow => ({
    id: 'r',
    field: 'Status',
    dataType: 'DynamicEnum',
    oldValue: null,
    newValue: null,
    oldDisplay: null,
    newDisplay: null,
    createdDate: '2026-11-20T09:00:00.000Z',
    createdById: 'u1',
    createdByName: 'Ada',
    valuesHidden: false,
    ...overrides
});

describe('historyModel', () => {
    it('labels fields through object info, trying the Id suffix, keeping unknown API names', () => {
        expect(historyFieldLabel('ChannelGroup', context.objectInfo)).toBe(
            'Channel Group'
        );
        expect(historyFieldLabel('Owner', context.objectInfo)).toBe(
            'Session Owner'
        );
        expect(historyFieldLabel('Mystery__c', context.objectInfo)).toBe(
            'Mystery__c'
        );
        expect(historyFieldLabel('Status', null)).toBe('Status');
    });

    it('formats values by DataType', () => {
        const dt = formatHistoryValue(
            '2026-11-20T09:02:30.000Z',
            'DateTime',
            'AcceptTime',
            context
        );
        expect(dt).toBe(
            new Intl.DateTimeFormat('en-US', {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: 'America/Los_Angeles'
            }).format(Date.parse('2026-11-20T09:02:30.000Z'))
        );
        expect(formatHistoryValue('2026-11-20', 'Date', 'X', context)).toBe(
            'Nov 20, 2026'
        );
        expect(formatHistoryValue('true', 'Boolean', 'X', context)).toBe('Yes');
        expect(formatHistoryValue(false, 'Boolean', 'X', context)).toBe('No');
        expect(formatHistoryValue(1234.5, 'Double', 'X', context)).toBe(
            '1,234.5'
        );
        expect(
            formatHistoryValue('Active', 'DynamicEnum', 'Status', context)
        ).toBe('Active');
        expect(
            formatHistoryValue('Text', 'DynamicEnum', 'ChannelType', context)
        ).toBe('SMS');
        expect(
            formatHistoryValue('Nope', 'DynamicEnum', 'ChannelType', context)
        ).toBe('Nope');
        expect(formatHistoryValue(null, 'Text', 'X', context)).toBe('blank');
        expect(formatHistoryValue('garbage', 'DateTime', 'X', context)).toBe(
            'garbage'
        );
        expect(
            formatHistoryValue('x', 'Text', 'X', {
                ...context,
                locale: 'not_a_locale!!'
            })
        ).toBe('x');
    });

    it('describes events and changes', () => {
        expect(
            describeHistoryRow(
                row({ field: 'created', dataType: null }),
                context
            ).text
        ).toBe('Created the session.');
        expect(
            describeHistoryRow(
                row({ field: 'ownerAssignment', newValue: 'Bob' }),
                context
            ).text
        ).toBe('Assigned the session to Bob.');
        expect(
            describeHistoryRow(row({ field: 'ownerAssignment' }), context).text
        ).toBe('Changed Session Owner.');
        expect(
            describeHistoryRow(
                row({ oldValue: 'Waiting', newValue: 'Active' }),
                context
            )
        ).toEqual(
            expect.objectContaining({
                text: 'Changed Status from Waiting to Active.',
                isEvent: false,
                fieldLabel: 'Status'
            })
        );
        expect(
            describeHistoryRow(row({ valuesHidden: true }), context).text
        ).toBe('Changed Status.');
    });

    it('sorts newest first and groups by minute and user', () => {
        const rows = sortNewestFirst([
            row({ id: 'a', createdDate: '2026-11-20T09:00:10.000Z' }),
            row({ id: 'b', createdDate: '2026-11-20T09:00:50.000Z' }),
            row({
                id: 'c',
                createdDate: '2026-11-20T09:00:55.000Z',
                createdById: 'u2',
                createdByName: 'Bob'
            }),
            row({
                id: 'd',
                createdDate: null,
                createdById: null,
                createdByName: null
            }),
            row({ id: 'e', createdDate: '2026-11-20T09:01:00.000Z' })
        ]);
        expect(rows.map((r) => r.id)).toEqual(['e', 'c', 'b', 'a', 'd']);
        const groups = groupHistory(rows, context);
        expect(groups.map((g) => g.entries.map((e) => e.id))).toEqual([
            ['e'],
            ['c'],
            ['b', 'a'],
            ['d']
        ]);
        expect(groups[3].actor).toBe('Unknown user');
        expect(groups[3].timeText).toBe('');
    });

    it('never shows two equal-looking values: equal times get seconds, then milliseconds', () => {
        const describe = (
            oldValue: string | number,
            newValue: string | number,
            field = 'AcceptTime',
            dataType = 'DateTime'
        ): string =>
            describeHistoryRow(
                row({ field, dataType, oldValue, newValue }),
                context
            ).text;
        const minutes = (iso: string): string =>
            new Intl.DateTimeFormat('en-US', {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: 'America/Los_Angeles'
            }).format(Date.parse(iso));
        const seconds = (iso: string): string =>
            new Intl.DateTimeFormat('en-US', {
                dateStyle: 'medium',
                timeStyle: 'medium',
                timeZone: 'America/Los_Angeles'
            }).format(Date.parse(iso));
        // Both read "Nov 20, 2026, 7:03 AM" at minute precision.
        expect(minutes('2026-11-20T15:03:10.000Z')).toBe(
            minutes('2026-11-20T15:03:40.000Z')
        );
        expect(
            describe('2026-11-20T15:03:10.000Z', '2026-11-20T15:03:40.000Z')
        ).toBe(
            `Changed Accept Time from ${seconds('2026-11-20T15:03:10.000Z')} to ${seconds('2026-11-20T15:03:40.000Z')}.`
        );
        const subSecond = describe(
            '2026-11-20T15:03:10.250Z',
            '2026-11-20T15:03:10.750Z'
        );
        expect(subSecond).toContain('7:03:10.250');
        expect(subSecond).toContain('7:03:10.750');
        // Different minutes keep the usual precision.
        expect(
            describe('2026-11-20T15:03:10.000Z', '2026-11-20T15:04:10.000Z')
        ).toBe(
            `Changed Accept Time from ${minutes('2026-11-20T15:03:10.000Z')} to ${minutes('2026-11-20T15:04:10.000Z')}.`
        );
        // Numbers equal once rounded show their digits.
        expect(describe(1.0001, 1.0002, 'Custom_Score__c', 'Double')).toBe(
            'Changed Custom_Score__c from 1.0001 to 1.0002.'
        );
        // Anything else that reads the same shows the stored values beside it.
        expect(
            describeHistoryRow(
                row({
                    field: 'Tier__c',
                    dataType: 'Text',
                    oldValue: 'T1-a',
                    newValue: 'T1-b',
                    oldDisplay: 'Tier 1',
                    newDisplay: 'Tier 1'
                }),
                context
            ).text
        ).toBe('Changed Tier__c from Tier 1 (T1-a) to Tier 1 (T1-b).');
    });

    it('shows an owner change once per group, never also as a bare "Changed Owner."', () => {
        const at = '2026-11-20T09:02:45.000Z';
        const entries = (rows: HistoryRow[]): string[][] =>
            groupHistory(sortNewestFirst(rows), context).map((group) =>
                group.entries.map((entry) => entry.text)
            );
        const ownerRows = [
            row({
                id: 'owner-names',
                field: 'Owner',
                dataType: 'Text',
                oldValue: 'Billing Queue',
                newValue: 'Ada Agent',
                createdDate: at
            }),
            row({
                id: 'owner-ids',
                field: 'Owner',
                dataType: 'EntityId',
                oldValue: '00Gxx000000QueAAA',
                newValue: '005xx000001OwnAAA',
                createdDate: at
            })
        ];
        // An assignment event without values beside the Owner field change.
        expect(
            entries([
                row({
                    id: 'assign',
                    field: 'ownerAssignment',
                    createdDate: at
                }),
                ...ownerRows
            ])
        ).toEqual([['Changed Session Owner from Billing Queue to Ada Agent.']]);
        // The assignment event with the same values says the same thing: once.
        expect(
            entries([
                row({
                    id: 'assign',
                    field: 'ownerAssignment',
                    dataType: 'Text',
                    oldValue: 'Billing Queue',
                    newValue: 'Ada Agent',
                    createdDate: at
                }),
                ...ownerRows
            ])
        ).toEqual([['Changed Session Owner from Billing Queue to Ada Agent.']]);
        // Accepted from the queue, with the Owner change's values hidden: the acceptance says it.
        expect(
            entries([
                row({
                    id: 'accepted',
                    field: 'ownerAccepted',
                    createdDate: at
                }),
                row({
                    id: 'owner-hidden',
                    field: 'Owner',
                    valuesHidden: true,
                    createdDate: at
                })
            ])
        ).toEqual([['Accepted the session from the queue.']]);
        // Alone in its group, a bare owner change is all there is to say: kept.
        expect(
            entries([
                row({
                    id: 'assign',
                    field: 'ownerAssignment',
                    createdDate: at
                }),
                row({
                    id: 'later',
                    field: 'Owner',
                    dataType: 'Text',
                    oldValue: 'Ada Agent',
                    newValue: 'Bob Supervisor',
                    createdDate: '2026-11-20T09:30:00.000Z'
                })
            ])
        ).toEqual([
            ['Changed Session Owner from Ada Agent to Bob Supervisor.'],
            ['Changed Session Owner.']
        ]);
    });
});
