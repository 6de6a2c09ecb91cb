import type { BacklogDrillInMessage } from 'c/messagingChannels';
import {
    CoalescingScheduler,
    readRefreshSeconds
} from 'c/messagingLiveRefresh';
import { customRangeProblem } from 'c/messagingTime';
import {
    PICKLIST_FILTERS,
    buildOrderBy,
    buildVariables,
    buildWhere,
    emptyFilters,
    likePattern,
    normalizeSearch,
    pageArguments
} from '../sessionListQuery';
import type { SessionFilters } from '../sessionListQuery';
import {
    changeEventRecordIds,
    hiddenListFields,
    mergeRows,
    pageSignature,
    readSessionPage,
    readStatusCounts,
    toSessionRow
} from '../sessionListRows';
import type { SessionListData, SessionNode } from '../sessionListRows';
import {
    DEFAULT_PAGE_SIZE,
    defaultFilters,
    parseOwnerScope,
    parsePageSize,
    parsePicklistList,
    parseSafetyRefreshSeconds,
    parseSelectionMode,
    parseTimeWindow
} from '../sessionListSettings';
import { drillInActive, drillInView } from '../sessionListDrillIn';

import graphqlSessions from './data/graphqlSessions.json';
import graphqlSessionsPage2 from './data/graphqlSessionsPage2.json';
import graphqlEmpty from './data/graphqlEmpty.json';
import backlogDrillIn from './data/backlogDrillIn.json';

const USER = '005000000000000000';
const page1 = graphqlSessions as unknown as SessionListData;
const page2 = graphqlSessionsPage2 as unknown as SessionListData;

function filters(changes: Partial<SessionFilters> = {}): SessionFilters {
    return { ...emptyFilters(), ...changes };
}

describe('App Builder input', () => {
    it('parses default statuses, keeping unknown well-formed values and dropping junk', () => {
        expect(
            parsePicklistList('Waiting, Active,,Waiting; Escalated')
        ).toEqual(['Waiting', 'Active', 'Escalated']);
        expect(parsePicklistList("Active' OR Name != '")).toEqual([]);
        expect(parsePicklistList('1Bad, Good_1')).toEqual(['Good_1']);
        expect(parsePicklistList(undefined)).toEqual([]);
        expect(parsePicklistList(42)).toEqual([]);
    });

    it('clamps the page size to 1..200 and defaults unreadable input', () => {
        expect(parsePageSize(25)).toBe(25);
        expect(parsePageSize('120')).toBe(120);
        expect(parsePageSize(5000)).toBe(200);
        expect(parsePageSize(12.7)).toBe(12);
        for (const bad of [
            0,
            -3,
            'abc',
            '',
            null,
            undefined,
            Number.NaN,
            Infinity
        ]) {
            expect(parsePageSize(bad)).toBe(DEFAULT_PAGE_SIZE);
        }
    });

    it('keeps the refresh interval between 15 s and an hour, with 0 meaning off', () => {
        expect(readRefreshSeconds(0)).toBe(0);
        expect(readRefreshSeconds('0')).toBe(0);
        expect(readRefreshSeconds(5)).toBe(15);
        expect(readRefreshSeconds(90)).toBe(90);
        expect(readRefreshSeconds(99999)).toBe(3600);
        expect(readRefreshSeconds('soon')).toBe(60);
        expect(readRefreshSeconds(-1)).toBe(60);
    });

    it('keeps the safety refresh between a minute and an hour, 300 s by default, 0 meaning off', () => {
        expect(parseSafetyRefreshSeconds(undefined)).toBe(300);
        expect(parseSafetyRefreshSeconds('')).toBe(300);
        expect(parseSafetyRefreshSeconds(0)).toBe(0);
        expect(parseSafetyRefreshSeconds('0')).toBe(0);
        expect(parseSafetyRefreshSeconds(10)).toBe(60);
        expect(parseSafetyRefreshSeconds('600')).toBe(600);
        expect(parseSafetyRefreshSeconds(99999)).toBe(3600);
        expect(parseSafetyRefreshSeconds('sometimes')).toBe(300);
        expect(parseSafetyRefreshSeconds(-5)).toBe(300);
    });

    it('reads the selection mode, publishing unless told to open a tab', () => {
        expect(parseSelectionMode('openTab')).toBe('openTab');
        expect(parseSelectionMode('publish')).toBe('publish');
        expect(parseSelectionMode(undefined)).toBe('publish');
        expect(parseSelectionMode('OPENTAB')).toBe('publish');
    });

    it('accepts only known owner scopes and time windows (custom needs dates, so not as a default)', () => {
        expect(parseOwnerScope('all')).toBe('all');
        expect(parseOwnerScope('everyone')).toBe('me');
        expect(parseTimeWindow('last7')).toBe('last7');
        expect(parseTimeWindow('custom')).toBe('any');
        expect(parseTimeWindow('yesterday', 'today')).toBe('today');
    });
});

