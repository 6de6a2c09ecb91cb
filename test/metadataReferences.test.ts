/**
 * (Runs in Jest's default jsdom environment: the LWC preset's setup files need a DOM, so the
 * node environment cannot load them. Node's fs and os modules work the same there.)
 *
 * Offline proof that the metadata deploys as a whole: every reference between FlexiPages, components,
 * permission sets, apps, tabs, quick actions, flows, labels, message channels and fields resolves.
 * The second half feeds the checker a copy of force-app with one broken reference per rule and
 * expects it to name that reference, so a checker that stopped looking would fail here too.
 */
import {
    cpSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync,
    existsSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    checkMetadataReferences,
    formatProblems,
    parseXml,
    type ReferenceProblem,
    type ReferenceRule
} from './support/metadataReferences';
import { Kind, parse, visit, type ASTNode, type FieldNode } from 'graphql';
import { SESSION_STATUSES } from 'c/messagingSessionSchema';
import {
    BACKLOG_DOCUMENT,
    FIGURES_DOCUMENT,
    QUEUE_LOOKUP_DOCUMENT
} from '../force-app/main/default/lwc/messagingBacklog/backlogDocuments';
import { STANDARD_OBJECTS } from './support/standardSchema';

const ROOT = join(__dirname, '..');
const FORCE_APP = join(ROOT, 'force-app');
const MD = join(FORCE_APP, 'main', 'default');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

// ---------------------------------------------------------------------------------------------
// The real project
// ---------------------------------------------------------------------------------------------

describe('force-app references', () => {
    it('resolves every reference (components, pages, permission sets, apps, tabs, flows, imports)', () => {
        const problems = checkMetadataReferences(FORCE_APP);
        if (problems.length) {
            throw new Error(
                `${problems.length} broken reference(s):\n${formatProblems(problems)}`
            );
        }
        expect(problems).toEqual([]);
    });

    it('has the console parts the app is made of', () => {
        for (const file of [
            'applications/MSC_Messaging_Console.app-meta.xml',
            'flexipages/MSC_Messaging_Session_Record_Page.flexipage-meta.xml',
            'flexipages/MSC_Messaging_Console_Home.flexipage-meta.xml',
            'flexipages/MSC_Messaging_Console_Utility_Bar.flexipage-meta.xml',
            'flexipages/MSC_Messaging_Supervisor_Home.flexipage-meta.xml',
            'tabs/MSC_Messaging_Console_Home.tab-meta.xml',
            'tabs/MSC_Messaging_Supervisor_Home.tab-meta.xml',
            'permissionsets/MSC_Messaging_Console_Agent.permissionset-meta.xml',
            'permissionsets/MSC_Messaging_Console_Supervisor.permissionset-meta.xml'
        ]) {
            expect({ file, exists: existsSync(join(MD, file)) }).toEqual({
                file,
                exists: true
            });
        }
    });
});

// ---------------------------------------------------------------------------------------------
// The backlog: placed on both Home pages and in the utility bar, its reads granted to supervisors
// ---------------------------------------------------------------------------------------------

/**
 * Objects the UI API lets every user read without an object permission (a permission set can't
 * grant one on them): Group, whose queues the backlog names.
 */
const NOT_PERMISSIONABLE = new Set(['Group']);

/** The objects a component's GraphQL documents read: every field under uiapi.query and uiapi.aggregate. */
function objectsReadBy(documents: readonly string[]): string[] {
    const objects = new Set<string>();
    for (const document of documents) {
        visit(parse(document), {
            Field(node, _key, _parent, _path, ancestors) {
                const parent = ancestors
                    .filter(
                        (ancestor): ancestor is FieldNode =>
                            !Array.isArray(ancestor) &&
                            (ancestor as ASTNode).kind === Kind.FIELD
                    )
                    .map((field) => field.name.value);
                const depth = parent.length;
                if (
                    depth === 2 &&
                    parent[0] === 'uiapi' &&
                    (parent[1] === 'query' || parent[1] === 'aggregate')
                ) {
                    objects.add(node.name.value);
                }
            }
        });
    }
    return [...objects].sort();
}

