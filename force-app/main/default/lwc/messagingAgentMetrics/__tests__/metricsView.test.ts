import { CHANNEL_TYPES, picklistLabel } from 'c/messagingSessionSchema';
import { formatDuration } from 'c/messagingTime';
import type { MetricsCellView, MetricsRowView } from 'c/messagingMetricsTable';
import { combineMetrics } from '../metricsCombine';
import {
    compareToTarget,
    durationCell,
    messagesCell,
    readTarget
} from '../metricsFormat';
import {
    METRICS_COLUMNS,
    agentRowViews,
    columnLabels,
    totalsRowView,
    visibleColumns
} from '../metricsView';
import { ADA, BEN, FULL, NO_TARGETS } from './metricsFixtures';

/** A row's cell by its column. */
function cellOf(row: MetricsRowView, key: string): MetricsCellView {
    const cell = row.cells.find((candidate) => candidate.key === key);
    if (!cell) throw new Error(`no ${key} cell in row ${row.key}`);
    return cell;
}

describe('targets and cells', () => {
    it('compares durations with targets', () => {
        expect(compareToTarget(61, 60)).toBe('over');
        expect(compareToTarget(60, 60)).toBe('within');
        expect(compareToTarget(null, 60)).toBe('none');
        expect(compareToTarget(30, null)).toBe('none');
        expect(compareToTarget(30, 0)).toBe('none');
    });

    it('reads App Builder targets', () => {
        expect(readTarget(90)).toBe(90);
        expect(readTarget('120')).toBe(120);
        expect(readTarget('')).toBeNull();
        expect(readTarget(0)).toBeNull();
        expect(readTarget(-5)).toBeNull();
        expect(readTarget(undefined)).toBeNull();
    });

    it('formats durations with the model and says how they compare', () => {
        const over = durationCell(300, 60);
        expect(over.text).toBe(formatDuration(300));
        expect(over.isOver).toBe(true);
        expect(over.assistiveText).toContain(formatDuration(60));
        expect(over.className).toContain('metric_over');
        const within = durationCell(45.5, 60);
        expect(within.text).toBe(formatDuration(46));
        expect(within.state).toBe('within');
        const none = durationCell(null, 60);
        expect(none.text).toBe('—');
        expect(none.state).toBe('none');
        expect(none.assistiveText).toBe('');
    });

    it('says a duration is loading or not available instead of comparing it', () => {
        expect(durationCell(300, 60, 'loading')).toMatchObject({
            text: '…',
            state: 'none',
            isOver: false
        });
        expect(durationCell(300, 60, 'unavailable')).toMatchObject({
            text: 'Not available',
            state: 'none'
        });
    });

    it('says "Not counted" for message counts Salesforce did not make, never 0', () => {
        const none = { agent: null, endUser: null, counted: 0 };
        expect(messagesCell(none, 4).text).toBe('Not counted');
        expect(messagesCell(none, 4).note).toContain(
            '4 sessions have no message totals'
        );
        expect(
            messagesCell({ agent: 80, endUser: 95, counted: 6 }, 10)
        ).toEqual({
            text: '80 / 95 (4 not counted)',
            note: expect.stringContaining('4 sessions') as unknown as string
        });
        expect(
            messagesCell({ agent: 80, endUser: 95, counted: 10 }, 10)
        ).toEqual({ text: '80 / 95', note: '' });
        // An agent count without its customer count: the missing side isn't 0.
        expect(
            messagesCell({ agent: 5, endUser: null, counted: 1 }, 1).text
        ).toBe('5 / Not counted');
        expect(messagesCell({ agent: 0, endUser: 0, counted: 2 }, 2).text).toBe(
            '0 / 0'
        );
        expect(messagesCell(none, 0).text).toBe('—');
        expect(messagesCell(none, 4, 'unavailable').text).toBe('Not available');
        expect(messagesCell(none, 4, 'loading').text).toBe('…');
    });

    it('builds row views with target highlighting and a totals row', () => {
        const combined = combineMetrics(FULL);
        const rows = agentRowViews(combined, {
            waitSeconds: 60,
            handleSeconds: 900
        });
        const ada = rows.find((row) => row.ownerId === ADA)!;
        const ben = rows.find((row) => row.ownerId === BEN)!;
        expect(cellOf(ada, 'avgWait').state).toBe('within');
        expect(cellOf(ada, 'maxWait').state).toBe('over');
        expect(ada.rowClass).toContain('row_over');
        // Over target is data: the row and the cell say so, whatever their classes.
        expect(ada.isOver).toBe(true);
        expect(cellOf(ada, 'maxWait').isOver).toBe(true);
        expect(cellOf(ada, 'firstResponse').text).toBe(formatDuration(30));
        expect(cellOf(ada, 'response').text).toBe(formatDuration(45));
        expect(cellOf(ben, 'avgHandle').state).toBe('over');
        expect(cellOf(ben, 'avgWait').state).toBe('none');
        expect(cellOf(ben, 'messages').text).toBe('Not counted');
        expect(cellOf(ada, 'channels').text).toBe(
            `${picklistLabel(CHANNEL_TYPES, 'Text')}: 6, ${picklistLabel(CHANNEL_TYPES, 'EmbeddedMessaging')}: 4`
        );
        const totals = totalsRowView(combined, NO_TARGETS, 'Team total');
        expect(totals.key).toBe('totals');
        expect(cellOf(totals, 'name').text).toBe('Team total');
        expect(totals.handled).toBe(17);
        expect(cellOf(totals, 'avgWait').state).toBe('none');
        expect(cellOf(totals, 'messages').text).toBe('83 / 99 (9 not counted)');
        expect(totals.rowClass).not.toContain('row_over');
        expect(totals.isOver).toBe(false);
    });

    it('marks every figure of a refused source not available, and leaves the others', () => {
        const combined = combineMetrics({ core: FULL.core });
        const sources = {
            waitTimes: 'unavailable',
            handleTimes: 'ready',
            sessionMetrics: 'unavailable'
        } as const;
        const ada = agentRowViews(combined, NO_TARGETS, sources).find(
            (row) => row.ownerId === ADA
        )!;
        expect(cellOf(ada, 'avgWait').text).toBe('Not available');
        expect(cellOf(ada, 'maxWait').text).toBe('Not available');
        expect(cellOf(ada, 'avgHandle').text).toBe('—');
        expect(cellOf(ada, 'messages').text).toBe('Not available');
        expect(cellOf(ada, 'firstResponse').text).toBe('Not available');
        expect(ada.handled).toBe(10);
        expect(
            cellOf(
                totalsRowView(combined, NO_TARGETS, 'Team total', sources),
                'messages'
            ).text
        ).toBe('Not available');
    });

    it('lists the cells in column order, with warning icons only on agent averages over target', () => {
        const combined = combineMetrics(FULL);
        const targets = { waitSeconds: 1, handleSeconds: 1 };
        const ada = agentRowViews(combined, targets).find(
            (row) => row.ownerId === ADA
        )!;
        expect(ada.cells.map((cell) => cell.key)).toEqual(
            METRICS_COLUMNS.map((column) => column.key)
        );
        expect(ada.cells.map((cell) => cell.key)).toEqual([
            'name',
            'handled',
            'open',
            'avgWait',
            'maxWait',
            'avgHandle',
            'channels',
            'messages',
            'firstResponse',
            'response'
        ]);
        expect(
            ada.cells.filter((cell) => cell.showWarning).map((cell) => cell.key)
        ).toEqual(['avgWait', 'avgHandle']);
        expect(cellOf(ada, 'maxWait')).toMatchObject({
            state: 'over',
            isOver: true,
            showWarning: false
        });
        const totals = totalsRowView(combined, targets, 'Team total');
        expect(totals.isOver).toBe(true);
        expect(totals.cells.some((cell) => cell.showWarning)).toBe(false);
        const within = agentRowViews(combined, {
            waitSeconds: 100_000,
            handleSeconds: 100_000
        }).find((row) => row.ownerId === ADA)!;
        expect(within.cells.map((cell) => cell.showWarning)).toEqual(
            within.cells.map(() => false)
        );
        expect(within.isOver).toBe(false);
    });

    it('leaves out the response-time columns, cells and note labels when App Builder hides them', () => {
        const columns = visibleColumns(true);
        expect(columns.map((column) => column.key)).not.toContain(
            'firstResponse'
        );
        expect(columns.map((column) => column.key)).not.toContain('response');
        const ada = agentRowViews(
            combineMetrics(FULL),
            NO_TARGETS,
            undefined,
            columns
        ).find((row) => row.ownerId === ADA)!;
        expect(ada.cells.map((cell) => cell.key)).toEqual(
            columns.map((column) => column.key)
        );
        expect(columnLabels(columns, 'sessionMetrics')).toBe(
            'Messages (agent / customer)'
        );
        expect(columnLabels(visibleColumns(false), 'waitTimes')).toBe(
            'Avg wait, Max wait'
        );
    });
});
