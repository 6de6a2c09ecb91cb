import AgentMetricsPanel from 'c/messagingAgentMetrics';
import { graphql } from 'lightning/graphql';
import { subscribe } from 'lightning/messageService';
import { formatDuration, startTimeWindowFilter } from 'c/messagingTime';
import {
    $,
    $$,
    clearDocumentBody,
    clone,
    flushMicrotasks,
    mountComponent
} from '../../../../../test/jest-utils/domHelpers';
import { misplacedSemiJoins } from '../../../../../test/jest-utils/semiJoins';

// gql returns the query text, so that tests can tell which document each wire was given.
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

interface GraphqlConfig {
    query?: string;
    variables?: Fixture;
}

interface TestWireAdapter {
    emit(
        value: unknown,
        filterFn?: (config: GraphqlConfig) => boolean,
        refreshFn?: () => Promise<void>
    ): void;
    emitErrors(
        errors: unknown,
        filterFn?: (config: GraphqlConfig) => boolean,
        refreshFn?: () => Promise<void>
    ): void;
}

const graphqlAdapter = graphql as unknown as TestWireAdapter;
import coreJson from './data/graphqlMetrics.json';
import emptyJson from './data/graphqlMetricsEmpty.json';
import waitTimesJson from './data/graphqlMetricsWaitTimes.json';
import handleTimesJson from './data/graphqlMetricsHandleTimes.json';
import sessionMetricsJson from './data/graphqlMetricsSessionMetrics.json';
import queueNamesJson from './data/graphqlMetricsQueueNames.json';
import errorFixturesJson from './data/graphqlMetricsErrors.json';
const errorFixtures = errorFixturesJson as unknown as Fixture;

const ME = '005000000000000000'; // @salesforce/user/Id in sfdx-lwc-jest
const ADA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const CY = '005000000000003AAA';
const DEE = '005000000000004AAA';
const QUEUE = '00G000000000001AAA';
const NOW = new Date('2026-03-15T17:30:00.000Z');

/** The panel's documents, by operation name. */
type Document =
    | 'agentMetrics'
    | 'agentMetricsWaitTimes'
    | 'agentMetricsHandleTimes'
    | 'agentMetricsSessionMetrics'
    | 'agentMetricsQueueNames';

const FIXTURES: Record<Document, Fixture> = {
    agentMetrics: coreJson,
    agentMetricsWaitTimes: waitTimesJson,
    agentMetricsHandleTimes: handleTimesJson,
    agentMetricsSessionMetrics: sessionMetricsJson,
    agentMetricsQueueNames: queueNamesJson
};

function isDocument(name: Document): (config: GraphqlConfig) => boolean {
    return (config) =>
        typeof config.query === 'string' &&
        config.query.includes(`query ${name}(`);
}

/** The current config of the wire given a document, or undefined when no wire has it. */
function configOf(name: Document): GraphqlConfig | undefined {
    let found: GraphqlConfig | undefined;
    // A filter that never matches reads every wire's config without emitting anything.
    graphqlAdapter.emit(undefined, (config) => {
        if (isDocument(name)(config)) found = config;
        return false;
    });
    return found;
}

function variablesOf(name: Document): Fixture {
    return configOf(name)!.variables;
}

function emitTo(
    name: Document,
    data: Fixture = FIXTURES[name].data,
    refresh?: () => Promise<void>
): void {
    graphqlAdapter.emit(data, isDocument(name), refresh);
}

function emitErrorsTo(name: Document, errors: unknown): void {
    graphqlAdapter.emitErrors(errors, isDocument(name));
}

/** Every document answers with its fixture. */
function emitAll(refreshes: Partial<Record<Document, jest.Mock>> = {}): void {
    for (const name of Object.keys(FIXTURES) as Document[]) {
        emitTo(name, FIXTURES[name].data, refreshes[name]);
    }
}

function flush(): Promise<void> {
    return flushMicrotasks(5);
}

function createPanel(
    props: Record<string, unknown> = {}
): HTMLElement & Record<string, unknown> {
    return mountComponent<HTMLElement & Record<string, unknown>>(
        'c-messaging-agent-metrics',
        AgentMetricsPanel,
        props
    );
}

/** The panel's children: the table, the chart and the error box draw in their own shadow. */
function child(
    element: HTMLElement,
    tag:
        | 'c-messaging-metrics-table'
        | 'c-messaging-metrics-chart'
        | 'c-messaging-error-panel'
): HTMLElement | null {
    return $(element, tag);
}

/** The first match in the metrics table, or null when the panel shows no table. */
function inTable(element: HTMLElement, selector: string): HTMLElement | null {
    const table = child(element, 'c-messaging-metrics-table');
    return table ? $(table, selector) : null;
}

