/**
 * Pure logic of messagingSessionHistory: the related-list request, reading history rows, turning
 * field API names into labels, formatting values by their DataType, and grouping the timeline.
 */
import { getFieldDisplayValue, getFieldValue } from 'lightning/uiRecordApi';
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS,
    SESSION_STATUSES,
    lookupLabel,
    picklistLabel,
    scalarText,
    scalarValue
} from 'c/messagingSessionSchema';
import type { PicklistOption, ScalarValue } from 'c/messagingSessionSchema';
import { formatLabel } from 'c/messagingTime';

import labelBlank from '@salesforce/label/c.MSC_HistoryBlank';
import labelChanged from '@salesforce/label/c.MSC_HistoryChanged';
import labelChangedNoValues from '@salesforce/label/c.MSC_HistoryChangedNoValues';
import labelCleared from '@salesforce/label/c.MSC_HistoryCleared';
import labelCreated from '@salesforce/label/c.MSC_HistoryCreated';
import labelFalse from '@salesforce/label/c.MSC_HistoryFalse';
import labelFeedEvent from '@salesforce/label/c.MSC_HistoryFeedEvent';
import labelLocked from '@salesforce/label/c.MSC_HistoryLocked';
import labelOwnerAccepted from '@salesforce/label/c.MSC_HistoryOwnerAccepted';
import labelOwnerAssignment from '@salesforce/label/c.MSC_HistoryOwnerAssignment';
import labelOwnerAssignmentTo from '@salesforce/label/c.MSC_HistoryOwnerAssignmentTo';
import labelSet from '@salesforce/label/c.MSC_HistorySet';
import labelTrue from '@salesforce/label/c.MSC_HistoryTrue';
import labelUnknownUser from '@salesforce/label/c.MSC_HistoryUnknownUser';
import labelUnlocked from '@salesforce/label/c.MSC_HistoryUnlocked';
import labelFieldOwner from '@salesforce/label/c.MSC_DetailFieldOwner';

// ---------------------------------------------------------------------------------------------
// getRelatedListRecords configuration
// ---------------------------------------------------------------------------------------------

export const HISTORY_OBJECT = 'MessagingSessionHistory';
export const HISTORY_RELATED_LIST_ID = 'Histories';
/** Rows requested per page and shown per "load more". */
export const HISTORY_PAGE_SIZE = 50;

const qualified = (field: string): string => `${HISTORY_OBJECT}.${field}`;

/** Related-list fields are named ObjectApiName.Field. */
export const HISTORY_FIELDS: readonly string[] = [
    'Id',
    'Field',
    'CreatedDate'
].map(qualified);
export const HISTORY_OPTIONAL_FIELDS: readonly string[] = [
    'OldValue',
    'NewValue',
    'DataType',
    'CreatedById',
    'CreatedBy.Name'
].map(qualified);
/** Newest first. */
export const HISTORY_SORT_BY: readonly string[] = ['-CreatedDate'];

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** Special Field values that record an event rather than a field change. */
export type HistoryEvent =
    | 'created'
    | 'ownerAssignment'
    | 'ownerAccepted'
    | 'feedEvent'
    | 'locked'
    | 'unlocked';
export const HISTORY_EVENTS: readonly HistoryEvent[] = [
    'created',
    'ownerAssignment',
    'ownerAccepted',
    'feedEvent',
    'locked',
    'unlocked'
];

export interface HistoryRow {
    id: string;
    field: string;
    dataType: string | null;
    oldValue: ScalarValue;
    newValue: ScalarValue;
    oldDisplay: string | null;
    newDisplay: string | null;
    createdDate: string | null;
    createdById: string | null;
    createdByName: string | null;
    /** OldValue/NewValue were not returned (hidden from the user). */
    valuesHidden: boolean;
}

