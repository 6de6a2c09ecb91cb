import { describeError, errorMessage } from 'c/messagingErrors';

import getRecordError from './data/getRecordError.json';
import getRelatedListRecordsUnsupported from './data/getRelatedListRecordsUnsupported.json';
import graphqlErrors from './data/graphqlErrors.json';
import updateRecordConflict from './data/updateRecordConflict.json';
import updateRecordFieldError from './data/updateRecordFieldError.json';
import updateRecordLocked from './data/updateRecordLocked.json';
import updateRecordPageError from './data/updateRecordPageError.json';

describe('describeError', () => {
    it('reads a UI API read error (array body) and says it is about access', () => {
        const error = describeError(getRecordError);
        expect(error.kind).toBe('access');
        expect(error.message).toContain(
            "You don't have access to this record."
        );
        expect(error.message).toContain('permission set');
    });

    it('says plainly when the org cannot serve a related list', () => {
        const error = describeError(getRelatedListRecordsUnsupported);
        expect(error.kind).toBe('unsupported');
        expect(error.message).toContain("isn't a supported related list");
    });

    it('reads record write field errors and keeps them by field', () => {
        const error = describeError(updateRecordFieldError);
        expect(error.kind).toBe('validation');
        expect(error.fieldErrors).toEqual({
            CaseId: 'Case ID: id value of incorrect type: 0015g00000XyZAbAAN'
        });
        expect(error.message).toContain(
            'An error occurred while trying to update the record.'
        );
    });

    it('reads pageErrors and fieldErrors', () => {
        const error = describeError(updateRecordPageError);
        expect(error.message).toBe(
            'A session linked to a case must keep its case.'
        );
        expect(error.fieldErrors.OwnerId).toBe('Owner: invalid user or queue');
        expect(error.kind).toBe('validation');
    });

    it('reports a concurrent change as a conflict', () => {
        const error = describeError(updateRecordConflict);
        expect(error.kind).toBe('conflict');
        expect(error.message).toMatch(/^Someone else changed this record/);
    });

    it('reports a locked record as locked, not as a save conflict that reloading could fix', () => {
        const error = describeError(updateRecordLocked);
        expect(error.kind).toBe('locked');
        expect(error.message).not.toMatch(/Someone else changed/);
        expect(error.message).toMatch(/^This record is locked/);
        // The server's own words stay, so the user learns what holds the lock.
        expect(error.message).toContain('entity is locked for approval');
    });

    it('reads GraphQL errors, from a result or from the errors array alone', () => {
        expect(errorMessage(graphqlErrors)).toContain(
            "Field 'MSC_WaitSeconds__c' in type 'MessagingSession' is undefined"
        );
        expect(errorMessage(graphqlErrors.errors)).toContain(
            'MSC_WaitSeconds__c'
        );
    });

    it('reads network failures', () => {
        const failed = describeError(new TypeError('Failed to fetch'));
        expect(failed.kind).toBe('network');
        expect(failed.message).toContain("Salesforce can't be reached");
        expect(
            describeError({ status: 0, statusText: '', body: null }).kind
        ).toBe('network');
    });

    it('reads strings, Error objects, plain objects and lists of them', () => {
        expect(errorMessage('Plain text')).toBe('Plain text');
        expect(errorMessage(new Error('Boom'))).toBe('Boom');
        expect(errorMessage({ errorCode: 'X', message: 'Plain object' })).toBe(
            'Plain object'
        );
        expect(errorMessage([new Error('One'), 'Two', 'One'])).toBe('One Two');
        expect(
            describeError({ status: 404, statusText: 'Not Found', body: [] })
                .kind
        ).toBe('notFound');
    });

    it('has a readable message for nothing at all', () => {
        for (const empty of [undefined, null, {}, [], '', { body: [] }]) {
            expect(errorMessage(empty)).toMatch(/^Something went wrong/);
        }
    });
});
