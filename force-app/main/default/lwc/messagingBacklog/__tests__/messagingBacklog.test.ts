import MessagingBacklog from 'c/messagingBacklog';
import { graphql } from 'lightning/graphql';
import { publish, subscribe } from 'lightning/messageService';
import {
    isEmpEnabled,
    subscribe as empSubscribe,
    unsubscribe as empUnsubscribe
} from 'lightning/empApi';
import BACKLOG_DRILL_IN from '@salesforce/messageChannel/MSC_BacklogDrillIn__c';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import {
    $,
    $$,
    clearDocumentBody,
    clone,
    flushMicrotasks,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';
import backlogJson from './data/graphqlBacklog.json';
import emptyJson from './data/graphqlBacklogEmpty.json';
import errorsJson from './data/graphqlBacklogErrors.json';
import queueIdsJson from './data/graphqlBacklogQueueIds.json';
import { misplacedSemiJoins } from '../../../../../test/jest-utils/semiJoins';

// gql returns the query text, so that tests can tell which document the wire was given.
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

type ConfigFilter = (config: GraphqlConfig) => boolean;

interface GraphqlTestAdapter {
    emit(
        value: unknown,
        filter?: ConfigFilter,
        refresh?: () => Promise<void>
    ): void;
    emitErrors(
        errors: unknown,
        filter?: ConfigFilter,
        refresh?: () => Promise<void>
    ): void;
}

const graphqlAdapter = graphql as unknown as GraphqlTestAdapter;
const backlog = backlogJson as Fixture;

const Q1 = '00G000000000001AAA';
const Q2 = '00G000000000002AAA';
const Q3 = '00G000000000003AAA';
const WA = '0Mj000000000001AAA';
const NOW = new Date('2026-03-15T10:30:00.000Z');

type BacklogElement = HTMLElement & Record<string, unknown>;

function flush(): Promise<void> {
    return flushMicrotasks(6);
}

function createBacklog(props: Record<string, unknown> = {}): BacklogElement {
    return mountComponent<BacklogElement>(
        'c-messaging-backlog',
        MessagingBacklog,
        props
    );
}

let refresh: jest.Mock<Promise<void>, []>;

/** The figures document, with or without names; the queue look-up is another wire. */
const isFigures: ConfigFilter = (config) =>
    config.query?.includes('query messagingBacklog') === true;
const isQueueLookup: ConfigFilter = (config) =>
    config.query?.includes('query backlogQueueIds(') === true;

/** Every wire's current config, those with no query (nothing sent) included. */
function allConfigs(): GraphqlConfig[] {
    const configs: GraphqlConfig[] = [];
    // A filter that never matches reads every wire's config without emitting anything.
    graphqlAdapter.emit(undefined, (config) => {
        configs.push(config);
        return false;
    });
    return configs;
}

function configOf(filter: ConfigFilter): GraphqlConfig | undefined {
    return allConfigs().find(filter);
}

async function showData(
    element: BacklogElement,
    data: Fixture = clone(backlog)
): Promise<void> {
    await flush();
    graphqlAdapter.emit(data, isFigures, refresh);
    await flush();
    expect(element).toBeTruthy();
}

/** The figures wire's config: the document and variables of the one request per refresh. */
function lastConfig(): { query: string; variables: Fixture } {
    const config = configOf(isFigures);
    expect(config).toBeDefined();
    return config as { query: string; variables: Fixture };
}

async function answerQueueLookup(data: Fixture = clone(queueIdsJson)) {
    await flush();
    graphqlAdapter.emit(data, isQueueLookup);
    await flush();
}

function cell(element: HTMLElement, row: string, name: string): string {
    return text($(element, `${row} [data-cell="${name}"]`));
}

function queueCell(element: HTMLElement, id: string, name: string): string {
    return cell(element, `tr[data-queue="${id}"]`, name);
}

function channelCell(element: HTMLElement, key: string, name: string): string {
    return cell(element, `tr[data-channel="${key}"]`, name);
}

function total(element: HTMLElement, name: string): string {
    return text($(element, `[data-total="${name}"]`));
}

function note(element: HTMLElement, key: string): string {
    return text($(element, `[data-note="${key}"]`));
}

/** The error panel's alert, inside the child's own shadow root; null without an error. */
function errorAlert(element: HTMLElement): HTMLElement | null {
    const panel = $(element, 'c-messaging-error-panel[data-id="error"]');
    return panel ? $(panel, '[role="alert"]') : null;
}

function errorText(element: HTMLElement): string {
    return text(errorAlert(element));
}

function announcement(element: HTMLElement): string {
    return text($(element, '[data-id="announcement"]'));
}

async function advance(ms: number): Promise<void> {
    jest.advanceTimersByTime(ms);
    await flush();
}

/** sa11y refuses to run under fake timers: the time-dependent parts are done by then. */
async function expectAccessible(element: HTMLElement): Promise<void> {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

function subscriptionCallback(channel: unknown): (message: unknown) => void {
    const call = (subscribe as jest.Mock).mock.calls.find(
        ([, subscribed]) => subscribed === channel
    );
    return call![2];
}

describe('c-messaging-backlog', () => {
    beforeEach(() => {
        jest.useFakeTimers({
            now: NOW,
            doNotFake: ['queueMicrotask', 'nextTick']
        });
        refresh = jest.fn(() => Promise.resolve());
    });

    afterEach(() => {
        clearDocumentBody();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('the request', () => {
        it('sends one document: three aggregates grouped on the server, and the names', async () => {
            createBacklog();
            await flush();
            const { query, variables } = lastConfig();
            expect(query).toContain('query messagingBacklog(');
            for (const alias of ['waiting', 'overTarget', 'accepted']) {
                expect(query).toContain(`${alias}: MessagingSession(`);
            }
            expect(query).toMatch(
                /groupBy: {\s*OwnerId: { group: true }\s*MessagingChannelId: { group: true }\s*ChannelType: { group: true }\s*}/
            );
            expect(query).toMatch(/StartTime {\s*min {\s*value\s*}\s*}/);
            expect(query).toMatch(/Id {\s*count {\s*value\s*}\s*}/);
            expect(query).toContain('Group(where: $queueWhere');
            expect(query).toContain('MessagingChannel(where: $channelWhere');
            expect(variables.waitingWhere).toEqual({
                Status: { in: ['Waiting', 'New'] }
            });
            // now − target and now − 60 min, computed when the request goes out.
            expect(variables.overTargetWhere.and[1]).toEqual({
                StartTime: { lt: { value: '2026-03-15T10:28:00.000Z' } }
            });
            expect(variables.acceptedWhere).toEqual({
                AcceptTime: { gte: { value: '2026-03-15T09:30:00.000Z' } }
            });
        });

        it('looks the queues chosen in App Builder up once, then restricts every figure to their Ids', async () => {
            createBacklog({
                queues: 'Support_EMEA, Billing',
                waitTargetSeconds: 300
            });
            await flush();
            // First the small look-up alone: the figures wait for the Ids.
            expect(configOf(isFigures)).toBeUndefined();
            expect(configOf(isQueueLookup)!.variables).toEqual({
                queueLookupWhere: {
                    and: [
                        { Type: { eq: 'Queue' } },
                        { DeveloperName: { in: ['Support_EMEA', 'Billing'] } }
                    ]
                }
            });
            await answerQueueLookup();
            const { variables } = lastConfig();
            expect(variables.waitingWhere.and[1]).toEqual({
                OwnerId: { in: [Q1, Q2] }
            });
            expect(variables.overTargetWhere.and[2]).toEqual({
                StartTime: { lt: { value: '2026-03-15T10:25:00.000Z' } }
            });
            expect(variables.queueWhere.and[1]).toEqual({
                Id: { in: [Q1, Q2] }
            });
        });

        it('asks for the queue Ids only once: a refresh is one request, for the figures', async () => {
            const element = createBacklog({ queues: 'Support_EMEA, Billing' });
            await answerQueueLookup();
            await showData(element);
            const lookupBefore = JSON.stringify(configOf(isQueueLookup));
            await advance(5000);
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(JSON.stringify(configOf(isQueueLookup))).toBe(lookupBefore);
            expect(lastConfig().variables.overTargetWhere.and[2]).toEqual({
                StartTime: { lt: { value: '2026-03-15T10:28:05.000Z' } }
            });
            // The same Ids served again (a cache refresh) ask for nothing new.
            const figuresBefore = JSON.stringify(lastConfig());
            await answerQueueLookup();
            expect(JSON.stringify(lastConfig())).toBe(figuresBefore);
        });

        it('never places a semi-join where SOQL refuses one, nor filters through the polymorphic Owner', async () => {
            const sent: Array<{ step: string; config: GraphqlConfig }> = [];
            const record = (step: string): void => {
                for (const config of allConfigs()) {
                    if (config.query) sent.push({ step, config });
                }
            };
            const owners = (value: unknown, path: string[] = []): string[] => {
                if (!value || typeof value !== 'object') return [];
                return Object.entries(value).flatMap(([key, child]) => [
                    // Owner is polymorphic: SOQL reaches only Name-object fields through it.
                    ...(key === 'Owner' ? [[...path, key].join('.')] : []),
                    ...owners(child, [...path, key])
                ]);
            };
            // Every state a wire can be in: first, with the queue Ids, refreshed, without names.
            const visit = async (queues?: string): Promise<void> => {
                const scope = queues ?? 'every queue';
                clearDocumentBody();
                const element = createBacklog({ queues });
                await flush();
                record(`${scope}, first`);
                if (queues) await answerQueueLookup();
                record(`${scope}, with Ids`);
                await showData(element);
                await advance(5000);
                $(element, '[data-id="refresh"]')!.click();
                await advance(250);
                record(`${scope}, refreshed`);
                graphqlAdapter.emitErrors(
                    clone(errorsJson.namesRefused),
                    isFigures
                );
                await flush();
                record(`${scope}, without names`);
            };
            await visit();
            await visit('Support_EMEA, Billing, Nope');
            const problems = sent.flatMap(({ step, config }) =>
                [
                    ...misplacedSemiJoins(config.variables),
                    ...owners(config.variables).map((path) => `${path}: Owner`)
                ].map((problem) => `${step}: ${problem}`)
            );
            expect(problems).toEqual([]);
            // Every document was seen.
            const documents = new Set(
                sent.map(
                    ({ config }) => config.query!.match(/query (\w+)\(/)![1]
                )
            );
            expect([...documents].sort()).toEqual([
                'backlogQueueIds',
                'messagingBacklog',
                'messagingBacklogFigures'
            ]);
        });
    });

    describe('figures', () => {
        it('shows totals across queues and the time of the last refresh', async () => {
            const element = createBacklog();
            await showData(element);
            expect(total(element, 'waiting')).toBe('10');
            expect(total(element, 'overTarget')).toBe('5');
            expect(total(element, 'longest')).toBe('30m 00s');
            expect(total(element, 'queuesOver')).toBe('1');
            const time = $(
                element,
                '[data-total="refreshedAt"] lightning-formatted-date-time'
            ) as Fixture;
            expect(time.value).toBe(NOW.getTime());
            expect(text($(element, '[data-id="target"]'))).toBe(
                'Wait target: 2m 00s'
            );
        });

        it('shows each queue: waiting, over target, longest wait and its state in words and an icon', async () => {
            const element = createBacklog();
            await showData(element);
            expect(queueCell(element, Q1, 'name')).toBe('Support EMEA');
            expect(queueCell(element, Q1, 'waiting')).toBe('5');
            expect(queueCell(element, Q1, 'overTarget')).toBe('4');
            expect(queueCell(element, Q1, 'longest')).toBe('30m 00s');
            expect(queueCell(element, Q1, 'state')).toBe('Over target');
            const icon = $(
                element,
                `tr[data-queue="${Q1}"] lightning-icon`
            ) as Fixture;
            expect(icon.iconName).toBe('utility:warning');
            expect(queueCell(element, Q2, 'longest')).toBe('1m 00s');
            expect(queueCell(element, Q2, 'state')).toBe('Within target');
            expect(
                $(element, `tr[data-queue="${Q2}"] lightning-icon`)
            ).toBeNull();
            expect(queueCell(element, 'agents', 'name')).toBe(
                'Assigned to agents'
            );
        });

        it('counts a queue it cannot name as "Queue hidden", never measuring sessions without a start time', async () => {
            const element = createBacklog();
            await showData(element);
            expect(queueCell(element, Q3, 'name')).toBe('Queue hidden');
            expect(queueCell(element, Q3, 'waiting')).toBe('2');
            expect(queueCell(element, Q3, 'longest')).toBe('Not known');
            expect(note(element, 'hiddenQueues')).toContain('1 queue(s)');
            // Its two sessions are in the total.
            expect(total(element, 'waiting')).toBe('10');
        });

        it('estimates time to clear per channel at the last hour pace, and says when a channel is not clearing', async () => {
            const element = createBacklog();
            await showData(element);
            expect(channelCell(element, `${WA}|WhatsApp`, 'name')).toBe(
                'WhatsApp Support'
            );
            expect(channelCell(element, `${WA}|WhatsApp`, 'waiting')).toBe('5');
            expect(channelCell(element, `${WA}|WhatsApp`, 'clear')).toBe(
                "~12 min at the last hour's pace"
            );
            expect(
                channelCell(element, '0Mj000000000002AAA|Text', 'clear')
            ).toBe('Not clearing: none accepted in the last hour');
            expect(channelCell(element, '|Facebook', 'name')).toBe(
                'Facebook Messenger'
            );
        });

        it('marks queue rows by data-queue and channel rows by data-channel, never both', async () => {
            const element = createBacklog();
            await showData(element);
            const rows = (table: string) =>
                $$(element, `table[data-id="${table}"] tbody tr`);
            expect(rows('queues').length).toBeGreaterThan(0);
            expect(rows('channels').length).toBeGreaterThan(0);
            for (const row of rows('queues')) {
                expect(row.getAttribute('data-queue')).toBeTruthy();
                expect(row.hasAttribute('data-channel')).toBe(false);
            }
            for (const row of rows('channels')) {
                expect(row.getAttribute('data-channel')).toBeTruthy();
                expect(row.hasAttribute('data-queue')).toBe(false);
            }
            expect($$(element, 'tr[data-queue]')).toHaveLength(
                rows('queues').length
            );
        });

        it('makes every longest wait tick once a second on one timer', async () => {
            const element = createBacklog();
            await showData(element);
            await advance(30_000);
            expect(total(element, 'longest')).toBe('30m 30s');
            expect(queueCell(element, Q1, 'longest')).toBe('30m 30s');
            expect(queueCell(element, Q2, 'longest')).toBe('1m 30s');
            await advance(1000);
            expect(queueCell(element, Q2, 'longest')).toBe('1m 31s');
        });
    });

    describe('going over target', () => {
        it('announces a queue once when it goes over target, politely', async () => {
            const element = createBacklog();
            await flush();
            const region = $(element, '[data-id="announcement"]')!;
            expect(region.getAttribute('aria-live')).toBe('polite');
            expect(announcement(element)).toBe('');
            graphqlAdapter.emit(clone(backlog), isFigures, refresh);
            await flush();
            expect(announcement(element)).toBe(
                'Over the wait target now: Support EMEA'
            );
            // Billing started at 10:29:00 with a 2-minute target: over after 10:31:00.
            await advance(60_000);
            expect(queueCell(element, Q2, 'state')).toBe('Within target');
            await advance(1000);
            expect(queueCell(element, Q2, 'state')).toBe('Over target');
            expect(announcement(element)).toBe(
                'Over the wait target now: Billing'
            );
            // Still over at the next refresh: nothing new to say.
            graphqlAdapter.emit(clone(backlog), isFigures, refresh);
            await advance(1000);
            expect(announcement(element)).toBe(
                'Over the wait target now: Billing'
            );
        });

        it('announces a queue again after it came back within target', async () => {
            const element = createBacklog();
            await showData(element);
            const calm = clone(backlog);
            calm.uiapi.aggregate.overTarget.edges = [];
            calm.uiapi.aggregate.waiting.edges =
                calm.uiapi.aggregate.waiting.edges.map((edge: Fixture) => {
                    edge.node.aggregate.StartTime.min.value =
                        '2026-03-15T10:29:50.000Z';
                    return edge;
                });
            graphqlAdapter.emit(calm, isFigures, refresh);
            await flush();
            expect(queueCell(element, Q1, 'state')).toBe('Within target');
            graphqlAdapter.emit(clone(backlog), isFigures, refresh);
            await flush();
            expect(announcement(element)).toBe(
                'Over the wait target now: Support EMEA'
            );
            expect(total(element, 'queuesOver')).toBe('1');
        });
    });

    describe('drill in', () => {
        it('publishes the chosen queue with the waiting statuses, oldest first', async () => {
            const element = createBacklog();
            await showData(element);
            const button = $(element, `tr[data-queue="${Q1}"] button`)!;
            expect(button.getAttribute('aria-label')).toBe(
                'Show the 5 sessions waiting in Support EMEA, oldest first'
            );
            button.click();
            expect(publish).toHaveBeenCalledWith(undefined, BACKLOG_DRILL_IN, {
                source: 'messagingBacklog',
                queueId: Q1,
                messagingChannelId: null,
                channelType: null,
                statuses: ['Waiting', 'New'],
                sortBy: 'StartTime',
                sortDirection: 'ASC',
                label: 'Support EMEA'
            });
        });

        it('publishes a channel by id and type, and a hidden queue by its id', async () => {
            const element = createBacklog();
            await showData(element);
            $(element, `tr[data-channel="${WA}|WhatsApp"] button`)!.click();
            expect(publish).toHaveBeenLastCalledWith(
                undefined,
                BACKLOG_DRILL_IN,
                {
                    source: 'messagingBacklog',
                    queueId: null,
                    messagingChannelId: WA,
                    channelType: 'WhatsApp',
                    statuses: ['Waiting', 'New'],
                    sortBy: 'StartTime',
                    sortDirection: 'ASC',
                    label: 'WhatsApp Support'
                }
            );
            $(element, `tr[data-queue="${Q3}"] button`)!.click();
            expect(publish).toHaveBeenLastCalledWith(
                undefined,
                BACKLOG_DRILL_IN,
                expect.objectContaining({ queueId: Q3, label: 'Queue hidden' })
            );
        });

        it('offers no drill-in for sessions owned by agents: they are in no queue', async () => {
            const element = createBacklog();
            await showData(element);
            expect($(element, 'tr[data-queue="agents"] button')).toBeNull();
            expect(publish).not.toHaveBeenCalled();
        });
    });

    describe('refresh', () => {
        it('moves the cut-offs on refresh, so the wire adapter makes the one request', async () => {
            const element = createBacklog();
            await showData(element);
            await advance(5000);
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(lastConfig().variables.overTargetWhere.and[1]).toEqual({
                StartTime: { lt: { value: '2026-03-15T10:28:05.000Z' } }
            });
            // Not both: new variables already make the request.
            expect(refresh).not.toHaveBeenCalled();
        });

        it('calls the wire result refresh when the cut-offs have not moved', async () => {
            const element = createBacklog();
            await showData(element);
            const before = JSON.stringify(lastConfig().variables);
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(JSON.stringify(lastConfig().variables)).toBe(before);
            expect(refresh).toHaveBeenCalledTimes(1);
        });

        it('makes one request for a burst of triggers, and refreshes on sessions-changed messages', async () => {
            const element = createBacklog();
            await showData(element);
            await advance(5000);
            const onChanged = subscriptionCallback(SESSIONS_CHANGED);
            onChanged({ reason: 'nonsense' });
            await advance(1000);
            const quiet = JSON.stringify(lastConfig().variables);
            expect(quiet).toContain('10:28:00.000Z');
            onChanged({ reason: 'sessionUpdated', source: 'x' });
            onChanged({ reason: 'sessionsChanged', source: 'y' });
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            const first = JSON.stringify(lastConfig().variables);
            expect(first).toContain('10:28:06.000Z');
            // Nothing asked since: nothing is sent, however time passes.
            await advance(5000);
            expect(JSON.stringify(lastConfig().variables)).toBe(first);
            expect(refresh).not.toHaveBeenCalled();
        });

        it('keeps a safety poll at the App Builder interval, and none at 0', async () => {
            createBacklog({ refreshIntervalSeconds: 30 });
            await flush();
            await advance(30_000 + 250);
            expect(lastConfig().variables.acceptedWhere).toEqual({
                AcceptTime: { gte: { value: '2026-03-15T09:30:30.000Z' } }
            });
            clearDocumentBody();
            createBacklog({ refreshIntervalSeconds: 0 });
            await flush();
            const before = JSON.stringify(lastConfig().variables);
            await advance(600_000);
            expect(JSON.stringify(lastConfig().variables)).toBe(before);
        });

        it('refreshes on MessagingSession change events where the org streams them', async () => {
            (isEmpEnabled as jest.Mock).mockResolvedValueOnce(true);
            (empSubscribe as jest.Mock).mockResolvedValueOnce({
                channel: '/data/MessagingSessionChangeEvent'
            });
            createBacklog({ refreshIntervalSeconds: 0 });
            await flush();
            expect(empSubscribe).toHaveBeenCalledWith(
                '/data/MessagingSessionChangeEvent',
                -1,
                expect.any(Function)
            );
            await advance(2000);
            (empSubscribe as jest.Mock).mock.calls[0][2]({});
            await advance(250);
            expect(lastConfig().variables.acceptedWhere).toEqual({
                AcceptTime: { gte: { value: '2026-03-15T09:30:02.000Z' } }
            });
            clearDocumentBody();
            expect(empUnsubscribe).toHaveBeenCalled();
        });

        it('stops every timer when removed', async () => {
            createBacklog();
            await flush();
            expect(jest.getTimerCount()).toBeGreaterThan(0);
            clearDocumentBody();
            expect(jest.getTimerCount()).toBe(0);
        });

        it('says so in words when a refresh fails', async () => {
            refresh = jest.fn(() =>
                Promise.reject({ status: 0, body: { message: 'offline' } })
            );
            const element = createBacklog();
            await showData(element);
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(errorText(element)).toContain('offline');
        });
    });

    describe('states', () => {
        it('is loading until the first figures arrive', async () => {
            const element = createBacklog();
            await flush();
            expect($(element, 'lightning-spinner')).not.toBeNull();
            expect($(element, '[data-id="totals"]')).toBeNull();
            graphqlAdapter.emit(clone(backlog), isFigures, refresh);
            await flush();
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('says that no one waiting is good news', async () => {
            const element = createBacklog();
            await showData(element, clone(emptyJson));
            expect(text($(element, '[data-id="empty"]'))).toBe(
                'No one is waiting: every customer has been picked up. Good news.'
            );
            expect(total(element, 'waiting')).toBe('0');
            expect(total(element, 'longest')).toBe('No one waiting');
            expect($(element, 'table')).toBeNull();
            expect(announcement(element)).toBe('');
            await expectAccessible(element);
        });

        it('shows an error in words, without figures', async () => {
            const element = createBacklog();
            await flush();
            graphqlAdapter.emitErrors(clone(errorsJson.access), isFigures);
            await flush();
            const alert = errorAlert(element)!;
            expect(alert.getAttribute('role')).toBe('alert');
            expect(text(alert)).toContain(
                "You don't have access to MessagingSession"
            );
            expect($(element, '[data-id="totals"]')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('asks again without names when the org refuses them, and still shows every figure', async () => {
            const element = createBacklog();
            await flush();
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isFigures
            );
            await flush();
            const { query, variables } = lastConfig();
            expect(query).toContain('query messagingBacklogFigures(');
            expect(query).not.toContain('Group(');
            expect(Object.keys(variables).sort()).toEqual([
                'acceptedWhere',
                'overTargetWhere',
                'waitingWhere'
            ]);
            expect($(element, '[data-id="error"]')).toBeNull();
            const figures = clone(backlog);
            delete figures.uiapi.query;
            graphqlAdapter.emit(figures, isFigures, refresh);
            await flush();
            expect(note(element, 'names')).toContain(
                'show as “Queue hidden” and channels by their type'
            );
            expect(queueCell(element, Q1, 'name')).toBe('Queue hidden');
            expect(total(element, 'waiting')).toBe('10');
            // A second refusal is an error, not a loop.
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isFigures
            );
            await flush();
            expect(errorText(element)).toContain("Field 'Group'");
        });

        it('reports unknown queue names by name, and still shows the others', async () => {
            const element = createBacklog({
                queues: 'Support_EMEA, Nope, bad name'
            });
            await flush();
            expect(
                configOf(isQueueLookup)!.variables.queueLookupWhere.and[1]
            ).toEqual({
                DeveloperName: { in: ['Support_EMEA', 'Nope'] }
            });
            const found = clone(queueIdsJson);
            found.uiapi.query.Group.edges.length = 1;
            await answerQueueLookup(found);
            expect(lastConfig().variables.waitingWhere.and[1]).toEqual({
                OwnerId: { in: [Q1] }
            });
            await showData(element);
            expect(note(element, 'unknownQueues')).toBe(
                "Unknown queue API names (they don't exist, or you can't see them): bad name, Nope."
            );
            expect(queueCell(element, Q1, 'waiting')).toBe('5');
        });

        it('keeps naming the chosen queues when the org refuses the names of the figures', async () => {
            const element = createBacklog({ queues: 'Support_EMEA' });
            const found = clone(queueIdsJson);
            found.uiapi.query.Group.edges.length = 1;
            await answerQueueLookup(found);
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isFigures
            );
            await flush();
            expect(lastConfig().query).toContain(
                'query messagingBacklogFigures('
            );
            expect(lastConfig().variables.waitingWhere.and[1]).toEqual({
                OwnerId: { in: [Q1] }
            });
            const figures = clone(backlog);
            delete figures.uiapi.query;
            graphqlAdapter.emit(figures, isFigures, refresh);
            await flush();
            expect(queueCell(element, Q1, 'name')).toBe('Support EMEA');
            expect(note(element, 'unknownQueues')).toBe('');
        });

        it('sends no figures request when no chosen queue exists, and names them all', async () => {
            const element = createBacklog({ queues: 'Nope, Gone' });
            const none = clone(queueIdsJson);
            none.uiapi.query.Group.edges = [];
            await answerQueueLookup(none);
            expect(configOf(isFigures)).toBeUndefined();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '[data-id="totals"]')).toBeNull();
            expect(note(element, 'unknownQueues')).toBe(
                "Unknown queue API names (they don't exist, or you can't see them): Nope, Gone."
            );
        });

        it('says so in words when the chosen queues cannot be looked up', async () => {
            const element = createBacklog({ queues: 'Support_EMEA' });
            await flush();
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isQueueLookup
            );
            await flush();
            expect(errorText(element)).toBe(
                "The chosen queues can't be looked up, so the backlog can't be limited to them: Validation error of type FieldUndefined: Field 'Group' in type 'RecordQuery' is undefined @ 'uiapi/query/Group'"
            );
            expect(configOf(isFigures)).toBeUndefined();
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('asks the look-up again on refresh after it failed, then shows the figures', async () => {
            const lookupRefresh = jest.fn(() => Promise.resolve());
            const element = createBacklog({ queues: 'Support_EMEA, Billing' });
            await flush();
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isQueueLookup,
                lookupRefresh
            );
            await flush();
            expect(errorText(element)).toContain("can't be looked up");
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(lookupRefresh).toHaveBeenCalledTimes(1);
            // The look-up answers this time: the error goes, the figures are asked for and shown.
            await answerQueueLookup();
            expect(errorAlert(element)).toBeNull();
            expect(lastConfig().variables.waitingWhere.and[1]).toEqual({
                OwnerId: { in: [Q1, Q2] }
            });
            await showData(element);
            expect(queueCell(element, Q1, 'waiting')).toBe('5');
        });

        it('says when asking the look-up again fails too', async () => {
            const element = createBacklog({ queues: 'Support_EMEA' });
            await flush();
            graphqlAdapter.emitErrors(
                clone(errorsJson.namesRefused),
                isQueueLookup,
                () =>
                    Promise.reject({ status: 0, body: { message: 'offline' } })
            );
            await flush();
            $(element, '[data-id="refresh"]')!.click();
            await advance(250);
            expect(errorText(element)).toContain("can't be looked up");
            expect(errorText(element)).toContain('offline');
        });

        it('sends nothing when no chosen queue name can be one, and says why', async () => {
            const element = createBacklog({ queues: 'bad name, also bad!' });
            await flush();
            expect(allConfigs().filter((config) => config.query)).toEqual([]);
            expect($(element, 'lightning-spinner')).toBeNull();
            expect(note(element, 'unknownQueues')).toContain(
                'bad name, also bad!'
            );
        });

        it('falls back to the default target on bad input, and says so', async () => {
            const element = createBacklog({ waitTargetSeconds: 'soon' });
            await showData(element);
            expect(note(element, 'target')).toBe(
                "The wait target “soon” isn't a positive number of seconds, so the default, 2m 00s, is used."
            );
            expect(lastConfig().variables.overTargetWhere.and[1]).toEqual({
                StartTime: { lt: { value: '2026-03-15T10:28:00.000Z' } }
            });
        });

        it('says when the figures are incomplete', async () => {
            const element = createBacklog();
            const data = clone(backlog);
            data.uiapi.aggregate.waiting.pageInfo.hasNextPage = true;
            await showData(element, data);
            expect(note(element, 'truncated')).toContain('2000');
        });

        it('lets each table scroll sideways inside a narrow column or the utility panel', async () => {
            const element = createBacklog({ compact: true });
            await showData(element);
            for (const table of ['queues', 'channels']) {
                const wrapper = $(
                    element,
                    `[data-id="${table}"]`
                )!.parentElement!;
                expect(wrapper.classList.contains('slds-scrollable_x')).toBe(
                    true
                );
            }
        });

        it('keeps the figures and the over-target state in compact mode', async () => {
            const element = createBacklog({ compact: true });
            await showData(element);
            expect($$(element, '[data-cell="overTarget"]')).toHaveLength(0);
            expect(queueCell(element, Q1, 'state')).toBe('Over target');
            expect(queueCell(element, Q1, 'waiting')).toBe('5');
            expect(channelCell(element, `${WA}|WhatsApp`, 'clear')).toBe(
                "~12 min at the last hour's pace"
            );
        });

        it('is accessible with figures', async () => {
            const element = createBacklog();
            await showData(element);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });
    });
});
