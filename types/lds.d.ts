/**
 * Lightning Data Service modules that @salesforce/lightning-types does not declare.
 * Adapter configs and results follow the LWC developer guide; response shapes are in ui-api.d.ts.
 */

declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';
    type FieldRef = UiApi.FieldId | string;

    export interface GetRecordConfig {
        recordId: string | undefined;
        fields?: FieldRef[];
        optionalFields?: FieldRef[];
        layoutTypes?: Array<'Compact' | 'Full'>;
        modes?: Array<'Create' | 'Edit' | 'View'>;
    }
    export interface RecordInput {
        fields: Record<string, unknown>;
        apiName?: string;
        allowSaveOnDuplicate?: boolean;
    }
    export interface ClientOptions {
        /** Fails the write with a 412 when the record changed after this date: pass `LastModifiedDate.value` unchanged. */
        ifUnmodifiedSince?: string;
    }
    export type RecordRepresentation = UiApi.RecordRepresentation;

    export const getRecord: WireAdapterConstructor<
        GetRecordConfig,
        UiApi.WireResult<UiApi.RecordRepresentation>
    >;
    export const getRecords: WireAdapterConstructor<
        Record<string, unknown>,
        UiApi.WireResult<{
            results: Array<{
                statusCode: number;
                result: UiApi.RecordRepresentation;
            }>;
        }>
    >;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: ClientOptions
    ): Promise<UiApi.RecordRepresentation>;
    export function notifyRecordUpdateAvailable(
        recordIds: Array<{ recordId: string }>
    ): Promise<void>;
    export function getFieldValue(
        record: UiApi.RecordRepresentation | undefined | null,
        field: FieldRef
    ): unknown;
    export function getFieldDisplayValue(
        record: UiApi.RecordRepresentation | undefined | null,
        field: FieldRef
    ): string | null | undefined;
}

declare module 'lightning/uiObjectInfoApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface GetObjectInfoConfig {
        objectApiName: UiApi.ObjectId | string;
    }
    export type ObjectInfoRepresentation = UiApi.ObjectInfoRepresentation;
    export const getObjectInfo: WireAdapterConstructor<
        GetObjectInfoConfig,
        UiApi.WireResult<UiApi.ObjectInfoRepresentation>
    >;
    export const getObjectInfos: WireAdapterConstructor<
        { objectApiNames: Array<UiApi.ObjectId | string> },
        UiApi.WireResult<{
            results: Array<{
                statusCode: number;
                result: UiApi.ObjectInfoRepresentation;
            }>;
        }>
    >;
    export const getPicklistValues: WireAdapterConstructor<
        {
            recordTypeId: string | undefined;
            fieldApiName: UiApi.FieldId | string;
        },
        UiApi.WireResult<UiApi.PicklistValuesRepresentation>
    >;
    export const getPicklistValuesByRecordType: WireAdapterConstructor<
        {
            objectApiName: UiApi.ObjectId | string;
            recordTypeId: string | undefined;
        },
        UiApi.WireResult<{
            picklistFieldValues: Record<
                string,
                UiApi.PicklistValuesRepresentation
            >;
        }>
    >;
}

declare module 'lightning/uiRelatedListApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface GetRelatedListRecordsConfig {
        parentRecordId: string | undefined;
        relatedListId: string;
        fields?: string[];
        optionalFields?: string[];
        pageSize?: number;
        pageToken?: string;
        sortBy?: string[];
        where?: string;
    }
    export type RelatedListRecordCollection =
        UiApi.RelatedListRecordCollectionRepresentation;
    export const getRelatedListRecords: WireAdapterConstructor<
        GetRelatedListRecordsConfig,
        UiApi.WireResult<UiApi.RelatedListRecordCollectionRepresentation>
    >;
    export const getRelatedListInfo: WireAdapterConstructor<
        {
            parentObjectApiName: UiApi.ObjectId | string;
            relatedListId: string;
            recordTypeId?: string;
        },
        UiApi.WireResult<Record<string, unknown>>
    >;
    export const getRelatedListCount: WireAdapterConstructor<
        {
            parentRecordId: string | undefined;
            relatedListId: string;
            maxCount?: number;
        },
        UiApi.WireResult<{
            count: number;
            hasMore: boolean;
            listReference: UiApi.ListReference;
        }>
    >;
}

