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
import type { PicklistEntry } from './metadata';

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
            // SQLite stores booleans as 0/1.
            values[i] =
                v === undefined ? null : typeof v === 'boolean' ? Number(v) : v;
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

type Insert = (row: Record<string, unknown>) => void;

const SEEDED_OBJECTS = [
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
] as const;
type SeededObject = (typeof SEEDED_OBJECTS)[number];

/**
 * What every seeding step shares. The data is a pure function of the random stream's call order:
 * the steps run in a fixed order and each draws its values in the order it writes them.
 */
interface Seeder {
    rand: () => number;
    pickOf: <T>(arr: readonly T[]) => T;
    chance: (p: number) => boolean;
    insert: Record<SeededObject, Insert>;
    /** Rows written, by object. */
    rows: Record<string, number>;
    /** Sessions to write. */
    total: number;
    anchor: number;
    /** When the org was set up: CreatedDate of the reference records. */
    setupTime: string | null;
    /** The running user, who set the org up. */
    admin: string;
}

interface Agent {
    id: string;
    name: string;
}

interface ContactSeed {
    id: string;
    accountId: string | null;
    name: string;
}

interface EndUserSeed {
    id: string;
    channel: ChannelSeed;
    contactId: string | null;
    accountId: string | null;
    leadId: string | null;
    language: string | null;
}

/** The records sessions point at, written before them. */
interface SeedWorld {
    agents: Agent[];
    channels: ChannelSeed[];
    channelsByType: Map<string, ChannelSeed[]>;
    accounts: string[];
    contacts: ContactSeed[];
    leads: string[];
    opps: string[];
    cases: string[];
    endUsers: EndUserSeed[];
    endUsersByChannel: Map<string, EndUserSeed[]>;
}

function audit(created: string | null, by: string, modified?: string | null) {
    return {
        CreatedDate: created,
        CreatedById: by,
        LastModifiedDate: modified ?? created,
        LastModifiedById: by,
        SystemModstamp: modified ?? created
    };
}

function createSeeder(db: Db, total: number, anchor: number): Seeder {
    const rand = prng(0x5eed ^ 0x4d53);
    const rows: Record<string, number> = {};
    const insert = {} as Record<SeededObject, Insert>;
    for (const name of SEEDED_OBJECTS) {
        const write = inserter(db, name);
        insert[name] = (row) => {
            write(row);
            rows[name] = (rows[name] ?? 0) + 1;
        };
    }
    return {
        rand,
        pickOf: (arr) => arr[Math.floor(rand() * arr.length)],
        chance: (p) => rand() < p,
        insert,
        rows,
        total,
        anchor,
        setupTime: iso(anchor - 400 * DAY),
        admin: CURRENT_USER_ID
    };
}

/** Seeds an empty database (tables must exist). Runs in one transaction. */
export function seedDatabase(db: Db, options: SeedOptions = {}): SeedResult {
    const started = performance.now();
    const total = Math.max(0, Math.floor(options.sessions ?? DEFAULT_SESSIONS));
    const anchor = resolveAnchor(options.anchor);
    const seeder = createSeeder(db, total, anchor);
    const run = db.transaction(() => {
        const world = seedReferenceRecords(seeder);
        seedSessions(seeder, world);
        setMeta(db, 'sessions', String(total));
        setMeta(db, 'anchor', new Date(anchor).toISOString());
        setMeta(db, 'seedVersion', '1');
    });
    bulkLoad(db, run);
    return {
        sessions: total,
        anchor: new Date(anchor).toISOString(),
        ms: Math.round(performance.now() - started),
        rows: seeder.rows
    };
}

/**
 * Bulk load: no journal and no syncs while seeding a fresh file, WAL afterwards for the server.
 * Rows first, then indexes, search index and rollups, each built once from the loaded rows
 * (createIndexes); a large page cache keeps those builds' sorts in memory.
 */
function bulkLoad(db: Db, load: () => void): void {
    const journal = String(db.pragma('journal_mode', { simple: true }));
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288');
    if (journal !== 'memory') db.pragma('journal_mode = OFF');
    startBulkLoad(db);
    load();
    createIndexes(db);
    db.pragma(`cache_size = ${cacheSize}`);
    if (journal !== 'memory')
        db.pragma(
            `journal_mode = ${journal === 'off' || journal === 'delete' ? 'wal' : journal}`
        );
    db.pragma('synchronous = NORMAL');
}

