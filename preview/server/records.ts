/**
 * UI API REST resources over SQLite: records (GET, PATCH), object info, picklist values and
 * related-list records, in Salesforce's response shapes (types/ui-api.d.ts).
 */
import type { Db } from './db';
import { to18 } from './ids';
import {
    MASTER_RECORD_TYPE_ID,
    OBJECTS,
    fieldDef,
    objectDef,
    objectForId,
    picklistLabelOf,
    q,
    relationshipField,
    storedTargets
} from './metadata';
import type { FieldDef, ObjectDef } from './metadata';
import { CURRENT_USER_ID } from './seed';

export type Row = Record<string, unknown>;

/** An HTTP answer: status and JSON body. */
export interface ApiResult {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
}

export const errorArray = (
    status: number,
    errorCode: string,
    message: string
): ApiResult => ({
    status,
    body: [{ errorCode, message }]
});

const dateFormat = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
});

/** The value and display value of one stored field, as UI API returns them. */
export function fieldValue(
    field: FieldDef,
    raw: unknown
): { value: string | number | boolean | null; displayValue: string | null } {
    if (raw == null) return { value: null, displayValue: null };
    switch (field.type) {
        case 'Boolean':
            return { value: raw === 1 || raw === true, displayValue: null };
        case 'Picklist':
            return {
                value: String(raw),
                displayValue: picklistLabelOf(field, raw)
            };
        case 'DateTime': {
            const d = new Date(String(raw));
            return {
                value: String(raw),
                displayValue: Number.isNaN(d.getTime())
                    ? null
                    : dateFormat.format(d)
            };
        }
        case 'Int':
        case 'Double':
            return { value: Number(raw), displayValue: null };
        default:
            return { value: raw as string, displayValue: null };
    }
}

const rowStatements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

export function loadRow(
    db: Db,
    objectApiName: string,
    id: string
): Row | undefined {
    let cache = rowStatements.get(db);
    if (!cache) rowStatements.set(db, (cache = new Map()));
    let stmt = cache.get(objectApiName);
    if (!stmt) {
        stmt = db.prepare(`SELECT * FROM ${q(objectApiName)} WHERE "Id" = ?`);
        cache.set(objectApiName, stmt);
    }
    return stmt.get(id) as Row | undefined;
}

/** Finds a record by ID in whichever table its key prefix names. */
export function findRecord(
    db: Db,
    id: string
): { def: ObjectDef; row: Row } | undefined {
    const id18 = to18(id);
    if (!id18) return undefined;
    const def = objectForId(id18);
    if (!def) return undefined;
    const row = loadRow(db, def.apiName, id18);
    return row ? { def, row } : undefined;
}

export function nameOf(def: ObjectDef, row: Row): string | null {
    const v = row[def.nameField];
    return v == null ? null : String(v);
}

function modstamp(row: Row): string | null {
    return (
        (row.SystemModstamp as string | undefined) ??
        (row.LastModifiedDate as string | undefined) ??
        (row.CreatedDate as string | undefined) ??
        null
    );
}

/** A field path tree: Status, Owner.Name → { Status: {}, Owner: { Name: {} } }. */
export type PathTree = Map<string, PathTree>;

export function addPath(tree: PathTree, parts: string[]): void {
    let node = tree;
    for (const part of parts) {
        let next = node.get(part);
        if (!next) node.set(part, (next = new Map()));
        node = next;
    }
}

/** Whether a field path (relative to the object) exists: plain fields or relationship chains. */
export function validatePath(def: ObjectDef, parts: string[]): boolean {
    const [head, ...rest] = parts;
    if (!head) return false;
    if (rest.length === 0) return Boolean(fieldDef(def.apiName, head));
    const rel = relationshipField(def.apiName, head);
    if (!rel) return false;
    const targets = storedTargets(rel);
    // A polymorphic relationship accepts fields of any of its targets (the Name entity's fields).
    return targets.some((t) => validatePath(t, rest));
}

