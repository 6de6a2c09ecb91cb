/**
 * What the panel shows for the figures it has: the table's columns, one list that says for each
 * column its label, the source it reads and how it formats a row's figure; the rows built from
 * them (agents, queues and the team totals alike); the notes that say why a figure is missing.
 * Adding a column: its field in a document (metricsQueries), its figure in combineMetrics, one
 * entry below and its label.
 */
import {
    HANDLE_SECONDS_FIELD_NAME,
    WAIT_SECONDS_FIELD_NAME,
    ownerView
} from 'c/messagingSessionSchema';
import { formatLabel } from 'c/messagingTime';
import type {
    MetricsCellView,
    MetricsColumnView,
    MetricsRowView
} from 'c/messagingMetricsTable';
import type { AgentMetrics, CombinedMetrics } from './metricsCombine';
import {
    ALL_SOURCES_READY,
    channelsText,
    durationCell,
    messagesCell,
    targetsText
} from './metricsFormat';
import type { DurationCell, FigureSources, Targets } from './metricsFormat';
import { MAX_GROUPS } from './metricsQueries';
import type { SourceKey, SourceStatuses } from './metricsSources';

import labelColAgent from '@salesforce/label/c.MSC_MetricsColAgent';
import labelColHandled from '@salesforce/label/c.MSC_MetricsColHandled';
import labelColOpen from '@salesforce/label/c.MSC_MetricsColOpen';
import labelColAvgWait from '@salesforce/label/c.MSC_MetricsColAvgWait';
import labelColMaxWait from '@salesforce/label/c.MSC_MetricsColMaxWait';
import labelColAvgHandle from '@salesforce/label/c.MSC_MetricsColAvgHandle';
import labelColChannels from '@salesforce/label/c.MSC_MetricsColChannels';
import labelColMessages from '@salesforce/label/c.MSC_MetricsColMessages';
import labelColFirstResponse from '@salesforce/label/c.MSC_MetricsColFirstResponse';
import labelColResponse from '@salesforce/label/c.MSC_MetricsColResponse';
import labelTotals from '@salesforce/label/c.MSC_MetricsTotalsRow';
import labelFieldUnavailable from '@salesforce/label/c.MSC_MetricsFieldUnavailable';
import labelSessionMetricsUnavailable from '@salesforce/label/c.MSC_MetricsSessionMetricsUnavailable';
import labelQueueNamesUnavailable from '@salesforce/label/c.MSC_MetricsQueueNamesUnavailable';
import labelTruncated from '@salesforce/label/c.MSC_MetricsTruncated';
import labelTableCaption from '@salesforce/label/c.MSC_MetricsTableCaption';

/** A row's figures: an agent's or queue's, or the team totals. */
export type RowFigures = Pick<
    AgentMetrics,
    | 'handled'
    | 'openNow'
    | 'wait'
    | 'maxWaitSeconds'
    | 'handle'
    | 'messages'
    | 'firstResponse'
    | 'averageResponse'
    | 'channels'
>;

/** Who a row is about; the totals row has the key 'totals' and no owner. */
export interface RowIdentity {
    key: string;
    ownerId: string;
    name: string;
    isQueue: boolean;
    /** The queue badge's text, the same the session list and detail show; '' for users and totals. */
    queueBadge: string;
}

export interface RowContext {
    targets: Targets;
    sources: FigureSources;
}

/** What a column says about a row; the table's markup adds the rest. */
type CellContent = Partial<Omit<MetricsCellView, 'key' | 'isName'>> & {
    text: string;
};

/** The document a column's figures come from, when the org may refuse it. */
export type OptionalSource = keyof FigureSources;

export interface MetricsColumn {
    /** The cell's `data-cell` value. */
    key: string;
    label: string;
    numeric: boolean;
    /** Read from an optional document: "Not available" and a note when the org refuses it. */
    source?: OptionalSource;
    /** App Builder can hide response times. */
    isResponseTime?: boolean;
    /** Agent rows show a warning icon when the figure is over target. */
    warnsOverTarget?: boolean;
    cell(
        identity: RowIdentity,
        figures: RowFigures,
        context: RowContext
    ): CellContent;
}

function plain(text: string | number): CellContent {
    return { text: String(text) };
}

/** A duration cell: its tooltip and assistive text say how it compares with the target. */
function duration(cell: DurationCell): CellContent {
    return {
        text: cell.text,
        className: cell.className,
        title: cell.assistiveText,
        assistiveText: cell.assistiveText,
        state: cell.state,
        isOver: cell.isOver
    };
}