declare module 'lightning/graphql' {
    import type { WireAdapterConstructor } from 'lwc';
    /** An entry of the `errors` array of a GraphQL response. */
    export interface GraphQLError {
        message: string;
        locations?: Array<{ line: number; column: number }>;
        path?: Array<string | number>;
        extensions?: Record<string, unknown>;
        paths?: string[];
    }
    /** What the graphql wire adapter writes: `data` and `errors` may both be set (partial results). */
    export interface GraphQLResult<TData> {
        data?: TData;
        errors?: GraphQLError[];
    }
    /** What the @wire graphql adapter emits: the result and the `refresh` function it carries. */
    export type GraphQLWireResult<TData> = GraphQLResult<TData> & {
        refresh?: () => Promise<unknown>;
    };
    export type GraphQLQuery = unknown;
    export function gql(
        strings: TemplateStringsArray,
        ...values: unknown[]
    ): GraphQLQuery;
    /**
     * The wire result carries `refresh`, which refetches and returns a Promise (LWC guide,
     * reference-graphql-refresh.html). lightning/graphql has no refreshGraphQL: that was the
     * deprecated lightning/uiGraphQLApi, which this project doesn't use.
     */
    export const graphql: WireAdapterConstructor<
        {
            query: GraphQLQuery;
            variables?: Record<string, unknown>;
            operationName?: string;
        },
        GraphQLWireResult<any>
    >;
    /** Imperative create, update and delete (LWC guide, reference-graphql-mutation.html); never @wire. */
    export function executeMutation<TData = any>(options: {
        query: GraphQLQuery;
        variables?: Record<string, unknown>;
        operationName?: string;
    }): Promise<GraphQLResult<TData>>;
}

declare module 'lightning/platformWorkspaceApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface OpenTabOptions {
        recordId?: string;
        url?: string;
        pageReference?: import('lightning/navigation').PageReference;
        focus?: boolean;
        label?: string;
        icon?: string;
        iconAlt?: string;
        overrideNavRules?: boolean;
    }
    export interface TabInfo {
        tabId: string;
        parentTabId: string | null;
        isSubtab: boolean;
        focused: boolean;
        recordId: string | null;
        title: string;
        url: string;
        pageReference: import('lightning/navigation').PageReference;
        subtabs: TabInfo[];
    }
    /** Wire adapter: true inside a console app. */
    export const IsConsoleNavigation: WireAdapterConstructor<
        Record<string, never>,
        boolean
    >;
    /** Wire adapter: the id of the workspace tab that holds the component, if any. */
    export const EnclosingTabId: WireAdapterConstructor<
        Record<string, never>,
        string | null
    >;
    export function openTab(options: OpenTabOptions): Promise<string>;
    export function openSubtab(
        parentTabId: string,
        options: OpenTabOptions
    ): Promise<string>;
    export function focusTab(tabId: string): Promise<void>;
    export function closeTab(tabId: string): Promise<void>;
    export function getFocusedTabInfo(): Promise<TabInfo>;
    export function getTabInfo(tabId: string): Promise<TabInfo>;
    export function getAllTabInfo(): Promise<TabInfo[]>;
    export function refreshTab(
        tabId: string,
        options?: { includeAllSubtabs?: boolean }
    ): Promise<void>;
    export function setTabLabel(tabId: string, label: string): Promise<void>;
    export function setTabIcon(
        tabId: string,
        icon: string,
        options?: { iconAlt?: string }
    ): Promise<void>;
}

