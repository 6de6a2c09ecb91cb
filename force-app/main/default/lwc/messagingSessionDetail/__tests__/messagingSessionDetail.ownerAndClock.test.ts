/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages -- tests drive the wire adapters' test doubles. */
// The detail's owner (User, queue or hidden), its status-true duration and its message counts,
// read with the same model helpers as the session list.
import MessagingSessionDetail from 'c/messagingSessionDetail';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    $,
    clearDocumentBody,
    clone,
    flush,
    mountWithRecordId
} from '../../../../../test/jest-utils/domHelpers';
import type {
    RecordPageElement,
    TestWireAdapter
} from '../../../../../test/jest-utils/domHelpers';
import { buildCounts, buildLinks, buildStatusClock } from '../detailModel';

import getRecordFixture from './data/getRecord.json';
import getRecordAllNull from './data/getRecordAllNull.json';
import { RELABELLED_OBJECT_INFO as getObjectInfoFixture } from '../../../../../test/jest-utils/objectInfo';

const recordAdapter = getRecord as unknown as TestWireAdapter;
const objectInfoAdapter = getObjectInfo as unknown as TestWireAdapter;
const NOW = Date.parse('2026-11-20T10:12:30.000Z');

type Fields = Record<string, { value: unknown; displayValue: unknown }>;

/** The getRecord fixture with some fields replaced. */
function withFields(changes: Fields): UiApi.RecordRepresentation {
    const record = clone(getRecordFixture) as unknown as {
        fields: Fields;
    };
    Object.assign(record.fields, changes);
    return record as unknown as UiApi.RecordRepresentation;
}

const value = (v: unknown) => ({ value: v, displayValue: null });

async function loaded(record: unknown): Promise<RecordPageElement> {
    const element = mountWithRecordId<RecordPageElement>(
        'c-messaging-session-detail',
        MessagingSessionDetail,
        '0Mwxx0000000001CAA'
    );
    await flush();
    recordAdapter.emit(clone(record));
    objectInfoAdapter.emit(clone(getObjectInfoFixture));
    await flush();
    return element;
}

afterEach(() => {
    clearDocumentBody();
    jest.useRealTimers();
});

describe('status-true duration', () => {
    it('never says "active" beside a Paused or Inactive badge', () => {
        // Accepted at 09:02:30, started at 09:00: open 1h 12m 30s at NOW.
        for (const status of ['Paused', 'Inactive']) {
            expect(
                buildStatusClock(withFields({ Status: value(status) }), NOW)
            ).toBe('Open for 1h 12m');
        }
        expect(buildStatusClock(withFields({}), NOW)).toBe('Active for 1h 10m');
        expect(
            buildStatusClock(
                withFields({
                    Status: value('Waiting'),
                    AcceptTime: value(null)
                }),
                NOW
            )
        ).toBe('Waiting for 1h 12m');
    });

    it('shows the worded duration beside the status badge', async () => {
        jest.useFakeTimers({ now: NOW });
        const element = await loaded(
            withFields({ Status: { value: 'Paused', displayValue: 'Paused' } })
        );
        expect(
            ($(element, '[data-id="status-clock"]')?.textContent ?? '').trim()
        ).toBe('Open for 1h 12m');
    });
});

describe('owner', () => {
    const ownerLink = (record: UiApi.RecordRepresentation) =>
        buildLinks(record, null).find((link) => link.key === 'OwnerId');

    it('reads a queue from the Group owner record, with the queue badge and no Open link', async () => {
        expect(
            ownerLink(getRecordAllNull as unknown as UiApi.RecordRepresentation)
        ).toMatchObject({
            isQueue: true,
            canOpen: false,
            name: 'Billing Queue'
        });
        const element = await loaded(getRecordAllNull);
        const cell = $(element, '[data-link="OwnerId"]')!;
        expect(cell.querySelector('.queue-badge')?.textContent).toBe('Queue');
    });

    it('reads an owner record it may not see as "Owner hidden", not as an id or "not set"', () => {
        const link = ownerLink(
            withFields({
                OwnerId: value('005xx000001OwnAAA'),
                Owner: value(null)
            })
        );
        expect(link).toMatchObject({
            name: 'Owner hidden',
            isQueue: false,
            canOpen: false
        });
        expect(
            ownerLink(withFields({ OwnerId: value(null), Owner: value(null) }))
        ).toMatchObject({ name: 'Not set', canOpen: false });
        expect(ownerLink(withFields({}))).toMatchObject({
            name: 'Ada Agent',
            canOpen: true,
            isQueue: false
        });
    });
});

describe('message counts', () => {
    it('shows "Not counted" for a null count, never 0 or "not set"', async () => {
        const counts = buildCounts(
            withFields({
                AgentMessageCount: value(null),
                EndUserMessageCount: value(0)
            }),
            NOW,
            'en-US'
        );
        expect(counts.agentMessages).toBe('Not counted');
        expect(counts.endUserMessages).toBe('0');
        const element = await loaded(getRecordAllNull);
        expect(
            ($(element, '[data-id="agent-count"]')?.textContent ?? '').trim()
        ).toBe('Not counted');
    });
});
