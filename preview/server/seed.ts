/**
 * Deterministic sample org: `--sessions N` (default 5,000) Messaging sessions over 25 agents and the
 * 30 days before an anchor instant, with end users, channels, contacts, accounts, cases, leads,
 * opportunities, field history, feed items and session metrics.
 *
 * Determinism: the content is a pure function of (sessions, anchor). The anchor defaults to "now",
 * floored to the minute, and is stored in the database (preview_meta) so the data stays put.
 *
 * CLI: npx tsx preview/server/seed.ts [--sessions N] [--db path] [--anchor ISO]
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
    createIndexes,
    createSchema,
    getMeta,
    openDatabase,
    setMeta,
    startBulkLoad
} from './db';
import type { Db } from './db';
import { makeId } from './ids';
import {
    AGENT_TYPE_VALUES,
    CHANNEL_TYPE_VALUES,
    ENDED_BY_VALUES,
    LANGUAGE_VALUES,
    METRIC_TYPE_VALUES,
    ORIGIN_VALUES,
    STATUS_VALUES,
    objectDef,
    q
} from './metadata';

export const DEFAULT_SESSIONS = 5000;
export const AGENT_COUNT = 25;
export const SEED_DAYS = 30;
export const DEFAULT_DB_PATH = resolve(__dirname, '..', '.data', 'org.sqlite');

/** The preview's running user: the first agent (what `scope: MINE` and CreatedById of edits use). */
export const CURRENT_USER_ID = makeId('005', 1);
export const QUEUE_ID = makeId('00G', 1);
export const TEAM_GROUP_ID = makeId('00G', 2);

/** The queues (Groups of type Queue) that waiting sessions are routed to; the first is QUEUE_ID. */
export const QUEUES: ReadonlyArray<{
    id: string;
    name: string;
    developerName: string;
    /** Share of the waiting sessions routed to it. */
    weight: number;
}> = [
    {
        id: QUEUE_ID,
        name: 'Messaging Queue',
        developerName: 'Messaging_Queue',
        weight: 40
    },
    {
        id: makeId('00G', 3),
        name: 'Billing Queue',
        developerName: 'Billing_Queue',
        weight: 25
    },
    {
        id: makeId('00G', 4),
        name: 'Technical Support Queue',
        developerName: 'Technical_Support_Queue',
        weight: 25
    },
    {
        id: makeId('00G', 5),
        name: 'VIP Queue',
        developerName: 'VIP_Queue',
        weight: 10
    }
];
/**
 * A queue Id with no Group row: the preview has no sharing model, so a queue the running user
 * can't read is one whose row the database doesn't hold. One waiting session belongs to it.
 */
export const UNREADABLE_QUEUE_ID = makeId('00G', 6);
/** The channel with no session accepted in the 60 minutes before the anchor (nothing clears it). */
export const QUIET_CHANNEL_LABEL = 'Apple Messages';
/** The waiting sessions (by their order among waiting ones) that an agent owns, and the one the unreadable queue owns. */
const AGENT_OWNED_WAITING = new Set([3, 11]);
const UNREADABLE_OWNED_WAITING = 7;
/** Waiting sessions started up to this long before the anchor: seconds to tens of minutes. */
const MAX_WAIT_MS = 45 * 60_000;

export interface SeedOptions {
    sessions?: number;
    anchor?: Date | string | number;
}

export interface SeedResult {
    sessions: number;
    anchor: string;
    ms: number;
    rows: Record<string, number>;
}

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const FIRST = [
    'Ava',
    'Liam',
    'Maya',
    'Noah',
    'Zoe',
    'Ethan',
    'Priya',
    'Lucas',
    'Chloe',
    'Mateo',
    'Aisha',
    'Owen',
    'Sofia',
    'Kenji',
    'Leah',
    'Omar',
    'Nina',
    'Felix',
    'Ines',
    'Hugo',
    'Yara',
    'Jonas',
    'Mei',
    'Diego',
    'Ruth'
];
const LAST = [
    'Patel',
    'Nguyen',
    'García',
    'Smith',
    'Okafor',
    'Müller',
    'Rossi',
    'Kim',
    "O'Brien",
    'Dubois',
    'Silva',
    'Cohen',
    'Tanaka',
    'Novak',
    'Haddad',
    'Larsen',
    'Costa',
    'Weber',
    'Ali',
    'Moreau',
    'Sato',
    'Jensen',
    'Lopez',
    'Fischer',
    'Brown'
];
const PREVIEWS = [
    'Hi, I need help with my order',
    'Where is my package?',
    'Can I change my delivery address?',
    'My card was charged twice',
    'How do I reset my password?',
    'I want to cancel my subscription',
    'Is the store open on Sunday?',
    'The app crashes when I log in',
    'Quote "50% off" didn\'t apply',
    'Necesito ayuda con mi cuenta',
    'Bonjour, ma commande est en retard'
];
const INTENTS = [
    'Billing',
    'Order Status',
    'Returns',
    'Technical Support',
    'Sales'
];
const GROUPS = ['Support', 'Sales', 'VIP'];
const LOCALES = ['en_US', 'fr_FR', 'de_DE', 'es_ES', 'ja_JP'];