/** The objects of `objects` that a permission set file does not let its holder read. */
function ungrantedReads(
    permissionSetFile: string,
    objects: string[]
): string[] {
    const set = parseXml(permissionSetFile) as {
        objectPermissions?: Array<Record<string, string[]>>;
    };
    const readable = new Set(
        (set.objectPermissions ?? [])
            .filter((entry) => entry.allowRead?.[0] === 'true')
            .map((entry) => entry.object?.[0])
    );
    return objects.filter(
        (object) => !NOT_PERMISSIONABLE.has(object) && !readable.has(object)
    );
}

const BACKLOG_DOCUMENTS = [
    QUEUE_LOOKUP_DOCUMENT,
    BACKLOG_DOCUMENT,
    FIGURES_DOCUMENT
];
const SUPERVISOR_SET = join(
    MD,
    'permissionsets',
    'MSC_Messaging_Console_Supervisor.permissionset-meta.xml'
);

describe('the backlog in the console', () => {
    const placements = (page: string): string[] => {
        const root = parseXml(join(MD, 'flexipages', page)) as {
            flexiPageRegions?: Array<{
                itemInstances?: Array<{
                    componentInstance?: Array<{ componentName?: string[] }>;
                }>;
            }>;
        };
        return (root.flexiPageRegions ?? []).flatMap((region) =>
            (region.itemInstances ?? []).flatMap((item) =>
                (item.componentInstance ?? []).map(
                    (instance) => instance.componentName?.[0] ?? ''
                )
            )
        );
    };

    it('is placed on both Home pages and in the utility bar', () => {
        for (const page of [
            'MSC_Messaging_Console_Home.flexipage-meta.xml',
            'MSC_Messaging_Supervisor_Home.flexipage-meta.xml',
            'MSC_Messaging_Console_Utility_Bar.flexipage-meta.xml'
        ]) {
            expect({ page, placed: placements(page) }).toEqual({
                page,
                placed: expect.arrayContaining(['messagingBacklog'])
            });
        }
    });

    it('reads sessions, channels and queues, and the Supervisor set lets its holder read each one', () => {
        const objects = objectsReadBy(BACKLOG_DOCUMENTS);
        expect(objects).toEqual([
            'Group',
            'MessagingChannel',
            'MessagingSession'
        ]);
        expect(ungrantedReads(SUPERVISOR_SET, objects)).toEqual([]);
    });

    it('a Supervisor set without read on MessagingChannel is reported (the check looks)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'backlog-grants-'));
        try {
            const file = join(dir, 'Narrow.permissionset-meta.xml');
            writeFileSync(
                file,
                readFileSync(SUPERVISOR_SET, 'utf8').replace(
                    /<objectPermissions>(?:(?!<\/objectPermissions>)[\s\S])*<object>MessagingChannel<\/object>[\s\S]*?<\/objectPermissions>/,
                    ''
                )
            );
            expect(
                ungrantedReads(file, objectsReadBy(BACKLOG_DOCUMENTS))
            ).toEqual(['MessagingChannel']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

// ---------------------------------------------------------------------------------------------
// Broken copies: one bad reference per rule
// ---------------------------------------------------------------------------------------------

let workDir: string;

beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'metadata-references-'));
    cpSync(FORCE_APP, join(workDir, 'force-app'), {
        recursive: true,
        filter: (source) =>
            !source.includes('__tests__') &&
            !source.includes(join('force-app', 'test'))
    });
});

afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
});

function md(...parts: string[]): string {
    return join(workDir, 'force-app', 'main', 'default', ...parts);
}

function write(path: string, content: string): void {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
}

/** A small component bundle written into the copy: its targets, target configs and @api properties. */
function writeBundle(
    name: string,
    metaBody: string,
    apiProperties: string[],
    extra: Record<string, string> = {}
): void {
    write(
        md('lwc', name, `${name}.js-meta.xml`),
        `${XML_HEAD}<LightningComponentBundle ${NS}>\n<apiVersion>66.0</apiVersion>\n<isExposed>true</isExposed>\n${metaBody}\n</LightningComponentBundle>\n`
    );
    const props = apiProperties.map((prop) => `    @api ${prop};`).join('\n');
    write(
        md('lwc', name, `${name}.js`),
        `import { LightningElement, api } from 'lwc';\nexport default class X extends LightningElement {\n${props}\n}\n`
    );
    for (const [file, content] of Object.entries(extra))
        write(md('lwc', name, file), content);
}