export function readHistoryRow(
    record: UiApi.RecordRepresentation,
    index = 0
): HistoryRow {
    const oldValue = getFieldValue(record, qualified('OldValue'));
    const newValue = getFieldValue(record, qualified('NewValue'));
    return {
        id:
            record.id ??
            scalarText(getFieldValue(record, qualified('Id'))) ??
            `row-${index}`,
        field: scalarText(getFieldValue(record, qualified('Field'))) ?? '',
        dataType: scalarText(getFieldValue(record, qualified('DataType'))),
        oldValue: scalarValue(oldValue) ?? null,
        newValue: scalarValue(newValue) ?? null,
        oldDisplay: getFieldDisplayValue(record, qualified('OldValue')) ?? null,
        newDisplay: getFieldDisplayValue(record, qualified('NewValue')) ?? null,
        createdDate: scalarText(
            getFieldValue(record, qualified('CreatedDate'))
        ),
        createdById: scalarText(
            getFieldValue(record, qualified('CreatedById'))
        ),
        createdByName: scalarText(
            getFieldValue(record, qualified('CreatedBy.Name'))
        ),
        valuesHidden: oldValue === undefined || newValue === undefined
    };
}

// ---------------------------------------------------------------------------------------------
// Labels and values
// ---------------------------------------------------------------------------------------------

export interface FormatContext {
    locale: string;
    timeZone: string;
    objectInfo?: UiApi.ObjectInfoRepresentation | null;
}

/**
 * The label of a history Field through the object info. Lookups may be recorded without their
 * "Id" suffix (Owner for OwnerId), so that is tried too. Unknown fields keep their API name.
 */
export function historyFieldLabel(
    field: string,
    objectInfo?: UiApi.ObjectInfoRepresentation | null
): string {
    const fields = objectInfo?.fields;
    // History names lookups by relationship ("Owner"); the describe label is on the Id field ("Owner ID").
    return (
        fields?.[field]?.label ||
        lookupLabel(fields?.[`${field}Id`]?.label) ||
        field
    );
}

/** Picklists of MessagingSession whose values the console labels itself. */
const FIELD_OPTIONS: Record<string, readonly PicklistOption[]> = {
    Status: SESSION_STATUSES,
    ChannelType: CHANNEL_TYPES,
    AgentType: AGENT_TYPES,
    Origin: SESSION_ORIGINS
};

const NUMBER_TYPES = new Set([
    'double',
    'int',
    'integer',
    'number',
    'currency',
    'percent',
    'long'
]);
const PICKLIST_TYPES = new Set([
    'picklist',
    'dynamicenum',
    'staticenum',
    'multipicklist'
]);

/**
 * How precisely a value is shown: 0 as usual, 1 with seconds (times) or every digit (numbers),
 * 2 with milliseconds, 3 with the stored value beside what is shown. A change uses the first
 * precision at which its two values read differently.
 */
export type Precision = 0 | 1 | 2 | 3;
const PRECISIONS: readonly Precision[] = [0, 1, 2, 3];

/** Date and time to the millisecond: dateStyle/timeStyle can't carry milliseconds, so the parts are spelled out. */
const TO_THE_MILLISECOND: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3
};

/** Date-time formats by precision. */
const DATE_TIME_FORMATS: Record<Precision, Intl.DateTimeFormatOptions> = {
    0: { dateStyle: 'medium', timeStyle: 'short' },
    1: { dateStyle: 'medium', timeStyle: 'medium' },
    2: TO_THE_MILLISECOND,
    3: TO_THE_MILLISECOND
};

export function formatDateTime(
    value: string,
    locale: string,
    timeZone: string,
    precision: Precision = 0
): string {
    const millis = Date.parse(value);
    if (Number.isNaN(millis)) {
        return value;
    }
    try {
        return new Intl.DateTimeFormat(locale, {
            ...DATE_TIME_FORMATS[precision],
            timeZone
        }).format(millis);
    } catch {
        return new Date(millis).toISOString();
    }
}

function formatDate(value: string, locale: string): string {
    const millis = Date.parse(
        value.length === 10 ? `${value}T00:00:00Z` : value
    );
    if (Number.isNaN(millis)) {
        return value;
    }
    try {
        // A date has no time zone: shown as the calendar day it names.
        return new Intl.DateTimeFormat(locale, {
            dateStyle: 'medium',
            timeZone: 'UTC'
        }).format(millis);
    } catch {
        return value;
    }
}

/** A history value formatted by the DataType of its row. Empty values read "blank". */
export function formatHistoryValue(
    value: ScalarValue,
    dataType: string | null,
    field: string,
    context: FormatContext,
    displayValue?: string | null,
    precision: Precision = 0
): string {
    if (value === null || value === '') {
        return labelBlank;
    }
    const shown = formatShown(
        value,
        (dataType ?? '').toLowerCase(),
        field,
        context,
        displayValue,
        precision
    );
    const stored = String(value);
    return precision === 3 && shown !== stored ? `${shown} (${stored})` : shown;
}

