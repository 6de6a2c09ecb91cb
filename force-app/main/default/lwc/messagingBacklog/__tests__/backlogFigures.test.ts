import {
    channelRowViews,
    clearText,
    combineBacklog,
    isOverTarget,
    longestWaitSeconds,
    queueRowViews,
    queuesOverTarget,
    readQueueLookup,
    timeToClear
} from '../backlogFigures';
import type { BacklogData, QueueLookupData } from '../backlogQuery';
import { clone } from '../../../../../test/jest-utils/domHelpers';
import backlogJson from './data/graphqlBacklog.json';
import queueIdsJson from './data/graphqlBacklogQueueIds.json';

const backlog = backlogJson as unknown as BacklogData;

const Q1 = '00G000000000001AAA';
const Q2 = '00G000000000002AAA';
const Q3 = '00G000000000003AAA';
const WA = '0Mj000000000001AAA';
const SMS = '0Mj000000000002AAA';
const NOW = Date.parse('2026-03-15T10:30:00.000Z');
const TARGET = 120;
const ALL = { chosenQueues: [] };

describe('combineBacklog', () => {
    it('rolls the owner × channel groups up by queue, with totals over every group', () => {
        const figures = combineBacklog(backlog, ALL);
        expect(figures.totals).toEqual({
            waiting: 10,
            overTarget: 5,
            oldestStart: Date.parse('2026-03-15T10:00:00.000Z')
        });
        const byKey = Object.fromEntries(
            figures.queues.map((row) => [row.key, row])
        );
        expect(byKey[Q1]).toMatchObject({
            kind: 'queue',
            name: 'Support EMEA',
            waiting: 5,
            overTarget: 4,
            oldestStart: Date.parse('2026-03-15T10:00:00.000Z')
        });
        expect(byKey[Q2]).toMatchObject({
            kind: 'queue',
            name: 'Billing',
            waiting: 2,
            overTarget: 0,
            oldestStart: Date.parse('2026-03-15T10:29:00.000Z')
        });
        // Not among the readable queues: hidden, and still counted.
        expect(byKey[Q3]).toMatchObject({
            kind: 'hidden',
            name: null,
            queueId: Q3,
            waiting: 2,
            oldestStart: null
        });
        expect(byKey.agents).toMatchObject({
            kind: 'agents',
            queueId: null,
            waiting: 1,
            overTarget: 1
        });
        expect(figures.hiddenQueues).toBe(1);
        expect(figures.truncated).toBe(false);
    });

    it('rolls the same groups up by channel, with the last hour acceptances of that channel', () => {
        const figures = combineBacklog(backlog, ALL);
        const byKey = Object.fromEntries(
            figures.channels.map((row) => [row.key, row])
        );
        expect(byKey[`${WA}|WhatsApp`]).toMatchObject({
            channelId: WA,
            name: 'WhatsApp Support',
            waiting: 5,
            overTarget: 4,
            acceptedLastHour: 25
        });
        expect(byKey[`${SMS}|Text`]).toMatchObject({
            name: 'SMS US',
            waiting: 4,
            overTarget: 1,
            acceptedLastHour: 0
        });
        // A null MessagingChannelId keeps its channel type.
        expect(byKey['|Facebook']).toMatchObject({
            channelId: null,
            channelType: 'Facebook',
            name: null,
            waiting: 1
        });
        // Accepted on a channel where no one waits: nothing to clear, no row.
        expect(Object.keys(byKey)).toHaveLength(3);
    });

    it('orders rows by longest wait, rows without a start time last', () => {
        const figures = combineBacklog(backlog, ALL);
        expect(figures.queues.map((row) => row.key)).toEqual([
            Q1,
            'agents',
            Q2,
            Q3
        ]);
    });

    it('shows chosen queues with no one waiting, named by the look-up even without the names of the figures', () => {
        const returns = {
            Id: '00G000000000004AAA',
            Name: { value: 'Returns' },
            DeveloperName: { value: 'Returns' }
        };
        const figures = combineBacklog(
            { uiapi: { aggregate: backlog.uiapi!.aggregate } },
            {
                chosenQueues: [
                    returns,
                    backlog.uiapi!.query!.Group!.edges![0]!.node!
                ]
            }
        );
        expect(
            figures.queues.find((row) => row.name === 'Returns')
        ).toMatchObject({ waiting: 0, overTarget: 0, oldestStart: null });
        expect(figures.queues.find((row) => row.key === Q1)).toMatchObject({
            kind: 'queue',
            name: 'Support EMEA',
            waiting: 5
        });
        // The others still count, unnamed.
        expect(
            figures.queues.filter((row) => row.kind === 'hidden')
        ).toHaveLength(2);
    });

    it('lists each chosen queue once when the figures name it too', () => {
        const figures = combineBacklog(backlog, {
            chosenQueues: [backlog.uiapi!.query!.Group!.edges![0]!.node!]
        });
        expect(figures.queues.filter((row) => row.key === Q1)).toHaveLength(1);
    });

    it('flags truncation and survives null edges, nodes, counts and values', () => {
        const data = clone(backlog);
        const waiting = data.uiapi!.aggregate!.waiting!;
        waiting.pageInfo = { hasNextPage: true };
        waiting.edges!.push(
            null,
            { node: null },
            { node: { aggregate: null } }
        );
        waiting.edges!.push({
            node: {
                aggregate: {
                    OwnerId: { value: null },
                    MessagingChannelId: { value: null },
                    ChannelType: { value: null },
                    Id: { count: { value: null } },
                    StartTime: { min: { value: 'not a date' } }
                }
            }
        });
        const figures = combineBacklog(data, ALL);
        expect(figures.truncated).toBe(true);
        expect(figures.totals.waiting).toBe(10);
        expect(figures.channels.find((row) => row.key === '|')).toMatchObject({
            waiting: 0,
            oldestStart: null
        });
        expect(combineBacklog(null, ALL).totals).toEqual({
            waiting: 0,
            overTarget: 0,
            oldestStart: null
        });
    });
});

