import AgentMetricsPanel from 'c/agentMetricsPanel';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { subscribe } from 'lightning/messageService';
import { formatDuration } from 'c/messagingSessionModel';
import {
    $,
    clearDocumentBody,
    flushMicrotasks,
    mountComponent
} from '../../../../../test/jest-utils/domHelpers';

// gql returns the query text, so that tests can tell which query the wire was given.
jest.mock('lightning/graphql', () => {
    const actual = jest.requireActual('lightning/graphql');
    return {
        ...actual,
        gql: jest.fn((strings: TemplateStringsArray, ...values: unknown[]) =>
            String.raw(strings, ...values)
        )
    };
});

// Fixtures and wire configs are read deep and loosely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fixture = any;

interface TestWireAdapter {
    emit(value: unknown): void;
    emitErrors(errors: unknown): void;
    getLastConfig(): { query: string; variables: Fixture } | undefined;
}

const graphqlAdapter = graphql as unknown as TestWireAdapter;
import metricsDataJson from './data/graphqlMetrics.json';
const metricsData = metricsDataJson as unknown as Fixture;
import emptyDataJson from './data/graphqlMetricsEmpty.json';
const emptyData = emptyDataJson as unknown as Fixture;
import errorFixturesJson from './data/graphqlMetricsErrors.json';
const errorFixtures = errorFixturesJson as unknown as Fixture;

const ME = '005000000000000000'; // @salesforce/user/Id in sfdx-lwc-jest
const ADA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const CY = '005000000000003AAA';
const QUEUE = '00G000000000001AAA';
const NOW = new Date(2026, 2, 15, 10, 30, 0);

function iso(year: number, month: number, day: number): string {
    return new Date(year, month, day).toISOString();
}

function flush(): Promise<void> {
    return flushMicrotasks(5);
}

function createPanel(
    props: Record<string, unknown> = {}
): HTMLElement & Record<string, unknown> {
    return mountComponent<HTMLElement & Record<string, unknown>>(
        'c-agent-metrics-panel',
        AgentMetricsPanel,
        props
    );
}

function cell(
    element: HTMLElement,
    ownerId: string,
    name: string
): HTMLElement | null {
    return $(element, `tr[data-owner="${ownerId}"] [data-cell="${name}"]`);
}

