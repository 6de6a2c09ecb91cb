/**
 * lightning/uiRecordApi for the local preview: the getRecord / getRecords wire adapters and the
 * record writes, sent to the data server as the User Interface API requests an org receives.
 */
import {
    API_BASE,
    BaseAdapter,
    fieldPath,
    hasUndefined,
    query,
    read,
    refreshRecords,
    toList,
    write
} from './transport';

interface RecordLike {
    apiName?: string;
    id?: string | null;
    fields?: Record<string, { value: unknown; displayValue: string | null }>;
}

interface GetRecordConfig {
    recordId?: string;
    fields?: unknown;
    optionalFields?: unknown;
    layoutTypes?: unknown;
    modes?: unknown;
}

function paths(list: unknown): string[] {
    return toList(list).map(fieldPath);
}

export class getRecord extends BaseAdapter<GetRecordConfig> {
    protected ready(config: GetRecordConfig): boolean {
        return (
            typeof config.recordId === 'string' &&
            config.recordId !== '' &&
            !hasUndefined(toList(config.fields))
        );
    }

    protected fetch(config: GetRecordConfig, fresh: boolean): Promise<unknown> {
        const url =
            `${API_BASE}/ui-api/records/${encodeURIComponent(config.recordId as string)}` +
            query({
                fields: paths(config.fields),
                optionalFields: paths(config.optionalFields),
                layoutTypes: toList(config.layoutTypes) as string[],
                modes: toList(config.modes) as string[]
            });
        return read(url, { component: this.component, fresh });
    }

    mentions(recordId: string): boolean {
        const id = this.config?.recordId ?? '';
        return (
            id !== '' &&
            (id === recordId || id.slice(0, 15) === recordId.slice(0, 15))
        );
    }
}

interface GetRecordsConfig {
    records?: Array<{
        recordIds: string[];
        fields?: unknown;
        optionalFields?: unknown;
    }>;
}

export class getRecords extends BaseAdapter<GetRecordsConfig> {
    protected ready(config: GetRecordsConfig): boolean {
        return (
            Array.isArray(config.records) &&
            config.records.every(
                (r) => Array.isArray(r.recordIds) && r.recordIds.every(Boolean)
            )
        );
    }

    protected async fetch(
        config: GetRecordsConfig,
        fresh: boolean
    ): Promise<unknown> {
        const groups = await Promise.all(
            (config.records ?? []).map((group) =>
                read<{ results: unknown[] }>(
                    `${API_BASE}/ui-api/records/batch/${group.recordIds.map(encodeURIComponent).join(',')}` +
                        query({
                            fields: paths(group.fields),
                            optionalFields: paths(group.optionalFields)
                        }),
                    { component: this.component, fresh }
                )
            )
        );
        return { results: groups.flatMap((g) => g.results) };
    }

    mentions(recordId: string): boolean {
        return (this.config?.records ?? []).some((r) =>
            r.recordIds.includes(recordId)
        );
    }
}

interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
    allowSaveOnDuplicate?: boolean;
}

/** PATCH /ui-api/records/{recordId}; the wires that show the record receive the saved version. */
export async function updateRecord(
    recordInput: RecordInput,
    clientOptions?: { ifUnmodifiedSince?: string }
): Promise<unknown> {
    const { Id, ...fields } = recordInput.fields as { Id?: string } & Record<
        string,
        unknown
    >;
    if (!Id) {
        throw {
            status: 400,
            statusText: 'Bad Request',
            ok: false,
            headers: {},
            body: { message: 'recordInput.fields.Id is required' }
        };
    }
    const body: Record<string, unknown> = { fields };
    if (recordInput.allowSaveOnDuplicate !== undefined)
        body.allowSaveOnDuplicate = recordInput.allowSaveOnDuplicate;
    const headers: Record<string, string> = {};
    if (clientOptions?.ifUnmodifiedSince)
        headers['If-Unmodified-Since'] = clientOptions.ifUnmodifiedSince;
    const saved = await write(
        `${API_BASE}/ui-api/records/${encodeURIComponent(Id)}`,
        { method: 'PATCH', body, headers }
    );
    await refreshRecords([Id]);
    return saved;
}

/** Tells LDS that records changed on the server: the wires that show them fetch again. */
export async function notifyRecordUpdateAvailable(
    recordIds: Array<{ recordId: string }>
): Promise<void> {
    await refreshRecords(recordIds.map((r) => r.recordId).filter(Boolean));
}

/** @deprecated on the platform; kept for components that still call it. */
export function getRecordNotifyChange(
    recordIds: Array<{ recordId: string }>
): void {
    void notifyRecordUpdateAvailable(recordIds);
}

function walk(
    record: RecordLike | null | undefined,
    field: unknown
): { value: unknown; displayValue: string | null } | undefined {
    if (!record || !record.fields) return undefined;
    const path = fieldPath(field).split('.');
    // The first part is the object API name.
    const names = path.length > 1 ? path.slice(1) : path;
    let current: RecordLike | null | undefined = record;
    for (let i = 0; i < names.length; i++) {
        const entry:
            { value: unknown; displayValue: string | null } | undefined =
            current?.fields?.[names[i]];
        if (!entry) return undefined;
        if (i === names.length - 1) return entry;
        current = entry.value as RecordLike | null;
        // An empty relationship partway along the path reads as null, as on the platform.
        if (!current) return { value: null, displayValue: null };
    }
    return undefined;
}

export function getFieldValue(
    record: RecordLike | null | undefined,
    field: unknown
): unknown {
    return walk(record, field)?.value;
}

export function getFieldDisplayValue(
    record: RecordLike | null | undefined,
    field: unknown
): string | null | undefined {
    const entry = walk(record, field);
    if (!entry) return undefined;
    return entry.displayValue;
}

/** generateRecordInputForUpdate(record, objectInfo): the updateable fields of a record, ready for updateRecord. */
export function generateRecordInputForUpdate(
    record: RecordLike,
    objectInfo?: { fields: Record<string, { updateable: boolean }> }
): RecordInput {
    const fields: Record<string, unknown> = { Id: record.id };
    for (const [name, entry] of Object.entries(record.fields ?? {})) {
        if (!objectInfo || objectInfo.fields[name]?.updateable) {
            if (entry.value === null || typeof entry.value !== 'object')
                fields[name] = entry.value;
        }
    }
    return { fields };
}

export function createRecordInputFilteredByEditedFields(
    recordInput: RecordInput,
    originalRecord: RecordLike
): RecordInput {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(recordInput.fields)) {
        if (name === 'Id' || originalRecord.fields?.[name]?.value !== value)
            fields[name] = value;
    }
    return { ...recordInput, fields };
}
