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
import {
    ALL_SOURCES_READY,
    channelsText,
    durationCell,
    messagesCell,
    targetsText
} from './metricsFormat';
import { MAX_GROUPS } from './metricsQueries';
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
function plain(text) {
    return { text: String(text) };
}
/** A duration cell: its tooltip and assistive text say how it compares with the target. */
function duration(cell) {
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
export const METRICS_COLUMNS = [
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
export function visibleColumns(hideResponseTimes) {
    return hideResponseTimes
        ? METRICS_COLUMNS.filter((column) => !column.isResponseTime)
        : METRICS_COLUMNS;
}
export function columnViews(columns) {
    return columns.map((column) => ({
        key: column.key,
        label: column.label,
        headerClass: column.numeric ? 'num' : ''
    }));
}
function rowView(identity, figures, context, columns, withWarnings) {
    const cells = columns.map((column) => {
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
    metrics,
    targets,
    sources = ALL_SOURCES_READY,
    columns = METRICS_COLUMNS
) {
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
    metrics,
    targets,
    label,
    sources = ALL_SOURCES_READY,
    columns = METRICS_COLUMNS
) {
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
export function columnLabels(columns, source) {
    return columns
        .filter((column) => column.source === source)
        .map((column) => column.label)
        .join(', ');
}
/** Why some figures say "Not available": one note per document the org refused. */
export function sourceNotes(sources, columns, queueNamesAsked) {
    const notes = [];
    const refused = (key) => sources[key].state === 'unavailable';
    const fields = [
        ['waitTimes', WAIT_SECONDS_FIELD_NAME],
        ['handleTimes', HANDLE_SECONDS_FIELD_NAME]
    ];
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
const NO_FIGURES = {
    rows: [],
    chartRows: [],
    notes: [],
    truncatedText: '',
    isEmpty: false,
    showTable: false
};
function figuresView(metrics, input, columns) {
    const sources = {
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
export function panelView(input) {
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
