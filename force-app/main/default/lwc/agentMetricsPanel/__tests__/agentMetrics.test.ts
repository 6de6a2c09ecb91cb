import {
    CHANNEL_TYPES,
    formatDuration,
    picklistLabel
} from 'c/messagingSessionModel';
import {
    agentRowViews,
    buildMetricsVariables,
    chartModel,
    combineAverages,
    combineMetrics,
    compareToTarget,
    durationCell,
    durationCellViews,
    fallbackOwnerName,
    isGroupId,
    isQueueOwner,
    messagesCell,
    ownerFilter,
    readMetricsErrors,
    readTarget,
    toDateInputValue,
    totalsRowView,
    windowRange
} from '../agentMetrics';
import type { MetricsData } from '../agentMetrics';

import metricsDataJson from './data/graphqlMetrics.json';
const metricsData = metricsDataJson as unknown as {
    data: MetricsData;
};
import emptyDataJson from './data/graphqlMetricsEmpty.json';
const emptyData = emptyDataJson as unknown as {
    data: MetricsData;
};
import errorFixturesJson from './data/graphqlMetricsErrors.json';
const errorFixtures = errorFixturesJson as unknown as Record<
    string,
    { errors: unknown[] }
>;

const ADA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const CY = '005000000000003AAA';
const DEE = '005000000000004AAA';
const QUEUE = '00G000000000001AAA';

function localIso(year: number, month: number, day: number): string {
    return new Date(year, month, day).toISOString();
}

describe('windowRange', () => {
    const now = new Date(2026, 2, 15, 10, 30, 0);

    it('covers today from local midnight to the next midnight', () => {
        expect(windowRange('today', now)).toEqual({
            from: localIso(2026, 2, 15),
            to: localIso(2026, 2, 16)
        });
    });

    it('covers the last 7 and 30 days including today', () => {
        expect(windowRange('last7', now)).toEqual({
            from: localIso(2026, 2, 9),
            to: localIso(2026, 2, 16)
        });
        expect(windowRange('last30', now)).toEqual({
            from: localIso(2026, 1, 14),
            to: localIso(2026, 2, 16)
        });
    });

    it('covers custom dates with both ends included', () => {
        expect(windowRange('custom', now, '2026-01-30', '2026-02-02')).toEqual({
            from: localIso(2026, 0, 30),
            to: localIso(2026, 1, 3)
        });
        expect(windowRange('custom', now, '2026-02-02', '2026-02-02')).toEqual({
            from: localIso(2026, 1, 2),
            to: localIso(2026, 1, 3)
        });
    });

    it('refuses missing, unreadable or reversed custom dates', () => {
        expect(windowRange('custom', now, '', '2026-02-02')).toBeNull();
        expect(windowRange('custom', now, '2026-02-02', null)).toBeNull();
        expect(
            windowRange('custom', now, '2026-02-31', '2026-03-02')
        ).toBeNull();
        expect(
            windowRange('custom', now, 'yesterday', '2026-03-02')
        ).toBeNull();
        expect(
            windowRange('custom', now, '2026-03-05', '2026-03-02')
        ).toBeNull();
    });

    it('formats dates for date inputs', () => {
        expect(toDateInputValue(new Date(2026, 0, 5))).toBe('2026-01-05');
    });
});