function flexiPage(
    name: string,
    type: string,
    template: string,
    region: string,
    componentXml: string,
    sobjectType?: string
): void {
    write(
        md('flexipages', `${name}.flexipage-meta.xml`),
        `${XML_HEAD}<FlexiPage ${NS}>\n<flexiPageRegions>\n<itemInstances>\n<componentInstance>\n${componentXml}\n</componentInstance>\n</itemInstances>\n<name>${region}</name>\n<type>Region</type>\n</flexiPageRegions>\n<masterLabel>${name}</masterLabel>\n${sobjectType ? `<sobjectType>${sobjectType}</sobjectType>\n` : ''}<template><name>${template}</name></template>\n<type>${type}</type>\n</FlexiPage>\n`
    );
}

function appPage(name: string, componentXml: string): void {
    flexiPage(
        name,
        'AppPage',
        'flexipage:appHomeTemplateThreeColumns',
        'region1',
        componentXml
    );
}

function recordPage(name: string, object: string, componentXml: string): void {
    flexiPage(
        name,
        'RecordPage',
        'flexipage:recordHomeTemplateDesktop',
        'main',
        componentXml,
        object
    );
}

function permissionSetWith(body: string): void {
    write(
        md('permissionsets', 'Broken_Set.permissionset-meta.xml'),
        `${XML_HEAD}<PermissionSet ${NS}>\n<label>Broken</label>\n${body}\n</PermissionSet>\n`
    );
}

const WIDGET_META = `<targets>
<target>lightning__AppPage</target>
<target>lightning__RecordPage</target>
</targets>
<targetConfigs>
<targetConfig targets="lightning__AppPage">
<property name="mode" type="String" />
</targetConfig>
<targetConfig targets="lightning__RecordPage">
<objects><object>Contact</object></objects>
</targetConfig>
</targetConfigs>`;

function problemsAfter(mutate: () => void): ReferenceProblem[] {
    mutate();
    return checkMetadataReferences(join(workDir, 'force-app'));
}

/** Asserts the checker reports `reference` under `rule` (and says which problems it did report). */
function expectReported(
    problems: ReferenceProblem[],
    rule: ReferenceRule,
    reference: string
): void {
    const hit = problems.find(
        (problem) => problem.rule === rule && problem.reference === reference
    );
    if (!hit) {
        throw new Error(
            `expected [${rule}] ${reference}; the checker reported:\n${formatProblems(problems) || '(nothing)'}`
        );
    }
    expect(hit.message).toContain(reference.split(/[./]/).pop() ?? reference);
}

