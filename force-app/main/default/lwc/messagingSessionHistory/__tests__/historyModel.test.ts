import {
    describeHistoryRow,
    formatHistoryValue,
    groupHistory,
    historyFieldLabel,
    sortNewestFirst
} from '../historyModel';
import type { HistoryRow } from '../historyModel';
import objectInfo from './data/getObjectInfo.json';

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
});
