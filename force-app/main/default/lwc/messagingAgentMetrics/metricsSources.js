/**
 * Where each of the panel's documents stands (loading, answered, refused, not asked for), what
 * each has answered, and the team's users the core answer names: the bookkeeping the wires feed.
 */
import { combineMetrics } from './metricsCombine';
import { listedUserIds } from './metricsVariables';
export const SOURCE_KEYS = [
    'core',
    'waitTimes',
    'handleTimes',
    'sessionMetrics',
    'queueNames'
];
/** Every document in the same state. */
export function statuses(state) {
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
export function combineReceived(data, sources, queueNamesAsked) {
    if (!data.core) return null;
    const ready = (key) => {
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
export function teamKey(teamGroup) {
    return teamGroup?.trim() ?? '';
}
/** The Ids a core answer names for a team, sorted (the User query asks for no order). */
export function teamUsersOf(core, teamGroup) {
    return { team: teamKey(teamGroup), ids: listedUserIds(core).sort() };
}
/** The same team and the same Ids in the same order. */
export function sameTeamUsers(a, b) {
    return (
        a !== null &&
        a.team === b.team &&
        a.ids.length === b.ids.length &&
        a.ids.every((id, index) => id === b.ids[index])
    );
}
/** The known Ids of the current team, or null until a core answer has named them. */
export function currentTeamIds(known, teamGroup) {
    return known !== null && known.team === teamKey(teamGroup)
        ? known.ids
        : null;
}