describe('the checker catches broken references', () => {
    it('accepts a correctly placed new component (control case)', () => {
        const problems = problemsAfter(() => {
            writeBundle('goodWidget', WIDGET_META, ['mode']);
            appPage(
                'Good_Page',
                '<componentInstanceProperties><name>mode</name><value>compact</value></componentInstanceProperties>\n<componentName>goodWidget</componentName>'
            );
            recordPage(
                'Good_Contact_Page',
                'Contact',
                '<componentName>c:goodWidget</componentName>'
            );
        });
        expect(
            problems.filter(
                (problem) =>
                    problem.file.includes('good') ||
                    problem.file.includes('Good')
            )
        ).toEqual([]);
    });

    it('a FlexiPage placing a component that does not exist', () => {
        const problems = problemsAfter(() =>
            appPage(
                'Broken_Page',
                '<componentName>noSuchComponent</componentName>'
            )
        );
        expectReported(problems, 'flexipage-component', 'noSuchComponent');
    });

    it('a FlexiPage placing an unknown platform component', () => {
        const problems = problemsAfter(() =>
            appPage(
                'Broken_Page',
                '<componentName>force:noSuchThing</componentName>'
            )
        );
        expectReported(problems, 'flexipage-component', 'force:noSuchThing');
    });

    it('a component the console pages place goes missing', () => {
        const problems = problemsAfter(() =>
            rmSync(md('lwc', 'messagingSessionDetail'), {
                recursive: true,
                force: true
            })
        );
        const files = problems
            .filter(
                (problem) =>
                    problem.rule === 'flexipage-component' &&
                    problem.reference === 'messagingSessionDetail'
            )
            .map((problem) => problem.file)
            .sort();
        expect(files).toEqual([
            join(
                'force-app',
                'main',
                'default',
                'flexipages',
                'MSC_Messaging_Console_Home.flexipage-meta.xml'
            ),
            join(
                'force-app',
                'main',
                'default',
                'flexipages',
                'MSC_Messaging_Session_Record_Page.flexipage-meta.xml'
            ),
            join(
                'force-app',
                'main',
                'default',
                'flexipages',
                'MSC_Messaging_Supervisor_Home.flexipage-meta.xml'
            )
        ]);
    });

    it('the backlog goes missing: every page that places it is named', () => {
        const problems = problemsAfter(() =>
            rmSync(md('lwc', 'messagingBacklog'), {
                recursive: true,
                force: true
            })
        );
        const files = problems
            .filter(
                (problem) =>
                    problem.rule === 'flexipage-component' &&
                    problem.reference === 'messagingBacklog'
            )
            .map((problem) => problem.file.split(/[\\/]/).pop())
            .sort();
        expect(files).toEqual([
            'MSC_Messaging_Console_Home.flexipage-meta.xml',
            'MSC_Messaging_Console_Utility_Bar.flexipage-meta.xml',
            'MSC_Messaging_Supervisor_Home.flexipage-meta.xml'
        ]);
    });

    it('a Home page setting a backlog property the component does not declare', () => {
        const problems = problemsAfter(() => {
            const file = md(
                'flexipages',
                'MSC_Messaging_Supervisor_Home.flexipage-meta.xml'
            );
            writeFileSync(
                file,
                readFileSync(file, 'utf8').replace(
                    '<name>waitTargetSeconds</name>',
                    '<name>waitTarget</name>'
                )
            );
        });
        expectReported(
            problems,
            'flexipage-property',
            'messagingBacklog.waitTarget'
        );
    });

    // App Builder refuses a property name the component no longer declares, so a page saved with a
    // retired name fails the deploy: each console page setting one must be named.
    it.each([
        [
            'MSC_Messaging_Console_Home',
            'messagingSessionList',
            'refreshIntervalSeconds',
            'refreshInterval'
        ],
        [
            'MSC_Messaging_Console_Utility_Bar',
            'messagingSessionList',
            'safetyRefreshIntervalSeconds',
            'safetyRefreshInterval'
        ],
        [
            'MSC_Messaging_Supervisor_Home',
            'messagingSessionList',
            'defaultScope',
            'defaultOwner'
        ],
        [
            'MSC_Messaging_Supervisor_Home',
            'messagingAgentMetrics',
            'defaultTimeWindow',
            'defaultWindow'
        ]
    ])(
        '%s setting %s.%s under a retired name (%s)',
        (page, component, name, retiredName) => {
            const problems = problemsAfter(() => {
                const file = md('flexipages', `${page}.flexipage-meta.xml`);
                const source = readFileSync(file, 'utf8');
                // The property inside this component's instance only (both components have defaultScope).
                const instance = new RegExp(
                    `(<componentInstance>(?:(?!</componentInstance>)[\\s\\S])*?)<name>${name}</name>((?:(?!</componentInstance>)[\\s\\S])*?<componentName>${component}</componentName>)`
                );
                expect(source).toMatch(instance);
                writeFileSync(
                    file,
                    source.replace(instance, `$1<name>${retiredName}</name>$2`)
                );
            });
            expectReported(
                problems,
                'flexipage-property',
                `${component}.${retiredName}`
            );
        }
    );

    it('a page setting a declared property that is not an @api property', () => {
        const problems = problemsAfter(() => {
            writeBundle('brokenWidget', WIDGET_META, []);
            appPage(
                'Broken_Page',
                '<componentInstanceProperties><name>mode</name><value>compact</value></componentInstanceProperties>\n<componentName>brokenWidget</componentName>'
            );
        });
        const hit = problems.find(
            (problem) =>
                problem.rule === 'flexipage-property' &&
                problem.reference === 'brokenWidget.mode'
        );
        expect(hit?.message).toContain('is not an @api property');
    });

    it('the Supervisor Home page goes missing: its tab is named', () => {
        const problems = problemsAfter(() =>
            rmSync(
                md(
                    'flexipages',
                    'MSC_Messaging_Supervisor_Home.flexipage-meta.xml'
                ),
                { force: true }
            )
        );
        expectReported(
            problems,
            'tab-reference',
            'MSC_Messaging_Supervisor_Home'
        );
    });

    it('a component not exposed for the page type', () => {
        const problems = problemsAfter(() => {
            writeBundle(
                'homeOnlyWidget',
                '<targets><target>lightning__HomePage</target></targets>',
                []
            );
            flexiPage(
                'Broken_Bar',
                'UtilityBar',
                'one:utilityBarTemplateDesktop',
                'utilityItems',
                '<componentName>homeOnlyWidget</componentName>'
            );
        });
        expectReported(problems, 'flexipage-target', 'homeOnlyWidget');
    });

    it('a component exposed on record pages of other objects only', () => {
        const problems = problemsAfter(() => {
            writeBundle('brokenWidget', WIDGET_META, ['mode']);
            recordPage(
                'Broken_Record_Page',
                'MessagingSession',
                '<componentName>brokenWidget</componentName>'
            );
        });
        expectReported(problems, 'flexipage-target', 'brokenWidget');
    });

    it('a component that is not exposed at all', () => {
        const problems = problemsAfter(() => {
            writeBundle('hiddenWidget', WIDGET_META, ['mode']);
            write(
                md('lwc', 'hiddenWidget', 'hiddenWidget.js-meta.xml'),
                `${XML_HEAD}<LightningComponentBundle ${NS}><apiVersion>66.0</apiVersion><isExposed>false</isExposed>${WIDGET_META}</LightningComponentBundle>`
            );
            appPage(
                'Broken_Page',
                '<componentName>hiddenWidget</componentName>'
            );
        });
        expectReported(problems, 'flexipage-target', 'hiddenWidget');
    });

    it('a page setting a property the target does not declare', () => {
        const problems = problemsAfter(() => {
            writeBundle('brokenWidget', WIDGET_META, ['mode', 'colour']);
            appPage(
                'Broken_Page',
                '<componentInstanceProperties><name>colour</name><value>red</value></componentInstanceProperties>\n<componentName>brokenWidget</componentName>'
            );
        });
        expectReported(problems, 'flexipage-property', 'brokenWidget.colour');
    });

    it('a js-meta property that is not an @api property', () => {
        const problems = problemsAfter(() =>
            writeBundle('brokenWidget', WIDGET_META, [])
        );
        expectReported(problems, 'component-meta', 'brokenWidget.mode');
    });

    it('a tab pointing at a FlexiPage that does not exist', () => {
        const problems = problemsAfter(() =>
            write(
                md('tabs', 'Broken_Tab.tab-meta.xml'),
                `${XML_HEAD}<CustomTab ${NS}><flexiPage>No_Such_Page</flexiPage><label>x</label><motif>Custom53: Bell</motif></CustomTab>`
            )
        );
        expectReported(problems, 'tab-reference', 'No_Such_Page');
    });

    it.each([
        [
            'object',
            '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>MessagingSesion</object><viewAllRecords>false</viewAllRecords></objectPermissions>',
            'MessagingSesion'
        ],
        [
            'custom field',
            '<fieldPermissions><editable>false</editable><field>MessagingSession.WaitMinutes__c</field><readable>true</readable></fieldPermissions>',
            'MessagingSession.WaitMinutes__c'
        ],
        [
            'standard field',
            '<fieldPermissions><editable>false</editable><field>MessagingSession.AcceptedTime</field><readable>true</readable></fieldPermissions>',
            'MessagingSession.AcceptedTime'
        ],
        [
            'app',
            '<applicationVisibilities><application>No_Such_App</application><visible>true</visible></applicationVisibilities>',
            'No_Such_App'
        ],
        [
            'tab',
            '<tabSettings><tab>standard-NoSuchObject</tab><visibility>Visible</visibility></tabSettings>',
            'standard-NoSuchObject'
        ],
        [
            'flow',
            '<flowAccesses><enabled>true</enabled><flow>No_Such_Flow</flow></flowAccesses>',
            'No_Such_Flow'
        ]
    ])('a permission set naming a missing %s', (_kind, body, reference) => {
        const problems = problemsAfter(() => permissionSetWith(body));
        expectReported(problems, 'permissionset-reference', reference);
    });

    it('a permission set granting field access on a required field', () => {
        const problems = problemsAfter(() => {
            write(
                md(
                    'objects',
                    'MessagingSession',
                    'fields',
                    'Required_Thing__c.field-meta.xml'
                ),
                `${XML_HEAD}<CustomField ${NS}><fullName>Required_Thing__c</fullName><label>x</label><length>10</length><required>true</required><type>Text</type></CustomField>`
            );
            permissionSetWith(
                '<fieldPermissions><editable>false</editable><field>MessagingSession.Required_Thing__c</field><readable>true</readable></fieldPermissions>'
            );
        });
        expectReported(
            problems,
            'permissionset-reference',
            'MessagingSession.Required_Thing__c'
        );
    });

    it('a flow the console permission set grants goes missing', () => {
        const problems = problemsAfter(() =>
            rmSync(
                md('flows', 'MSC_Start_Messaging_Conversation.flow-meta.xml'),
                {
                    force: true
                }
            )
        );
        expectReported(
            problems,
            'permissionset-reference',
            'MSC_Start_Messaging_Conversation'
        );
    });

    it('a quick action naming a flow that does not exist', () => {
        const problems = problemsAfter(() =>
            write(
                md(
                    'quickActions',
                    'Contact.Broken_Action.quickAction-meta.xml'
                ),
                `${XML_HEAD}<QuickAction ${NS}><flowDefinition>No_Such_Flow</flowDefinition><label>x</label><optionsCreateFeedItem>false</optionsCreateFeedItem><type>Flow</type></QuickAction>`
            )
        );
        expectReported(problems, 'flow-reference', 'No_Such_Flow');
    });

    it('a component naming a flow that does not exist (template and code)', () => {
        const problems = problemsAfter(() =>
            writeBundle(
                'flowWidget',
                '<targets><target>lightning__AppPage</target></targets>',
                [],
                {
                    'flowWidget.html':
                        '<template><lightning-flow flow-api-name="Missing_Html_Flow"></lightning-flow></template>',
                    'flowWidget.ts':
                        "export const FLOW_API_NAME = 'Missing_Ts_Flow';\nconst config = { flowApiName: 'Also_Missing' };\n"
                }
            )
        );
        expectReported(problems, 'flow-reference', 'Missing_Html_Flow');
        expectReported(problems, 'flow-reference', 'Missing_Ts_Flow');
        expectReported(problems, 'flow-reference', 'Also_Missing');
    });

    it('an app naming a tab, utility bar and page that do not exist', () => {
        const problems = problemsAfter(() =>
            write(
                md('applications', 'Broken_App.app-meta.xml'),
                `${XML_HEAD}<CustomApplication ${NS}>
<actionOverrides><actionName>View</actionName><content>No_Such_Record_Page</content><formFactor>Large</formFactor><type>Flexipage</type><pageOrSobjectType>MessagingSession</pageOrSobjectType></actionOverrides>
<label>Broken</label><navType>Console</navType>
<tabs>No_Such_Tab</tabs><tabs>standard-Case</tabs>
<uiType>Lightning</uiType><utilityBar>No_Such_Bar</utilityBar>
<workspaceConfig><mappings><fieldName>NoSuchLookupId</fieldName><tab>standard-Case</tab></mappings></workspaceConfig>
</CustomApplication>`
            )
        );
        expectReported(problems, 'app-reference', 'No_Such_Tab');
        expectReported(problems, 'app-reference', 'No_Such_Bar');
        expectReported(problems, 'app-reference', 'No_Such_Record_Page');
        expectReported(
            problems,
            'app-reference',
            'standard-Case.NoSuchLookupId'
        );
    });

    it('an app using a record page as its utility bar', () => {
        const problems = problemsAfter(() =>
            write(
                md('applications', 'Broken_App.app-meta.xml'),
                `${XML_HEAD}<CustomApplication ${NS}><label>Broken</label><navType>Console</navType><uiType>Lightning</uiType><utilityBar>MSC_Messaging_Session_Record_Page</utilityBar></CustomApplication>`
            )
        );
        expectReported(
            problems,
            'app-reference',
            'MSC_Messaging_Session_Record_Page'
        );
    });

    it.each([
        [
            'label',
            "import x from '@salesforce/label/c.NoSuchLabel';",
            '@salesforce/label/c.NoSuchLabel'
        ],
        [
            'message channel',
            "import x from '@salesforce/messageChannel/NoSuchChannel__c';",
            '@salesforce/messageChannel/NoSuchChannel__c'
        ],
        [
            'custom field',
            "import x from '@salesforce/schema/MessagingSession.NoSuchField__c';",
            '@salesforce/schema/MessagingSession.NoSuchField__c'
        ],
        [
            'standard field',
            "import x from '@salesforce/schema/MessagingSession.EndUserName';",
            '@salesforce/schema/MessagingSession.EndUserName'
        ],
        [
            'relationship',
            "import x from '@salesforce/schema/MessagingSession.EndUser.Name';",
            '@salesforce/schema/MessagingSession.EndUser.Name'
        ],
        [
            'object',
            "import x from '@salesforce/schema/MessagingSessions';",
            '@salesforce/schema/MessagingSessions'
        ],
        ['component', "import x from 'c/noSuchModule';", 'c/noSuchModule']
    ])('a component importing a missing %s', (_kind, importLine, reference) => {
        const problems = problemsAfter(() =>
            writeBundle(
                'importWidget',
                '<targets><target>lightning__AppPage</target></targets>',
                [],
                {
                    'importWidget.ts': `${importLine}\nexport default x;\n`
                }
            )
        );
        expectReported(problems, 'component-import', reference);
    });

    it('accepts spanning imports through known relationships', () => {
        const problems = problemsAfter(() =>
            writeBundle(
                'importWidget',
                '<targets><target>lightning__AppPage</target></targets>',
                [],
                {
                    'importWidget.ts':
                        "import a from '@salesforce/schema/MessagingSession.MessagingEndUser.Name';\nimport b from '@salesforce/schema/MessagingSession.Owner.Name';\nexport default [a, b];\n"
                }
            )
        );
        expect(
            problems.filter((problem) => problem.file.includes('importWidget'))
        ).toEqual([]);
    });

    it('a template using a child component that does not exist', () => {
        const problems = problemsAfter(() =>
            writeBundle(
                'parentWidget',
                '<targets><target>lightning__AppPage</target></targets>',
                [],
                {
                    'parentWidget.html':
                        '<template><c-no-such-child></c-no-such-child></template>'
                }
            )
        );
        expectReported(problems, 'component-import', 'c-no-such-child');
    });

    it('a compact layout naming a missing field', () => {
        const problems = problemsAfter(() =>
            write(
                md(
                    'objects',
                    'MessagingSession',
                    'compactLayouts',
                    'Broken.compactLayout-meta.xml'
                ),
                `${XML_HEAD}<CompactLayout ${NS}><fields>Name</fields><fields>QueueTime__c</fields><label>Broken</label></CompactLayout>`
            )
        );
        expectReported(
            problems,
            'layout-reference',
            'MessagingSession.QueueTime__c'
        );
    });

    it('accepts related-record cards on lookups of the page object with their own actions (control case)', () => {
        const problems = problemsAfter(() =>
            recordPage(
                'Good_Card_Page',
                'MessagingSession',
                '<componentInstanceProperties><name>createQuickActionName</name><value>NewCase</value></componentInstanceProperties>\n<componentInstanceProperties><name>lookupFieldName</name><value>CaseId</value></componentInstanceProperties>\n<componentInstanceProperties><name>updateQuickActionName</name><value>Case._LightningUpdateCase</value></componentInstanceProperties>\n<componentName>console:relatedRecord</componentName>'
            )
        );
        expect(
            problems.filter((problem) => problem.file.includes('Good_Card'))
        ).toEqual([]);
    });

    it('a related-record card on a field the page object does not have', () => {
        const problems = problemsAfter(() =>
            recordPage(
                'Broken_Card_Page',
                'MessagingSession',
                '<componentInstanceProperties><name>lookupFieldName</name><value>ContactId</value></componentInstanceProperties>\n<componentName>console:relatedRecord</componentName>'
            )
        );
        expectReported(
            problems,
            'flexipage-property',
            'MessagingSession.ContactId'
        );
    });

    it('a related-record card whose update action belongs to another object, and an unknown create action', () => {
        const problems = problemsAfter(() =>
            recordPage(
                'Broken_Card_Page',
                'MessagingSession',
                '<componentInstanceProperties><name>createQuickActionName</name><value>NewCaseX</value></componentInstanceProperties>\n<componentInstanceProperties><name>lookupFieldName</name><value>MessagingEndUserId</value></componentInstanceProperties>\n<componentInstanceProperties><name>updateQuickActionName</name><value>Case._LightningUpdateCase</value></componentInstanceProperties>\n<componentName>console:relatedRecord</componentName>'
            )
        );
        expectReported(
            problems,
            'flexipage-property',
            'Case._LightningUpdateCase'
        );
        expectReported(problems, 'flexipage-property', 'NewCaseX');
    });

    it('a FlexiPage region the template does not have, and a tab pointing at a missing facet', () => {
        const problems = problemsAfter(() => {
            flexiPage(
                'Broken_Page',
                'AppPage',
                'flexipage:appHomeTemplateThreeColumns',
                'region9',
                '<componentInstanceProperties><name>body</name><value>noSuchFacet</value></componentInstanceProperties>\n<componentName>flexipage:tab</componentName>'
            );
        });
        expectReported(problems, 'flexipage-structure', 'region9');
        expectReported(problems, 'flexipage-structure', 'noSuchFacet');
    });
});

