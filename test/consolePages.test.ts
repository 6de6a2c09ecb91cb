/**
 * What an agent needs on day one, read from the console's FlexiPages and app:
 * - the session page is built like Salesforce's own Messaging Session page: the conversation (where
 *   the agent answers, ends and transfers), the details panel, the Messaging User and Case cards,
 *   and the console's detail, history and feed; it is the View override of this app only;
 * - the utility bar has the Omni-Channel widget (presence and routed work) and a list that can show
 *   something for an agent: my Active and Paused sessions;
 * - Start Conversation is not on the page an agent uses during a conversation;
 * - the waiting backlog sits beside the session list on both Home pages, and compact in the utility
 *   bar; supervisors start on their own Home, where every component shows the team and the queues,
 *   and agents keep the agent Home.
 *
 * (Jest's default jsdom environment: the LWC preset's setup needs a DOM. Only fs is used.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml } from './support/metadataReferences';

const MD = join(__dirname, '..', 'force-app', 'main', 'default');

type XmlRecord = Record<string, unknown>;

function children(node: XmlRecord, name: string): XmlRecord[] {
    const value = node[name];
    return Array.isArray(value)
        ? (value.filter((item) => typeof item === 'object') as XmlRecord[])
        : [];
}

function leaf(node: XmlRecord, name: string): string {
    const value = node[name];
    return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

interface Placed {
    region: string;
    regionType: string;
    component: string;
    properties: Record<string, string>;
    decorators: Record<string, string>;
}

/** Every component instance of a FlexiPage, with its region (or facet) and its properties. */
function placed(file: string): Placed[] {
    const page = parseXml(join(MD, 'flexipages', file)) as XmlRecord;
    const out: Placed[] = [];
    for (const region of children(page, 'flexiPageRegions')) {
        for (const item of children(region, 'itemInstances')) {
            for (const instance of children(item, 'componentInstance')) {
                const properties: Record<string, string> = {};
                const decorators: Record<string, string> = {};
                for (const property of children(
                    instance,
                    'componentInstanceProperties'
                )) {
                    const target =
                        leaf(property, 'type') === 'decorator'
                            ? decorators
                            : properties;
                    target[leaf(property, 'name')] = leaf(property, 'value');
                }
                out.push({
                    region: leaf(region, 'name'),
                    regionType: leaf(region, 'type'),
                    component: leaf(instance, 'componentName'),
                    properties,
                    decorators
                });
            }
        }
    }
    return out;
}

const RECORD_PAGE = 'MSC_Messaging_Session_Record_Page.flexipage-meta.xml';
const UTILITY_BAR = 'MSC_Messaging_Console_Utility_Bar.flexipage-meta.xml';
const AGENT_HOME = 'MSC_Messaging_Console_Home.flexipage-meta.xml';
const SUPERVISOR_HOME = 'MSC_Messaging_Supervisor_Home.flexipage-meta.xml';

/** Component name -> its region, for a page whose components each appear once. */
function regionsOf(file: string): Record<string, string> {
    return Object.fromEntries(placed(file).map((c) => [c.component, c.region]));
}

function propertiesOf(file: string, component: string): Record<string, string> {
    return (
        placed(file).find((c) => c.component === component)?.properties ?? {}
    );
}

/** The Supervisor Home page and its tab, as the Supervisor permission set shows it. */
function supervisorTab(): { tab: string; page: string } {
    const tab = parseXml(
        join(MD, 'tabs', 'MSC_Messaging_Supervisor_Home.tab-meta.xml')
    ) as XmlRecord;
    return {
        tab: 'MSC_Messaging_Supervisor_Home',
        page: leaf(tab, 'flexiPage')
    };
}

/** The tab (title and whether it opens first) whose facet holds `component` on the record page. */
function tabOf(
    components: Placed[],
    component: string
): { title: string; active: boolean } | undefined {
    const facet = components.find((c) => c.component === component)?.region;
    const tab = components.find(
        (c) => c.component === 'flexipage:tab' && c.properties.body === facet
    );
    return tab
        ? {
              title: tab.properties.title ?? '',
              active: tab.properties.active === 'true'
          }
        : undefined;
}

