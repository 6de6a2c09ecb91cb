/**
 * The list's App Builder properties, read defensively: bad input gives the default, never an
 * error. No DOM and no Lightning modules here.
 */
import { readIntervalSeconds } from 'c/messagingLiveRefresh';
import { OWNER_SCOPES, TIME_WINDOWS, emptyFilters } from './sessionListQuery';
import type {
    OwnerScope,
    SessionFilters,
    TimeWindow
} from './sessionListQuery';

/** A picklist API name: letters, digits and underscores. Anything else is not a value. */
const PICKLIST_TOKEN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/**
 * Parses a comma-separated list of picklist values typed in App Builder. Unknown but well-formed
 * values are kept as they are (the org may have values this console doesn't know); blanks,
 * duplicates and malformed entries are dropped.
 */
export function parsePicklistList(input: unknown): string[] {
    if (typeof input !== 'string') {
        return [];
    }
    const values = input
        .split(/[,;]/)
        .map((value) => value.trim())
        .filter((value) => PICKLIST_TOKEN.test(value));
    return [...new Set(values)];
}

export function parseOwnerScope(
    input: unknown,
    fallback: OwnerScope = 'me'
): OwnerScope {
    return OWNER_SCOPES.includes(input as OwnerScope)
        ? (input as OwnerScope)
        : fallback;
}

/** App Builder's time window; 'custom' needs dates, so it isn't accepted as a default. */
export function parseTimeWindow(
    input: unknown,
    fallback: TimeWindow = 'any'
): TimeWindow {
    return TIME_WINDOWS.includes(input as TimeWindow) && input !== 'custom'
        ? (input as TimeWindow)
        : fallback;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Page size from App Builder: a whole number from 1 to 200; anything else gives the default. */
export function parsePageSize(input: unknown): number {
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
export function parseSafetyRefreshSeconds(input: unknown): number {
    return readIntervalSeconds(
        input,
        DEFAULT_SAFETY_REFRESH_SECONDS,
        MIN_SAFETY_REFRESH_SECONDS
    );
}

/**
 * What choosing a row does (App Builder): 'publish' tells the components beside the list (the
 * detail on the Home page); 'openTab' also opens the session in a workspace tab (the utility bar,
 * where nothing sits beside the list). The row's Open action always opens a tab.
 */
export type SelectionMode = 'publish' | 'openTab';
export const SELECTION_MODES: readonly SelectionMode[] = ['publish', 'openTab'];

export function parseSelectionMode(input: unknown): SelectionMode {
    return SELECTION_MODES.includes(input as SelectionMode)
        ? (input as SelectionMode)
        : 'publish';
}

/** The App Builder properties the first filters come from. */
export interface FilterDefaults {
    defaultStatuses?: unknown;
    defaultChannelType?: unknown;
    defaultScope?: unknown;
    defaultTimeWindow?: unknown;
}

/** The filters the list opens with, and goes back to when a backlog drill-in is cleared. */
export function defaultFilters(defaults: FilterDefaults): SessionFilters {
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
