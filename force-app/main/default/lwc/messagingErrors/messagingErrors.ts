/**
 * Readable errors: any error Salesforce hands a component (UI API reads and writes, GraphQL
 * `errors`, fetch and network failures, Error objects, strings) read into one message.
 */
import labelErrorAccess from '@salesforce/label/c.MSC_ErrorAccess';
import labelErrorConflict from '@salesforce/label/c.MSC_ErrorConflict';
import labelErrorLocked from '@salesforce/label/c.MSC_ErrorLocked';
import labelErrorNetwork from '@salesforce/label/c.MSC_ErrorNetwork';
import labelErrorNotFound from '@salesforce/label/c.MSC_ErrorNotFound';
import labelErrorUnknown from '@salesforce/label/c.MSC_ErrorUnknown';
import labelErrorUnsupported from '@salesforce/label/c.MSC_ErrorUnsupported';

export type ErrorKind =
    | 'network'
    | 'access'
    | 'notFound'
    | 'conflict'
    | 'locked'
    | 'validation'
    | 'unsupported'
    | 'unknown';

export interface ReadableError {
    kind: ErrorKind;
    /** One sentence or a few, ready to show. */
    message: string;
    /** Field API name → message, for errors a write reports on a field. */
    fieldErrors: Record<string, string>;
}

const ACCESS_CODES = new Set([
    'INSUFFICIENT_ACCESS',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'FIELD_NOT_ACCESSIBLE',
    'API_DISABLED_FOR_ORG',
    'FUNCTIONALITY_NOT_ENABLED',
    'INVALID_SESSION_ID'
]);
const UNSUPPORTED_CODES = new Set([
    'INVALID_TYPE',
    'NOT_SUPPORTED',
    'UNSUPPORTED_API_VERSION'
]);
const NOT_FOUND_CODES = new Set([
    'NOT_FOUND',
    'ENTITY_IS_DELETED',
    'INVALID_ID_FIELD'
]);
const CONFLICT_CODES = new Set([
    'PRECONDITION_FAILED',
    'CONFLICT',
    // UI API's record-collision error: someone else saved the record during this edit.
    'CollisionDetectedException'
]);

const LOCKED_CODE = 'ENTITY_IS_LOCKED';