/** The table's columns, in their order. */
export const METRICS_COLUMNS: readonly MetricsColumn[] = [
    {
        key: 'name',
        label: labelColAgent,
        numeric: false,
        cell: (identity) => ({
            text: identity.name,
            queueBadge: identity.queueBadge
        })
    },
    {
        key: 'handled',
        label: labelColHandled,
        numeric: true,
        cell: (_identity, figures) => plain(figures.handled)
    },
    {
        key: 'open',
        label: labelColOpen,
        numeric: true,
        cell: (_identity, figures) => plain(figures.openNow)
    },
    {
        key: 'avgWait',
        label: labelColAvgWait,
        numeric: true,
        source: 'waitTimes',
        warnsOverTarget: true,
        cell: (_identity, figures, { targets, sources }) =>
            duration(
                durationCell(
                    figures.wait.average,
                    targets.waitSeconds,
                    sources.waitTimes
                )
            )
    },
    {
        key: 'maxWait',
        label: labelColMaxWait,
        numeric: true,
        source: 'waitTimes',
        cell: (_identity, figures, { targets, sources }) =>
            duration(
                durationCell(
                    figures.maxWaitSeconds,
                    targets.waitSeconds,
                    sources.waitTimes
                )
            )
    },
    {
        key: 'avgHandle',
        label: labelColAvgHandle,
        numeric: true,
        source: 'handleTimes',
        warnsOverTarget: true,
        cell: (_identity, figures, { targets, sources }) =>
            duration(
                durationCell(
                    figures.handle.average,
                    targets.handleSeconds,
                    sources.handleTimes
                )
            )
    },
    {
        key: 'channels',
        label: labelColChannels,
        numeric: false,
        cell: (_identity, figures) => plain(channelsText(figures.channels))
    },
    {
        key: 'messages',
        label: labelColMessages,
        numeric: true,
        source: 'sessionMetrics',
        cell: (_identity, figures, { sources }) => {
            const cell = messagesCell(
                figures.messages,
                figures.handled,
                sources.sessionMetrics
            );
            return {
                text: cell.text,
                title: cell.note,
                assistiveText: cell.note
            };
        }
    },
    {
        key: 'firstResponse',
        label: labelColFirstResponse,
        numeric: true,
        source: 'sessionMetrics',
        isResponseTime: true,
        cell: (_identity, figures, { sources }) =>
            duration(
                durationCell(
                    figures.firstResponse.average,
                    null,
                    sources.sessionMetrics
                )
            )
    },
    {
        key: 'response',
        label: labelColResponse,
        numeric: true,
        source: 'sessionMetrics',
        isResponseTime: true,
        cell: (_identity, figures, { sources }) =>
            duration(
                durationCell(
                    figures.averageResponse.average,
                    null,
                    sources.sessionMetrics
                )
            )
    }
];

/** The columns shown: all of them, or all but response times when App Builder hides them. */
export function visibleColumns(
    hideResponseTimes: boolean
): readonly MetricsColumn[] {
    return hideResponseTimes
        ? METRICS_COLUMNS.filter((column) => !column.isResponseTime)
        : METRICS_COLUMNS;
}

export function columnViews(
    columns: readonly MetricsColumn[]
): MetricsColumnView[] {
    return columns.map((column) => ({
        key: column.key,
        label: column.label,
        headerClass: column.numeric ? 'num' : ''
    }));
}

/** A table row: its cells in column order, and whether any figure is over its target. */
export interface AgentRowView extends MetricsRowView, RowIdentity {
    handled: number;
    openNow: number;
}

function rowView(
    identity: RowIdentity,
    figures: RowFigures,
    context: RowContext,
    columns: readonly MetricsColumn[],
    withWarnings: boolean
): AgentRowView {
    const cells = columns.map((column): MetricsCellView => {
        const content = column.cell(identity, figures, context);
        const isOver = content.isOver ?? false;
        return {
            className: '',
            title: '',
            assistiveText: '',
            queueBadge: '',
            ...content,
            key: column.key,
            isName: column.key === 'name',
            cellClass: column.numeric ? 'num' : '',
            isOver,
            showWarning:
                withWarnings && isOver && column.warnsOverTarget === true
        };
    });
    const isOver = cells.some((cell) => cell.isOver);
    return {
        ...identity,
        handled: figures.handled,
        openNow: figures.openNow,
        cells,
        isOver,
        rowClass: isOver ? 'slds-hint-parent row_over' : 'slds-hint-parent'
    };
}

/** One row per owner, durations formatted with the shared formatDuration. */
export function agentRowViews(
    metrics: CombinedMetrics,
    targets: Targets,
    sources: FigureSources = ALL_SOURCES_READY,
    columns: readonly MetricsColumn[] = METRICS_COLUMNS
): AgentRowView[] {
    return metrics.agents.map((agent) =>
        rowView(
            {
                key: agent.ownerId,
                ownerId: agent.ownerId,
                name: agent.name,
                isQueue: agent.isQueue,
                queueBadge: agent.isQueue
                    ? ownerView(
                          {
                              kind: 'queue',
                              id: agent.ownerId,
                              name: agent.name
                          },
                          ''
                      ).queueBadge
                    : ''
            },
            agent,
            { targets, sources },
            columns,
            true
        )
    );
}

/** The team totals, drawn by the same row template; no warning icons. */
export function totalsRowView(
    metrics: CombinedMetrics,
    targets: Targets,
    label: string,
    sources: FigureSources = ALL_SOURCES_READY,
    columns: readonly MetricsColumn[] = METRICS_COLUMNS
): AgentRowView {
    return rowView(
        {
            key: 'totals',
            ownerId: '',
            name: label,
            isQueue: false,
            queueBadge: ''
        },
        metrics.totals,
        { targets, sources },
        columns,
        false
    );
}