declare module 'lightning/messageService' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface MessageContextType {
        readonly __messageContext: unique symbol;
    }
    export interface Subscription {
        readonly __subscription: unique symbol;
    }
    export interface SubscriberOptions {
        scope?: typeof APPLICATION_SCOPE;
    }
    /** Wire adapter that provides the component's message context. */
    export const MessageContext: WireAdapterConstructor<
        Record<string, never>,
        MessageContextType
    >;
    export const APPLICATION_SCOPE: unique symbol;
    export function publish(
        messageContext: MessageContextType | undefined,
        messageChannel: unknown,
        message?: Record<string, unknown>
    ): void;
    export function subscribe(
        messageContext: MessageContextType | undefined,
        messageChannel: unknown,
        listener: (message: Record<string, unknown>) => void,
        subscriberOptions?: SubscriberOptions
    ): Subscription;
    export function unsubscribe(subscription: Subscription): void;
    export function createMessageContext(): MessageContextType;
    export function releaseMessageContext(
        messageContext: MessageContextType
    ): void;
}

declare module 'lightning/empApi' {
    /** A streaming event as empApi delivers it. For Change Data Capture, payload.ChangeEventHeader says what changed. */
    export interface StreamingMessage<TPayload = Record<string, unknown>> {
        channel: string;
        data: {
            schema?: string;
            payload: TPayload;
            event: { replayId: number; EventUuid?: string };
        };
    }
    export interface EmpSubscription {
        channel: string;
        id?: string;
        replayId?: number;
    }
    export function subscribe<TPayload = Record<string, unknown>>(
        channel: string,
        replayId: number,
        onMessageCallback: (message: StreamingMessage<TPayload>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: {
            successful: boolean;
            subscription: string;
        }) => void
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(flag: boolean): Promise<unknown>;
    export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/navigation' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    type Constructor<T = object> = new (...args: any[]) => T;
    export interface NavigationMixinMethods {
        [NavigationMixin.Navigate](
            pageReference: PageReference,
            replace?: boolean
        ): void;
        [NavigationMixin.GenerateUrl](
            pageReference: PageReference
        ): Promise<string>;
    }
    export function NavigationMixin<TBase extends Constructor>(
        base: TBase
    ): TBase & Constructor<NavigationMixinMethods>;
    export namespace NavigationMixin {
        const Navigate: unique symbol;
        const GenerateUrl: unique symbol;
    }
    /** Wire adapter: the page reference of the page the component is on. */
    export const CurrentPageReference: WireAdapterConstructor<
        Record<string, never>,
        PageReference
    >;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventDetail {
        title?: string;
        message: string;
        messageData?: Array<string | { url: string; label: string }>;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

declare module 'lightning/flowSupport' {
    export class FlowAttributeChangeEvent extends CustomEvent<unknown> {
        constructor(attributeName: string, attributeValue: unknown);
    }
    export class FlowNavigationNextEvent extends CustomEvent<unknown> {
        constructor();
    }
    export class FlowNavigationBackEvent extends CustomEvent<unknown> {
        constructor();
    }
    export class FlowNavigationFinishEvent extends CustomEvent<unknown> {
        constructor();
    }
    /** An input variable of a flow started by lightning-flow. */
    export interface FlowInputVariable {
        name: string;
        type:
            | 'Apex'
            | 'Boolean'
            | 'Currency'
            | 'Date'
            | 'DateTime'
            | 'Number'
            | 'Multipicklist'
            | 'Picklist'
            | 'SObject'
            | 'String';
        value: unknown;
    }
    /** detail of lightning-flow's statuschange event. */
    export interface FlowStatusChangeDetail {
        status: 'STARTED' | 'PAUSED' | 'FINISHED' | 'FINISHED_SCREEN' | 'ERROR';
        flowTitle?: string;
        guid?: string;
        helpText?: string;
        outputVariables?: Array<{
            name: string;
            objectType?: string | null;
            dataType: string;
            isCollection: boolean;
            flowName: string;
            value: unknown;
        }>;
        activeStages?: unknown[];
        currentStage?: unknown;
    }
}