// ---------------------------------------------------------------------------------------------
// Sample data plan (data/sample): objects, fields and references resolve, in load order
// ---------------------------------------------------------------------------------------------

interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}

describe('sample data plan', () => {
    const planDir = join(ROOT, 'data', 'sample');
    const plan = JSON.parse(
        readFileSync(join(planDir, 'messaging-plan.json'), 'utf8')
    ) as {
        sobject: string;
        files: string[];
    }[];

    it('loads parents before the records that point at them, with known fields only', () => {
        const seen = new Set<string>();
        const loaded: string[] = [];
        for (const step of plan) {
            const schema = STANDARD_OBJECTS[step.sobject];
            expect({
                sobject: step.sobject,
                known: schema !== undefined
            }).toEqual({ sobject: step.sobject, known: true });
            for (const file of step.files) {
                const { records } = JSON.parse(
                    readFileSync(join(planDir, file), 'utf8')
                ) as { records: TreeRecord[] };
                expect(records.length).toBeGreaterThan(0);
                for (const record of records) {
                    expect(record.attributes.type).toBe(step.sobject);
                    for (const [field, value] of Object.entries(record)) {
                        if (field === 'attributes') continue;
                        expect({
                            field,
                            known: schema?.fields.includes(field)
                        }).toEqual({ field, known: true });
                        if (
                            typeof value === 'string' &&
                            value.startsWith('@')
                        ) {
                            expect({
                                field,
                                reference: value,
                                resolved: seen.has(value.slice(1))
                            }).toEqual({
                                field,
                                reference: value,
                                resolved: true
                            });
                        }
                    }
                    seen.add(record.attributes.referenceId);
                    loaded.push(step.sobject);
                }
            }
        }
        expect(new Set(loaded)).toEqual(
            new Set([
                'Contact',
                'MessagingChannel',
                'MessagingEndUser',
                'MessagingSession'
            ])
        );
    });

    it('gives every session its required fields, valid picklist values and times in order', () => {
        const { records } = JSON.parse(
            readFileSync(join(planDir, 'MessagingSession.json'), 'utf8')
        ) as {
            records: TreeRecord[];
        };
        const statuses = SESSION_STATUSES.map((option) => option.value);
        for (const record of records) {
            expect(typeof record.MessagingChannelId).toBe('string');
            expect(typeof record.MessagingEndUserId).toBe('string');
            expect(statuses).toContain(record.Status);
            expect(typeof record.Origin).toBe('string');
            const times = ['StartTime', 'AcceptTime', 'EndTime']
                .map((field) => record[field])
                .filter((value): value is string => typeof value === 'string')
                .map((value) => Date.parse(value));
            expect(times.every((time) => !Number.isNaN(time))).toBe(true);
            expect([...times].sort((a, b) => a - b)).toEqual(times);
        }
    });
});
