import {
    CHANNEL_TYPES,
    isQueueOwnerId,
    picklistLabel
} from 'c/messagingSessionSchema';
import {
    formatDuration,
    shiftCalendarDay,
    startTimeWindowFilter
} from 'c/messagingTime';
import {
    SESSION_METRIC_TYPES,
    agentRowViews,
    buildMetricsVariables,
    chartModel,
    combineAverages,
    combineMetrics,
    compareToTarget,
    durationCell,
    durationCellViews,
    durationVariables,
    fallbackOwnerName,
    isGroupId,
    listedUserIds,
    messagesCell,
    ownerFilter,
    queueNamesVariables,
    readMetricsErrors,
    readTarget,
    sessionMetricsVariables,
    teamSource,
    totalsRowView
} from '../agentMetrics';
import type {
    CoreMetricsData,
    DurationData,
    MetricsInput,
    QueueNamesData,
    SessionMetricsData
} from '../agentMetrics';

import coreJson from './data/graphqlMetrics.json';
import emptyJson from './data/graphqlMetricsEmpty.json';
import waitTimesJson from './data/graphqlMetricsWaitTimes.json';
import handleTimesJson from './data/graphqlMetricsHandleTimes.json';
import sessionMetricsJson from './data/graphqlMetricsSessionMetrics.json';
import queueNamesJson from './data/graphqlMetricsQueueNames.json';
import errorFixturesJson from './data/graphqlMetricsErrors.json';
const errorFixtures = errorFixturesJson as unknown as Record<
    string,
    { errors: unknown[] }
>;

const ME = '005000000000000AAA';
const ADA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const CY = '005000000000003AAA';
const DEE = '005000000000004AAA';
const QUEUE = '00G000000000001AAA';

/** Every document answered with its fixture. */
const FULL: MetricsInput = {
    core: coreJson.data as CoreMetricsData,
    waitTimes: waitTimesJson.data as DurationData,
    handleTimes: handleTimesJson.data as DurationData,
    sessionMetrics: sessionMetricsJson.data as SessionMetricsData,
    queueNames: queueNamesJson.data as QueueNamesData
};

const NO_TARGETS = { waitSeconds: null, handleSeconds: null };

describe('windows', () => {
    it('moves calendar days for the custom date inputs', () => {
        expect(shiftCalendarDay('2026-03-15', -6)).toBe('2026-03-09');
        expect(shiftCalendarDay('2026-03-01', -1)).toBe('2026-02-28');
        expect(shiftCalendarDay('2024-12-31', 1)).toBe('2025-01-01');
        expect(shiftCalendarDay('not a day', 1)).toBe('');
    });
});

