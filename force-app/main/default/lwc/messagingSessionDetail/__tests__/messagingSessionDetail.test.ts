/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- tests drive the wire adapters' test doubles. */
import MessagingSessionDetail from 'c/messagingSessionDetail';
import {
    getRecord,
    notifyRecordUpdateAvailable,
    updateRecord
} from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import {
    IsConsoleNavigation,
    EnclosingTabId,
    openSubtab,
    openTab
} from 'lightning/platformWorkspaceApi';
import { formatDuration } from 'c/messagingTime';
import {
    $,
    $$,
    clearDocumentBody,
    clone,
    flush,
    mountWithRecordId
} from '../../../../../test/jest-utils/domHelpers';
import type {
    RecordPageElement,
    TestWireAdapter
} from '../../../../../test/jest-utils/domHelpers';

import getRecordFixture from './data/getRecord.json';
import getRecordAllNull from './data/getRecordAllNull.json';
import getRecordBadInput from './data/getRecordBadInput.json';
import getRecordEnhanced from './data/getRecordEnhanced.json';
import getRecordError from './data/getRecordError.json';
import { RELABELLED_OBJECT_INFO as getObjectInfoFixture } from '../../../../../test/jest-utils/objectInfo';
import updateRecordFixture from './data/updateRecord.json';
import updateRecordCollision from './data/updateRecordCollision.json';
import updateRecordConflict from './data/updateRecordConflict.json';
import updateRecordFieldError from './data/updateRecordFieldError.json';
import updateRecordLocked from './data/updateRecordLocked.json';

const recordAdapter = getRecord as unknown as TestWireAdapter;
const objectInfoAdapter = getObjectInfo as unknown as TestWireAdapter;
const consoleAdapter = IsConsoleNavigation as unknown as TestWireAdapter;
const tabAdapter = EnclosingTabId as unknown as TestWireAdapter;
const mockUpdateRecord = updateRecord as unknown as jest.Mock;
const mockNotify = notifyRecordUpdateAvailable as unknown as jest.Mock;
const mockPublish = publish as unknown as jest.Mock;
const mockSubscribe = subscribe as unknown as jest.Mock;
const mockUnsubscribe = unsubscribe as unknown as jest.Mock;

const SID = '0Mwxx0000000001CAA';
type DetailElement = RecordPageElement;

function mount(recordId: string | null = SID): DetailElement {
    return mountWithRecordId<DetailElement>(
        'c-messaging-session-detail',
        MessagingSessionDetail,
        recordId
    );
}
const text = (element: HTMLElement, selector: string): string =>
    ($(element, selector)?.textContent ?? '').trim();
/** The message of an error panel (c-messaging-error-panel), read through its shadow root. */
const panelText = (element: HTMLElement, selector: string): string => {
    const panel = $(element, selector);
    return panel ? text(panel, '.message') : '';
};
/** A linked record's shown name: the base button's label when it opens, else the text. */
const linkText = (element: HTMLElement, key: string): string => {
    const cell = $(element, `[data-link="${key}"]`);
    const button = cell?.querySelector('lightning-button') as
        (HTMLElement & { label?: string }) | null | undefined;
    return (button ? (button.label ?? '') : (cell?.textContent ?? '')).trim();
};

async function loaded(
    record: unknown = getRecordFixture,
    info: unknown = getObjectInfoFixture
): Promise<DetailElement> {
    const element = mount();
    await flush();
    recordAdapter.emit(clone(record));
    if (info) objectInfoAdapter.emit(clone(info));
    await flush();
    return element;
}

afterEach(() => {
    clearDocumentBody();
    jest.clearAllMocks();
    jest.useRealTimers();
});

