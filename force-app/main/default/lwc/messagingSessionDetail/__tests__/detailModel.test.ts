import {
    DETAIL_FIELDS,
    DETAIL_OPTIONAL_FIELDS,
    buildLinks,
    changedFields,
    editableFields,
    hiddenFields,
    initialDraft,
    referenceLabel,
    validateDraft
} from '../detailModel';
import getRecord from './data/getRecord.json';
import getRecordAllNull from './data/getRecordAllNull.json';
import getRecordBadInput from './data/getRecordBadInput.json';
import getObjectInfo from './data/getObjectInfo.json';

const record = getRecord as unknown as UiApi.RecordRepresentation;
const info = getObjectInfo as unknown as UiApi.ObjectInfoRepresentation;

describe('detailModel', () => {
    it('shows lookup labels without the " ID" of their describe label', () => {
        const withIdLabels = {
            ...info,
            fields: {
                ...info.fields,
                CaseId: { ...info.fields.CaseId, label: 'Case ID' }
            }
        } as UiApi.ObjectInfoRepresentation;
        expect(referenceLabel(withIdLabels, 'CaseId', 'Case')).toBe('Case');
        expect(referenceLabel(info, 'LeadId', 'Lead')).toBe('Linked Lead');
        expect(referenceLabel(null, 'CaseId', 'Case')).toBe('Case');
        expect(
            referenceLabel(
                {
                    ...info,
                    fields: { X: { ...info.fields.CaseId, label: ' ID' } }
                } as UiApi.ObjectInfoRepresentation,
                'X',
                'Fallback'
            )
        ).toBe('Fallback');
    });

    it('requires only Name; every other field is optional', () => {
        expect(DETAIL_FIELDS).toEqual(['MessagingSession.Name']);
        expect(
            DETAIL_OPTIONAL_FIELDS.every((field) =>
                field.startsWith('MessagingSession.')
            )
        ).toBe(true);
        expect(new Set(DETAIL_OPTIONAL_FIELDS).size).toBe(
            DETAIL_OPTIONAL_FIELDS.length
        );
    });

    it('finds hidden fields', () => {
        expect(hiddenFields(record)).toEqual([]);
        expect(
            hiddenFields(
                getRecordBadInput as unknown as UiApi.RecordRepresentation
            )
        ).toEqual(
            expect.arrayContaining([
                'PreviewDetails',
                'EndUserAccountId',
                'TargetUserId'
            ])
        );
    });

    it('marks a queue owner and never opens it', () => {
        const owner = buildLinks(
            getRecordAllNull as unknown as UiApi.RecordRepresentation,
            info
        ).find((link) => link.key === 'OwnerId');
        expect(owner).toEqual(
            expect.objectContaining({
                isQueue: true,
                canOpen: false,
                name: 'Billing Queue',
                label: 'Session Owner'
            })
        );
    });

    it('edits only updateable fields and sends only changes', () => {
        const fields = editableFields(info, record);
        expect(fields.map((field) => field.apiName)).not.toContain(
            'ChannelLocale'
        );
        expect(editableFields(null, record)).toEqual([]);
        const draft = {
            ...initialDraft(record, fields),
            ChannelGroup: '  ',
            LeadId: '00Qxx000000LeaAAA'
        };
        expect(changedFields(record, draft, fields)).toEqual({
            ChannelGroup: null,
            LeadId: '00Qxx000000LeaAAA'
        });
        expect(validateDraft({ ...draft, OwnerId: '' }, fields)).toEqual({
            OwnerId: 'Complete this field.'
        });
    });
});
