import { isQueueOwnerId } from 'c/messagingSessionSchema';
import { shiftCalendarDay, startTimeWindowFilter } from 'c/messagingTime';
import {
    SESSION_METRIC_TYPES,
    buildMetricsVariables,
    durationVariables,
    isGroupId,
    listedUserIds,
    ownerFilter,
    queueNamesVariables,
    sessionMetricsVariables,
    teamSource
} from '../metricsVariables';
import type { CoreMetricsData } from '../metricsResponses';
import { ADA, BEN, CY, DEE, ME, QUEUE } from './metricsFixtures';

import coreJson from './data/graphqlMetrics.json';

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
