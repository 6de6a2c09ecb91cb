import {
    formatDuration,
    formatLabel,
    sessionDurations,
    timeSpan
} from 'c/messagingTime';

const START = '2026-11-20T09:00:00.000Z';
const ACCEPT = '2026-11-20T09:02:30.000Z';
const END = '2026-11-20T09:32:30.000Z';

describe('durations', () => {
    it('measures wait, handle and length of an ended session', () => {
        const durations = sessionDurations({
            startTime: START,
            acceptTime: ACCEPT,
            endTime: END
        });
        expect(durations.wait).toEqual({ seconds: 150, state: 'complete' });
        expect(durations.handle).toEqual({ seconds: 1800, state: 'complete' });
        expect(durations.length).toEqual({ seconds: 1950, state: 'complete' });
    });

    it('runs the open spans up to now, and only when now is given', () => {
        const now = Date.parse('2026-11-20T09:10:00.000Z');
        const open = sessionDurations(
            { startTime: START, acceptTime: ACCEPT, endTime: null },
            now
        );
        expect(open.wait).toEqual({ seconds: 150, state: 'complete' });
        expect(open.handle).toEqual({ seconds: 450, state: 'running' });
        expect(open.length).toEqual({ seconds: 600, state: 'running' });
        const waiting = sessionDurations(
            { startTime: START, acceptTime: null, endTime: null },
            now
        );
        expect(waiting.wait).toEqual({ seconds: 600, state: 'running' });
        expect(waiting.handle.state).toBe('unavailable');
        expect(sessionDurations({ startTime: START }).wait.state).toBe(
            'unavailable'
        );
    });

    it('never measures an ended session against now', () => {
        const now = Date.parse('2026-12-01T00:00:00.000Z');
        const neverAccepted = sessionDurations(
            { startTime: START, acceptTime: null, endTime: END },
            now
        );
        expect(neverAccepted.wait.state).toBe('unavailable');
        expect(neverAccepted.handle.state).toBe('unavailable');
        expect(neverAccepted.length).toEqual({
            seconds: 1950,
            state: 'complete'
        });
    });

    it('flags an EndTime before the AcceptTime instead of showing a negative number', () => {
        const durations = sessionDurations({
            startTime: START,
            acceptTime: END,
            endTime: ACCEPT
        });
        expect(durations.handle).toEqual({ seconds: null, state: 'invalid' });
        expect(durations.wait.state).toBe('complete');
        expect(durations.length).toEqual({ seconds: 150, state: 'complete' });
    });

    it('flags an AcceptTime before the StartTime, and unreadable dates', () => {
        expect(timeSpan(ACCEPT, START)).toEqual({
            seconds: null,
            state: 'invalid'
        });
        expect(timeSpan('not a date', END)).toEqual({
            seconds: null,
            state: 'invalid'
        });
        expect(timeSpan(START, 'yesterday-ish')).toEqual({
            seconds: null,
            state: 'invalid'
        });
    });

    it('treats every nillable time as absent, not as zero', () => {
        const none = sessionDurations(
            { startTime: null, acceptTime: null, endTime: null },
            Date.now()
        );
        expect(none).toEqual({
            wait: { seconds: null, state: 'unavailable' },
            handle: { seconds: null, state: 'unavailable' },
            length: { seconds: null, state: 'unavailable' }
        });
        expect(sessionDurations({}).length.state).toBe('unavailable');
        expect(timeSpan('', END).state).toBe('unavailable');
    });

    it('does not count a start in the future as negative waiting', () => {
        const now = Date.parse(START) - 5000;
        expect(timeSpan(START, null, now)).toEqual({
            seconds: 0,
            state: 'running'
        });
    });

    it('formats seconds as the two largest units', () => {
        expect(formatDuration(0)).toBe('0s');
        expect(formatDuration(12.9)).toBe('12s');
        expect(formatDuration(249)).toBe('4m 09s');
        expect(formatDuration(3900)).toBe('1h 05m');
        expect(formatDuration(2 * 86400 + 3 * 3600 + 59)).toBe('2d 3h');
        expect(formatDuration(null)).toBe('');
        expect(formatDuration(-5)).toBe('');
        expect(formatDuration(Number.NaN)).toBe('');
    });

    it('fills label placeholders and leaves unknown ones', () => {
        expect(formatLabel('{0} of {1}', 3, 'ten')).toBe('3 of ten');
        expect(formatLabel('{0} and {2}', 'a')).toBe('a and {2}');
    });
});
