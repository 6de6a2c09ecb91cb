/**
 * Reads the project's FlexiPages so the preview places each component where the org would,
 * with the same App Builder properties: MSC_Messaging_Console_Home (the home tab),
 * MSC_Messaging_Session_Record_Page (record tabs) and MSC_Messaging_Console_Utility_Bar (utility items).
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
    /** Component folder name, e.g. messagingSessionList. */
    name: string;
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
    record: PageLayout;
    utility: PageLayout;
}

const FLEXIPAGES = join(ROOT, 'force-app/main/default/flexipages');

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
        }
    }
    // Regions first, then facets, so a region's own components come before those of its tabs.
    const ordered = [
        ...regions.filter((r) => r.type !== 'Facet'),
        ...regions.filter((r) => r.type === 'Facet')
    ];
    for (const region of ordered) {
        const target = regionOf(String(region.name));
        for (const item of list(region.itemInstances as Node | Node[])) {
            const instance = item.componentInstance as Node | undefined;
            const componentName = String(instance?.componentName ?? '');
            if (!componentName || componentName.includes(':')) continue;
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
                name: componentName.replace(/^c__/, ''),
                props
            };
            if (isUtility) placed.utility = utility;
            (layout.regions[target] ??= []).push(placed);
        }
    }
    return layout;
}

export function readConsoleLayout(): ConsoleLayout {
    const home = readFlexiPage('MSC_Messaging_Console_Home');
    const record = readFlexiPage('MSC_Messaging_Session_Record_Page');
    const utility = readFlexiPage('MSC_Messaging_Console_Utility_Bar');
    // The console home shows the selected session in full: history and feed follow the selection
    // under the detail, like the record page shows them beside it.
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
    const items = (utility.regions.utilityItems ??= []);
    if (!items.some((c) => c.name === 'startConversation')) {
        items.unshift({
            name: 'startConversation',
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
    return { home, record, utility };
}