/** Users, queues, channels, CRM records and end users, in the order that fixes their random values. */
function seedReferenceRecords(s: Seeder): SeedWorld {
    const agents = seedAgents(s);
    seedGroups(s, agents);
    const channels = seedChannels(s);
    const accounts = seedAccounts(s, agents);
    const endUserCount = Math.min(50_000, Math.max(40, Math.ceil(s.total / 5)));
    const contacts = seedContacts(s, agents, accounts, endUserCount);
    const leads = seedLeads(s, agents);
    const opps = seedOpportunities(s, agents, accounts);
    const cases = seedCases(s, agents, contacts);
    const endUsers = seedEndUsers(s, {
        agents,
        channels,
        contacts,
        leads,
        count: endUserCount
    });
    return {
        agents,
        channels,
        channelsByType: groupBy(channels, (c) => c.channelTypes),
        accounts,
        contacts,
        leads,
        opps,
        cases,
        endUsers,
        endUsersByChannel: groupBy(endUsers, (eu) => [eu.channel.id])
    };
}

/** Items listed under each of their keys, in the items' order. */
function groupBy<T>(items: readonly T[], keys: (item: T) => string[]) {
    const out = new Map<string, T[]>();
    for (const item of items) {
        for (const key of keys(item)) {
            const list = out.get(key);
            if (list) list.push(item);
            else out.set(key, [item]);
        }
    }
    return out;
}