describe('scope filters and variables', () => {
    const range = {
        from: '2026-03-15T00:00:00.000Z',
        to: '2026-03-16T00:00:00.000Z'
    };
    const inWindow = {
        EndTime: { gte: { value: range.from }, lt: { value: range.to } }
    };

    it('recognises group ids and queue owners', () => {
        expect(isGroupId('00G000000000001AAA')).toBe(true);
        expect(isGroupId('00G000000000001')).toBe(true);
        expect(isGroupId('Support_Team')).toBe(false);
        expect(isGroupId('005000000000001AAA')).toBe(false);
        expect(isQueueOwner(QUEUE)).toBe(true);
        expect(isQueueOwner(ADA)).toBe(false);
        expect(isQueueOwner(null)).toBe(false);
    });

    it('filters my sessions by my user id', () => {
        expect(ownerFilter({ scope: 'me', userId: ADA })).toEqual({
            OwnerId: { eq: ADA }
        });
        const variables = buildMetricsVariables(range, {
            scope: 'me',
            userId: ADA,
            teamGroup: 'Ignored'
        });
        expect(variables.handledWhere).toEqual({
            and: [
                { OwnerId: { eq: ADA } },
                { Status: { eq: 'Ended' } },
                inWindow
            ]
        });
        expect(variables.openWhere).toEqual({
            and: [
                { OwnerId: { eq: ADA } },
                { Status: { in: ['Active', 'Waiting', 'Paused'] } }
            ]
        });
        expect(variables.ownersWhere).toEqual({ Id: { eq: ADA } });
        expect(variables.responseWhere).toEqual({
            and: [
                {
                    MessagingSessionMetricType: {
                        eq: 'AverageAgentResponseTime'
                    }
                },
                { MessagingSession: variables.handledWhere }
            ]
        });
    });

    it('does not filter owners for a team of all agents, and names every owner with sessions', () => {
        expect(
            ownerFilter({ scope: 'team', userId: ADA, teamGroup: '  ' })
        ).toBeNull();
        const variables = buildMetricsVariables(range, {
            scope: 'team',
            userId: ADA
        });
        expect(variables.handledWhere).toEqual({
            and: [{ Status: { eq: 'Ended' } }, inWindow]
        });
        expect(variables.openWhere).toEqual({
            Status: { in: ['Active', 'Waiting', 'Paused'] }
        });
        expect(variables.ownersWhere).toEqual({
            Id: {
                inq: {
                    MessagingSession: {
                        or: [
                            { and: [{ Status: { eq: 'Ended' } }, inWindow] },
                            { Status: { in: ['Active', 'Waiting', 'Paused'] } }
                        ]
                    },
                    ApiName: 'OwnerId'
                }
            }
        });
    });

    it('semi-joins group members by group id or by API name', () => {
        const byId = buildMetricsVariables(range, {
            scope: 'team',
            userId: ADA,
            teamGroup: QUEUE
        });
        const member = {
            OwnerId: {
                inq: {
                    GroupMember: { GroupId: { eq: QUEUE } },
                    ApiName: 'UserOrGroupId'
                }
            }
        };
        expect(byId.handledWhere).toEqual({
            and: [member, { Status: { eq: 'Ended' } }, inWindow]
        });
        expect(byId.ownersWhere).toEqual({
            Id: {
                inq: {
                    GroupMember: { GroupId: { eq: QUEUE } },
                    ApiName: 'UserOrGroupId'
                }
            }
        });
        const byName = buildMetricsVariables(range, {
            scope: 'team',
            userId: ADA,
            teamGroup: 'Support_Team'
        });
        expect(byName.openWhere).toEqual({
            and: [
                {
                    OwnerId: {
                        inq: {
                            GroupMember: {
                                Group: { DeveloperName: { eq: 'Support_Team' } }
                            },
                            ApiName: 'UserOrGroupId'
                        }
                    }
                },
                { Status: { in: ['Active', 'Waiting', 'Paused'] } }
            ]
        });
    });
});