interface ChannelSeed {
    id: string;
    label: string;
    messageType: string;
    platform: 'Standard' | 'Enhanced' | null;
    key: string;
    channelTypes: string[];
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const DAY_PREFIXES = new Map<number, string>();
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** Years 0000-9999: the span where toISOString writes a four-digit year. */
const ISO_FOUR_DIGIT_YEARS: [number, number] = [
    Date.parse('0000-01-01T00:00:00.000Z'),
    Date.parse('9999-12-31T23:59:59.999Z')
];

/**
 * Date#toISOString, about five times faster: a million sessions format some twenty million
 * instants, which took more time than inserting them. The date part is formatted once per day.
 */
function iso(ms: number | null): string | null {
    if (ms == null) return null;
    if (ms < ISO_FOUR_DIGIT_YEARS[0] || ms > ISO_FOUR_DIGIT_YEARS[1])
        return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY);
    let prefix = DAY_PREFIXES.get(day);
    if (prefix === undefined) {
        prefix = new Date(day * DAY).toISOString().slice(0, 11);
        DAY_PREFIXES.set(day, prefix);
    }
    let rest = ms - day * DAY;
    const hours = Math.floor(rest / HOUR);
    rest -= hours * HOUR;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    return `${prefix}${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[rest - seconds * 1000]}Z`;
}

/** Anchor: the given instant, or now floored to the whole minute. */
export function resolveAnchor(anchor?: Date | string | number): number {
    if (anchor == null) return Math.floor(Date.now() / 60_000) * 60_000;
    const ms =
        anchor instanceof Date
            ? anchor.getTime()
            : typeof anchor === 'number'
              ? anchor
              : Date.parse(anchor);
    if (!Number.isFinite(ms))
        throw new Error(`Invalid anchor: ${String(anchor)}`);
    return ms;
}

