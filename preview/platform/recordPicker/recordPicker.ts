/**
 * A stand-in for lightning-record-picker, which is not in lightning-base-components. Same public API
 * (label, object-api-name, value, placeholder, required, disabled, display-info, matching-info,
 * filter, variant; change event with detail.recordId; checkValidity/reportValidity/
 * setCustomValidity/clearSelection/focus), and like the real one it searches with the UI API
 * GraphQL endpoint.
 */
import { LightningElement, api } from 'lwc';
import { API_BASE, read } from '../lds/transport';

interface FieldPath {
    fieldPath: string;
    mode?: string;
}
interface DisplayInfo {
    primaryField?: string;
    additionalFields?: string[];
}
interface MatchingInfo {
    primaryField?: FieldPath;
    additionalFields?: FieldPath[];
}
interface FilterCriterion {
    fieldPath: string;
    operator: string;
    value: unknown;
}
interface Filter {
    criteria?: FilterCriterion[];
    filterLogic?: string;
}
interface Option {
    id: string;
    title: string;
    subtitle: string;
    key: string;
    className: string;
}

const DEFAULT_NAME_FIELD: Record<string, string> = { Case: 'CaseNumber' };
const OPERATORS: Record<string, string> = {
    eq: 'eq',
    ne: 'ne',
    lt: 'lt',
    gt: 'gt',
    lte: 'lte',
    gte: 'gte',
    in: 'in',
    nin: 'nin',
    like: 'like',
    includes: 'includes',
    excludes: 'excludes'
};

let instances = 0;

export default class RecordPicker extends LightningElement {
    @api label?: string;
    @api objectApiName?: string;
    @api placeholder?: string;
    @api required = false;
    @api disabled = false;
    @api variant?: string;
    @api fieldLevelHelp?: string;
    @api displayInfo?: DisplayInfo;
    @api matchingInfo?: MatchingInfo;
    @api filter?: Filter;
    @api messageWhenValueMissing = 'Complete this field.';

    private _value: string | null = null;
    selectedName = '';
    term = '';
    options: Option[] = [];
    open = false;
    loading = false;
    errorText = '';
    private customValidity = '';
    private showError = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private readonly uid = `preview-picker-${++instances}`;

    @api
    get value(): string | null {
        return this._value;
    }
    set value(id: string | null) {
        const next = id || null;
        if (next === this._value) return;
        this._value = next;
        this.selectedName = '';
        if (next) void this.loadName(next);
    }

