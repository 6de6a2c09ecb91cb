/**
 * Shapes of the User Interface API responses that the LDS wire adapters hand to components.
 * They follow the UI API developer guide's "Responses" chapter: record, object info and
 * related-list record collections, plus the error bodies a failed request carries.
 */
declare namespace UiApi {
    /** A field value: `value` is the raw value, `displayValue` the formatted one (null when it equals the value). */
    interface FieldValueRepresentation {
        displayValue: string | null;
        value: string | number | boolean | RecordRepresentation | null;
    }

    interface RecordTypeInfo {
        available: boolean;
        defaultRecordTypeMapping: boolean;
        master: boolean;
        name: string;
        recordTypeId: string;
    }

    interface RecordRepresentation {
        apiName: string;
        childRelationships: Record<string, unknown>;
        eTag?: string;
        fields: Record<string, FieldValueRepresentation>;
        id: string | null;
        lastModifiedById: string | null;
        lastModifiedDate: string | null;
        recordTypeId: string | null;
        recordTypeInfo: RecordTypeInfo | null;
        systemModstamp: string | null;
        weakEtag: number;
    }

    interface ReferenceToInfo {
        apiName: string;
        nameFields: string[];
    }

    interface FieldRepresentation {
        apiName: string;
        calculated: boolean;
        compound: boolean;
        compoundComponentName: string | null;
        compoundFieldName: string | null;
        controllerName: string | null;
        controllingFields: string[];
        createable: boolean;
        custom: boolean;
        dataType: string;
        extraTypeInfo: string | null;
        filterable: boolean;
        filteredLookupInfo: unknown;
        highScaleNumber: boolean;
        htmlFormatted: boolean;
        inlineHelpText: string | null;
        label: string;
        length: number;
        nameField: boolean;
        polymorphicForeignKey: boolean;
        precision: number;
        reference: boolean;
        referenceTargetField: string | null;
        referenceToInfos: ReferenceToInfo[];
        relationshipName: string | null;
        required: boolean;
        scale: number;
        searchPrefilterable: boolean;
        sortable: boolean;
        unique: boolean;
        updateable: boolean;
    }

    interface ThemeInfo {
        color: string;
        iconUrl: string | null;
    }

    interface ObjectInfoRepresentation {
        apiName: string;
        associateEntityType: string | null;
        associateParentEntity: string | null;
        childRelationships: unknown[];
        createable: boolean;
        custom: boolean;
        defaultRecordTypeId: string | null;
        deletable: boolean;
        dependentFields: Record<string, unknown>;
        eTag?: string;
        feedEnabled: boolean;
        fields: Record<string, FieldRepresentation>;
        keyPrefix: string | null;
        label: string;
        labelPlural: string;
        layoutable: boolean;
        mruEnabled: boolean;
        nameFields: string[];
        queryable: boolean;
        recordTypeInfos: Record<string, RecordTypeInfo>;
        searchable: boolean;
        themeInfo: ThemeInfo | null;
        updateable: boolean;
    }

    interface PicklistValue {
        attributes: Record<string, unknown> | null;
        label: string;
        validFor: number[];
        value: string;
    }

    interface PicklistValuesRepresentation {
        controllerValues: Record<string, number>;
        defaultValue: PicklistValue | null;
        eTag?: string;
        url: string;
        values: PicklistValue[];
    }

    interface ListReference {
        fieldApiName?: string;
        id?: string | null;
        listViewApiName?: string;
        objectApiName?: string;
        parentObjectApiName?: string;
        recordTypeId?: string | null;
        relatedListId?: string;
        type: string;
    }

    /** getRelatedListRecords: one page of a related list, with tokens for the pages around it. */
    interface RelatedListRecordCollectionRepresentation {
        count: number;
        currentPageToken: string | null;
        currentPageUrl: string | null;
        fields: string[];
        listInfoETag: string | null;
        listReference: ListReference;
        nextPageToken: string | null;
        nextPageUrl: string | null;
        optionalFields: string[];
        pageSize: number;
        parentRecordId: string;
        previousPageToken: string | null;
        previousPageUrl: string | null;
        records: RecordRepresentation[];
        sortBy: string[];
        where: string | null;
    }

    /** One entry of a UI API error body: read errors arrive as an array of these. */
    interface ErrorEntry {
        errorCode: string;
        message: string;
        fields?: string[];
    }

    /** A field error in a failed record write (`output.fieldErrors`). */
    interface FieldErrorEntry {
        constituentField: string | null;
        duplicateRecordError: unknown;
        errorCode: string;
        field: string;
        fieldLabel: string;
        message: string;
    }

    /** The body of a failed record write (createRecord/updateRecord/deleteRecord). */
    interface RecordWriteErrorBody {
        enhancedErrorType?: string;
        errorCode?: string;
        message?: string;
        output?: {
            errors: Array<
                ErrorEntry & {
                    duplicateRecordError?: unknown;
                    field?: string | null;
                }
            >;
            fieldErrors: Record<string, FieldErrorEntry[]>;
        };
        statusCode?: number;
    }

    /** What an LDS wire adapter or imperative call rejects with: the fetch response with its parsed body. */
    interface FetchResponse<
        TBody = ErrorEntry[] | RecordWriteErrorBody | ErrorEntry
    > {
        body: TBody;
        headers?: Record<string, string>;
        ok: boolean;
        status: number;
        statusText: string;
    }

    /** A field or object reference from `@salesforce/schema`. */
    interface FieldId {
        fieldApiName: string;
        objectApiName: string;
    }

    interface ObjectId {
        objectApiName: string;
    }

    /** What a wire adapter writes to a wired property or function. */
    interface WireResult<T> {
        data?: T;
        error?: unknown;
    }
}
