import MessagingMetricsTable from 'c/messagingMetricsTable';
import type {
    MetricsColumnView,
    MetricsRowView
} from 'c/messagingMetricsTable';
import {
    $,
    $$,
    clearDocumentBody,
    clone,
    flush,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

import tableRowsJson from './data/tableRows.json';

type TableElement = HTMLElement & {
    columns?: MetricsColumnView[];
    rows?: MetricsRowView[];
    caption?: string;
};

const TABLE = tableRowsJson as {
    columns: MetricsColumnView[];
    rows: MetricsRowView[];
};
const ADA = '005000000000001AAA';
const QUEUE = '00G000000000001AAA';

function mount(props: Partial<TableElement> = {}): TableElement {
    return mountComponent<TableElement>(
        'c-messaging-metrics-table',
        MessagingMetricsTable,
        { ...clone(TABLE), caption: 'Agent metrics, Today', ...props }
    );
}

function cell(element: HTMLElement, owner: string, key: string): HTMLElement {
    return $(element, `tr[data-owner="${owner}"] [data-cell="${key}"]`)!;
}

afterEach(() => {
    clearDocumentBody();
});

describe('c-messaging-metrics-table', () => {
    it('draws a header per column and every row, totals last, with the same row markup', async () => {
        const element = mount();
        await flush();
        expect($$(element, 'thead th').map((th) => text(th))).toEqual([
            'Agent',
            'Handled',
            'Avg wait',
            'Messages'
        ]);
        expect($$(element, 'thead th')[1].className).toBe('num');
        expect(
            $$(element, 'tbody tr').map((tr) => tr.getAttribute('data-owner'))
        ).toEqual([ADA, QUEUE, 'totals']);
        // Agents and totals: a row header, then a data cell per column.
        for (const row of $$(element, 'tbody tr')) {
            expect(
                Array.from(row.children).map((child) => child.tagName)
            ).toEqual(['TH', 'TD', 'TD', 'TD']);
            expect(row.querySelector('th')!.getAttribute('scope')).toBe('row');
        }
        expect(text(cell(element, 'totals', 'name'))).toBe('Team total');
        expect(text(cell(element, 'totals', 'handled'))).toBe('13');
        expect(text($(element, 'caption'))).toBe('Agent metrics, Today');
        await expect(element).toBeAccessible();
    });

    it('shows a duration over target from its data: state, warning icon and words', async () => {
        const element = mount();
        await flush();
        const over = cell(element, ADA, 'avgWait');
        expect(over.getAttribute('data-state')).toBe('over');
        expect(over.className).toBe('num');
        expect(over.querySelector('lightning-icon')).not.toBeNull();
        expect(over.getAttribute('title')).toBe('Over the 1m 00s target');
        expect(text(over.querySelector('.slds-assistive-text'))).toBe(
            'Over the 1m 00s target'
        );
        expect($(element, `tr[data-owner="${ADA}"]`)!.className).toContain(
            'row_over'
        );
        // The totals row is over target too, without a warning icon.
        const totals = cell(element, 'totals', 'avgWait');
        expect(totals.getAttribute('data-state')).toBe('over');
        expect(totals.querySelector('lightning-icon')).toBeNull();
        // Cells that compare with nothing carry no state.
        expect(cell(element, ADA, 'handled').hasAttribute('data-state')).toBe(
            false
        );
        expect(cell(element, QUEUE, 'avgWait').getAttribute('data-state')).toBe(
            'none'
        );
    });

    it('puts the queue badge beside a queue name only', async () => {
        const element = mount();
        await flush();
        expect(
            text(cell(element, QUEUE, 'name').querySelector('.queue-badge'))
        ).toBe('Queue');
        expect(cell(element, ADA, 'name').querySelector('.queue-badge')).toBe(
            null
        );
        expect(
            cell(element, 'totals', 'name').querySelector('.queue-badge')
        ).toBeNull();
    });

    it('says why a messages count is partial, as a tooltip and to assistive technology', async () => {
        const element = mount();
        await flush();
        const messages = cell(element, ADA, 'messages');
        expect(messages.getAttribute('title')).toContain('4 sessions');
        expect(text(messages.querySelector('.slds-assistive-text'))).toContain(
            '4 sessions'
        );
        expect(
            cell(element, QUEUE, 'messages').querySelector(
                '.slds-assistive-text'
            )
        ).toBeNull();
    });

    it('follows new rows and columns', async () => {
        const element = mount();
        await flush();
        element.columns = TABLE.columns.slice(0, 2);
        element.rows = TABLE.rows.map((row) => ({
            ...row,
            cells: row.cells.slice(0, 2)
        }));
        await flush();
        expect($$(element, 'thead th')).toHaveLength(2);
        expect($$(element, `tr[data-owner="${ADA}"] td`)).toHaveLength(1);
        element.rows = [];
        await flush();
        expect($$(element, 'tbody tr')).toHaveLength(0);
    });
});
