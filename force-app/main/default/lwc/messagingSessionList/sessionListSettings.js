/**
 * The list's App Builder properties, read defensively: bad input gives the default, never an
 * error. No DOM and no Lightning modules here.
 */
import { readIntervalSeconds } from 'c/messagingLiveRefresh';
import { OWNER_SCOPES, TIME_WINDOWS, emptyFilters } from './sessionListQuery';
/** A picklist API name: letters, digits and underscores. Anything else is not a value. */
const PICKLIST_TOKEN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
/**
 * Parses a comma-separated list of picklist values typed in App Builder. Unknown but well-formed
 * values are kept as they are (the org may have values this console doesn't know); blanks,
 * duplicates and malformed entries are dropped.
 */
export function parsePicklistList(input) {
    if (typeof input !== 'string') {
        return [];
    }
    const values = input
        .split(/[,;]/)
        .map((value) => value.trim())
        .filter((value) => PICKLIST_TOKEN.test(value));
    return [...new Set(values)];
}
export function parseOwnerScope(input, fallback = 'me') {
    return OWNER_SCOPES.includes(input) ? input : fallback;
}
/** App Builder's time window; 'custom' needs dates, so it isn't accepted as a default. */
export function parseTimeWindow(input, fallback = 'any') {
    return TIME_WINDOWS.includes(input) && input !== 'custom'
        ? input
        : fallback;
}
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Page size from App Builder: a whole number from 1 to 200; anything else gives the default. */
export function parsePageSize(input) {
    const size =
        typeof input === 'string' && input.trim() !== ''
            ? Number(input)
            : input;
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 1) {
        return DEFAULT_PAGE_SIZE;
    }
    return Math.min(MAX_PAGE_SIZE, Math.floor(size));
}
export const DEFAULT_SAFETY_REFRESH_SECONDS = 300;
export const MIN_SAFETY_REFRESH_SECONDS = 60;
/**
 * The slow safety poll kept while Change Data Capture is subscribed: a minute to an hour, 300 s
 * by default. A subscription can succeed and still deliver nothing (MessagingSession not selected
 * for CDC, or a user without View All Records on it), so the list rechecks now and then.
 */
export function parseSafetyRefreshSeconds(input) {
    return readIntervalSeconds(
        input,
        DEFAULT_SAFETY_REFRESH_SECONDS,
        MIN_SAFETY_REFRESH_SECONDS
    );
}
export const SELECTION_MODES = ['publish', 'openTab'];
export function parseSelectionMode(input) {
    return SELECTION_MODES.includes(input) ? input : 'publish';
}
/** The filters the list opens with, and goes back to when a backlog drill-in is cleared. */
export function defaultFilters(defaults) {
    return {
        ...emptyFilters(),
        statuses: parsePicklistList(defaults.defaultStatuses),
        channelTypes: parsePicklistList(defaults.defaultChannelType).slice(
            0,
            1
        ),
        owner: parseOwnerScope(defaults.defaultScope, 'me'),
        window: parseTimeWindow(defaults.defaultTimeWindow, 'any')
    };
}
