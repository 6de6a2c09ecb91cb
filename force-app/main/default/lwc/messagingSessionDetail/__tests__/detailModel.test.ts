import {
    DETAIL_FIELDS,
    DETAIL_OPTIONAL_FIELDS,
    EDIT_FIELDS,
    buildLinks,
    changedFields,
    editableFields,
    hiddenFields,
    initialDraft,
    lastModifiedDate,
    referenceLabel
} from '../detailModel';
import { EDITABLE_FIELD_ROLES, SESSION_FIELDS } from 'c/messagingSessionSchema';
import getRecord from './data/getRecord.json';
import getRecordAllNull from './data/getRecordAllNull.json';
import getRecordBadInput from './data/getRecordBadInput.json';
import { RELABELLED_OBJECT_INFO as getObjectInfo } from '../../../../../test/jest-utils/objectInfo';

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

    it('edits only the links an agent sets, from the one shared list', () => {
        expect(EDIT_FIELDS.map((field) => field.apiName)).toEqual(
            EDITABLE_FIELD_ROLES.map(
                (role) => SESSION_FIELDS[role].fieldApiName
            )
        );
        expect(EDIT_FIELDS.map((field) => field.apiName)).toEqual([
            'CaseId',
            'LeadId',
            'OpportunityId'
        ]);
        expect(EDIT_FIELDS.map((field) => field.objectApiName)).toEqual([
            'Case',
            'Lead',
            'Opportunity'
        ]);
    });

    it('edits only updateable fields and sends only changes', () => {
        const fields = editableFields(info, record);
        // Object info allows OwnerId and the channel fields: the agent still never edits them.
        expect(info.fields.OwnerId.updateable).toBe(true);
        expect(fields.map((field) => field.apiName)).toEqual([
            'CaseId',
            'LeadId',
            'OpportunityId'
        ]);
        expect(editableFields(null, record)).toEqual([]);
        const draft = {
            ...initialDraft(record, fields),
            CaseId: '  ',
            LeadId: '00Qxx000000LeaAAA',
            OwnerId: '005xx000000OthAAA'
        };
        expect(changedFields(record, draft, fields)).toEqual({
            CaseId: null,
            LeadId: '00Qxx000000LeaAAA'
        });
    });

    it("reads the record's LastModifiedDate unchanged, else its lastModifiedDate", () => {
        expect(lastModifiedDate(record)).toBe('2026-11-20T09:05:00.417Z');
        const withoutField = {
            ...record,
            fields: { Name: record.fields.Name },
            lastModifiedDate: '2026-11-20T09:05:00.999Z'
        } as UiApi.RecordRepresentation;
        expect(lastModifiedDate(withoutField)).toBe('2026-11-20T09:05:00.999Z');
        expect(
            lastModifiedDate({
                ...withoutField,
                lastModifiedDate: null
            } as unknown as UiApi.RecordRepresentation)
        ).toBeUndefined();
    });
});
