/** lightning/uiObjectInfoApi for the local preview: object metadata from GET /ui-api/object-info. */
import {
    API_BASE,
    BaseAdapter,
    fieldPath,
    objectName,
    read
} from './transport';

interface ObjectInfoConfig {
    objectApiName?: unknown;
}

export class getObjectInfo extends BaseAdapter<ObjectInfoConfig> {
    protected ready(config: ObjectInfoConfig): boolean {
        return (
            config.objectApiName !== undefined && config.objectApiName !== null
        );
    }

    protected fetch(
        config: ObjectInfoConfig,
        fresh: boolean
    ): Promise<unknown> {
        return read(
            `${API_BASE}/ui-api/object-info/${encodeURIComponent(objectName(config.objectApiName))}`,
            {
                component: this.component,
                fresh
            }
        );
    }
}

export class getObjectInfos extends BaseAdapter<{
    objectApiNames?: unknown[];
}> {
    protected ready(config: { objectApiNames?: unknown[] }): boolean {
        return (
            Array.isArray(config.objectApiNames) &&
            config.objectApiNames.every((n) => n !== undefined)
        );
    }

    protected fetch(
        config: { objectApiNames?: unknown[] },
        fresh: boolean
    ): Promise<unknown> {
        const names = (config.objectApiNames ?? [])
            .map(objectName)
            .map(encodeURIComponent)
            .join(',');
        return read(`${API_BASE}/ui-api/object-info/batch/${names}`, {
            component: this.component,
            fresh
        });
    }
}

interface PicklistConfig {
    recordTypeId?: string;
    fieldApiName?: unknown;
}

export class getPicklistValues extends BaseAdapter<PicklistConfig> {
    protected ready(config: PicklistConfig): boolean {
        return !!config.recordTypeId && !!config.fieldApiName;
    }

    protected fetch(config: PicklistConfig, fresh: boolean): Promise<unknown> {
        const [object, field] = fieldPath(config.fieldApiName).split('.');
        return read(
            `${API_BASE}/ui-api/object-info/${encodeURIComponent(object)}/picklist-values/${encodeURIComponent(
                config.recordTypeId as string
            )}/${encodeURIComponent(field)}`,
            { component: this.component, fresh }
        );
    }
}

interface PicklistsByRecordTypeConfig {
    objectApiName?: unknown;
    recordTypeId?: string;
}

export class getPicklistValuesByRecordType extends BaseAdapter<PicklistsByRecordTypeConfig> {
    protected ready(config: PicklistsByRecordTypeConfig): boolean {
        return !!config.recordTypeId && !!config.objectApiName;
    }

    protected fetch(
        config: PicklistsByRecordTypeConfig,
        fresh: boolean
    ): Promise<unknown> {
        return read(
            `${API_BASE}/ui-api/object-info/${encodeURIComponent(objectName(config.objectApiName))}/picklist-values/${encodeURIComponent(
                config.recordTypeId as string
            )}`,
            { component: this.component, fresh }
        );
    }
}
