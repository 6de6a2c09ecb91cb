import MessagingSessionFilters from 'c/messagingSessionFilters';
import type {
    FilterValues,
    PicklistFilterField
} from 'c/messagingSessionFilters';
import {
    $,
    $$,
    clearDocumentBody,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

const PICKLISTS: PicklistFilterField[] = [
    {
        key: 'channelTypes',
        className: 'channel-filter',
        label: 'Channel',
        options: [
            { label: 'SMS', value: 'Text' },
            { label: 'WhatsApp', value: 'WhatsApp' }
        ],
        resets: { messagingChannelId: null }
    },
    {
        key: 'tiers',
        className: 'tier-filter',
        label: 'Tier',
        options: [{ label: 'Gold', value: 'Gold' }]
    }
];
const SORTS = [
    { key: 'startTime', label: 'Start time' },
    { key: 'name', label: 'Name' }
];

function filters(overrides: Partial<FilterValues> = {}): FilterValues {
    return {
        owner: 'me',
        queueId: null,
        window: 'any',
        customFrom: null,
        customTo: null,
        channelTypes: ['WhatsApp'],
        tiers: [],
        ...overrides
    };
}

type Combobox = HTMLElement & {
    value: string;
    options: Array<{ label: string; value: string }>;
};

function mount(props: Record<string, unknown> = {}): HTMLElement {
    return mountComponent(
        'c-messaging-session-filters',
        MessagingSessionFilters,
        {
            filters: filters(),
            picklistFilters: PICKLISTS,
            sortColumns: SORTS,
            sortKey: 'startTime',
            sortDirection: 'DESC',
            expanded: true,
            ...props
        }
    );
}

function changes(element: HTMLElement): unknown[] {
    const details: unknown[] = [];
    element.addEventListener('filterchange', (event) =>
        details.push((event as CustomEvent).detail)
    );
    return details;
}

function choose(element: HTMLElement, selector: string, value: string): void {
    $(element, selector)!.dispatchEvent(
        new CustomEvent('change', { detail: { value } })
    );
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-session-filters', () => {
    it('draws one combobox per picklist filter definition, with "All" first and the chosen value', async () => {
        const element = mount();
        await flush();
        const channel = $(element, '.channel-filter') as Combobox;
        expect(channel.value).toBe('WhatsApp');
        expect(channel.options.map((option) => option.value)).toEqual([
            '',
            'Text',
            'WhatsApp'
        ]);
        expect(channel.options[0].label).toBe('All');
        // A new definition needs nothing in the template.
        const tier = $(element, '.tier-filter') as Combobox;
        expect(tier).not.toBeNull();
        expect(tier.value).toBe('');
        expect(tier.className).toContain('filter-field');
        await expect(element).toBeAccessible();
    });

    it('emits the changed filter values, with what a choice resets', async () => {
        const element = mount();
        await flush();
        const details = changes(element);
        choose(element, '.channel-filter', 'Text');
        choose(element, '.channel-filter', '');
        choose(element, '.tier-filter', 'Gold');
        choose(element, '.owner-filter', 'all');
        choose(element, '.owner-filter', 'queue');
        choose(element, '.owner-filter', 'nobody');
        choose(element, '.window-filter', 'last7');
        choose(element, '.window-filter', 'yesterday');
        choose(element, '.search-input', 'ada');
        expect(details).toEqual([
            { channelTypes: ['Text'], messagingChannelId: null },
            { channelTypes: [], messagingChannelId: null },
            { tiers: ['Gold'] },
            { owner: 'all', queueId: null },
            { owner: 'me', queueId: null },
            { window: 'last7' },
            { window: 'any' },
            { search: 'ada' }
        ]);
    });

    it('shows the queue of a backlog drill-in as an owner option', async () => {
        const element = mount({
            filters: filters({ queueId: '00G000000000001AAA' }),
            queueName: 'Support EMEA'
        });
        await flush();
        const owner = $(element, '.owner-filter') as Combobox;
        expect(owner.value).toBe('queue');
        expect(owner.options).toContainEqual({
            label: 'Queue: Support EMEA',
            value: 'queue'
        });
    });

    it('offers the custom range only for the custom window, and says why a range is not applied', async () => {
        const element = mount({
            filters: filters({
                window: 'custom',
                customFrom: '2026-11-20',
                customTo: '2026-11-10'
            })
        });
        await flush();
        expect(text($(element, '.range-problem'))).toBe(
            "The start date is after the end date, so the date range isn't applied."
        );
        expect($(element, '.range-problem')!.getAttribute('role')).toBe(
            'alert'
        );
        const details = changes(element);
        choose(element, '.custom-to', '');
        expect(details).toEqual([{ customTo: null }]);
        await expect(element).toBeAccessible();

        clearDocumentBody();
        const other = mount({
            filters: filters({ window: 'today', customFrom: 'x' })
        });
        await flush();
        expect($(other, '.custom-range')).toBeNull();
        expect($(other, '.range-problem')).toBeNull();
    });

    it('emits a known new sort key and the other direction', async () => {
        const element = mount();
        await flush();
        const details = changes(element);
        choose(element, '.sort-field', 'name');
        choose(element, '.sort-field', 'startTime');
        choose(element, '.sort-field', 'DROP TABLE');
        $(element, '.sort-direction')!.click();
        expect(details).toEqual([
            { sortKey: 'name' },
            { sortDirection: 'ASC' }
        ]);
        expect($(element, '.sort-direction')!.getAttribute('title')).toBe(
            'Sorted descending. Sort ascending'
        );
    });

    it('keeps the search and the status slot, and folds the rest unless expanded', async () => {
        const element = mount({ expanded: false, compact: true });
        await flush();
        expect($(element, '.search-input')).not.toBeNull();
        expect($$(element, 'slot[name="status"]')).toHaveLength(1);
        expect($(element, '.channel-filter')).toBeNull();
        expect($(element, '.sort-field')).toBeNull();
        expect($(element, '.filters_compact')).not.toBeNull();
    });
});
