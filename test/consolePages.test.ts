/**
 * What an agent needs on day one, read from the console's FlexiPages and app:
 * - the session page is built like Salesforce's own Messaging Session page: the conversation (where
 *   the agent answers, ends and transfers), the details panel, the Messaging User and Case cards,
 *   and the console's detail, history and feed; it is the View override of this app only;
 * - the utility bar has the Omni-Channel widget (presence and routed work) and a list that can show
 *   something for an agent: my Active and Paused sessions;
 * - Start Conversation is not on the page an agent uses during a conversation.
 *
 * (Jest's default jsdom environment: the LWC preset's setup needs a DOM. Only fs is used.)
 */
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

    it("has the console's detail and feed in the sidebar and its history in a tab", () => {
        const region = (name: string): string | undefined =>
            components.find((c) => c.component === name)?.region;
        expect(region('messagingSessionDetail')).toBe('sidebar');
        expect(region('messagingSessionFeed')).toBe('sidebar');
        expect(tabOf(components, 'messagingSessionHistory')?.title).toBe(
            'History'
        );
    });

    it('keeps Start Conversation off the page an agent uses during a live conversation', () => {
        expect(
            components.filter((c) => c.component.endsWith('startConversation'))
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

    it('has the metrics, the session list and Start Conversation', () => {
        expect(items.map((item) => item.component)).toEqual([
            'runtime_service_omnichannel:omniWidget',
            'agentMetricsPanel',
            'messagingSessionList',
            'startConversation'
        ]);
    });

    it("lists my Active and Paused sessions (Waiting sessions belong to queues, so 'my Waiting' is always empty)", () => {
        const list = items.find(
            (item) => item.component === 'messagingSessionList'
        );
        expect(list?.properties.defaultOwner).toBe('me');
        expect(
            (list?.properties.defaultStatuses ?? '').split(',').sort()
        ).toEqual(['Active', 'Paused']);
    });
});