describe('picklist filter definitions', () => {
    it('give every picklist filter an empty value list, a label, options and a clause', () => {
        const empty = emptyFilters();
        for (const filter of PICKLIST_FILTERS) {
            expect(empty[filter.key]).toEqual([]);
            expect(filter.label).not.toBe('');
            expect(filter.options.length).toBeGreaterThan(0);
            expect(filter.where([], empty)).toEqual([]);
        }
        expect(PICKLIST_FILTERS.map((filter) => filter.className)).toEqual([
            'channel-filter',
            'agent-type-filter',
            'origin-filter'
        ]);
    });

    it('builds each chosen value into the where, in definition order', () => {
        const state = filters();
        for (const filter of PICKLIST_FILTERS) {
            state[filter.key] = [filter.options[0].value];
        }
        expect(buildWhere(state, USER)).toEqual({
            and: [
                { ChannelType: { in: [PICKLIST_FILTERS[0].options[0].value] } },
                { AgentType: { in: [PICKLIST_FILTERS[1].options[0].value] } },
                { Origin: { in: [PICKLIST_FILTERS[2].options[0].value] } }
            ]
        });
    });

    it('resets the backlog channel when a channel type is chosen', () => {
        const [channel] = PICKLIST_FILTERS;
        expect(channel.resets).toEqual({ messagingChannelId: null });
    });
});

describe('App Builder defaults', () => {
    it('starts from the App Builder filters, defensively', () => {
        expect(
            defaultFilters({
                defaultStatuses: 'Waiting, Active',
                defaultChannelType: 'WhatsApp,Text',
                defaultScope: 'all',
                defaultTimeWindow: 'last7'
            })
        ).toEqual({
            ...emptyFilters(),
            statuses: ['Waiting', 'Active'],
            channelTypes: ['WhatsApp'],
            owner: 'all',
            window: 'last7'
        });
        expect(
            defaultFilters({ defaultScope: 'x', defaultTimeWindow: 'custom' })
        ).toEqual({
            ...emptyFilters(),
            owner: 'me'
        });
    });
});