/** A non-null object: what an untrusted payload must be before its properties are read. */
export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function text(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

interface Collected {
    messages: string[];
    codes: string[];
    fieldErrors: Record<string, string>;
    status?: number;
    network: boolean;
}

function collectEntry(entry: unknown, into: Collected): void {
    if (typeof entry === 'string') {
        if (entry.trim()) into.messages.push(entry.trim());
        return;
    }
    if (!isObject(entry)) {
        return;
    }
    const code = text(entry.errorCode) || text(entry.statusCode);
    if (code) into.codes.push(code);
    const message = text(entry.message);
    if (message) into.messages.push(message);
}

function collectFieldErrors(fieldErrors: unknown, into: Collected): void {
    if (!isObject(fieldErrors)) {
        return;
    }
    for (const [field, entries] of Object.entries(fieldErrors)) {
        const list = Array.isArray(entries) ? entries : [entries];
        const messages = list
            .map((entry) => text(isObject(entry) ? entry.message : entry))
            .filter(Boolean);
        list.forEach((entry) => {
            if (isObject(entry) && text(entry.errorCode))
                into.codes.push(text(entry.errorCode));
        });
        if (messages.length) {
            into.fieldErrors[field] = messages.join(' ');
        }
    }
}

function collect(error: unknown, into: Collected, depth = 0): void {
    if (error == null || depth > 5) {
        return;
    }
    if (typeof error === 'string') {
        collectEntry(error, into);
        return;
    }
    if (Array.isArray(error)) {
        error.forEach((entry) => collect(entry, into, depth + 1));
        return;
    }
    if (error instanceof Error) {
        // fetch() rejects with a TypeError when the network or the server cannot be reached.
        if (
            error.name === 'TypeError' &&
            /fetch|network|load failed/i.test(error.message)
        ) {
            into.network = true;
        }
        collectEntry(error.message, into);
        return;
    }
    if (!isObject(error)) {
        return;
    }
    if (typeof error.status === 'number') {
        into.status = error.status;
        if (error.status === 0) into.network = true;
    }
    // GraphQL: { errors: [{ message, locations, path }] }, possibly beside partial data.
    if (Array.isArray(error.errors)) {
        error.errors.forEach((entry) => collectEntry(entry, into));
    }
    const body = error.body;
    if (Array.isArray(body)) {
        // UI API read errors: an array of { errorCode, message }.
        body.forEach((entry) => collectEntry(entry, into));
    } else if (isObject(body)) {
        collectEntry(body, into);
        // UI API record writes: { output: { errors, fieldErrors } }.
        if (isObject(body.output)) {
            collect(body.output.errors, into, depth + 1);
            collectFieldErrors(body.output.fieldErrors, into);
        }
        // Older and Apex-style write errors: { pageErrors, fieldErrors }.
        collect(body.pageErrors, into, depth + 1);
        collectFieldErrors(body.fieldErrors, into);
    } else if (typeof body === 'string') {
        collectEntry(body, into);
    }
    if (!Array.isArray(error.errors) && body === undefined) {
        // A plain { errorCode, message } or { pageErrors, fieldErrors } object.
        collectEntry(error, into);
        collect(error.pageErrors, into, depth + 1);
        collectFieldErrors(error.fieldErrors, into);
    }
    if (!into.messages.length && typeof error.statusText === 'string') {
        collectEntry(error.statusText, into);
    }
}

function classify(found: Collected): ErrorKind {
    const has = (codes: Set<string>): boolean =>
        found.codes.some((code) => codes.has(code));
    if (found.network) return 'network';
    // A lock (an approval process, say) outlasts any reload, so it is never a save conflict.
    if (found.codes.includes(LOCKED_CODE)) return 'locked';
    if (found.status === 412 || found.status === 409 || has(CONFLICT_CODES))
        return 'conflict';
    if (found.status === 401 || found.status === 403 || has(ACCESS_CODES))
        return 'access';
    if (has(UNSUPPORTED_CODES)) return 'unsupported';
    if (found.status === 404 || has(NOT_FOUND_CODES)) return 'notFound';
    if (Object.keys(found.fieldErrors).length || found.status === 400)
        return 'validation';
    return 'unknown';
}

const KIND_PREFIX: Record<ErrorKind, string> = {
    network: labelErrorNetwork,
    access: labelErrorAccess,
    notFound: labelErrorNotFound,
    conflict: labelErrorConflict,
    locked: labelErrorLocked,
    unsupported: labelErrorUnsupported,
    validation: '',
    unknown: ''
};

/**
 * Turns any error Salesforce hands a component into one readable message: UI API read errors
 * (array bodies), record write errors (output.errors / output.fieldErrors, pageErrors /
 * fieldErrors), GraphQL `errors`, fetch and network failures, Error objects and strings.
 */
export function describeError(error: unknown): ReadableError {
    const found: Collected = {
        messages: [],
        codes: [],
        fieldErrors: {},
        network: false
    };
    collect(error, found);
    const kind = classify(found);
    const details = [...new Set(found.messages)];
    const fieldMessages = Object.values(found.fieldErrors).filter(
        (message) => !details.includes(message)
    );
    const prefix = KIND_PREFIX[kind];
    const parts = [
        prefix,
        ...details,
        ...(details.length ? [] : fieldMessages)
    ].filter(Boolean);
    return {
        kind,
        message: parts.length ? parts.join(' ') : labelErrorUnknown,
        fieldErrors: found.fieldErrors
    };
}

/** Shorthand for the message of describeError. */
export function errorMessage(error: unknown): string {
    return describeError(error).message;
}

/** The entries of a GraphQL response's `errors`: a list, one error, or none. */
export function graphqlErrorList(errors: unknown): unknown[] {
    if (Array.isArray(errors)) return errors;
    return errors ? [errors] : [];
}

/** An error entry's message, path and extensions as one text, to match what the server said. */
export function graphqlErrorText(error: unknown): string {
    if (!isObject(error)) return '';
    const parts = [typeof error.message === 'string' ? error.message : ''];
    if (Array.isArray(error.path)) parts.push(error.path.join('.'));
    if (error.extensions && typeof error.extensions === 'object')
        parts.push(JSON.stringify(error.extensions));
    return parts.join(' ');
}

/** The readable message of a GraphQL response's `errors` (a list or a single error). */
export function graphqlErrorMessage(errors: unknown): string {
    return errorMessage({ errors: graphqlErrorList(errors) });
}
