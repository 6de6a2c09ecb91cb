/**
 * The panel's controls: the windows and scopes it offers, what they mean in words, and the
 * App Builder defaults read into them.
 */
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel } from 'c/messagingTime';
import {
    METRICS_SCOPES,
    METRICS_WINDOWS,
    teamSource
} from './metricsVariables';
import type { MetricsScope, MetricsWindow } from './metricsVariables';

import labelTitle from '@salesforce/label/c.MSC_MetricsTitle';
import labelWindow from '@salesforce/label/c.MSC_MetricsWindowLabel';
import labelToday from '@salesforce/label/c.MSC_MetricsWindowToday';
import labelLast7 from '@salesforce/label/c.MSC_MetricsWindowLast7';
import labelLast30 from '@salesforce/label/c.MSC_MetricsWindowLast30';
import labelCustom from '@salesforce/label/c.MSC_MetricsWindowCustom';
import labelWindowHelp from '@salesforce/label/c.MSC_MetricsWindowHelp';
import labelStartTimeWindowHelp from '@salesforce/label/c.MSC_StartTimeWindowHelp';
import labelFrom from '@salesforce/label/c.MSC_MetricsFromLabel';
import labelTo from '@salesforce/label/c.MSC_MetricsToLabel';
import labelScope from '@salesforce/label/c.MSC_MetricsScopeLabel';
import labelScopeMe from '@salesforce/label/c.MSC_MetricsScopeMe';
import labelScopeTeam from '@salesforce/label/c.MSC_MetricsScopeTeam';
import labelScopeAll from '@salesforce/label/c.MSC_MetricsScopeAll';
import labelTeamReportsHelp from '@salesforce/label/c.MSC_MetricsTeamReportsHelp';
import labelTeamGroupHelp from '@salesforce/label/c.MSC_MetricsTeamGroupHelp';
import labelRefresh from '@salesforce/label/c.MSC_MetricsRefresh';
import labelLoading from '@salesforce/label/c.MSC_MetricsLoading';
import labelEmpty from '@salesforce/label/c.MSC_MetricsEmpty';

export interface Option<T extends string = string> {
    label: string;
    value: T;
}

/** The panel's own words (the table, chart and notes have theirs). */
export const PANEL_LABELS = {
    title: labelTitle,
    window: labelWindow,
    from: labelFrom,
    to: labelTo,
    scope: labelScope,
    refresh: labelRefresh,
    loading: labelLoading,
    empty: labelEmpty
};

export const WINDOW_OPTIONS: ReadonlyArray<Option<MetricsWindow>> = [
    { label: labelToday, value: 'today' },
    { label: labelLast7, value: 'last7' },
    { label: labelLast30, value: 'last30' },
    { label: labelCustom, value: 'custom' }
];

export const SCOPE_OPTIONS: ReadonlyArray<Option<MetricsScope>> = [
    { label: labelScopeMe, value: 'me' },
    { label: labelScopeTeam, value: 'team' },
    { label: labelScopeAll, value: 'all' }
];

/** What the windows cover (by start time, in the user's time zone). */
export const WINDOW_HELP = formatLabel(
    labelWindowHelp,
    formatLabel(labelStartTimeWindowHelp, TIME_ZONE)
);

export function isMetricsWindow(value: unknown): value is MetricsWindow {
    return (
        typeof value === 'string' &&
        (METRICS_WINDOWS as readonly string[]).includes(value)
    );
}

export function isMetricsScope(value: unknown): value is MetricsScope {
    return (
        typeof value === 'string' &&
        (METRICS_SCOPES as readonly string[]).includes(value)
    );
}

export function windowLabel(window: MetricsWindow): string {
    return (
        WINDOW_OPTIONS.find((option) => option.value === window)?.label ?? ''
    );
}

/** Who "my team" is, in the team scope; '' in the others. */
export function teamHelpText(
    scope: MetricsScope,
    teamGroup: string | null | undefined
): string {
    if (scope !== 'team') return '';
    return teamSource(teamGroup) === 'group'
        ? formatLabel(labelTeamGroupHelp, teamGroup?.trim() ?? '')
        : labelTeamReportsHelp;
}
