import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { MessageContext, publish } from 'lightning/messageService';
import { CurrentPageReference } from 'lightning/navigation';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import { formatLabel } from 'c/messagingTime';
import labelTitle from '@salesforce/label/c.MSC_StartTitle';
import labelUtilityHint from '@salesforce/label/c.MSC_StartUtilityHint';
import labelObjectLabel from '@salesforce/label/c.MSC_StartObjectLabel';
import labelRecordLabel from '@salesforce/label/c.MSC_StartRecordLabel';
import labelObjectContact from '@salesforce/label/c.MSC_StartObjectContact';
import labelObjectAccount from '@salesforce/label/c.MSC_StartObjectAccount';
import labelObjectCase from '@salesforce/label/c.MSC_StartObjectCase';
import labelObjectLead from '@salesforce/label/c.MSC_StartObjectLead';
import labelObjectEndUser from '@salesforce/label/c.MSC_StartObjectMessagingEndUser';
import labelObjectSession from '@salesforce/label/c.MSC_StartObjectMessagingSession';
import labelBegin from '@salesforce/label/c.MSC_StartBegin';
import labelRestart from '@salesforce/label/c.MSC_StartRestart';
import labelChangeRecord from '@salesforce/label/c.MSC_StartChangeRecord';
import labelSentTitle from '@salesforce/label/c.MSC_StartSentTitle';
import labelSentMessage from '@salesforce/label/c.MSC_StartSentMessage';
import labelSentNoIds from '@salesforce/label/c.MSC_StartSentNoIds';
import labelFinishedMessage from '@salesforce/label/c.MSC_StartFinishedMessage';
import labelNotSentTitle from '@salesforce/label/c.MSC_StartNotSentTitle';
import labelNotSentMessage from '@salesforce/label/c.MSC_StartNotSentMessage';
import labelFlowErrorTitle from '@salesforce/label/c.MSC_StartFlowErrorTitle';
import labelFlowNotStarted from '@salesforce/label/c.MSC_StartFlowNotStarted';
import labelSendFlowStopped from '@salesforce/label/c.MSC_StartSendFlowStopped';
/** The screen flow this component runs; it sends through the MSC_Send_Messaging_Notification subflow. */
export const FLOW_API_NAME = 'MSC_Start_Messaging_Conversation';
/**
 * What to tell the agent when lightning-flow reports ERROR. Its statuschange detail names no cause,
 * so the component goes by when the error came:
 * - before the interview started: lightning-flow runs active flows only, and the flows ship inactive
 *   (Draft), so the screen flow is most likely not activated yet;
 * - after it started: the screen flow's own lookups all have fault screens and the send subflow
 *   catches the action's faults, so an unhandled error is most likely the subflow call itself failing,
 *   which is what an inactive MSC_Send_Messaging_Notification does.
 */
export function flowErrorHint(interviewStarted) {
    return interviewStarted ? labelSendFlowStopped : labelFlowNotStarted;
}
const SOURCE = 'messagingStartConversation';
/**
 * Objects the flow starts from, in the order the utility bar offers them. The record id goes to the
 * flow unchanged: the flow tells the object by the id's key prefix (a MessagingSession offers its
 * messaging user and the other messaging users of its contact or account).
 */
