import StartConversation, {
    readFlowOutputs
} from 'c/messagingStartConversation';
import { publish, MessageContext } from 'lightning/messageService';
import { CurrentPageReference } from 'lightning/navigation';
import type { FlowStatusChangeDetail } from 'lightning/flowSupport';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import {
    clearDocumentBody,
    mountComponent
} from '../../../../../test/jest-utils/domHelpers';

interface TestWireAdapter {
    emit(value: unknown): void;
}
interface FlowStub extends HTMLElement {
    flowApiName: string;
    flowInputVariables: Array<{ name: string; type: string; value: unknown }>;
}
interface PickerStub extends HTMLElement {
    objectApiName: string;
    value: string | null;
}
interface ButtonStub extends HTMLElement {
    label: string;
    disabled: boolean;
}
interface StartConversationElement extends HTMLElement {
    recordId?: string;
    objectApiName?: string;
    defaultMessagingComponentName?: string;
}

/** A part of the flow error, shown by c-messaging-error-panel: read through its shadow root. */
function flowErrorPart(
    element: HTMLElement,
    selector = '[role="alert"]'
): HTMLElement | null {
    const panel = element.shadowRoot!.querySelector('.flow-error');
    return panel?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

// Tests drive the sfdx-lwc-jest test wire adapters directly, which this rule is not meant for.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const messageContextAdapter = MessageContext as unknown as TestWireAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const pageReferenceAdapter = CurrentPageReference as unknown as TestWireAdapter;

const CONTACT_ID = '003000000000001AAA';
const CASE_ID = '500000000000001AAA';
const SESSION_ID = '0Mw000000000001AAA';

function outputs(
    values: Record<string, unknown>
): FlowStatusChangeDetail['outputVariables'] {
    return Object.entries(values).map(([name, value]) => ({
        name,
        value,
        dataType: typeof value === 'boolean' ? 'BOOLEAN' : 'STRING',
        isCollection: false,
        flowName: 'MSC_Start_Messaging_Conversation',
        objectType: null
    }));
}

function create(
    props: Partial<StartConversationElement> = {}
): StartConversationElement {
    return mountComponent<StartConversationElement>(
        'c-messaging-start-conversation',
        StartConversation,
        props
    );
}

const flush = (): Promise<void> =>
    Promise.resolve().then(() => Promise.resolve());
const flowOf = (element: HTMLElement): FlowStub | null =>
    element.shadowRoot!.querySelector('lightning-flow');
const buttonByClass = (element: HTMLElement, cls: string): ButtonStub | null =>
    element.shadowRoot!.querySelector(`lightning-button.${cls}`);

async function sendStatus(
    element: HTMLElement,
    detail: Partial<FlowStatusChangeDetail>
): Promise<void> {
    flowOf(element)!.dispatchEvent(new CustomEvent('statuschange', { detail }));
    await flush();
}

function listenForToasts(element: HTMLElement): jest.Mock {
    const handler = jest.fn();
    element.addEventListener('lightning__showtoast', handler);
    return handler;
}

describe('c-messaging-start-conversation', () => {
    afterEach(() => {
        clearDocumentBody();
        jest.clearAllMocks();
    });

    describe('on a record page', () => {
        it('starts the screen flow with the record id and the default messaging component', async () => {
            const element = create({
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                defaultMessagingComponentName: ' Order_Update '
            });
            await flush();
            const flow = flowOf(element)!;
            expect(flow).not.toBeNull();
            expect(flow.flowApiName).toBe('MSC_Start_Messaging_Conversation');
            expect(flow.flowInputVariables).toEqual([
                { name: 'recordId', type: 'String', value: CONTACT_ID },
                {
                    name: 'defaultMessagingComponentName',
                    type: 'String',
                    value: 'Order_Update'
                }
            ]);
            expect(
                element.shadowRoot!.querySelector('lightning-record-picker')
            ).toBeNull();
            expect(buttonByClass(element, 'restart')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('passes only the record id when no default component is configured', async () => {
            const element = create({
                recordId: CASE_ID,
                objectApiName: 'Case'
            });
            await flush();
            expect(flowOf(element)!.flowInputVariables).toEqual([
                { name: 'recordId', type: 'String', value: CASE_ID }
            ]);
        });

        it('on a messaging session record page, passes the session id unchanged (the flow resolves its messaging users)', async () => {
            const element = create({
                recordId: SESSION_ID,
                objectApiName: 'MessagingSession',
                defaultMessagingComponentName: 'Order_Update'
            });
            await flush();
            const flow = flowOf(element)!;
            expect(flow.flowApiName).toBe('MSC_Start_Messaging_Conversation');
            expect(flow.flowInputVariables).toEqual([
                { name: 'recordId', type: 'String', value: SESSION_ID },
                {
                    name: 'defaultMessagingComponentName',
                    type: 'String',
                    value: 'Order_Update'
                }
            ]);
            expect(
                element.shadowRoot!.querySelector('lightning-record-picker')
            ).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('keeps the same input array across re-renders, so the interview is not restarted', async () => {
            const element = create({
                recordId: CONTACT_ID,
                defaultMessagingComponentName: 'Order_Update'
            });
            await flush();
            const first = flowOf(element)!.flowInputVariables;
            await sendStatus(element, { status: 'STARTED' });
            expect(flowOf(element)!.flowInputVariables).toBe(first);
            element.defaultMessagingComponentName = 'Renewal_Reminder';
            await flush();
            const changed = flowOf(element)!.flowInputVariables;
            expect(changed).not.toBe(first);
            expect(changed[1]).toEqual({
                name: 'defaultMessagingComponentName',
                type: 'String',
                value: 'Renewal_Reminder'
            });
        });

        it('ignores STARTED and PAUSED', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, { status: 'STARTED' });
            await sendStatus(element, { status: 'PAUSED' });
            expect(flowOf(element)).not.toBeNull();
            expect(toasts).not.toHaveBeenCalled();
            expect(publish).not.toHaveBeenCalled();
        });

        it('on FINISHED after a send, shows a success toast with the request ids and tells the session list to refresh', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, {
                status: 'FINISHED',
                outputVariables: outputs({
                    isSent: true,
                    requestIdsText: '1sr000000000001, 1sr000000000002',
                    sendError: ''
                })
            });
            expect(toasts).toHaveBeenCalledTimes(1);
            expect(toasts.mock.calls[0][0].detail).toEqual({
                title: 'Conversation started',
                message:
                    'The message was queued. Request id(s): 1sr000000000001, 1sr000000000002',
                variant: 'success'
            });
            expect(publish).toHaveBeenCalledTimes(1);
            const [context, channel, payload] = (publish as jest.Mock).mock
                .calls[0];
            expect(channel).toBe(SESSIONS_CHANGED);
            expect(payload).toEqual({
                reason: 'conversationStarted',
                source: 'messagingStartConversation'
            });
            expect(context).toBeUndefined();
            expect(flowOf(element)).toBeNull();
            const result = element.shadowRoot!.querySelector('.flow-result')!;
            expect(result.textContent).toContain('1sr000000000002');
            expect(buttonByClass(element, 'restart')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('publishes through the wired message context', async () => {
            const element = create({ recordId: CONTACT_ID });
            const context = { id: 'context' };
            messageContextAdapter.emit(context);
            await flush();
            await sendStatus(element, {
                status: 'FINISHED',
                outputVariables: outputs({ isSent: true })
            });
            expect((publish as jest.Mock).mock.calls[0][0]).toBe(context);
        });

        it('on FINISHED_SCREEN without outputs, reports the flow finished and still refreshes the list', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, { status: 'FINISHED_SCREEN' });
            expect(toasts.mock.calls[0][0].detail).toEqual({
                title: 'Conversation started',
                message: 'The conversation flow finished.',
                variant: 'success'
            });
            expect(publish).toHaveBeenCalledTimes(1);
        });

        it('on FINISHED after a send without request ids, says the message was queued', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, {
                status: 'FINISHED',
                outputVariables: outputs({ isSent: true, requestIdsText: '  ' })
            });
            expect(toasts.mock.calls[0][0].detail.message).toBe(
                'The message was queued.'
            );
        });

        it('on FINISHED without a send, shows the reason and publishes nothing', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            const reason =
                'The message could not be sent: invalid messaging component. Nothing was sent.';
            await sendStatus(element, {
                status: 'FINISHED',
                outputVariables: outputs({ isSent: false, sendError: reason })
            });
            expect(toasts.mock.calls[0][0].detail).toEqual({
                title: 'No message was sent',
                message: reason,
                variant: 'info'
            });
            expect(publish).not.toHaveBeenCalled();
            expect(
                element.shadowRoot!.querySelector('.flow-result')!.textContent
            ).toContain(reason);
        });

        it('on FINISHED from an explanation screen (nothing sent, no error text), says no message was sent', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, {
                status: 'FINISHED',
                outputVariables: outputs({ isSent: false })
            });
            expect(toasts.mock.calls[0][0].detail.message).toBe(
                'The conversation flow finished without sending a message.'
            );
            expect(publish).not.toHaveBeenCalled();
        });

        it('on ERROR, shows a readable message and a restart button, without toast or publish', async () => {
            const element = create({ recordId: CONTACT_ID });
            const toasts = listenForToasts(element);
            await flush();
            await sendStatus(element, {
                status: 'ERROR',
                errorMessage:
                    'Flow MSC_Start_Messaging_Conversation is inactive.'
            } as Partial<FlowStatusChangeDetail>);
            const alert = flowErrorPart(element)!;
            expect(alert.getAttribute('role')).toBe('alert');
            expect(alert.textContent).toContain(
                'The conversation flow stopped with an error.'
            );
            expect(alert.textContent).toContain(
                'Flow MSC_Start_Messaging_Conversation is inactive.'
            );
            expect(flowOf(element)).toBeNull();
            expect(toasts).not.toHaveBeenCalled();
            expect(publish).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('on ERROR before the interview started, says the flows are most likely not active and what the admin activates, in order', async () => {
            const element = create({ recordId: CONTACT_ID });
            await flush();
            await sendStatus(element, { status: 'ERROR' });
            const hint = flowErrorPart(element, '.friendly')!;
            expect(hint.textContent).toContain('not active yet');
            const text = hint.textContent ?? '';
            expect(
                text.indexOf('MSC_Send_Messaging_Notification')
            ).toBeGreaterThan(-1);
            expect(
                text.indexOf('MSC_Send_Messaging_Notification')
            ).toBeLessThan(text.indexOf('MSC_Start_Messaging_Conversation'));
            expect(text).toContain('Nothing was sent.');
            await expect(element).toBeAccessible();
        });

        it('on ERROR after the interview started, points at the send flow without claiming nothing was sent', async () => {
            const element = create({ recordId: CONTACT_ID });
            await flush();
            await sendStatus(element, { status: 'STARTED' });
            await sendStatus(element, {
                status: 'ERROR',
                errorMessage: 'An unhandled fault has occurred in this flow.'
            } as Partial<FlowStatusChangeDetail>);
            const alert = flowErrorPart(element)!;
            const hint = alert.querySelector('.friendly')!.textContent ?? '';
            expect(hint).toContain(
                'the send flow MSC_Send_Messaging_Notification is not active yet'
            );
            expect(hint).not.toContain('Nothing was sent.');
            expect(alert.querySelector('.message')!.textContent).toContain(
                'An unhandled fault has occurred in this flow.'
            );
        });

        it('restarting forgets that the previous interview had started', async () => {
            const element = create({ recordId: CONTACT_ID });
            await flush();
            await sendStatus(element, { status: 'STARTED' });
            await sendStatus(element, { status: 'ERROR' });
            buttonByClass(element, 'restart')!.click();
            await flush();
            await sendStatus(element, { status: 'ERROR' });
            expect(flowErrorPart(element, '.friendly')!.textContent).toContain(
                'could not start its flow'
            );
        });

        it('on ERROR without details, falls back to the generic error text', async () => {
            const element = create({ recordId: CONTACT_ID });
            await flush();
            await sendStatus(element, { status: 'ERROR' });
            expect(flowErrorPart(element)!.textContent).toContain(
                "Salesforce didn't say what"
            );
        });

        it('restart runs the flow again for the same record', async () => {
            const element = create({ recordId: CONTACT_ID });
            await flush();
            await sendStatus(element, { status: 'ERROR' });
            buttonByClass(element, 'restart')!.click();
            await flush();
            const flow = flowOf(element)!;
            expect(flow).not.toBeNull();
            expect(flow.flowInputVariables[0]).toEqual({
                name: 'recordId',
                type: 'String',
                value: CONTACT_ID
            });
            expect(element.shadowRoot!.querySelector('.flow-error')).toBeNull();
            expect(buttonByClass(element, 'restart')).toBeNull();
        });
    });

    describe('in the utility bar (no record id)', () => {
        it('asks for a record before starting, then starts the flow for it', async () => {
            const element = create({
                defaultMessagingComponentName: 'Order_Update'
            });
            await flush();
            expect(flowOf(element)).toBeNull();
            const picker = element.shadowRoot!.querySelector(
                'lightning-record-picker'
            ) as PickerStub;
            expect(picker.objectApiName).toBe('Contact');
            const begin = buttonByClass(element, 'begin')!;
            expect(begin.disabled).toBe(true);
            await expect(element).toBeAccessible();

            const combobox =
                element.shadowRoot!.querySelector('lightning-combobox')!;
            combobox.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Case' } })
            );
            await flush();
            expect(picker.objectApiName).toBe('Case');

            picker.dispatchEvent(
                new CustomEvent('change', { detail: { recordId: CASE_ID } })
            );
            await flush();
            expect(begin.disabled).toBe(false);
            begin.click();
            await flush();

            expect(flowOf(element)!.flowInputVariables).toEqual([
                { name: 'recordId', type: 'String', value: CASE_ID },
                {
                    name: 'defaultMessagingComponentName',
                    type: 'String',
                    value: 'Order_Update'
                }
            ]);
            const change = buttonByClass(element, 'change-record')!;
            expect(change).not.toBeNull();
            change.click();
            await flush();
            expect(flowOf(element)).toBeNull();
            expect(
                element.shadowRoot!.querySelector('lightning-record-picker')
            ).not.toBeNull();
        });

        it('offers every supported object and ignores unknown ones', async () => {
            const element = create();
            await flush();
            const combobox = element.shadowRoot!.querySelector(
                'lightning-combobox'
            ) as HTMLElement & {
                options: Array<{ label: string; value: string }>;
            };
            expect(combobox.options.map((option) => option.value)).toEqual([
                'Contact',
                'Account',
                'Case',
                'Lead',
                'MessagingEndUser',
                'MessagingSession'
            ]);
            expect(combobox.options.map((option) => option.label)).toEqual([
                'Contact',
                'Account',
                'Case',
                'Lead',
                'Messaging user',
                'Messaging session'
            ]);
            combobox.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Opportunity' } })
            );
            await flush();
            expect(
                (
                    element.shadowRoot!.querySelector(
                        'lightning-record-picker'
                    ) as PickerStub
                ).objectApiName
            ).toBe('Contact');
        });

        it("pre-selects the record of the page the agent is on, when it's a supported object", async () => {
            const element = create();
            pageReferenceAdapter.emit({
                type: 'standard__recordPage',
                attributes: {
                    recordId: CASE_ID,
                    objectApiName: 'Case',
                    actionName: 'view'
                }
            });
            await flush();
            const picker = element.shadowRoot!.querySelector(
                'lightning-record-picker'
            ) as PickerStub;
            expect(picker.objectApiName).toBe('Case');
            expect(picker.value).toBe(CASE_ID);
            expect(buttonByClass(element, 'begin')!.disabled).toBe(false);
        });

        it('pre-selects the messaging session of the page and starts the flow with its id', async () => {
            const element = create();
            pageReferenceAdapter.emit({
                type: 'standard__recordPage',
                attributes: {
                    recordId: SESSION_ID,
                    objectApiName: 'MessagingSession',
                    actionName: 'view'
                }
            });
            await flush();
            const picker = element.shadowRoot!.querySelector(
                'lightning-record-picker'
            ) as PickerStub;
            expect(picker.objectApiName).toBe('MessagingSession');
            expect(picker.value).toBe(SESSION_ID);
            buttonByClass(element, 'begin')!.click();
            await flush();
            expect(flowOf(element)!.flowInputVariables).toEqual([
                { name: 'recordId', type: 'String', value: SESSION_ID }
            ]);
        });

        it('does not pre-select records of other objects, or override a record the agent picked', async () => {
            const element = create();
            const pageRef = pageReferenceAdapter;
            pageRef.emit({
                type: 'standard__recordPage',
                attributes: {
                    recordId: '006000000000001AAA',
                    objectApiName: 'Opportunity'
                }
            });
            await flush();
            const picker = element.shadowRoot!.querySelector(
                'lightning-record-picker'
            ) as PickerStub;
            expect(picker.value).toBeNull();
            picker.dispatchEvent(
                new CustomEvent('change', { detail: { recordId: CONTACT_ID } })
            );
            pageRef.emit({
                type: 'standard__recordPage',
                attributes: { recordId: CASE_ID, objectApiName: 'Case' }
            });
            await flush();
            expect(picker.value).toBe(CONTACT_ID);
            expect(picker.objectApiName).toBe('Contact');
        });
    });

    describe('readFlowOutputs', () => {
        it('reads isSent, requestIdsText and sendError, ignoring blanks and wrong types', () => {
            expect(readFlowOutputs(undefined)).toEqual({});
            expect(
                readFlowOutputs({
                    status: 'FINISHED',
                    outputVariables: outputs({
                        isSent: 'yes',
                        requestIdsText: ' 1sr1 ',
                        sendError: ' ',
                        other: 'x'
                    })
                })
            ).toEqual({ requestIdsText: '1sr1' });
        });
    });
});
