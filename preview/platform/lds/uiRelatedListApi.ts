/** lightning/uiRelatedListApi for the local preview: GET /ui-api/related-list-records/{parentRecordId}/{relatedListId}. */
import {
    API_BASE,
    BaseAdapter,
    fieldPath,
    hasUndefined,
    query,
    read,
    toList
} from './transport';

interface RelatedListRecordsConfig {
    parentRecordId?: string;
    relatedListId?: string;
    fields?: unknown;
    optionalFields?: unknown;
    pageSize?: number;
    pageToken?: string;
    sortBy?: unknown;
    where?: string;
}

/** Related-list field names are "Object.Field" (the related object's API name first). */
function names(list: unknown): string[] {
    return toList(list).map(fieldPath);
}

export class getRelatedListRecords extends BaseAdapter<RelatedListRecordsConfig> {
    protected ready(config: RelatedListRecordsConfig): boolean {
        return (
            !!config.parentRecordId &&
            !!config.relatedListId &&
            !hasUndefined(
                [config.pageSize, config.pageToken].filter(
                    (v) => v !== undefined
                )
            )
        );
    }

    protected fetch(
        config: RelatedListRecordsConfig,
        fresh: boolean
    ): Promise<unknown> {
        const url =
            `${API_BASE}/ui-api/related-list-records/${encodeURIComponent(config.parentRecordId as string)}/${encodeURIComponent(
                config.relatedListId as string
            )}` +
            query({
                fields: names(config.fields),
                optionalFields: names(config.optionalFields),
                pageSize: config.pageSize,
                pageToken: config.pageToken,
                sortBy: toList(config.sortBy) as string[],
                where: config.where
            });
        return read(url, { component: this.component, fresh });
    }

    mentions(recordId: string): boolean {
        const id = this.config?.parentRecordId ?? '';
        return id !== '' && id.slice(0, 15) === recordId.slice(0, 15);
    }
}

interface RelatedListCountConfig {
    parentRecordId?: string;
    relatedListId?: string;
    maxCount?: number;
}

export class getRelatedListCount extends BaseAdapter<RelatedListCountConfig> {
    protected ready(config: RelatedListCountConfig): boolean {
        return !!config.parentRecordId && !!config.relatedListId;
    }

    protected fetch(
        config: RelatedListCountConfig,
        fresh: boolean
    ): Promise<unknown> {
        return read(
            `${API_BASE}/ui-api/related-list-count/${encodeURIComponent(config.parentRecordId as string)}/${encodeURIComponent(
                config.relatedListId as string
            )}` + query({ maxCount: config.maxCount }),
            { component: this.component, fresh }
        );
    }

    mentions(recordId: string): boolean {
        return (
            (this.config?.parentRecordId ?? '').slice(0, 15) ===
            recordId.slice(0, 15)
        );
    }
}