export const SUPPORTED_OBJECTS = [
    'Contact',
    'Account',
    'Case',
    'Lead',
    'MessagingEndUser',
    'MessagingSession'
];
const OBJECT_LABELS = {
    Contact: labelObjectContact,
    Account: labelObjectAccount,
    Case: labelObjectCase,
    Lead: labelObjectLead,
    MessagingEndUser: labelObjectEndUser,
    MessagingSession: labelObjectSession
};
function isSupportedObject(value) {
    return typeof value === 'string' && SUPPORTED_OBJECTS.includes(value);
}
/** Reads the screen flow's output variables (isSent, requestIdsText, sendError) from a statuschange detail. */
export function readFlowOutputs(detail) {
    const outputs = {};
    for (const variable of detail?.outputVariables ?? []) {
        if (variable.name === 'isSent' && typeof variable.value === 'boolean') {
            outputs.isSent = variable.value;
        } else if (
            variable.name === 'requestIdsText' &&
            typeof variable.value === 'string' &&
            variable.value.trim()
        ) {
            outputs.requestIdsText = variable.value.trim();
        } else if (
            variable.name === 'sendError' &&
            typeof variable.value === 'string' &&
            variable.value.trim()
        ) {
            outputs.sendError = variable.value.trim();
        }
    }
    return outputs;
}
export default class StartConversation extends LightningElement {
    /** Set on record pages; empty in the utility bar, where the agent picks the record. */
    @api
    recordId;
    @api
    objectApiName;
    /** App Builder property: the messaging component the flow offers by default. */
    @api
    defaultMessagingComponentName;
    @wire(MessageContext)
    messageContext;
    flowApiName = FLOW_API_NAME;
    labels = {
        title: labelTitle,
        utilityHint: labelUtilityHint,
        objectLabel: labelObjectLabel,
        recordLabel: labelRecordLabel,
        begin: labelBegin,
        restart: labelRestart,
        changeRecord: labelChangeRecord,
        errorTitle: labelFlowErrorTitle
    };
    state = 'running';
    resultTitle = '';
    resultMessage = '';
    resultVariant = 'success';
    /** What the flow reported on ERROR, read by the error panel. */
    flowError;
    errorHint = '';
    /** True once lightning-flow reported the interview running (STARTED or PAUSED). */
    interviewStarted = false;
    /** Utility bar: the object and record the agent chose, and the record the flow was started for. */
    pickerObject = 'Contact';
    pickedRecordId = null;
    startedRecordId = null;
    pickerTouched = false;
    cachedInputs = [];
    cachedInputsKey = '';
    /** In the utility bar, offers the record of the page the agent is on (until the agent picks another). */
    @wire(CurrentPageReference)
    wiredPageReference(pageReference) {
        if (
            this.recordId ||
            this.pickerTouched ||
            pageReference?.type !== 'standard__recordPage'
        ) {
            return;
        }
        const attributes = pageReference.attributes ?? {};
        if (
            isSupportedObject(attributes.objectApiName) &&
            typeof attributes.recordId === 'string'
        ) {
            this.pickerObject = attributes.objectApiName;
            this.pickedRecordId = attributes.recordId;
        }
    }
    get flowRecordId() {
        return this.recordId || this.startedRecordId;
    }
    get isUtilityMode() {
        return !this.recordId;
    }
    get showPicker() {
        return !this.flowRecordId;
    }
    get showFlow() {
        return Boolean(this.flowRecordId) && this.state === 'running';
    }
    get isFinished() {
        return Boolean(this.flowRecordId) && this.state === 'finished';
    }
    get isError() {
        return Boolean(this.flowRecordId) && this.state === 'error';
    }
    get canRestart() {
        return this.state !== 'running';
    }
    get canChangeRecord() {
        return this.isUtilityMode && Boolean(this.startedRecordId);
    }
    get cannotBegin() {
        return !this.pickedRecordId;
    }
    get resultClass() {
        return this.resultVariant === 'success'
            ? 'slds-text-color_success'
            : 'slds-text-color_weak';
    }
    get objectOptions() {
        return SUPPORTED_OBJECTS.map((value) => ({
            label: OBJECT_LABELS[value],
            value
        }));
    }
    /**
     * The flow's input variables. The same array is returned until an input changes, so a re-render
     * does not hand lightning-flow new inputs mid-interview.
     */
    get flowInputVariables() {
        const recordId = this.flowRecordId ?? '';
        const componentName = (this.defaultMessagingComponentName ?? '').trim();
        const key = `${recordId}|${componentName}`;
        if (key !== this.cachedInputsKey) {
            const inputs = [
                { name: 'recordId', type: 'String', value: recordId }
            ];
            if (componentName) {
                inputs.push({
                    name: 'defaultMessagingComponentName',
                    type: 'String',
                    value: componentName
                });
            }
            this.cachedInputs = inputs;
            this.cachedInputsKey = key;
        }
        return this.cachedInputs;
    }
    handleStatusChange(event) {
        const detail = event.detail;
        switch (detail?.status) {
            case 'FINISHED':
            case 'FINISHED_SCREEN':
                this.finish(readFlowOutputs(detail));
                break;
            case 'ERROR':
                this.fail(detail);
                break;
            case 'STARTED':
            case 'PAUSED':
                this.interviewStarted = true;
                break;
            default:
                break;
        }
    }
    handleRestart() {
        this.state = 'running';
        this.interviewStarted = false;
        this.flowError = undefined;
        this.errorHint = '';
        this.resultMessage = '';
        this.resultTitle = '';
    }
    handleObjectChange(event) {
        const value = event.detail?.value;
        if (isSupportedObject(value)) {
            this.pickerTouched = true;
            this.pickerObject = value;
            this.pickedRecordId = null;
        }
    }
    handleRecordPick(event) {
        this.pickerTouched = true;
        this.pickedRecordId = event.detail?.recordId || null;
    }
    handleBegin() {
        if (this.pickedRecordId) {
            this.startedRecordId = this.pickedRecordId;
            this.handleRestart();
        }
    }
    handleChangeRecord() {
        this.startedRecordId = null;
        this.handleRestart();
    }
    finish(outputs) {
        this.state = 'finished';
        if (outputs.isSent === false) {
            // The flow ended on one of its explanation screens: nothing was sent, nothing to refresh.
            this.showResult(
                labelNotSentTitle,
                outputs.sendError ?? labelNotSentMessage,
                'info'
            );
            return;
        }
        let message = labelFinishedMessage;
        if (outputs.isSent) {
            message = outputs.requestIdsText
                ? formatLabel(labelSentMessage, outputs.requestIdsText)
                : labelSentNoIds;
        }
        this.showResult(labelSentTitle, message, 'success');
        const payload = {
            reason: 'conversationStarted',
            source: SOURCE
        };
        publish(this.messageContext, SESSIONS_CHANGED, { ...payload });
    }
    fail(detail) {
        this.state = 'error';
        const raw = detail;
        this.errorHint = flowErrorHint(
            this.interviewStarted || Boolean(detail?.guid)
        );
        this.flowError = raw.errorMessage ?? raw.message ?? detail;
    }
    showResult(title, message, variant) {
        this.resultTitle = title;
        this.resultMessage = message;
        this.resultVariant = variant;
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