    get inputId(): string {
        return `${this.uid}-input`;
    }
    get listboxId(): string {
        return `${this.uid}-listbox`;
    }
    get errorId(): string {
        return `${this.uid}-error`;
    }
    get hasSelection(): boolean {
        return !!this._value;
    }
    get selectionLabel(): string {
        return this.selectedName || this._value || '';
    }
    get labelClass(): string {
        return this.variant === 'label-hidden'
            ? 'slds-form-element__label slds-assistive-text'
            : 'slds-form-element__label';
    }
    get formClass(): string {
        return `slds-form-element${this.showError && this.validationMessage ? ' slds-has-error' : ''}`;
    }
    get comboboxClass(): string {
        return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.open ? ' slds-is-open' : ''}`;
    }
    get expanded(): string {
        return String(this.open);
    }
    get hasOptions(): boolean {
        return this.options.length > 0;
    }
    get noResults(): boolean {
        return (
            this.open &&
            !this.loading &&
            !this.options.length &&
            this.term.length > 1
        );
    }
    get validationMessage(): string {
        if (this.customValidity) return this.customValidity;
        if (this.required && !this._value) return this.messageWhenValueMissing;
        return '';
    }
    get showValidation(): boolean {
        return this.showError && !!this.validationMessage;
    }

    private get nameField(): string {
        return (
            this.displayInfo?.primaryField ||
            this.matchingInfo?.primaryField?.fieldPath ||
            DEFAULT_NAME_FIELD[this.objectApiName ?? ''] ||
            'Name'
        );
    }

    private get subtitleField(): string | undefined {
        return this.displayInfo?.additionalFields?.[0];
    }

    private selection(field: string): string {
        // "Owner.Name" -> "Owner { Name { value } }"
        const parts = field.split('.');
        let out = `${parts[parts.length - 1]} { value }`;
        for (let i = parts.length - 2; i >= 0; i--)
            out = `${parts[i]} { ${out} }`;
        return out;
    }

    private nested(node: Record<string, unknown>, field: string): string {
        let current: unknown = node;
        for (const part of field.split('.'))
            current = (current as Record<string, unknown> | null)?.[part];
        const value = (current as { value?: unknown } | null)?.value;
        return value === null || value === undefined ? '' : String(value);
    }

    private where(extra?: Record<string, unknown>): Record<string, unknown> {
        const and: Record<string, unknown>[] = [];
        for (const c of this.filter?.criteria ?? []) {
            const op = OPERATORS[c.operator] ?? 'eq';
            let clause: Record<string, unknown> = { [op]: c.value };
            const parts = c.fieldPath.split('.');
            for (let i = parts.length - 1; i >= 0; i--)
                clause = { [parts[i]]: clause };
            and.push(clause);
        }
        if (extra) and.push(extra);
        return and.length === 1 ? and[0] : { and };
    }

    private async query(
        where: Record<string, unknown>,
        first: number
    ): Promise<Array<Record<string, unknown>>> {
        const object = this.objectApiName ?? '';
        const fields = [this.selection(this.nameField)];
        if (this.subtitleField) fields.push(this.selection(this.subtitleField));
        const query = `query recordPicker($where: ${object}_Filter, $first: Int) { uiapi { query { ${object}(where: $where, first: $first) { edges { node { Id ${fields.join(' ')} } } } } } }`;
        const response = await read<{
            data?: {
                uiapi?: {
                    query?: Record<
                        string,
                        { edges: Array<{ node: Record<string, unknown> }> }
                    >;
                };
            };
            errors?: Array<{ message: string }>;
        }>(`${API_BASE}/graphql`, {
            method: 'POST',
            body: { query, variables: { where, first } },
            component: 'lightning-record-picker'
        });
        if (response.errors?.length)
            throw new Error(response.errors.map((e) => e.message).join(' '));
        return (response.data?.uiapi?.query?.[object]?.edges ?? []).map(
            (e) => e.node
        );
    }

    private async loadName(id: string): Promise<void> {
        try {
            const [node] = await this.query(this.where({ Id: { eq: id } }), 1);
            if (node && this._value === id)
                this.selectedName = this.nested(node, this.nameField);
        } catch {
            // The id stays visible when the name cannot be read.
        }
    }

    private async search(term: string): Promise<void> {
        this.loading = true;
        this.errorText = '';
        try {
            const like = `%${term.replace(/[%_]/g, (c) => `\\${c}`)}%`;
            let clause: Record<string, unknown> = { like };
            const parts = this.nameField.split('.');
            for (let i = parts.length - 1; i >= 0; i--)
                clause = { [parts[i]]: clause };
            const nodes = await this.query(this.where(clause), 10);
            if (term !== this.term) return;
            this.options = nodes.map((node, i) => ({
                id: String(node.Id),
                title: this.nested(node, this.nameField),
                subtitle: this.subtitleField
                    ? this.nested(node, this.subtitleField)
                    : '',
                key: `${i}-${String(node.Id)}`,
                className:
                    'slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta'
            }));
        } catch (error) {
            this.options = [];
            this.errorText =
                error instanceof Error ? error.message : String(error);
        } finally {
            this.loading = false;
        }
    }

    handleInput(event: Event): void {
        this.term = (event.target as HTMLInputElement).value;
        this.open = this.term.length > 1;
        clearTimeout(this.timer);
        if (this.open)
            this.timer = setTimeout(() => void this.search(this.term), 250);
    }

    handleBlur(): void {
        // Let a click on an option land first.
        setTimeout(() => {
            this.open = false;
            this.showError = true;
        }, 200);
    }

    handleSelect(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const option = this.options.find((o) => o.id === id);
        this._value = id;
        this.selectedName = option?.title ?? '';
        this.open = false;
        this.term = '';
        this.dispatchEvent(
            new CustomEvent('change', { detail: { recordId: id } })
        );
    }

    handleClear(): void {
        this.clearSelection();
        this.dispatchEvent(
            new CustomEvent('change', { detail: { recordId: null } })
        );
    }

    @api
    clearSelection(): void {
        this._value = null;
        this.selectedName = '';
        this.term = '';
    }

    @api
    checkValidity(): boolean {
        return !this.validationMessage;
    }

    @api
    reportValidity(): boolean {
        this.showError = true;
        return this.checkValidity();
    }

    @api
    setCustomValidity(message: string): void {
        this.customValidity = message;
    }

    @api
    focus(): void {
        (
            this.template?.querySelector('input, button') as HTMLElement | null
        )?.focus();
    }

    @api
    blur(): void {
        (
            this.template?.querySelector('input, button') as HTMLElement | null
        )?.blur();
    }
}