export function buildRecord(
    db: Db,
    def: ObjectDef,
    row: Row,
    tree: PathTree
): UiApi.RecordRepresentation {
    const fields: Record<string, UiApi.FieldValueRepresentation> = {};
    for (const [name, sub] of tree) {
        if (sub.size === 0) {
            const f = fieldDef(def.apiName, name);
            if (f) fields[name] = fieldValue(f, row[name]);
            continue;
        }
        const rel = relationshipField(def.apiName, name);
        if (!rel) continue;
        const refId = row[rel.name] as string | null;
        const target = refId ? findRecord(db, refId) : undefined;
        if (!target) {
            fields[name] = { displayValue: null, value: null };
            continue;
        }
        const nested = buildRecord(db, target.def, target.row, sub);
        fields[name] = {
            displayValue: nameOf(target.def, target.row),
            value: nested
        };
    }
    const stamp = modstamp(row);
    return {
        apiName: def.apiName,
        childRelationships: {},
        eTag: `"${def.apiName}:${String(row.Id)}:${stamp ?? ''}"`,
        fields,
        id: String(row.Id),
        lastModifiedById: (row.LastModifiedById as string | undefined) ?? null,
        lastModifiedDate: (row.LastModifiedDate as string | undefined) ?? null,
        recordTypeId: MASTER_RECORD_TYPE_ID,
        recordTypeInfo: null,
        systemModstamp: stamp,
        weakEtag: stamp ? Date.parse(stamp) : 0
    };
}

