import { LightningElement, api, wire } from 'lwc';
import {
    getRecord,
    notifyRecordUpdateAvailable,
    updateRecord
} from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { ObjectInfoRepresentation } from 'lightning/uiObjectInfoApi';
import {
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type { MessageContextType } from 'lightning/messageService';
import SESSION_SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import { NavigationMixin } from 'lightning/navigation';
import {
    EnclosingTabId,
    IsConsoleNavigation
} from 'lightning/platformWorkspaceApi';
import { openInWorkspace } from 'c/messagingConsoleNavigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import LOCALE from '@salesforce/i18n/locale';

import { SESSION_OBJECT } from 'c/messagingSessionSchema';
import { describeError } from 'c/messagingErrors';
import { SelectedSessionFollower } from 'c/messagingChannels';
import type { SessionsChangedMessage } from 'c/messagingChannels';
import {
    DETAIL_FIELDS,
    DETAIL_OPTIONAL_FIELDS,
    buildCounts,
    buildDurations,
    buildEditFields,
    buildHeader,
    buildLinks,
    buildStatusClock,
    changedFields,
    editableFields,
    hiddenFields,
    initialDraft,
    isTicking,
    lastModifiedDate,
    rebaseDraft
} from './detailModel';
import type {
    CountsView,
    Draft,
    DurationView,
    EditFieldView,
    HeaderView,
    LinkView
} from './detailModel';

import labelAgentMessages from '@salesforce/label/c.MSC_DetailAgentMessages';
import labelAgentType from '@salesforce/label/c.MSC_DetailAgentType';
import labelCancel from '@salesforce/label/c.MSC_DetailCancel';
import labelChannel from '@salesforce/label/c.MSC_DetailChannel';
import labelCountsNotCalculated from '@salesforce/label/c.MSC_DetailCountsNotCalculated';
import labelDurations from '@salesforce/label/c.MSC_DetailDurations';
import labelEdit from '@salesforce/label/c.MSC_DetailEdit';
import labelEditTitle from '@salesforce/label/c.MSC_DetailEditTitle';
import labelEmptySelection from '@salesforce/label/c.MSC_DetailEmptySelection';
import labelEndUserMessages from '@salesforce/label/c.MSC_DetailEndUserMessages';
import labelLinkedRecords from '@salesforce/label/c.MSC_DetailLinkedRecords';
import labelLoading from '@salesforce/label/c.MSC_DetailLoading';
import labelMessageCounts from '@salesforce/label/c.MSC_DetailMessageCounts';
import labelObjectInfoUnavailable from '@salesforce/label/c.MSC_DetailObjectInfoUnavailable';
import labelOrigin from '@salesforce/label/c.MSC_DetailOrigin';
import labelPartial from '@salesforce/label/c.MSC_DetailPartial';
import labelPreview from '@salesforce/label/c.MSC_DetailPreview';
import labelQueue from '@salesforce/label/c.MSC_DetailQueue';
import labelReload from '@salesforce/label/c.MSC_DetailReload';
import labelSave from '@salesforce/label/c.MSC_DetailSave';
import labelSaveFailed from '@salesforce/label/c.MSC_DetailSaveFailed';
import labelSaved from '@salesforce/label/c.MSC_DetailSaved';
import labelSaving from '@salesforce/label/c.MSC_DetailSaving';
import labelStatus from '@salesforce/label/c.MSC_DetailStatus';
import labelTitle from '@salesforce/label/c.MSC_DetailTitle';

const SOURCE = 'messagingSessionDetail';
const TICK_MS = 1000;

/** Something with the validity API of lightning-input and lightning-record-picker. */
interface ValidatableElement extends HTMLElement {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
}

/** The list's selection, which the component follows on an App page. */
const SELECTION = { subscribe, unsubscribe, channel: SESSION_SELECTED };

export default class MessagingSessionDetail extends NavigationMixin(
    LightningElement
) {
    /** The session on a record page. On an App page it stays empty and the list's selection is followed. */
    @api recordId?: string;

    @wire(MessageContext) messageContext?: MessageContextType;
    @wire(IsConsoleNavigation) isConsoleNavigation?: boolean;
    @wire(EnclosingTabId) enclosingTabId?: string | null;

    selectedRecordId?: string;
    record?: RecordRepresentation;
    recordError?: unknown;
    objectInfo?: ObjectInfoRepresentation;
    objectInfoError?: unknown;
    now = Date.now();

    isEditing = false;
    isSaving = false;
    draft: Draft = {};
    fieldErrors: Record<string, string> = {};
    /** Why the last save (or reload) failed, as one sentence: shown by the error panel above the form. */
    formError = '';
    /** The last save was refused because someone else changed the record: a reload is offered. */
    hasConflict = false;
    /** The version of the record the draft was started from (or last rebased onto). */
    private draftBase?: RecordRepresentation;

    private readonly follower = new SelectedSessionFollower((recordId) => {
        this.selectedRecordId = recordId;
        this.record = undefined;
        this.recordError = undefined;
        this.resetEdit();
    }, SELECTION);
    private timerId?: ReturnType<typeof setInterval>;

    labels = {
        agentMessages: labelAgentMessages,
        agentType: labelAgentType,
        cancel: labelCancel,
        channel: labelChannel,
        countsNotCalculated: labelCountsNotCalculated,
        durations: labelDurations,
        edit: labelEdit,
        editTitle: labelEditTitle,
        emptySelection: labelEmptySelection,
        endUserMessages: labelEndUserMessages,
        linkedRecords: labelLinkedRecords,
        loading: labelLoading,
        messageCounts: labelMessageCounts,
        objectInfoUnavailable: labelObjectInfoUnavailable,
        origin: labelOrigin,
        partial: labelPartial,
        preview: labelPreview,
        queue: labelQueue,
        reload: labelReload,
        save: labelSave,
        saving: labelSaving,
        status: labelStatus,
        title: labelTitle
    };

    /** The session shown: the page's record, else the one selected in the list. */
    get sessionId(): string | undefined {
        return this.recordId || this.selectedRecordId;
    }

    @wire(getRecord, {
        recordId: '$sessionId',
        fields: DETAIL_FIELDS as string[],
        optionalFields: DETAIL_OPTIONAL_FIELDS as string[]
    })
    wiredRecord({ data, error }: UiApi.WireResult<RecordRepresentation>): void {
        if (data) {
            const fields = editableFields(this.objectInfo, data);
            if (!this.isEditing) {
                this.draft = initialDraft(data, fields);
            } else if (this.draftBase && this.draftBase !== data) {
                // A newer version while editing (a reload after a conflict): keep what the agent
                // changed, take everything else from the newer version.
                this.draft = rebaseDraft(
                    this.draftBase,
                    data,
                    this.draft,
                    fields
                );
                this.draftBase = data;
                this.hasConflict = false;
                this.formError = '';
            }
            this.record = data;
            this.recordError = undefined;
        } else if (error) {
            this.record = undefined;
            this.recordError = error;
        }
        this.syncTimer();
    }

    @wire(getObjectInfo, { objectApiName: SESSION_OBJECT })
    wiredObjectInfo({
        data,
        error
    }: UiApi.WireResult<ObjectInfoRepresentation>): void {
        if (data) {
            this.objectInfo = data;
            this.objectInfoError = undefined;
        } else if (error) {
            this.objectInfo = undefined;
            this.objectInfoError = error;
        }
    }

    override connectedCallback(): void {
        this.follower.follow(this.messageContext, this.recordId);
        this.syncTimer();
    }

    override disconnectedCallback(): void {
        this.follower.stop();
        this.stopTimer();
    }

    // -----------------------------------------------------------------------------------------
    // Ticking durations: one interval, only while the shown session is open.
    // -----------------------------------------------------------------------------------------

    private syncTimer(): void {
        const shouldTick = Boolean(this.record && isTicking(this.record));
        if (shouldTick && this.timerId === undefined) {
            this.now = Date.now();
            // The durations tick while the session is open; cleared in stopTimer and on disconnect.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timerId = setInterval(() => {
                this.now = Date.now();
            }, TICK_MS);
        } else if (!shouldTick) {
            this.stopTimer();
        }
    }

    private stopTimer(): void {
        if (this.timerId !== undefined) {
            clearInterval(this.timerId);
            this.timerId = undefined;
        }
    }

    // -----------------------------------------------------------------------------------------
    // States
    // -----------------------------------------------------------------------------------------

    get hasSession(): boolean {
        return Boolean(this.sessionId);
    }

    get isLoading(): boolean {
        return this.hasSession && !this.record && !this.recordError;
    }

    get hasError(): boolean {
        return this.hasSession && !this.record && Boolean(this.recordError);
    }

    get hasRecord(): boolean {
        return Boolean(this.record);
    }

    get isPartial(): boolean {
        return hiddenFields(this.record).length > 0;
    }

    get hasObjectInfoError(): boolean {
        return Boolean(this.objectInfoError) && !this.objectInfo;
    }

    // -----------------------------------------------------------------------------------------
    // View models
    // -----------------------------------------------------------------------------------------

    get header(): HeaderView | undefined {
        return this.record ? buildHeader(this.record) : undefined;
    }

    get durations(): DurationView[] {
        return this.record ? buildDurations(this.record, this.now) : [];
    }

    /** "Waiting for 4m 09s", "Open for 1h 10m" (Paused, Inactive), "Lasted 32m": named for the status. */
    get statusClockText(): string {
        return this.record ? buildStatusClock(this.record, this.now) : '';
    }

    get links(): LinkView[] {
        return this.record ? buildLinks(this.record, this.objectInfo) : [];
    }

    get counts(): CountsView | undefined {
        return this.record
            ? buildCounts(this.record, this.now, LOCALE)
            : undefined;
    }

    get canEdit(): boolean {
        return (
            editableFields(this.objectInfo, this.record).length > 0 &&
            !this.isEditing
        );
    }

    get editFields(): EditFieldView[] {
        return buildEditFields(
            editableFields(this.objectInfo, this.record),
            this.draft,
            this.fieldErrors,
            this.objectInfo
        );
    }

    get hasFormError(): boolean {
        return Boolean(this.formError);
    }

    get saveLabel(): string {
        return this.isSaving ? labelSaving : labelSave;
    }

    // -----------------------------------------------------------------------------------------
    // Opening linked records: a console subtab (or tab) when in a console, else navigation.
    // -----------------------------------------------------------------------------------------

    handleOpenRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement | null)?.dataset
            .recordId;
        if (recordId) {
            this.openRecord(recordId).catch(() => undefined);
        }
    }

    async openRecord(recordId: string): Promise<void> {
        if (this.isConsoleNavigation) {
            try {
                await openInWorkspace(recordId, this.enclosingTabId);
                return;
            } catch {
                // Fall through to standard navigation when the workspace API refuses.
            }
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
    }

    // -----------------------------------------------------------------------------------------
    // Inline edit
    // -----------------------------------------------------------------------------------------

    handleEdit(): void {
        if (!this.record) return;
        this.draft = initialDraft(
            this.record,
            editableFields(this.objectInfo, this.record)
        );
        this.draftBase = this.record;
        this.fieldErrors = {};
        this.formError = '';
        this.hasConflict = false;
        this.isEditing = true;
    }

    handleCancel(): void {
        this.resetEdit();
        if (this.record) {
            this.draft = initialDraft(
                this.record,
                editableFields(this.objectInfo, this.record)
            );
        }
    }

    private resetEdit(): void {
        this.isEditing = false;
        this.isSaving = false;
        this.fieldErrors = {};
        this.formError = '';
        this.hasConflict = false;
        this.draftBase = undefined;
    }

    handlePickerChange(event: CustomEvent<{ recordId?: string | null }>): void {
        const apiName = (event.currentTarget as HTMLElement | null)?.dataset
            .field;
        if (apiName) {
            this.setDraft(apiName, event.detail?.recordId ?? null);
        }
    }

    private setDraft(apiName: string, value: string | null): void {
        this.draft = { ...this.draft, [apiName]: value };
        if (this.fieldErrors[apiName]) {
            const rest = { ...this.fieldErrors };
            delete rest[apiName];
            this.fieldErrors = rest;
            this.applyValidity(apiName, '');
        }
    }

    async handleSave(): Promise<void> {
        const record = this.record;
        const recordId = record?.id ?? this.sessionId;
        if (!record || !recordId || this.isSaving) return;
        const fields = editableFields(this.objectInfo, record);
        const changes = changedFields(record, this.draft, fields);
        if (!Object.keys(changes).length) {
            this.resetEdit();
            return;
        }

        this.isSaving = true;
        this.formError = '';
        this.hasConflict = false;
        // Passed unchanged, as the updateRecord documentation says: a save conflicts with any later change.
        const ifUnmodifiedSince = lastModifiedDate(record);
        try {
            await updateRecord(
                { fields: { Id: recordId, ...changes } },
                ifUnmodifiedSince ? { ifUnmodifiedSince } : undefined
            );
        } catch (error) {
            this.isSaving = false;
            this.handleSaveError(
                error,
                fields.map((field) => field.apiName)
            );
            return;
        }
        this.resetEdit();
        await notifyRecordUpdateAvailable([{ recordId }]);
        const message: SessionsChangedMessage = {
            reason: 'sessionUpdated',
            source: SOURCE,
            recordIds: [recordId]
        };
        publish(this.messageContext, CHANGED, { ...message });
        this.dispatchEvent(
            new ShowToastEvent({
                title: labelSaved,
                message: header(record),
                variant: 'success'
            })
        );
    }

    /** Keeps the form and everything typed; shows field errors on their fields, the rest above. */
    private handleSaveError(error: unknown, formFields: string[]): void {
        const readable = describeError(error);
        const onForm: Record<string, string> = {};
        const elsewhere: string[] = [];
        for (const [field, message] of Object.entries(readable.fieldErrors)) {
            if (formFields.includes(field)) onForm[field] = message;
            else elsewhere.push(message);
        }
        this.showFieldErrors(onForm);
        // A 412 and a CollisionDetectedException alike: someone else saved the record meanwhile.
        this.hasConflict = readable.kind === 'conflict';
        const hasFieldErrors = Object.keys(onForm).length > 0;
        if (
            readable.kind === 'conflict' ||
            !hasFieldErrors ||
            elsewhere.length
        ) {
            this.formError = [
                labelSaveFailed,
                readable.message,
                ...elsewhere
            ].join(' ');
        } else {
            this.formError = labelSaveFailed;
        }
    }

    /**
     * Loads the latest version after a conflict. It arrives through the getRecord wire, where the
     * draft is rebased onto it, so the agent's changes stay and the next save checks the new version.
     */
    async handleReload(): Promise<void> {
        const recordId = this.record?.id ?? this.sessionId;
        if (!recordId) return;
        try {
            await notifyRecordUpdateAvailable([{ recordId }]);
        } catch (error) {
            this.formError = [
                labelSaveFailed,
                describeError(error).message
            ].join(' ');
        }
    }

    private showFieldErrors(errors: Record<string, string>): void {
        this.fieldErrors = errors;
        // The inputs exist once the form has re-rendered with the messages.
        Promise.resolve()
            .then(() => {
                for (const [apiName, message] of Object.entries(errors)) {
                    this.applyValidity(apiName, message);
                }
            })
            .catch(() => undefined);
    }

    private applyValidity(apiName: string, message: string): void {
        const element = this.template?.querySelector<ValidatableElement>(
            `[data-field="${apiName}"]`
        );
        if (element && typeof element.setCustomValidity === 'function') {
            element.setCustomValidity(message);
            element.reportValidity();
        }
    }
}

function header(record: RecordRepresentation): string {
    return buildHeader(record).name;
}
