/**
 * The exact grants of each permission set. Every element of the file is compared with the list
 * below, so any widened grant (a new object, field, tab, app, flow, class, user permission, or a
 * stronger flag on an existing one) fails here and has to be argued for in review.
 *
 * (Jest's default jsdom environment: the LWC preset's setup needs a DOM. Only fs is used.)
 */
import {
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXml } from './support/metadataReferences';
import { EDIT_FIELDS } from '../force-app/main/default/lwc/messagingSessionDetail/detailModel';

const DIR = join(
    __dirname,
    '..',
    'force-app',
    'main',
    'default',
    'permissionsets'
);

type Entry = Record<string, string>;
type Grants = Record<string, Entry[]>;

/** Elements that describe the set rather than grant anything. */
const DESCRIPTIVE = new Set(['description', 'label']);

const fileOf = (name: string): string =>
    join(DIR, `${name}.permissionset-meta.xml`);

/** Every granting element of a permission set file, its entries as flat records sorted for comparison. */
function grantsIn(file: string): Grants {
    const root = parseXml(file);
    const grants: Grants = {};
    for (const [element, values] of Object.entries(root)) {
        if (element.startsWith('@_') || DESCRIPTIVE.has(element)) continue;
        const entries = (Array.isArray(values) ? values : [values]).map(
            (value): Entry => {
                if (typeof value === 'string') return { value };
                const entry: Entry = {};
                for (const [key, child] of Object.entries(value ?? {})) {
                    const first = Array.isArray(child) ? child[0] : child;
                    entry[key] = typeof first === 'string' ? first : '';
                }
                return entry;
            }
        );
        grants[element] = entries.sort((a, b) =>
            JSON.stringify(a).localeCompare(JSON.stringify(b))
        );
    }
    return grants;
}

const grantsOf = (name: string): Grants => grantsIn(fileOf(name));

const object = (
    name: string,
    flags: Partial<Record<string, boolean>>
): Entry => ({
    allowCreate: String(flags.allowCreate ?? false),
    allowDelete: String(flags.allowDelete ?? false),
    allowEdit: String(flags.allowEdit ?? false),
    allowRead: String(flags.allowRead ?? false),
    modifyAllRecords: String(flags.modifyAllRecords ?? false),
    object: name,
    viewAllRecords: String(flags.viewAllRecords ?? false)
});

const field = (name: string, editable: boolean): Entry => ({
    editable: String(editable),
    field: name,
    readable: 'true'
});

const sorted = (entries: Entry[]): Entry[] =>
    [...entries].sort((a, b) =>
        JSON.stringify(a).localeCompare(JSON.stringify(b))
    );

const AGENT: Grants = {
    applicationVisibilities: [
        { application: 'MSC_Messaging_Console', visible: 'true' }
    ],
    fieldPermissions: sorted([
        field('MessagingSession.CaseId', true),
        field('MessagingSession.LeadId', true),
        field('MessagingSession.OpportunityId', true),
        field('MessagingSession.MSC_HandleSeconds__c', false),
        field('MessagingSession.MSC_WaitSeconds__c', false)
    ]),
    flowAccesses: sorted([
        { enabled: 'true', flow: 'MSC_Send_Messaging_Notification' },
        { enabled: 'true', flow: 'MSC_Start_Messaging_Conversation' }
    ]),
    hasActivationRequired: [{ value: 'false' }],
    objectPermissions: sorted([
        object('MessagingChannel', { allowRead: true }),
        object('MessagingEndUser', { allowRead: true }),
        object('MessagingSession', { allowRead: true, allowEdit: true }),
        // The metrics panel's response times (an enhanced-session detail object of MessagingSession).
        object('MessagingSessionMetrics', { allowRead: true })
    ]),
    tabSettings: sorted([
        { tab: 'MSC_Messaging_Console_Home', visibility: 'Visible' },
        { tab: 'standard-MessagingEndUser', visibility: 'Visible' },
        { tab: 'standard-MessagingSession', visibility: 'Visible' }
    ])
};

const SUPERVISOR: Grants = {
    hasActivationRequired: [{ value: 'false' }],
    objectPermissions: sorted([
        // The backlog names the messaging channels of the waiting sessions.
        object('MessagingChannel', { allowRead: true }),
        object('MessagingSession', { allowRead: true, viewAllRecords: true })
    ]),
    tabSettings: [
        { tab: 'MSC_Messaging_Supervisor_Home', visibility: 'Visible' }
    ]
};