describe('the Messaging session record page', () => {
    const components = placed(RECORD_PAGE);
    const page = parseXml(join(MD, 'flexipages', RECORD_PAGE)) as XmlRecord;

    it("is a MessagingSession record page on Salesforce's own messaging page template", () => {
        expect(leaf(page, 'sobjectType')).toBe('MessagingSession');
        expect(leaf(page, 'parentFlexiPage')).toBe(
            'runtime_service_livemessage__MS_rec_L'
        );
        expect(leaf(children(page, 'template')[0] ?? {}, 'name')).toBe(
            'flexipage:recordHomeTemplateDesktop'
        );
    });

    it('opens on the Enhanced Conversation, in the first tab of the main tabset', () => {
        expect(tabOf(components, 'scrt:conversationBody')).toEqual({
            title: 'Standard.Tab.chat',
            active: true
        });
        const tabset = components.find(
            (c) => c.component === 'flexipage:tabset'
        );
        expect(tabset?.region).toBe('main');
        // The agent keeps the Transfer button and the conversation history.
        const conversation = components.find(
            (c) => c.component === 'scrt:conversationBody'
        );
        expect(conversation?.properties.hideTransferButton).toBe('false');
        expect(conversation?.properties.hideConversationHistory).toBe('false');
    });

    it("has the details panel, for the org's own session fields such as wrap-up fields", () => {
        expect(tabOf(components, 'force:detailPanel')).toEqual({
            title: 'Standard.Tab.detail',
            active: false
        });
    });

    it('has the Messaging User card and the Case card with its create and update actions, in the sidebar', () => {
        const cards = components
            .filter((c) => c.component === 'console:relatedRecord')
            .map((c) => ({ region: c.region, ...c.properties }));
        expect(cards).toEqual([
            {
                region: 'sidebar',
                lookupFieldName: 'MessagingEndUserId',
                titleFieldName: 'Messaging User',
                updateQuickActionName:
                    'MessagingEndUser._UpdateMessagingEndUser'
            },
            {
                region: 'sidebar',
                createQuickActionName: 'NewCase',
                lookupFieldName: 'CaseId',
                updateQuickActionName: 'Case._LightningUpdateCase'
            }
        ]);
    });

    it("has the console's detail and feed in the sidebar and its history leading the related lists", () => {
        const region = (name: string): string | undefined =>
            components.find((c) => c.component === name)?.region;
        expect(region('messagingSessionDetail')).toBe('sidebar');
        expect(region('messagingSessionFeed')).toBe('sidebar');
        expect(tabOf(components, 'messagingSessionHistory')?.title).toBe(
            'Standard.Tab.relatedLists'
        );
        expect(
            components
                .filter((c) => c.region === region('messagingSessionHistory'))
                .map((c) => c.component)
        ).toEqual(['messagingSessionHistory', 'force:relatedListContainer']);
    });

    it('titles every tab with a standard title key, which Salesforce translates, never with fixed text', () => {
        const titles = components
            .filter((c) => c.component === 'flexipage:tab')
            .map((c) => c.properties.title);
        expect(titles).toEqual([
            'Standard.Tab.chat',
            'Standard.Tab.detail',
            'Standard.Tab.relatedLists'
        ]);
    });

    it('keeps Start Conversation off the page an agent uses during a live conversation', () => {
        expect(
            components.filter((c) =>
                c.component.endsWith('messagingStartConversation')
            )
        ).toEqual([]);
    });
});

describe('the Messaging Console app', () => {
    const app = parseXml(
        join(MD, 'applications', 'MSC_Messaging_Console.app-meta.xml')
    ) as XmlRecord;

    it('opens sessions on the console record page in this app only (an app View override, not an org default)', () => {
        expect(
            children(app, 'actionOverrides').map((override) => ({
                actionName: leaf(override, 'actionName'),
                content: leaf(override, 'content'),
                formFactor: leaf(override, 'formFactor'),
                pageOrSobjectType: leaf(override, 'pageOrSobjectType'),
                type: leaf(override, 'type')
            }))
        ).toEqual([
            {
                actionName: 'View',
                content: 'MSC_Messaging_Session_Record_Page',
                formFactor: 'Large',
                pageOrSobjectType: 'MessagingSession',
                type: 'Flexipage'
            }
        ]);
        expect(children(app, 'profileActionOverrides')).toEqual([]);
    });

    it('gives supervisors the Omni Supervisor tab in the navigation', () => {
        const tabs = (app.tabs as string[]) ?? [];
        expect(tabs).toContain('standard-OmniSupervisorLightning');
        const mapped = children(
            children(app, 'workspaceConfig')[0] ?? {},
            'mappings'
        ).map((mapping) => leaf(mapping, 'tab'));
        expect(mapped).toContain('standard-OmniSupervisorLightning');
    });
});

