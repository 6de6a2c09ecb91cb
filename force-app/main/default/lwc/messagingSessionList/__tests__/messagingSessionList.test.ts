import MessagingSessionList from 'c/messagingSessionList';
import { gql, graphql } from 'lightning/graphql';
import {
    APPLICATION_SCOPE,
    publish,
    subscribe as lmsSubscribe,
    unsubscribe as lmsUnsubscribe
} from 'lightning/messageService';
import {
    isEmpEnabled,
    onError,
    subscribe as empSubscribe,
    unsubscribe as empUnsubscribe
} from 'lightning/empApi';
import {
    EnclosingTabId,
    IsConsoleNavigation,
    openSubtab,
    openTab
} from 'lightning/platformWorkspaceApi';
import BACKLOG_DRILL_IN from '@salesforce/messageChannel/MSC_BacklogDrillIn__c';
import SESSION_SELECTED from '@salesforce/messageChannel/MSC_MessagingSessionSelected__c';
import SESSIONS_CHANGED from '@salesforce/messageChannel/MSC_MessagingSessionsChanged__c';
import { startTimeWindowFilter } from 'c/messagingTime';
import {
    clearDocumentBody,
    flushMicrotasks,
    mountComponent,
    text
} from '../../../../../test/jest-utils/domHelpers';

import graphqlSessions from './data/graphqlSessions.json';
import graphqlSessionsPage2 from './data/graphqlSessionsPage2.json';
import graphqlEmpty from './data/graphqlEmpty.json';
import graphqlErrors from './data/graphqlErrors.json';
import graphqlSessionsHiddenFields from './data/graphqlSessionsHiddenFields.json';
import graphqlSessionsOpenStates from './data/graphqlSessionsOpenStates.json';
import backlogDrillIn from './data/backlogDrillIn.json';

jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const mockNavigate = jest.fn();
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageReference: unknown) {
                mockNavigate(pageReference);
            }
            [GenerateUrl]() {
                return Promise.resolve('https://example.com');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { ...actual, NavigationMixin, mockNavigate };
});

