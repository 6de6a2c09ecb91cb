import {
    DEFAULT_WAIT_TARGET_SECONDS,
    buildBacklogVariables,
    buildQueueLookupVariables,
    figuresOnly,
    readBacklogErrors,
    readQueueSelection,
    readWaitTarget
} from '../backlogQuery';
import {
    DEFAULT_REFRESH_SECONDS,
    readRefreshSeconds
} from 'c/messagingLiveRefresh';
import errorsJson from './data/graphqlBacklogErrors.json';

const NOW = Date.parse('2026-03-15T10:30:00.400Z');

describe('App Builder properties', () => {
    it('takes a positive wait target, and falls back to 120 s on anything else, keeping what was rejected', () => {
        expect(readWaitTarget(300)).toEqual({ seconds: 300, rejected: null });
        expect(readWaitTarget('90')).toEqual({ seconds: 90, rejected: null });
        expect(DEFAULT_WAIT_TARGET_SECONDS).toBe(120);
        expect(readWaitTarget(undefined)).toEqual({
            seconds: 120,
            rejected: null
        });
        expect(readWaitTarget('  ')).toEqual({ seconds: 120, rejected: null });
        expect(readWaitTarget(-5)).toEqual({ seconds: 120, rejected: '-5' });
        expect(readWaitTarget(0)).toEqual({ seconds: 120, rejected: '0' });
        expect(readWaitTarget('soon')).toEqual({
            seconds: 120,
            rejected: 'soon'
        });
        expect(readWaitTarget(NaN)).toEqual({ seconds: 120, rejected: 'NaN' });
    });

    it('keeps the refresh interval between 15 and 3600 seconds, 0 turning it off', () => {
        expect(readRefreshSeconds(undefined)).toBe(DEFAULT_REFRESH_SECONDS);
        expect(readRefreshSeconds('x')).toBe(60);
        expect(readRefreshSeconds(-1)).toBe(60);
        expect(readRefreshSeconds(0)).toBe(0);
        expect(readRefreshSeconds(5)).toBe(15);
        expect(readRefreshSeconds('120')).toBe(120);
        expect(readRefreshSeconds(99999)).toBe(3600);
    });

    it('reads comma-separated queue API names, reporting what cannot be one', () => {
        expect(readQueueSelection(undefined)).toEqual({
            names: [],
            invalid: []
        });
        expect(
            readQueueSelection(
                ' Support_EMEA, billing ,,Billing, 2nd_line, bad__name, trailing_, Ops Team'
            )
        ).toEqual({
            names: ['Support_EMEA', 'billing'],
            invalid: ['2nd_line', 'bad__name', 'trailing_', 'Ops Team']
        });
    });
});

describe('buildBacklogVariables', () => {
    it('asks for Waiting and New sessions, cut-offs computed from now to the second', () => {
        const variables = buildBacklogVariables({
            now: NOW,
            targetSeconds: 120,
            queueIds: []
        });
        const waiting = { Status: { in: ['Waiting', 'New'] } };
        expect(variables.waitingWhere).toEqual(waiting);
        expect(variables.overTargetWhere).toEqual({
            and: [
                waiting,
                {
                    StartTime: {
                        lt: { value: '2026-03-15T10:28:00.000Z' }
                    }
                }
            ]
        });
        expect(variables.acceptedWhere).toEqual({
            AcceptTime: { gte: { value: '2026-03-15T09:30:00.000Z' } }
        });
        // Every queue that owns a waiting session: a semi-join.
        expect(variables.queueWhere).toEqual({
            and: [
                { Type: { eq: 'Queue' } },
                {
                    Id: {
                        inq: { MessagingSession: waiting, ApiName: 'OwnerId' }
                    }
                }
            ]
        });
        expect(variables.channelWhere).toEqual({
            Id: {
                inq: {
                    MessagingSession: waiting,
                    ApiName: 'MessagingChannelId'
                }
            }
        });
    });

    it('restricts every figure to the chosen queues by their Ids, on the session field itself', () => {
        const ids = ['00G000000000001AAA', '00G000000000002AAA'];
        const variables = buildBacklogVariables({
            now: NOW,
            targetSeconds: 300,
            queueIds: ids
        });
        const owner = { OwnerId: { in: ids } };
        const waiting = {
            and: [{ Status: { in: ['Waiting', 'New'] } }, owner]
        };
        expect(variables.waitingWhere).toEqual(waiting);
        expect(variables.overTargetWhere).toEqual({
            and: [
                { Status: { in: ['Waiting', 'New'] } },
                owner,
                { StartTime: { lt: { value: '2026-03-15T10:25:00.000Z' } } }
            ]
        });
        expect(variables.queueWhere).toEqual({
            and: [{ Type: { eq: 'Queue' } }, { Id: { in: ids } }]
        });
        // The channel semi-join carries a plain list, never another join.
        expect(variables.channelWhere).toEqual({
            Id: {
                inq: {
                    MessagingSession: waiting,
                    ApiName: 'MessagingChannelId'
                }
            }
        });
    });

    it('looks the chosen queues up by API name, among queues only', () => {
        expect(buildQueueLookupVariables(['Support_EMEA', 'Billing'])).toEqual({
            queueLookupWhere: {
                and: [
                    { Type: { eq: 'Queue' } },
                    { DeveloperName: { in: ['Support_EMEA', 'Billing'] } }
                ]
            }
        });
    });

    it('gives the same variables within one second, and new ones a second later', () => {
        const at = (now: number): string =>
            JSON.stringify(
                buildBacklogVariables({
                    now,
                    targetSeconds: 120,
                    queueIds: []
                })
            );
        expect(at(NOW)).toBe(at(NOW + 500));
        expect(at(NOW)).not.toBe(at(NOW + 1000));
    });

    it('keeps only the figures variables for the document without names', () => {
        const variables = buildBacklogVariables({
            now: NOW,
            targetSeconds: 120,
            queueIds: []
        });
        expect(Object.keys(figuresOnly(variables)).sort()).toEqual([
            'acceptedWhere',
            'overTargetWhere',
            'waitingWhere'
        ]);
    });
});

describe('readBacklogErrors', () => {
    it('tells a refused name look-up from a fatal error', () => {
        expect(readBacklogErrors(undefined)).toEqual({
            namesRefused: false,
            message: ''
        });
        const names = readBacklogErrors(errorsJson.namesRefused);
        expect(names.namesRefused).toBe(true);
        expect(names.message).toContain("Field 'Group'");
        const fatal = readBacklogErrors(errorsJson.fatal);
        expect(fatal.namesRefused).toBe(false);
        expect(fatal.message).toContain('not a valid');
        // A mix is fatal: leaving the names out would not help.
        expect(
            readBacklogErrors([...errorsJson.namesRefused, ...errorsJson.fatal])
                .namesRefused
        ).toBe(false);
    });

    it('reads an access error in words', () => {
        const reading = readBacklogErrors(errorsJson.access);
        expect(reading.namesRefused).toBe(false);
        expect(reading.message).toMatch(/access/i);
    });
});