describe('buildWhere', () => {
    it('is empty without filters', () => {
        expect(buildWhere(filters(), USER)).toEqual({});
    });

    it('uses a single clause as it is, and combines several with and', () => {
        expect(
            buildWhere(filters({ statuses: ['Waiting', 'Active'] }), USER)
        ).toEqual({
            Status: { in: ['Waiting', 'Active'] }
        });
        expect(
            buildWhere(
                filters({
                    channelTypes: ['WhatsApp'],
                    agentTypes: ['Bot'],
                    origins: ['AgentInitiated'],
                    owner: 'me'
                }),
                USER
            )
        ).toEqual({
            and: [
                { ChannelType: { in: ['WhatsApp'] } },
                { AgentType: { in: ['Bot'] } },
                { Origin: { in: ['AgentInitiated'] } },
                { OwnerId: { eq: USER } }
            ]
        });
    });

    it('leaves the status out of the count where, so every chip keeps its count', () => {
        const state = filters({ statuses: ['Ended'], owner: 'me' });
        expect(buildWhere(state, USER, false)).toEqual({
            OwnerId: { eq: USER }
        });
    });

    it('filters by owner only for "me" with a known user', () => {
        expect(buildWhere(filters({ owner: 'all' }), USER)).toEqual({});
        expect(buildWhere(filters({ owner: 'me' }), null)).toEqual({});
    });

    it('maps each start-time window to the model definition: whole days in the user time zone', () => {
        // 09:10 UTC on 20 November is 01:10 in Los Angeles, the Jest user's time zone.
        const now = Date.parse('2026-11-20T09:10:00.000Z');
        const where = (changes: Partial<SessionFilters>) =>
            buildWhere(filters(changes), USER, true, now);
        expect(where({ window: 'today' })).toEqual({
            StartTime: { gte: { value: '2026-11-20T08:00:00.000Z' } }
        });
        expect(where({ window: 'last7' })).toEqual({
            StartTime: { gte: { value: '2026-11-14T08:00:00.000Z' } }
        });
        expect(where({ window: 'last30' })).toEqual({
            StartTime: { gte: { value: '2026-10-22T07:00:00.000Z' } }
        });
        expect(
            where({
                window: 'custom',
                customFrom: '2026-11-01',
                customTo: '2026-11-15'
            })
        ).toEqual({
            StartTime: {
                gte: { value: '2026-11-01T07:00:00.000Z' },
                lt: { value: '2026-11-16T08:00:00.000Z' }
            }
        });
        expect(where({ window: 'custom', customFrom: '2026-11-01' })).toEqual({
            StartTime: { gte: { value: '2026-11-01T07:00:00.000Z' } }
        });
        expect(where({ window: 'any' })).toEqual({});
    });

    it('ignores a reversed or unreadable custom range and says why', () => {
        const reversed = filters({
            window: 'custom',
            customFrom: '2026-11-15',
            customTo: '2026-11-01'
        });
        expect(buildWhere(reversed, USER)).toEqual({});
        expect(customRangeProblem(reversed.customFrom, reversed.customTo)).toBe(
            'reversed'
        );
        const unreadable = filters({
            window: 'custom',
            customFrom: '2026-02-31'
        });
        expect(buildWhere(unreadable, USER)).toEqual({});
        expect(
            customRangeProblem(unreadable.customFrom, unreadable.customTo)
        ).toBe('unreadable');
        expect(customRangeProblem(null, null)).toBeNull();
        // Outside the custom window the dates are not used at all.
        expect(
            buildWhere(
                filters({ window: 'today', customFrom: 'x' }),
                USER,
                true,
                Date.parse('2026-11-20T09:10:00.000Z')
            )
        ).toEqual({
            StartTime: { gte: { value: '2026-11-20T08:00:00.000Z' } }
        });
    });

    it('puts search text in a like pattern over name, session key and end-user name, escaped', () => {
        const where = buildWhere(
            filters({ search: `  50%_off "quotes" } { \\  ` }),
            USER
        );
        const pattern = '%50\\%\\_off "quotes" } { \\\\%';
        expect(where).toEqual({
            or: [
                { Name: { like: pattern } },
                { SessionKey: { like: pattern } },
                { MessagingEndUser: { Name: { like: pattern } } }
            ]
        });
        expect(likePattern('a_b')).toBe('%a\\_b%');
        expect(normalizeSearch('  many    spaces ')).toBe('many spaces');
        expect(normalizeSearch('x'.repeat(200))).toHaveLength(80);
        expect(normalizeSearch(null)).toBe('');
    });
});

