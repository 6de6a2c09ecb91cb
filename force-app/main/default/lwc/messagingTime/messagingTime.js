/**
 * Time in the console: spans between a session's instants, its live clock, durations for people,
 * the custom date inputs (one calendar-day parser) and the start-time windows every component
 * filters by.
 */
import TIME_ZONE from '@salesforce/i18n/timeZone';
import labelDurationDays from '@salesforce/label/c.MSC_DurationDays';
import labelDurationHours from '@salesforce/label/c.MSC_DurationHours';
import labelDurationMinutes from '@salesforce/label/c.MSC_DurationMinutes';
import labelDurationSeconds from '@salesforce/label/c.MSC_DurationSeconds';
import labelActiveFor from '@salesforce/label/c.MSC_ListActiveFor';
import labelLasted from '@salesforce/label/c.MSC_ListLasted';
import labelOpenFor from '@salesforce/label/c.MSC_ListOpenFor';
import labelWaitingFor from '@salesforce/label/c.MSC_ListWaitingFor';
import { isOpenStatus } from 'c/messagingSessionSchema';
const UNAVAILABLE = Object.freeze({
    seconds: null,
    state: 'unavailable'
});
const INVALID = Object.freeze({ seconds: null, state: 'invalid' });
/** Milliseconds since the epoch, null when absent, NaN when present but unreadable. */
function toMillis(value) {
    if (value == null || value === '') {
        return null;
    }
    return Date.parse(value);
}
/**
 * The span between two instants. Without an end, the span runs to `now` when one is given (an
 * open session); otherwise it is unavailable.
 */
export function timeSpan(from, to, now) {
    const start = toMillis(from);
    const end = toMillis(to);
    if (Number.isNaN(start) || Number.isNaN(end)) {
        return INVALID;
    }
    if (start === null) {
        return UNAVAILABLE;
    }
    if (end === null) {
        if (now === undefined) {
            return UNAVAILABLE;
        }
        // A start in the future (clock skew) reads as zero rather than as a negative wait.
        return {
            seconds: Math.max(0, Math.floor((now - start) / 1000)),
            state: 'running'
        };
    }
    if (end < start) {
        return INVALID;
    }
    return { seconds: Math.floor((end - start) / 1000), state: 'complete' };
}
/**
 * Wait, handle and length of a session. Pass `now` for an open session so that its running spans
 * tick; an ended session is never measured against now.
 */
export function sessionDurations(times, now) {
    const { startTime, acceptTime, endTime } = times;
    const isEnded = Boolean(endTime);
    const openNow = isEnded ? undefined : now;
    // Once a session has ended without being accepted, nothing was waited for or handled.
    const wait =
        isEnded && !acceptTime
            ? UNAVAILABLE
            : timeSpan(startTime, acceptTime, openNow);
    const handle = acceptTime
        ? timeSpan(acceptTime, endTime, openNow)
        : UNAVAILABLE;
    const length = timeSpan(startTime, endTime, openNow);
    // An EndTime before the AcceptTime makes the whole record suspect, not only the handle time.
    const acceptMs = toMillis(acceptTime);
    const endMs = toMillis(endTime);
    if (acceptMs !== null && endMs !== null && endMs < acceptMs) {
        return {
            wait: wait.state === 'complete' ? wait : INVALID,
            handle: INVALID,
            length
        };
    }
    return { wait, handle, length };
}
/** Fills `{0}`, `{1}`… in a custom label. */
export function formatLabel(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}
/**
 * A duration for people: the two largest units, e.g. "2d 3h", "1h 05m", "4m 09s", "12s".
 * Null and negative input give an empty string: callers show a flag or a dash instead.
 */