describe('combineMetrics', () => {
    const combined = combineMetrics(metricsData.data);
    const byId = new Map(
        combined.agents.map((agent) => [agent.ownerId, agent])
    );

    it('makes one row per owner: users by handled sessions, members without sessions, queues last', () => {
        expect(combined.agents.map((agent) => agent.ownerId)).toEqual([
            ADA,
            BEN,
            DEE,
            CY,
            QUEUE
        ]);
        expect(byId.get(CY)).toMatchObject({
            name: 'Cy Young',
            handled: 0,
            openNow: 0,
            channels: []
        });
        expect(byId.get(CY)?.wait.average).toBeNull();
        expect(byId.get(QUEUE)?.isQueue).toBe(true);
        expect(byId.get(QUEUE)?.name).toBe(fallbackOwnerName(QUEUE));
        // A user whose name is null gets the fallback name.
        expect(byId.get(DEE)?.name).toBe(fallbackOwnerName(DEE));
        expect(fallbackOwnerName(DEE)).toContain('4AAA');
    });

    it('reads counts, averages, maxima, channels, open work and response times', () => {
        const ada = byId.get(ADA);
        expect(ada).toMatchObject({
            handled: 10,
            openNow: 3,
            openByStatus: { Active: 2, Waiting: 1 },
            maxWaitSeconds: 300,
            maxHandleSeconds: 1500,
            agentMessages: 80,
            endUserMessages: 95,
            messagesNotCalculated: 4
        });
        expect(ada?.wait).toEqual({ average: 45.5, samples: 10 });
        expect(ada?.handle).toEqual({ average: 600, samples: 10 });
        expect(ada?.response).toEqual({ average: 30, samples: 4 });
        expect(
            ada?.channels.map((channel) => [channel.channelType, channel.count])
        ).toEqual([
            ['Text', 6],
            ['EmbeddedMessaging', 4]
        ]);
    });

    it('keeps null averages and message sums null', () => {
        const ben = byId.get(BEN);
        expect(ben?.wait).toEqual({ average: null, samples: 0 });
        expect(ben?.maxWaitSeconds).toBeNull();
        expect(ben?.agentMessages).toBeNull();
        expect(ben?.messagesNotCalculated).toBe(4);
        expect(ben?.response.average).toBeNull();
        // A channel group with a null ChannelType is not counted.
        expect(byId.get(DEE)?.channels).toEqual([]);
    });

    it('weights team averages by the number of values behind each agent', () => {
        const { totals } = combined;
        expect(totals.agents).toBe(4);
        expect(totals.handled).toBe(17);
        expect(totals.openNow).toBe(9);
        expect(totals.wait.average).toBeCloseTo((45.5 * 10 + 20 * 1) / 11, 6);
        expect(totals.handle.average).toBeCloseTo(
            (600 * 10 + 1200 * 4) / 14,
            6
        );
        expect(totals.maxWaitSeconds).toBe(300);
        expect(totals.maxHandleSeconds).toBe(2000);
        expect(totals.agentMessages).toBe(85);
        expect(totals.endUserMessages).toBe(99);
        expect(totals.messagesNotCalculated).toBe(8);
        expect(totals.response).toEqual({ average: 30, samples: 4 });
        expect(
            totals.channels.map((channel) => [
                channel.channelType,
                channel.count
            ])
        ).toEqual([
            ['EmbeddedMessaging', 8],
            ['Text', 6],
            ['WhatsApp', 2]
        ]);
        expect(combined.truncated).toBe(false);
    });

    it('returns no rows and zero totals for a window without sessions', () => {
        const empty = combineMetrics(emptyData.data);
        expect(empty.agents).toEqual([]);
        expect(empty.totals).toMatchObject({
            agents: 0,
            handled: 0,
            openNow: 0,
            agentMessages: null
        });
        expect(empty.totals.wait.average).toBeNull();
        expect(combineMetrics(null).agents).toEqual([]);
        expect(
            combineMetrics({ uiapi: { aggregate: null, query: null } }).agents
        ).toEqual([]);
    });

    it('flags truncated aggregates', () => {
        const data: MetricsData = {
            uiapi: {
                aggregate: {
                    MessagingSession: {
                        edges: [],
                        pageInfo: { hasNextPage: true }
                    }
                }
            }
        };
        expect(combineMetrics(data).truncated).toBe(true);
    });

    it('uses the session count as the weight when the field count is absent', () => {
        const data: MetricsData = {
            uiapi: {
                aggregate: {
                    MessagingSession: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        OwnerId: { value: ADA },
                                        Id: { count: { value: 3 } },
                                        MSC_WaitSeconds__c: {
                                            avg: { value: 10 }
                                        }
                                    }
                                }
                            },
                            {
                                node: {
                                    aggregate: {
                                        OwnerId: { value: BEN },
                                        Id: { count: { value: 1 } },
                                        MSC_WaitSeconds__c: {
                                            avg: { value: 50 }
                                        }
                                    }
                                }
                            },
                            null,
                            { node: null }
                        ]
                    }
                }
            }
        };
        const result = combineMetrics(data);
        expect(result.totals.wait.average).toBeCloseTo(20, 6);
    });
});

