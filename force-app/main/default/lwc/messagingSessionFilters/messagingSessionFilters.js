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
/** The owner option shown while a backlog drill-in filters on a queue. */
const QUEUE_OWNER = 'queue';
const OWNER_SCOPES = ['me', 'all'];
export default class MessagingSessionFilters extends LightningElement {
    @api
    filters = {
        owner: 'all',
        queueId: null,
        window: 'any',
        customFrom: null,
        customTo: null
    };
    /** The search box's text (what was typed, applied or not). */
    @api
    searchText = '';
    @api
    sortKey;
    @api
    sortDirection;
    @api
    picklistFilters = [];
    @api
    sortColumns = [];
    /** The queue a backlog drill-in filters on, for the owner filter; '' for none. */
    @api
    queueName = '';
    /** Whether the secondary filters and the sort show (always, outside compact mode). */
    @api
    expanded = false;
    @api
    compact = false;
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
    windowOptions = [
        { label: labelWindowAny, value: 'any' },
        { label: labelWindowToday, value: 'today' },
        { label: labelWindowLast7, value: 'last7' },
        { label: labelWindowLast30, value: 'last30' },
        { label: labelWindowCustom, value: 'custom' }
    ];
    get containerClass() {
        return this.compact ? 'filters filters_compact' : 'filters';
    }
    get picklists() {
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
    get ownerOptions() {
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
    get ownerValue() {
        return this.filters?.queueId
            ? QUEUE_OWNER
            : (this.filters?.owner ?? '');
    }
    get windowValue() {
        return this.filters?.window ?? 'any';
    }
    get customFrom() {
        return this.filters?.customFrom ?? '';
    }
    get customTo() {
        return this.filters?.customTo ?? '';
    }
    get isCustomWindow() {
        return this.filters?.window === 'custom';
    }
    get rangeProblemText() {
        if (!this.isCustomWindow) return '';
        const problem = customRangeProblem(
            this.filters?.customFrom ?? null,
            this.filters?.customTo ?? null
        );
        if (problem === 'reversed') return labelRangeReversed;
        if (problem === 'unreadable') return labelRangeUnreadable;
        return '';
    }
    get sortOptions() {
        return (this.sortColumns ?? []).map(({ key, label }) => ({
            label,
            value: key
        }));
    }
    get sortDirectionIcon() {
        return this.sortDirection === 'ASC'
            ? 'utility:arrowup'
            : 'utility:arrowdown';
    }
    get sortDirectionLabel() {
        return this.sortDirection === 'ASC'
            ? labelSortAscending
            : labelSortDescending;
    }
    // ---- Changes -------------------------------------------------------------------------------
    emit(detail) {
        this.dispatchEvent(new CustomEvent('filterchange', { detail }));
    }
    picked(event) {
        const detail = event.detail;
        return typeof detail?.value === 'string' ? detail.value : '';
    }
    handleSearchChange(event) {
        this.emit({ search: this.picked(event) });
    }
    handlePicklistChange(event) {
        const key = event.currentTarget.dataset.key;
        const filter = this.picklistFilters?.find((entry) => entry.key === key);
        if (!filter) return;
        const value = this.picked(event);
        this.emit({ [filter.key]: value ? [value] : [], ...filter.resets });
    }
    handleOwnerChange(event) {
        const value = this.picked(event);
        // The queue option only names the drill-in's queue: choosing it changes nothing.
        if (value === QUEUE_OWNER) return;
        const owner = OWNER_SCOPES.includes(value)
            ? value
            : this.filters?.owner;
        this.emit({ owner, queueId: null });
    }
    handleWindowChange(event) {
        const value = this.picked(event);
        const window = this.filters?.window;
        const current = !window || window === 'custom' ? 'any' : window;
        const known = START_TIME_WINDOWS.includes(value);
        this.emit({ window: known ? value : current });
    }
    handleCustomFromChange(event) {
        this.emit({ customFrom: this.picked(event) || null });
    }
    handleCustomToChange(event) {
        this.emit({ customTo: this.picked(event) || null });
    }
    handleSortChange(event) {
        const key = this.picked(event);
        const known = this.sortColumns?.some((column) => column.key === key);
        if (!known || key === this.sortKey) return;
        this.emit({ sortKey: key });
    }
    handleSortDirection() {
        this.emit({
            sortDirection: this.sortDirection === 'ASC' ? 'DESC' : 'ASC'
        });
    }
}