describe('scope filters and variables', () => {
    const windowFilter = startTimeWindowFilter('last7', null, null, {
        now: new Date('2026-03-15T17:30:00.000Z'),
        timeZone: 'America/Los_Angeles'
    })!;

    it('recognises group ids and queue owners', () => {
        expect(isGroupId('00G000000000001AAA')).toBe(true);
        expect(isGroupId('00G000000000001')).toBe(true);
        expect(isGroupId('Support_Team')).toBe(false);
        expect(isGroupId('005000000000001AAA')).toBe(false);
        expect(isQueueOwnerId(QUEUE)).toBe(true);
        expect(isQueueOwnerId(ADA)).toBe(false);
        expect(isQueueOwnerId(null)).toBe(false);
    });

    it('takes the team from direct reports unless App Builder names a group', () => {
        expect(teamSource(undefined)).toBe('reports');
        expect(teamSource('  ')).toBe('reports');
        expect(teamSource('Support_Team')).toBe('group');
    });

    it('filters my sessions by my user id', () => {
        const variables = buildMetricsVariables(windowFilter, {
            scope: 'me',
            userId: ME
        });
        expect(variables).toEqual({
            handledWhere: {
                and: [
                    { OwnerId: { eq: ME } },
                    { Status: { eq: 'Ended' } },
                    windowFilter
                ]
            },
            openWhere: {
                and: [
                    { OwnerId: { eq: ME } },
                    { Status: { in: ['Active', 'Waiting', 'Paused'] } }
                ]
            },
            ownersWhere: { Id: { eq: ME } }
        });
    });

    it('semi-joins my direct reports on User.ManagerId for my team', () => {
        const input = { scope: 'team' as const, userId: ME };
        expect(ownerFilter(input)).toEqual({
            OwnerId: {
                inq: { User: { ManagerId: { eq: ME } }, ApiName: 'Id' }
            }
        });
        expect(buildMetricsVariables(windowFilter, input).ownersWhere).toEqual({
            ManagerId: { eq: ME }
        });
    });

    it('semi-joins group members by group id or by API name when App Builder sets a group', () => {
        const byName = ownerFilter({
            scope: 'team',
            userId: ME,
            teamGroup: ' Support_Team '
        });
        expect(byName).toEqual({
            OwnerId: {
                inq: {
                    GroupMember: {
                        Group: { DeveloperName: { eq: 'Support_Team' } }
                    },
                    ApiName: 'UserOrGroupId'
                }
            }
        });
        const byId = buildMetricsVariables(windowFilter, {
            scope: 'team',
            userId: ME,
            teamGroup: QUEUE
        });
        expect(byId.ownersWhere).toEqual({
            Id: {
                inq: {
                    GroupMember: { GroupId: { eq: QUEUE } },
                    ApiName: 'UserOrGroupId'
                }
            }
        });
    });

    it('does not filter owners for all agents, and names every owner with sessions', () => {
        const variables = buildMetricsVariables(windowFilter, {
            scope: 'all',
            userId: ME
        });
        expect(ownerFilter({ scope: 'all', userId: ME })).toBeNull();
        expect(variables.handledWhere).toEqual({
            and: [{ Status: { eq: 'Ended' } }, windowFilter]
        });
        expect(variables.openWhere).toEqual({
            Status: { in: ['Active', 'Waiting', 'Paused'] }
        });
        expect(variables.ownersWhere).toEqual({
            Id: {
                inq: {
                    MessagingSession: {
                        or: [
                            {
                                and: [{ Status: { eq: 'Ended' } }, windowFilter]
                            },
                            { Status: { in: ['Active', 'Waiting', 'Paused'] } }
                        ]
                    },
                    ApiName: 'OwnerId'
                }
            }
        });
        expect(durationVariables(variables)).toEqual({
            handledWhere: variables.handledWhere
        });
        expect(queueNamesVariables(windowFilter).queuesWhere.and).toEqual([
            { Type: { eq: 'Queue' } },
            {
                Id: {
                    inq: {
                        MessagingSession: {
                            or: [variables.handledWhere, variables.openWhere]
                        },
                        ApiName: 'OwnerId'
                    }
                }
            }
        ]);
    });

    it('asks MessagingSessionMetrics for the documented metric types of the handled sessions', () => {
        const variables = buildMetricsVariables(windowFilter, {
            scope: 'me',
            userId: ME
        });
        expect(
            sessionMetricsVariables(windowFilter, {
                scope: 'me',
                userId: ME,
                includeResponseTimes: true
            })
        ).toEqual({
            metricsWhere: {
                and: [
                    {
                        MessagingSessionMetricType: {
                            in: SESSION_METRIC_TYPES.map((type) => type.value)
                        }
                    },
                    { MessagingSession: variables.handledWhere }
                ]
            }
        });
        const responseTimesHidden = sessionMetricsVariables(windowFilter, {
            scope: 'all',
            userId: ME,
            includeResponseTimes: false
        })!.metricsWhere.and as unknown[];
        expect(responseTimesHidden).toEqual([
            {
                MessagingSessionMetricType: {
                    in: ['AgentMessageCount', 'EndUserMessageCount']
                }
            },
            {
                MessagingSession: buildMetricsVariables(windowFilter, {
                    scope: 'all',
                    userId: ME
                }).handledWhere
            }
        ]);
    });

    it('filters MessagingSessionMetrics on my team by user ids, never by a semi-join under the relationship', () => {
        for (const teamGroup of [undefined, 'Support_Team']) {
            const input = {
                scope: 'team' as const,
                userId: ME,
                teamGroup,
                includeResponseTimes: true
            };
            // Nothing to send until the core response lists the team, or when it lists nobody.
            expect(sessionMetricsVariables(windowFilter, input)).toBeNull();
            expect(
                sessionMetricsVariables(windowFilter, {
                    ...input,
                    teamUserIds: []
                })
            ).toBeNull();
            const sent = sessionMetricsVariables(windowFilter, {
                ...input,
                teamUserIds: [ADA, BEN]
            })!;
            expect(sent.metricsWhere.and).toContainEqual({
                MessagingSession: {
                    and: [
                        { OwnerId: { in: [ADA, BEN] } },
                        { Status: { eq: 'Ended' } },
                        windowFilter
                    ]
                }
            });
            expect(JSON.stringify(sent)).not.toContain('inq');
        }
    });

    it("lists the core response's user ids once each, skipping nodes without one", () => {
        expect(listedUserIds(coreJson.data as CoreMetricsData)).toEqual([
            ADA,
            BEN,
            CY,
            DEE
        ]);
        expect(
            listedUserIds({
                uiapi: {
                    query: {
                        User: {
                            edges: [
                                { node: { Id: ADA } },
                                null,
                                { node: null },
                                { node: { Id: '' } },
                                { node: { Id: ADA } }
                            ]
                        }
                    }
                }
            })
        ).toEqual([ADA]);
        expect(listedUserIds(null)).toEqual([]);
        expect(listedUserIds({ uiapi: { query: null } })).toEqual([]);
    });
});