interface GraphqlAdapter {
    /** The refresh function the mock puts on every result unless a test passes its own. */
    refresh: jest.Mock;
    emit(data: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    emitErrors(
        errors: unknown,
        filter?: unknown,
        refresh?: () => Promise<void>
    ): void;
    getLastConfig(): { query: unknown; variables: Record<string, unknown> };
}
interface TestAdapter {
    emit(value: unknown): void;
}

const adapter = graphql as unknown as GraphqlAdapter;
const mockNavigate = (
    jest.requireMock('lightning/navigation') as { mockNavigate: jest.Mock }
).mockNavigate;
const USER = '005000000000000000';
const NOW = new Date('2026-11-20T09:10:00.000Z');
// Midnights in the Jest user's time zone (@salesforce/i18n/timeZone: America/Los_Angeles).
const TODAY_LA = '2026-11-20T08:00:00.000Z';
const LAST7_LA = '2026-11-14T08:00:00.000Z';
const LAST30_LA = '2026-10-22T07:00:00.000Z';
// gql runs once, when the component module loads; keep the query text it was given.
const gqlCall = (gql as unknown as jest.Mock).mock.calls[0] ?? [[]];
const queryText = String.raw(
    { raw: gqlCall[0] as string[] },
    ...(gqlCall.slice(1) as unknown[])
);

function flush(): Promise<void> {
    // Let the wire, message and empApi promises settle (a few microtask turns).
    return flushMicrotasks(6);
}

function createList(props: Record<string, unknown> = {}): HTMLElement {
    return mountComponent(
        'c-messaging-session-list',
        MessagingSessionList,
        props
    );
}

function variables(): Record<string, unknown> {
    return adapter.getLastConfig().variables;
}

function rows(element: HTMLElement): HTMLElement[] {
    return Array.from(
        element.shadowRoot!.querySelectorAll<HTMLElement>('li.session-row')
    );
}

/** A child component's shadow root, found in the list's shadow. */
function childRoot(element: HTMLElement, tag: string): ShadowRoot {
    return element.shadowRoot!.querySelector(tag)!.shadowRoot!;
}

/** A part of the filters (search, comboboxes, custom range, sort). */
function inFilters<E extends Element = HTMLElement>(
    element: HTMLElement,
    selector: string
): E | null {
    return childRoot(element, 'c-messaging-session-filters').querySelector<E>(
        selector
    );
}

/** A part of one row, inside its list item component. */
function inRow<E extends Element = HTMLElement>(
    row: HTMLElement,
    selector: string
): E | null {
    return row
        .querySelector('c-messaging-session-list-item')!
        .shadowRoot!.querySelector<E>(selector);
}

/** The text of one row, as its list item component shows it. */
function rowText(row: HTMLElement): string {
    return text(
        row.querySelector('c-messaging-session-list-item')!.shadowRoot!
            .firstElementChild
    );
}

/** A part of the error panel. */
function inErrorPanel(element: HTMLElement, selector: string): Element | null {
    return childRoot(element, 'c-messaging-error-panel').querySelector(
        selector
    );
}

function chip(element: HTMLElement, value: string): HTMLButtonElement {
    return childRoot(
        element,
        'c-messaging-status-chips'
    ).querySelector<HTMLButtonElement>(
        `button.status-chip[data-value="${value}"]`
    )!;
}

function chipText(element: HTMLElement, value: string): string {
    const button = chip(element, value);
    return `${text(button.querySelector('.chip-label'))} ${text(button.querySelector('.chip-count'))}`;
}

function change(element: HTMLElement, selector: string, value: string): void {
    const target = inFilters(element, selector)!;
    target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function loaded(
    props: Record<string, unknown> = {},
    refresh?: () => Promise<void>
): Promise<HTMLElement> {
    const element = createList(props);
    await flush();
    adapter.emit(graphqlSessions, undefined, refresh);
    await flush();
    return element;
}

describe('c-messaging-session-list', () => {
    beforeEach(() => {
        (isEmpEnabled as jest.Mock).mockResolvedValue(false);
        (empSubscribe as jest.Mock).mockResolvedValue({
            channel: '/data/MessagingSessionChangeEvent',
            id: 'sub1'
        });
    });

    afterEach(() => {
        clearDocumentBody();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('query', () => {
        it('sends one query whose text holds no values: filters, search, sort and paging are variables', () => {
            expect(queryText).toContain('query messagingSessionList(');
            for (const variable of [
                '$where',
                '$countWhere',
                '$orderBy',
                '$first',
                '$after',
                '$upperBound'
            ]) {
                expect(queryText).toContain(variable);
            }
            expect(queryText).toContain('aggregate {');
            expect(queryText).toContain('groupBy: { Status: { group: true } }');
            expect(queryText).toContain('totalCount');
            expect(queryText).not.toMatch(/like:|in: \[|eq: "/);
        });

        it('asks the status aggregate for every group, not the default first 10', () => {
            // GraphQL API query limits: "By default, the first 10 records are returned."
            const aggregate = queryText.slice(queryText.indexOf('aggregate {'));
            const args =
                /MessagingSession\(([^)]*)\)/.exec(aggregate)?.[1] ?? '';
            expect(args).toContain('groupBy: { Status: { group: true } }');
            expect(args).toMatch(/\bfirst: 2000\b/);
        });

        it('starts from the App Builder defaults', async () => {
            jest.useFakeTimers({ now: NOW });
            createList({
                defaultStatuses: 'Waiting,Active',
                defaultChannelType: 'WhatsApp',
                defaultScope: 'me',
                defaultTimeWindow: 'today',
                pageSize: 25
            });
            await flush();
            expect(variables()).toEqual({
                where: {
                    and: [
                        { Status: { in: ['Waiting', 'Active'] } },
                        { ChannelType: { in: ['WhatsApp'] } },
                        { OwnerId: { eq: USER } },
                        { StartTime: { gte: { value: TODAY_LA } } }
                    ]
                },
                countWhere: {
                    and: [
                        { ChannelType: { in: ['WhatsApp'] } },
                        { OwnerId: { eq: USER } },
                        { StartTime: { gte: { value: TODAY_LA } } }
                    ]
                },
                orderBy: { StartTime: { order: 'DESC', nulls: 'LAST' } },
                first: 25,
                after: null,
                upperBound: null
            });
        });

        it('survives bad App Builder input', async () => {
            const element = createList({
                defaultStatuses: "Escalated, Active' OR 1=1, ,",
                defaultScope: 'nobody',
                defaultTimeWindow: 'custom',
                pageSize: 'lots',
                refreshIntervalSeconds: 'often'
            });
            await flush();
            expect(variables()).toMatchObject({
                where: {
                    and: [
                        { Status: { in: ['Escalated'] } },
                        { OwnerId: { eq: USER } }
                    ]
                },
                first: 50
            });
            // The unknown default status still gets a chip, with its raw value, pressed.
            adapter.emit(graphqlEmpty);
            await flush();
            expect(
                chip(element, 'Escalated').getAttribute('aria-pressed')
            ).toBe('true');
            expect(chipText(element, 'Escalated')).toBe('Escalated 0');
        });

        it('caps the page size at 200', async () => {
            createList({ pageSize: 5000 });
            await flush();
            expect(variables().first).toBe(200);
        });

        it('sends every filter as a variable', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded({ defaultScope: 'all' });
            expect(variables().where).toEqual({});

            chip(element, 'Waiting').click();
            chip(element, 'Active').click();
            await flush();
            expect(variables().where).toEqual({
                Status: { in: ['Waiting', 'Active'] }
            });
            expect(variables().countWhere).toEqual({});

            chip(element, 'Waiting').click();
            change(element, '.channel-filter', 'Facebook');
            change(element, '.agent-type-filter', 'Bot');
            change(element, '.origin-filter', 'InboundInitiated');
            change(element, '.owner-filter', 'me');
            change(element, '.window-filter', 'last30');
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Active'] } },
                    { ChannelType: { in: ['Facebook'] } },
                    { AgentType: { in: ['Bot'] } },
                    { Origin: { in: ['InboundInitiated'] } },
                    { OwnerId: { eq: USER } },
                    { StartTime: { gte: { value: LAST30_LA } } }
                ]
            });

            change(element, '.channel-filter', '');
            change(element, '.agent-type-filter', '');
            change(element, '.origin-filter', '');
            change(element, '.owner-filter', 'all');
            change(element, '.window-filter', 'last7');
            chip(element, 'Active').click();
            await flush();
            // Today and the 6 days before, from midnight in the user's time zone.
            expect(variables().where).toEqual({
                StartTime: { gte: { value: LAST7_LA } }
            });
        });

        it('sends the one start-time window definition of the model, and states it in the help text', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded({ defaultScope: 'all' });
            const sent: unknown[] = [];
            const expected: unknown[] = [];
            for (const window of ['today', 'last7', 'last30']) {
                change(element, '.window-filter', window);
                // eslint-disable-next-line no-await-in-loop -- each window is one re-render, in order
                await flush();
                sent.push(variables().where);
                expected.push(
                    startTimeWindowFilter(window, null, null, {
                        now: NOW.getTime()
                    })
                );
            }
            expect(sent).toEqual(expected);
            expect(
                inFilters(element, '.window-filter')!.getAttribute(
                    'field-level-help'
                ) ??
                    (
                        inFilters(element, '.window-filter') as unknown as {
                            fieldLevelHelp: string;
                        }
                    ).fieldLevelHelp
            ).toBe(
                'By start time, in whole calendar days in your time zone (America/Los_Angeles). Today: since midnight. Last 7 days: today and the 6 days before. Last 30 days: today and the 29 days before. Custom: from the start of the first date to the end of the last.'
            );
        });

        it('moves the window when the day changes in the user time zone', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded({
                defaultScope: 'all',
                defaultTimeWindow: 'today',
                refreshIntervalSeconds: 0
            });
            expect(variables().where).toEqual({
                StartTime: { gte: { value: TODAY_LA } }
            });
            expect(rows(element).length).toBeGreaterThan(0);
            // Midnight in Los Angeles is 08:00 UTC; the open rows' clock ticks just after it.
            jest.setSystemTime(new Date('2026-11-21T08:00:00.500Z'));
            jest.advanceTimersByTime(1000);
            await flush();
            expect(variables().where).toEqual({
                StartTime: { gte: { value: '2026-11-21T08:00:00.000Z' } }
            });
        });

        it('sends the search text as a variable after a pause, never in the query', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded({ defaultScope: 'all' });
            const typed = `Grace" } ) { evil }`;
            change(element, '.search-input', typed);
            await flush();
            expect(variables().where).toEqual({});
            jest.advanceTimersByTime(300);
            await flush();
            const pattern = `%${typed}%`;
            expect(variables().where).toEqual({
                or: [
                    { Name: { like: pattern } },
                    { SessionKey: { like: pattern } },
                    { MessagingEndUser: { Name: { like: pattern } } }
                ]
            });
            expect(queryText).not.toContain('Grace');
        });

        it('applies a custom range, and flags a reversed one instead of sending it', async () => {
            const element = await loaded({ defaultScope: 'all' });
            change(element, '.window-filter', 'custom');
            await flush();
            change(element, '.custom-from', '2026-11-10');
            change(element, '.custom-to', '2026-11-12');
            await flush();
            // Whole days in the user's time zone, both dates included.
            expect(variables().where).toEqual({
                StartTime: {
                    gte: { value: '2026-11-10T08:00:00.000Z' },
                    lt: { value: '2026-11-13T08:00:00.000Z' }
                }
            });

            change(element, '.custom-from', '2026-11-20');
            await flush();
            expect(variables().where).toEqual({});
            expect(text(inFilters(element, '.range-problem'))).toBe(
                "The start date is after the end date, so the date range isn't applied."
            );
        });

        it('sorts on the server and starts again from the first page', async () => {
            const element = await loaded();
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.load-more'
                )!
                .click();
            await flush();
            expect(variables().after).toBe('djE6Mg==');

            change(element, '.sort-field', 'endUser');
            await flush();
            expect(variables()).toMatchObject({
                orderBy: {
                    MessagingEndUser: { Name: { order: 'DESC', nulls: 'LAST' } }
                },
                after: null
            });
            inFilters<HTMLElement>(element, '.sort-direction')!.click();
            await flush();
            expect(variables().orderBy).toEqual({
                MessagingEndUser: { Name: { order: 'ASC', nulls: 'LAST' } }
            });

            change(element, '.sort-field', 'DROP TABLE');
            await flush();
            expect(variables().orderBy).toEqual({
                MessagingEndUser: { Name: { order: 'ASC', nulls: 'LAST' } }
            });
        });
    });

    describe('rows and counts', () => {
        it('renders rows, status counts and the total', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded();
            const items = rows(element);
            expect(items).toHaveLength(3);
            expect(text(inRow(items[0], '.select-button'))).toBe(
                'Grace Hopper'
            );
            expect(text(inRow(items[0], '.slds-badge'))).toBe('Waiting');
            expect(text(inRow(items[0], '.row-detail'))).toBe(
                'MS-0001 · SMS · Support SMS'
            );
            expect(
                inRow(items[0], 'lightning-icon.channel-icon')!.getAttribute(
                    'title'
                )
            ).toBe('SMS');
            expect(text(inRow(items[0], '.row-preview'))).toBe(
                "Hi, my order hasn't arrived"
            );
            expect(text(inRow(items[1], '.row-case'))).toBe('Case 00001042');
            expect(text(inRow(items[1], '.row-owner'))).toBe(
                'Owner: Ada Agent'
            );

            expect(chipText(element, 'Waiting')).toBe('Waiting 1');
            expect(chipText(element, 'Ended')).toBe('Ended 2');
            expect(chipText(element, 'New')).toBe('New 0');
            expect(chipText(element, 'Escalated')).toBe('Escalated 1');
            expect(
                text(element.shadowRoot!.querySelector('.total-count'))
            ).toBe('Showing 3 of 5');
        });

        it('shows a queue owner as a queue, with the badge the detail uses', async () => {
            const element = await loaded();
            const [waiting, active] = rows(element);
            expect(text(inRow(waiting, '.row-owner'))).toBe(
                'Owner: Messaging Queue'
            );
            const badge = inRow(waiting, '.row-meta .queue-badge')!;
            expect(text(badge)).toBe('Queue');
            expect(badge.classList).toContain('slds-badge');
            expect(text(inRow(active, '.row-owner'))).toBe('Owner: Ada Agent');
            expect(inRow(active, '.queue-badge')).toBeNull();
            // Both union members are asked for, with __typename to tell them apart.
            const owner = queryText.slice(queryText.indexOf('Owner @optional'));
            expect(owner).toMatch(
                /^Owner @optional \{\s*__typename\s*\.\.\. on User \{\s*Id\s*Name @optional \{\s*value\s*\}\s*\}\s*\.\.\. on Group \{\s*Id\s*Name @optional \{\s*value\s*\}/
            );
        });

        it('reads an owner it may not see as hidden, and no owner as not set', async () => {
            const element = createList();
            await flush();
            adapter.emit(graphqlSessionsOpenStates);
            await flush();
            const owners = rows(element).map((row) =>
                text(inRow(row, '.row-owner'))
            );
            // Owner: null beside an OwnerId: the owner exists but is hidden from this user.
            expect(owners[0]).toBe('Owner hidden');
            // OwnerId null: there is no owner.
            expect(owners[4]).toBe('Owner: Not set');
        });

        it('shows partial data: no end user, case, preview; and flags EndTime before AcceptTime', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded();
            const [waiting, , ended] = rows(element);
            expect(text(inRow(ended, '.row-owner'))).toBe('Owner hidden');
            expect(inRow(waiting, '.row-case')).toBeNull();
            expect(text(inRow(ended, '.select-button'))).toBe(
                'Unknown messaging user'
            );
            expect(inRow(ended, '.row-preview')).toBeNull();
            expect(text(inRow(ended, '.row-flag'))).toBe(
                'Check times: the session ends before it was accepted.'
            );
            expect(inRow(ended, '.row-clock')).toBeNull();
            expect(rowText(ended)).not.toMatch(/Lasted|Active|Waiting/);
        });

        it('ticks the open rows with one timer for the whole list', async () => {
            jest.useFakeTimers({ now: NOW });
            // Polling is off, so the only timer left is the clock.
            const element = await loaded({ refreshIntervalSeconds: 0 });
            expect(jest.getTimerCount()).toBe(1);
            expect(text(inRow(rows(element)[0], '.row-clock'))).toBe(
                'Waiting for 5m 00s'
            );
            expect(text(inRow(rows(element)[1], '.row-clock'))).toBe(
                'Active for 17m 30s'
            );

            jest.advanceTimersByTime(65000);
            await flush();
            expect(text(inRow(rows(element)[0], '.row-clock'))).toBe(
                'Waiting for 6m 05s'
            );
            expect(text(inRow(rows(element)[1], '.row-clock'))).toBe(
                'Active for 18m 35s'
            );

            // More rows arrive: still the same single timer.
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.load-more'
                )!
                .click();
            await flush();
            adapter.emit(graphqlSessionsPage2);
            await flush();
            expect(rows(element)).toHaveLength(5);
            expect(jest.getTimerCount()).toBe(1);
            expect(text(inRow(rows(element)[4], '.row-clock'))).toBe(
                'Lasted 32m 00s'
            );
        });
    });

    describe('status-true durations and hidden fields', () => {
        it('names each open duration for what it is, beside its status badge', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = createList({ refreshIntervalSeconds: 0 });
            await flush();
            adapter.emit(graphqlSessionsOpenStates);
            await flush();
            const lines = rows(element).map(
                (row) =>
                    `${text(inRow(row, '.row-body .slds-badge'))}: ${text(inRow(row, '.row-clock'))}`
            );
            expect(lines).toEqual([
                // Accepted long ago, paused now: no field says since when, so "open for".
                'Paused: Open for 1h 10m',
                'Inactive: Open for 2h 10m',
                // Back in a queue after being accepted: not "waiting for" since the start.
                'Waiting: Open for 40m 00s',
                // A bot session: Active, never accepted by an agent.
                'Active: Open for 10m 00s',
                'Waiting: Waiting for 3m 00s'
            ]);
            expect(text(element)).not.toMatch(/Active for|Paused for/);
        });

        it('says which optional fields the server left out and why, and shows the rest', async () => {
            const element = createList();
            await flush();
            adapter.emit(graphqlSessionsHiddenFields);
            await flush();
            expect(
                text(element.shadowRoot!.querySelector('.hidden-fields'))
            ).toBe(
                "Not shown, because your access doesn't include them: Preview, Owner, Case number"
            );
            const [row] = rows(element);
            expect(text(inRow(row, '.select-button'))).toBe('Grace Hopper');
            expect(text(inRow(row, '.row-owner'))).toBe('Owner hidden');
            expect(inRow(row, '.row-preview')).toBeNull();
            expect(inRow(row, '.row-case')).toBeNull();
            expect(text(inRow(row, '.row-detail'))).toBe(
                'MS-0001 · SMS · Support SMS'
            );
        });

        it('marks the fields a user may be denied as @optional, at every level', () => {
            for (const field of [
                'PreviewDetails @optional {',
                'OwnerId @optional {',
                'Owner @optional {',
                'MessagingEndUser @optional {',
                'Case @optional {',
                'CaseNumber @optional {'
            ]) {
                expect(queryText).toContain(field);
            }
            // User.Name, Group.Name and MessagingEndUser.Name.
            expect(queryText.match(/\sName @optional \{/g)?.length).toBe(3);
        });

        it('shows no hidden-fields notice when every field came back', async () => {
            const element = await loaded();
            expect(
                element.shadowRoot!.querySelector('.hidden-fields')
            ).toBeNull();
        });
    });

    describe('paging', () => {
        it('loads the next page with the cursor, merges it without duplicates and hides "load more" at the end', async () => {
            const element = await loaded({ pageSize: 3 });
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.load-more'
                )!
                .click();
            await flush();
            expect(variables()).toMatchObject({
                after: 'djE6Mg==',
                first: 3,
                upperBound: null
            });

            adapter.emit(graphqlSessionsPage2);
            await flush();
            const items = rows(element);
            expect(items.map((item) => item.dataset.id)).toEqual([
                '0Mw5g000000AbC1CAK',
                '0Mw5g000000AbC2CAK',
                '0Mw5g000000AbC3CAK',
                '0Mw5g000000AbC4CAK',
                '0Mw5g000000AbC5CAK'
            ]);
            expect(text(inRow(items[2], '.row-owner'))).toBe('Owner: Bo Bot');
            expect(text(inRow(items[3], '.slds-badge'))).toBe('Escalated');
            expect(
                inRow(items[3], 'lightning-icon.channel-icon')!.getAttribute(
                    'title'
                )
            ).toBe('Telepathy');
            expect(
                element.shadowRoot!.querySelector('lightning-button.load-more')
            ).toBeNull();
            expect(
                text(element.shadowRoot!.querySelector('.total-count'))
            ).toBe('5 sessions');
        });

        it('loads more when the list is scrolled to its end', async () => {
            const element = await loaded();
            const scroller =
                element.shadowRoot!.querySelector<HTMLElement>(
                    '.list-scroller'
                )!;
            Object.defineProperty(scroller, 'scrollHeight', {
                value: 1000,
                configurable: true
            });
            Object.defineProperty(scroller, 'clientHeight', {
                value: 400,
                configurable: true
            });
            scroller.scrollTop = 100;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(variables().after).toBeNull();
            scroller.scrollTop = 580;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(variables().after).toBe('djE6Mg==');
        });

        it('refresh starts again from the first page and replaces the rows: no duplicates', async () => {
            const refresh = jest.fn(() => Promise.resolve());
            const element = await loaded({}, refresh);
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.load-more'
                )!
                .click();
            await flush();
            adapter.emit(graphqlSessionsPage2, undefined, refresh);
            await flush();
            expect(rows(element)).toHaveLength(5);

            element
                .shadowRoot!.querySelector<HTMLElement>('.refresh-button')!
                .click();
            await flush();
            expect(variables().after).toBeNull();
            adapter.emit(graphqlSessions, undefined, refresh);
            await flush();
            // Back on the first page, the result is refreshed from the server.
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(rows(element)).toHaveLength(3);
            adapter.emit(graphqlSessions, undefined, refresh);
            await flush();
            const ids = rows(element).map((item) => item.dataset.id);
            expect(new Set(ids).size).toBe(ids.length);
        });

        it('refreshes in place through the refresh function on the wire result', async () => {
            const element = await loaded();
            expect(adapter.refresh).not.toHaveBeenCalled();
            element
                .shadowRoot!.querySelector<HTMLElement>('.refresh-button')!
                .click();
            await flush();
            expect(adapter.refresh).toHaveBeenCalledTimes(1);
        });

        it('shows a refresh that fails, keeping the rows', async () => {
            const refresh = jest.fn(() =>
                Promise.reject({ errors: [{ message: 'Server unavailable' }] })
            );
            const element = await loaded({}, refresh);
            element
                .shadowRoot!.querySelector<HTMLElement>('.refresh-button')!
                .click();
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(text(inErrorPanel(element, '.message'))).toContain(
                'Server unavailable'
            );
        });
    });

    describe('selection and navigation', () => {
        it('publishes the selected session and marks the row', async () => {
            const element = await loaded();
            inRow<HTMLElement>(rows(element)[1], '.select-button')!.click();
            await flush();
            expect(publish).toHaveBeenCalledWith(undefined, SESSION_SELECTED, {
                recordId: '0Mw5g000000AbC2CAK',
                source: 'messagingSessionList'
            });
            expect(
                inRow(rows(element)[1], '.select-button')!.getAttribute(
                    'aria-current'
                )
            ).toBe('true');
            expect(openTab).not.toHaveBeenCalled();
            expect(mockNavigate).not.toHaveBeenCalled();
        });

        it('navigates to the record page with NavigationMixin outside a console', async () => {
            const element = await loaded();
            (IsConsoleNavigation as unknown as TestAdapter).emit(false);
            await flush();
            inRow<HTMLElement>(rows(element)[0], '.open-button')!.click();
            await flush();
            expect(mockNavigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: {
                    recordId: '0Mw5g000000AbC1CAK',
                    objectApiName: 'MessagingSession',
                    actionName: 'view'
                }
            });
            expect(openTab).not.toHaveBeenCalled();
        });

        it('by default, choosing a row in a console updates the components beside it and opens no tab', async () => {
            const element = await loaded();
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            await flush();
            inRow<HTMLElement>(rows(element)[0], '.select-button')!.click();
            await flush();
            expect(publish).toHaveBeenCalledWith(
                undefined,
                SESSION_SELECTED,
                expect.objectContaining({ recordId: '0Mw5g000000AbC1CAK' })
            );
            expect(openTab).not.toHaveBeenCalled();
            expect(mockNavigate).not.toHaveBeenCalled();
        });

        it('opens a workspace tab on select in openTab mode (the utility bar)', async () => {
            const element = await loaded({ selectionMode: 'openTab' });
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            await flush();
            inRow<HTMLElement>(rows(element)[0], '.select-button')!.click();
            await flush();
            expect(openTab).toHaveBeenCalledWith({
                recordId: '0Mw5g000000AbC1CAK',
                focus: true
            });
            expect(publish).toHaveBeenCalledWith(
                undefined,
                SESSION_SELECTED,
                expect.objectContaining({ recordId: '0Mw5g000000AbC1CAK' })
            );
        });

        it('treats an unknown selection mode as publish', async () => {
            const element = await loaded({ selectionMode: 'teleport' });
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            await flush();
            inRow<HTMLElement>(rows(element)[0], '.select-button')!.click();
            await flush();
            expect(publish).toHaveBeenCalledTimes(1);
            expect(openTab).not.toHaveBeenCalled();
        });

        it('opens a tab with the Open button or Enter on the focused row, in any mode', async () => {
            const element = await loaded({ selectionMode: 'publish' });
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            await flush();
            inRow<HTMLElement>(rows(element)[1], '.open-button')!.click();
            await flush();
            expect(openTab).toHaveBeenLastCalledWith({
                recordId: '0Mw5g000000AbC2CAK',
                focus: true
            });

            const name = inRow<HTMLElement>(
                rows(element)[0],
                '.select-button'
            )!;
            const enter = new KeyboardEvent('keydown', {
                key: 'Enter',
                bubbles: true,
                cancelable: true
            });
            name.dispatchEvent(enter);
            await flush();
            expect(enter.defaultPrevented).toBe(true);
            expect(openTab).toHaveBeenLastCalledWith({
                recordId: '0Mw5g000000AbC1CAK',
                focus: true
            });
            expect(publish).toHaveBeenLastCalledWith(
                undefined,
                SESSION_SELECTED,
                expect.objectContaining({ recordId: '0Mw5g000000AbC1CAK' })
            );
            // Other keys select as a click would, and open nothing.
            name.dispatchEvent(
                new KeyboardEvent('keydown', { key: ' ', bubbles: true })
            );
            await flush();
            expect(openTab).toHaveBeenCalledTimes(2);
            expect(mockNavigate).not.toHaveBeenCalled();
        });

        it('opens a subtab of the enclosing workspace tab', async () => {
            const element = await loaded();
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            (EnclosingTabId as unknown as TestAdapter).emit('tab7');
            await flush();
            inRow<HTMLElement>(rows(element)[1], '.open-button')!.click();
            await flush();
            expect(openSubtab).toHaveBeenCalledWith('tab7', {
                recordId: '0Mw5g000000AbC2CAK',
                focus: true
            });
            expect(openTab).not.toHaveBeenCalled();
        });

        it('falls back to navigation when the workspace API fails', async () => {
            (openTab as jest.Mock).mockRejectedValueOnce(
                new Error('Not in a console')
            );
            const element = await loaded();
            (IsConsoleNavigation as unknown as TestAdapter).emit(true);
            await flush();
            inRow<HTMLElement>(rows(element)[0], '.open-button')!.click();
            await flush();
            expect(mockNavigate).toHaveBeenCalledTimes(1);
        });
    });

    describe('live updates', () => {
        it('subscribes to MessagingSessionChangeEvent when empApi is enabled, and unsubscribes on disconnect', async () => {
            jest.useFakeTimers({ now: NOW });
            (isEmpEnabled as jest.Mock).mockResolvedValue(true);
            const refresh = jest.fn(() => Promise.resolve());
            const element = await loaded({}, refresh);
            expect(empSubscribe).toHaveBeenCalledWith(
                '/data/MessagingSessionChangeEvent',
                -1,
                expect.any(Function)
            );
            expect(onError).toHaveBeenCalled();
            expect(text(element.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Live updates, rechecked every 300 seconds'
            );

            const onEvent = (empSubscribe as jest.Mock).mock.calls[0][2] as (
                message: unknown
            ) => void;
            const event = (id: string) => ({
                channel: '/data/MessagingSessionChangeEvent',
                data: {
                    payload: {
                        ChangeEventHeader: {
                            recordIds: [id],
                            changeType: 'UPDATE'
                        }
                    },
                    event: { replayId: 1 }
                }
            });
            // A burst of five changes: one publish, one refetch.
            ['a1', 'a2', 'a3', 'a1', 'a4'].forEach((id) => onEvent(event(id)));
            expect(refresh).not.toHaveBeenCalled();
            jest.advanceTimersByTime(250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(publish).toHaveBeenCalledTimes(1);
            expect(publish).toHaveBeenCalledWith(undefined, SESSIONS_CHANGED, {
                reason: 'sessionsChanged',
                source: 'messagingSessionList',
                recordIds: ['a1', 'a2', 'a3', 'a4']
            });
            // Another change right after waits out the interval.
            onEvent(event('a5'));
            jest.advanceTimersByTime(2000);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            jest.advanceTimersByTime(1000);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            expect(empUnsubscribe).toHaveBeenCalledWith({
                channel: '/data/MessagingSessionChangeEvent',
                id: 'sub1'
            });
        });

        it('falls back to polling at the App Builder interval and stops on disconnect', async () => {
            jest.useFakeTimers({ now: NOW });
            // Like the platform, refresh() delivers the server's answer to the wire before resolving.
            let serverData: unknown = graphqlSessions;
            const refresh: jest.Mock<Promise<void>, []> = jest.fn(() => {
                adapter.emit(serverData, undefined, refresh);
                return Promise.resolve();
            });
            const element = await loaded(
                { refreshIntervalSeconds: 30 },
                refresh
            );
            expect(empSubscribe).not.toHaveBeenCalled();
            expect(text(element.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Refreshes every 30 seconds'
            );

            jest.advanceTimersByTime(29000);
            await flush();
            expect(refresh).not.toHaveBeenCalled();
            jest.advanceTimersByTime(1000 + 250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            // A poll that brings nothing new publishes nothing.
            expect(publish).not.toHaveBeenCalled();

            // A poll that brings changes tells the other components.
            serverData = graphqlSessionsPage2;
            jest.advanceTimersByTime(30000 + 250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(2);
            expect(rows(element).map((item) => item.dataset.id)).toEqual([
                '0Mw5g000000AbC3CAK',
                '0Mw5g000000AbC4CAK',
                '0Mw5g000000AbC5CAK'
            ]);
            expect(publish).toHaveBeenCalledTimes(1);
            expect(publish).toHaveBeenCalledWith(undefined, SESSIONS_CHANGED, {
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });

            expect(jest.getTimerCount()).toBeGreaterThan(0);
            document.body.removeChild(element);
            expect(jest.getTimerCount()).toBe(0);
            jest.advanceTimersByTime(120000);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(2);
        });

        it('falls back to polling when the subscription fails or empApi reports an error', async () => {
            jest.useFakeTimers({ now: NOW });
            (isEmpEnabled as jest.Mock).mockResolvedValue(true);
            (empSubscribe as jest.Mock).mockRejectedValueOnce(
                new Error('Channel not found')
            );
            const element = await loaded({ refreshIntervalSeconds: 20 });
            expect(text(element.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Refreshes every 20 seconds'
            );

            document.body.removeChild(element);
            (empSubscribe as jest.Mock).mockResolvedValue({
                channel: '/data/MessagingSessionChangeEvent',
                id: 'sub2'
            });
            const second = await loaded({
                refreshIntervalSeconds: 20,
                safetyRefreshIntervalSeconds: 0
            });
            expect(text(second.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Live updates'
            );
            const onEmpError = (onError as jest.Mock).mock.calls.at(-1)![0] as (
                error: unknown
            ) => void;
            onEmpError({ error: 'connection lost' });
            await flush();
            expect(text(second.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Refreshes every 20 seconds'
            );
        });

        it('keeps a slow safety poll while subscribed, since change events may never come', async () => {
            jest.useFakeTimers({ now: NOW });
            (isEmpEnabled as jest.Mock).mockResolvedValue(true);
            let serverData: unknown = graphqlSessions;
            const refresh: jest.Mock<Promise<void>, []> = jest.fn(() => {
                adapter.emit(serverData, undefined, refresh);
                return Promise.resolve();
            });
            const element = await loaded(
                { safetyRefreshIntervalSeconds: 120 },
                refresh
            );
            expect(text(element.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Live updates, rechecked every 120 seconds'
            );
            jest.advanceTimersByTime(119000);
            await flush();
            expect(refresh).not.toHaveBeenCalled();
            // No change event arrived, yet a session changed: the safety poll finds it and says so.
            serverData = graphqlSessionsPage2;
            jest.advanceTimersByTime(1000 + 250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(publish).toHaveBeenCalledWith(undefined, SESSIONS_CHANGED, {
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            document.body.removeChild(element);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('polls every 300 seconds by default while subscribed, and not at all when set to 0', async () => {
            jest.useFakeTimers({ now: NOW });
            (isEmpEnabled as jest.Mock).mockResolvedValue(true);
            const refresh = jest.fn(() => Promise.resolve());
            const element = await loaded(
                { refreshIntervalSeconds: 0 },
                refresh
            );
            jest.advanceTimersByTime(299000);
            await flush();
            expect(refresh).not.toHaveBeenCalled();
            jest.advanceTimersByTime(1000 + 250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            document.body.removeChild(element);

            const off = jest.fn(() => Promise.resolve());
            const quiet = await loaded(
                { refreshIntervalSeconds: 0, safetyRefreshIntervalSeconds: 0 },
                off
            );
            jest.advanceTimersByTime(3600000);
            await flush();
            expect(off).not.toHaveBeenCalled();
            expect(text(quiet.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Live updates'
            );
        });

        it('can have polling turned off', async () => {
            const element = await loaded({ refreshIntervalSeconds: 0 });
            expect(text(element.shadowRoot!.querySelector('.live-mode'))).toBe(
                'Refresh manually'
            );
        });

        it('refetches when another component says sessions changed, but not for its own messages', async () => {
            jest.useFakeTimers({ now: NOW });
            const refresh = jest.fn(() => Promise.resolve());
            await loaded({ refreshIntervalSeconds: 0 }, refresh);
            expect(lmsSubscribe).toHaveBeenCalledWith(
                undefined,
                SESSIONS_CHANGED,
                expect.any(Function)
            );
            const listener = (lmsSubscribe as jest.Mock).mock.calls[0][2] as (
                message: unknown
            ) => void;
            listener({
                reason: 'sessionsChanged',
                source: 'messagingSessionList'
            });
            listener({ reason: 'bogus', source: 'x' });
            jest.advanceTimersByTime(5000);
            await flush();
            expect(refresh).not.toHaveBeenCalled();
            listener({
                reason: 'conversationStarted',
                source: 'messagingStartConversation'
            });
            listener({
                reason: 'sessionUpdated',
                source: 'messagingSessionDetail',
                recordIds: ['x']
            });
            jest.advanceTimersByTime(250);
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(publish).not.toHaveBeenCalled();
        });
    });

    describe('backlog drill-in', () => {
        const queueMessage = backlogDrillIn;
        const QUEUE = queueMessage.queueId;
        const CHANNEL = '0Mj5g000000Ch01CAA';
        const DEFAULTS = {
            defaultStatuses: 'Active,Paused',
            defaultScope: 'me',
            defaultTimeWindow: 'today'
        };

        /** The listener the list gave the message service for MSC_BacklogDrillIn__c. */
        function drillInListener(): (message: unknown) => void {
            const call = (lmsSubscribe as jest.Mock).mock.calls.find(
                (args: unknown[]) => args[1] === BACKLOG_DRILL_IN
            );
            expect(call).toBeDefined();
            return call![2] as (message: unknown) => void;
        }

        function drillInText(element: HTMLElement): string {
            return text(element.shadowRoot!.querySelector('.drill-in-text'));
        }

        function combobox(
            element: HTMLElement,
            selector: string
        ): HTMLElement & {
            value: string;
            options: Array<{ label: string; value: string }>;
        } {
            return inFilters(element, selector)! as ReturnType<typeof combobox>;
        }

        it('subscribes in application scope, so a backlog anywhere in the app reaches it, and unsubscribes on disconnect', async () => {
            (lmsSubscribe as jest.Mock).mockImplementation(
                (_context: unknown, channel: unknown) => ({ channel })
            );
            try {
                const element = await loaded();
                expect(lmsSubscribe).toHaveBeenCalledWith(
                    undefined,
                    BACKLOG_DRILL_IN,
                    expect.any(Function),
                    { scope: APPLICATION_SCOPE }
                );
                document.body.removeChild(element);
                expect(lmsUnsubscribe).toHaveBeenCalledWith({
                    channel: BACKLOG_DRILL_IN
                });
                expect(lmsUnsubscribe).toHaveBeenCalledWith({
                    channel: SESSIONS_CHANGED
                });
            } finally {
                (lmsSubscribe as jest.Mock).mockReset();
            }
        });

        it("shows exactly a queue's waiting sessions, oldest first, in any time window and without search, from the first page", async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded({ ...DEFAULTS, pageSize: 3 });
            change(element, '.search-input', 'ada');
            jest.advanceTimersByTime(300);
            await flush();
            adapter.emit(graphqlSessions);
            await flush();
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.load-more'
                )!
                .click();
            await flush();
            expect(variables().after).toBe('djE6Mg==');

            drillInListener()(queueMessage);
            await flush();
            expect(variables()).toEqual({
                where: {
                    and: [
                        { Status: { in: ['Waiting', 'New'] } },
                        { OwnerId: { eq: QUEUE } }
                    ]
                },
                countWhere: { OwnerId: { eq: QUEUE } },
                orderBy: { StartTime: { order: 'ASC', nulls: 'LAST' } },
                first: 3,
                after: null,
                upperBound: null
            });
            expect(
                inFilters<HTMLInputElement>(element, '.search-input')!.value
            ).toBe('');
            adapter.emit(graphqlSessions);
            await flush();
            expect(drillInText(element)).toBe(
                'Waiting in Support EMEA, oldest first'
            );
            expect(
                element
                    .shadowRoot!.querySelector('.drill-in')!
                    .getAttribute('role')
            ).toBe('status');
            // The owner filter says which queue it shows.
            const owner = combobox(element, '.owner-filter');
            expect(owner.value).toBe('queue');
            expect(owner.options).toContainEqual({
                label: 'Queue: Support EMEA',
                value: 'queue'
            });
            expect(combobox(element, '.window-filter').value).toBe('any');
            expect(chip(element, 'Waiting').getAttribute('aria-pressed')).toBe(
                'true'
            );
            expect(chip(element, 'New').getAttribute('aria-pressed')).toBe(
                'true'
            );
            expect(chip(element, 'Active').getAttribute('aria-pressed')).toBe(
                'false'
            );
            expect(
                inFilters(element, '.sort-direction')!.getAttribute('title')
            ).toBe('Sorted ascending. Sort descending');
        });

        it("shows a channel's waiting sessions by messaging channel and channel type", async () => {
            const element = await loaded({ defaultScope: 'me' });
            drillInListener()({
                ...queueMessage,
                queueId: null,
                messagingChannelId: CHANNEL,
                channelType: 'WhatsApp',
                statuses: ['Waiting'],
                label: 'WhatsApp EU'
            });
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Waiting'] } },
                    { ChannelType: { in: ['WhatsApp'] } },
                    { MessagingChannelId: { eq: CHANNEL } }
                ]
            });
            expect(variables().orderBy).toEqual({
                StartTime: { order: 'ASC', nulls: 'LAST' }
            });
            // Everyone's sessions: a channel's waiting sessions belong to queues, not to me.
            expect(combobox(element, '.owner-filter').value).toBe('all');
            expect(combobox(element, '.channel-filter').value).toBe('WhatsApp');
            adapter.emit(graphqlSessions);
            await flush();
            expect(drillInText(element)).toBe(
                'Waiting in WhatsApp EU, oldest first'
            );

            // Choosing another channel type replaces the backlog's channel, and the notice goes.
            change(element, '.channel-filter', 'Text');
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Waiting'] } },
                    { ChannelType: { in: ['Text'] } }
                ]
            });
            expect(element.shadowRoot!.querySelector('.drill-in')).toBeNull();
        });

        it('clears the backlog filter back to the App Builder defaults', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = await loaded(DEFAULTS);
            const defaults = variables();
            drillInListener()(queueMessage);
            await flush();
            adapter.emit(graphqlSessions);
            await flush();
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.clear-drill-in'
                )!
                .click();
            await flush();
            expect(variables()).toEqual(defaults);
            expect(element.shadowRoot!.querySelector('.drill-in')).toBeNull();
            expect(combobox(element, '.owner-filter').value).toBe('me');
            expect(
                combobox(element, '.owner-filter').options.map(
                    (option) => option.value
                )
            ).toEqual(['me', 'all']);
        });

        it('choosing an owner scope ends the queue filter; other filters keep it', async () => {
            const element = await loaded({ defaultScope: 'me' });
            drillInListener()(queueMessage);
            await flush();
            adapter.emit(graphqlSessions);
            await flush();
            chip(element, 'New').click();
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Waiting'] } },
                    { OwnerId: { eq: QUEUE } }
                ]
            });
            expect(drillInText(element)).toBe(
                'Waiting in Support EMEA, oldest first'
            );
            change(element, '.owner-filter', 'queue');
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Waiting'] } },
                    { OwnerId: { eq: QUEUE } }
                ]
            });
            change(element, '.owner-filter', 'me');
            await flush();
            expect(variables().where).toEqual({
                and: [
                    { Status: { in: ['Waiting'] } },
                    { OwnerId: { eq: USER } }
                ]
            });
            expect(element.shadowRoot!.querySelector('.drill-in')).toBeNull();
        });

        it('ignores a message that names no queue or channel, and keeps its list', async () => {
            await loaded({ defaultScope: 'me' });
            const before = variables();
            const listener = drillInListener();
            listener(null);
            listener({ queueId: 'not an id', label: 'x' });
            listener({ ...queueMessage, queueId: null });
            await flush();
            expect(variables()).toBe(before);
        });

        it('is accessible with the backlog filter shown', async () => {
            const element = await loaded();
            drillInListener()(queueMessage);
            await flush();
            adapter.emit(graphqlSessions);
            await flush();
            expect(drillInText(element)).not.toBe('');
            await expect(element).toBeAccessible();
        });
    });

    describe('states', () => {
        it('shows a spinner while loading', async () => {
            const element = createList();
            await flush();
            expect(
                element.shadowRoot!.querySelector('lightning-spinner')
            ).not.toBeNull();
            expect(
                element
                    .shadowRoot!.querySelector('article')!
                    .getAttribute('aria-busy')
            ).toBe('true');
            adapter.emit(graphqlSessions);
            await flush();
            expect(
                element.shadowRoot!.querySelector('lightning-spinner')
            ).toBeNull();
            expect(
                element
                    .shadowRoot!.querySelector('article')!
                    .getAttribute('aria-busy')
            ).toBe('false');
        });

        it('shows the empty state with a "clear filters" action that resets every filter', async () => {
            jest.useFakeTimers({ now: NOW });
            const element = createList({
                defaultStatuses: 'Paused',
                defaultScope: 'me',
                defaultTimeWindow: 'last7'
            });
            await flush();
            change(element, '.search-input', 'nobody');
            jest.advanceTimersByTime(300);
            await flush();
            adapter.emit(graphqlEmpty);
            await flush();
            expect(
                text(element.shadowRoot!.querySelector('.empty-state'))
            ).toContain('No sessions match these filters.');
            expect(rows(element)).toHaveLength(0);
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.clear-filters'
                )!
                .click();
            await flush();
            expect(variables().where).toEqual({});
            expect(
                inFilters<HTMLInputElement>(element, '.search-input')!.value
            ).toBe('');
        });

        it('shows a readable error (for example, no access to MessagingSession) with a retry', async () => {
            const element = createList();
            await flush();
            const refresh = jest.fn(() => Promise.resolve());
            adapter.emitErrors(graphqlErrors.errors, undefined, refresh);
            await flush();
            expect(text(inErrorPanel(element, '.heading'))).toContain(
                "Sessions couldn't be loaded."
            );
            expect(inErrorPanel(element, '[role="alert"]')).not.toBeNull();
            expect(text(inErrorPanel(element, '.message'))).toBe(
                'Cannot query field "MessagingSession" on type "RecordQuery".'
            );
            expect(rows(element)).toHaveLength(0);
            element
                .shadowRoot!.querySelector<HTMLElement>(
                    'lightning-button.retry-button'
                )!
                .click();
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            adapter.emit(graphqlSessions);
            await flush();
            expect(
                element.shadowRoot!.querySelector('.error-state')
            ).toBeNull();
            expect(rows(element)).toHaveLength(3);
        });

        it('shows rows with a warning when GraphQL returns data and errors together', async () => {
            const element = createList();
            await flush();
            // emit() wraps data alone; the test adapter underneath the stub can send both.
            let base = graphql as unknown as object;
            while (Object.prototype.hasOwnProperty.call(base, 'emitErrors')) {
                base = Object.getPrototypeOf(base) as object;
            }
            const testAdapter = base as { emit: (value: unknown) => void };
            testAdapter.emit.call(graphql, {
                data: graphqlSessions,
                errors: [{ message: 'PreviewDetails is not accessible.' }]
            });
            await flush();
            expect(rows(element)).toHaveLength(3);
            expect(text(element.shadowRoot!.querySelector('.warning'))).toBe(
                "Some session details couldn't be loaded. PreviewDetails is not accessible."
            );
        });

        it('folds the secondary filters in compact mode', async () => {
            const element = await loaded({ compact: true });
            expect(inFilters(element, '.channel-filter')).toBeNull();
            expect(
                element.shadowRoot!.querySelector('article')!.className
            ).toContain('session-list_compact');
            const toggle =
                element.shadowRoot!.querySelector<HTMLElement>(
                    '.filters-toggle'
                )!;
            expect(toggle.getAttribute('aria-expanded')).toBe('false');
            toggle.click();
            await flush();
            expect(inFilters(element, '.channel-filter')).not.toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible with rows', async () => {
            const element = await loaded();
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty, in error and in compact mode', async () => {
            const empty = createList();
            await flush();
            adapter.emit(graphqlEmpty);
            await flush();
            await expect(empty).toBeAccessible();
            document.body.removeChild(empty);

            const failed = createList({ compact: true });
            await flush();
            adapter.emitErrors(graphqlErrors.errors);
            await flush();
            await expect(failed).toBeAccessible();
        });
    });
});