function formatShown(
    value: string | number | boolean,
    type: string,
    field: string,
    context: FormatContext,
    displayValue: string | null | undefined,
    precision: Precision
): string {
    if (type === 'datetime') {
        return formatDateTime(
            String(value),
            context.locale,
            context.timeZone,
            precision
        );
    }
    if (type === 'date') {
        return formatDate(String(value), context.locale);
    }
    if (type === 'boolean' || typeof value === 'boolean') {
        return value === true || value === 'true' ? labelTrue : labelFalse;
    }
    if (NUMBER_TYPES.has(type)) {
        const number = typeof value === 'number' ? value : Number(value);
        if (Number.isFinite(number)) {
            try {
                return new Intl.NumberFormat(
                    context.locale,
                    precision > 0
                        ? { maximumFractionDigits: 20 }
                        : type === 'percent'
                          ? { maximumFractionDigits: 2 }
                          : {}
                ).format(number);
            } catch {
                return String(number);
            }
        }
        return String(value);
    }
    if (PICKLIST_TYPES.has(type) || FIELD_OPTIONS[field]) {
        const options = FIELD_OPTIONS[field];
        return options
            ? picklistLabel(options, String(value), displayValue)
            : displayValue || String(value);
    }
    return displayValue || String(value);
}

// ---------------------------------------------------------------------------------------------
// Entries and groups
// ---------------------------------------------------------------------------------------------

export interface HistoryEntryView {
    id: string;
    text: string;
    isEvent: boolean;
    field: string;
    fieldLabel: string;
}

const hasValue = (value: ScalarValue): boolean =>
    value !== null && value !== '';

/**
 * The old and new values as shown, at the first precision where they read differently: a change
 * never reads "from 7:03 AM to 7:03 AM". Values that are truly equal are shown as usual.
 */
function distinctTexts(
    row: HistoryRow,
    context: FormatContext
): [string, string] {
    const at = (precision: Precision): [string, string] => [
        formatHistoryValue(
            row.oldValue,
            row.dataType,
            row.field,
            context,
            row.oldDisplay,
            precision
        ),
        formatHistoryValue(
            row.newValue,
            row.dataType,
            row.field,
            context,
            row.newDisplay,
            precision
        )
    ];
    if (String(row.oldValue) === String(row.newValue)) {
        return at(0);
    }
    let texts = at(0);
    for (const precision of PRECISIONS.slice(1)) {
        if (texts[0] !== texts[1]) break;
        texts = at(precision);
    }
    return texts;
}

export function describeHistoryRow(
    row: HistoryRow,
    context: FormatContext
): HistoryEntryView {
    const label = historyFieldLabel(row.field, context.objectInfo);
    const [oldText, newText] = distinctTexts(row, context);
    const hasOld = hasValue(row.oldValue);
    const hasNew = hasValue(row.newValue);
    const entry = (text: string, isEvent: boolean): HistoryEntryView => ({
        id: row.id,
        text,
        isEvent,
        field: row.field,
        fieldLabel: isEvent ? '' : label
    });
    switch (row.field as HistoryEvent) {
        case 'created':
            return entry(labelCreated, true);
        case 'ownerAssignment': {
            const owner = historyFieldLabel('Owner', context.objectInfo);
            const ownerLabel = owner === 'Owner' ? labelFieldOwner : owner;
            if (hasOld && hasNew)
                return entry(
                    formatLabel(labelOwnerAssignment, oldText, newText),
                    true
                );
            if (hasNew)
                return entry(
                    formatLabel(labelOwnerAssignmentTo, newText),
                    true
                );
            return entry(formatLabel(labelChangedNoValues, ownerLabel), true);
        }
        case 'ownerAccepted':
            return entry(labelOwnerAccepted, true);
        case 'feedEvent':
            return entry(labelFeedEvent, true);
        case 'locked':
            return entry(labelLocked, true);
        case 'unlocked':
            return entry(labelUnlocked, true);
        default:
            break;
    }
    if (row.valuesHidden || (!hasOld && !hasNew)) {
        return entry(formatLabel(labelChangedNoValues, label), false);
    }
    if (!hasOld) return entry(formatLabel(labelSet, label, newText), false);
    if (!hasNew) return entry(formatLabel(labelCleared, label, oldText), false);
    return entry(formatLabel(labelChanged, label, oldText, newText), false);
}