function splitList(value: string | string[] | null | undefined): string[] {
    if (value == null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list
        .flatMap((v) => v.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
}

/**
 * Resolves `fields`/`optionalFields` (ObjectApiName.Field.Path) for an object into a path tree.
 * Unknown required fields produce a 400 error; unknown optional ones are dropped.
 */
export function resolveFieldParams(
    def: ObjectDef,
    fields: string[],
    optionalFields: string[]
): { tree: PathTree; error?: ApiResult } {
    const tree: PathTree = new Map();
    const bad: string[] = [];
    const take = (spec: string, required: boolean) => {
        const parts = spec.split('.');
        if (
            parts.length < 2 ||
            parts[0] !== def.apiName ||
            !validatePath(def, parts.slice(1))
        ) {
            if (required) bad.push(spec);
            return;
        }
        addPath(tree, parts.slice(1));
    };
    fields.forEach((f) => take(f, true));
    optionalFields.forEach((f) => take(f, false));
    if (bad.length) {
        return {
            tree,
            error: errorArray(
                400,
                'INVALID_FIELD',
                `No such column '${bad.join("', '")}' on entity '${def.apiName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
            )
        };
    }
    return { tree };
}

export function getRecord(
    db: Db,
    id: string,
    params: URLSearchParams
): ApiResult {
    const found = findRecord(db, id);
    if (!found)
        return errorArray(
            404,
            'NOT_FOUND',
            'The requested resource does not exist'
        );
    const fields = splitList(params.getAll('fields'));
    const optional = splitList(params.getAll('optionalFields'));
    const layoutTypes = splitList(params.getAll('layoutTypes'));
    let tree: PathTree;
    if (
        fields.length === 0 &&
        optional.length === 0 &&
        layoutTypes.length === 0
    ) {
        return errorArray(
            400,
            'ILLEGAL_QUERY_PARAMETER_VALUE',
            'Either fields, optionalFields or layoutTypes must be specified.'
        );
    }
    if (
        layoutTypes.length > 0 &&
        fields.length === 0 &&
        optional.length === 0
    ) {
        tree = allFieldsTree(found.def);
    } else {
        const resolved = resolveFieldParams(found.def, fields, optional);
        if (resolved.error) return resolved.error;
        tree = resolved.tree;
    }
    return { status: 200, body: buildRecord(db, found.def, found.row, tree) };
}

export function getRecordsBatch(
    db: Db,
    ids: string[],
    params: URLSearchParams
): ApiResult {
    const results = ids.map((id) => {
        const r = getRecord(db, id, params);
        return { statusCode: r.status, result: r.body };
    });
    return { status: 200, body: { results } };
}

function allFieldsTree(def: ObjectDef): PathTree {
    const tree: PathTree = new Map();
    for (const f of def.fields) addPath(tree, [f.name]);
    return tree;
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

interface FieldError {
    field: string;
    errorCode: string;
    message: string;
}

function writeError(
    def: ObjectDef,
    errors: FieldError[],
    status = 400
): ApiResult {
    const fieldErrors: Record<string, UiApi.FieldErrorEntry[]> = {};
    const general: UiApi.RecordWriteErrorBody['output'] = {
        errors: [],
        fieldErrors
    };
    for (const e of errors) {
        const f = fieldDef(def.apiName, e.field);
        if (!f) {
            general.errors.push({
                errorCode: e.errorCode,
                message: e.message,
                duplicateRecordError: null,
                field: null
            });
            continue;
        }
        (fieldErrors[e.field] ??= []).push({
            constituentField: null,
            duplicateRecordError: null,
            errorCode: e.errorCode,
            field: e.field,
            fieldLabel: f.label,
            message: e.message
        });
    }
    const body: UiApi.RecordWriteErrorBody = {
        enhancedErrorType: 'RecordError',
        message:
            'An error occurred while trying to update the record. Please try again.',
        output: general
    };
    return { status, body };
}

const ISO_DATE_TIME =
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an If-Unmodified-Since header. LDS sends the loaded record's LastModifiedDate as the
 * API gives it, an ISO 8601 date-time with milliseconds ("…T10:00:00.123Z", or "+0000" from
 * the REST API): compared to the millisecond, so two saves within one second conflict. An HTTP
 * date has whole seconds and is compared to the second. A missing zone means UTC, as in the API.
 */
export function parseIfUnmodifiedSince(
    value: string
): { ms: number; precise: boolean } | null {
    const iso = ISO_DATE_TIME.exec(value.trim());
    if (iso) {
        const zone = (iso[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
        const fraction = (iso[2] ?? '').padEnd(3, '0').slice(0, 3);
        const ms = Date.parse(`${iso[1]}.${fraction}${zone}`);
        return Number.isFinite(ms) ? { ms, precise: true } : null;
    }
    // RFC 9110 HTTP-date (IMF-fixdate and the obsolete forms Date.parse also reads); never a bare number.
    if (!/[A-Za-z]{3}/.test(value)) return null;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? { ms, precise: false } : null;
}

const HISTORY_FIELD_NAMES: Record<string, string> = {
    OwnerId: 'Owner',
    CaseId: 'Case',
    LeadId: 'Lead',
    OpportunityId: 'Opportunity',
    TargetUserId: 'TargetUser'
};

function historyDataType(f: FieldDef): string {
    switch (f.type) {
        case 'Reference':
            return 'EntityId';
        case 'DateTime':
            return 'DateTime';
        case 'Picklist':
            return 'Picklist';
        case 'Double':
        case 'Int':
            return 'Double';
        default:
            return 'Text';
    }
}

let historyCounter = 0;
let nowOverride: (() => number) | null = null;

/** Tests may pin the clock used for LastModifiedDate and history rows. */
export function setClock(fn: (() => number) | null): void {
    nowOverride = fn;
}

export function now(): number {
    return nowOverride ? nowOverride() : Date.now();
}

function nextHistoryId(db: Db): string {
    // Not deterministic across runs (edits are not); unique within the table.
    const max = db
        .prepare('SELECT MAX(rowid) AS n FROM "MessagingSessionHistory"')
        .get() as { n: number | null };
    historyCounter = Math.max(historyCounter, max.n ?? 0) + 1;
    return makeIdFor('0Mx', historyCounter + 5_000_000_000);
}

import { makeId as makeIdFor } from './ids';

export function updateRecord(
    db: Db,
    id: string,
    body: unknown,
    ifUnmodifiedSince?: string
): ApiResult {
    const found = findRecord(db, id);
    if (!found)
        return errorArray(
            404,
            'NOT_FOUND',
            'The requested resource does not exist'
        );
    const { def, row } = found;
    if (!def.updateable)
        return errorArray(
            403,
            'INSUFFICIENT_ACCESS',
            `You don't have access to update ${def.label} records.`
        );
    const input = (body as { fields?: Record<string, unknown> } | null)?.fields;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
        return errorArray(
            400,
            'JSON_PARSER_ERROR',
            'The request body must be a JSON object with a "fields" property.'
        );
    }
    const since = ifUnmodifiedSince
        ? parseIfUnmodifiedSince(ifUnmodifiedSince)
        : null;
    if (ifUnmodifiedSince && since == null) {
        return errorArray(
            400,
            'ILLEGAL_QUERY_PARAMETER_VALUE',
            "If-Unmodified-Since is not a valid date: send the record's LastModifiedDate value or an HTTP date."
        );
    }
    const lastModified = Date.parse(String(row.LastModifiedDate));
    const modifiedSince =
        since != null &&
        (since.precise
            ? lastModified > since.ms
            : Math.floor(lastModified / 1000) > Math.floor(since.ms / 1000));
    if (modifiedSince) {
        return errorArray(
            412,
            'PRECONDITION_FAILED',
            'The record was modified by someone else after you loaded it. Reload the record and try again.'
        );
    }
    const errors: FieldError[] = [];
    const changes: Array<{ field: FieldDef; value: unknown }> = [];
    for (const [name, value] of Object.entries(input)) {
        if (name === 'Id') continue;
        const f = fieldDef(def.apiName, name);
        if (!f) {
            errors.push({
                field: name,
                errorCode: 'INVALID_FIELD',
                message: `No such column '${name}' on sobject of type ${def.apiName}`
            });
            continue;
        }
        if (!f.updateable) {
            errors.push({
                field: name,
                errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                message: `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`
            });
            continue;
        }
        const checked = validateValue(db, f, value);
        if ('error' in checked) errors.push({ field: name, ...checked.error });
        else changes.push({ field: f, value: checked.value });
    }
    if (errors.length) return writeError(def, errors);
    const stamp = new Date(Math.max(now(), lastModified + 1)).toISOString();
    const changed = changes.filter(
        (c) => (row[c.field.name] ?? null) !== (c.value ?? null)
    );
    const apply = db.transaction(() => {
        if (changed.length) {
            const sets = changed.map((c) => `${q(c.field.name)} = ?`);
            db.prepare(
                `UPDATE ${q(def.apiName)} SET ${sets.join(', ')}, "LastModifiedDate" = ?, "SystemModstamp" = ?, "LastModifiedById" = ? WHERE "Id" = ?`
            ).run(
                ...changed.map((c) => c.value as string | number | null),
                stamp,
                stamp,
                CURRENT_USER_ID,
                row.Id as string
            );
        } else {
            db.prepare(
                `UPDATE ${q(def.apiName)} SET "LastModifiedDate" = ?, "SystemModstamp" = ?, "LastModifiedById" = ? WHERE "Id" = ?`
            ).run(stamp, stamp, CURRENT_USER_ID, row.Id as string);
        }
        if (def.apiName === 'MessagingSession') {
            const ins = db.prepare(
                'INSERT INTO "MessagingSessionHistory" ("Id", "MessagingSessionId", "Field", "DataType", "OldValue", "NewValue", "IsDeleted", "CreatedDate", "CreatedById") VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)'
            );
            for (const c of changed) {
                const histField =
                    HISTORY_FIELD_NAMES[c.field.name] ?? c.field.name;
                const oldRaw = row[c.field.name];
                ins.run(
                    nextHistoryId(db),
                    row.Id as string,
                    histField,
                    historyDataType(c.field),
                    oldRaw == null ? null : String(oldRaw),
                    c.value == null ? null : String(c.value),
                    stamp,
                    CURRENT_USER_ID
                );
                if (c.field.type === 'Reference') {
                    // Lookup changes are recorded twice, with IDs and with names.
                    const oldName = oldRaw ? refName(db, String(oldRaw)) : null;
                    const newName = c.value
                        ? refName(db, String(c.value))
                        : null;
                    ins.run(
                        nextHistoryId(db),
                        row.Id as string,
                        histField,
                        'Text',
                        oldName,
                        newName,
                        stamp,
                        CURRENT_USER_ID
                    );
                }
            }
        }
    });
    apply();
    const fresh = loadRow(db, def.apiName, row.Id as string) as Row;
    return {
        status: 200,
        body: buildRecord(db, def, fresh, allFieldsTree(def))
    };
}

function refName(db: Db, id: string): string | null {
    const found = findRecord(db, id);
    return found ? nameOf(found.def, found.row) : null;
}

function validateValue(
    db: Db,
    f: FieldDef,
    value: unknown
): { value: unknown } | { error: { errorCode: string; message: string } } {
    if (value === null || value === '') {
        if (f.nillable === false)
            return {
                error: {
                    errorCode: 'REQUIRED_FIELD_MISSING',
                    message: `Required fields are missing: [${f.name}]`
                }
            };
        return { value: null };
    }
    switch (f.type) {
        case 'Reference': {
            const id = typeof value === 'string' ? to18(value) : null;
            const target = id ? findRecord(db, id) : undefined;
            if (
                !id ||
                !target ||
                !(f.referenceTo ?? []).includes(target.def.apiName)
            ) {
                return {
                    error: {
                        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
                        message: `${f.label}: id value of incorrect type: ${String(value)}`
                    }
                };
            }
            if (
                f.name === 'OwnerId' &&
                target.def.apiName === 'Group' &&
                target.row.Type !== 'Queue'
            ) {
                return {
                    error: {
                        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
                        message: `${f.label}: only a user or a queue can own this record`
                    }
                };
            }
            return { value: id };
        }
        case 'Picklist':
            if (typeof value !== 'string')
                return {
                    error: {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        message: `${f.label}: value not of required type: ${JSON.stringify(value)}`
                    }
                };
            if (f.restricted && !f.picklist?.some((p) => p.value === value)) {
                return {
                    error: {
                        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                        message: `${f.label}: bad value for restricted picklist field: ${value}`
                    }
                };
            }
            return { value };
        case 'DateTime': {
            const ms = typeof value === 'string' ? Date.parse(value) : NaN;
            if (!Number.isFinite(ms))
                return {
                    error: {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        message: `${f.label}: value not of required type: ${String(value)}`
                    }
                };
            return { value: new Date(ms).toISOString() };
        }
        case 'Int':
        case 'Double': {
            const n =
                typeof value === 'number'
                    ? value
                    : typeof value === 'string' && value.trim() !== ''
                      ? Number(value)
                      : NaN;
            if (!Number.isFinite(n))
                return {
                    error: {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        message: `${f.label}: value not of required type: ${String(value)}`
                    }
                };
            const scale = f.scale ?? 0;
            const rounded =
                f.type === 'Int' ? Math.round(n) : Number(n.toFixed(scale));
            if (
                f.precision &&
                Math.abs(rounded) >= 10 ** (f.precision - scale)
            ) {
                return {
                    error: {
                        errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
                        message: `${f.label}: value outside of valid range on numeric field: ${n}`
                    }
                };
            }
            return { value: rounded };
        }
        case 'Boolean':
            if (typeof value !== 'boolean')
                return {
                    error: {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        message: `${f.label}: value not of required type: ${String(value)}`
                    }
                };
            return { value: value ? 1 : 0 };
        default: {
            if (typeof value !== 'string')
                return {
                    error: {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        message: `${f.label}: value not of required type: ${JSON.stringify(value)}`
                    }
                };
            if (f.length && value.length > f.length) {
                return {
                    error: {
                        errorCode: 'STRING_TOO_LONG',
                        message: `${f.label}: data value too large: ${value.slice(0, 40)}${value.length > 40 ? '…' : ''} (max length=${f.length})`
                    }
                };
            }
            return { value };
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Object info and picklists
// ---------------------------------------------------------------------------------------------

function fieldRepresentation(
    def: ObjectDef,
    f: FieldDef
): UiApi.FieldRepresentation {
    const system = [
        'Id',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted'
    ].includes(f.name);
    return {
        apiName: f.name,
        calculated: f.name === 'ChannelEndUserFormula',
        compound: false,
        compoundComponentName: null,
        compoundFieldName: null,
        controllerName: null,
        controllingFields: [],
        createable: Boolean(f.createable),
        custom: Boolean(f.custom),
        dataType: f.type,
        extraTypeInfo: f.htmlFormatted
            ? 'RichTextArea'
            : f.type === 'Reference' && (f.referenceTo?.length ?? 0) > 1
              ? null
              : null,
        filterable: f.filterable ?? true,
        filteredLookupInfo: null,
        highScaleNumber: false,
        htmlFormatted: Boolean(f.htmlFormatted),
        inlineHelpText: null,
        label: f.label,
        length:
            f.type === 'Reference' || f.type === 'Id' ? 18 : (f.length ?? 0),
        nameField: Boolean(f.nameField) || f.name === def.nameField,
        polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
        precision: f.precision ?? 0,
        reference: f.type === 'Reference',
        referenceTargetField: null,
        referenceToInfos: (f.referenceTo ?? []).map((apiName) => ({
            apiName,
            nameFields: objectDef(apiName)
                ? [objectDef(apiName)!.nameField]
                : ['Name']
        })),
        relationshipName: f.relationshipName ?? null,
        required:
            f.nillable === false &&
            !system &&
            Boolean(f.createable) &&
            f.type !== 'Boolean',
        scale: f.scale ?? 0,
        searchPrefilterable: f.type === 'Reference',
        sortable: f.sortable ?? true,
        unique: f.name === 'Id',
        updateable: Boolean(f.updateable)
    };
}

export function objectInfo(def: ObjectDef): UiApi.ObjectInfoRepresentation {
    const fields: Record<string, UiApi.FieldRepresentation> = {};
    for (const f of def.fields) fields[f.name] = fieldRepresentation(def, f);
    return {
        apiName: def.apiName,
        associateEntityType: def.apiName.endsWith('History')
            ? 'History'
            : def.apiName.endsWith('Feed')
              ? 'Feed'
              : null,
        associateParentEntity:
            def.apiName === 'MessagingSessionHistory' ||
            def.apiName === 'MessagingSessionFeed'
                ? 'MessagingSession'
                : null,
        childRelationships: def.childRelationships.map((c) => ({
            childObjectApiName: c.childObjectApiName,
            fieldName: c.fieldName,
            junctionIdListNames: [],
            junctionReferenceTo: [],
            relationshipName: c.relationshipName
        })),
        createable: Boolean(def.createable),
        custom: false,
        defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
        deletable: false,
        dependentFields: {},
        eTag: `"${def.apiName}-preview-1"`,
        feedEnabled: Boolean(def.feedEnabled),
        fields,
        keyPrefix: def.keyPrefix,
        label: def.label,
        labelPlural: def.labelPlural,
        layoutable: true,
        mruEnabled: true,
        nameFields: [def.nameField],
        queryable: true,
        recordTypeInfos: {
            [MASTER_RECORD_TYPE_ID]: {
                available: true,
                defaultRecordTypeMapping: true,
                master: true,
                name: 'Master',
                recordTypeId: MASTER_RECORD_TYPE_ID
            }
        },
        searchable: true,
        themeInfo: def.color ? { color: def.color, iconUrl: null } : null,
        updateable: Boolean(def.updateable)
    };
}

export function getObjectInfo(apiName: string): ApiResult {
    const def = objectDef(apiName);
    if (!def)
        return errorArray(
            404,
            'NOT_FOUND',
            `The requested resource does not exist`
        );
    return { status: 200, body: objectInfo(def) };
}

export function getObjectInfoBatch(apiNames: string[]): ApiResult {
    return {
        status: 200,
        body: {
            results: apiNames.map((n) => {
                const r = getObjectInfo(n);
                return { statusCode: r.status, result: r.body };
            })
        }
    };
}

function picklistValues(
    def: ObjectDef,
    f: FieldDef,
    recordTypeId: string
): UiApi.PicklistValuesRepresentation {
    return {
        controllerValues: {},
        defaultValue: null,
        eTag: `"${def.apiName}.${f.name}-preview-1"`,
        url: `/services/data/v66.0/ui-api/object-info/${def.apiName}/picklist-values/${recordTypeId}/${f.name}`,
        values: (f.picklist ?? []).map((p) => ({
            attributes: null,
            label: p.label,
            validFor: [],
            value: p.value
        }))
    };
}

export function getPicklistValues(
    apiName: string,
    recordTypeId: string,
    fieldName?: string
): ApiResult {
    const def = objectDef(apiName);
    if (!def)
        return errorArray(
            404,
            'NOT_FOUND',
            'The requested resource does not exist'
        );
    if (fieldName) {
        const f = fieldDef(apiName, fieldName);
        if (!f || f.type !== 'Picklist')
            return errorArray(
                404,
                'NOT_FOUND',
                'The requested resource does not exist'
            );
        return { status: 200, body: picklistValues(def, f, recordTypeId) };
    }
    const picklistFieldValues: Record<
        string,
        UiApi.PicklistValuesRepresentation
    > = {};
    for (const f of def.fields)
        if (f.type === 'Picklist')
            picklistFieldValues[f.name] = picklistValues(def, f, recordTypeId);
    return {
        status: 200,
        body: { eTag: `"${apiName}-picklists-preview-1"`, picklistFieldValues }
    };
}

// ---------------------------------------------------------------------------------------------
// Related lists
// ---------------------------------------------------------------------------------------------

export interface RelatedListParams {
    fields: string[];
    optionalFields: string[];
    pageSize?: number;
    pageToken?: string | null;
    sortBy: string[];
}

export function relatedListParamsFromQuery(
    params: URLSearchParams
): RelatedListParams {
    const pageSize = params.get('pageSize');
    return {
        fields: splitList(params.getAll('fields')),
        optionalFields: splitList(params.getAll('optionalFields')),
        pageSize: pageSize == null ? undefined : Number(pageSize),
        pageToken: params.get('pageToken'),
        sortBy: splitList(params.getAll('sortBy'))
    };
}

export function relatedListParamsFromBody(body: unknown): RelatedListParams {
    const b = (body ?? {}) as Record<string, unknown>;
    const list = (v: unknown): string[] =>
        Array.isArray(v)
            ? v.map(String)
            : typeof v === 'string'
              ? splitList(v)
              : [];
    return {
        fields: list(b.fields),
        optionalFields: list(b.optionalFields),
        pageSize: b.pageSize == null ? undefined : Number(b.pageSize),
        pageToken: b.pageToken == null ? null : String(b.pageToken),
        sortBy: list(b.sortBy)
    };
}

export function getRelatedListRecords(
    db: Db,
    parentId: string,
    relatedListId: string,
    p: RelatedListParams,
    basePath: string
): ApiResult {
    const parent = findRecord(db, parentId);
    if (!parent)
        return errorArray(
            404,
            'NOT_FOUND',
            'The requested resource does not exist'
        );
    const rel = parent.def.childRelationships.find(
        (c) => c.relationshipName === relatedListId
    );
    if (!rel)
        return errorArray(
            404,
            'NOT_FOUND',
            `The related list ${relatedListId} doesn't exist on ${parent.def.apiName}.`
        );
    const child = objectDef(rel.childObjectApiName) as ObjectDef;
    // Related-list field names may be qualified with the child object (MessagingSessionHistory.Field) or bare.
    const qualify = (s: string) =>
        s.startsWith(`${child.apiName}.`) ? s : `${child.apiName}.${s}`;
    const resolved = resolveFieldParams(
        child,
        p.fields.map(qualify),
        p.optionalFields.map(qualify)
    );
    if (resolved.error) return resolved.error;
    addPath(resolved.tree, ['Id']);
    const pageSize = Math.max(
        1,
        Math.min(
            p.pageSize && Number.isFinite(p.pageSize)
                ? Math.floor(p.pageSize)
                : 50,
            1999
        )
    );
    // The tokens this server issues are row offsets; anything else was not issued here.
    if (
        p.pageToken != null &&
        p.pageToken !== '' &&
        !/^\d{1,9}$/.test(p.pageToken)
    )
        return errorArray(
            400,
            'ILLEGAL_QUERY_PARAMETER_VALUE',
            `Invalid page token: ${p.pageToken.slice(0, 100)}`
        );
    const offset = p.pageToken ? Number(p.pageToken) : 0;
    const order: string[] = [];
    for (const s of p.sortBy.length ? p.sortBy : ['-CreatedDate', '-Id']) {
        const desc = s.startsWith('-');
        const name = (desc ? s.slice(1) : s).replace(`${child.apiName}.`, '');
        const f = fieldDef(child.apiName, name);
        if (!f || f.sortable === false)
            return errorArray(400, 'INVALID_FIELD', `Cannot sort by ${name}.`);
        order.push(`${q(f.name)} ${desc ? 'DESC' : 'ASC'}`);
    }
    if (!order.some((o) => o.startsWith('"Id"'))) order.push('"Id" DESC');
    const rows = db
        .prepare(
            `SELECT * FROM ${q(child.apiName)} WHERE ${q(rel.fieldName)} = ? ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`
        )
        .all(parent.row.Id as string, pageSize + 1, offset) as Row[];
    const hasNext = rows.length > pageSize;
    const page = rows.slice(0, pageSize);
    const url = (token: number) =>
        `${basePath}?pageToken=${token}&pageSize=${pageSize}`;
    const body: UiApi.RelatedListRecordCollectionRepresentation = {
        count: page.length,
        currentPageToken: String(offset),
        currentPageUrl: url(offset),
        fields: p.fields,
        listInfoETag: `"${child.apiName}-${relatedListId}-preview-1"`,
        listReference: {
            inContextOfRecordId: parent.row.Id as string,
            parentObjectApiName: parent.def.apiName,
            recordTypeId: null,
            relatedListId,
            type: 'relatedListReference'
        } as UiApi.ListReference,
        nextPageToken: hasNext ? String(offset + pageSize) : null,
        nextPageUrl: hasNext ? url(offset + pageSize) : null,
        optionalFields: p.optionalFields,
        pageSize,
        parentRecordId: parent.row.Id as string,
        previousPageToken:
            offset > 0 ? String(Math.max(0, offset - pageSize)) : null,
        previousPageUrl:
            offset > 0 ? url(Math.max(0, offset - pageSize)) : null,
        records: page.map((r) => buildRecord(db, child, r, resolved.tree)),
        sortBy: p.sortBy,
        where: null
    };
    return { status: 200, body };
}

export { OBJECTS };
