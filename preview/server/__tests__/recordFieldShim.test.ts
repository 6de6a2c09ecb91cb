/**
 * The preview's getFieldValue / getFieldDisplayValue answer as lightning/uiRecordApi does: a
 * relationship that is empty partway along the path reads as null, a field the record doesn't
 * carry reads as undefined.
 */
import {
    getFieldDisplayValue,
    getFieldValue
} from '../../platform/lds/uiRecordApi';

const session = {
    id: '0Mw000000000001AAA',
    fields: {
        Name: { value: 'MS-0000001', displayValue: null },
        CaseId: { value: null, displayValue: null },
        Case: { value: null, displayValue: null },
        Owner: {
            value: {
                fields: { Name: { value: 'Ada', displayValue: 'Ada L.' } }
            },
            displayValue: null
        }
    }
};

describe('preview getFieldValue and getFieldDisplayValue', () => {
    it('reads a field and a field across a relationship', () => {
        expect(getFieldValue(session, 'MessagingSession.Name')).toBe(
            'MS-0000001'
        );
        expect(getFieldValue(session, 'MessagingSession.Owner.Name')).toBe(
            'Ada'
        );
        expect(
            getFieldDisplayValue(session, 'MessagingSession.Owner.Name')
        ).toBe('Ada L.');
    });

    it('reads an empty relationship partway as null, like the platform', () => {
        expect(
            getFieldValue(session, 'MessagingSession.Case.CaseNumber')
        ).toBeNull();
        expect(
            getFieldDisplayValue(session, 'MessagingSession.Case.CaseNumber')
        ).toBeNull();
    });

    it('reads a field the record lacks as undefined', () => {
        expect(
            getFieldValue(session, 'MessagingSession.Origin')
        ).toBeUndefined();
        expect(getFieldValue(null, 'MessagingSession.Name')).toBeUndefined();
    });
});