describe('combineAverages', () => {
    it('skips parts without a value and weights the rest', () => {
        expect(
            combineAverages([
                { average: 10, samples: 1 },
                { average: null, samples: 5 },
                { average: 40, samples: 2 }
            ])
        ).toEqual({ average: 30, samples: 3 });
        expect(combineAverages([])).toEqual({ average: null, samples: 0 });
    });
});

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

    it('marks message counts as not calculated for enhanced sessions', () => {
        expect(messagesCell(null, null, 4, 4).text).toBe('Not calculated');
        expect(messagesCell(null, null, 4, 4).note).toContain('4');
        expect(messagesCell(80, 95, 4, 10)).toEqual({
            text: '80 / 95',
            note: expect.stringContaining('4') as unknown as string
        });
        expect(messagesCell(5, null, 0, 1)).toEqual({
            text: '5 / 0',
            note: ''
        });
        expect(messagesCell(null, null, 0, 0).text).toBe('—');
    });

    it('builds row views with target highlighting and a totals row', () => {
        const combined = combineMetrics(metricsData.data);
        const rows = agentRowViews(combined, {
            waitSeconds: 60,
            handleSeconds: 900
        });
        const ada = rows.find((row) => row.ownerId === ADA);
        const ben = rows.find((row) => row.ownerId === BEN);
        expect(ada?.avgWait.state).toBe('within');
        expect(ada?.maxWait.state).toBe('over');
        expect(ada?.rowClass).toContain('row_over');
        expect(ben?.avgHandle.state).toBe('over');
        expect(ben?.avgWait.state).toBe('none');
        expect(ada?.channelsText).toBe(
            `${picklistLabel(CHANNEL_TYPES, 'Text')}: 6, ${picklistLabel(CHANNEL_TYPES, 'EmbeddedMessaging')}: 4`
        );
        const totals = totalsRowView(
            combined,
            { waitSeconds: null, handleSeconds: null },
            'Team total'
        );
        expect(totals.name).toBe('Team total');
        expect(totals.handled).toBe(17);
        expect(totals.avgWait.state).toBe('none');
        expect(totals.rowClass).not.toContain('row_over');
    });

    it('lists the duration cells in column order, with warning icons only on agent averages over target', () => {
        const combined = combineMetrics(metricsData.data);
        const targets = { waitSeconds: 1, handleSeconds: 1 };
        const ada = agentRowViews(combined, targets).find(
            (row) => row.ownerId === ADA
        )!;
        expect(ada.durationCells.map((cell) => cell.key)).toEqual([
            'avgWait',
            'maxWait',
            'avgHandle'
        ]);
        expect(ada.durationCells.map((cell) => cell.state)).toEqual([
            'over',
            'over',
            'over'
        ]);
        expect(ada.durationCells.map((cell) => cell.showWarning)).toEqual([
            true,
            false,
            true
        ]);
        expect(ada.durationCells[1]).toMatchObject(ada.maxWait);
        const totals = totalsRowView(combined, targets, 'Team total');
        expect(totals.durationCells.map((cell) => cell.state)).toEqual([
            'over',
            'over',
            'over'
        ]);
        expect(totals.durationCells.some((cell) => cell.showWarning)).toBe(
            false
        );
        const within = durationCell(30, 60);
        expect(
            durationCellViews(
                { avgWait: within, maxWait: within, avgHandle: within },
                true
            ).map((cell) => cell.showWarning)
        ).toEqual([false, false, false]);
    });

    it('scales chart bars to the largest total', () => {
        const combined = combineMetrics(metricsData.data);
        const rows = agentRowViews(combined, {
            waitSeconds: null,
            handleSeconds: null
        }).filter((row) => !row.isQueue);
        const chart = chartModel(rows, '{0}: {1} handled, {2} open now');
        expect(chart.bars).toHaveLength(4);
        const [ada, ben] = chart.bars;
        expect(ada.handledWidth + ada.openWidth).toBeGreaterThan(
            ben.handledWidth + ben.openWidth
        );
        expect(ada.ariaLabel).toBe('Ada Lovelace: 10 handled, 3 open now');
        expect(chart.viewBox).toBe(`0 0 ${chart.width} ${chart.height}`);
        const zero = chart.bars.find((bar) => bar.name === 'Cy Young');
        expect(zero?.handledWidth).toBe(0);
    });
});

describe('readMetricsErrors', () => {
    it('says the duration fields are not deployed', () => {
        const reading = readMetricsErrors(
            errorFixtures.durationFieldsMissing.errors
        );
        expect(reading.problem).toBe('durationFields');
        expect(reading.message).toMatch(/duration fields aren't deployed/);
    });

    it('says when sessions cannot be read', () => {
        expect(readMetricsErrors(errorFixtures.noAccess.errors).problem).toBe(
            'access'
        );
        const insufficient = readMetricsErrors(
            errorFixtures.insufficientAccess.errors
        );
        expect(insufficient.problem).toBe('access');
        expect(insufficient.message).toContain('insufficient access rights');
    });

    it('treats a missing MessagingSessionMetrics as not fatal', () => {
        const reading = readMetricsErrors(
            errorFixtures.responseTimesMissing.errors
        );
        expect(reading).toEqual({
            problem: null,
            message: '',
            responseTimesUnavailable: true
        });
    });

    it('names the team group it cannot read', () => {
        const reading = readMetricsErrors(
            errorFixtures.teamGroupUnreadable.errors,
            'Support_Team'
        );
        expect(reading.problem).toBe('teamGroup');
        expect(reading.message).toContain('Support_Team');
    });

    it('passes other errors through and ignores no errors', () => {
        const reading = readMetricsErrors(errorFixtures.other.errors);
        expect(reading.problem).toBe('other');
        expect(reading.message).toContain('unexpected error');
        expect(readMetricsErrors(undefined).problem).toBeNull();
        expect(readMetricsErrors([]).problem).toBeNull();
    });
});
