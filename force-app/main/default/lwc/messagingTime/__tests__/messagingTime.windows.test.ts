import {
    customRangeProblem,
    parseCalendarDay,
    startTimeWindowFilter,
    startTimeWindowRange,
    windowDayKey
} from 'c/messagingTime';

// 09:10 UTC on 20 November 2026 is 01:10 in Los Angeles (UTC-8) and 10:10 in Paris (UTC+1).
const NOW = Date.parse('2026-11-20T09:10:00.000Z');
const LA = { now: NOW, timeZone: 'America/Los_Angeles' };
const PARIS = { now: NOW, timeZone: 'Europe/Paris' };

describe('start-time windows', () => {
    it('today starts at midnight in the user time zone, not in UTC', () => {
        expect(startTimeWindowFilter('today', null, null, LA)).toEqual({
            StartTime: { gte: { value: '2026-11-20T08:00:00.000Z' } }
        });
        expect(startTimeWindowFilter('today', null, null, PARIS)).toEqual({
            StartTime: { gte: { value: '2026-11-19T23:00:00.000Z' } }
        });
    });

    it('last 7 days is today and the 6 days before; last 30 days today and the 29 before', () => {
        expect(startTimeWindowRange('last7', null, null, LA)).toEqual({
            from: '2026-11-14T08:00:00.000Z',
            to: null
        });
        expect(startTimeWindowRange('last30', null, null, LA)).toEqual({
            from: '2026-10-22T07:00:00.000Z', // before the end of daylight saving time
            to: null
        });
    });

    it('uses the day of the user time zone when it differs from the UTC day', () => {
        // 06:00 UTC on the 20th is still the 19th in Los Angeles.
        const early = {
            now: Date.parse('2026-11-20T06:00:00Z'),
            timeZone: LA.timeZone
        };
        expect(startTimeWindowRange('today', null, null, early)?.from).toBe(
            '2026-11-19T08:00:00.000Z'
        );
        expect(windowDayKey(early.now, LA.timeZone)).toBe('2026-11-19');
        expect(windowDayKey(early.now, 'UTC')).toBe('2026-11-20');
    });

    it('custom dates cover whole days, both included, with open ends allowed', () => {
        expect(
            startTimeWindowFilter('custom', '2026-11-01', '2026-11-15', LA)
        ).toEqual({
            StartTime: {
                gte: { value: '2026-11-01T07:00:00.000Z' },
                lt: { value: '2026-11-16T08:00:00.000Z' }
            }
        });
        expect(startTimeWindowRange('custom', '2026-11-01', null, LA)).toEqual({
            from: '2026-11-01T07:00:00.000Z',
            to: null
        });
        expect(startTimeWindowRange('custom', null, '2026-11-01', LA)).toEqual({
            // Daylight saving time ended on 1 November: that day lasted 25 hours.
            from: null,
            to: '2026-11-02T08:00:00.000Z'
        });
    });

    it('gives no window for any, unknown input and unusable custom dates', () => {
        expect(startTimeWindowFilter('any', null, null, LA)).toBeNull();
        expect(startTimeWindowFilter('last90', null, null, LA)).toBeNull();
        expect(startTimeWindowFilter(undefined, null, null, LA)).toBeNull();
        expect(startTimeWindowFilter('custom', null, null, LA)).toBeNull();
        expect(
            startTimeWindowFilter('custom', '2026-11-15', '2026-11-01', LA)
        ).toBeNull();
        expect(
            startTimeWindowFilter('custom', '2026-02-31', null, LA)
        ).toBeNull();
    });

    it('names what is wrong with custom dates', () => {
        expect(customRangeProblem('2026-11-15', '2026-11-01')).toBe('reversed');
        expect(customRangeProblem('2026-13-01', null)).toBe('unreadable');
        expect(customRangeProblem('yesterday', null)).toBe('unreadable');
        expect(customRangeProblem('2026-11-01', '2026-11-01')).toBeNull();
        expect(customRangeProblem(null, null)).toBeNull();
        expect(parseCalendarDay('2026-02-29')).toBeNull();
        expect(parseCalendarDay('2028-02-29')).toEqual({
            year: 2028,
            month: 1,
            day: 29
        });
    });

    it('falls back to the browser time zone when the zone name is unknown', () => {
        const range = startTimeWindowRange('today', null, null, {
            now: NOW,
            timeZone: 'Not/AZone'
        });
        const local = new Date(NOW);
        local.setHours(0, 0, 0, 0);
        expect(range?.from).toBe(local.toISOString());
    });
});