function inserter(
    db: Db,
    objectApiName: string
): (row: Record<string, unknown>) => void {
    const def = objectDef(objectApiName);
    if (!def) throw new Error(objectApiName);
    const names = def.fields.map((f) => f.name);
    const stmt = db.prepare(
        `INSERT INTO ${q(objectApiName)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
    );
    // One values array, refilled for every row: better-sqlite3 binds synchronously, and a fresh
    // array (or a map callback) per row dominated the seed's CPU time at a million sessions.
    const values: unknown[] = new Array(names.length);
    return (row) => {
        for (let i = 0; i < names.length; i++) {
            const v = row[names[i]];
            values[i] =
                v === undefined
                    ? null
                    : typeof v === 'boolean'
                      ? v
                          ? 1
                          : 0
                      : v;
        }
        stmt.run(values);
    };
}

function weighted<T>(rand: () => number, entries: Array<[T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [v, w] of entries) {
        r -= w;
        if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
}

/** Seeds an empty database (tables must exist). Runs in one transaction. */
export function seedDatabase(db: Db, options: SeedOptions = {}): SeedResult {
    const started = performance.now();
    const total = Math.max(0, Math.floor(options.sessions ?? DEFAULT_SESSIONS));
    const anchor = resolveAnchor(options.anchor);
    const rand = prng(0x5eed ^ 0x4d53);
    const pickOf = <T>(arr: readonly T[]): T =>
        arr[Math.floor(rand() * arr.length)];
    const chance = (p: number): boolean => rand() < p;
    const rows: Record<string, number> = {};
    const count = (name: string): void => {
        rows[name] = (rows[name] ?? 0) + 1;
    };
    const ins: Record<string, (row: Record<string, unknown>) => void> = {};
    for (const name of [
        'User',
        'Group',
        'GroupMember',
        'Account',
        'Contact',
        'Case',
        'Lead',
        'Opportunity',
        'MessagingChannel',
        'MessagingEndUser',
        'MessagingSession',
        'MessagingSessionHistory',
        'MessagingSessionFeed',
        'MessagingSessionMetrics'
    ]) {
        const fn = inserter(db, name);
        ins[name] = (row) => {
            fn(row);
            count(name);
        };
    }
    const setupTime = iso(anchor - 400 * DAY);
    const audit = (
        created: string | null,
        by: string,
        modified?: string | null
    ) => ({
        CreatedDate: created,
        CreatedById: by,
        LastModifiedDate: modified ?? created,
        LastModifiedById: by,
        SystemModstamp: modified ?? created
    });

    const run = db.transaction(() => {
        // Users: 25 agents (the first is the preview's running user).
        const agents: Array<{ id: string; name: string }> = [];
        for (let i = 0; i < AGENT_COUNT; i++) {
            const id = makeId('005', i + 1);
            const first = FIRST[i];
            const last = LAST[i];
            const name = `${first} ${last}`;
            agents.push({ id, name });
            ins.User({
                Id: id,
                Name: name,
                FirstName: first,
                LastName: last,
                Alias: (first.slice(0, 1) + last.slice(0, 4))
                    .toLowerCase()
                    .replace(/[^a-z]/g, 'x'),
                Username: `${first.toLowerCase()}.${i + 1}@preview.example`,
                Email: `${first.toLowerCase()}.${i + 1}@preview.example`,
                Title:
                    i === 0
                        ? 'Service Supervisor'
                        : i % 5 === 0
                          ? 'Senior Service Agent'
                          : 'Service Agent',
                IsActive: i !== AGENT_COUNT - 1,
                SmallPhotoUrl: null,
                ManagerId: i === 0 ? null : agents[0].id,
                ...audit(setupTime, makeId('005', 1))
            });
        }
        const admin = agents[0].id;
        for (const queue of QUEUES)
            ins.Group({
                Id: queue.id,
                Name: queue.name,
                DeveloperName: queue.developerName,
                Type: 'Queue',
                ...audit(setupTime, admin)
            });
        ins.Group({
            Id: TEAM_GROUP_ID,
            Name: 'Tier 1 Team',
            DeveloperName: 'Tier_1_Team',
            Type: 'Regular',
            ...audit(setupTime, admin)
        });
        let gm = 1;
        for (const [i, a] of agents.entries()) {
            ins.GroupMember({
                Id: makeId('011', gm++),
                GroupId: QUEUE_ID,
                UserOrGroupId: a.id,
                SystemModstamp: setupTime
            });
            if (i < 12)
                ins.GroupMember({
                    Id: makeId('011', gm++),
                    GroupId: TEAM_GROUP_ID,
                    UserOrGroupId: a.id,
                    SystemModstamp: setupTime
                });
            // Each agent also works one of the other queues.
            ins.GroupMember({
                Id: makeId('011', gm++),
                GroupId: QUEUES[1 + (i % (QUEUES.length - 1))].id,
                UserOrGroupId: a.id,
                SystemModstamp: setupTime
            });
        }

        // Channels: each message type, standard and enhanced where both exist.
        const channelSpecs: Array<
            [string, string, 'Standard' | 'Enhanced' | null, string[]]
        > = [
            ['Support SMS', 'Text', 'Standard', ['Text']],
            ['Support SMS (Enhanced)', 'Text', 'Enhanced', ['Text']],
            ['WhatsApp Support', 'WhatsApp', 'Standard', ['WhatsApp']],
            ['WhatsApp Enhanced', 'WhatsApp', 'Enhanced', ['WhatsApp']],
            ['Facebook Messenger', 'Facebook', 'Enhanced', ['Facebook']],
            [
                'Web and App Chat',
                'EmbeddedMessaging',
                'Enhanced',
                ['EmbeddedMessaging', 'WebChat']
            ],
            [
                'Apple Messages',
                'AppleBusinessChat',
                'Enhanced',
                ['AppleBusinessChat']
            ],
            ['Voice Line', 'Voice', 'Standard', ['Voice', 'Phone']],
            ['Phone Line', 'Phone', null, ['Phone']],
            [
                'Partner Channels (BYOC)',
                'Custom',
                'Enhanced',
                ['Line', 'WeChat', 'Omega', 'Alexa', 'GoogleHome']
            ]
        ];
        const channels: ChannelSeed[] = channelSpecs.map(
            ([label, messageType, platform, channelTypes], i) => {
                const id = makeId('0Mj', i + 1);
                const key =
                    messageType === 'Text' ||
                    messageType === 'WhatsApp' ||
                    messageType === 'Phone' ||
                    messageType === 'Voice'
                        ? `+1415555${String(1000 + i)}`
                        : `${messageType.toLowerCase()}-${i + 1}`;
                ins.MessagingChannel({
                    Id: id,
                    MasterLabel: label,
                    DeveloperName: label
                        .replace(/[^A-Za-z0-9]+/g, '_')
                        .replace(/_$/, ''),
                    MessageType: messageType,
                    MessagingPlatformKey: key,
                    IsActive: i !== 8,
                    PlatformType: platform,
                    ChannelAddressIdentifier:
                        platform === 'Enhanced'
                            ? `c0ffee00-0000-4000-8000-${String(i + 1).padStart(12, '0')}`
                            : null,
                    TargetQueueId: i % 3 === 0 ? QUEUE_ID : null,
                    ...audit(setupTime, admin)
                });
                return { id, label, messageType, platform, key, channelTypes };
            }
        );
        const channelsByType = new Map<string, ChannelSeed[]>();
        for (const c of channels) {
            for (const t of c.channelTypes)
                channelsByType.set(t, [...(channelsByType.get(t) ?? []), c]);
        }

        // Accounts, contacts, leads, opportunities, cases.
        const accountCount = Math.min(500, Math.max(20, Math.ceil(total / 50)));
        const accounts: string[] = [];
        for (let i = 0; i < accountCount; i++) {
            const id = makeId('001', i + 1);
            accounts.push(id);
            ins.Account({
                Id: id,
                Name: `${pickOf(LAST)} ${pickOf(['Retail', 'Labs', 'Group', 'Logistics', '& Sons'])} ${i + 1}`,
                Industry: chance(0.2)
                    ? null
                    : pickOf(['Retail', 'Technology', 'Banking', 'Healthcare']),
                Phone: chance(0.3)
                    ? null
                    : `+1 415 555 ${String(2000 + i).slice(-4)}`,
                OwnerId: pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }
        const endUserCount = Math.min(
            50_000,
            Math.max(40, Math.ceil(total / 5))
        );
        const contacts: Array<{
            id: string;
            accountId: string | null;
            name: string;
        }> = [];
        const contactCount = Math.ceil(endUserCount * 0.6);
        for (let i = 0; i < contactCount; i++) {
            const id = makeId('003', i + 1);
            const first = pickOf(FIRST);
            const last = pickOf(LAST);
            const accountId = chance(0.85) ? pickOf(accounts) : null;
            contacts.push({ id, accountId, name: `${first} ${last}` });
            ins.Contact({
                Id: id,
                Name: `${first} ${last}`,
                FirstName: first,
                LastName: last,
                Email: chance(0.2)
                    ? null
                    : `${first}.${last}.${i}@example.com`
                          .toLowerCase()
                          .replace(/[^a-z0-9.@]/g, ''),
                MobilePhone: chance(0.3)
                    ? null
                    : `+1 650 555 ${String(i % 10000).padStart(4, '0')}`,
                AccountId: accountId,
                OwnerId: pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }
        const leadCount = Math.min(2000, Math.max(10, Math.ceil(total / 100)));
        const leads: string[] = [];
        for (let i = 0; i < leadCount; i++) {
            const id = makeId('00Q', i + 1);
            leads.push(id);
            const first = pickOf(FIRST);
            const last = pickOf(LAST);
            ins.Lead({
                Id: id,
                Name: `${first} ${last}`,
                FirstName: first,
                LastName: last,
                Company: `${last} Ventures`,
                Status: pickOf([
                    'Open - Not Contacted',
                    'Working - Contacted',
                    'Closed - Converted'
                ]),
                OwnerId: chance(0.1) ? QUEUE_ID : pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }
        const oppCount = Math.min(2000, Math.max(10, Math.ceil(total / 100)));
        const opps: string[] = [];
        for (let i = 0; i < oppCount; i++) {
            const id = makeId('006', i + 1);
            opps.push(id);
            ins.Opportunity({
                Id: id,
                Name: `Renewal ${i + 1}`,
                StageName: pickOf([
                    'Prospecting',
                    'Negotiation/Review',
                    'Closed Won',
                    'Closed Lost'
                ]),
                Amount: chance(0.1) ? null : Math.round(rand() * 50_000) + 500,
                AccountId: pickOf(accounts),
                OwnerId: pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }
        const caseCount = Math.min(50_000, Math.max(20, Math.ceil(total / 10)));
        const cases: string[] = [];
        for (let i = 0; i < caseCount; i++) {
            const id = makeId('500', i + 1);
            cases.push(id);
            const c = pickOf(contacts);
            ins.Case({
                Id: id,
                CaseNumber: String(i + 1).padStart(8, '0'),
                Subject: pickOf(PREVIEWS),
                Status: pickOf(['New', 'Working', 'Escalated', 'Closed']),
                ContactId: c.id,
                AccountId: c.accountId,
                OwnerId: chance(0.2) ? QUEUE_ID : pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }

        // Messaging end users.
        const endUsers: Array<{
            id: string;
            channel: ChannelSeed;
            contactId: string | null;
            accountId: string | null;
            leadId: string | null;
            language: string | null;
        }> = [];
        for (let i = 0; i < endUserCount; i++) {
            const id = makeId('0PA', i + 1);
            const channel = channels[i % channels.length];
            const contact =
                i < contactCount && chance(0.85) ? contacts[i] : null;
            const leadId = !contact && chance(0.3) ? pickOf(leads) : null;
            const language = chance(0.4) ? null : pickOf(LANGUAGE_VALUES).value;
            const name = contact
                ? contact.name
                : channel.messageType === 'Text' ||
                    channel.messageType === 'WhatsApp'
                  ? `+1 (555) ${String(100 + (i % 900))}-${String(i % 10000).padStart(4, '0')}`
                  : `Guest ${i + 1}`;
            endUsers.push({
                id,
                channel,
                contactId: contact?.id ?? null,
                accountId: contact?.accountId ?? null,
                leadId,
                language
            });
            ins.MessagingEndUser({
                Id: id,
                Name: name,
                MessageType: channel.messageType,
                MessagingPlatformKey: `${channel.messageType.toLowerCase()}:${i + 1}`,
                MessagingChannelId: channel.id,
                ContactId: contact?.id ?? null,
                AccountId: contact?.accountId ?? null,
                LeadId: leadId,
                MessagingConsentStatus: chance(0.2)
                    ? null
                    : pickOf([
                          'DoublyOptedIn',
                          'ExplicitlyOptedIn',
                          'ImplicitlyOptedIn',
                          'OptedOut'
                      ]),
                IsFullyOptedIn: chance(0.8),
                IsoCountryCode: chance(0.3)
                    ? null
                    : pickOf(['US', 'FR', 'DE', 'ES', 'JP', 'BR']),
                OwnerId: pickOf(agents).id,
                ...audit(setupTime, admin)
            });
        }
        const endUsersByChannel = new Map<string, typeof endUsers>();
        for (const eu of endUsers) {
            const list = endUsersByChannel.get(eu.channel.id);
            if (list) list.push(eu);
            else endUsersByChannel.set(eu.channel.id, [eu]);
        }

        // Sessions.
        const statusWeights: Array<[string, number]> = [
            ['Ended', 78],
            ['Active', 7],
            ['Waiting', 5],
            ['New', 2],
            ['Paused', 2],
            ['Inactive', 2],
            ['Consent', 1],
            ['Error', 3]
        ];
        const channelWeights: Array<[string, number]> = [
            ['Text', 20],
            ['WhatsApp', 20],
            ['EmbeddedMessaging', 20],
            ['Facebook', 10],
            ['AppleBusinessChat', 8],
            ['WebChat', 5],
            ['Phone', 4],
            ['Voice', 4],
            ['Line', 3],
            ['WeChat', 2],
            ['Omega', 1],
            ['Alexa', 1],
            ['GoogleHome', 2]
        ];
        const originWeights: Array<[string, number]> = [
            ['InboundInitiated', 70],
            ['AgentInitiated', 10],
            ['TriggeredOutbound', 8],
            ['OptIn', 3],
            ['OptOut', 2],
            ['Help', 2],
            ['ConversationClose', 3],
            ['ConversationControlLost', 2]
        ];
        const agentTypeWeights: Array<[string, number]> = [
            ['Agent', 60],
            ['Bot', 15],
            ['BotToAgent', 20],
            ['System', 5]
        ];
        const enhancedOnly = new Set([
            'Consent',
            'Paused',
            'Inactive',
            'Error'
        ]);
        let historyN = 1;
        let feedN = 1;
        let metricN = 1;
        let waitingN = 0;
        const queueWeights: Array<[string, number]> = QUEUES.map((queue) => [
            queue.id,
            queue.weight
        ]);
        const scripts = [
            '<p>Customer pasted: <script>alert("xss")</script> please ignore</p>',
            '<p>Screenshot <img src="x" onerror="alert(1)"> attached</p>',
            '<p onclick="steal()">Click <a href="javascript:alert(1)">here</a></p>'
        ];
        for (let i = 0; i < total; i++) {
            const id = makeId('0Mw', i + 1);
            // The first rows cycle through every picklist value so small seeds cover them all.
            let status =
                i < STATUS_VALUES.length
                    ? STATUS_VALUES[i].value
                    : weighted(rand, statusWeights);
            const channelType =
                i < CHANNEL_TYPE_VALUES.length
                    ? CHANNEL_TYPE_VALUES[i].value
                    : weighted(rand, channelWeights);
            const origin =
                i < ORIGIN_VALUES.length
                    ? ORIGIN_VALUES[i].value
                    : weighted(rand, originWeights);
            const agentType =
                i < AGENT_TYPE_VALUES.length
                    ? AGENT_TYPE_VALUES[i].value
                    : origin === 'TriggeredOutbound'
                      ? 'System'
                      : weighted(rand, agentTypeWeights);
            const candidates = channelsByType.get(channelType) ?? channels;
            let channel = pickOf(candidates);
            if (enhancedOnly.has(status))
                channel =
                    candidates.find((c) => c.platform === 'Enhanced') ??
                    channel;
            else if (status === 'New')
                channel =
                    candidates.find((c) => c.platform !== 'Enhanced') ??
                    channel;
            const enhanced = channel.platform === 'Enhanced';
            const euPool = endUsersByChannel.get(channel.id) ?? endUsers;
            const endUser = pickOf(euPool);
            const open = status !== 'Ended' && status !== 'Error';
            const badRow = i === 20 || (i > 100 && i % 997 === 0);
            // Waiting in a queue: the backlog, from seconds to tens of minutes, so some sessions are
            // within a two-minute target and most are over it.
            const queued =
                (status === 'Waiting' || status === 'New') && !badRow;
            // Open sessions are recent; ended ones spread over the 30 days.
            let startMs = open
                ? anchor - Math.floor(rand() * 8 * HOUR)
                : anchor - Math.floor(rand() * SEED_DAYS * DAY);
            if (queued)
                startMs =
                    anchor - Math.floor(5000 + rand() * rand() * MAX_WAIT_MS);
            const noStart =
                (status === 'New' && i === 0) ||
                (status === 'New' && chance(0.3));
            const waitS = Math.round(5 + rand() * rand() * 900);
            const accepted =
                status === 'Active' ||
                status === 'Paused' ||
                status === 'Inactive' ||
                (status === 'Ended' &&
                    agentType !== 'Bot' &&
                    agentType !== 'System' &&
                    !chance(0.05)) ||
                (status === 'Error' && chance(0.5));
            // Nothing was accepted on the quiet channel in the last hour: its backlog isn't clearing.
            if (
                channel.label === QUIET_CHANNEL_LABEL &&
                (accepted || badRow) &&
                startMs > anchor - 2 * HOUR
            )
                startMs -= 2 * HOUR;
            const acceptMs =
                accepted && !noStart ? startMs + waitS * 1000 : null;
            const handleS = Math.round(60 + rand() * rand() * 3600);
            let endMs =
                !open && !noStart
                    ? (acceptMs ?? startMs + waitS * 1000) + handleS * 1000
                    : null;
            if (endMs != null && endMs > anchor)
                endMs = anchor - Math.floor(rand() * 60_000);
            let owner =
                acceptMs != null || agentType === 'Agent'
                    ? pickOf(agents)
                    : null;
            if (
                status === 'Waiting' ||
                status === 'New' ||
                status === 'Consent'
            )
                owner = null;
            let ownerId = owner ? owner.id : QUEUE_ID;
            if (queued) {
                const n = waitingN++;
                ownerId =
                    n === UNREADABLE_OWNED_WAITING
                        ? UNREADABLE_QUEUE_ID
                        : AGENT_OWNED_WAITING.has(n)
                          ? agents[n].id
                          : weighted(rand, queueWeights);
            }
            const row: Record<string, unknown> = {
                Id: id,
                Name: `MS-${String(i + 1).padStart(8, '0')}`,
                AcceptTime: iso(acceptMs),
                AgentMessageCount:
                    enhanced || agentType === 'System'
                        ? null
                        : Math.floor(rand() * 30),
                AgentType: chance(0.02) ? null : agentType,
                CampaignId: null,
                CaseId: chance(0.3) ? pickOf(cases) : null,
                ChannelEndUserFormula: chance(0.1)
                    ? null
                    : `${channel.id.slice(0, 15)}${endUser.id.slice(0, 15)}`,
                ChannelGroup: chance(0.5) ? null : pickOf(GROUPS),
                ChannelIntent: chance(0.4) ? null : pickOf(INTENTS),
                ChannelKey: chance(0.02) ? null : channel.key,
                ChannelLocale: chance(0.5) ? null : pickOf(LOCALES),
                ChannelName: chance(0.02) ? null : channel.label,
                ChannelType: chance(0.01) && i >= 20 ? null : channelType,
                ConversationId: null,
                EndedByType:
                    enhanced && !open
                        ? i < ENDED_BY_VALUES.length + 20 && i >= 20
                            ? ENDED_BY_VALUES[i - 20].value
                            : pickOf(ENDED_BY_VALUES).value
                        : null,
                EndTime: iso(endMs),
                EndUserAccountId: endUser.accountId,
                EndUserContactId: endUser.contactId,
                EndUserLanguage: endUser.language,
                EndUserMessageCount: enhanced ? null : Math.floor(rand() * 30),
                IsDeleted: 0,
                LastReferencedDate: chance(0.05)
                    ? iso(anchor - Math.floor(rand() * DAY))
                    : null,
                LastViewedDate: chance(0.05)
                    ? iso(anchor - Math.floor(rand() * DAY))
                    : null,
                LeadId: chance(0.05) ? (endUser.leadId ?? pickOf(leads)) : null,
                MessagingChannelId: channel.id,
                MessagingEndUserId: endUser.id,
                OpportunityId: chance(0.05) ? pickOf(opps) : null,
                Origin: origin,
                OwnerId: ownerId,
                PreviewDetails: chance(0.15) ? null : pickOf(PREVIEWS),
                SessionKey: chance(0.05) ? null : uuid(rand),
                StartTime: noStart ? null : iso(startMs),
                Status: status,
                TargetUserId:
                    origin === 'TriggeredOutbound' ||
                    origin === 'AgentInitiated'
                        ? pickOf(agents).id
                        : null,
                MSC_WaitSeconds__c:
                    acceptMs != null && !chance(0.03) ? waitS : null,
                MSC_HandleSeconds__c:
                    acceptMs != null && endMs != null && !chance(0.03)
                        ? Math.round((endMs - acceptMs) / 1000)
                        : null
            };
            // A few bad rows, as real orgs have: EndTime before AcceptTime; values this console does not know.
            if (badRow) {
                const acc = acceptMs ?? startMs + waitS * 1000;
                row.StartTime = iso(startMs);
                row.AcceptTime = iso(acc);
                row.EndTime = iso(acc - 120_000);
                row.Status = status = 'Ended';
                row.MSC_WaitSeconds__c = waitS;
                row.MSC_HandleSeconds__c = -120;
            }
            if (i === 21 || (i > 100 && i % 1999 === 0))
                row.ChannelType = 'Instagram';
            if (i === 22 || (i > 100 && i % 4999 === 0))
                row.Status = status = 'Transferred';
            if (i === 23) row.AgentType = 'Copilot';
            const createdMs = noStart
                ? anchor - Math.floor(rand() * HOUR)
                : startMs;
            const modifiedMs = Math.max(
                createdMs,
                endMs ?? acceptMs ?? createdMs
            );
            const creator =
                origin === 'AgentInitiated' && owner ? owner.id : admin;
            Object.assign(row, audit(iso(createdMs), creator, iso(modifiedMs)));
            row.LastModifiedById = owner?.id ?? admin;
            ins.MessagingSession(row);

            // Field history: created, owner (queue → agent), status changes, end time.
            const hist = (
                field: string,
                dataType: string | null,
                oldValue: string | null,
                newValue: string | null,
                at: number,
                by: string
            ) =>
                ins.MessagingSessionHistory({
                    Id: makeId('0Mx', historyN++),
                    MessagingSessionId: id,
                    Field: field,
                    DataType: dataType,
                    OldValue: oldValue,
                    NewValue: newValue,
                    IsDeleted: 0,
                    CreatedDate: iso(at),
                    CreatedById: by
                });
            hist('created', null, null, null, createdMs, creator);
            if (acceptMs != null && owner) {
                hist(
                    'Owner',
                    'EntityId',
                    QUEUE_ID,
                    owner.id,
                    acceptMs,
                    owner.id
                );
                hist(
                    'Owner',
                    'Text',
                    'Messaging Queue',
                    owner.name,
                    acceptMs,
                    owner.id
                );
                hist(
                    'Status',
                    'Picklist',
                    'Waiting',
                    'Active',
                    acceptMs,
                    owner.id
                );
            }
            if (endMs != null)
                hist(
                    'Status',
                    'Picklist',
                    acceptMs != null ? 'Active' : 'Waiting',
                    String(row.Status),
                    endMs,
                    owner?.id ?? admin
                );

            // Feed: tracked changes, notes and links; some bodies carry markup that must stay inert.
            const feedCount = i < 50 ? 3 : Math.floor(rand() * rand() * 3);
            for (let f = 0; f < feedCount; f++) {
                const type =
                    f === 0 && acceptMs != null
                        ? 'TrackedChange'
                        : chance(0.3)
                          ? 'LinkPost'
                          : 'TextPost';
                const at =
                    createdMs +
                    Math.floor(
                        (f + 1) *
                            (Math.max(modifiedMs - createdMs, 60_000) /
                                (feedCount + 1))
                    );
                const bodyHtml =
                    (i < 50 && f === 2) || chance(0.002)
                        ? scripts[(i + f) % scripts.length]
                        : type === 'TrackedChange'
                          ? null
                          : `<p>${pickOf(['Customer confirmed the <b>new address</b>.', 'Escalated to <i>billing</i>.', 'Sent the return label.', 'Follow-up scheduled &amp; noted.'])}</p>`;
                ins.MessagingSessionFeed({
                    Id: makeId('0D5', feedN++),
                    ParentId: id,
                    Type: type,
                    Title: type === 'LinkPost' ? 'Help article' : null,
                    Body: bodyHtml,
                    IsRichText: bodyHtml != null,
                    LinkUrl:
                        type === 'LinkPost'
                            ? `https://help.example.com/articles/${1000 + (i % 50)}`
                            : null,
                    CommentCount: Math.floor(rand() * 3),
                    LikeCount: Math.floor(rand() * 4),
                    IsDeleted: 0,
                    CreatedDate: iso(at),
                    CreatedById: owner?.id ?? admin,
                    LastModifiedDate: iso(at),
                    SystemModstamp: iso(at)
                });
            }

            // Metrics: one row per metric type for each completed enhanced session.
            if (enhanced && status === 'Ended' && endMs != null) {
                for (const m of METRIC_TYPE_VALUES) {
                    const value = m.value.endsWith('Count')
                        ? Math.floor(rand() * 25)
                        : m.value.startsWith('Max')
                          ? Math.round(20 + rand() * 600)
                          : Math.round(5 + rand() * 180);
                    ins.MessagingSessionMetrics({
                        Id: makeId('1Mm', metricN),
                        Name: `MSM-${String(metricN).padStart(9, '0')}`,
                        MessagingSessionId: id,
                        MessagingSessionMetricType: m.value,
                        MessagingSessionMetricValue: chance(0.02)
                            ? null
                            : value,
                        IsDeleted: 0,
                        ...audit(iso(endMs), admin)
                    });
                    metricN++;
                }
            }
        }
        setMeta(db, 'sessions', String(total));
        setMeta(db, 'anchor', new Date(anchor).toISOString());
        setMeta(db, 'seedVersion', '1');
    });
    // Bulk load: no journal and no syncs while seeding a fresh file, WAL afterwards for the server.
    // Rows first, then indexes, search index and rollups, each built once from the loaded rows
    // (createIndexes); a large page cache keeps those builds' sorts in memory.
    const journal = String(db.pragma('journal_mode', { simple: true }));
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288');
    if (journal !== 'memory') db.pragma('journal_mode = OFF');
    startBulkLoad(db);
    run();
    createIndexes(db);
    db.pragma(`cache_size = ${cacheSize}`);
    if (journal !== 'memory')
        db.pragma(
            `journal_mode = ${journal === 'off' || journal === 'delete' ? 'wal' : journal}`
        );
    db.pragma('synchronous = NORMAL');
    return {
        sessions: total,
        anchor: new Date(anchor).toISOString(),
        ms: Math.round(performance.now() - started),
        rows
    };
}

