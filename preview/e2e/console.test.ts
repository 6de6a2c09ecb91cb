/**
 * End-to-end tests of the console in Chromium: the real components, bundled with LWC OSS, against
 * the preview data server. Every expected value is computed here with SQL on the test database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { I18N_FALLBACK, ROOT } from '../build/bundle';
import { readLabels } from '../../scripts/lib/customLabels';
import { openHarness, sameSet, settle, type Harness } from './harness';

let h: Harness;
/** The session selected in the selection test (the home detail follows it). */
let selectedId = '';
const HOME = '#panel-home';
const LIST = `${HOME} c-messaging-session-list`;

async function listIds(): Promise<string[]> {
    return h.page
        .locator(`${LIST} li[data-id]`)
        .evaluateAll((items) =>
            items.map((li) => li.getAttribute('data-id') ?? '')
        );
}

function mine(extra = '', params: unknown[] = []): string[] {
    return (
        h.db
            .prepare(
                `SELECT s.Id AS id FROM MessagingSession s LEFT JOIN MessagingEndUser u ON u.Id = s.MessagingEndUserId
                 WHERE s.OwnerId = ? ${extra}`
            )
            .all(h.userId, ...params) as Array<{ id: string }>
    ).map((r) => r.id);
}

async function text(locator: Locator): Promise<string> {
    return (await locator.innerText()).replace(/\s+/g, ' ');
}

// ---- The backlog -------------------------------------------------------------------------------

const BACKLOG = `${HOME} c-messaging-backlog`;
/** Waiting, as the backlog counts it: Status Waiting, plus New (standard channels). */
const WAITING_SQL = `Status IN ('Waiting', 'New')`;

/** The cut-offs of the backlog's last request: over target before `overBefore`, accepted since `acceptedSince`. */
interface BacklogCutoffs {
    overBefore: string;
    acceptedSince: string;
}

/** Reads the cut-offs from the variables the component sent with its GraphQL request. */
function backlogCutoffs(body: string): BacklogCutoffs | null {
    const parsed = JSON.parse(body) as {
        query?: string;
        variables?: {
            overTargetWhere?: { and?: Array<Record<string, unknown>> };
            acceptedWhere?: { AcceptTime?: { gte?: { value?: string } } };
        };
    };
    if (!parsed.query?.includes('messagingBacklog')) return null;
    const start = parsed.variables?.overTargetWhere?.and?.find(
        (clause) => 'StartTime' in clause
    ) as { StartTime?: { lt?: { value?: string } } } | undefined;
    const overBefore = start?.StartTime?.lt?.value;
    const acceptedSince =
        parsed.variables?.acceptedWhere?.AcceptTime?.gte?.value;
    return overBefore && acceptedSince ? { overBefore, acceptedSince } : null;
}

/**
 * A duration as the console writes it ("2d 3h", "1h 05m", "4m 09s", "12s", "7 min") as the range of
 * seconds it stands for: its value and the width of its smallest unit.
 */
function durationRange(shown: string): { low: number; width: number } | null {
    const units: Record<string, number> = {
        d: 86_400,
        h: 3_600,
        m: 60,
        min: 60,
        s: 1
    };
    const parts = [...shown.matchAll(/(\d+)\s*(min|d|h|m|s)\b/g)];
    if (!parts.length) return null;
    let low = 0;
    let width = Infinity;
    for (const [, value, unit] of parts) {
        low += Number(value) * units[unit];
        width = Math.min(width, units[unit]);
    }
    return { low, width };
}

/** Whether `seconds` is what `shown` says, give or take the seconds the clock ticked meanwhile. */
function saysDuration(shown: string, seconds: number, slack = 5): boolean {
    const range = durationRange(shown);
    return (
        range !== null &&
        seconds >= range.low - slack &&
        seconds < range.low + range.width + slack
    );
}

interface WaitingGroup {
    owner: string | null;
    channel: string | null;
    type: string | null;
    n: number;
    over: number;
    oldest: string | null;
}

/** The waiting sessions by owner × channel × channel type, straight from the test database. */
function waitingGroups(overBefore: string): WaitingGroup[] {
    return h.db
        .prepare(
            `SELECT OwnerId AS owner, MessagingChannelId AS channel, ChannelType AS type,
                    COUNT(*) AS n, SUM(CASE WHEN StartTime < ? THEN 1 ELSE 0 END) AS over,
                    MIN(StartTime) AS oldest
             FROM MessagingSession WHERE ${WAITING_SQL}
             GROUP BY OwnerId, MessagingChannelId, ChannelType`
        )
        .all(overBefore) as WaitingGroup[];
}

