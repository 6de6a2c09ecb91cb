import MessagingStatusChips from 'c/messagingStatusChips';
import {
    $$,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

function chipText(chip: HTMLElement): string {
    return `${text(chip.querySelector('.chip-label'))} ${text(chip.querySelector('.chip-count'))}`;
}

const COUNTS = [
    { value: 'Waiting', label: 'Waiting', count: 3 },
    { value: 'Active', label: 'Active', count: 0 }
];

function mount(selected: string[]): HTMLElement {
    return mountComponent('c-messaging-status-chips', MessagingStatusChips, {
        counts: COUNTS,
        selected
    });
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-status-chips', () => {
    it('shows a pressed or unpressed chip per status with its count, in a labelled group', async () => {
        const element = mount(['Waiting']);
        await flush();
        const chips = $$(element, 'button.status-chip');
        expect(chips.map((chip) => chipText(chip))).toEqual([
            'Waiting 3',
            'Active 0'
        ]);
        expect(chips.map((chip) => chip.getAttribute('aria-pressed'))).toEqual([
            'true',
            'false'
        ]);
        expect(chips[0].className).toContain('slds-button_brand');
        expect(text($$(element, 'legend')[0])).toBe('Status');
        await expect(element).toBeAccessible();
    });

    it('adds a chip for a selected status the counts do not list', async () => {
        const element = mount(['Escalated']);
        await flush();
        const extra = $$(element, 'button[data-value="Escalated"]');
        expect(extra).toHaveLength(1);
        expect(chipText(extra[0])).toBe('Escalated 0');
        expect(extra[0].getAttribute('aria-pressed')).toBe('true');
    });

    it('emits statuschange with the toggled status', async () => {
        const element = mount(['Waiting']);
        await flush();
        const details: unknown[] = [];
        element.addEventListener('statuschange', (event) =>
            details.push((event as CustomEvent).detail)
        );
        $$(element, 'button[data-value="Active"]')[0].click();
        $$(element, 'button[data-value="Waiting"]')[0].click();
        expect(details).toEqual([{ value: 'Active' }, { value: 'Waiting' }]);
    });
});
