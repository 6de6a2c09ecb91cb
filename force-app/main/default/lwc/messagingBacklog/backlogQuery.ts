/**
 * What the backlog asks the server: App Builder properties read defensively, the GraphQL
 * variables of the queue look-up and of one refresh, the response shapes, and how its errors are
 * read. No DOM, no wire.
 */
import { WAITING_STATUSES } from 'c/messagingSessionSchema';
import type { GqlField, GqlFilter } from 'c/messagingSessionSchema';
import { describeError } from 'c/messagingErrors';

// ---------------------------------------------------------------------------------------------
// App Builder properties
// ---------------------------------------------------------------------------------------------

export const DEFAULT_WAIT_TARGET_SECONDS = 120;
/** Time to clear divides by the sessions accepted in this many last minutes. */
export const PACE_WINDOW_MINUTES = 60;

function toNumber(input: unknown): number {
    if (typeof input === 'number') return input;
    if (typeof input === 'string' && input.trim() !== '') return Number(input);
    return NaN;
}

function isBlank(input: unknown): boolean {
    return input == null || (typeof input === 'string' && input.trim() === '');
}

export interface WaitTarget {
    seconds: number;
    /** The property was set to something unusable (it is kept to be quoted back). */
    rejected: string | null;
}

/** The wait target: a positive number of seconds; anything else gives the default, and says what was rejected. */
export function readWaitTarget(input: unknown): WaitTarget {
    const seconds = toNumber(input);
    if (Number.isFinite(seconds) && seconds > 0) {
        return { seconds: Math.round(seconds), rejected: null };
    }
    return {
        seconds: DEFAULT_WAIT_TARGET_SECONDS,
        rejected: isBlank(input) ? null : String(input)
    };
}

export interface QueueSelection {
    /** Queue API names (DeveloperName) to show; empty means every queue with waiting sessions. */
    names: string[];
    /** Entries that can't be an API name: reported, never sent. */
    invalid: string[];
}

// A DeveloperName: starts with a letter, letters, digits and single underscores, no trailing underscore.
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** The App Builder queue list: comma-separated API names, deduplicated without regard to case. */
export function readQueueSelection(input: unknown): QueueSelection {
    const names: string[] = [];
    const invalid: string[] = [];
    const seen = new Set<string>();
    const entries = typeof input === 'string' ? input.split(',') : [];
    for (const entry of entries.map((part) => part.trim())) {
        if (!entry || seen.has(entry.toLowerCase())) continue;
        seen.add(entry.toLowerCase());
        if (API_NAME.test(entry) && !entry.endsWith('_')) names.push(entry);
        else invalid.push(entry);
    }
    return { names, invalid };
}

// ---------------------------------------------------------------------------------------------
// Variables of one refresh
// ---------------------------------------------------------------------------------------------

export interface BacklogVariables {
    /** Sessions waiting now (in the chosen queues). */
    waitingWhere: GqlFilter;
    /** Of those, the ones that started before now − target. */
    overTargetWhere: GqlFilter;
    /** Sessions accepted in the last hour, whoever owns them now. */
    acceptedWhere: GqlFilter;
    /** The queues to name: the chosen ones, or those that own a waiting session. */
    queueWhere: GqlFilter;
    /** The messaging channels of the waiting sessions. */
    channelWhere: GqlFilter;
}

/** The variables of the document without names, which declares only these. */
export type FiguresOnlyVariables = Pick<
    BacklogVariables,
    'waitingWhere' | 'overTargetWhere' | 'acceptedWhere'
>;

export interface VariablesInput {
    now: number;
    targetSeconds: number;
    /** The chosen queues' Ids, looked up from their API names; empty for every queue. */
    queueIds: readonly string[];
}

/** An instant rounded down to the second, so that two refreshes within one second send the same variables. */
function isoSecondsBefore(now: number, seconds: number): string {
    return new Date(
        Math.floor(now / 1000) * 1000 - seconds * 1000
    ).toISOString();
}