describe('backlog drill-in', () => {
    const queue = backlogDrillIn as BacklogDrillInMessage;
    const QUEUE = queue.queueId;
    const CHANNEL = '0Mj5g000000Ch01CAA';
    const channel: BacklogDrillInMessage = {
        ...queue,
        queueId: null,
        messagingChannelId: CHANNEL,
        channelType: 'WhatsApp',
        label: 'WhatsApp EU'
    };

    it('filters on the queue as owner, which replaces the owner scope', () => {
        expect(
            buildWhere(filters({ queueId: QUEUE, owner: 'me' }), USER)
        ).toEqual({ OwnerId: { eq: QUEUE } });
        expect(
            buildWhere(
                filters({
                    statuses: ['Waiting'],
                    channelTypes: ['Text'],
                    messagingChannelId: CHANNEL
                }),
                USER
            )
        ).toEqual({
            and: [
                { Status: { in: ['Waiting'] } },
                { ChannelType: { in: ['Text'] } },
                { MessagingChannelId: { eq: CHANNEL } }
            ]
        });
    });

    it('asks for the waiting sessions of the queue or channel, oldest first, with every other filter empty', () => {
        expect(drillInView(queue)).toEqual({
            filters: {
                ...emptyFilters(),
                statuses: ['Waiting', 'New'],
                queueId: QUEUE
            },
            sortKey: 'startTime',
            sortDirection: 'ASC'
        });
        expect(drillInView(channel).filters).toEqual({
            ...emptyFilters(),
            statuses: ['Waiting', 'New'],
            channelTypes: ['WhatsApp'],
            messagingChannelId: CHANNEL
        });
    });

    it('is active while the owner and channel filters still show what it asked for', () => {
        const shown = drillInView(queue).filters;
        expect(drillInActive(null, shown)).toBe(false);
        expect(drillInActive(queue, shown)).toBe(true);
        expect(drillInActive(queue, { ...shown, statuses: ['Waiting'] })).toBe(
            true
        );
        expect(drillInActive(queue, { ...shown, queueId: null })).toBe(false);
        const byChannel = drillInView(channel).filters;
        expect(drillInActive(channel, byChannel)).toBe(true);
        expect(
            drillInActive(channel, { ...byChannel, channelTypes: ['Text'] })
        ).toBe(false);
        expect(
            drillInActive(channel, { ...byChannel, messagingChannelId: null })
        ).toBe(false);
        const byType = { ...channel, messagingChannelId: null };
        expect(drillInActive(byType, drillInView(byType).filters)).toBe(true);
        expect(drillInActive(byType, emptyFilters())).toBe(false);
    });
});

describe('sort and paging variables', () => {
    it('builds orderBy from the allow-list, falling back to StartTime for unknown keys', () => {
        expect(buildOrderBy('name', 'ASC')).toEqual({
            Name: { order: 'ASC', nulls: 'LAST' }
        });
        expect(buildOrderBy('endUser', 'DESC')).toEqual({
            MessagingEndUser: { Name: { order: 'DESC', nulls: 'LAST' } }
        });
        expect(buildOrderBy('caseNumber', 'ASC')).toEqual({
            Case: { CaseNumber: { order: 'ASC', nulls: 'LAST' } }
        });
        expect(buildOrderBy('Name) { Id } #', 'sideways')).toEqual({
            StartTime: { order: 'DESC', nulls: 'LAST' }
        });
    });

    it('pages simply below 4,000 records and switches to upperBound past them', () => {
        expect(pageArguments(0, 50, 120)).toEqual({
            first: 50,
            upperBound: null
        });
        expect(pageArguments(3950, 50, 9000)).toEqual({
            first: 50,
            upperBound: null
        });
        expect(pageArguments(3960, 50, 9000)).toEqual({
            first: 200,
            upperBound: 10000
        });
        expect(pageArguments(4000, 200, 23456)).toEqual({
            first: 200,
            upperBound: 24000
        });
        expect(pageArguments(4100, 10, null)).toEqual({
            first: 200,
            upperBound: 10000
        });
    });

    it('combines filters, sort and paging into the variables', () => {
        const state = filters({
            statuses: ['Waiting'],
            owner: 'me',
            search: 'ada'
        });
        const first = buildVariables({
            filters: state,
            userId: USER,
            sortKey: 'status',
            sortDirection: 'ASC',
            page: { first: 25, upperBound: null },
            after: null
        });
        expect(first).toEqual({
            where: {
                and: [
                    { Status: { in: ['Waiting'] } },
                    { OwnerId: { eq: USER } },
                    buildWhere(filters({ search: 'ada' }), USER)
                ]
            },
            countWhere: {
                and: [
                    { OwnerId: { eq: USER } },
                    buildWhere(filters({ search: 'ada' }), USER)
                ]
            },
            orderBy: { Status: { order: 'ASC', nulls: 'LAST' } },
            first: 25,
            after: null,
            upperBound: null
        });
        const later = buildVariables({
            filters: state,
            userId: USER,
            sortKey: 'status',
            sortDirection: 'ASC',
            // The page arguments the list fixed when it asked for the page after 3,990 rows.
            page: pageArguments(3990, 25, 5000),
            after: 'cursor'
        });
        expect(later).toMatchObject({
            after: 'cursor',
            first: 200,
            upperBound: 10000
        });
    });
});

