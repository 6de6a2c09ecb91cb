/**
 * A deploy never overwrites what the org has: every API name the project creates (labels, message
 * channels, FlexiPages, tabs, flows, quick actions, list views, custom fields, permission sets, the
 * app, the compact layout...) starts with the project prefix, and no file takes the name of a page
 * Salesforce generates itself. Component bundles keep their names (see test/support/metadataNames.ts).
 *
 * (Jest's default jsdom environment: the LWC preset's setup needs a DOM. Only fs is used.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    bundlesInPackage,
    namesInPackage,
    namesOfFile,
    PROJECT_PREFIX,
    salesforceGenerated,
    unprefixed,
    type MetadataName
} from './support/metadataNames';

const ROOT = join(__dirname, '..');
/** Package directories the project deploys: force-app, and org-setup when the project has it. */
const PACKAGES = ['force-app', 'org-setup'].filter((dir) =>
    existsSync(join(ROOT, dir))
);

const allNames: MetadataName[] = PACKAGES.flatMap((dir) =>
    namesInPackage(join(ROOT, dir)).map((name) => ({
        ...name,
        file: `${dir}/${name.file}`
    }))
);

const describeNames = (names: readonly MetadataName[]): string =>
    names.map((name) => `${name.file}: ${name.type} ${name.name}`).join('\n');

describe(`every metadata name starts with ${PROJECT_PREFIX}`, () => {
    it('finds the names of every kind the project creates (so the check below looks at something)', () => {
        const types = new Set(allNames.map((name) => name.type));
        for (const type of [
            'CustomLabel',
            'LightningMessageChannel',
            'FlexiPage',
            'CustomTab',
            'Flow',
            'QuickAction',
            'ListView',
            'CustomField',
            'PermissionSet',
            'CustomApplication',
            'CompactLayout'
        ]) {
            expect({ type, found: types.has(type) }).toEqual({
                type,
                found: true
            });
        }
        expect(
            allNames.filter((name) => name.type === 'CustomLabel').length
        ).toBeGreaterThan(100);
    });

    it('has no name without the prefix, top-level or child', () => {
        const offenders = unprefixed(allNames);
        if (offenders.length) {
            throw new Error(
                `${offenders.length} name(s) without ${PROJECT_PREFIX}:\n${describeNames(offenders)}`
            );
        }
        expect(offenders).toEqual([]);
    });

    it('has no file under the name of a page Salesforce generates (Messaging_Session_Record_Page)', () => {
        expect(salesforceGenerated(allNames)).toEqual([]);
    });

    it('keeps component bundle names (they are not metadata names the check applies to)', () => {
        const bundles = bundlesInPackage(join(ROOT, 'force-app'));
        expect(bundles).toContain('messagingSessionList');
        expect(allNames.filter((name) => bundles.includes(name.name))).toEqual(
            []
        );
    });
});

describe('the prefix check catches a planted name', () => {
    const labelsPath = join(
        ROOT,
        'force-app/main/default/labels/CustomLabels.labels-meta.xml'
    );

    it('an unprefixed label among the real ones', () => {
        const planted = readFileSync(labelsPath, 'utf8').replace(
            '</CustomLabels>',
            `    <labels>
        <fullName>ErrorUnknown</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Error</shortDescription>
        <value>Something went wrong.</value>
    </labels>
</CustomLabels>`
        );
        const names = namesOfFile(
            'labels/CustomLabels.labels-meta.xml',
            () => planted
        );
        expect(names.length).toBeGreaterThan(100);
        expect(unprefixed(names)).toEqual([
            {
                file: 'labels/CustomLabels.labels-meta.xml',
                type: 'CustomLabel',
                name: 'ErrorUnknown'
            }
        ]);
    });

    it.each([
        [
            'flexipages/Console_Home.flexipage-meta.xml',
            'FlexiPage',
            'Console_Home'
        ],
        [
            'messageChannels/SessionSelected.messageChannel-meta.xml',
            'LightningMessageChannel',
            'SessionSelected'
        ],
        ['tabs/Messaging_Home.tab-meta.xml', 'CustomTab', 'Messaging_Home'],
        ['flows/Send_Notification.flow-meta.xml', 'Flow', 'Send_Notification'],
        [
            'quickActions/Contact.Start_Conversation.quickAction-meta.xml',
            'QuickAction',
            'Start_Conversation'
        ],
        [
            'objects/MessagingSession/listViews/All_Sessions.listView-meta.xml',
            'ListView',
            'All_Sessions'
        ],
        [
            'objects/MessagingSession/fields/WaitSeconds__c.field-meta.xml',
            'CustomField',
            'WaitSeconds__c'
        ],
        [
            'objects/MessagingSession/compactLayouts/Session_Compact.compactLayout-meta.xml',
            'CompactLayout',
            'Session_Compact'
        ],
        [
            'permissionsets/Console_Agent.permissionset-meta.xml',
            'PermissionSet',
            'Console_Agent'
        ],
        [
            'applications/Messaging_Console.app-meta.xml',
            'CustomApplication',
            'Messaging_Console'
        ],
        [
            'layouts/MessagingSession-Session Layout.layout-meta.xml',
            'Layout',
            'Session Layout'
        ],
        [
            'objects/MessagingSession/MessagingSession.object-meta.xml',
            'CustomObject',
            'MessagingSession'
        ],
        [
            'platformEventChannelMembers/ChangeEvents_MessagingSessionChangeEvent.platformEventChannelMember-meta.xml',
            'PlatformEventChannelMember',
            'ChangeEvents_MessagingSessionChangeEvent'
        ]
    ])('%s', (path, type, name) => {
        expect(unprefixed(namesOfFile(path, () => ''))).toEqual([
            { file: path, type, name }
        ]);
    });

    it('a custom object without the prefix, even when its children have it', () => {
        const names = namesOfFile(
            'objects/Setting__c/fields/MSC_Value__c.field-meta.xml',
            () => ''
        );
        expect(unprefixed(names)).toEqual([
            {
                file: 'objects/Setting__c/fields/MSC_Value__c.field-meta.xml',
                type: 'CustomObject',
                name: 'Setting__c'
            }
        ]);
    });

    it("a file under Salesforce's own Messaging Session page name", () => {
        const names = namesOfFile(
            'flexipages/Messaging_Session_Record_Page.flexipage-meta.xml',
            () => ''
        );
        expect(salesforceGenerated(names)).toEqual(names);
        expect(unprefixed(names)).toEqual(names);
    });

    it('accepts prefixed names and leaves bundles and their files alone (control case)', () => {
        for (const path of [
            'flexipages/MSC_Console_Home.flexipage-meta.xml',
            'quickActions/Contact.MSC_Start.quickAction-meta.xml',
            'objects/MessagingSession/fields/MSC_WaitSeconds__c.field-meta.xml',
            'lwc/messagingSessionList/messagingSessionList.js-meta.xml',
            'flows/MSC_Send.flow-meta.xml'
        ]) {
            expect({
                path,
                offenders: unprefixed(namesOfFile(path, () => ''))
            }).toEqual({
                path,
                offenders: []
            });
        }
        expect(
            namesOfFile(
                'lwc/messagingSessionList/messagingSessionList.js-meta.xml',
                () => ''
            )
        ).toEqual([]);
    });
});