export function buildBacklogVariables(input: VariablesInput): BacklogVariables {
    const waiting: GqlFilter[] = [{ Status: { in: [...WAITING_STATUSES] } }];
    if (input.queueIds.length) {
        // A plain list on the session's own field: the semi-join on channels below may carry it,
        // where a relationship filter on the polymorphic Owner would nest one join in another.
        waiting.push({ OwnerId: { in: [...input.queueIds] } });
    }
    const waitingWhere: GqlFilter =
        waiting.length === 1 ? waiting[0] : { and: waiting };
    const overTargetWhere: GqlFilter = {
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
    const acceptedWhere: GqlFilter = {
        AcceptTime: {
            gte: {
                value: isoSecondsBefore(input.now, PACE_WINDOW_MINUTES * 60)
            }
        }
    };
    const queueWhere: GqlFilter = {
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
    const channelWhere: GqlFilter = {
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

export interface QueueLookupVariables {
    /** The queues (Groups of type Queue) whose API names App Builder lists. */
    queueLookupWhere: GqlFilter;
}

/**
 * The variables of the queue look-up, its own small request: its answer changes only with the
 * App Builder property, so each refresh then filters on the Ids it gave.
 */
export function buildQueueLookupVariables(
    queueNames: readonly string[]
): QueueLookupVariables {
    return {
        queueLookupWhere: {
            and: [
                { Type: { eq: 'Queue' } },
                { DeveloperName: { in: [...queueNames] } }
            ]
        }
    };
}

export function figuresOnly(variables: BacklogVariables): FiguresOnlyVariables {
    const { waitingWhere, overTargetWhere, acceptedWhere } = variables;
    return { waitingWhere, overTargetWhere, acceptedWhere };
}

// ---------------------------------------------------------------------------------------------
// Response shapes: data.uiapi.aggregate.<alias>.edges[].node.aggregate.<Field>.<fn>.value
// ---------------------------------------------------------------------------------------------

export interface BacklogAggregate {
    OwnerId?: GqlField<string> | null;
    MessagingChannelId?: GqlField<string> | null;
    ChannelType?: GqlField<string> | null;
    Id?: { count?: GqlField<number> | null } | null;
    StartTime?: { min?: GqlField<string> | null } | null;
}

export interface AggConnection {
    edges?: Array<{
        node?: { aggregate?: BacklogAggregate | null } | null;
    } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}

export interface NamedNode {
    Id: string;
    Name?: GqlField<string> | null;
    DeveloperName?: GqlField<string> | null;
    MasterLabel?: GqlField<string> | null;
}

export interface NodeConnection {
    edges?: Array<{ node?: NamedNode | null } | null> | null;
}

export interface QueueLookupData {
    uiapi?: {
        query?: { Group?: NodeConnection | null } | null;
    } | null;
}

export interface BacklogData {
    uiapi?: {
        aggregate?: {
            waiting?: AggConnection | null;
            overTarget?: AggConnection | null;
            accepted?: AggConnection | null;
        } | null;
        query?: {
            Group?: NodeConnection | null;
            MessagingChannel?: NodeConnection | null;
        } | null;
    } | null;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface BacklogErrorReading {
    /** Only the name look-ups (Group, MessagingChannel) were refused: ask again without them. */
    namesRefused: boolean;
    message: string;
}

interface GraphQLErrorLike {
    message?: unknown;
    path?: unknown;
}

function aboutNames(error: GraphQLErrorLike): boolean {
    const path = Array.isArray(error.path) ? error.path.join('.') : '';
    const text = `${typeof error.message === 'string' ? error.message : ''} ${path}`;
    return /\b(Group|MessagingChannel|MasterLabel|DeveloperName)\b/.test(text);
}

/** Reads the `errors` of a response; an empty list reads as no problem. */
export function readBacklogErrors(errors: unknown): BacklogErrorReading {
    const list: GraphQLErrorLike[] = Array.isArray(errors) ? errors : [];
    if (!list.length) return { namesRefused: false, message: '' };
    return {
        namesRefused: list.every(aboutNames),
        message: describeError({ errors: list }).message
    };
}
