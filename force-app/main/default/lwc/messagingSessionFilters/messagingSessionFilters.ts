/**
 * The session list's filters: the search box, the picklist filters the list defines (one
 * combobox each, drawn from their definitions), owner scope, start-time window with its custom
 * range, and the sort. The status chips go in the `status` slot, below the search box. In compact
 * mode the secondary filters show only while `expanded`.
 *
 * Every change emits `filterchange` with the changed values: filter state (`channelTypes`,
 * `owner`, `window`, `customFrom`...), the typed `search` text (the list waits for a pause before
 * it applies it), `sortKey` or `sortDirection`.
 */
import { LightningElement, api } from 'lwc';
import {
    START_TIME_WINDOWS,
    customRangeProblem,
    formatLabel
} from 'c/messagingTime';
import TIME_ZONE from '@salesforce/i18n/timeZone';

import labelAllOption from '@salesforce/label/c.MSC_ListAllOption';
import labelCustomFrom from '@salesforce/label/c.MSC_ListCustomFrom';
import labelCustomTo from '@salesforce/label/c.MSC_ListCustomTo';
import labelOwnerAll from '@salesforce/label/c.MSC_ListOwnerAll';
import labelOwnerFilter from '@salesforce/label/c.MSC_ListOwnerFilterLabel';
import labelOwnerMe from '@salesforce/label/c.MSC_ListOwnerMe';
import labelOwnerQueue from '@salesforce/label/c.MSC_ListOwnerQueue';
import labelRangeReversed from '@salesforce/label/c.MSC_ListRangeReversed';
import labelRangeUnreadable from '@salesforce/label/c.MSC_ListRangeUnreadable';
import labelSearch from '@salesforce/label/c.MSC_ListSearchLabel';
import labelSearchPlaceholder from '@salesforce/label/c.MSC_ListSearchPlaceholder';
import labelSortAscending from '@salesforce/label/c.MSC_ListSortAscending';
import labelSortDescending from '@salesforce/label/c.MSC_ListSortDescending';
import labelSortLabel from '@salesforce/label/c.MSC_ListSortLabel';
import labelWindowAny from '@salesforce/label/c.MSC_ListWindowAny';
import labelWindowCustom from '@salesforce/label/c.MSC_ListWindowCustom';
import labelWindowLabel from '@salesforce/label/c.MSC_ListWindowLabel';
import labelWindowLast30 from '@salesforce/label/c.MSC_ListWindowLast30';
import labelWindowLast7 from '@salesforce/label/c.MSC_ListWindowLast7';
import labelWindowToday from '@salesforce/label/c.MSC_ListWindowToday';
import labelWindowHelp from '@salesforce/label/c.MSC_StartTimeWindowHelp';

export interface FilterOption {
    label: string;
    value: string;
}

/** A picklist filter as the list defines it (PICKLIST_FILTERS in its sessionListQuery.ts). */
export interface PicklistFilterField {
    /** Its values' key in `filters` and in the filterchange detail. */
    key: string;
    className: string;
    label: string;
    options: readonly FilterOption[];
    /** Filter state a new choice resets, sent along with it. */
    resets?: object;
}

export interface SortField {
    key: string;
    label: string;
}

/** The filter state the list holds; the picklist filters' values are string lists under their key. */
export interface FilterValues {
    owner: string;
    queueId: string | null;
    window: string;
    customFrom: string | null;
    customTo: string | null;
    [key: string]: unknown;
}

interface ComboboxView {
    key: string;
    className: string;
    label: string;
    value: string;
    options: FilterOption[];
}

/** The owner option shown while a backlog drill-in filters on a queue. */
const QUEUE_OWNER = 'queue';
const OWNER_SCOPES = ['me', 'all'];

export default class MessagingSessionFilters extends LightningElement {
    @api filters: FilterValues = {
        owner: 'all',
        queueId: null,
        window: 'any',
        customFrom: null,
        customTo: null
    };
    /** The search box's text (what was typed, applied or not). */
    @api searchText = '';
    @api sortKey?: string;
    @api sortDirection?: string;
    @api picklistFilters: readonly PicklistFilterField[] = [];
    @api sortColumns: readonly SortField[] = [];
    /** The queue a backlog drill-in filters on, for the owner filter; '' for none. */
    @api queueName = '';
    /** Whether the secondary filters and the sort show (always, outside compact mode). */
    @api expanded = false;
    @api compact = false;

    labels = {
        search: labelSearch,
        searchPlaceholder: labelSearchPlaceholder,
        owner: labelOwnerFilter,
        window: labelWindowLabel,
        windowHelp: formatLabel(labelWindowHelp, TIME_ZONE),
        customFrom: labelCustomFrom,
        customTo: labelCustomTo,
        sortBy: labelSortLabel
    };