/** Sums groups under a key: counts add up, the oldest start is the earliest one. */
function rollUp(
    groups: WaitingGroup[],
    keyOf: (group: WaitingGroup) => string
): Map<string, { n: number; over: number; oldest: string | null }> {
    const out = new Map<
        string,
        { n: number; over: number; oldest: string | null }
    >();
    for (const group of groups) {
        const key = keyOf(group);
        const row = out.get(key) ?? { n: 0, over: 0, oldest: null };
        row.n += group.n;
        row.over += group.over;
        if (group.oldest && (!row.oldest || group.oldest < row.oldest))
            row.oldest = group.oldest;
        out.set(key, row);
    }
    return out;
}

/** The keys of the backlog's rows of one table: `data-queue` (queue Id or `agents`) or `data-channel` (`id|type`). */
function rowKeys(
    backlog: Locator,
    attribute: 'data-queue' | 'data-channel'
): Promise<string[]> {
    return backlog
        .locator(`tr[${attribute}]`)
        .evaluateAll(
            (rows, name) => rows.map((row) => row.getAttribute(name) ?? ''),
            attribute
        );
}

/** A row's waiting and over-target cells against SQL. */
async function assertCounts(
    row: Locator,
    expected: { n: number; over: number },
    what: string
): Promise<void> {
    assert.equal(
        Number(await text(row.locator('[data-cell="waiting"]'))),
        expected.n,
        `${what} waiting`
    );
    assert.equal(
        Number(await text(row.locator('[data-cell="overTarget"]'))),
        expected.over,
        `${what} over target`
    );
}

const secondsSince = (iso: string): number =>
    Math.floor((Date.now() - Date.parse(iso)) / 1000);

before(async () => {
    h = await openHarness();
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    await h.page.goto(h.server.url);
    await h.page
        .locator(`${LIST} li[data-id]`)
        .first()
        .waitFor({ timeout: 30_000 });
});

after(async () => {
    await h?.close();
});