function allInTable(element: HTMLElement, selector: string): HTMLElement[] {
    const table = child(element, 'c-messaging-metrics-table');
    return table ? $$(table, selector) : [];
}

/** The error box's alert, or null when the panel shows none. */
function errorAlert(element: HTMLElement): HTMLElement | null {
    const panel = child(element, 'c-messaging-error-panel');
    return panel ? $(panel, '[role="alert"]') : null;
}

function errorText(element: HTMLElement): string {
    return errorAlert(element)?.textContent ?? '';
}

function cell(
    element: HTMLElement,
    ownerId: string,
    name: string
): HTMLElement | null {
    return inTable(
        element,
        `tr[data-owner="${ownerId}"] [data-cell="${name}"]`
    );
}

/** What a cell shows on screen: its text without the assistive-only parts. */
function text(element: HTMLElement, ownerId: string, name: string): string {
    const found = cell(element, ownerId, name);
    if (!found) return '';
    const visible = found.cloneNode(true) as HTMLElement;
    visible
        .querySelectorAll('.slds-assistive-text')
        .forEach((part) => part.remove());
    return (visible.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function note(element: HTMLElement, source: string): string | null {
    return (
        $(element, `[data-id="note"][data-source="${source}"]`)?.textContent ??
        null
    );
}

/** sa11y refuses to run under fake timers: the date-dependent parts are done by then. */
async function expectAccessible(element: HTMLElement): Promise<void> {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

function change(element: HTMLElement, dataId: string, value: string): void {
    const control = $(element, `[data-id="${dataId}"]`)!;
    control.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Every wire's current config, including those whose query is undefined (nothing sent). */
function allConfigs(): GraphqlConfig[] {
    const configs: GraphqlConfig[] = [];
    graphqlAdapter.emit(undefined, (config) => {
        configs.push(config);
        return false;
    });
    return configs;
}

function refreshMocks(): Record<Document, jest.Mock> {
    const make = (): jest.Mock => jest.fn(() => Promise.resolve());
    return {
        agentMetrics: make(),
        agentMetricsWaitTimes: make(),
        agentMetricsHandleTimes: make(),
        agentMetricsSessionMetrics: make(),
        agentMetricsQueueNames: make()
    };
}

describe('c-messaging-agent-metrics', () => {
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

    describe('documents and variables', () => {
        it('keeps message totals and the optional duration fields out of the core document', async () => {
            createPanel();
            await flush();
            const core = configOf('agentMetrics')!.query!;
            expect(core).not.toMatch(/AgentMessageCount|EndUserMessageCount/);
            expect(core).not.toMatch(/\bsum\b/);
            expect(core).not.toMatch(/MSC_\w+__c/);
            expect(core).not.toContain('MessagingSessionMetrics');
            // Each optional source has its own document.
            expect(configOf('agentMetricsWaitTimes')!.query).toContain(
                'MSC_WaitSeconds__c'
            );
            expect(configOf('agentMetricsWaitTimes')!.query).not.toContain(
                'MSC_HandleSeconds__c'
            );
            expect(configOf('agentMetricsHandleTimes')!.query).toContain(
                'MSC_HandleSeconds__c'
            );
            expect(configOf('agentMetricsSessionMetrics')!.query).toContain(
                'MessagingSessionMetricType'
            );
        });

        it.each([
            ['today', '', ''],
            ['last7', '', ''],
            ['last30', '', ''],
            ['custom', '2026-03-01', '2026-03-03']
        ])(
            'sends the shared start-time filter for %s, the one the session list sends',
            async (windowValue, from, to) => {
                const element = createPanel();
                await flush();
                change(element, 'window', windowValue);
                await flush();
                if (windowValue === 'custom') {
                    change(element, 'from', from);
                    change(element, 'to', to);
                    await flush();
                }
                const expected = startTimeWindowFilter(windowValue, from, to, {
                    now: NOW
                });
                expect(expected).not.toBeNull();
                const handled = variablesOf('agentMetrics').handledWhere;
                expect(handled.and).toContainEqual(expected);
                expect(handled.and).toContainEqual({
                    Status: { eq: 'Ended' }
                });
                // Every document counts the same handled sessions.
                expect(
                    variablesOf('agentMetricsWaitTimes').handledWhere
                ).toEqual(handled);
                expect(
                    variablesOf('agentMetricsSessionMetrics').metricsWhere.and
                ).toContainEqual({ MessagingSession: handled });
            }
        );

        it('says in its help text what the windows cover', async () => {
            const element = createPanel();
            await flush();
            const help = $(element, '[data-id="window-help"]')!.textContent!;
            expect(help).toContain('counted in the period they started');
            expect(help).toContain('By start time');
            expect(help).toContain('America/Los_Angeles');
            expect(help).toContain('Last 7 days: today and the 6 days before');
        });

        it('defaults the custom dates to the last 7 days and asks for dates instead of querying when they are reversed', async () => {
            const element = createPanel({ defaultTimeWindow: 'custom' });
            await flush();
            expect(variablesOf('agentMetrics').handledWhere.and).toContainEqual(
                startTimeWindowFilter('custom', '2026-03-09', '2026-03-15')
            );
            change(element, 'from', '2026-03-05');
            change(element, 'to', '2026-02-01');
            await flush();
            expect($(element, '[data-id="error"]')).not.toBeNull();
            expect(errorText(element)).toContain('start on or before the end');
            expect(configOf('agentMetrics')).toBeUndefined();
            expect(configOf('agentMetricsSessionMetrics')).toBeUndefined();
            await expectAccessible(element);
        });

        it('asks for my sessions by default', async () => {
            createPanel();
            await flush();
            const variables = variablesOf('agentMetrics');
            expect(variables.handledWhere.and[0]).toEqual({
                OwnerId: { eq: ME }
            });
            expect(variables.openWhere).toEqual({
                and: [
                    { OwnerId: { eq: ME } },
                    { Status: { in: ['Active', 'Waiting', 'Paused'] } }
                ]
            });
            expect(variables.ownersWhere).toEqual({ Id: { eq: ME } });
            expect(configOf('agentMetricsQueueNames')).toBeUndefined();
        });

        it('takes my direct reports as my team (User.ManagerId), and says so', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            const reports = {
                OwnerId: {
                    inq: {
                        User: { ManagerId: { eq: ME } },
                        ApiName: 'Id'
                    }
                }
            };
            const variables = variablesOf('agentMetrics');
            expect(variables.handledWhere.and[0]).toEqual(reports);
            expect(variables.openWhere.and[0]).toEqual(reports);
            expect(variables.ownersWhere).toEqual({ ManagerId: { eq: ME } });
            expect($(element, '[data-id="team-help"]')!.textContent).toContain(
                'report to you'
            );
            expect(configOf('agentMetricsQueueNames')).toBeUndefined();
        });

        it('takes the members of the App Builder group as the team when one is set', async () => {
            const element = createPanel({
                defaultScope: 'team',
                teamGroup: 'Support_Team'
            });
            await flush();
            const members = {
                inq: {
                    GroupMember: {
                        Group: { DeveloperName: { eq: 'Support_Team' } }
                    },
                    ApiName: 'UserOrGroupId'
                }
            };
            expect(variablesOf('agentMetrics').handledWhere.and[0]).toEqual({
                OwnerId: members
            });
            expect(variablesOf('agentMetrics').ownersWhere).toEqual({
                Id: members
            });
            expect($(element, '[data-id="team-help"]')!.textContent).toContain(
                'Support_Team'
            );
        });

        it('sends MessagingSessionMetrics my team as a list of user ids from the core response, not a semi-join', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            // No ids yet: the document waits for the core response.
            expect(configOf('agentMetricsSessionMetrics')).toBeUndefined();
            emitTo('agentMetrics');
            await flush();
            const handled = variablesOf('agentMetrics').handledWhere;
            const team = [ADA, BEN, CY, DEE];
            expect(
                variablesOf('agentMetricsSessionMetrics').metricsWhere.and[1]
            ).toEqual({
                MessagingSession: {
                    and: [{ OwnerId: { in: team } }, ...handled.and.slice(1)]
                }
            });
            expect(text(element, ADA, 'messages')).toBe('…');
            emitAll();
            await flush();
            expect(text(element, ADA, 'messages')).toBe(
                '80 / 95 (4 not counted)'
            );
            expect(text(element, ADA, 'firstResponse')).toBe(
                formatDuration(30)
            );
            expect(note(element, 'sessionMetrics')).toBeNull();
        });

        it('asks no session metrics for a team without users, and says there is nothing to count', async () => {
            const element = createPanel({ defaultScope: 'team' });
            await flush();
            emitTo('agentMetrics', emptyJson.data);
            await flush();
            expect(configOf('agentMetricsSessionMetrics')).toBeUndefined();
            expect($(element, '[data-id="empty"]')).not.toBeNull();
            expect(note(element, 'sessionMetrics')).toBeNull();
        });

        it.each([
            ['direct reports', false, {}],
            ['direct reports', true, {}],
            ['a group by API name', false, { teamGroup: 'Support_Team' }],
            ['a group by id', true, { teamGroup: QUEUE }]
        ])(
            'keeps every semi-join where SOQL takes one, in every scope and document (team: %s, response times hidden: %s)',
            async (_team, hideResponseTimes, props) => {
                const sent: Array<{ step: string; config: GraphqlConfig }> = [];
                const record = (step: string): void => {
                    for (const config of allConfigs()) {
                        sent.push({ step, config });
                    }
                };
                const element = createPanel({
                    ...props,
                    hideResponseTimes,
                    defaultTimeWindow: 'last30'
                });
                await flush();
                // Each scope before and after its documents answer (the team's user ids among them).
                const visit = async (scope: string): Promise<void> => {
                    change(element, 'scope', scope);
                    await flush();
                    record(`${scope}, before the answers`);
                    emitAll();
                    await flush();
                    record(`${scope}, after the answers`);
                };
                await visit('me');
                await visit('team');
                await visit('all');
                // Back to the team: the user ids of the first visit are still known.
                await visit('team');
                change(element, 'window', 'custom');
                await flush();
                record('team, custom window');

                const documentOf = (config: GraphqlConfig): string =>
                    config.query?.match(/query (\w+)\(/)?.[1] ?? 'idle wire';
                // Every document was seen with its variables (and some wires idle).
                expect(
                    [
                        ...new Set(sent.map(({ config }) => documentOf(config)))
                    ].sort()
                ).toEqual([
                    'agentMetrics',
                    'agentMetricsHandleTimes',
                    'agentMetricsQueueNames',
                    'agentMetricsSessionMetrics',
                    'agentMetricsWaitTimes',
                    'idle wire'
                ]);
                const problems = sent.flatMap(({ step, config }) =>
                    misplacedSemiJoins(config.variables).map(
                        (problem) =>
                            `${step}, ${documentOf(config)}: ${problem}`
                    )
                );
                expect(problems).toEqual([]);
            }
        );

        it('finds semi-joins SOQL refuses (the check above can fail)', () => {
            const reports = {
                inq: { User: { ManagerId: { eq: ME } }, ApiName: 'Id' }
            };
            expect(
                misplacedSemiJoins({
                    metricsWhere: {
                        and: [{ MessagingSession: { OwnerId: reports } }]
                    },
                    queuesWhere: {
                        Id: {
                            inq: {
                                MessagingSession: {
                                    or: [{ OwnerId: reports }]
                                },
                                ApiName: 'OwnerId'
                            }
                        }
                    },
                    openWhere: { or: [{ OwnerId: { ninq: reports.inq } }] }
                })
            ).toEqual([
                'metricsWhere.and.0.MessagingSession.OwnerId.inq: under MessagingSession',
                'queuesWhere.Id.inq.MessagingSession.or.0.OwnerId.inq: nested in another semi-join',
                'openWhere.or.0.OwnerId.ninq: under or'
            ]);
            // Where SOQL takes them: on a field, at the top or under and, with or inside the subquery.
            expect(
                misplacedSemiJoins({
                    handledWhere: { and: [{ OwnerId: reports }] },
                    ownersWhere: {
                        Id: {
                            inq: {
                                MessagingSession: { or: [{}, {}] },
                                ApiName: 'OwnerId'
                            }
                        }
                    }
                })
            ).toEqual([]);
        });

        it('filters by group id when the App Builder group is an id', async () => {
            createPanel({ defaultScope: 'team', teamGroup: QUEUE });
            await flush();
            expect(
                variablesOf('agentMetrics').handledWhere.and[0].OwnerId.inq
                    .GroupMember
            ).toEqual({ GroupId: { eq: QUEUE } });
        });

        it('asks for every owner and the names of the queues among them for all agents', async () => {
            const element = createPanel();
            await flush();
            change(element, 'scope', 'all');
            await flush();
            const variables = variablesOf('agentMetrics');
            expect(variables.handledWhere.and[0]).toEqual({
                Status: { eq: 'Ended' }
            });
            expect(variables.ownersWhere.Id.inq.ApiName).toBe('OwnerId');
            expect(variablesOf('agentMetricsQueueNames').queuesWhere).toEqual({
                and: [
                    { Type: { eq: 'Queue' } },
                    {
                        Id: {
                            inq: {
                                MessagingSession: {
                                    or: [
                                        variables.handledWhere,
                                        variables.openWhere
                                    ]
                                },
                                ApiName: 'OwnerId'
                            }
                        }
                    }
                ]
            });
            expect($(element, '[data-id="team-help"]')).toBeNull();
        });

        it('filters MessagingSessionMetrics on documented metric types only', async () => {
            createPanel();
            await flush();
            expect(
                variablesOf('agentMetricsSessionMetrics').metricsWhere.and[0]
            ).toEqual({
                MessagingSessionMetricType: {
                    in: [
                        'AgentMessageCount',
                        'EndUserMessageCount',
                        'ServiceRepFirstResponseTime',
                        'AverageAgentResponseTime'
                    ]
                }
            });
        });

        it('asks only for message totals when App Builder hides response times', async () => {
            const element = createPanel({ hideResponseTimes: true });
            await flush();
            expect(
                variablesOf('agentMetricsSessionMetrics').metricsWhere.and[0]
            ).toEqual({
                MessagingSessionMetricType: {
                    in: ['AgentMessageCount', 'EndUserMessageCount']
                }
            });
            emitAll();
            await flush();
            expect(inTable(element, '[data-cell="messages"]')).not.toBeNull();
            expect(inTable(element, '[data-cell="response"]')).toBeNull();
            expect(inTable(element, '[data-cell="firstResponse"]')).toBeNull();
            expect(text(element, ADA, 'messages')).toBe(
                '80 / 95 (4 not counted)'
            );
        });
    });

    describe('rendering', () => {
        it('renders one row per owner, the queue last under its name, and team totals', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            expect($(element, 'lightning-spinner')).not.toBeNull();
            emitAll();
            await flush();
            expect($(element, 'lightning-spinner')).toBeNull();
            // One row template for every row: the team totals come last.
            const owners = allInTable(element, 'tbody tr').map((row) =>
                row.getAttribute('data-owner')
            );
            expect(owners).toEqual([ADA, BEN, DEE, CY, QUEUE, 'totals']);
            expect(text(element, ADA, 'name')).toBe('Ada Lovelace');
            expect(text(element, ADA, 'handled')).toBe('10');
            expect(text(element, ADA, 'open')).toBe('3');
            expect(text(element, ADA, 'avgWait')).toContain(formatDuration(46));
            expect(text(element, ADA, 'maxWait')).toContain(
                formatDuration(300)
            );
            expect(text(element, ADA, 'avgHandle')).toContain(
                formatDuration(600)
            );
            expect(text(element, ADA, 'channels')).toContain('6');
            expect(text(element, ADA, 'firstResponse')).toBe(
                formatDuration(30)
            );
            expect(text(element, ADA, 'response')).toBe(formatDuration(45));
            // Queue-owned sessions: the queue's name and the queue badge, never "Queue (…id)".
            expect(text(element, QUEUE, 'name')).toContain('Tier 1 Support');
            expect(text(element, QUEUE, 'name')).not.toContain('Queue (');
            // The same badge the session list and detail show.
            expect(
                cell(element, QUEUE, 'name')!.querySelector('.queue-badge')!
                    .textContent
            ).toBe('Queue');
            expect(
                cell(element, ADA, 'name')!.querySelector('.queue-badge')
            ).toBeNull();
            // Member without sessions.
            expect(text(element, CY, 'handled')).toBe('0');
            expect(text(element, CY, 'avgHandle')).toBe('—');
            // Totals.
            expect(text(element, 'totals', 'handled')).toBe('17');
            expect(text(element, 'totals', 'open')).toBe('9');
            expect(text(element, 'totals', 'avgHandle')).toContain(
                formatDuration(Math.round((600 * 10 + 1200 * 4) / 14))
            );
            expect($(element, '[data-id="note"]')).toBeNull();
            await expectAccessible(element);
        });

        it('says "Not counted" in visible text for message counts Salesforce did not make, never 0', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitAll();
            await flush();
            // Some of Ada's sessions have message metrics, four don't.
            expect(text(element, ADA, 'messages')).toBe(
                '80 / 95 (4 not counted)'
            );
            // Ben: handled sessions, no metrics at all (standard channel or before October 2024).
            expect(text(element, BEN, 'messages')).toContain('Not counted');
            // Dee: a metric row with null sum and count 0.
            expect(text(element, DEE, 'messages')).toContain('Not counted');
            expect(text(element, DEE, 'firstResponse')).toBe('—');
            // Queue: every handled session counted.
            expect(text(element, QUEUE, 'messages')).toBe('3 / 4');
            // Cy handled nothing: no count to make.
            expect(text(element, CY, 'messages')).toBe('—');
            expect(text(element, 'totals', 'messages')).toBe(
                '83 / 99 (9 not counted)'
            );
            const messageCells = allInTable(element, '[data-cell="messages"]');
            expect(messageCells).toHaveLength(6);
            for (const row of messageCells) {
                expect(row.textContent!.trim()).not.toMatch(/^0\b/);
            }
            // Why, for assistive technology and as a tooltip.
            expect(
                cell(element, BEN, 'messages')!.getAttribute('title')
            ).toContain('4 sessions have no message totals');
            await expectAccessible(element);
        });

        it('ignores metric types the Object Reference does not list', async () => {
            const element = createPanel();
            await flush();
            const metrics = clone(sessionMetricsJson.data) as Fixture;
            for (const edge of metrics.uiapi.aggregate.MessagingSessionMetrics
                .edges) {
                edge.node.aggregate.MessagingSession.OwnerId.value = ME;
            }
            emitTo('agentMetrics', {
                uiapi: {
                    aggregate: {
                        MessagingSession: {
                            edges: [
                                {
                                    node: {
                                        aggregate: {
                                            OwnerId: { value: ME },
                                            Id: { count: { value: 9 } }
                                        }
                                    }
                                }
                            ]
                        }
                    },
                    query: { User: { edges: [] } }
                }
            });
            emitTo('agentMetricsSessionMetrics', metrics);
            await flush();
            // 999 and 9999 belong to an undocumented type: only documented values count.
            expect(text(element, ME, 'firstResponse')).toBe(formatDuration(30));
            expect(text(element, ME, 'messages')).not.toContain('9999');
        });

        it('draws an accessible bar per agent (not for queues) with the table as its equivalent', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitAll();
            await flush();
            const chart = child(element, 'c-messaging-metrics-chart')!;
            expect($(chart, 'ul')!.getAttribute('aria-label')).toBe(
                'Sessions handled and open now, per agent. ' +
                    'Bar chart of the sessions each agent handled in the period and has open now. The table has the same figures.'
            );
            const bars = $$(chart, 'li.chart-bar');
            expect(bars).toHaveLength(4);
            expect(bars.map((bar) => bar.getAttribute('data-owner'))).toEqual([
                ADA,
                BEN,
                DEE,
                CY
            ]);
            expect(
                bars[0].querySelector('.slds-assistive-text')!.textContent
            ).toBe('Ada Lovelace: 10 handled, 3 open now');
            expect(inTable(element, 'table caption')!.textContent).toContain(
                'Today'
            );
        });

        it('highlights figures over the App Builder targets', async () => {
            const element = createPanel({
                defaultScope: 'all',
                waitTargetSeconds: 60,
                handleTargetSeconds: 900
            });
            await flush();
            emitAll();
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
                cell(element, BEN, 'avgHandle')!.querySelector('lightning-icon')
            ).not.toBeNull();
            expect(
                inTable(element, `tr[data-owner="${ADA}"]`)!.className
            ).toContain('row_over');
            // The chart colours Ada's bar from the same data.
            const chart = child(element, 'c-messaging-metrics-chart')!;
            expect(
                $(chart, `li[data-owner="${ADA}"] .bar_handled`)!.classList
            ).toContain('bar_over');
            await expectAccessible(element);
        });

        it('shows the core figures while the optional ones are still loading', async () => {
            const element = createPanel();
            await flush();
            emitTo('agentMetrics', coreJson.data);
            await flush();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect(text(element, ADA, 'handled')).toBe('10');
            expect(text(element, ADA, 'avgWait')).toBe('…');
            expect(text(element, ADA, 'messages')).toBe('…');
        });
    });

    describe('a figure the org refuses', () => {
        it('keeps every other figure when the message-totals request fails', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitTo('agentMetrics');
            emitTo('agentMetricsWaitTimes');
            emitTo('agentMetricsHandleTimes');
            emitTo('agentMetricsQueueNames');
            emitErrorsTo(
                'agentMetricsSessionMetrics',
                errorFixtures.sessionMetricsMissing.errors
            );
            await flush();
            expect($(element, '[data-id="error"]')).toBeNull();
            expect(errorAlert(element)).toBeNull();
            expect(text(element, ADA, 'handled')).toBe('10');
            expect(text(element, ADA, 'avgWait')).toContain(formatDuration(46));
            expect(text(element, ADA, 'avgHandle')).toContain(
                formatDuration(600)
            );
            expect(text(element, ADA, 'messages')).toBe('Not available');
            expect(text(element, ADA, 'firstResponse')).toBe('Not available');
            expect(text(element, 'totals', 'messages')).toBe('Not available');
            const why = note(element, 'sessionMetrics')!;
            expect(why).toContain('Messages (agent / customer)');
            expect(why).toContain('Messaging Session Metrics');
            expect(why).toContain('MessagingSessionMetrics');
            await expectAccessible(element);
        });

        it('names the wait-time figures and their field when MSC_WaitSeconds__c is missing, and shows the rest', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitAll();
            emitErrorsTo(
                'agentMetricsWaitTimes',
                errorFixtures.waitFieldMissing.errors
            );
            await flush();
            expect(text(element, ADA, 'avgWait')).toBe('Not available');
            expect(text(element, ADA, 'maxWait')).toBe('Not available');
            expect(text(element, ADA, 'avgHandle')).toContain(
                formatDuration(600)
            );
            expect(text(element, ADA, 'messages')).toBe(
                '80 / 95 (4 not counted)'
            );
            const why = note(element, 'waitTimes')!;
            expect(why).toContain('Avg wait, Max wait: not available');
            expect(why).toContain('MSC_WaitSeconds__c');
            expect(note(element, 'handleTimes')).toBeNull();
            await expectAccessible(element);
        });

        it('names the handle-time figure when MSC_HandleSeconds__c is missing', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitAll();
            emitErrorsTo(
                'agentMetricsHandleTimes',
                errorFixtures.handleFieldMissing.errors
            );
            await flush();
            expect(text(element, ADA, 'avgHandle')).toBe('Not available');
            expect(text(element, ADA, 'avgWait')).toContain(formatDuration(46));
            expect(note(element, 'handleTimes')).toContain(
                'Avg handle: not available'
            );
            expect(note(element, 'handleTimes')).toContain(
                'MSC_HandleSeconds__c'
            );
        });

        it('shows queues by Id and says why when the org refuses Group', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            emitTo('agentMetrics');
            emitErrorsTo(
                'agentMetricsQueueNames',
                errorFixtures.groupNotSupported.errors
            );
            await flush();
            expect(text(element, QUEUE, 'name')).toContain('Queue (…001AAA)');
            expect(note(element, 'queueNames')).toContain(
                "Queue names aren't available"
            );
            expect(text(element, ADA, 'name')).toBe('Ada Lovelace');
        });

        it('comes back when the refused document answers again', async () => {
            const element = createPanel();
            await flush();
            emitAll();
            emitErrorsTo(
                'agentMetricsSessionMetrics',
                errorFixtures.sessionMetricsMissing.errors
            );
            await flush();
            expect(note(element, 'sessionMetrics')).not.toBeNull();
            emitTo('agentMetricsSessionMetrics');
            await flush();
            expect(note(element, 'sessionMetrics')).toBeNull();
            expect(text(element, ADA, 'messages')).toBe(
                '80 / 95 (4 not counted)'
            );
        });
    });

    describe('errors that stop the panel', () => {
        it('says so for a window with zero sessions', async () => {
            const element = createPanel();
            await flush();
            emitTo('agentMetrics', emptyJson.data);
            await flush();
            expect($(element, '[data-id="empty"]')!.textContent).toContain(
                'No sessions'
            );
            expect(child(element, 'c-messaging-metrics-table')).toBeNull();
            expect(inTable(element, 'table')).toBeNull();
            await expectAccessible(element);
        });

        it('says access is missing', async () => {
            const element = createPanel();
            await flush();
            emitErrorsTo(
                'agentMetrics',
                errorFixtures.insufficientAccess.errors
            );
            await flush();
            expect($(element, '[data-id="error"]')).not.toBeNull();
            const error = errorAlert(element)!;
            expect(error.getAttribute('role')).toBe('alert');
            expect(error.textContent).toContain("don't have access");
            expect(child(element, 'c-messaging-metrics-table')).toBeNull();
            expect(inTable(element, 'table')).toBeNull();
        });

        it('reports a team group the org refuses, and how to fall back to direct reports', async () => {
            const element = createPanel({
                defaultScope: 'team',
                teamGroup: 'Support_Team'
            });
            await flush();
            emitErrorsTo(
                'agentMetrics',
                errorFixtures.teamGroupUnreadable.errors
            );
            await flush();
            expect($(element, '[data-id="error"]')).not.toBeNull();
            const error = errorText(element);
            expect(error).toContain('Support_Team');
            expect(error).toContain('GroupMember');
            expect(error).toContain('report to you');
            await expectAccessible(element);
        });

        it('clears an error when data arrives again', async () => {
            const element = createPanel();
            await flush();
            emitErrorsTo('agentMetrics', errorFixtures.other.errors);
            await flush();
            expect($(element, '[data-id="error"]')).not.toBeNull();
            expect(errorText(element)).toContain('unexpected error');
            emitAll();
            await flush();
            expect($(element, '[data-id="error"]')).toBeNull();
            expect(inTable(element, 'table')).not.toBeNull();
        });
    });

    describe('refresh through the wire results', () => {
        function listener(): (message: unknown) => void {
            const calls = (subscribe as unknown as jest.Mock).mock.calls;
            return calls[calls.length - 1][2];
        }

        function expectRefreshed(
            refreshes: Record<Document, jest.Mock>,
            times: number,
            documents: Document[]
        ): void {
            for (const name of documents) {
                expect(refreshes[name]).toHaveBeenCalledTimes(times);
            }
        }

        const ACTIVE: Document[] = [
            'agentMetrics',
            'agentMetricsWaitTimes',
            'agentMetricsHandleTimes',
            'agentMetricsSessionMetrics'
        ];

        it('refreshes every document with its own refresh() on the button, once for triggers close together', async () => {
            const element = createPanel({ defaultScope: 'all' });
            await flush();
            const refreshes = refreshMocks();
            emitAll(refreshes);
            await flush();
            expect(subscribe).toHaveBeenCalledTimes(1);
            ($(element, '[data-id="refresh"]') as HTMLElement).click();
            listener()({
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            listener()({ reason: 'bogus' }); // ignored
            expectRefreshed(refreshes, 0, [
                ...ACTIVE,
                'agentMetricsQueueNames'
            ]);
            jest.advanceTimersByTime(400);
            await flush();
            expectRefreshed(refreshes, 1, [
                ...ACTIVE,
                'agentMetricsQueueNames'
            ]);
        });

        it('refreshes when sessions change (MSC_MessagingSessionsChanged__c)', async () => {
            createPanel();
            await flush();
            const refreshes = refreshMocks();
            emitAll(refreshes);
            await flush();
            listener()({
                reason: 'sessionUpdated',
                source: 'messagingSessionDetail',
                recordIds: ['0Mw1']
            });
            jest.advanceTimersByTime(400);
            await flush();
            expectRefreshed(refreshes, 1, ACTIVE);
            // The queue-name document isn't asked for in my scope, so it isn't refreshed.
            expect(refreshes.agentMetricsQueueNames).not.toHaveBeenCalled();
        });

        it('queues at most one more refresh while one is in flight', async () => {
            const element = createPanel();
            await flush();
            const refreshes = refreshMocks();
            let finish: () => void = () => undefined;
            refreshes.agentMetrics.mockImplementationOnce(
                () => new Promise<void>((resolve) => (finish = resolve))
            );
            emitAll(refreshes);
            await flush();
            ($(element, '[data-id="refresh"]') as HTMLElement).click();
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshes.agentMetrics).toHaveBeenCalledTimes(1);
            listener()({ reason: 'sessionsChanged', source: 'x' });
            listener()({ reason: 'sessionsChanged', source: 'y' });
            jest.advanceTimersByTime(1000);
            await flush();
            expect(refreshes.agentMetrics).toHaveBeenCalledTimes(1);
            finish();
            await flush();
            jest.advanceTimersByTime(400);
            await flush();
            expectRefreshed(refreshes, 2, ACTIVE);
        });

        it('refreshes on the App Builder interval (at least 15 seconds) and stops when removed', async () => {
            const element = createPanel({ refreshIntervalSeconds: 5 });
            await flush();
            const refreshes = refreshMocks();
            emitAll(refreshes);
            await flush();
            jest.advanceTimersByTime(5000 + 400);
            await flush();
            expect(refreshes.agentMetrics).not.toHaveBeenCalled();
            jest.advanceTimersByTime(10000);
            await flush();
            expectRefreshed(refreshes, 1, ACTIVE);
            document.body.removeChild(element);
            jest.advanceTimersByTime(60000);
            await flush();
            expectRefreshed(refreshes, 1, ACTIVE);
        });

        it('does not refresh automatically without an interval', async () => {
            createPanel();
            await flush();
            const refreshes = refreshMocks();
            emitAll(refreshes);
            await flush();
            jest.advanceTimersByTime(600000);
            await flush();
            expect(refreshes.agentMetrics).not.toHaveBeenCalled();
        });

        it('says so when a refresh fails, and keeps the figures', async () => {
            const element = createPanel();
            await flush();
            const refreshes = refreshMocks();
            refreshes.agentMetricsWaitTimes.mockImplementationOnce(() =>
                Promise.reject(new Error('Network down'))
            );
            emitAll(refreshes);
            await flush();
            ($(element, '[data-id="refresh"]') as HTMLElement).click();
            jest.advanceTimersByTime(400);
            await flush();
            expect($(element, '[data-id="error"]')).not.toBeNull();
            expect(errorText(element)).toContain('Network down');
        });

        it('moves the window to the new day instead of refetching the old one', async () => {
            createPanel();
            await flush();
            const refreshes = refreshMocks();
            emitAll(refreshes);
            await flush();
            const nextDay = new Date('2026-03-16T08:05:00.000Z');
            jest.setSystemTime(nextDay);
            listener()({
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            jest.advanceTimersByTime(400);
            await flush();
            expect(refreshes.agentMetrics).not.toHaveBeenCalled();
            expect(variablesOf('agentMetrics').handledWhere.and).toContainEqual(
                startTimeWindowFilter('today', null, null, { now: nextDay })
            );
        });
    });
});