describe('combineMetrics', () => {
    const combined = combineMetrics(FULL);
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
        // A user whose name is null gets the fallback name.
        expect(byId.get(DEE)?.name).toBe(fallbackOwnerName(DEE));
        expect(fallbackOwnerName(DEE)).toContain('4AAA');
    });

    it('names a queue by the Group query, and falls back to its Id without it', () => {
        expect(byId.get(QUEUE)).toMatchObject({
            ownerKind: 'queue',
            isQueue: true,
            name: 'Tier 1 Support'
        });
        expect(byId.get(ADA)?.ownerKind).toBe('user');
        const withoutNames = combineMetrics({ ...FULL, queueNames: null });
        const queue = withoutNames.agents.find(
            (agent) => agent.ownerId === QUEUE
        );
        // Not returned by a name query: hidden, still a queue by its Id, named by its Id.
        expect(queue).toMatchObject({ ownerKind: 'hidden', isQueue: true });
        expect(queue?.name).toBe(fallbackOwnerName(QUEUE));
        expect(queue?.name).toContain('Queue (');
        expect(
            agentRowViews(combined, NO_TARGETS).find(
                (row) => row.ownerId === QUEUE
            )?.queueBadge
        ).toBe('Queue');
    });

    it('reads counts, averages, maxima, channels and open work from their documents', () => {
        const ada = byId.get(ADA);
        expect(ada).toMatchObject({
            handled: 10,
            openNow: 3,
            openByStatus: { Active: 2, Waiting: 1 },
            maxWaitSeconds: 300,
            maxHandleSeconds: 1500
        });
        expect(ada?.wait).toEqual({ average: 45.5, samples: 10 });
        expect(ada?.handle).toEqual({ average: 600, samples: 10 });
        expect(
            ada?.channels.map((channel) => [channel.channelType, channel.count])
        ).toEqual([
            ['Text', 6],
            ['EmbeddedMessaging', 4]
        ]);
        // A channel group with a null ChannelType is not counted.
        expect(byId.get(DEE)?.channels).toEqual([]);
    });

    it('reads message totals and response times by documented metric type only', () => {
        const ada = byId.get(ADA);
        expect(ada?.messages).toEqual({ agent: 80, endUser: 95, counted: 6 });
        expect(ada?.firstResponse).toEqual({ average: 30, samples: 6 });
        expect(ada?.averageResponse).toEqual({ average: 45, samples: 6 });
        // No metrics at all, and a metric row with a null sum: nothing counted, never 0.
        expect(byId.get(BEN)?.messages).toEqual({
            agent: null,
            endUser: null,
            counted: 0
        });
        expect(byId.get(DEE)?.messages).toEqual({
            agent: null,
            endUser: null,
            counted: 0
        });
        expect(byId.get(DEE)?.firstResponse.average).toBeNull();
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
        expect(totals.messages).toEqual({ agent: 83, endUser: 99, counted: 8 });
        expect(totals.firstResponse).toEqual({ average: 30, samples: 6 });
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

    it('combines what has arrived: the core alone gives counts without durations or messages', () => {
        const core = combineMetrics({ core: FULL.core });
        const ada = core.agents.find((agent) => agent.ownerId === ADA);
        expect(ada?.handled).toBe(10);
        expect(ada?.wait.average).toBeNull();
        expect(ada?.messages.counted).toBe(0);
    });

    it('returns no rows and zero totals for a window without sessions', () => {
        const empty = combineMetrics({
            core: emptyJson.data as CoreMetricsData
        });
        expect(empty.agents).toEqual([]);
        expect(empty.totals).toMatchObject({
            agents: 0,
            handled: 0,
            openNow: 0
        });
        expect(empty.totals.messages.agent).toBeNull();
        expect(empty.totals.wait.average).toBeNull();
        expect(combineMetrics({ core: null }).agents).toEqual([]);
        expect(
            combineMetrics({
                core: { uiapi: { aggregate: null, query: null } }
            }).agents
        ).toEqual([]);
    });

    it('flags truncated aggregates in any document', () => {
        expect(
            combineMetrics({
                core: {
                    uiapi: {
                        aggregate: {
                            MessagingSession: {
                                edges: [],
                                pageInfo: { hasNextPage: true }
                            }
                        }
                    }
                }
            }).truncated
        ).toBe(true);
        expect(
            combineMetrics({
                core: FULL.core,
                sessionMetrics: {
                    uiapi: {
                        aggregate: {
                            MessagingSessionMetrics: {
                                edges: [],
                                pageInfo: { hasNextPage: true }
                            }
                        }
                    }
                }
            }).truncated
        ).toBe(true);
    });

    it('flags a user list cut at the limit (the team the session metrics are asked for)', () => {
        expect(
            combineMetrics({
                core: {
                    uiapi: {
                        query: {
                            User: {
                                edges: [{ node: { Id: ADA } }],
                                pageInfo: { hasNextPage: true }
                            }
                        }
                    }
                }
            }).truncated
        ).toBe(true);
    });

    it('uses the handled count as the weight when the field count is absent', () => {
        const core: CoreMetricsData = {
            uiapi: {
                aggregate: {
                    MessagingSession: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        OwnerId: { value: ADA },
                                        Id: { count: { value: 3 } }
                                    }
                                }
                            },
                            {
                                node: {
                                    aggregate: {
                                        OwnerId: { value: BEN },
                                        Id: { count: { value: 1 } }
                                    }
                                }
                            }
                        ]
                    }
                }
            }
        };
        const waitTimes: DurationData = {
            uiapi: {
                aggregate: {
                    MessagingSession: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        OwnerId: { value: ADA },
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
        expect(
            combineMetrics({ core, waitTimes }).totals.wait.average
        ).toBeCloseTo(20, 6);
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

    it('says a duration is loading or not available instead of comparing it', () => {
        expect(durationCell(300, 60, 'loading')).toMatchObject({
            text: '…',
            state: 'none',
            isOver: false
        });
        expect(durationCell(300, 60, 'unavailable')).toMatchObject({
            text: 'Not available',
            state: 'none'
        });
    });

    it('says "Not counted" for message counts Salesforce did not make, never 0', () => {
        const none = { agent: null, endUser: null, counted: 0 };
        expect(messagesCell(none, 4).text).toBe('Not counted');
        expect(messagesCell(none, 4).note).toContain(
            '4 sessions have no message totals'
        );
        expect(
            messagesCell({ agent: 80, endUser: 95, counted: 6 }, 10)
        ).toEqual({
            text: '80 / 95 (4 not counted)',
            note: expect.stringContaining('4 sessions') as unknown as string
        });
        expect(
            messagesCell({ agent: 80, endUser: 95, counted: 10 }, 10)
        ).toEqual({ text: '80 / 95', note: '' });
        // An agent count without its customer count: the missing side isn't 0.
        expect(
            messagesCell({ agent: 5, endUser: null, counted: 1 }, 1).text
        ).toBe('5 / Not counted');
        expect(messagesCell({ agent: 0, endUser: 0, counted: 2 }, 2).text).toBe(
            '0 / 0'
        );
        expect(messagesCell(none, 0).text).toBe('—');
        expect(messagesCell(none, 4, 'unavailable').text).toBe('Not available');
        expect(messagesCell(none, 4, 'loading').text).toBe('…');
    });

    it('builds row views with target highlighting and a totals row', () => {
        const combined = combineMetrics(FULL);
        const rows = agentRowViews(combined, {
            waitSeconds: 60,
            handleSeconds: 900
        });
        const ada = rows.find((row) => row.ownerId === ADA);
        const ben = rows.find((row) => row.ownerId === BEN);
        expect(ada?.avgWait.state).toBe('within');
        expect(ada?.maxWait.state).toBe('over');
        expect(ada?.rowClass).toContain('row_over');
        expect(ada?.firstResponse.text).toBe(formatDuration(30));
        expect(ada?.averageResponse.text).toBe(formatDuration(45));
        expect(ben?.avgHandle.state).toBe('over');
        expect(ben?.avgWait.state).toBe('none');
        expect(ben?.messages.text).toBe('Not counted');
        expect(ada?.channelsText).toBe(
            `${picklistLabel(CHANNEL_TYPES, 'Text')}: 6, ${picklistLabel(CHANNEL_TYPES, 'EmbeddedMessaging')}: 4`
        );
        const totals = totalsRowView(combined, NO_TARGETS, 'Team total');
        expect(totals.name).toBe('Team total');
        expect(totals.handled).toBe(17);
        expect(totals.avgWait.state).toBe('none');
        expect(totals.messages.text).toBe('83 / 99 (9 not counted)');
        expect(totals.rowClass).not.toContain('row_over');
    });

    it('marks every figure of a refused source not available, and leaves the others', () => {
        const combined = combineMetrics({ core: FULL.core });
        const sources = {
            waitTimes: 'unavailable',
            handleTimes: 'ready',
            sessionMetrics: 'unavailable'
        } as const;
        const ada = agentRowViews(combined, NO_TARGETS, sources).find(
            (row) => row.ownerId === ADA
        )!;
        expect(ada.avgWait.text).toBe('Not available');
        expect(ada.maxWait.text).toBe('Not available');
        expect(ada.avgHandle.text).toBe('—');
        expect(ada.messages.text).toBe('Not available');
        expect(ada.firstResponse.text).toBe('Not available');
        expect(ada.handled).toBe(10);
        expect(
            totalsRowView(combined, NO_TARGETS, 'Team total', sources).messages
                .text
        ).toBe('Not available');
    });

    it('lists the duration cells in column order, with warning icons only on agent averages over target', () => {
        const combined = combineMetrics(FULL);
        const targets = { waitSeconds: 1, handleSeconds: 1 };
        const ada = agentRowViews(combined, targets).find(
            (row) => row.ownerId === ADA
        )!;
        expect(ada.durationCells.map((cell) => cell.key)).toEqual([
            'avgWait',
            'maxWait',
            'avgHandle'
        ]);
        expect(ada.durationCells.map((cell) => cell.showWarning)).toEqual([
            true,
            false,
            true
        ]);
        expect(ada.durationCells[1]).toMatchObject(ada.maxWait);
        const totals = totalsRowView(combined, targets, 'Team total');
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
        const combined = combineMetrics(FULL);
        const rows = agentRowViews(combined, NO_TARGETS).filter(
            (row) => !row.isQueue
        );
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

    it('names the team group the org refuses, and says how to fall back', () => {
        const reading = readMetricsErrors(
            errorFixtures.teamGroupUnreadable.errors,
            'Support_Team'
        );
        expect(reading.problem).toBe('teamGroup');
        expect(reading.message).toContain('Support_Team');
        expect(reading.message).toContain('Clear the Team group property');
        // Without a group set, the same words are not about a group.
        expect(
            readMetricsErrors(errorFixtures.teamGroupUnreadable.errors).problem
        ).not.toBe('teamGroup');
    });

    it('passes other errors through', () => {
        const reading = readMetricsErrors(errorFixtures.other.errors);
        expect(reading.problem).toBe('other');
        expect(reading.message).toContain('unexpected error');
    });
});
