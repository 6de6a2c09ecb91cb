import {
    combineAverages,
    combineMetrics,
    fallbackOwnerName
} from '../metricsCombine';
import type { CoreMetricsData, DurationData } from '../metricsResponses';
import { agentRowViews } from '../metricsView';
import { ADA, BEN, CY, DEE, FULL, NO_TARGETS, QUEUE } from './metricsFixtures';

import emptyJson from './data/graphqlMetricsEmpty.json';

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
