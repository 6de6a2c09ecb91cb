import MessagingSessionListItem from 'c/messagingSessionListItem';
import type { SessionListItemView } from 'c/messagingSessionListItem';
import {
    $,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

const ROW: SessionListItemView = {
    id: '0Mw5g000000AbC1CAK',
    title: 'Grace Hopper',
    statusLabel: 'Waiting',
    statusBadgeClass: 'slds-badge',
    channelIcon: 'utility:sms',
    channelLabel: 'SMS',
    detailText: 'MS-0001 · SMS · Support SMS',
    ownerText: 'Owner: Messaging Queue',
    ownerIsQueue: true,
    queueBadge: 'Queue',
    caseText: 'Case 00001042',
    clockText: 'Waiting for 5m 00s',
    flagged: false,
    preview: "Hi, my order hasn't arrived",
    openLabel: 'Open MS-0001',
    selected: false
};

function mount(row: Partial<SessionListItemView> = {}): HTMLElement {
    // A list item lives in a list, as the session list renders it.
    const list = document.createElement('ul');
    const item = document.createElement('li');
    list.appendChild(item);
    document.body.appendChild(list);
    const element = mountComponent(
        'c-messaging-session-list-item',
        MessagingSessionListItem,
        { row: { ...ROW, ...row } }
    );
    item.appendChild(element);
    return element;
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-session-list-item', () => {
    it('shows the row: end user, status, detail, owner with queue badge, case, clock and preview', async () => {
        const element = mount();
        await flush();
        expect(text($(element, '.select-button'))).toBe('Grace Hopper');
        expect(text($(element, '.slds-badge'))).toBe('Waiting');
        expect(text($(element, '.row-detail'))).toBe(
            'MS-0001 · SMS · Support SMS'
        );
        expect(text($(element, '.row-owner'))).toBe('Owner: Messaging Queue');
        expect(text($(element, '.row-meta .queue-badge'))).toBe('Queue');
        expect(text($(element, '.row-case'))).toBe('Case 00001042');
        expect(text($(element, '.row-clock'))).toBe('Waiting for 5m 00s');
        expect(text($(element, '.row-preview'))).toBe(
            "Hi, my order hasn't arrived"
        );
        expect($(element, '.select-button')!.getAttribute('aria-current')).toBe(
            'false'
        );
        await expect(element).toBeAccessible();
    });

    it('replaces the clock with a warning when the times contradict each other, and leaves out what is missing', async () => {
        const element = mount({
            flagged: true,
            ownerIsQueue: false,
            caseText: null,
            preview: null,
            selected: true
        });
        await flush();
        expect(text($(element, '.row-flag'))).toBe(
            'Check times: the session ends before it was accepted.'
        );
        expect($(element, '.row-clock')).toBeNull();
        expect($(element, '.queue-badge')).toBeNull();
        expect($(element, '.row-case')).toBeNull();
        expect($(element, '.row-preview')).toBeNull();
        expect($(element, '.select-button')!.getAttribute('aria-current')).toBe(
            'true'
        );
        await expect(element).toBeAccessible();
    });

    it('emits select on a click, select with open on Enter, and open from the Open button', async () => {
        const element = mount();
        await flush();
        const selected: unknown[] = [];
        const opened: unknown[] = [];
        element.addEventListener('select', (event) =>
            selected.push((event as CustomEvent).detail)
        );
        element.addEventListener('open', (event) =>
            opened.push((event as CustomEvent).detail)
        );
        $(element, '.select-button')!.click();
        const enter = new KeyboardEvent('keydown', {
            key: 'Enter',
            cancelable: true
        });
        $(element, '.select-button')!.dispatchEvent(enter);
        $(element, '.select-button')!.dispatchEvent(
            new KeyboardEvent('keydown', { key: ' ', cancelable: true })
        );
        $(element, '.open-button')!.click();
        expect(enter.defaultPrevented).toBe(true);
        expect(selected).toEqual([
            { recordId: ROW.id, open: false },
            { recordId: ROW.id, open: true }
        ]);
        expect(opened).toEqual([{ recordId: ROW.id }]);
    });
});