/** The labels of the shown columns that read a source, for the note that says it is unavailable. */
export function columnLabels(
    columns: readonly MetricsColumn[],
    source: OptionalSource
): string {
    return columns
        .filter((column) => column.source === source)
        .map((column) => column.label)
        .join(', ');
}

// ---- The panel --------------------------------------------------------------------------------

export interface Note {
    key: string;
    text: string;
}

/** Why some figures say "Not available": one note per document the org refused. */
export function sourceNotes(
    sources: SourceStatuses,
    columns: readonly MetricsColumn[],
    queueNamesAsked: boolean
): Note[] {
    const notes: Note[] = [];
    const refused = (key: SourceKey): boolean =>
        sources[key].state === 'unavailable';
    const fields = [
        ['waitTimes', WAIT_SECONDS_FIELD_NAME],
        ['handleTimes', HANDLE_SECONDS_FIELD_NAME]
    ] as const;
    for (const [key, field] of fields) {
        if (refused(key))
            notes.push({
                key,
                text: formatLabel(
                    labelFieldUnavailable,
                    columnLabels(columns, key),
                    field,
                    sources[key].detail
                )
            });
    }
    if (refused('sessionMetrics'))
        notes.push({
            key: 'sessionMetrics',
            text: formatLabel(
                labelSessionMetricsUnavailable,
                columnLabels(columns, 'sessionMetrics'),
                sources.sessionMetrics.detail
            )
        });
    if (queueNamesAsked && refused('queueNames'))
        notes.push({
            key: 'queueNames',
            text: formatLabel(
                labelQueueNamesUnavailable,
                sources.queueNames.detail
            )
        });
    return notes;
}

export interface PanelInput {
    /** The figures combined so far; null before the core document has answered. */
    metrics: CombinedMetrics | null;
    sources: SourceStatuses;
    targets: Targets;
    hideResponseTimes: boolean;
    /** The queue-name document is asked for (all-agents scope). */
    queueNamesAsked: boolean;
    /** What stops the panel (dates to fix, the core document refused, a failed refresh); '' for nothing. */
    errorText: string;
    /** The window has a filter (custom dates that make a period). */
    hasWindow: boolean;
    /** The window's name, for the table's caption. */
    windowLabel: string;
}

export interface PanelView {
    errorText: string;
    hasError: boolean;
    showSpinner: boolean;
    targetsText: string;
    tableCaption: string;
    columns: MetricsColumnView[];
    /** Agents and queues, then the team totals. */
    rows: AgentRowView[];
    /** The agents the chart draws (no queues, no totals). */
    chartRows: AgentRowView[];
    notes: Note[];
    truncatedText: string;
    /** A window with no sessions at all (agents listed without any figure count as empty too). */
    isEmpty: boolean;
    showTable: boolean;
    showChart: boolean;
}

type FiguresView = Pick<
    PanelView,
    'rows' | 'chartRows' | 'notes' | 'truncatedText' | 'isEmpty' | 'showTable'
>;

const NO_FIGURES: FiguresView = {
    rows: [],
    chartRows: [],
    notes: [],
    truncatedText: '',
    isEmpty: false,
    showTable: false
};

function figuresView(
    metrics: CombinedMetrics,
    input: PanelInput,
    columns: readonly MetricsColumn[]
): FiguresView {
    const sources: FigureSources = {
        waitTimes: input.sources.waitTimes.state,
        handleTimes: input.sources.handleTimes.state,
        sessionMetrics: input.sources.sessionMetrics.state
    };
    const agents = agentRowViews(metrics, input.targets, sources, columns);
    const totals = totalsRowView(
        metrics,
        input.targets,
        labelTotals,
        sources,
        columns
    );
    return {
        rows: [...agents, totals],
        chartRows: agents.filter((row) => !row.isQueue),
        notes: sourceNotes(input.sources, columns, input.queueNamesAsked),
        truncatedText: metrics.truncated
            ? formatLabel(labelTruncated, MAX_GROUPS)
            : '',
        isEmpty: metrics.totals.handled + metrics.totals.openNow === 0,
        showTable: metrics.agents.length > 0
    };
}

/** Everything the panel shows, computed once each time one of its inputs changes. */
export function panelView(input: PanelInput): PanelView {
    const columns = visibleColumns(input.hideResponseTimes);
    const hasError = input.errorText !== '';
    const figures =
        input.metrics && !hasError
            ? figuresView(input.metrics, input, columns)
            : NO_FIGURES;
    return {
        ...figures,
        errorText: input.errorText,
        hasError,
        showSpinner:
            !hasError &&
            input.hasWindow &&
            input.sources.core.state === 'loading',
        targetsText: targetsText(input.targets),
        tableCaption: formatLabel(labelTableCaption, input.windowLabel),
        columns: columnViews(columns),
        showChart: figures.showTable && !figures.isEmpty
    };
}