describe('time', () => {
    it('never gives a negative or NaN longest wait', () => {
        expect(longestWaitSeconds(NOW - 90_500, NOW)).toBe(90);
        expect(longestWaitSeconds(NOW + 5000, NOW)).toBe(0);
        expect(longestWaitSeconds(null, NOW)).toBeNull();
        expect(longestWaitSeconds(NaN, NOW)).toBeNull();
    });

    it('is over target with an exact count, or once the longest wait crosses the target', () => {
        const within = {
            waiting: 1,
            overTarget: 0,
            oldestStart: NOW - 120_000
        };
        expect(isOverTarget(within, NOW, TARGET)).toBe(false);
        expect(isOverTarget(within, NOW + 1000, TARGET)).toBe(true);
        expect(
            isOverTarget(
                { waiting: 1, overTarget: 1, oldestStart: null },
                NOW,
                TARGET
            )
        ).toBe(true);
        expect(
            isOverTarget(
                { waiting: 2, overTarget: 0, oldestStart: null },
                NOW,
                TARGET
            )
        ).toBe(false);
    });

    it('clears at the last hour pace: waiting ÷ accepted, in minutes rounded up', () => {
        expect(timeToClear(5, 25)).toEqual({ state: 'estimate', minutes: 12 });
        expect(timeToClear(1, 600)).toEqual({ state: 'estimate', minutes: 1 });
        expect(timeToClear(7, 3)).toEqual({ state: 'estimate', minutes: 140 });
        expect(timeToClear(4, 0)).toEqual({ state: 'notClearing' });
        expect(timeToClear(0, 5)).toEqual({ state: 'nothingWaiting' });
        expect(clearText(timeToClear(5, 25))).toBe(
            "~12 min at the last hour's pace"
        );
        expect(clearText(timeToClear(7, 3))).toBe(
            "~2h 20m at the last hour's pace"
        );
        expect(clearText(timeToClear(4, 0))).toBe(
            'Not clearing: none accepted in the last hour'
        );
    });
});

describe('row views', () => {
    it('names hidden queues and agents, and only lets queues and known channels be drilled into', () => {
        const figures = combineBacklog(backlog, ALL);
        const queues = queueRowViews(figures, NOW, TARGET);
        expect(
            queues.map((row) => [
                row.name,
                row.longestText,
                row.isOver,
                row.canDrill
            ])
        ).toEqual([
            ['Support EMEA', '30m 00s', true, true],
            ['Assigned to agents', '2m 00s', true, false],
            ['Billing', '1m 00s', false, true],
            ['Queue hidden', 'Not known', false, true]
        ]);
        expect(queues[0].drillLabel).toBe(
            'Show the 5 sessions waiting in Support EMEA, oldest first'
        );
        const channels = channelRowViews(figures, NOW, TARGET);
        expect(
            channels.map((row) => [row.name, row.typeLabel, row.clearText])
        ).toEqual([
            ['WhatsApp Support', 'WhatsApp', "~12 min at the last hour's pace"],
            ['SMS US', 'SMS', 'Not clearing: none accepted in the last hour'],
            [
                'Facebook Messenger',
                'Facebook Messenger',
                'Not clearing: none accepted in the last hour'
            ]
        ]);
    });

    it('lists the queues over target now, without the agents row', () => {
        const figures = combineBacklog(backlog, ALL);
        expect(
            queuesOverTarget(figures, NOW, TARGET).map((row) => row.key)
        ).toEqual([Q1]);
        expect(
            queuesOverTarget(figures, NOW + 61_000, TARGET).map(
                (row) => row.key
            )
        ).toEqual([Q1, Q2]);
    });
});

describe('readQueueLookup', () => {
    it('keeps the queues found and reports, as written, the chosen names no queue has', () => {
        const lookup = readQueueLookup(
            clone(queueIdsJson) as unknown as QueueLookupData,
            ['support_emea', 'Billing', 'Nope']
        );
        expect(lookup.queues.map((queue) => queue.Id)).toEqual([Q1, Q2]);
        expect(lookup.unknownNames).toEqual(['Nope']);
    });

    it('reads a missing or broken answer as no queue found', () => {
        expect(readQueueLookup(null, ['Billing'])).toEqual({
            queues: [],
            unknownNames: ['Billing']
        });
        expect(
            readQueueLookup(
                {
                    uiapi: {
                        query: {
                            Group: {
                                edges: [
                                    null,
                                    { node: null },
                                    // Not a Group Id: never used as a queue.
                                    { node: { Id: '005000000000001AAA' } }
                                ]
                            }
                        }
                    }
                },
                []
            )
        ).toEqual({ queues: [], unknownNames: [] });
    });
});
