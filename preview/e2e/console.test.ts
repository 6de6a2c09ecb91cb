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
        const panel = h.page.locator(`${HOME} c-agent-metrics-panel`);
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
            'History tab',
            'Related tab'
        ]);
        assert.equal(
            await tab
                .locator('[data-region="sidebar"] c-messaging-session-detail')
                .count(),
            1
        );
        assert.equal(await tab.locator('c-start-conversation').count(), 0);
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
            .locator('[data-utility-button="startConversation"]')
            .click();
        const panel = h.page.locator('[data-utility="startConversation"]');
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
