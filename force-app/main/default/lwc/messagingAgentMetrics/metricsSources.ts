/**
 * Where each of the panel's documents stands (loading, answered, refused, not asked for), what
 * each has answered, and the team's users the core answer names: the bookkeeping the wires feed.
 */
import { combineMetrics } from './metricsCombine';
import type { CombinedMetrics } from './metricsCombine';
import type { SourceState } from './metricsFormat';
import type {
    CoreMetricsData,
    DurationData,
    QueueNamesData,
    SessionMetricsData
} from './metricsResponses';
import { listedUserIds } from './metricsVariables';

/** The panel's documents. */
export type SourceKey =
    'core' | 'waitTimes' | 'handleTimes' | 'sessionMetrics' | 'queueNames';

export const SOURCE_KEYS: readonly SourceKey[] = [
    'core',
    'waitTimes',
    'handleTimes',
    'sessionMetrics',
    'queueNames'
];

export interface SourceStatus {
    state: SourceState;
    /** The server's words when the org refused the document. */
    detail: string;
}

export type SourceStatuses = Record<SourceKey, SourceStatus>;

/** The last answer of each document. */
export interface SourceData {
    core?: CoreMetricsData;
    waitTimes?: DurationData;
    handleTimes?: DurationData;
    sessionMetrics?: SessionMetricsData;
    queueNames?: QueueNamesData;
}

/** Every document in the same state. */
export function statuses(state: SourceState): SourceStatuses {
    const status = { state, detail: '' };
    return {
        core: status,
        waitTimes: status,
        handleTimes: status,
        sessionMetrics: status,
        queueNames: status
    };
}

/**
 * Combines what has been received: a document counts once it has answered for the current
 * variables; queue names only while they are asked for. Null before the core answer.
 */
export function combineReceived(
    data: SourceData,
    sources: SourceStatuses,
    queueNamesAsked: boolean
): CombinedMetrics | null {
    if (!data.core) return null;
    const ready = <K extends SourceKey>(key: K): SourceData[K] | null => {
        return sources[key].state === 'ready' ? (data[key] ?? null) : null;
    };
    return combineMetrics({
        core: data.core,
        waitTimes: ready('waitTimes'),
        handleTimes: ready('handleTimes'),
        sessionMetrics: ready('sessionMetrics'),
        queueNames: queueNamesAsked ? ready('queueNames') : null
    });
}

/**
 * The team's user Ids from a core answer in the team scope, with the team they belong to (the
 * App Builder group, or '' for my direct reports). Membership doesn't depend on the window, so
 * the Ids stay usable until the next core answer replaces them.
 */
export interface TeamUsers {
    team: string;
    ids: readonly string[];
}

export function teamKey(teamGroup: string | null | undefined): string {
    return teamGroup?.trim() ?? '';
}

/** The Ids a core answer names for a team, sorted (the User query asks for no order). */
export function teamUsersOf(
    core: CoreMetricsData,
    teamGroup: string | null | undefined
): TeamUsers {
    return { team: teamKey(teamGroup), ids: listedUserIds(core).sort() };
}

/** The same team and the same Ids in the same order. */
export function sameTeamUsers(a: TeamUsers | null, b: TeamUsers): boolean {
    return (
        a !== null &&
        a.team === b.team &&
        a.ids.length === b.ids.length &&
        a.ids.every((id, index) => id === b.ids[index])
    );
}

/** The known Ids of the current team, or null until a core answer has named them. */
export function currentTeamIds(
    known: TeamUsers | null,
    teamGroup: string | null | undefined
): readonly string[] | null {
    return known !== null && known.team === teamKey(teamGroup)
        ? known.ids
        : null;
}