const HEX = '0123456789abcdef';

function uuid(rand: () => number): string {
    const hex = (n: number) => {
        let out = '';
        for (let i = 0; i < n; i++) out += HEX[Math.floor(rand() * 16)];
        return out;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rand() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

export interface OpenOptions extends SeedOptions {
    reseed?: boolean;
    /** Called with the seed result when the database had to be created. */
    onSeed?: (result: SeedResult) => void;
}

/** Opens the preview database, creating and seeding it first when the file does not exist (or reseed is set). */
export function openOrgDatabase(
    path: string = DEFAULT_DB_PATH,
    options: OpenOptions = {}
): Db {
    if (options.reseed && path !== ':memory:') {
        for (const suffix of ['', '-wal', '-shm'])
            rmSync(path + suffix, { force: true });
    }
    const fresh = path === ':memory:' || !existsSync(path);
    // A fresh file is bulk-loaded without a journal; it switches to WAL once seeded.
    const db = openDatabase(path, { wal: !fresh });
    if (fresh || getMeta(db, 'sessions') === undefined) {
        createSchema(db);
        const result = seedDatabase(db, options);
        options.onSeed?.(result);
    } else {
        createIndexes(db); // a database from an older preview gets the indexes added since
    }
    return db;
}

function parseArgs(argv: string[]): Record<string, string | boolean> {
    const out: Record<string, string | boolean> = {};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (!a.startsWith('--')) continue;
        const [key, inline] = a.slice(2).split('=', 2);
        if (inline !== undefined) out[key] = inline;
        else if (argv[i + 1] && !argv[i + 1].startsWith('--'))
            out[key] = argv[++i];
        else out[key] = true;
    }
    return out;
}

export { parseArgs };

if (require.main === module) {
    const args = parseArgs(process.argv.slice(2));
    const path =
        typeof args.db === 'string' ? resolve(args.db) : DEFAULT_DB_PATH;
    const sessions =
        typeof args.sessions === 'string'
            ? Number(args.sessions)
            : DEFAULT_SESSIONS;
    const anchor = typeof args.anchor === 'string' ? args.anchor : undefined;
    if (!Number.isFinite(sessions) || sessions < 0) {
        console.error('--sessions must be a non-negative number');
        process.exit(2);
    }
    const db = openOrgDatabase(path, {
        sessions,
        anchor,
        reseed: true,
        onSeed: (r) => {
            const summary = Object.entries(r.rows)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ');
            console.log(
                `Seeded ${r.sessions} sessions (anchor ${r.anchor}) into ${path} in ${(r.ms / 1000).toFixed(2)} s`
            );
            console.log(summary);
        }
    });
    db.close();
}
