import { readMetricsErrors } from '../metricsErrors';

import errorFixturesJson from './data/graphqlMetricsErrors.json';
const errorFixtures = errorFixturesJson as unknown as Record<
    string,
    { errors: unknown[] }
>;

describe('readMetricsErrors', () => {
    it('says when sessions cannot be read', () => {
        expect(readMetricsErrors(errorFixtures.noAccess.errors).problem).toBe(
            'access'
        );
        const insufficient = readMetricsErrors(
            errorFixtures.insufficientAccess.errors
        );
        expect(insufficient.problem).toBe('access');
        expect(insufficient.message).toContain('insufficient access rights');
    });

    it('names the team group the org refuses, and says how to fall back', () => {
        const reading = readMetricsErrors(
            errorFixtures.teamGroupUnreadable.errors,
            'Support_Team'
        );
        expect(reading.problem).toBe('teamGroup');
        expect(reading.message).toContain('Support_Team');
        expect(reading.message).toContain('Clear the Team group property');
        // Without a group set, the same words are not about a group.
        expect(
            readMetricsErrors(errorFixtures.teamGroupUnreadable.errors).problem
        ).not.toBe('teamGroup');
    });

    it('passes other errors through', () => {
        const reading = readMetricsErrors(errorFixtures.other.errors);
        expect(reading.problem).toBe('other');
        expect(reading.message).toContain('unexpected error');
    });
});
