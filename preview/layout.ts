/**
 * Reads the project's FlexiPages so the preview places each component where the org would,
 * with the same App Builder properties: MSC_Messaging_Console_Home (the agent home tab),
 * MSC_Messaging_Supervisor_Home (the supervisor home tab), MSC_Messaging_Session_Record_Page
 * (record tabs) and MSC_Messaging_Console_Utility_Bar (utility items).
 * Salesforce's own components (the conversation, the details panel, the related-record cards, the
 * Omni-Channel widget...) run only in an org: the preview shows a labelled stand-in where they sit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from './build/bundle';

/** Utility bar item settings (not properties of the component). */
const UTILITY_SETTINGS = new Set([
    'eager',
    'height',
    'icon',
    'label',
    'scrollable',
    'width'
]);

export interface PlacedComponent {
    /** Component folder name, e.g. messagingSessionList; for a standard component, its FlexiPage name (scrt:conversationBody). */
    name: string;
    /** Set for Salesforce's own components: what the stand-in says it is. */
    standIn?: string;
    /** The title of the tab (flexipage:tab) the component sits in, when it is in one. */
    tab?: string;
    /** App Builder properties, converted to booleans/numbers where the text is one. */
    props: Record<string, string | number | boolean>;
    /** True when the preview adds the component to a region the FlexiPage does not put it in. */
    previewAddition?: boolean;
    /** Utility bar settings (label, icon, width, height, eager, scrollable). */
    utility?: Record<string, string | number | boolean>;
}

export interface PageLayout {
    page: string;
    template: string;
    regions: Record<string, PlacedComponent[]>;
}

export interface ConsoleLayout {
    home: PageLayout;
    /** The Supervisor Home app page (its tab opens beside the agent home). */
    supervisorHome: PageLayout;
    record: PageLayout;
    utility: PageLayout;
}

const FLEXIPAGES = join(ROOT, 'force-app/main/default/flexipages');

/** What each standard component is, for its stand-in (unknown ones show their FlexiPage name). */
const STANDARD_COMPONENTS: Readonly<Record<string, string>> = {
    'force:highlightsPanel': 'Highlights panel',
    'scrt:conversationBody':
        'Enhanced Conversation: the agent reads and answers the customer, ends or transfers the session',
    'runtime_service_livemessage:chatBody':
        'Conversation (standard Messaging channels)',
    'force:detailPanel':
        "Record details: the session's fields from the page layout, such as wrap-up fields",
    'force:relatedListContainer': 'Related lists',
    'console:relatedRecord': 'Related record card',
    'runtime_service_livemessage:messagingSessionLinkedRecords':
        'Linked records',
    'runtime_service_omnichannel:omniWidget':
        'Omni-Channel: the agent sets a presence status and accepts routed work'
};

/** The utility bar label of standard utility items, which carry no label of their own. */
const STANDARD_UTILITY_LABELS: Readonly<Record<string, string>> = {
    'runtime_service_omnichannel:omniWidget': 'Omni-Channel'
};

/** Layout-only components: the preview shows what they hold, not them. */
const STRUCTURAL = new Set(['flexipage:tabset', 'flexipage:tab']);

/** Standard tab titles (Standard.Tab.*) as the org shows them. */
const STANDARD_TAB_TITLES: Readonly<Record<string, string>> = {
    'Standard.Tab.chat': 'Conversation',
    'Standard.Tab.detail': 'Details',
    'Standard.Tab.relatedLists': 'Related',
    'Standard.Tab.activity': 'Activity',
    'Standard.Tab.collaborate': 'Chatter'
};

/** The stand-in text of a standard component: what it is, and which record a related-record card shows. */
function standInLabel(
    componentName: string,
    props: PlacedComponent['props']
): string {
    const what = STANDARD_COMPONENTS[componentName] ?? componentName;
    if (componentName === 'console:relatedRecord') {
        const title = String(props.titleFieldName ?? '').trim();
        const lookup = String(props.lookupFieldName ?? '');
        return `${what}: ${title || lookup.replace(/Id$/, '')} (${lookup})`;
    }
    return what;
}

type Node = Record<string, unknown>;

