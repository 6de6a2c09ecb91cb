import {
    isQueueOwnerId,
    mergeRecordPages,
    recordField,
    recordString,
    recordValue,
    relatedRecord,
    scalarText,
    scalarValue
} from 'c/messagingSessionSchema';

const record = (
    id: string | null,
    fields: Record<string, UiApi.FieldValueRepresentation>
): UiApi.RecordRepresentation => ({
    apiName: 'MessagingSession',
    childRelationships: {},
    fields,
    id,
    lastModifiedById: null,
    lastModifiedDate: null,
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: null,
    weakEtag: 0
});

describe('UI API record helpers', () => {
    const owner = record('00Gxx000000QueAAA', {
        Name: { value: 'Billing Queue', displayValue: null }
    });
    owner.apiName = 'Group';
    const session = record('0Mwxx0000000001CAA', {
        Name: { value: 'MS-1', displayValue: null },
        AgentMessageCount: { value: 3, displayValue: null },
        PreviewDetails: { value: '', displayValue: null },
        Owner: { value: owner, displayValue: 'Billing Queue' },
        Case: { value: null, displayValue: null }
    });

    it('follows spanning paths and tells hidden from empty', () => {
        expect(recordValue(session, 'Owner.Name')).toBe('Billing Queue');
        expect(recordValue(session, 'AgentMessageCount')).toBe(3);
        expect(recordValue(session, 'Case.CaseNumber')).toBeNull();
        expect(recordField(session, 'Hidden')).toBeUndefined();
        expect(recordField(session, 'Hidden.Name')).toBeUndefined();
        expect(recordValue(session, 'Owner')).toBeNull();
        expect(recordString(session, 'PreviewDetails')).toBeNull();
        expect(recordString(session, 'AgentMessageCount')).toBe('3');
        expect(relatedRecord(session, 'Owner')?.apiName).toBe('Group');
        expect(relatedRecord(session, 'Case')).toBeNull();
        expect(recordValue(null, 'Name')).toBeUndefined();
    });

    it('reads what getFieldValue returns as a scalar or as text', () => {
        // Not returned (hidden) stays undefined; a related record reads as null, never as an object.
        expect(scalarValue(undefined)).toBeUndefined();
        expect(scalarValue(owner)).toBeNull();
        expect(scalarValue(null)).toBeNull();
        expect(scalarValue(false)).toBe(false);
        expect(scalarValue(3)).toBe(3);
        expect(scalarText(undefined)).toBeNull();
        expect(scalarText(owner)).toBeNull();
        expect(scalarText('')).toBeNull();
        expect(scalarText(0)).toBe('0');
        expect(scalarText('Active')).toBe('Active');
    });

    it('merges pages by id without duplicates', () => {
        const a = record('a', {});
        const b = record('b', {});
        const b2 = record('b', { Name: { value: 'new', displayValue: null } });
        const c = record('c', {});
        const merged = mergeRecordPages([a, b], [b2, c]);
        expect(merged.map((r) => r.id)).toEqual(['a', 'b', 'c']);
        expect(merged[1]).toBe(b2);
        expect(
            mergeRecordPages([], [record(null, {}), record(null, {})])
        ).toHaveLength(2);
    });

    it('recognises queue owners by their Group key prefix', () => {
        expect(isQueueOwnerId('00Gxx000000QueAAA')).toBe(true);
        expect(isQueueOwnerId('005xx0000001OwnAAA')).toBe(false);
        expect(isQueueOwnerId(null)).toBe(false);
        expect(isQueueOwnerId(undefined)).toBe(false);
    });
});