export interface HistoryGroupView {
    key: string;
    actor: string;
    isoTime: string;
    timeText: string;
    entries: HistoryEntryView[];
}

const timeOf = (row: HistoryRow): number => {
    const millis = row.createdDate ? Date.parse(row.createdDate) : NaN;
    return Number.isNaN(millis) ? -Infinity : millis;
};

/** Rows newest first (stable for equal times); rows without a readable date go last. */
export function sortNewestFirst(rows: readonly HistoryRow[]): HistoryRow[] {
    return rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => timeOf(b.row) - timeOf(a.row) || a.index - b.index)
        .map(({ row }) => row);
}

/**
 * A reference change is stored twice: once with names and once (DataType EntityId) with ids for
 * the API. When both are in a group, only the readable one is kept.
 */
function dropIdTwins(rows: HistoryRow[]): HistoryRow[] {
    return rows.filter(
        (row) =>
            row.dataType !== 'EntityId' ||
            !rows.some(
                (other) =>
                    other !== row &&
                    other.field === row.field &&
                    other.dataType !== 'EntityId'
            )
    );
}

const OWNER_FIELDS = new Set(['Owner', 'OwnerId']);
const OWNER_EVENTS = new Set<string>(['ownerAssignment', 'ownerAccepted']);

/** The change a row tells of: the owner events and the Owner field rows tell of the same one. */
function subjectOf(row: HistoryRow): string {
    return OWNER_FIELDS.has(row.field) || OWNER_EVENTS.has(row.field)
        ? 'Owner'
        : row.field;
}

const showsValues = (row: HistoryRow): boolean =>
    !row.valuesHidden && (hasValue(row.oldValue) || hasValue(row.newValue));

/**
 * One entry per change in a group. Salesforce may record an owner change as the Owner field and
 * as an ownerAssignment event, with or without values: the field row (with its values) is kept;
 * an assignment event beside it, or a bare "Changed Owner." beside a row that says more, repeats it.
 * The acceptance event is always kept: it says the session came from a queue.
 */
function withoutRepeats(rows: HistoryRow[]): HistoryRow[] {
    const readable = dropIdTwins(rows);
    return readable.filter((row) => {
        if (row.field === 'ownerAccepted') return true;
        const others = readable.filter(
            (other) => other !== row && subjectOf(other) === subjectOf(row)
        );
        if (
            row.field === 'ownerAssignment' &&
            others.some(
                (other) => OWNER_FIELDS.has(other.field) && showsValues(other)
            )
        ) {
            return false;
        }
        return (
            showsValues(row) ||
            !others.some(
                (other) => showsValues(other) || other.field === 'ownerAccepted'
            )
        );
    });
}

/**
 * The timeline: rows newest first, grouped when made in the same minute by the same user.
 * Expects rows already sorted (sortNewestFirst).
 */
export function groupHistory(
    rows: readonly HistoryRow[],
    context: FormatContext
): HistoryGroupView[] {
    const groups: Array<{
        minute: number;
        actorKey: string;
        rows: HistoryRow[];
    }> = [];
    for (const row of rows) {
        const time = timeOf(row);
        const minute = Number.isFinite(time) ? Math.floor(time / 60000) : NaN;
        const actorKey = row.createdById || row.createdByName || '';
        const last = groups[groups.length - 1];
        if (
            last &&
            last.actorKey === actorKey &&
            (last.minute === minute ||
                (Number.isNaN(last.minute) && Number.isNaN(minute)))
        ) {
            last.rows.push(row);
        } else {
            groups.push({ minute, actorKey, rows: [row] });
        }
    }
    return groups.map((group, index) => {
        const first = group.rows[0];
        return {
            key: `${first.id}-${index}`,
            actor: first.createdByName || labelUnknownUser,
            isoTime: first.createdDate ?? '',
            timeText: first.createdDate
                ? formatDateTime(
                      first.createdDate,
                      context.locale,
                      context.timeZone
                  )
                : '',
            entries: withoutRepeats(group.rows).map((row) =>
                describeHistoryRow(row, context)
            )
        };
    });
}