describe('adapter configs', () => {
    it('requires only Name and asks for everything else, spanning fields included, as optional', async () => {
        mount();
        await flush();
        const config = recordAdapter.getLastConfig();
        expect(config.recordId).toBe(SID);
        expect(config.fields).toEqual(['MessagingSession.Name']);
        const optional = config.optionalFields as string[];
        expect(optional).not.toContain('MessagingSession.Name');
        expect(optional).toEqual(
            expect.arrayContaining([
                'MessagingSession.Status',
                // updateRecord's ifUnmodifiedSince takes its value unchanged.
                'MessagingSession.LastModifiedDate',
                'MessagingSession.OwnerId',
                'MessagingSession.PreviewDetails',
                'MessagingSession.MessagingChannel.PlatformType',
                'MessagingSession.MessagingEndUser.Name',
                'MessagingSession.Owner.Name',
                'MessagingSession.Case.CaseNumber',
                'MessagingSession.EndUserContact.Name',
                'MessagingSession.EndUserAccount.Name'
            ])
        );
        expect(objectInfoAdapter.getLastConfig().objectApiName).toEqual(
            expect.objectContaining({ objectApiName: 'MessagingSession' })
        );
    });
});

describe('states', () => {
    it('shows a spinner while loading', async () => {
        const element = mount();
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a readable error when the record cannot be read', async () => {
        const element = mount();
        await flush();
        recordAdapter.error(
            getRecordError.body,
            getRecordError.status,
            getRecordError.statusText
        );
        await flush();
        const error = panelText(element, '.error');
        expect(error).toContain("You don't have access to this record");
        expect($(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('on an App page without a selection says what to do, and follows the list selection', async () => {
        const subscription = { id: 'sub-1' };
        mockSubscribe.mockReturnValueOnce(subscription);
        const element = mount(null);
        await flush();
        expect(text(element, '.empty')).toBe(
            'Select a messaging session in the list to see its details.'
        );
        expect(mockSubscribe).toHaveBeenCalledTimes(1);
        const listener = mockSubscribe.mock.calls[0][2] as (
            message: unknown
        ) => void;
        listener({ recordId: SID, source: 'messagingSessionList' });
        await flush();
        expect(recordAdapter.getLastConfig().recordId).toBe(SID);
        recordAdapter.emit(clone(getRecordFixture));
        await flush();
        expect(text(element, '.session-name')).toBe('MS-000123');
        await expect(element).toBeAccessible();
        document.body.removeChild(element);
        expect(mockUnsubscribe).toHaveBeenCalledWith(subscription);
    });

    it('ignores malformed selection messages', async () => {
        const element = mount(null);
        await flush();
        const listener = mockSubscribe.mock.calls[0][2] as (
            message: unknown
        ) => void;
        listener({ recordId: 42 });
        listener(null);
        await flush();
        expect(recordAdapter.getLastConfig().recordId).toBeUndefined();
        expect(text(element, '.empty')).not.toBe('');
    });

    it('does not subscribe on a record page', async () => {
        mount();
        await flush();
        expect(mockSubscribe).not.toHaveBeenCalled();
    });
});

describe('rendering', () => {
    it('renders the header, counts, durations and linked records with labels from object info', async () => {
        jest.useFakeTimers({ now: Date.parse('2026-11-20T09:10:00.000Z') });
        const element = await loaded();
        expect(text(element, '.session-name')).toBe('MS-000123');
        expect(text(element, '[data-id="status"]')).toBe('Active');
        expect(text(element, '[data-id="channel-type"]')).toBe('SMS');
        expect(text(element, '[data-id="channel-name"]')).toBe('Support SMS');
        expect(text(element, '[data-id="origin"]')).toBe('Inbound');
        expect(text(element, '[data-id="agent-type"]')).toBe('Agent');
        expect(text(element, '[data-id="agent-count"]')).toBe('12');
        expect(text(element, '[data-id="end-user-count"]')).toBe('9');
        // Open session: wait is complete, handle and length run against now.
        expect(text(element, '[data-duration="wait"]')).toBe(
            formatDuration(150)
        );
        expect(text(element, '[data-duration="length"]')).toContain(
            formatDuration(600)
        );
        expect(text(element, '[data-duration="length"]')).toContain(
            'still running'
        );

        const labels = $$(element, '.links dt').map((dt) => dt.textContent);
        expect(labels).toEqual(
            expect.arrayContaining([
                'Linked Case',
                'Session Owner',
                'Customer Contact'
            ])
        );
        expect(linkText(element, 'CaseId')).toBe('00001026');
        expect(linkText(element, 'LeadId')).toBe('Not set');
        expect(linkText(element, 'EndUserAccountId')).toBe('Acme Corp');
        expect($(element, '.partial-notice')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('ticks the durations of an open session and stops on disconnect', async () => {
        jest.useFakeTimers({ now: Date.parse('2026-11-20T09:10:00.000Z') });
        const element = await loaded();
        const before = text(element, '[data-duration="length"]');
        jest.advanceTimersByTime(65000);
        await flush();
        const after = text(element, '[data-duration="length"]');
        expect(after).not.toBe(before);
        expect(after).toContain(formatDuration(665));
        expect(jest.getTimerCount()).toBe(1);
        document.body.removeChild(element);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('does not tick an ended session', async () => {
        jest.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00.000Z') });
        await loaded(getRecordEnhanced);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('says message counts are not calculated for enhanced sessions and offers session length', async () => {
        const element = await loaded(getRecordEnhanced);
        expect(text(element, '[data-id="counts-not-calculated"]')).toBe(
            "Salesforce doesn't count messages in enhanced Messaging sessions."
        );
        expect(text(element, '[data-id="counts-length"]')).toBe(
            `Session length instead: ${formatDuration(1950)}`
        );
        expect($(element, '[data-id="agent-count"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('renders a preview with markup as inert text', async () => {
        const element = await loaded();
        const preview = $(element, '[data-id="preview"]')!;
        expect(preview.textContent).toContain('<script>alert(1)</script>');
        expect(element.shadowRoot!.querySelector('script')).toBeNull();
        expect(element.shadowRoot!.querySelector('img')).toBeNull();
    });
});

describe('bad input', () => {
    it('handles every nillable field null and a queue owner', async () => {
        const element = await loaded(getRecordAllNull);
        expect(text(element, '[data-id="channel-type"]')).toBe('Not set');
        expect(text(element, '[data-id="agent-type"]')).toBe('Not set');
        expect(text(element, '[data-duration="wait"]')).toBe('Not available');
        expect(text(element, '[data-id="agent-count"]')).toBe('Not counted');
        expect($(element, '[data-id="preview"]')).toBeNull();
        const owner = $(element, '[data-link="OwnerId"]')!;
        expect(owner.textContent).toContain('Billing Queue');
        expect(owner.querySelector('.queue-badge')?.textContent).toBe('Queue');
        expect(owner.querySelector('lightning-button')).toBeNull();
        expect(linkText(element, 'CaseId')).toBe('Not set');
        await expect(element).toBeAccessible();
    });

    it('keeps unknown picklist values, flags EndTime before AcceptTime and reports hidden fields', async () => {
        const element = await loaded(getRecordBadInput);
        expect(text(element, '[data-id="status"]')).toBe('Transferring');
        expect(text(element, '[data-id="channel-type"]')).toBe('Telegram');
        expect(text(element, '[data-id="origin"]')).toBe('SomeFutureOrigin');
        const channelIcon = $(
            element,
            '[data-id="channel"] lightning-icon'
        ) as HTMLElement & { iconName: string };
        expect(channelIcon.iconName).toBe('utility:question_mark');
        expect(text(element, '[data-duration="handle"]')).toContain(
            'Inconsistent times'
        );
        expect(text(element, '[data-duration="length"]')).toBe(
            formatDuration(600)
        );
        // Enhanced via the channel's PlatformType: zero counts are not shown as 0.
        expect($(element, '[data-id="counts-not-calculated"]')).not.toBeNull();
        expect(text(element, '.partial-notice')).toContain('hidden');
        expect($(element, '[data-link="EndUserAccountId"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('without object info keeps working with fallback labels and no editing', async () => {
        const element = await loaded(getRecordFixture, null);
        objectInfoAdapter.error(
            [{ errorCode: 'INVALID_TYPE', message: 'Object not supported' }],
            400
        );
        await flush();
        expect(text(element, '.objectinfo-notice')).toContain(
            'editing is turned off'
        );
        const labels = $$(element, '.links dt').map((dt) => dt.textContent);
        expect(labels).toEqual(
            expect.arrayContaining(['Case', 'Owner', 'Contact'])
        );
        expect($(element, '.edit-button')).toBeNull();
        await expect(element).toBeAccessible();
    });
});

describe('navigation', () => {
    it('opens linked records in a console subtab', async () => {
        const element = await loaded();
        consoleAdapter.emit(true);
        tabAdapter.emit('tab0');
        await flush();
        (
            $(element, '[data-link="CaseId"] lightning-button') as HTMLElement
        ).click();
        await flush();
        expect(openSubtab).toHaveBeenCalledWith('tab0', {
            recordId: '500xx000000CaseAAA',
            focus: true
        });
    });

    it('opens a workspace tab when there is no enclosing tab', async () => {
        const element = await loaded();
        consoleAdapter.emit(true);
        tabAdapter.emit(null);
        await flush();
        (
            $(
                element,
                '[data-link="EndUserContactId"] lightning-button'
            ) as HTMLElement
        ).click();
        await flush();
        expect(openTab).toHaveBeenCalledWith({
            recordId: '003xx000000ConAAA',
            focus: true
        });
        expect(openSubtab).not.toHaveBeenCalled();
    });

    it('navigates to the record page outside a console', async () => {
        const element = await loaded();
        consoleAdapter.emit(false);
        await flush();
        (
            $(
                element,
                '[data-link="OpportunityId"] lightning-button'
            ) as HTMLElement
        ).click();
        await flush();
        expect(openTab).not.toHaveBeenCalled();
        expect(openSubtab).not.toHaveBeenCalled();
    });
});

describe('inline edit', () => {
    async function editing(
        record: unknown = getRecordFixture,
        info: unknown = getObjectInfoFixture
    ): Promise<DetailElement> {
        const element = await loaded(record, info);
        ($(element, '.edit-button') as HTMLElement).click();
        await flush();
        return element;
    }
    const picker = (element: HTMLElement, field: string) =>
        $(
            element,
            `lightning-record-picker[data-field="${field}"]`
        ) as HTMLElement & Record<string, unknown>;
    const choose = (
        element: HTMLElement,
        field: string,
        recordId: string | null
    ): void => {
        picker(element, field).dispatchEvent(
            new CustomEvent('change', { detail: { recordId } })
        );
    };
    const save = async (element: HTMLElement): Promise<void> => {
        ($(element, '.save-button') as HTMLElement).click();
        await flush();
    };

    it('offers only the links an agent sets, never the owner or the channel fields', async () => {
        // Object info lets this user update OwnerId, TargetUserId, ChannelGroup and ChannelIntent too.
        for (const field of [
            'OwnerId',
            'TargetUserId',
            'ChannelGroup',
            'ChannelIntent'
        ]) {
            expect(
                (
                    getObjectInfoFixture.fields as Record<
                        string,
                        { updateable: boolean }
                    >
                )[field].updateable
            ).toBe(true);
        }
        const element = await editing();
        const fields = $$(element, '[data-field]').map(
            (node) => node.dataset.field
        );
        expect(fields).toEqual(['CaseId', 'LeadId', 'OpportunityId']);
        expect($(element, 'lightning-input')).toBeNull();
        const casePicker = picker(element, 'CaseId');
        expect(casePicker.objectApiName).toBe('Case');
        expect(casePicker.value).toBe('500xx000000CaseAAA');
        expect(casePicker.label).toBe('Linked Case');
        expect(casePicker.displayInfo).toEqual({
            primaryField: 'CaseNumber',
            additionalFields: ['Subject']
        });
        expect(picker(element, 'LeadId').objectApiName).toBe('Lead');
        expect(picker(element, 'OpportunityId').objectApiName).toBe(
            'Opportunity'
        );
        await expect(element).toBeAccessible();
    });

    it('leaves out a link object info does not let this user update', async () => {
        const info = clone(getObjectInfoFixture);
        info.fields.LeadId.updateable = false;
        const element = await editing(getRecordFixture, info);
        expect(
            $$(element, '[data-field]').map((node) => node.dataset.field)
        ).toEqual(['CaseId', 'OpportunityId']);
    });

    it("saves only changed fields with the record's LastModifiedDate unchanged, then notifies and publishes", async () => {
        mockUpdateRecord.mockResolvedValueOnce(clone(updateRecordFixture));
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas2AAA');
        await flush();
        await save(element);
        // The milliseconds are kept: two saves within one second still conflict.
        expect(mockUpdateRecord).toHaveBeenCalledWith(
            { fields: { Id: SID, CaseId: '500xx000000Cas2AAA' } },
            { ifUnmodifiedSince: '2026-11-20T09:05:00.417Z' }
        );
        expect(mockNotify).toHaveBeenCalledWith([{ recordId: SID }]);
        expect(mockPublish).toHaveBeenCalledWith(undefined, expect.anything(), {
            reason: 'sessionUpdated',
            source: 'messagingSessionDetail',
            recordIds: [SID]
        });
        expect($(element, '.edit-form')).toBeNull();
    });

    it("uses the record's lastModifiedDate when the LastModifiedDate field is not returned", async () => {
        const record = clone(getRecordFixture) as {
            fields: Record<string, unknown>;
            lastModifiedDate: string;
        };
        delete record.fields.LastModifiedDate;
        record.lastModifiedDate = '2026-11-20T09:05:00.999Z';
        const element = await editing(record);
        choose(element, 'LeadId', '00Qxx000000LeaAAA');
        await save(element);
        expect(mockUpdateRecord.mock.calls[0][1]).toEqual({
            ifUnmodifiedSince: '2026-11-20T09:05:00.999Z'
        });
    });

    it('clearing a reference saves null', async () => {
        const element = await editing();
        choose(element, 'OpportunityId', null);
        await save(element);
        expect(mockUpdateRecord.mock.calls[0][0]).toEqual({
            fields: { Id: SID, OpportunityId: null }
        });
    });

    it('shows a field error on the field and keeps what was chosen', async () => {
        mockUpdateRecord.mockRejectedValueOnce(clone(updateRecordFieldError));
        const element = await editing();
        const casePicker = picker(element, 'CaseId');
        const setCustomValidity = jest.fn();
        const reportValidity = jest.fn();
        Object.assign(casePicker, { setCustomValidity, reportValidity });
        choose(element, 'CaseId', '0015g00000XyZAbAAN');
        choose(element, 'LeadId', '00Qxx000000LeaAAA');
        await flush();
        await save(element);
        expect(text(element, '[data-error-for="CaseId"]')).toBe(
            'Case ID: id value of incorrect type: 0015g00000XyZAbAAN'
        );
        expect(setCustomValidity).toHaveBeenCalledWith(
            'Case ID: id value of incorrect type: 0015g00000XyZAbAAN'
        );
        expect(reportValidity).toHaveBeenCalled();
        expect(picker(element, 'CaseId').value).toBe('0015g00000XyZAbAAN');
        expect(picker(element, 'LeadId').value).toBe('00Qxx000000LeaAAA');
        expect(panelText(element, '.form-error')).toContain(
            "The session wasn't saved."
        );
        // A field error is not a conflict: nothing to reload.
        expect($(element, '.reload-button')).toBeNull();
        expect(mockNotify).not.toHaveBeenCalled();
        expect(mockPublish).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('reports a 412 conflict instead of overwriting, offers a reload and keeps the draft', async () => {
        mockUpdateRecord.mockRejectedValueOnce(clone(updateRecordConflict));
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas3AAA');
        await save(element);
        const error = panelText(element, '.form-error');
        expect(error).toContain('Someone else changed this record');
        expect(error).toContain(
            'modified since the specified If-Unmodified-Since date'
        );
        expect($(element, '.reload-button')).not.toBeNull();
        expect(picker(element, 'CaseId').value).toBe('500xx000000Cas3AAA');
        // A refreshed record arriving while editing does not wipe the draft.
        const fresher = clone(getRecordFixture);
        fresher.lastModifiedDate = '2026-11-20T09:07:00.000Z';
        fresher.fields.LastModifiedDate.value = '2026-11-20T09:07:00.000Z';
        recordAdapter.emit(fresher);
        await flush();
        expect(picker(element, 'CaseId').value).toBe('500xx000000Cas3AAA');
        await expect(element).toBeAccessible();
    });

    it('treats a CollisionDetectedException record error (payload shape assumed: undocumented) as a conflict, like a 412', async () => {
        mockUpdateRecord.mockRejectedValueOnce(clone(updateRecordCollision));
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas3AAA');
        await save(element);
        const error = panelText(element, '.form-error');
        expect(error).toContain('Someone else changed this record');
        expect(error).toContain('modified by Bob Supervisor');
        expect($(element, '.reload-button')).not.toBeNull();
        expect($(element, '.edit-form')).not.toBeNull();
        expect(picker(element, 'CaseId').value).toBe('500xx000000Cas3AAA');
        expect(mockNotify).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('says a locked record is locked, offers no reload and keeps the draft', async () => {
        mockUpdateRecord.mockRejectedValueOnce(clone(updateRecordLocked));
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas3AAA');
        await save(element);
        const error = panelText(element, '.form-error');
        expect(error).toContain("The session wasn't saved.");
        expect(error).toContain('This record is locked');
        expect(error).toContain('entity is locked for approval');
        expect(error).not.toContain('Someone else changed this record');
        // Loading the latest values can't lift a lock.
        expect($(element, '.reload-button')).toBeNull();
        expect($(element, '.edit-form')).not.toBeNull();
        expect(picker(element, 'CaseId').value).toBe('500xx000000Cas3AAA');
        await expect(element).toBeAccessible();
    });

    it("reload brings the other user's changes, keeps what the agent chose, and saves against the new version", async () => {
        mockUpdateRecord.mockRejectedValueOnce(clone(updateRecordCollision));
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas3AAA');
        await save(element);

        ($(element, '.reload-button') as HTMLElement).click();
        await flush();
        expect(mockNotify).toHaveBeenCalledWith([{ recordId: SID }]);
        // The reload brings the other user's change: a lead was linked meanwhile.
        const latest = clone(getRecordFixture);
        latest.lastModifiedDate = '2026-11-20T09:07:12.345Z';
        latest.fields.LastModifiedDate.value = '2026-11-20T09:07:12.345Z';
        (latest.fields.LeadId as { value: string | null }).value =
            '00Qxx000000LeaAAA';
        recordAdapter.emit(latest);
        await flush();
        expect($(element, '.form-error')).toBeNull();
        expect($(element, '.reload-button')).toBeNull();
        expect(picker(element, 'CaseId').value).toBe('500xx000000Cas3AAA');
        expect(picker(element, 'LeadId').value).toBe('00Qxx000000LeaAAA');

        mockUpdateRecord.mockResolvedValueOnce(clone(updateRecordFixture));
        await save(element);
        // Only the agent's own change is sent: the other user's lead stays.
        expect(mockUpdateRecord).toHaveBeenLastCalledWith(
            { fields: { Id: SID, CaseId: '500xx000000Cas3AAA' } },
            { ifUnmodifiedSince: '2026-11-20T09:07:12.345Z' }
        );
        expect($(element, '.edit-form')).toBeNull();
    });

    it('cancel restores the record values', async () => {
        const element = await editing();
        choose(element, 'CaseId', '500xx000000Cas3AAA');
        ($(element, '.cancel-button') as HTMLElement).click();
        await flush();
        expect($(element, '.edit-form')).toBeNull();
        ($(element, '.edit-button') as HTMLElement).click();
        await flush();
        expect(picker(element, 'CaseId').value).toBe('500xx000000CaseAAA');
    });
});