export function formatDuration(seconds) {
    if (seconds == null || !Number.isFinite(seconds) || seconds < 0) {
        return '';
    }
    const whole = Math.floor(seconds);
    const days = Math.floor(whole / 86400);
    const hours = Math.floor((whole % 86400) / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const secs = whole % 60;
    const pad = (value) => String(value).padStart(2, '0');
    if (days > 0) {
        return `${formatLabel(labelDurationDays, days)} ${formatLabel(labelDurationHours, hours)}`;
    }
    if (hours > 0) {
        return `${formatLabel(labelDurationHours, hours)} ${formatLabel(labelDurationMinutes, pad(minutes))}`;
    }
    if (minutes > 0) {
        return `${formatLabel(labelDurationMinutes, minutes)} ${formatLabel(labelDurationSeconds, pad(secs))}`;
    }
    return formatLabel(labelDurationSeconds, secs);
}
export const START_TIME_WINDOWS = ['any', 'today', 'last7', 'last30', 'custom'];
/** How many calendar days each relative window spans, today included. */
export const START_TIME_WINDOW_DAYS = { today: 1, last7: 7, last30: 30 };
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function zonedFormatter(timeZone) {
    const options = {
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    };
    try {
        return new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
        // An unknown zone name: the browser's own zone is the best remaining guess.
        return new Intl.DateTimeFormat('en-US', options);
    }
}
/** The wall-clock time in the zone at an instant, read as if it were UTC (milliseconds). */
function wallClock(instant, formatter) {
    const parts = formatter.formatToParts(new Date(instant));
    const part = (type) =>
        Number(parts.find((entry) => entry.type === type)?.value ?? 0);
    return Date.UTC(
        part('year'),
        part('month') - 1,
        part('day'),
        part('hour') % 24,
        part('minute'),
        part('second')
    );
}
/** The calendar day in the zone at an instant. */
function zonedDay(instant, formatter) {
    const wall = new Date(wallClock(instant, formatter));
    return {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth(),
        day: wall.getUTCDate()
    };
}
/** The instant a calendar day starts in the zone (`offsetDays` moves the day first). */
function zonedDayStart(day, offsetDays, formatter) {
    const midnight = Date.UTC(day.year, day.month, day.day + offsetDays);
    const secondsOf = (instant) => Math.floor(instant / 1000) * 1000;
    // The zone's offset at the guess, then again at the result: a DST change that day moves it.
    let instant =
        midnight - (wallClock(midnight, formatter) - secondsOf(midnight));
    instant = midnight - (wallClock(instant, formatter) - secondsOf(instant));
    return instant;
}
/** A YYYY-MM-DD day (what lightning-input type="date" gives), null when it is not a real day. */
export function parseCalendarDay(value) {
    const match = value ? CALENDAR_DAY.exec(value) : null;
    if (!match) {
        return null;
    }
    const [year, month, day] = [
        Number(match[1]),
        Number(match[2]) - 1,
        Number(match[3])
    ];
    const check = new Date(Date.UTC(year, month, day));
    // Date.UTC rolls 2026-02-31 over into March: such a day is not a day.
    return check.getUTCFullYear() === year &&
        check.getUTCMonth() === month &&
        check.getUTCDate() === day
        ? { year, month, day }
        : null;
}
/** What is wrong with custom dates, if anything. An open end (only from, or only to) is fine. */
export function customRangeProblem(customFrom, customTo) {
    const from = parseCalendarDay(customFrom);
    const to = parseCalendarDay(customTo);
    if ((customFrom && !from) || (customTo && !to)) {
        return 'unreadable';
    }
    if (
        from &&
        to &&
        Date.UTC(from.year, from.month, from.day) >
            Date.UTC(to.year, to.month, to.day)
    ) {
        return 'reversed';
    }
    return null;
}
/**
 * The instants a start-time window covers. Relative windows start at midnight of their first
 * day and stay open at the end (a session that starts while the page is open still belongs to
 * today). Custom dates cover whole days, both included. Null means no window: 'any', unknown
 * input, or custom dates that are missing, unreadable or reversed.
 */
export function startTimeWindowRange(
    window,
    customFrom,
    customTo,
    options = {}
) {
    const formatter = zonedFormatter(options.timeZone ?? TIME_ZONE);
    const iso = (instant) => new Date(instant).toISOString();
    if (window === 'custom') {
        if (customRangeProblem(customFrom, customTo)) {
            return null;
        }
        const from = parseCalendarDay(customFrom);
        const to = parseCalendarDay(customTo);
        if (!from && !to) {
            return null;
        }
        return {
            from: from ? iso(zonedDayStart(from, 0, formatter)) : null,
            to: to ? iso(zonedDayStart(to, 1, formatter)) : null
        };
    }
    const days = START_TIME_WINDOW_DAYS[window];
    if (typeof days !== 'number') {
        return null;
    }
    const now = Number(options.now ?? Date.now());
    const today = zonedDay(now, formatter);
    return { from: iso(zonedDayStart(today, 1 - days, formatter)), to: null };
}
/**
 * The MessagingSession_Filter clause on StartTime for a window, e.g.
 * `{ StartTime: { gte: { value: '2026-03-02T08:00:00.000Z' } } }`; null when there is none.
 * Explicit instants rather than the `TODAY` / `last_n_days` literals: the GraphQL guide does not
 * say in which time zone those are evaluated, and SOQL's LAST_N_DAYS:n spans n + 1 days.
 */
export function startTimeWindowFilter(
    window,
    customFrom,
    customTo,
    options = {}
) {
    const range = startTimeWindowRange(window, customFrom, customTo, options);
    if (!range) {
        return null;
    }
    const bounds = {};
    if (range.from) bounds.gte = { value: range.from };
    if (range.to) bounds.lt = { value: range.to };
    return { StartTime: bounds };
}
/** A calendar day as YYYY-MM-DD, the value lightning-input type="date" takes. */
function calendarDayKey(day) {
    const pad = (value) => String(value).padStart(2, '0');
    return `${day.year}-${pad(day.month + 1)}-${pad(day.day)}`;
}
/** The calendar day (YYYY-MM-DD) in the user's time zone: a window moves when this changes. */
export function windowDayKey(now = Date.now(), timeZone = TIME_ZONE) {
    return calendarDayKey(zonedDay(Number(now), zonedFormatter(timeZone)));
}
/** A calendar day (YYYY-MM-DD) moved by a number of days, for the custom date inputs. */
export function shiftCalendarDay(day, days) {
    const parsed = parseCalendarDay(day);
    if (!parsed) return '';
    const moved = new Date(
        Date.UTC(parsed.year, parsed.month, parsed.day + days)
    );
    return calendarDayKey({
        year: moved.getUTCFullYear(),
        month: moved.getUTCMonth(),
        day: moved.getUTCDate()
    });
}
/** The live duration of a session, named for its status. `now` makes open sessions tick. */
export function sessionClock(session, now) {
    const durations = sessionDurations(session, now);
    if (session.endTime) {
        const flagged =
            durations.handle.state === 'invalid' ||
            durations.length.state === 'invalid';
        return {
            phase: 'ended',
            seconds: flagged ? null : durations.length.seconds,
            flagged
        };
    }
    if (!isOpenStatus(session.status)) {
        return {
            phase: 'unknown',
            seconds: null,
            flagged: durations.length.state === 'invalid'
        };
    }
    let phase = 'open';
    let span = durations.length;
    if (session.status === 'Waiting' && !session.acceptTime) {
        phase = 'waiting';
        span = durations.wait;
    } else if (session.status === 'Active' && session.acceptTime) {
        phase = 'active';
        span = durations.handle;
    }
    return {
        phase,
        seconds: span.state === 'invalid' ? null : span.seconds,
        flagged: span.state === 'invalid'
    };
}
const CLOCK_LABELS = {
    waiting: labelWaitingFor,
    active: labelActiveFor,
    open: labelOpenFor,
    ended: labelLasted,
    unknown: ''
};
/** "Waiting for 4m 09s", "Active for 1h 02m", "Open for 2h 10m", "Lasted 32m 30s"; '' when nothing is known. */
export function sessionClockText(clock) {
    const template = CLOCK_LABELS[clock.phase];
    if (!template || clock.flagged || clock.seconds === null) {
        return '';
    }
    return formatLabel(template, formatDuration(clock.seconds));
}