function list<T>(value: T | T[] | undefined): T[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function convert(value: unknown): string | number | boolean {
    const text = String(value ?? '').trim();
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    return text;
}

export function readFlexiPage(apiName: string): PageLayout {
    const file = join(FLEXIPAGES, `${apiName}.flexipage-meta.xml`);
    const layout: PageLayout = { page: apiName, template: '', regions: {} };
    if (!existsSync(file)) return layout;
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        trimValues: true
    });
    const doc = parser.parse(readFileSync(file, 'utf8')) as {
        FlexiPage?: Node;
    };
    const page = doc.FlexiPage ?? {};
    layout.template = String((page.template as Node | undefined)?.name ?? '');
    const regions = list(page.flexiPageRegions as Node | Node[]);
    // Facets are placed where a component of a region (or of another facet) names them.
    const facetOwner = new Map<string, string>();
    // A tab's facet -> the tab's title.
    const facetTab = new Map<string, string>();
    const regionOf = (name: string, seen = new Set<string>()): string => {
        const owner = facetOwner.get(name);
        if (!owner || seen.has(name)) return name;
        seen.add(name);
        return regionOf(owner, seen);
    };
    for (const region of regions) {
        for (const item of list(region.itemInstances as Node | Node[])) {
            const instance = item.componentInstance as Node | undefined;
            for (const prop of list(
                instance?.componentInstanceProperties as Node | Node[]
            )) {
                const value = String(prop.value ?? '');
                if (regions.some((r) => r.name === value && r.type === 'Facet'))
                    facetOwner.set(value, String(region.name));
            }
            if (instance?.componentName === 'flexipage:tab') {
                const props = list(
                    instance.componentInstanceProperties as Node | Node[]
                );
                const valueOf = (key: string): string =>
                    String(props.find((p) => p.name === key)?.value ?? '');
                const title = valueOf('title');
                facetTab.set(
                    valueOf('body'),
                    STANDARD_TAB_TITLES[title] ?? title
                );
            }
        }
    }
    // Regions first, then facets, so a region's own components come before those of its tabs.
    const ordered = [
        ...regions.filter((r) => r.type !== 'Facet'),
        ...regions.filter((r) => r.type === 'Facet')
    ];
    // Every region in the page's order, even one whose components all sit in its tabs.
    for (const region of ordered)
        if (region.type !== 'Facet') layout.regions[String(region.name)] ??= [];
    for (const region of ordered) {
        const target = regionOf(String(region.name));
        for (const item of list(region.itemInstances as Node | Node[])) {
            const instance = item.componentInstance as Node | undefined;
            const componentName = String(instance?.componentName ?? '');
            if (!componentName || STRUCTURAL.has(componentName)) continue;
            const isStandard =
                componentName.includes(':') && !componentName.startsWith('c:');
            const props: PlacedComponent['props'] = {};
            const utility: PlacedComponent['props'] = {};
            const isUtility = String(region.name) === 'utilityItems';
            for (const prop of list(
                instance?.componentInstanceProperties as Node | Node[]
            )) {
                const key = String(prop.name);
                if (isUtility && UTILITY_SETTINGS.has(key))
                    utility[key] = convert(prop.value);
                else props[key] = convert(prop.value);
            }
            const placed: PlacedComponent = {
                name: isStandard
                    ? componentName
                    : componentName.replace(/^c(__|:)/, ''),
                props
            };
            if (isStandard) placed.standIn = standInLabel(componentName, props);
            const tab = facetTab.get(String(region.name));
            if (tab) placed.tab = tab;
            if (isUtility) {
                const label = STANDARD_UTILITY_LABELS[componentName];
                if (label && utility.label === undefined) utility.label = label;
                placed.utility = utility;
            }
            (layout.regions[target] ??= []).push(placed);
        }
    }
    return layout;
}

/**
 * A home page shows the selected session in full: history and feed follow the selection under the
 * detail, like the record page shows them beside it.
 */
function withSelectionFollowers(home: PageLayout): PageLayout {
    // A page the project doesn't have stays empty.
    if (!home.template) return home;
    const placed = new Set(
        Object.values(home.regions)
            .flat()
            .map((c) => c.name)
    );
    const middle = home.regions.region2
        ? 'region2'
        : (Object.keys(home.regions)[1] ?? 'region2');
    for (const name of [
        'messagingSessionDetail',
        'messagingSessionHistory',
        'messagingSessionFeed'
    ]) {
        if (!placed.has(name))
            (home.regions[middle] ??= []).push({
                name,
                props: {},
                previewAddition: true
            });
    }
    return home;
}

export function readConsoleLayout(): ConsoleLayout {
    const home = withSelectionFollowers(
        readFlexiPage('MSC_Messaging_Console_Home')
    );
    const supervisorHome = withSelectionFollowers(
        readFlexiPage('MSC_Messaging_Supervisor_Home')
    );
    const record = readFlexiPage('MSC_Messaging_Session_Record_Page');
    const utility = readFlexiPage('MSC_Messaging_Console_Utility_Bar');
    const items = (utility.regions.utilityItems ??= []);
    if (!items.some((c) => c.name === 'messagingStartConversation')) {
        items.unshift({
            name: 'messagingStartConversation',
            props: {},
            previewAddition: true,
            utility: {
                label: 'Start Conversation',
                icon: 'chat',
                width: 420,
                height: 520
            }
        });
    }
    return { home, supervisorHome, record, utility };
}