/** 25 agents; the first is the preview's running user and everyone's manager. */
function seedAgents(s: Seeder): Agent[] {
    const agents: Agent[] = [];
    for (let i = 0; i < AGENT_COUNT; i++) {
        const id = makeId('005', i + 1);
        const first = FIRST[i];
        const last = LAST[i];
        const name = `${first} ${last}`;
        agents.push({ id, name });
        s.insert.User({
            Id: id,
            Name: name,
            FirstName: first,
            LastName: last,
            Alias: (first.slice(0, 1) + last.slice(0, 4))
                .toLowerCase()
                .replace(/[^a-z]/g, 'x'),
            Username: `${first.toLowerCase()}.${i + 1}@preview.example`,
            Email: `${first.toLowerCase()}.${i + 1}@preview.example`,
            Title: agentTitle(i),
            IsActive: i !== AGENT_COUNT - 1,
            SmallPhotoUrl: null,
            ManagerId: i === 0 ? null : agents[0].id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return agents;
}

function agentTitle(index: number): string {
    if (index === 0) return 'Service Supervisor';
    return index % 5 === 0 ? 'Senior Service Agent' : 'Service Agent';
}

/** The queues and a team; every agent works the first queue and one other, the first 12 are the team. */
function seedGroups(s: Seeder, agents: readonly Agent[]): void {
    for (const queue of QUEUES)
        s.insert.Group({
            Id: queue.id,
            Name: queue.name,
            DeveloperName: queue.developerName,
            Type: 'Queue',
            ...audit(s.setupTime, s.admin)
        });
    s.insert.Group({
        Id: TEAM_GROUP_ID,
        Name: 'Tier 1 Team',
        DeveloperName: 'Tier_1_Team',
        Type: 'Regular',
        ...audit(s.setupTime, s.admin)
    });
    let gm = 1;
    const member = (groupId: string, userId: string) =>
        s.insert.GroupMember({
            Id: makeId('011', gm++),
            GroupId: groupId,
            UserOrGroupId: userId,
            SystemModstamp: s.setupTime
        });
    for (const [i, a] of agents.entries()) {
        member(QUEUE_ID, a.id);
        if (i < 12) member(TEAM_GROUP_ID, a.id);
        member(QUEUES[1 + (i % (QUEUES.length - 1))].id, a.id);
    }
}

/** Channels: each message type, standard and enhanced where both exist, and the channel types each carries. */
const CHANNEL_SPECS: ReadonlyArray<
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
    ['Apple Messages', 'AppleBusinessChat', 'Enhanced', ['AppleBusinessChat']],
    ['Voice Line', 'Voice', 'Standard', ['Voice', 'Phone']],
    ['Phone Line', 'Phone', null, ['Phone']],
    [
        'Partner Channels (BYOC)',
        'Custom',
        'Enhanced',
        ['Line', 'WeChat', 'Omega', 'Alexa', 'GoogleHome']
    ]
];

/** Message types whose channels are reached at a phone number. */
const PHONE_NUMBER_TYPES = new Set(['Text', 'WhatsApp', 'Phone', 'Voice']);

function seedChannels(s: Seeder): ChannelSeed[] {
    return CHANNEL_SPECS.map(
        ([label, messageType, platform, channelTypes], i) => {
            const id = makeId('0Mj', i + 1);
            const key = PHONE_NUMBER_TYPES.has(messageType)
                ? `+1415555${String(1000 + i)}`
                : `${messageType.toLowerCase()}-${i + 1}`;
            s.insert.MessagingChannel({
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
                ...audit(s.setupTime, s.admin)
            });
            return { id, label, messageType, platform, key, channelTypes };
        }
    );
}

function seedAccounts(s: Seeder, agents: readonly Agent[]): string[] {
    const count = Math.min(500, Math.max(20, Math.ceil(s.total / 50)));
    const accounts: string[] = [];
    for (let i = 0; i < count; i++) {
        const id = makeId('001', i + 1);
        accounts.push(id);
        s.insert.Account({
            Id: id,
            Name: `${s.pickOf(LAST)} ${s.pickOf(['Retail', 'Labs', 'Group', 'Logistics', '& Sons'])} ${i + 1}`,
            Industry: s.chance(0.2)
                ? null
                : s.pickOf(['Retail', 'Technology', 'Banking', 'Healthcare']),
            Phone: s.chance(0.3)
                ? null
                : `+1 415 555 ${String(2000 + i).slice(-4)}`,
            OwnerId: s.pickOf(agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return accounts;
}

/** Contacts for 60% of the end users (the first ones), most at an account. */
function seedContacts(
    s: Seeder,
    agents: readonly Agent[],
    accounts: readonly string[],
    endUserCount: number
): ContactSeed[] {
    const contacts: ContactSeed[] = [];
    const count = Math.ceil(endUserCount * 0.6);
    for (let i = 0; i < count; i++) {
        const id = makeId('003', i + 1);
        const first = s.pickOf(FIRST);
        const last = s.pickOf(LAST);
        const accountId = s.chance(0.85) ? s.pickOf(accounts) : null;
        contacts.push({ id, accountId, name: `${first} ${last}` });
        s.insert.Contact({
            Id: id,
            Name: `${first} ${last}`,
            FirstName: first,
            LastName: last,
            Email: s.chance(0.2)
                ? null
                : `${first}.${last}.${i}@example.com`
                      .toLowerCase()
                      .replace(/[^a-z0-9.@]/g, ''),
            MobilePhone: s.chance(0.3)
                ? null
                : `+1 650 555 ${String(i % 10000).padStart(4, '0')}`,
            AccountId: accountId,
            OwnerId: s.pickOf(agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return contacts;
}

function seedLeads(s: Seeder, agents: readonly Agent[]): string[] {
    const count = Math.min(2000, Math.max(10, Math.ceil(s.total / 100)));
    const leads: string[] = [];
    for (let i = 0; i < count; i++) {
        const id = makeId('00Q', i + 1);
        leads.push(id);
        const first = s.pickOf(FIRST);
        const last = s.pickOf(LAST);
        s.insert.Lead({
            Id: id,
            Name: `${first} ${last}`,
            FirstName: first,
            LastName: last,
            Company: `${last} Ventures`,
            Status: s.pickOf([
                'Open - Not Contacted',
                'Working - Contacted',
                'Closed - Converted'
            ]),
            OwnerId: s.chance(0.1) ? QUEUE_ID : s.pickOf(agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return leads;
}

function seedOpportunities(
    s: Seeder,
    agents: readonly Agent[],
    accounts: readonly string[]
): string[] {
    const count = Math.min(2000, Math.max(10, Math.ceil(s.total / 100)));
    const opps: string[] = [];
    for (let i = 0; i < count; i++) {
        const id = makeId('006', i + 1);
        opps.push(id);
        s.insert.Opportunity({
            Id: id,
            Name: `Renewal ${i + 1}`,
            StageName: s.pickOf([
                'Prospecting',
                'Negotiation/Review',
                'Closed Won',
                'Closed Lost'
            ]),
            Amount: s.chance(0.1) ? null : Math.round(s.rand() * 50_000) + 500,
            AccountId: s.pickOf(accounts),
            OwnerId: s.pickOf(agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return opps;
}

function seedCases(
    s: Seeder,
    agents: readonly Agent[],
    contacts: readonly ContactSeed[]
): string[] {
    const count = Math.min(50_000, Math.max(20, Math.ceil(s.total / 10)));
    const cases: string[] = [];
    for (let i = 0; i < count; i++) {
        const id = makeId('500', i + 1);
        cases.push(id);
        const c = s.pickOf(contacts);
        s.insert.Case({
            Id: id,
            CaseNumber: String(i + 1).padStart(8, '0'),
            Subject: s.pickOf(PREVIEWS),
            Status: s.pickOf(['New', 'Working', 'Escalated', 'Closed']),
            ContactId: c.id,
            AccountId: c.accountId,
            OwnerId: s.chance(0.2) ? QUEUE_ID : s.pickOf(agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return cases;
}

/** End users, round-robin over the channels; most of the first ones are contacts, some others leads. */
function seedEndUsers(
    s: Seeder,
    from: {
        agents: readonly Agent[];
        channels: readonly ChannelSeed[];
        contacts: readonly ContactSeed[];
        leads: readonly string[];
        count: number;
    }
): EndUserSeed[] {
    const endUsers: EndUserSeed[] = [];
    for (let i = 0; i < from.count; i++) {
        const id = makeId('0PA', i + 1);
        const channel = from.channels[i % from.channels.length];
        const contact =
            i < from.contacts.length && s.chance(0.85)
                ? from.contacts[i]
                : null;
        const leadId = !contact && s.chance(0.3) ? s.pickOf(from.leads) : null;
        const language = s.chance(0.4) ? null : s.pickOf(LANGUAGE_VALUES).value;
        endUsers.push({
            id,
            channel,
            contactId: contact?.id ?? null,
            accountId: contact?.accountId ?? null,
            leadId,
            language
        });
        s.insert.MessagingEndUser({
            Id: id,
            Name: contact ? contact.name : endUserName(channel, i),
            MessageType: channel.messageType,
            MessagingPlatformKey: `${channel.messageType.toLowerCase()}:${i + 1}`,
            MessagingChannelId: channel.id,
            ContactId: contact?.id ?? null,
            AccountId: contact?.accountId ?? null,
            LeadId: leadId,
            MessagingConsentStatus: s.chance(0.2)
                ? null
                : s.pickOf(CONSENT_STATUSES),
            IsFullyOptedIn: s.chance(0.8),
            IsoCountryCode: s.chance(0.3)
                ? null
                : s.pickOf(['US', 'FR', 'DE', 'ES', 'JP', 'BR']),
            OwnerId: s.pickOf(from.agents).id,
            ...audit(s.setupTime, s.admin)
        });
    }
    return endUsers;
}

const CONSENT_STATUSES = [
    'DoublyOptedIn',
    'ExplicitlyOptedIn',
    'ImplicitlyOptedIn',
    'OptedOut'
];

/** A phone number on SMS and WhatsApp, a guest elsewhere. */
function endUserName(channel: ChannelSeed, index: number): string {
    return channel.messageType === 'Text' || channel.messageType === 'WhatsApp'
        ? `+1 (555) ${String(100 + (index % 900))}-${String(index % 10000).padStart(4, '0')}`
        : `Guest ${index + 1}`;
}

// --- sessions ------------------------------------------------------------------------------

const STATUS_WEIGHTS: Array<[string, number]> = [
    ['Ended', 78],
    ['Active', 7],
    ['Waiting', 5],
    ['New', 2],
    ['Paused', 2],
    ['Inactive', 2],
    ['Consent', 1],
    ['Error', 3]
];
const CHANNEL_WEIGHTS: Array<[string, number]> = [
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
const ORIGIN_WEIGHTS: Array<[string, number]> = [
    ['InboundInitiated', 70],
    ['AgentInitiated', 10],
    ['TriggeredOutbound', 8],
    ['OptIn', 3],
    ['OptOut', 2],
    ['Help', 2],
    ['ConversationClose', 3],
    ['ConversationControlLost', 2]
];
const AGENT_TYPE_WEIGHTS: Array<[string, number]> = [
    ['Agent', 60],
    ['Bot', 15],
    ['BotToAgent', 20],
    ['System', 5]
];
const QUEUE_WEIGHTS: Array<[string, number]> = QUEUES.map((queue) => [
    queue.id,
    queue.weight
]);
/** Statuses only enhanced channels have. */
const ENHANCED_ONLY_STATUSES = new Set([
    'Consent',
    'Paused',
    'Inactive',
    'Error'
]);
/** Feed bodies with markup the console must render inert. */
const HOSTILE_BODIES = [
    '<p>Customer pasted: <script>alert("xss")</script> please ignore</p>',
    '<p>Screenshot <img src="x" onerror="alert(1)"> attached</p>',
    '<p onclick="steal()">Click <a href="javascript:alert(1)">here</a></p>'
];
const NOTE_BODIES = [
    'Customer confirmed the <b>new address</b>.',
    'Escalated to <i>billing</i>.',
    'Sent the return label.',
    'Follow-up scheduled &amp; noted.'
];

/** Running numbers of the rows sessions bring along. */
interface SessionCounters {
    history: number;
    feed: number;
    metric: number;
    /** Waiting sessions seen so far. */
    waiting: number;
}

/** A session's picklist values, channel and end user. */
interface SessionKind {
    index: number;
    id: string;
    status: string;
    channelType: string;
    origin: string;
    agentType: string;
    channel: ChannelSeed;
    enhanced: boolean;
    endUser: EndUserSeed;
    open: boolean;
    /** One of the few rows with inconsistent times, as real orgs have. */
    badRow: boolean;
    /** Waiting in a queue: the backlog. */
    queued: boolean;
}

interface SessionTimes {
    startMs: number;
    /** Not started yet: StartTime is null. */
    noStart: boolean;
    waitS: number;
    acceptMs: number | null;
    endMs: number | null;
}

/** What the history, feed and metrics rows of a written session need. */
interface WrittenSession {
    kind: SessionKind;
    times: SessionTimes;
    status: string;
    owner: Agent | null;
    creator: string;
    createdMs: number;
    modifiedMs: number;
}

function seedSessions(s: Seeder, world: SeedWorld): void {
    const counters: SessionCounters = {
        history: 1,
        feed: 1,
        metric: 1,
        waiting: 0
    };
    for (let i = 0; i < s.total; i++) {
        const session = seedSession(s, world, i, counters);
        seedHistory(s, session, counters);
        seedFeed(s, session, counters);
        seedMetrics(s, session, counters);
    }
}

function seedSession(
    s: Seeder,
    world: SeedWorld,
    index: number,
    counters: SessionCounters
): WrittenSession {
    const kind = drawSessionKind(s, world, index);
    const times = drawSessionTimes(s, kind);
    const { owner, ownerId } = drawSessionOwner(
        s,
        world,
        kind,
        times,
        counters
    );
    const row = sessionRow(s, world, kind, times, ownerId);
    const status = applyUnknownValues(row, kind, times);
    const createdMs = times.noStart
        ? s.anchor - Math.floor(s.rand() * HOUR)
        : times.startMs;
    const modifiedMs = Math.max(
        createdMs,
        times.endMs ?? times.acceptMs ?? createdMs
    );
    const creator =
        kind.origin === 'AgentInitiated' && owner ? owner.id : s.admin;
    Object.assign(row, audit(iso(createdMs), creator, iso(modifiedMs)));
    row.LastModifiedById = owner?.id ?? s.admin;
    s.insert.MessagingSession(row);
    return { kind, times, status, owner, creator, createdMs, modifiedMs };
}

/** The first value of a picklist's list while the index is within it (small seeds cover them all), else a weighted draw. */
function cycleOrDraw(
    s: Seeder,
    index: number,
    values: readonly PicklistEntry[],
    weights: Array<[string, number]>
): string {
    return index < values.length
        ? values[index].value
        : weighted(s.rand, weights);
}

function drawSessionKind(
    s: Seeder,
    world: SeedWorld,
    index: number
): SessionKind {
    const status = cycleOrDraw(s, index, STATUS_VALUES, STATUS_WEIGHTS);
    const channelType = cycleOrDraw(
        s,
        index,
        CHANNEL_TYPE_VALUES,
        CHANNEL_WEIGHTS
    );
    const origin = cycleOrDraw(s, index, ORIGIN_VALUES, ORIGIN_WEIGHTS);
    // Triggered outbound messages are sent by the system.
    const agentType =
        index >= AGENT_TYPE_VALUES.length && origin === 'TriggeredOutbound'
            ? 'System'
            : cycleOrDraw(s, index, AGENT_TYPE_VALUES, AGENT_TYPE_WEIGHTS);
    const channel = drawChannel(s, world, channelType, status);
    const euPool = world.endUsersByChannel.get(channel.id) ?? world.endUsers;
    const endUser = s.pickOf(euPool);
    const badRow = index === 20 || (index > 100 && index % 997 === 0);
    return {
        index,
        id: makeId('0Mw', index + 1),
        status,
        channelType,
        origin,
        agentType,
        channel,
        enhanced: channel.platform === 'Enhanced',
        endUser,
        open: status !== 'Ended' && status !== 'Error',
        badRow,
        // From seconds to tens of minutes, so some are within a two-minute target and most are over it.
        queued: (status === 'Waiting' || status === 'New') && !badRow
    };
}

/** A channel carrying the channel type, on the platform that has the status. */
function drawChannel(
    s: Seeder,
    world: SeedWorld,
    channelType: string,
    status: string
): ChannelSeed {
    const candidates = world.channelsByType.get(channelType) ?? world.channels;
    const channel = s.pickOf(candidates);
    if (ENHANCED_ONLY_STATUSES.has(status))
        return candidates.find((c) => c.platform === 'Enhanced') ?? channel;
    if (status === 'New')
        return candidates.find((c) => c.platform !== 'Enhanced') ?? channel;
    return channel;
}

function drawSessionTimes(s: Seeder, kind: SessionKind): SessionTimes {
    const { anchor } = s;
    const { status, agentType } = kind;
    // Open sessions are recent; ended ones spread over the 30 days.
    let startMs = kind.open
        ? anchor - Math.floor(s.rand() * 8 * HOUR)
        : anchor - Math.floor(s.rand() * SEED_DAYS * DAY);
    if (kind.queued)
        startMs = anchor - Math.floor(5000 + s.rand() * s.rand() * MAX_WAIT_MS);
    const noStart =
        (status === 'New' && kind.index === 0) ||
        (status === 'New' && s.chance(0.3));
    const waitS = Math.round(5 + s.rand() * s.rand() * 900);
    const accepted =
        status === 'Active' ||
        status === 'Paused' ||
        status === 'Inactive' ||
        (status === 'Ended' &&
            agentType !== 'Bot' &&
            agentType !== 'System' &&
            !s.chance(0.05)) ||
        (status === 'Error' && s.chance(0.5));
    // Nothing was accepted on the quiet channel in the last hour: its backlog isn't clearing.
    if (
        kind.channel.label === QUIET_CHANNEL_LABEL &&
        (accepted || kind.badRow) &&
        startMs > anchor - 2 * HOUR
    )
        startMs -= 2 * HOUR;
    const acceptMs = accepted && !noStart ? startMs + waitS * 1000 : null;
    const handleS = Math.round(60 + s.rand() * s.rand() * 3600);
    let endMs =
        !kind.open && !noStart
            ? (acceptMs ?? startMs + waitS * 1000) + handleS * 1000
            : null;
    if (endMs != null && endMs > anchor)
        endMs = anchor - Math.floor(s.rand() * 60_000);
    return { startMs, noStart, waitS, acceptMs, endMs };
}

/** An agent once accepted (or for agent sessions); waiting ones belong to a queue, a few to an agent or a hidden queue. */
function drawSessionOwner(
    s: Seeder,
    world: SeedWorld,
    kind: SessionKind,
    times: SessionTimes,
    counters: SessionCounters
): { owner: Agent | null; ownerId: string } {
    const { status } = kind;
    let owner =
        times.acceptMs != null || kind.agentType === 'Agent'
            ? s.pickOf(world.agents)
            : null;
    if (status === 'Waiting' || status === 'New' || status === 'Consent')
        owner = null;
    if (!kind.queued) return { owner, ownerId: owner ? owner.id : QUEUE_ID };
    const n = counters.waiting++;
    if (n === UNREADABLE_OWNED_WAITING)
        return { owner, ownerId: UNREADABLE_QUEUE_ID };
    if (AGENT_OWNED_WAITING.has(n))
        return { owner, ownerId: world.agents[n].id };
    return { owner, ownerId: weighted(s.rand, QUEUE_WEIGHTS) };
}

/** The session's fields; the nillable ones are sometimes null, as in real orgs. */
function sessionRow(
    s: Seeder,
    world: SeedWorld,
    kind: SessionKind,
    times: SessionTimes,
    ownerId: string
): Record<string, unknown> {
    const { index: i, enhanced, agentType, origin, endUser } = kind;
    const { acceptMs, endMs } = times;
    return {
        Id: kind.id,
        Name: `MS-${String(i + 1).padStart(8, '0')}`,
        AcceptTime: iso(acceptMs),
        AgentMessageCount:
            enhanced || agentType === 'System'
                ? null
                : Math.floor(s.rand() * 30),
        AgentType: s.chance(0.02) ? null : agentType,
        CampaignId: null,
        CaseId: s.chance(0.3) ? s.pickOf(world.cases) : null,
        ...sessionChannelFields(s, kind),
        ConversationId: null,
        EndedByType: enhanced && !kind.open ? drawEndedBy(s, i) : null,
        EndTime: iso(endMs),
        EndUserAccountId: endUser.accountId,
        EndUserContactId: endUser.contactId,
        EndUserLanguage: endUser.language,
        EndUserMessageCount: enhanced ? null : Math.floor(s.rand() * 30),
        IsDeleted: 0,
        LastReferencedDate: drawRecentView(s),
        LastViewedDate: drawRecentView(s),
        LeadId: s.chance(0.05)
            ? (endUser.leadId ?? s.pickOf(world.leads))
            : null,
        MessagingChannelId: kind.channel.id,
        MessagingEndUserId: endUser.id,
        OpportunityId: s.chance(0.05) ? s.pickOf(world.opps) : null,
        Origin: origin,
        OwnerId: ownerId,
        PreviewDetails: s.chance(0.15) ? null : s.pickOf(PREVIEWS),
        SessionKey: s.chance(0.05) ? null : uuid(s.rand),
        StartTime: times.noStart ? null : iso(times.startMs),
        Status: kind.status,
        TargetUserId:
            origin === 'TriggeredOutbound' || origin === 'AgentInitiated'
                ? s.pickOf(world.agents).id
                : null,
        MSC_WaitSeconds__c:
            acceptMs != null && !s.chance(0.03) ? times.waitS : null,
        MSC_HandleSeconds__c:
            acceptMs != null && endMs != null && !s.chance(0.03)
                ? Math.round((endMs - acceptMs) / 1000)
                : null
    };
}

/** ChannelEndUserFormula through ChannelType. */
function sessionChannelFields(s: Seeder, kind: SessionKind) {
    const { channel, endUser } = kind;
    return {
        ChannelEndUserFormula: s.chance(0.1)
            ? null
            : `${channel.id.slice(0, 15)}${endUser.id.slice(0, 15)}`,
        ChannelGroup: s.chance(0.5) ? null : s.pickOf(GROUPS),
        ChannelIntent: s.chance(0.4) ? null : s.pickOf(INTENTS),
        ChannelKey: s.chance(0.02) ? null : channel.key,
        ChannelLocale: s.chance(0.5) ? null : s.pickOf(LOCALES),
        ChannelName: s.chance(0.02) ? null : channel.label,
        ChannelType:
            s.chance(0.01) && kind.index >= 20 ? null : kind.channelType
    };
}

/** Who ended an enhanced session: each value once from the 21st session on, then drawn. */
function drawEndedBy(s: Seeder, index: number): string {
    const cycled = index - 20;
    return cycled >= 0 && cycled < ENDED_BY_VALUES.length
        ? ENDED_BY_VALUES[cycled].value
        : s.pickOf(ENDED_BY_VALUES).value;
}

/** LastReferencedDate / LastViewedDate: a few sessions were opened in the last day. */
function drawRecentView(s: Seeder): string | null {
    return s.chance(0.05) ? iso(s.anchor - Math.floor(s.rand() * DAY)) : null;
}

/**
 * A few rows with values real orgs have and the console must survive: EndTime before AcceptTime,
 * a channel type and a status this console does not list, an agent type it does not know.
 * Returns the session's status after them.
 */
function applyUnknownValues(
    row: Record<string, unknown>,
    kind: SessionKind,
    times: SessionTimes
): string {
    const i = kind.index;
    if (kind.badRow) {
        const acc = times.acceptMs ?? times.startMs + times.waitS * 1000;
        row.StartTime = iso(times.startMs);
        row.AcceptTime = iso(acc);
        row.EndTime = iso(acc - 120_000);
        row.Status = 'Ended';
        row.MSC_WaitSeconds__c = times.waitS;
        row.MSC_HandleSeconds__c = -120;
    }
    if (i === 21 || (i > 100 && i % 1999 === 0)) row.ChannelType = 'Instagram';
    if (i === 22 || (i > 100 && i % 4999 === 0)) row.Status = 'Transferred';
    if (i === 23) row.AgentType = 'Copilot';
    return String(row.Status);
}

/** Field history: created, owner (queue → agent), status changes, end time. */
function seedHistory(
    s: Seeder,
    session: WrittenSession,
    counters: SessionCounters
): void {
    const { owner, times } = session;
    const { acceptMs, endMs } = times;
    const hist = (
        field: string,
        dataType: string | null,
        change: [string | null, string | null],
        at: number,
        by: string
    ) =>
        s.insert.MessagingSessionHistory({
            Id: makeId('0Mx', counters.history++),
            MessagingSessionId: session.kind.id,
            Field: field,
            DataType: dataType,
            OldValue: change[0],
            NewValue: change[1],
            IsDeleted: 0,
            CreatedDate: iso(at),
            CreatedById: by
        });
    hist('created', null, [null, null], session.createdMs, session.creator);
    if (acceptMs != null && owner) {
        hist('Owner', 'EntityId', [QUEUE_ID, owner.id], acceptMs, owner.id);
        hist(
            'Owner',
            'Text',
            ['Messaging Queue', owner.name],
            acceptMs,
            owner.id
        );
        hist('Status', 'Picklist', ['Waiting', 'Active'], acceptMs, owner.id);
    }
    if (endMs != null)
        hist(
            'Status',
            'Picklist',
            [acceptMs != null ? 'Active' : 'Waiting', session.status],
            endMs,
            owner?.id ?? s.admin
        );
}

/** Feed: tracked changes, notes and links; some bodies carry markup that must stay inert. */
function seedFeed(
    s: Seeder,
    session: WrittenSession,
    counters: SessionCounters
): void {
    const i = session.kind.index;
    const { createdMs, modifiedMs } = session;
    const feedCount = i < 50 ? 3 : Math.floor(s.rand() * s.rand() * 3);
    for (let f = 0; f < feedCount; f++) {
        const type = feedItemType(s, f, session.times.acceptMs != null);
        const at =
            createdMs +
            Math.floor(
                (f + 1) *
                    (Math.max(modifiedMs - createdMs, 60_000) / (feedCount + 1))
            );
        const bodyHtml = feedBody(
            s,
            type,
            (i < 50 && f === 2) || s.chance(0.002),
            i + f
        );
        s.insert.MessagingSessionFeed({
            Id: makeId('0D5', counters.feed++),
            ParentId: session.kind.id,
            Type: type,
            Title: type === 'LinkPost' ? 'Help article' : null,
            Body: bodyHtml,
            IsRichText: bodyHtml != null,
            LinkUrl:
                type === 'LinkPost'
                    ? `https://help.example.com/articles/${1000 + (i % 50)}`
                    : null,
            CommentCount: Math.floor(s.rand() * 3),
            LikeCount: Math.floor(s.rand() * 4),
            IsDeleted: 0,
            CreatedDate: iso(at),
            CreatedById: session.owner?.id ?? s.admin,
            LastModifiedDate: iso(at),
            SystemModstamp: iso(at)
        });
    }
}

/** The first item of an accepted session is the owner change; the others are notes and links. */
function feedItemType(s: Seeder, position: number, accepted: boolean): string {
    if (position === 0 && accepted) return 'TrackedChange';
    return s.chance(0.3) ? 'LinkPost' : 'TextPost';
}

function feedBody(
    s: Seeder,
    type: string,
    hostile: boolean,
    variant: number
): string | null {
    if (hostile) return HOSTILE_BODIES[variant % HOSTILE_BODIES.length];
    if (type === 'TrackedChange') return null;
    return `<p>${s.pickOf(NOTE_BODIES)}</p>`;
}

/** Metrics: one row per metric type for each completed enhanced session. */
function seedMetrics(
    s: Seeder,
    session: WrittenSession,
    counters: SessionCounters
): void {
    const { endMs } = session.times;
    if (!session.kind.enhanced || session.status !== 'Ended' || endMs == null)
        return;
    for (const m of METRIC_TYPE_VALUES) {
        const value = metricValue(s, m.value);
        const n = counters.metric++;
        s.insert.MessagingSessionMetrics({
            Id: makeId('1Mm', n),
            Name: `MSM-${String(n).padStart(9, '0')}`,
            MessagingSessionId: session.kind.id,
            MessagingSessionMetricType: m.value,
            MessagingSessionMetricValue: s.chance(0.02) ? null : value,
            IsDeleted: 0,
            ...audit(iso(endMs), s.admin)
        });
    }
}

/** Counts, maximum response times and other times (seconds), each in its own range. */
function metricValue(s: Seeder, metricType: string): number {
    if (metricType.endsWith('Count')) return Math.floor(s.rand() * 25);
    if (metricType.startsWith('Max')) return Math.round(20 + s.rand() * 600);
    return Math.round(5 + s.rand() * 180);
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
