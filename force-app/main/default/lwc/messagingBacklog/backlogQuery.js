/**
 * What the backlog asks the server: App Builder properties read defensively, the GraphQL
 * variables of the queue look-up and of one refresh, the response shapes, and how its errors are
 * read. No DOM, no wire.
 */
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
import { describeError } from 'c/messagingErrors';
// ---------------------------------------------------------------------------------------------
// App Builder properties
// ---------------------------------------------------------------------------------------------
export const DEFAULT_WAIT_TARGET_SECONDS = 120;
/** Time to clear divides by the sessions accepted in this many last minutes. */
export const PACE_WINDOW_MINUTES = 60;
function toNumber(input) {
    if (typeof input === 'number') return input;
    if (typeof input === 'string' && input.trim() !== '') return Number(input);
    return NaN;
}
function isBlank(input) {
    return input == null || (typeof input === 'string' && input.trim() === '');
}
/** The wait target: a positive number of seconds; anything else gives the default, and says what was rejected. */
export function readWaitTarget(input) {
    const seconds = toNumber(input);
    if (Number.isFinite(seconds) && seconds > 0) {
        return { seconds: Math.round(seconds), rejected: null };
    }
    return {
        seconds: DEFAULT_WAIT_TARGET_SECONDS,
        rejected: isBlank(input) ? null : String(input)
    };
}
// A DeveloperName: starts with a letter, letters, digits and single underscores, no trailing underscore.
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
/** The App Builder queue list: comma-separated API names, deduplicated without regard to case. */
export function readQueueSelection(input) {
    const names = [];
    const invalid = [];
    const seen = new Set();
    const entries = typeof input === 'string' ? input.split(',') : [];
    for (const entry of entries.map((part) => part.trim())) {
        if (!entry || seen.has(entry.toLowerCase())) continue;
        seen.add(entry.toLowerCase());
        if (API_NAME.test(entry) && !entry.endsWith('_')) names.push(entry);
        else invalid.push(entry);
    }
    return { names, invalid };
}
/** An instant rounded down to the second, so that two refreshes within one second send the same variables. */
function isoSecondsBefore(now, seconds) {
    return new Date(
        Math.floor(now / 1000) * 1000 - seconds * 1000
    ).toISOString();
}
export function buildBacklogVariables(input) {
    const waiting = [{ Status: { in: [...WAITING_STATUSES] } }];
    if (input.queueIds.length) {
        // A plain list on the session's own field: the semi-join on channels below may carry it,
        // where a relationship filter on the polymorphic Owner would nest one join in another.
        waiting.push({ OwnerId: { in: [...input.queueIds] } });
    }
    const waitingWhere = waiting.length === 1 ? waiting[0] : { and: waiting };
    const overTargetWhere = {
        and: [
            ...waiting,
            {
                StartTime: {
                    lt: {
                        value: isoSecondsBefore(input.now, input.targetSeconds)
                    }
                }
            }
        ]
    };
    const acceptedWhere = {
        AcceptTime: {
            gte: {
                value: isoSecondsBefore(input.now, PACE_WINDOW_MINUTES * 60)
            }
        }
    };
    const queueWhere = {
        and: [
            { Type: { eq: 'Queue' } },
            input.queueIds.length
                ? { Id: { in: [...input.queueIds] } }
                : {
                      Id: {
                          inq: {
                              MessagingSession: waitingWhere,
                              ApiName: 'OwnerId'
                          }
                      }
                  }
        ]
    };
    const channelWhere = {
        Id: {
            inq: {
                MessagingSession: waitingWhere,
                ApiName: 'MessagingChannelId'
            }
        }
    };
    return {
        waitingWhere,
        overTargetWhere,
        acceptedWhere,
        queueWhere,
        channelWhere
    };
}
/**
 * The variables of the queue look-up, its own small request: its answer changes only with the
 * App Builder property, so each refresh then filters on the Ids it gave.
 */
export function buildQueueLookupVariables(queueNames) {
    return {
        queueLookupWhere: {
            and: [
                { Type: { eq: 'Queue' } },
                { DeveloperName: { in: [...queueNames] } }
            ]
        }
    };
}
export function figuresOnly(variables) {
    const { waitingWhere, overTargetWhere, acceptedWhere } = variables;
    return { waitingWhere, overTargetWhere, acceptedWhere };
}
function aboutNames(error) {
    const path = Array.isArray(error.path) ? error.path.join('.') : '';
    const text = `${typeof error.message === 'string' ? error.message : ''} ${path}`;
    return /\b(Group|MessagingChannel|MasterLabel|DeveloperName)\b/.test(text);
}
/** Reads the `errors` of a response; an empty list reads as no problem. */
export function readBacklogErrors(errors) {
    const list = Array.isArray(errors) ? errors : [];
    if (!list.length) return { namesRefused: false, message: '' };
    return {
        namesRefused: list.every(aboutNames),
        message: describeError({ errors: list }).message
    };
}