    windowOptions: FilterOption[] = [
        { label: labelWindowAny, value: 'any' },
        { label: labelWindowToday, value: 'today' },
        { label: labelWindowLast7, value: 'last7' },
        { label: labelWindowLast30, value: 'last30' },
        { label: labelWindowCustom, value: 'custom' }
    ];

    get containerClass(): string {
        return this.compact ? 'filters filters_compact' : 'filters';
    }

    get picklists(): ComboboxView[] {
        return (this.picklistFilters ?? []).map((filter) => {
            const values = this.filters?.[filter.key];
            return {
                key: filter.key,
                className: `slds-col filter-field ${filter.className}`,
                label: filter.label,
                value: Array.isArray(values) ? String(values[0] ?? '') : '',
                options: [
                    { label: labelAllOption, value: '' },
                    ...filter.options.map(({ label, value }) => ({
                        label,
                        value
                    }))
                ]
            };
        });
    }

    get ownerOptions(): FilterOption[] {
        const scopes = [
            { label: labelOwnerMe, value: 'me' },
            { label: labelOwnerAll, value: 'all' }
        ];
        return this.filters?.queueId
            ? [
                  ...scopes,
                  {
                      label: formatLabel(labelOwnerQueue, this.queueName),
                      value: QUEUE_OWNER
                  }
              ]
            : scopes;
    }

    get ownerValue(): string {
        return this.filters?.queueId
            ? QUEUE_OWNER
            : (this.filters?.owner ?? '');
    }

    get windowValue(): string {
        return this.filters?.window ?? 'any';
    }

    get customFrom(): string {
        return this.filters?.customFrom ?? '';
    }

    get customTo(): string {
        return this.filters?.customTo ?? '';
    }

    get isCustomWindow(): boolean {
        return this.filters?.window === 'custom';
    }

    get rangeProblemText(): string {
        if (!this.isCustomWindow) return '';
        const problem = customRangeProblem(
            this.filters?.customFrom ?? null,
            this.filters?.customTo ?? null
        );
        if (problem === 'reversed') return labelRangeReversed;
        if (problem === 'unreadable') return labelRangeUnreadable;
        return '';
    }

    get sortOptions(): FilterOption[] {
        return (this.sortColumns ?? []).map(({ key, label }) => ({
            label,
            value: key
        }));
    }

    get sortDirectionIcon(): string {
        return this.sortDirection === 'ASC'
            ? 'utility:arrowup'
            : 'utility:arrowdown';
    }

    get sortDirectionLabel(): string {
        return this.sortDirection === 'ASC'
            ? labelSortAscending
            : labelSortDescending;
    }

    // ---- Changes -------------------------------------------------------------------------------

    private emit(detail: object): void {
        this.dispatchEvent(new CustomEvent('filterchange', { detail }));
    }

    private picked(event: Event): string {
        const detail = (event as CustomEvent<{ value?: unknown }>).detail;
        return typeof detail?.value === 'string' ? detail.value : '';
    }

    handleSearchChange(event: Event): void {
        this.emit({ search: this.picked(event) });
    }

    handlePicklistChange(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const filter = this.picklistFilters?.find((entry) => entry.key === key);
        if (!filter) return;
        const value = this.picked(event);
        this.emit({ [filter.key]: value ? [value] : [], ...filter.resets });
    }

    handleOwnerChange(event: Event): void {
        const value = this.picked(event);
        // The queue option only names the drill-in's queue: choosing it changes nothing.
        if (value === QUEUE_OWNER) return;
        const owner = OWNER_SCOPES.includes(value)
            ? value
            : this.filters?.owner;
        this.emit({ owner, queueId: null });
    }

    handleWindowChange(event: Event): void {
        const value = this.picked(event);
        const window = this.filters?.window;
        const current = !window || window === 'custom' ? 'any' : window;
        const known = (START_TIME_WINDOWS as readonly string[]).includes(value);
        this.emit({ window: known ? value : current });
    }

    handleCustomFromChange(event: Event): void {
        this.emit({ customFrom: this.picked(event) || null });
    }

    handleCustomToChange(event: Event): void {
        this.emit({ customTo: this.picked(event) || null });
    }

    handleSortChange(event: Event): void {
        const key = this.picked(event);
        const known = this.sortColumns?.some((column) => column.key === key);
        if (!known || key === this.sortKey) return;
        this.emit({ sortKey: key });
    }

    handleSortDirection(): void {
        this.emit({
            sortDirection: this.sortDirection === 'ASC' ? 'DESC' : 'ASC'
        });
    }
}