describe('permission set grants', () => {
    it('ships exactly the two console permission sets', () => {
        expect(readdirSync(DIR).sort()).toEqual([
            'MSC_Messaging_Console_Agent.permissionset-meta.xml',
            'MSC_Messaging_Console_Supervisor.permissionset-meta.xml'
        ]);
    });

    it('Agent: exactly the app, three tabs, two flows, read on the Messaging objects and edit on three links', () => {
        expect(grantsOf('MSC_Messaging_Console_Agent')).toEqual(AGENT);
    });

    it('Supervisor: exactly View All on sessions, read on channels and the Supervisor Home tab', () => {
        expect(grantsOf('MSC_Messaging_Console_Supervisor')).toEqual(
            SUPERVISOR
        );
    });

    it("Agent: edit is granted on exactly the fields the detail component's form edits", () => {
        // EDIT_FIELDS is the list the detail's form is built from (derived from EDITABLE_FIELD_ROLES).
        const edited = EDIT_FIELDS.map(
            (field) => `MessagingSession.${field.apiName}`
        ).sort();
        const granted = (
            grantsOf('MSC_Messaging_Console_Agent').fieldPermissions ?? []
        )
            .filter((entry) => entry.editable === 'true')
            .map((entry) => entry.field ?? '')
            .sort();
        expect(edited.length).toBeGreaterThan(0);
        expect(granted).toEqual(edited);
    });

    it('no set lets an agent change ownership, routing or channel fields', () => {
        const forbidden = [
            'MessagingSession.OwnerId',
            'MessagingSession.TargetUserId',
            'MessagingSession.ChannelGroup',
            'MessagingSession.ChannelIntent',
            'MessagingSession.ChannelLocale'
        ];
        for (const name of [
            'MSC_Messaging_Console_Agent',
            'MSC_Messaging_Console_Supervisor'
        ]) {
            const editable = (grantsOf(name).fieldPermissions ?? [])
                .filter((entry) => entry.editable === 'true')
                .map((entry) => entry.field);
            expect({
                name,
                widened: editable.filter((f) => forbidden.includes(f ?? ''))
            }).toEqual({
                name,
                widened: []
            });
            const sessions = (grantsOf(name).objectPermissions ?? []).find(
                (entry) => entry.object === 'MessagingSession'
            );
            expect(sessions?.modifyAllRecords).toBe('false');
            expect(sessions?.allowDelete).toBe('false');
        }
    });

    it('keeps each description within the 255 characters a permission set description holds', () => {
        for (const name of [
            'MSC_Messaging_Console_Agent',
            'MSC_Messaging_Console_Supervisor'
        ]) {
            const root = parseXml(join(DIR, `${name}.permissionset-meta.xml`));
            const description = root.description?.[0];
            expect(typeof description).toBe('string');
            expect({ name, length: String(description).length <= 255 }).toEqual(
                {
                    name,
                    length: true
                }
            );
        }
    });
});

describe('the grant reader sees every kind of grant', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'grants-'));
    });
    afterEach(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    /** The Agent file with extra XML inserted before its closing tag. */
    function agentWith(extra: string): Grants {
        const file = join(dir, 'Widened.permissionset-meta.xml');
        writeFileSync(
            file,
            readFileSync(fileOf('MSC_Messaging_Console_Agent'), 'utf8').replace(
                '</PermissionSet>',
                `${extra}\n</PermissionSet>`
            )
        );
        return grantsIn(file);
    }

    it('reads the unchanged file as the expected grants (control case)', () => {
        expect(agentWith('')).toEqual(AGENT);
    });

    it.each([
        [
            'a new kind of grant',
            '<userPermissions><enabled>true</enabled><name>ViewSetup</name></userPermissions>',
            'userPermissions'
        ],
        [
            'an Apex class',
            '<classAccesses><apexClass>SomeController</apexClass><enabled>true</enabled></classAccesses>',
            'classAccesses'
        ],
        [
            'an extra editable field',
            '<fieldPermissions><editable>true</editable><field>MessagingSession.OwnerId</field><readable>true</readable></fieldPermissions>',
            'fieldPermissions'
        ]
    ])('reports %s as a difference', (_kind, extra, element) => {
        const widened = agentWith(extra);
        expect(widened).not.toEqual(AGENT);
        expect(widened[element]?.length).toBe(
            (AGENT[element]?.length ?? 0) + 1
        );
    });
});