describe('the utility bar', () => {
    const items = placed(UTILITY_BAR).filter(
        (c) => c.region === 'utilityItems'
    );

    it('has the Omni-Channel widget first, with no label, icon or size of its own (as real pages place it)', () => {
        expect(items[0]).toEqual({
            region: 'utilityItems',
            regionType: 'Region',
            component: 'runtime_service_omnichannel:omniWidget',
            properties: {},
            decorators: {}
        });
    });

    it('has the metrics, the waiting backlog, the session list and Start Conversation', () => {
        expect(items.map((item) => item.component)).toEqual([
            'runtime_service_omnichannel:omniWidget',
            'messagingAgentMetrics',
            'messagingBacklog',
            'messagingSessionList',
            'messagingStartConversation'
        ]);
    });

    it('shows the backlog in compact mode, against the same target and refresh as the Home pages', () => {
        const backlog = items.find(
            (item) => item.component === 'messagingBacklog'
        );
        expect(backlog?.properties).toEqual({
            compact: 'true',
            refreshIntervalSeconds: '60',
            waitTargetSeconds: '120'
        });
        expect(backlog?.decorators.label).toBe('Messaging Backlog');
    });

    it("lists my Active and Paused sessions (Waiting sessions belong to queues, so 'my Waiting' is always empty)", () => {
        const list = items.find(
            (item) => item.component === 'messagingSessionList'
        );
        expect(list?.properties.defaultScope).toBe('me');
        expect(
            (list?.properties.defaultStatuses ?? '').split(',').sort()
        ).toEqual(['Active', 'Paused']);
    });
});

describe('the Home pages', () => {
    it.each([AGENT_HOME, SUPERVISOR_HOME])(
        '%s: the backlog sits beside the session list, above the selected session, with every queue',
        (file) => {
            const regions = regionsOf(file);
            expect(regions.messagingSessionList).toBe('region1');
            expect(regions.messagingBacklog).toBe('region2');
            expect(
                placed(file)
                    .filter((c) => c.region === 'region2')
                    .map((c) => c.component)
            ).toEqual(['messagingBacklog', 'messagingSessionDetail']);
            // No queues property: every queue that has waiting sessions.
            expect(propertiesOf(file, 'messagingBacklog')).toEqual({
                compact: 'false',
                refreshIntervalSeconds: '60',
                waitTargetSeconds: '120'
            });
        }
    );

    it("the agent Home starts on the agent's own sessions and figures", () => {
        expect(
            propertiesOf(AGENT_HOME, 'messagingSessionList').defaultScope
        ).toBe('me');
        expect(
            propertiesOf(AGENT_HOME, 'messagingAgentMetrics').defaultScope
        ).toBe('me');
    });

    it("the Supervisor Home starts on the team and the queues, not on the supervisor's own empty figures", () => {
        const list = propertiesOf(SUPERVISOR_HOME, 'messagingSessionList');
        expect(list.defaultScope).toBe('all');
        expect(list.defaultStatuses.split(',').sort()).toEqual([
            'Active',
            'New',
            'Paused',
            'Waiting'
        ]);
        expect(
            propertiesOf(SUPERVISOR_HOME, 'messagingAgentMetrics').defaultScope
        ).toBe('team');
        expect(
            propertiesOf(SUPERVISOR_HOME, 'messagingBacklog').queues
        ).toBeUndefined();
    });
});

describe('where supervisors and agents start', () => {
    const app = parseXml(
        join(MD, 'applications', 'MSC_Messaging_Console.app-meta.xml')
    ) as XmlRecord;
    const tabs = (app.tabs as string[]) ?? [];
    const grants = (name: string): string[] =>
        children(
            parseXml(
                join(MD, 'permissionsets', `${name}.permissionset-meta.xml`)
            ) as XmlRecord,
            'tabSettings'
        )
            .filter((setting) => leaf(setting, 'visibility') === 'Visible')
            .map((setting) => leaf(setting, 'tab'));

    it('the Supervisor Home is an app page tab, first in the navigation, with a workspace mapping', () => {
        const { tab, page } = supervisorTab();
        expect(page).toBe('MSC_Messaging_Supervisor_Home');
        expect(tabs[0]).toBe(tab);
        expect(tabs[1]).toBe('MSC_Messaging_Console_Home');
        const mapped = children(
            children(app, 'workspaceConfig')[0] ?? {},
            'mappings'
        ).map((mapping) => leaf(mapping, 'tab'));
        expect(mapped).toContain(tab);
    });

    it('only the Supervisor permission set shows the Supervisor Home; agents keep the agent Home first', () => {
        const { tab } = supervisorTab();
        expect(grants('MSC_Messaging_Console_Supervisor')).toContain(tab);
        const agentTabs = grants('MSC_Messaging_Console_Agent');
        expect(agentTabs).not.toContain(tab);
        // The first navigation item an agent can see: the agent Home.
        expect(tabs.find((name) => agentTabs.includes(name))).toBe(
            'MSC_Messaging_Console_Home'
        );
    });

    it('ships no profile (profiles belong to the org)', () => {
        expect(existsSync(join(MD, 'profiles'))).toBe(false);
    });
});