/** sa11y refuses to run under fake timers: the date-dependent parts are done by then. */
async function expectAccessible(element: HTMLElement): Promise<void> {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

function lastVariables(): Fixture {
    return graphqlAdapter.getLastConfig()!.variables;
}

function changeCombobox(
    element: HTMLElement,
    dataId: string,
    value: string
): void {
    const control = $(element, `[data-id="${dataId}"]`)!;
    control.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-agent-metrics-panel', () => {
    beforeEach(() => {
        jest.useFakeTimers({
            now: NOW,
            doNotFake: ['queueMicrotask', 'nextTick']
        });
    });

    afterEach(() => {
        clearDocumentBody();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('query variables', () => {
        it('asks for my figures today by default, with response times', async () => {
            createPanel();
            await flush();
            const config = graphqlAdapter.getLastConfig()!;
            expect(config.query).toContain('query agentMetrics(');
            expect(config.query).toContain('MessagingSessionMetrics(');
            expect(config.query).toContain(
                'groupBy: { OwnerId: { group: true } }'
            );
            expect(config.variables.handledWhere).toEqual({
                and: [
                    { OwnerId: { eq: ME } },
                    { Status: { eq: 'Ended' } },
                    {
                        EndTime: {
                            gte: { value: iso(2026, 2, 15) },
                            lt: { value: iso(2026, 2, 16) }
                        }
                    }
                ]
            });
            expect(config.variables.openWhere).toEqual({
                and: [
                    { OwnerId: { eq: ME } },
                    { Status: { in: ['Active', 'Waiting', 'Paused'] } }
                ]
            });
            expect(config.variables.ownersWhere).toEqual({ Id: { eq: ME } });
        });

        it.each([
            ['last7', iso(2026, 2, 9)],
            ['last30', iso(2026, 1, 14)],
            ['today', iso(2026, 2, 15)]
        ])('sends the %s window', async (windowValue, from) => {
            const element = createPanel({ defaultWindow: 'last30' });
            await flush();
            changeCombobox(element, 'window', windowValue);
            await flush();
            const endTime = lastVariables().handledWhere.and[2].EndTime;
            expect(endTime).toEqual({
                gte: { value: from },
                lt: { value: iso(2026, 2, 16) }
            });
        });

        it('sends custom dates, and asks for dates instead of querying when they are reversed', async () => {
            const element = createPanel({ defaultWindow: 'custom' });
            await flush();
            // Default custom dates: the last 7 days.
            expect(lastVariables().handledWhere.and[2].EndTime.gte.value).toBe(
                iso(2026, 2, 9)
            );
            $(element, '[data-id="from"]')!.dispatchEvent(
                new CustomEvent('change', { detail: { value: '2026-03-01' } })
            );
            $(element, '[data-id="to"]')!.dispatchEvent(
                new CustomEvent('change', { detail: { value: '2026-03-03' } })
            );
            await flush();
            expect(lastVariables().handledWhere.and[2].EndTime).toEqual({
                gte: { value: iso(2026, 2, 1) },
                lt: { value: iso(2026, 2, 4) }
            });
            $(element, '[data-id="to"]')!.dispatchEvent(
                new CustomEvent('change', { detail: { value: '2026-02-01' } })
            );
            await flush();
            expect($(element, '[data-id="error"]')!.textContent).toContain(
                'start on or before the end'
            );
            expect(graphqlAdapter.getLastConfig()!.query).toBeUndefined();
            await expectAccessible(element);
        });

        it('sends all agents for the team scope', async () => {
            const element = createPanel();
            await flush();
            changeCombobox(element, 'scope', 'team');
            await flush();
            const variables = lastVariables();
            expect(variables.handledWhere.and[0]).toEqual({
                Status: { eq: 'Ended' }
            });
            expect(variables.openWhere).toEqual({
                Status: { in: ['Active', 'Waiting', 'Paused'] }
            });
            expect(variables.ownersWhere.Id.inq.ApiName).toBe('OwnerId');
        });

        it('sends the members of the App Builder group for the team scope', async () => {
            createPanel({ defaultScope: 'team', teamGroup: 'Support_Team' });
            await flush();
            const member = {
                OwnerId: {
                    inq: {
                        GroupMember: {
                            Group: { DeveloperName: { eq: 'Support_Team' } }
                        },
                        ApiName: 'UserOrGroupId'
                    }
                }
            };
            expect(lastVariables().handledWhere.and[0]).toEqual(member);
            expect(lastVariables().openWhere.and[0]).toEqual(member);
            expect(lastVariables().ownersWhere).toEqual({
                Id: { inq: member.OwnerId.inq }
            });
        });

        it('filters by group id when the App Builder group is an id', async () => {
            createPanel({ defaultScope: 'team', teamGroup: QUEUE });
            await flush();
            expect(
                lastVariables().handledWhere.and[0].OwnerId.inq.GroupMember
            ).toEqual({ GroupId: { eq: QUEUE } });
        });

        it('leaves response times out when App Builder hides them', async () => {
            const element = createPanel({ hideResponseTimes: true });
            await flush();
            expect(graphqlAdapter.getLastConfig()!.query).toContain(
                'query agentMetricsNoResponseTimes('
            );
            expect(graphqlAdapter.getLastConfig()!.query).not.toContain(
                'MessagingSessionMetrics('
            );
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect($(element, '[data-cell="response"]')).toBeNull();
            expect($(element, '[data-id="response-note"]')).toBeNull();
        });
    });

    describe('rendering', () => {
        it('renders one row per agent, the queue last, and team totals', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            expect($(element, 'lightning-spinner')).not.toBeNull();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect($(element, 'lightning-spinner')).toBeNull();
            const owners = Array.from(
                element.shadowRoot!.querySelectorAll('tbody tr')
            ).map((row) => row.getAttribute('data-owner'));
            expect(owners).toEqual([ADA, BEN, '005000000000004AAA', CY, QUEUE]);
            expect(cell(element, ADA, 'name')!.textContent).toContain(
                'Ada Lovelace'
            );
            expect(cell(element, ADA, 'handled')!.textContent).toBe('10');
            expect(cell(element, ADA, 'open')!.textContent).toBe('3');
            expect(cell(element, ADA, 'avgWait')!.textContent).toContain(
                formatDuration(46)
            );
            expect(cell(element, ADA, 'maxWait')!.textContent).toContain(
                formatDuration(300)
            );
            expect(cell(element, ADA, 'avgHandle')!.textContent).toContain(
                formatDuration(600)
            );
            expect(cell(element, ADA, 'channels')!.textContent).toContain('6');
            expect(cell(element, ADA, 'messages')!.textContent).toContain(
                '80 / 95'
            );
            expect(cell(element, ADA, 'response')!.textContent).toContain(
                formatDuration(30)
            );
            // Enhanced-only agent: message counts not calculated, null wait shown as a dash.
            expect(cell(element, BEN, 'messages')!.textContent).toContain(
                'Not calculated'
            );
            expect(cell(element, BEN, 'avgWait')!.textContent).toContain('—');
            // Member without sessions.
            expect(cell(element, CY, 'handled')!.textContent).toBe('0');
            expect(cell(element, CY, 'avgHandle')!.textContent).toContain('—');
            // Queue owner.
            expect(cell(element, QUEUE, 'name')!.textContent).toContain(
                'queue'
            );
            // Totals.
            expect(cell(element, 'totals', 'handled')!.textContent).toBe('17');
            expect(cell(element, 'totals', 'open')!.textContent).toBe('9');
            expect(cell(element, 'totals', 'avgHandle')!.textContent).toContain(
                formatDuration(Math.round((600 * 10 + 1200 * 4) / 14))
            );
            expect(cell(element, 'totals', 'messages')!.textContent).toContain(
                '85 / 99'
            );
            await expectAccessible(element);
        });

        it('draws an accessible bar per agent (not for queues) with the table as its equivalent', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            const svg = $(element, 'svg')!;
            expect(svg.getAttribute('role')).toBe('img');
            expect(svg.getAttribute('aria-label')).toContain(
                'Sessions handled'
            );
            const bars = element.shadowRoot!.querySelectorAll('g.chart-bar');
            expect(bars).toHaveLength(4);
            expect(bars[0].querySelector('title')!.textContent).toBe(
                'Ada Lovelace: 10 handled, 3 open now'
            );
            const widths = Array.from(bars).map((bar) =>
                Number(bar.querySelector('rect')!.getAttribute('width'))
            );
            expect(widths[0]).toBeGreaterThan(widths[1]);
            expect($(element, 'table caption')!.textContent).toContain('Today');
            await expectAccessible(element);
        });

        it('highlights figures over the App Builder targets', async () => {
            const element = createPanel({
                defaultScope: 'team',
                waitTargetSeconds: 60,
                handleTargetSeconds: 900
            });
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect($(element, '[data-id="targets"]')!.textContent).toContain(
                formatDuration(60)
            );
            expect(
                cell(element, ADA, 'avgWait')!.getAttribute('data-state')
            ).toBe('within');
            expect(
                cell(element, ADA, 'maxWait')!.getAttribute('data-state')
            ).toBe('over');
            expect(
                cell(element, BEN, 'avgHandle')!.getAttribute('data-state')
            ).toBe('over');
            expect(
                cell(element, BEN, 'avgHandle')!.querySelector('lightning-icon')
            ).not.toBeNull();
            expect(cell(element, BEN, 'avgHandle')!.textContent).toContain(
                'Over the'
            );
            expect(
                cell(element, ADA, 'avgHandle')!.getAttribute('data-state')
            ).toBe('within');
            expect($(element, `tr[data-owner="${ADA}"]`)!.className).toContain(
                'row_over'
            );
            expect(
                $(element, `tr[data-owner="${CY}"]`)!.className
            ).not.toContain('row_over');
            await expectAccessible(element);
        });

        it('shows no highlighting without targets', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect($(element, '[data-id="targets"]')).toBeNull();
            expect(
                element.shadowRoot!.querySelectorAll('[data-state="over"]')
            ).toHaveLength(0);
        });
    });

    describe('bad input', () => {
        it('says so for a window with zero sessions', async () => {
            const element = createPanel();
            await flush();
            graphqlAdapter.emit(emptyData.data);
            await flush();
            expect($(element, '[data-id="empty"]')!.textContent).toContain(
                'No sessions'
            );
            expect($(element, 'table')).toBeNull();
            expect($(element, 'svg')).toBeNull();
            await expectAccessible(element);
        });

        it('shows an agent with no sessions as zeros and dashes', async () => {
            const element = createPanel();
            await flush();
            graphqlAdapter.emit({
                uiapi: {
                    aggregate: {
                        MessagingSession: { edges: [] },
                        byChannel: { edges: [] },
                        openNow: { edges: [] }
                    },
                    query: {
                        User: {
                            edges: [
                                {
                                    node: {
                                        Id: ME,
                                        Name: { value: 'Me Myself' }
                                    }
                                }
                            ]
                        }
                    }
                }
            });
            await flush();
            expect(cell(element, ME, 'name')!.textContent).toContain(
                'Me Myself'
            );
            expect(cell(element, ME, 'handled')!.textContent).toBe('0');
            expect(cell(element, ME, 'avgWait')!.textContent).toContain('—');
            expect(cell(element, ME, 'messages')!.textContent).toContain('—');
            expect($(element, '[data-id="empty"]')).not.toBeNull();
            await expectAccessible(element);
        });

        it('says the duration fields are not deployed', async () => {
            const element = createPanel();
            await flush();
            graphqlAdapter.emitErrors(
                errorFixtures.durationFieldsMissing.errors
            );
            await flush();
            const error = $(element, '[data-id="error"]')!;
            expect(error.getAttribute('role')).toBe('alert');
            expect(error.textContent).toContain(
                "duration fields aren't deployed"
            );
            expect($(element, 'table')).toBeNull();
            await expectAccessible(element);
        });

        it('says access is missing, distinct from missing fields', async () => {
            const element = createPanel();
            await flush();
            graphqlAdapter.emitErrors(errorFixtures.insufficientAccess.errors);
            await flush();
            const text = $(element, '[data-id="error"]')!.textContent;
            expect(text).toContain("don't have access");
            expect(text).not.toContain('duration fields');
        });

        it('names an unreadable team group', async () => {
            const element = createPanel({
                defaultScope: 'team',
                teamGroup: 'Support_Team'
            });
            await flush();
            graphqlAdapter.emitErrors(errorFixtures.teamGroupUnreadable.errors);
            await flush();
            expect($(element, '[data-id="error"]')!.textContent).toContain(
                'Support_Team'
            );
        });

        it('drops response times once when MessagingSessionMetrics is missing, and keeps working', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            graphqlAdapter.emitErrors(
                errorFixtures.responseTimesMissing.errors
            );
            await flush();
            expect($(element, '[data-id="error"]')).toBeNull();
            expect(graphqlAdapter.getLastConfig()!.query).toContain(
                'query agentMetricsNoResponseTimes('
            );
            expect(
                $(element, '[data-id="response-note"]')!.textContent
            ).toContain('Response times');
            const noMetrics = JSON.parse(JSON.stringify(metricsData.data));
            delete noMetrics.uiapi.aggregate.MessagingSessionMetrics;
            graphqlAdapter.emit(noMetrics);
            await flush();
            expect(cell(element, ADA, 'handled')!.textContent).toBe('10');
            expect($(element, '[data-cell="response"]')).toBeNull();
            await expectAccessible(element);
        });

        it('clears an error when data arrives again', async () => {
            const element = createPanel();
            await flush();
            graphqlAdapter.emitErrors(errorFixtures.other.errors);
            await flush();
            expect($(element, '[data-id="error"]')!.textContent).toContain(
                'unexpected error'
            );
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect($(element, '[data-id="error"]')).toBeNull();
            expect($(element, 'table')).not.toBeNull();
        });
    });

    describe('refresh', () => {
        function listener(): (message: unknown) => void {
            const calls = (subscribe as unknown as jest.Mock).mock.calls;
            return calls[calls.length - 1][2];
        }

        it('subscribes to MSC_MessagingSessionsChanged__c and coalesces triggers into one refresh', async () => {
            const element = createPanel({ refreshIntervalSeconds: 60 });
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            expect(subscribe).toHaveBeenCalledTimes(1);
            const onMessage = listener();
            onMessage({
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            onMessage({
                reason: 'sessionUpdated',
                source: 'messagingSessionDetail',
                recordIds: ['0Mw1']
            });
            ($(element, '[data-id="refresh"]') as HTMLElement).click();
            onMessage({ reason: 'bogus' }); // ignored
            expect(refreshGraphQL).not.toHaveBeenCalled();
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
        });

        it('queues at most one more refresh while one is in flight', async () => {
            let finish: () => void = () => undefined;
            (refreshGraphQL as jest.Mock).mockImplementationOnce(
                () => new Promise<void>((resolve) => (finish = resolve))
            );
            const element = createPanel();
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            ($(element, '[data-id="refresh"]') as HTMLElement).click();
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
            const onMessage = listener();
            onMessage({ reason: 'sessionsChanged', source: 'x' });
            onMessage({ reason: 'sessionsChanged', source: 'y' });
            jest.advanceTimersByTime(1000);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
            finish();
            await flush();
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(2);
        });

        it('refreshes on the App Builder interval (at least 15 seconds) and stops when removed', async () => {
            const element = createPanel({ refreshIntervalSeconds: 5 });
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            jest.advanceTimersByTime(5000 + 400);
            await flush();
            expect(refreshGraphQL).not.toHaveBeenCalled();
            jest.advanceTimersByTime(10000);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
            document.body.removeChild(element);
            jest.advanceTimersByTime(60000);
            await flush();
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
        });

        it('does not refresh automatically without an interval', async () => {
            createPanel();
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            jest.advanceTimersByTime(600000);
            await flush();
            expect(refreshGraphQL).not.toHaveBeenCalled();
        });

        it('moves the window to the new day instead of refetching the old one', async () => {
            createPanel();
            await flush();
            graphqlAdapter.emit(metricsData.data);
            await flush();
            jest.setSystemTime(new Date(2026, 2, 16, 0, 5, 0));
            listener()({
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshGraphQL).not.toHaveBeenCalled();
            expect(lastVariables().handledWhere.and[2].EndTime.gte.value).toBe(
                iso(2026, 2, 16)
            );
        });
    });
});