describe('reading responses', () => {
    it('maps edges into rows with labels, icons and nulls kept', () => {
        const page = readSessionPage(page1);
        expect(page.rows.map((row) => row.id)).toEqual([
            '0Mw5g000000AbC1CAK',
            '0Mw5g000000AbC2CAK',
            '0Mw5g000000AbC3CAK'
        ]);
        expect(page).toMatchObject({
            hasNextPage: true,
            endCursor: 'djE6Mg==',
            totalCount: 5
        });
        const [waiting, active, ended] = page.rows;
        expect(waiting).toMatchObject({
            status: 'Waiting',
            statusLabel: 'Waiting',
            isOpen: true,
            channelLabel: 'SMS',
            channelIcon: 'utility:sms',
            owner: {
                kind: 'queue',
                id: '00G5g000000QuE1EAK',
                name: 'Messaging Queue'
            },
            endUserName: 'Grace Hopper',
            caseNumber: null,
            acceptTime: null
        });
        expect(active).toMatchObject({
            owner: {
                kind: 'user',
                id: '0055g000000AdaAAAC',
                name: 'Ada Agent'
            },
            caseNumber: '00001042',
            originLabel: 'Agent Initiated'
        });
        expect(ended).toMatchObject({
            owner: { kind: 'hidden', id: '0055g000000HidAAAC', name: null },
            endUserName: null,
            preview: null,
            isOpen: false,
            agentTypeLabel: 'Bot'
        });
    });

    it('keeps unknown picklist values raw and survives missing fields', () => {
        const row = toSessionRow({
            Id: 'x1',
            Status: { value: 'Escalated', displayValue: null },
            ChannelType: { value: 'Telepathy' },
            Owner: { __typename: 'User', Name: null },
            MessagingEndUser: null
        });
        expect(row).toMatchObject({
            name: 'x1',
            status: 'Escalated',
            statusLabel: 'Escalated',
            statusBadgeClass: 'slds-badge slds-badge_lightest',
            isOpen: false,
            channelLabel: 'Telepathy',
            channelIcon: 'utility:question_mark',
            agentType: null,
            agentTypeLabel: '',
            owner: { kind: 'user', id: null, name: null },
            endUserName: null
        });
    });

    it('lists the optional fields the server left out, not the ones that are merely empty', () => {
        expect(hiddenListFields(page1)).toEqual([]);
        const node = {
            Id: 'x1',
            Status: { value: 'Waiting' },
            StartTime: { value: null },
            AcceptTime: { value: null },
            EndTime: { value: null },
            ChannelType: { value: null },
            ChannelName: { value: null },
            AgentType: { value: null },
            Origin: { value: null },
            OwnerId: { value: '005000000000001AAA' },
            Owner: null,
            MessagingEndUser: { Name: { value: null } },
            Case: null
        };
        expect(
            hiddenListFields({
                uiapi: { query: { MessagingSession: { edges: [{ node }] } } }
            })
        ).toEqual(['PreviewDetails']);
        // Field-level security hides the owner and the messaging user's name.
        const hidden: SessionNode = {
            ...node,
            PreviewDetails: { value: null },
            MessagingEndUser: {}
        };
        delete hidden.OwnerId;
        delete hidden.Owner;
        expect(
            hiddenListFields({
                uiapi: {
                    query: { MessagingSession: { edges: [{ node: hidden }] } }
                }
            })
        ).toEqual(['OwnerId', 'Owner', 'MessagingEndUser.Name']);
        expect(hiddenListFields(undefined)).toEqual([]);
    });

    it('reads an empty or missing response as no rows', () => {
        expect(
            readSessionPage(graphqlEmpty as unknown as SessionListData)
        ).toEqual({
            rows: [],
            hasNextPage: false,
            endCursor: null,
            totalCount: 0
        });
        expect(readSessionPage(undefined)).toEqual({
            rows: [],
            hasNextPage: false,
            endCursor: null,
            totalCount: null
        });
        expect(
            readSessionPage({
                uiapi: {
                    query: {
                        MessagingSession: {
                            edges: [null, { node: null }, { node: { Id: '' } }]
                        }
                    }
                }
            }).rows
        ).toEqual([]);
    });

    it('merges pages without duplicates, updating a session that moved between pages', () => {
        const first = readSessionPage(page1).rows;
        const second = readSessionPage(page2).rows;
        const merged = mergeRows(first, second);
        expect(merged.map((row) => row.name)).toEqual([
            'MS-0001',
            'MS-0002',
            'MS-0003',
            'MS-0004',
            'MS-0005'
        ]);
        expect(merged[2].owner.name).toBe('Bo Bot');
        expect(mergeRows(merged, second)).toHaveLength(5);
    });

    it('counts sessions by status in lifecycle order, with unknown statuses after', () => {
        const counts = readStatusCounts(page1);
        expect(counts.map((count) => [count.value, count.count])).toEqual([
            ['New', 0],
            ['Consent', 0],
            ['Waiting', 1],
            ['Active', 1],
            ['Paused', 0],
            ['Inactive', 0],
            ['Ended', 2],
            ['Error', 0],
            ['Escalated', 1]
        ]);
        expect(counts[8]).toEqual({
            value: 'Escalated',
            label: 'Escalated',
            count: 1,
            known: false
        });
        expect(
            readStatusCounts(graphqlEmpty as unknown as SessionListData).every(
                (count) => count.count === 0
            )
        ).toBe(true);
    });

    it('fingerprints a page so that polls can tell changes', () => {
        const before = readSessionPage(page1);
        const same = readSessionPage(JSON.parse(JSON.stringify(page1)));
        const changed = readSessionPage(page1);
        changed.rows[0] = { ...changed.rows[0], status: 'Active' };
        expect(pageSignature(before)).toBe(pageSignature(same));
        expect(pageSignature(before)).not.toBe(pageSignature(changed));
    });

    it('reads record ids from a change event', () => {
        expect(
            changeEventRecordIds({
                data: {
                    payload: { ChangeEventHeader: { recordIds: ['a', 1, 'b'] } }
                }
            })
        ).toEqual(['a', 'b']);
        expect(changeEventRecordIds({})).toEqual([]);
        expect(changeEventRecordIds(null)).toEqual([]);
    });
});