describe('messaging session console', () => {
    it('renders the list rows from the database (My sessions, newest first, page of 50)', async () => {
        const all = mine();
        const expected = (
            h.db
                .prepare(
                    'SELECT Id AS id FROM MessagingSession WHERE OwnerId = ? ORDER BY StartTime IS NULL, StartTime DESC LIMIT 50'
                )
                .all(h.userId) as Array<{ id: string }>
        ).map((r) => r.id);
        const ids = await listIds();
        assert.ok(ids.length > 0, 'the list shows rows');
        assert.deepEqual(ids, expected);
        assert.match(
            await text(h.page.locator(`${LIST} .total-count`)),
            new RegExp(`\\b${all.length}\\b`)
        );
    });

    it('a status filter and a search reduce the rows to exactly what SQL returns', async () => {
        await h.page.locator(`${LIST} button[data-value="Active"]`).click();
        const active = mine(`AND s.Status = 'Active'`);
        let ids = await settle(
            listIds,
            (v) =>
                sameSet(v, active.slice(0, 50)) ||
                v.length === Math.min(active.length, 50)
        );
        assert.ok(
            active.length > 0 && active.length <= 50,
            `fixture: ${active.length} active sessions`
        );
        assert.ok(
            sameSet(ids, active),
            `status filter: ${ids.length} rows vs ${active.length} in SQL`
        );

        // Search for the first letters of a messaging user's name among the active sessions.
        const row = h.db
            .prepare(
                `SELECT u.Name AS name FROM MessagingSession s JOIN MessagingEndUser u ON u.Id = s.MessagingEndUserId
                      WHERE s.OwnerId = ? AND s.Status = 'Active' AND u.Name IS NOT NULL ORDER BY s.Id LIMIT 1`
            )
            .get(h.userId) as { name: string };
        const term = row.name.slice(0, 4);
        await h.page.locator(`${LIST} .search-input input`).fill(term);
        const like = `%${term}%`;
        const searched = mine(
            `AND s.Status = 'Active' AND (s.Name LIKE ? OR s.SessionKey LIKE ? OR u.Name LIKE ?)`,
            [like, like, like]
        );
        ids = await settle(listIds, (v) => sameSet(v, searched));
        assert.ok(searched.length > 0 && searched.length < active.length + 1);
        assert.ok(
            sameSet(ids, searched),
            `search "${term}": [${ids.join()}] vs SQL [${searched.join()}]`
        );
        assert.match(
            await text(h.page.locator(`${LIST} .total-count`)),
            new RegExp(`\\b${searched.length}\\b`)
        );
    });

    it("sorts oldest first and loads the next page (everyone's sessions)", async () => {
        await h.page.reload();
        await h.page.locator(`${LIST} li[data-id]`).first().waitFor();
        await h.page.locator(`${LIST} .owner-filter button`).first().click();
        await h.page
            .locator(`${LIST} .owner-filter [role="option"][data-value="all"]`)
            .click();
        const total = (
            h.db
                .prepare('SELECT COUNT(*) AS n FROM MessagingSession')
                .get() as { n: number }
        ).n;
        await settle(
            () => text(h.page.locator(`${LIST} .total-count`)),
            (t) => t.includes(String(total))
        );
        const ordered = (
            h.db
                .prepare(
                    'SELECT Id AS id FROM MessagingSession ORDER BY StartTime IS NULL, StartTime ASC'
                )
                .all() as Array<{ id: string }>
        ).map((r) => r.id);
        const before = await listIds();
        await h.page.locator(`${LIST} .sort-direction button`).click();
        let ids = await settle(
            listIds,
            (v) =>
                v.join() !== before.join() &&
                v.join() === ordered.slice(0, 50).join()
        );
        assert.deepEqual(ids, ordered.slice(0, 50));
        await h.page.locator(`${LIST} .load-more button`).click();
        ids = await settle(listIds, (v) => v.length === 100);
        assert.deepEqual(
            ids,
            ordered.slice(0, 100),
            'the second page continues the sort'
        );
        assert.equal(
            new Set(ids).size,
            ids.length,
            'no duplicated rows after the next page'
        );
    });

    it('selecting a row shows its detail, history and feed', async () => {
        // A session with both history rows and a feed post.
        const pick = h.db
            .prepare(
                `SELECT s.Id AS id, s.Name AS name FROM MessagingSession s
                      WHERE s.OwnerId = ? AND EXISTS (SELECT 1 FROM MessagingSessionFeed f WHERE f.ParentId = s.Id AND f.Body IS NOT NULL)
                      AND EXISTS (SELECT 1 FROM MessagingSessionHistory x WHERE x.MessagingSessionId = s.Id AND x.NewValue IS NOT NULL)
                      ORDER BY s.StartTime IS NULL, s.StartTime DESC LIMIT 1`
            )
            .get(h.userId) as { id: string; name: string };
        assert.ok(pick, 'fixture: a session of the user with history and feed');
        selectedId = pick.id;
        await h.page.reload();
        await h.page.locator(`${LIST} li[data-id]`).first().waitFor();
        // Find it in the list, paging if needed.
        for (
            let i = 0;
            i < 5 &&
            !(await h.page.locator(`${LIST} li[data-id="${pick.id}"]`).count());
            i++
        ) {
            await h.page.locator(`${LIST} .load-more button`).click();
            await h.page.waitForTimeout(500);
        }
        // On the Home page, choosing a row updates the components beside the list; Open opens a tab.
        await h.page
            .locator(`${LIST} li[data-id="${pick.id}"] .select-button`)
            .click();
        await h.page
            .locator(`${LIST} li[data-id="${pick.id}"] .open-button button`)
            .click();
        const tab = h.page.locator(`section[data-record-id="${pick.id}"]`);
        await tab.waitFor({ timeout: 10_000 });
        const feedBody = (
            h.db
                .prepare(
                    'SELECT Body AS body FROM MessagingSessionFeed WHERE ParentId = ? AND Body IS NOT NULL ORDER BY CreatedDate DESC LIMIT 1'
                )
                .get(pick.id) as { body: string }
        ).body
            .replace(/<[^>]+>/g, '')
            .trim();
        const history = h.db
            .prepare(
                'SELECT NewValue AS v FROM MessagingSessionHistory WHERE MessagingSessionId = ? AND NewValue IS NOT NULL ORDER BY CreatedDate DESC LIMIT 1'
            )
            .get(pick.id) as { v: string };
        for (const scope of [tab, h.page.locator(HOME)]) {
            if (scope !== tab)
                await h.page.evaluate(() =>
                    (
                        window as unknown as {
                            __PREVIEW__: { focusHome(): void };
                        }
                    ).__PREVIEW__.focusHome()
                );
            const detail = await settle(
                () => text(scope.locator('c-messaging-session-detail')),
                (t) => t.includes(pick.name)
            );
            assert.ok(detail.includes(pick.name), `detail shows ${pick.name}`);
            const feed = await settle(
                () => text(scope.locator('c-messaging-session-feed')),
                (t) => t.includes(feedBody.slice(0, 20))
            );
            assert.ok(
                feed.includes(feedBody.slice(0, 20)),
                `feed shows "${feedBody}"`
            );
            const hist = await settle(
                () => text(scope.locator('c-messaging-session-history')),
                (t) => t.includes(history.v)
            );
            assert.ok(hist.includes(history.v), `history shows "${history.v}"`);
        }
        // The console with a selection: the screenshot for the README.
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        // Written to reports/ on every run; UPDATE_SCREENSHOT=1 also refreshes the committed one.
        mkdirSync(join(ROOT, 'reports'), { recursive: true });
        await h.page.screenshot({ path: join(ROOT, 'reports/console.png') });
        if (process.env.UPDATE_SCREENSHOT === '1') {
            copyFileSync(
                join(ROOT, 'reports/console.png'),
                join(ROOT, 'docs/console.png')
            );
        }
    });

    it('linking a case from the detail persists in the database', async () => {
        const recordId = selectedId;
        assert.ok(recordId, 'a session is selected');
        const current = h.db
            .prepare('SELECT CaseId AS id FROM MessagingSession WHERE Id = ?')
            .get(recordId) as { id: string | null };
        const target = h.db
            .prepare(
                `SELECT Id AS id, CaseNumber AS number FROM "Case"
                 WHERE Id IS NOT ? ORDER BY CaseNumber DESC LIMIT 1`
            )
            .get(current.id) as { id: string; number: string };
        const detail = h.page.locator(`${HOME} c-messaging-session-detail`);
        await detail.locator('.edit-button button').click();
        const picker = detail.locator(
            'lightning-record-picker[data-field="CaseId"]'
        );
        await picker.waitFor();
        const clear = picker.locator('button[title="Clear Selection"]');
        if (await clear.count()) {
            await clear.click();
        }
        await picker.locator('input').fill(target.number);
        const option = picker.locator(
            `[role="option"][data-id="${target.id}"]`
        );
        await option.waitFor({ timeout: 10_000 });
        await option.dispatchEvent('mousedown');
        await detail.locator('.save-button button').click();
        const stored = await settle(
            async () =>
                (
                    h.db
                        .prepare(
                            'SELECT CaseId AS v FROM MessagingSession WHERE Id = ?'
                        )
                        .get(recordId) as { v: string | null }
                ).v,
            (v) => v === target.id
        );
        assert.equal(
            stored,
            target.id,
            `not saved; the detail shows: ${(await text(detail)).slice(0, 600)}`
        );
        // The detail shows the saved record: editing again starts from the stored link.
        await detail.locator('.edit-button button').waitFor();
        await detail.locator('.edit-button button').click();
        const again = await settle(
            () => picker.locator('input').inputValue(),
            (v) => v.includes(target.number)
        );
        assert.ok(again.includes(target.number), `picker shows "${again}"`);
        await detail.locator('.cancel-button button').click();
    });

    it('the metrics panel equals SQL computed independently (today, my sessions)', async () => {
        await h.page.reload();
        const panel = h.page.locator(`${HOME} c-messaging-agent-metrics`);
        const row = panel.locator(`tr[data-owner="${h.userId}"]`);
        await row.waitFor({ timeout: 15_000 });
        // "Today" is the user's calendar day by StartTime, in the preview user's time zone.
        const from = new Date(
            zonedMidnight(I18N_FALLBACK.timeZone, Date.now())
        ).toISOString();
        const to = new Date(Date.parse(from) + 86_400_000).toISOString();
        const handled = h.db
            .prepare(
                `SELECT COUNT(*) AS n, AVG(MSC_WaitSeconds__c) AS wait FROM MessagingSession
                      WHERE OwnerId = ? AND Status = 'Ended' AND StartTime >= ? AND StartTime < ?`
            )
            .get(h.userId, from, to) as { n: number; wait: number | null };
        const open = h.db
            .prepare(
                `SELECT COUNT(*) AS n FROM MessagingSession WHERE OwnerId = ? AND Status IN ('Active', 'Waiting', 'Paused')`
            )
            .get(h.userId) as { n: number };
        const headers = (await panel.locator('thead th').allInnerTexts()).map(
            (t) => t.trim().toLowerCase()
        );
        const cells = (await row.locator('th, td').allInnerTexts()).map((t) =>
            t.trim()
        );
        const cell = (name: string): string =>
            cells[headers.findIndex((t) => t.startsWith(name))];
        assert.equal(
            Number(cell('handled')),
            handled.n,
            `handled: ${cells.join(' | ')}`
        );
        assert.equal(
            Number(cell('open')),
            open.n,
            `open now: ${cells.join(' | ')}`
        );
        if (handled.wait !== null) {
            const m =
                /(?:(\d+)h\s*)?(?:(\d+)m\s*)?(?:(\d+)s)?/.exec(
                    cell('avg wait')
                ) ?? [];
            const seconds =
                Number(m[1] ?? 0) * 3600 +
                Number(m[2] ?? 0) * 60 +
                Number(m[3] ?? 0);
            assert.ok(
                Math.abs(seconds - handled.wait) <= 1,
                `avg wait ${cell('avg wait')} vs SQL ${handled.wait}`
            );
        }
    });

    it('an error from the server (403 on GraphQL) shows its message', async () => {
        const message =
            "You don't have access to this resource. (preview: injected error)";
        const arm = await fetch(`${h.server.url}/__preview/fail`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ path: 'graphql', status: 403, times: 1 })
        });
        assert.equal(arm.status < 300, true);
        try {
            await h.page.locator(`${LIST} .refresh-button button`).click();
            const shown = await settle(
                () => text(h.page.locator(LIST)),
                (t) => t.includes(message)
            );
            assert.ok(
                shown.includes(message),
                `the list shows the server's message: ${shown.slice(0, 300)}`
            );
        } finally {
            await fetch(`${h.server.url}/__preview/fail`, { method: 'DELETE' });
        }
    });

    it('a session tab shows the record page layout, with labelled stand-ins for the Salesforce components', async () => {
        const id = (
            h.db
                .prepare(
                    'SELECT Id AS id FROM MessagingSession WHERE OwnerId = ? ORDER BY Id LIMIT 1'
                )
                .get(h.userId) as { id: string }
        ).id;
        await h.page.evaluate(
            (recordId) =>
                (
                    window as unknown as {
                        __PREVIEW__: {
                            openRecord(id: string): Promise<string>;
                        };
                    }
                ).__PREVIEW__.openRecord(recordId),
            id
        );
        const tab = h.page.locator(`section[data-record-id="${id}"]`);
        await tab.waitFor({ timeout: 10_000 });
        const regions = await tab
            .locator('[data-region]')
            .evaluateAll((nodes) =>
                nodes.map((node) => node.getAttribute('data-region'))
            );
        assert.deepEqual(regions, ['header', 'main', 'sidebar']);
        const standIn = (name: string, region: string): Locator =>
            tab.locator(`[data-region="${region}"] [data-stand-in="${name}"]`);
        assert.match(
            await text(standIn('scrt:conversationBody', 'main')),
            /Enhanced Conversation/
        );
        assert.match(
            await text(standIn('force:detailPanel', 'main')),
            /Record details/
        );
        const cards = await tab
            .locator(
                '[data-region="sidebar"] [data-stand-in="console:relatedRecord"]'
            )
            .allInnerTexts();
        assert.equal(cards.length, 2);
        assert.match(cards[0] ?? '', /Messaging User \(MessagingEndUserId\)/);
        assert.match(cards[1] ?? '', /Case \(CaseId\)/);
        assert.deepEqual(await tab.locator('[data-tab]').allInnerTexts(), [
            'Conversation tab',
            'Details tab',
            'Related tab'
        ]);
        assert.equal(
            await tab
                .locator('[data-region="sidebar"] c-messaging-session-detail')
                .count(),
            1
        );
        assert.equal(
            await tab.locator('c-messaging-start-conversation').count(),
            0
        );
        await h.page
            .locator(
                '[data-utility-button="runtime_service_omnichannel:omniWidget"]'
            )
            .click();
        const omni = h.page.locator(
            '[data-utility="runtime_service_omnichannel:omniWidget"]'
        );
        assert.match(
            await text(omni),
            /Omni-Channel: the agent sets a presence/
        );
        await omni.getByRole('button', { name: /Minimize/ }).click();
        await h.page.evaluate(() =>
            (
                window as unknown as { __PREVIEW__: { focusHome(): void } }
            ).__PREVIEW__.focusHome()
        );
    });

    it('the start-conversation launcher shows that flows run in an org', async () => {
        const contact = h.db
            .prepare(
                'SELECT Name AS name FROM Contact WHERE Name IS NOT NULL ORDER BY Id LIMIT 1'
            )
            .get() as { name: string };
        await h.page
            .locator('[data-utility-button="messagingStartConversation"]')
            .click();
        const panel = h.page.locator(
            '[data-utility="messagingStartConversation"]'
        );
        const picker = panel.locator('lightning-record-picker input');
        await picker.waitFor();
        await picker.fill(contact.name.slice(0, 5));
        const option = panel
            .locator('lightning-record-picker [role="option"]', {
                hasText: contact.name
            })
            .first();
        await option.waitFor({ timeout: 10_000 });
        await option.dispatchEvent('mousedown');
        await panel.getByRole('button', { name: /^Start$/ }).click();
        const state = panel.locator('[data-id="flow-runs-in-org"]');
        await state.waitFor({ timeout: 10_000 });
        const shown = await text(state);
        assert.match(shown, /Flows run in an org/);
        assert.match(shown, /MSC_Start_Messaging_Conversation/);
    });

    it('the backlog shows each figure as SQL computes it on the test database', async () => {
        const sent: string[] = [];
        const capture = (request: {
            postData(): string | null;
            url(): string;
        }): void => {
            const body = request.postData();
            if (request.url().includes('/graphql') && body) sent.push(body);
        };
        h.page.on('request', capture);
        try {
            await h.page.reload();
            const backlog = h.page.locator(BACKLOG);
            await backlog
                .locator('[data-total="waiting"]')
                .waitFor({ timeout: 15_000 });
            const cutoffs = sent
                .map(backlogCutoffs)
                .filter((c): c is BacklogCutoffs => c !== null)
                .pop();
            assert.ok(cutoffs, 'the backlog sent its one GraphQL request');
            const groups = waitingGroups(cutoffs.overBefore);
            const total = rollUp(groups, () => 'all').get('all') ?? {
                n: 0,
                over: 0,
                oldest: null
            };
            // Totals across queues.
            assert.equal(
                Number(await text(backlog.locator('[data-total="waiting"]'))),
                total.n,
                'waiting now'
            );
            assert.equal(
                Number(
                    await text(backlog.locator('[data-total="overTarget"]'))
                ),
                total.over,
                'over target'
            );
            if (total.oldest) {
                const shown = await text(
                    backlog.locator('[data-total="longest"]')
                );
                assert.ok(
                    saysDuration(shown, secondsSince(total.oldest)),
                    `longest wait "${shown}" vs SQL ${secondsSince(total.oldest)} s`
                );
            }

            // By queue: a row per queue (Group Id), the sessions owned by agents in one more row.
            const byOwner = rollUp(groups, (g) =>
                g.owner?.startsWith('00G') ? g.owner : 'agents'
            );
            const queueKeys = await rowKeys(backlog, 'data-queue');
            assert.ok(
                sameSet(queueKeys, [...byOwner.keys()]),
                `queue rows [${queueKeys.join()}] vs SQL [${[...byOwner.keys()].join()}]`
            );
            for (const [key, expected] of byOwner) {
                const row = backlog.locator(`tr[data-queue="${key}"]`);
                if (key !== 'agents') {
                    // A queue without a readable Group row shows as hidden; its figures still count.
                    const name =
                        (
                            h.db
                                .prepare(
                                    'SELECT Name AS name FROM "Group" WHERE Id = ?'
                                )
                                .get(key) as { name: string } | undefined
                        )?.name ?? readLabels().MSC_BacklogQueueHidden;
                    assert.equal(
                        await text(row.locator('[data-cell="name"]')),
                        name
                    );
                }
                await assertCounts(row, expected, key);
                if (expected.oldest) {
                    const shown = await text(
                        row.locator('[data-cell="longest"]')
                    );
                    assert.ok(
                        saysDuration(shown, secondsSince(expected.oldest)),
                        `${key} longest wait "${shown}" vs SQL ${secondsSince(expected.oldest)} s`
                    );
                }
            }

            // By channel, with time to clear at the last hour's pace (accepted per channel).
            const channelKey = (g: {
                channel: string | null;
                type: string | null;
            }): string => `${g.channel ?? ''}|${g.type ?? ''}`;
            const byChannel = rollUp(groups, channelKey);
            const accepted = new Map(
                (
                    h.db
                        .prepare(
                            `SELECT MessagingChannelId AS channel, ChannelType AS type, COUNT(*) AS n
                             FROM MessagingSession WHERE AcceptTime >= ?
                             GROUP BY MessagingChannelId, ChannelType`
                        )
                        .all(cutoffs.acceptedSince) as Array<{
                        channel: string | null;
                        type: string | null;
                        n: number;
                    }>
                ).map((row) => [channelKey(row), row.n])
            );
            const channelKeys = await rowKeys(backlog, 'data-channel');
            assert.ok(
                sameSet(channelKeys, [...byChannel.keys()]),
                `channel rows [${channelKeys.join()}] vs SQL [${[...byChannel.keys()].join()}]`
            );
            for (const [key, expected] of byChannel) {
                const row = backlog.locator(`tr[data-channel="${key}"]`);
                await assertCounts(row, expected, key);
                const clear = await text(row.locator('[data-cell="clear"]'));
                const pace = accepted.get(key) ?? 0;
                if (pace === 0) {
                    assert.match(
                        clear,
                        /Not clearing/,
                        `${key}: none accepted in the last hour`
                    );
                } else {
                    const minutes = Math.max(
                        1,
                        Math.ceil((expected.n * 60) / pace)
                    );
                    assert.ok(
                        saysDuration(clear, minutes * 60, 0),
                        `${key} time to clear "${clear}" vs SQL ${expected.n} waiting ÷ ${pace}/h = ${minutes} min`
                    );
                }
            }
        } finally {
            h.page.off('request', capture);
        }
    });

    it('a drill-in on a queue or a channel filters the list to exactly its waiting sessions, oldest first', async () => {
        await h.page.reload();
        const backlog = h.page.locator(BACKLOG);
        await backlog
            .locator('[data-total="waiting"]')
            .waitFor({ timeout: 15_000 });
        const drills = [
            {
                what: 'queue',
                button: backlog
                    .locator('tr[data-queue^="00G"] [data-cell="name"] button')
                    .first(),
                key: 'data-queue',
                where: (key: string) => ({ sql: 'OwnerId = ?', params: [key] })
            },
            {
                what: 'channel',
                button: backlog
                    .locator('tr[data-channel] [data-cell="name"] button')
                    .first(),
                key: 'data-channel',
                where: (key: string) => {
                    const [channel, type] = key.split('|');
                    const clauses: string[] = [];
                    const params: string[] = [];
                    if (channel) {
                        clauses.push('MessagingChannelId = ?');
                        params.push(channel);
                    }
                    if (type) {
                        clauses.push('ChannelType = ?');
                        params.push(type);
                    }
                    return { sql: clauses.join(' AND '), params };
                }
            }
        ];
        for (const drill of drills) {
            assert.ok(
                (await drill.button.count()) > 0,
                `fixture: the backlog offers a ${drill.what} to drill into`
            );
            const key =
                (await drill.button
                    .locator(`xpath=ancestor::tr[@${drill.key}]`)
                    .getAttribute(drill.key)) ?? '';
            const { sql, params } = drill.where(key);
            const expected = (
                h.db
                    .prepare(
                        `SELECT Id AS id FROM MessagingSession WHERE ${WAITING_SQL} AND ${sql}
                         ORDER BY StartTime IS NULL, StartTime ASC LIMIT 50`
                    )
                    .all(...params) as Array<{ id: string }>
            ).map((r) => r.id);
            const count = (
                h.db
                    .prepare(
                        `SELECT COUNT(*) AS n FROM MessagingSession WHERE ${WAITING_SQL} AND ${sql}`
                    )
                    .get(...params) as { n: number }
            ).n;
            assert.ok(
                expected.length > 0,
                `fixture: sessions wait on ${drill.what} ${key}`
            );
            await drill.button.click();
            const ids = await settle(
                listIds,
                (v) => v.join() === expected.join()
            );
            assert.deepEqual(
                ids,
                expected,
                `${drill.what} ${key}: the list shows its waiting sessions, oldest first`
            );
            assert.match(
                await text(h.page.locator(`${LIST} .total-count`)),
                new RegExp(`\\b${count}\\b`)
            );
            assert.match(
                await text(h.page.locator(`${LIST} .drill-in-text`)),
                /^Waiting in .+, oldest first$/
            );
        }
        // Clearing the backlog filter brings back the list App Builder set up: my sessions, newest first.
        await h.page.locator(`${LIST} .clear-drill-in button`).click();
        const mineNewest = (
            h.db
                .prepare(
                    'SELECT Id AS id FROM MessagingSession WHERE OwnerId = ? ORDER BY StartTime IS NULL, StartTime DESC LIMIT 50'
                )
                .all(h.userId) as Array<{ id: string }>
        ).map((r) => r.id);
        const back = await settle(
            listIds,
            (v) => v.join() === mineNewest.join()
        );
        assert.deepEqual(back, mineNewest);
        assert.equal(await h.page.locator(`${LIST} .drill-in`).count(), 0);
    });

    it("the Supervisor Home tab shows the backlog, everyone's open sessions and the team metrics", async () => {
        await h.page.reload();
        await h.page.locator(`${LIST} li[data-id]`).first().waitFor();
        await h.page.locator('[data-tab-id="supervisor-home"] a').click();
        const page = h.page.locator('#panel-supervisor-home');
        await page.waitFor({ state: 'visible' });
        const open = (
            h.db
                .prepare(
                    `SELECT COUNT(*) AS n FROM MessagingSession WHERE Status IN ('New', 'Waiting', 'Active', 'Paused')`
                )
                .get() as { n: number }
        ).n;
        const total = await settle(
            () => text(page.locator('c-messaging-session-list .total-count')),
            (t) => new RegExp(`\\b${open}\\b`).test(t)
        );
        assert.match(
            total,
            new RegExp(`\\b${open}\\b`),
            `everyone's open sessions: ${open}`
        );
        const waiting = (
            h.db
                .prepare(
                    `SELECT COUNT(*) AS n FROM MessagingSession WHERE ${WAITING_SQL}`
                )
                .get() as { n: number }
        ).n;
        const shown = await settle(
            () =>
                text(
                    page.locator('c-messaging-backlog [data-total="waiting"]')
                ),
            (t) => t === String(waiting)
        );
        assert.equal(shown, String(waiting));
        assert.equal(
            await page.locator('c-messaging-agent-metrics').count(),
            1
        );
        assert.equal(
            await page.locator('c-messaging-session-detail').count(),
            1
        );
        await h.page.evaluate(() =>
            (
                window as unknown as { __PREVIEW__: { focusHome(): void } }
            ).__PREVIEW__.focusHome()
        );
    });

    it('loads without uncaught errors in the page', async () => {
        const errors = await h.page.evaluate(
            () =>
                (window as unknown as { __PREVIEW_ERRORS__: string[] })
                    .__PREVIEW_ERRORS__
        );
        assert.deepEqual(errors, []);
    });
});

/** The instant a calendar day starts in a time zone: midnight there, as epoch milliseconds. */
function zonedMidnight(timeZone: string, now: number): number {
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit'
    });
    const offsetAt = (instant: number): number => {
        const parts = format.formatToParts(new Date(instant));
        const part = (type: string): number =>
            Number(parts.find((p) => p.type === type)?.value);
        const wall = Date.UTC(
            part('year'),
            part('month') - 1,
            part('day'),
            part('hour'),
            part('minute'),
            part('second')
        );
        return wall - Math.floor(instant / 1000) * 1000;
    };
    const wallNow = now + offsetAt(now);
    const wallMidnight =
        wallNow - (((wallNow % 86_400_000) + 86_400_000) % 86_400_000);
    const guess = wallMidnight - offsetAt(wallMidnight);
    return wallMidnight - offsetAt(guess);
}