describe('CoalescingScheduler', () => {
    afterEach(() => {
        jest.useRealTimers();
    });

    function scheduler(task: () => void): CoalescingScheduler {
        return new CoalescingScheduler(task, 3000, 250, {
            now: () => Date.now(),
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- jest fake timers
            setTimeout: (callback, ms) => setTimeout(callback, ms),
            clearTimeout: (handle) =>
                clearTimeout(handle as ReturnType<typeof setTimeout>)
        });
    }

    it('collapses a burst into one run, then waits out the interval', () => {
        jest.useFakeTimers();
        const task = jest.fn();
        const coalescer = scheduler(task);
        for (let i = 0; i < 20; i++) coalescer.request();
        expect(task).not.toHaveBeenCalled();
        jest.advanceTimersByTime(250);
        expect(task).toHaveBeenCalledTimes(1);

        coalescer.request();
        coalescer.request();
        jest.advanceTimersByTime(2000);
        expect(task).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1000);
        expect(task).toHaveBeenCalledTimes(2);
    });

    it('can be cancelled', () => {
        jest.useFakeTimers();
        const task = jest.fn();
        const coalescer = scheduler(task);
        coalescer.request();
        expect(coalescer.pending).toBe(true);
        coalescer.cancel();
        expect(coalescer.pending).toBe(false);
        jest.advanceTimersByTime(10000);
        expect(task).not.toHaveBeenCalled();
    });
});
