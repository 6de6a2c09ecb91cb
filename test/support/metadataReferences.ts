/**
 * Reference integrity of the project's source-format metadata, checked offline.
 *
 * A check against the Metadata API schema proves each file is well formed;
 * it cannot see that a FlexiPage places a component that does not exist, or that a permission set
 * grants a flow nobody wrote. A deployment fails on those. This module reads force-app and reports
 * every reference that points at nothing:
 *
 * - FlexiPages: components exist (project bundle, or an allow-listed platform component), are
 *   exposed for the page type (and the record page's object), and every property set on them is
 *   declared for that target in js-meta.xml and is an @api property; templates and regions are known;
 *   related-record cards name a lookup of the page's object and quick actions of the right object.
 * - Permission sets: objects, fields, apps, tabs and flows exist (in force-app or the standard lists).
 * - Quick actions, flows and components: the flows they name exist.
 * - Apps: tabs, utility bar, overridden pages and workspace mappings exist.
 * - Tabs: their FlexiPage or component exists.
 * - Components: imported labels, message channels, schema fields/objects, Apex classes, static
 *   resources and child components exist.
 * - Compact layouts: their fields exist.
 *
 * Every problem names the file and the bad reference, so a failing test says what to fix.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readLabels } from '../../scripts/lib/customLabels';
import {
    FLEXIPAGE_TEMPLATES,
    PAGE_TYPE_TARGETS,
    POLYMORPHIC_RELATIONSHIP_FIELDS,
    STANDARD_FLEXIPAGE_COMPONENTS,
    STANDARD_OBJECTS,
    STANDARD_QUICK_ACTIONS,
    STANDARD_TABS
} from './standardSchema';

export type ReferenceRule =
    | 'flexipage-component'
    | 'flexipage-target'
    | 'flexipage-property'
    | 'flexipage-structure'
    | 'permissionset-reference'
    | 'flow-reference'
    | 'app-reference'
    | 'tab-reference'
    | 'component-import'
    | 'component-meta'
    | 'layout-reference';

export interface ReferenceProblem {
    readonly rule: ReferenceRule;
    /** Path of the file holding the bad reference, relative to the checked directory's parent. */
    readonly file: string;
    /** The reference that points at nothing (or at the wrong thing). */
    readonly reference: string;
    readonly message: string;
}

/** One element of the parsed XML: every child element is an array (see parseXml). */
type XmlNode = { [key: string]: XmlValue[] | string | undefined };
type XmlValue = XmlNode | string;

interface ComponentBundle {
    readonly name: string;
    readonly dir: string;
    readonly isExposed: boolean;
    readonly targets: ReadonlySet<string>;
    /** Target -> objects its targetConfig restricts it to (absent: any object). */
    readonly targetObjects: ReadonlyMap<string, ReadonlySet<string>>;
    /** Target -> property name -> required flag, from targetConfigs. */
    readonly targetProperties: ReadonlyMap<
        string,
        ReadonlyMap<string, boolean>
    >;
    readonly apiProperties: ReadonlySet<string>;
    /** Source files (TypeScript when present, else JavaScript) and templates, without tests. */
    readonly sourceFiles: readonly string[];
    readonly templateFiles: readonly string[];
}

interface FlexiPageInfo {
    readonly name: string;
    readonly file: string;
    readonly type: string;
    readonly sobjectType?: string;
    readonly root: XmlNode;
}

interface Inventory {
    readonly root: string;
    readonly components: ReadonlyMap<string, ComponentBundle>;
    readonly labels: ReadonlySet<string>;
    readonly messageChannels: ReadonlySet<string>;
    /** Object -> custom fields defined under objects/<Object>/fields (name -> required flag, referenceTo). */
    readonly customFields: ReadonlyMap<
        string,
        ReadonlyMap<string, { required: boolean; referenceTo?: string }>
    >;
    readonly objectFolders: ReadonlySet<string>;
    readonly flows: ReadonlySet<string>;
    readonly tabs: ReadonlySet<string>;
    readonly apps: ReadonlySet<string>;
    readonly flexiPages: ReadonlyMap<string, FlexiPageInfo>;
    readonly apexClasses: ReadonlySet<string>;
    readonly staticResources: ReadonlySet<string>;
    /** Quick actions defined in quickActions/ (Object.Name, or Name for global ones). */
    readonly quickActions: ReadonlySet<string>;
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (
        _name: string,
        _jpath: unknown,
        _isLeafNode: boolean,
        isAttribute: boolean
    ) => !isAttribute
});

/** Parses one metadata file and returns its root element (e.g. the <FlexiPage> node). */
export function parseXml(file: string): XmlNode {
    const parsed = parser.parse(readFileSync(file, 'utf8')) as Record<
        string,
        XmlValue[]
    >;
    const rootName = Object.keys(parsed).find((key) => !key.startsWith('?'));
    const root = rootName ? parsed[rootName]?.[0] : undefined;
    return typeof root === 'object' && root !== null ? root : {};
}

/** The child elements at a path of element names. */
function nodes(node: XmlNode | undefined, ...path: string[]): XmlNode[] {
    let current: XmlValue[] = node ? [node] : [];
    for (const name of path) {
        const next: XmlValue[] = [];
        for (const item of current) {
            if (typeof item === 'object') {
                const children = item[name];
                if (Array.isArray(children)) next.push(...children);
            }
        }
        current = next;
    }
    return current.map((item) =>
        typeof item === 'string' ? { '#text': item } : item
    );
}

/** The text of every element at a path (a leaf element's text, or '#text' of one with attributes). */
function texts(node: XmlNode | undefined, ...path: string[]): string[] {
    const last = path[path.length - 1];
    if (last === undefined) return [];
    const parents = nodes(node, ...path.slice(0, -1));
    const values: string[] = [];
    for (const parent of parents) {
        const children = parent[last];
        if (!Array.isArray(children)) continue;
        for (const child of children) {
            const value = typeof child === 'string' ? child : child['#text'];
            if (typeof value === 'string') values.push(value.trim());
            else values.push('');
        }
    }
    return values;
}

function text(
    node: XmlNode | undefined,
    ...path: string[]
): string | undefined {
    return texts(node, ...path)[0];
}

function attribute(node: XmlNode, name: string): string | undefined {
    const value = node[`@_${name}`];
    return typeof value === 'string' ? value : undefined;
}

function listFiles(dir: string, suffix: string): string[] {
    if (!existsSync(dir)) return [];
    const found: string[] = [];
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
            if (entry === '__tests__' || entry === 'node_modules') continue;
            found.push(...listFiles(full, suffix));
        } else if (entry.endsWith(suffix)) {
            found.push(full);
        }
    }
    return found.sort();
}

function namesOf(dir: string, suffix: string): Set<string> {
    return new Set(
        listFiles(dir, suffix).map((file) => basename(file, suffix))
    );
}

function subdirs(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((entry) => statSync(join(dir, entry)).isDirectory())
        .sort();
}

/** Where the metadata folders live: <root>/main/default when present (force-app), else root itself. */
function metadataDir(root: string): string {
    const nested = join(root, 'main', 'default');
    return existsSync(nested) ? nested : root;
}

// ---------------------------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------------------------

const API_PROPERTY =
    /@api\s+(?:(?:get|set|static|readonly)\s+)*([A-Za-z_$][\w$]*)/g;

function readComponent(dir: string): ComponentBundle | undefined {
    const name = basename(dir);
    const metaFile = join(dir, `${name}.js-meta.xml`);
    if (!existsSync(metaFile)) return undefined;
    const meta = parseXml(metaFile);
    const targets = new Set(texts(meta, 'targets', 'target'));
    const targetObjects = new Map<string, Set<string>>();
    const targetProperties = new Map<string, Map<string, boolean>>();
    for (const config of nodes(meta, 'targetConfigs', 'targetConfig')) {
        const configTargets = (attribute(config, 'targets') ?? '')
            .split(',')
            .map((target) => target.trim())
            .filter(Boolean);
        const objects = texts(config, 'objects', 'object');
        const properties = nodes(config, 'property');
        for (const target of configTargets) {
            if (objects.length) {
                const set = targetObjects.get(target) ?? new Set<string>();
                objects.forEach((object) => set.add(object));
                targetObjects.set(target, set);
            }
            const map =
                targetProperties.get(target) ?? new Map<string, boolean>();
            for (const property of properties) {
                const propertyName = attribute(property, 'name');
                if (propertyName)
                    map.set(
                        propertyName,
                        attribute(property, 'required') === 'true'
                    );
            }
            targetProperties.set(target, map);
        }
    }
    const entries = readdirSync(dir);
    const tsFiles = entries.filter(
        (entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts')
    );
    const jsFiles = entries.filter((entry) => entry.endsWith('.js'));
    // The TypeScript is the source of truth when present; the emitted .js mirrors it.
    const sourceFiles = (tsFiles.length ? tsFiles : jsFiles).map((entry) =>
        join(dir, entry)
    );
    const templateFiles = entries
        .filter((entry) => entry.endsWith('.html'))
        .map((entry) => join(dir, entry));
    const mainSource =
        sourceFiles.find((file) => basename(file) === `${name}.ts`) ??
        sourceFiles.find((file) => basename(file) === `${name}.js`);
    const apiProperties = new Set<string>();
    if (mainSource) {
        for (const match of readFileSync(mainSource, 'utf8').matchAll(
            API_PROPERTY
        )) {
            if (match[1]) apiProperties.add(match[1]);
        }
    }
    return {
        name,
        dir,
        isExposed: text(meta, 'isExposed') === 'true',
        targets,
        targetObjects,
        targetProperties,
        apiProperties,
        sourceFiles,
        templateFiles
    };
}

function readInventory(root: string): Inventory {
    const md = metadataDir(root);
    const components = new Map<string, ComponentBundle>();
    for (const dir of subdirs(join(md, 'lwc'))) {
        const bundle = readComponent(join(md, 'lwc', dir));
        if (bundle) components.set(bundle.name, bundle);
    }

    const labels = new Set<string>();
    for (const file of listFiles(join(md, 'labels'), '.labels-meta.xml')) {
        for (const label of Object.keys(readLabels(file))) labels.add(label);
    }

    const messageChannels = new Set(
        [
            ...namesOf(join(md, 'messageChannels'), '.messageChannel-meta.xml')
        ].map((name) => `${name}__c`)
    );

    const objectFolders = new Set(subdirs(join(md, 'objects')));
    const customFields = new Map<
        string,
        Map<string, { required: boolean; referenceTo?: string }>
    >();
    for (const object of objectFolders) {
        const fields = new Map<
            string,
            { required: boolean; referenceTo?: string }
        >();
        for (const file of listFiles(
            join(md, 'objects', object, 'fields'),
            '.field-meta.xml'
        )) {
            const field = parseXml(file);
            const referenceTo = text(field, 'referenceTo');
            fields.set(basename(file, '.field-meta.xml'), {
                required:
                    text(field, 'required') === 'true' ||
                    text(field, 'type') === 'MasterDetail',
                ...(referenceTo ? { referenceTo } : {})
            });
        }
        customFields.set(object, fields);
    }

    const flexiPages = new Map<string, FlexiPageInfo>();
    for (const file of listFiles(
        join(md, 'flexipages'),
        '.flexipage-meta.xml'
    )) {
        const page = parseXml(file);
        const sobjectType = text(page, 'sobjectType');
        flexiPages.set(basename(file, '.flexipage-meta.xml'), {
            name: basename(file, '.flexipage-meta.xml'),
            file,
            type: text(page, 'type') ?? '',
            ...(sobjectType ? { sobjectType } : {}),
            root: page
        });
    }

    return {
        root,
        components,
        labels,
        messageChannels,
        customFields,
        objectFolders,
        flows: namesOf(join(md, 'flows'), '.flow-meta.xml'),
        tabs: namesOf(join(md, 'tabs'), '.tab-meta.xml'),
        apps: namesOf(join(md, 'applications'), '.app-meta.xml'),
        flexiPages,
        apexClasses: namesOf(join(md, 'classes'), '.cls-meta.xml'),
        staticResources: namesOf(
            join(md, 'staticresources'),
            '.resource-meta.xml'
        ),
        quickActions: namesOf(join(md, 'quickActions'), '.quickAction-meta.xml')
    };
}

// ---------------------------------------------------------------------------------------------
// Schema lookups
// ---------------------------------------------------------------------------------------------

function isKnownObject(inventory: Inventory, object: string): boolean {
    return object in STANDARD_OBJECTS || inventory.objectFolders.has(object);
}

function fieldInfo(
    inventory: Inventory,
    object: string,
    field: string
): { exists: boolean; required: boolean; standard: boolean } {
    const custom = inventory.customFields.get(object)?.get(field);
    if (custom)
        return { exists: true, required: custom.required, standard: false };
    const standard = STANDARD_OBJECTS[object]?.fields.includes(field) ?? false;
    return { exists: standard, required: false, standard };
}

/** The object a relationship name on `object` points at, or undefined. */
function relationshipTarget(
    inventory: Inventory,
    object: string,
    relationship: string
): string | undefined {
    const standard = STANDARD_OBJECTS[object]?.relationships[relationship];
    if (standard) return standard;
    if (relationship.endsWith('__r')) {
        const field = `${relationship.slice(0, -3)}__c`;
        return inventory.customFields.get(object)?.get(field)?.referenceTo;
    }
    return undefined;
}

/**
 * Resolves "Object.Field" or "Object.Rel.Field" (a schema import path, or a permission set field).
 * Returns a problem description, or undefined when the path resolves.
 */
function resolveFieldPath(
    inventory: Inventory,
    path: string
): string | undefined {
    const [object, ...rest] = path.split('.');
    if (!object) return 'is empty';
    if (!isKnownObject(inventory, object))
        return `names object ${object}, which is neither in force-app nor a known standard object`;
    if (!rest.length) return undefined;
    let current = object;
    for (let index = 0; index < rest.length - 1; index++) {
        const relationship = rest[index] ?? '';
        const polymorphic = POLYMORPHIC_RELATIONSHIP_FIELDS[relationship];
        if (
            polymorphic &&
            index === rest.length - 2 &&
            relationshipTarget(inventory, current, relationship)
        ) {
            const last = rest[rest.length - 1] ?? '';
            return polymorphic.includes(last)
                ? undefined
                : `spans the polymorphic ${relationship} to ${last}, which not every target has`;
        }
        const target = relationshipTarget(inventory, current, relationship);
        if (!target)
            return `uses relationship ${current}.${relationship}, which is not defined`;
        current = target;
    }
    const field = rest[rest.length - 1] ?? '';
    return fieldInfo(inventory, current, field).exists
        ? undefined
        : `names field ${current}.${field}, which is not defined`;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

class Collector {
    readonly problems: ReferenceProblem[] = [];
    constructor(private readonly base: string) {}
    add(
        rule: ReferenceRule,
        file: string,
        reference: string,
        message: string
    ): void {
        this.problems.push({
            rule,
            file: relative(this.base, file),
            reference,
            message
        });
    }
}

/** A FlexiPage componentName -> the project bundle it names, or undefined for a platform one. */
function localComponentName(componentName: string): string | undefined {
    if (!componentName.includes(':')) return componentName;
    const [namespace, name] = componentName.split(':');
    return namespace === 'c' ? name : undefined;
}

function checkFlexiPages(inventory: Inventory, out: Collector): void {
    for (const page of inventory.flexiPages.values()) {
        const { file, root } = page;
        const target = PAGE_TYPE_TARGETS[page.type];
        const templateName = text(root, 'template', 'name') ?? '';
        const template = FLEXIPAGE_TEMPLATES[templateName];
        if (!template) {
            out.add(
                'flexipage-structure',
                file,
                templateName,
                `template ${templateName} is not a known template`
            );
        } else if (template.type !== page.type) {
            out.add(
                'flexipage-structure',
                file,
                templateName,
                `template ${templateName} is for ${template.type} pages, not ${page.type}`
            );
        }
        if (page.type === 'RecordPage') {
            if (!page.sobjectType) {
                out.add(
                    'flexipage-structure',
                    file,
                    'sobjectType',
                    'a RecordPage needs an sobjectType'
                );
            } else if (!isKnownObject(inventory, page.sobjectType)) {
                out.add(
                    'flexipage-structure',
                    file,
                    page.sobjectType,
                    `sobjectType ${page.sobjectType} is not a known object`
                );
            }
        }

        const regions = nodes(root, 'flexiPageRegions');
        const facetNames = new Set(
            regions
                .filter((region) => text(region, 'type') === 'Facet')
                .map((region) => text(region, 'name') ?? '')
        );
        for (const region of regions) {
            const regionName = text(region, 'name') ?? '';
            const regionType = text(region, 'type');
            if (
                template &&
                regionType !== 'Facet' &&
                !template.regions.includes(regionName)
            ) {
                out.add(
                    'flexipage-structure',
                    file,
                    regionName,
                    `region ${regionName} is not a region of template ${templateName} (${template.regions.join(', ')})`
                );
            }
            for (const instance of nodes(
                region,
                'itemInstances',
                'componentInstance'
            )) {
                checkComponentInstance(
                    inventory,
                    out,
                    page,
                    target,
                    instance,
                    facetNames
                );
            }
        }
    }
}

function checkComponentInstance(
    inventory: Inventory,
    out: Collector,
    page: FlexiPageInfo,
    target: string | undefined,
    instance: XmlNode,
    facetNames: ReadonlySet<string>
): void {
    const { file } = page;
    const componentName = text(instance, 'componentName') ?? '';
    const properties = nodes(instance, 'componentInstanceProperties');
    const local = localComponentName(componentName);
    if (local === undefined) {
        if (!STANDARD_FLEXIPAGE_COMPONENTS.includes(componentName)) {
            out.add(
                'flexipage-component',
                file,
                componentName,
                `component ${componentName} is neither a project component nor a known platform component`
            );
        }
        if (componentName === 'console:relatedRecord')
            checkRelatedRecordCard(inventory, out, page, properties);
        // Tabs point at facets by name.
        if (
            componentName === 'flexipage:tab' ||
            componentName === 'flexipage:tabset'
        ) {
            const key = componentName === 'flexipage:tab' ? 'body' : 'tabs';
            for (const property of properties) {
                if (text(property, 'name') !== key) continue;
                const facet = text(property, 'value') ?? '';
                if (!facetNames.has(facet)) {
                    out.add(
                        'flexipage-structure',
                        file,
                        facet,
                        `${componentName} points at facet ${facet}, which the page does not define`
                    );
                }
            }
        }
        return;
    }
    const bundle = inventory.components.get(local);
    if (!bundle) {
        out.add(
            'flexipage-component',
            file,
            componentName,
            `component ${componentName} does not exist in lwc/`
        );
        return;
    }
    if (!bundle.isExposed) {
        out.add(
            'flexipage-target',
            file,
            componentName,
            `component ${componentName} is not exposed (isExposed is not true)`
        );
    }
    if (!target) {
        out.add(
            'flexipage-target',
            file,
            page.type,
            `page type ${page.type} has no known component target`
        );
        return;
    }
    if (!bundle.targets.has(target)) {
        out.add(
            'flexipage-target',
            file,
            componentName,
            `component ${componentName} does not list target ${target} in its js-meta.xml (${[...bundle.targets].join(', ') || 'no targets'})`
        );
        return;
    }
    const objects = bundle.targetObjects.get(target);
    if (
        page.type === 'RecordPage' &&
        objects &&
        page.sobjectType &&
        !objects.has(page.sobjectType)
    ) {
        out.add(
            'flexipage-target',
            file,
            componentName,
            `component ${componentName} is exposed on record pages of ${[...objects].join(', ')} only, not ${page.sobjectType}`
        );
    }
    const declared =
        bundle.targetProperties.get(target) ?? new Map<string, boolean>();
    const set = new Set<string>();
    for (const property of properties) {
        if (text(property, 'type') === 'decorator') continue; // utility item settings: label, icon, height...
        const name = text(property, 'name') ?? '';
        set.add(name);
        if (!declared.has(name)) {
            out.add(
                'flexipage-property',
                file,
                `${componentName}.${name}`,
                `property ${name} of ${componentName} is not declared for ${target} in its js-meta.xml targetConfigs`
            );
        } else if (!bundle.apiProperties.has(name)) {
            out.add(
                'flexipage-property',
                file,
                `${componentName}.${name}`,
                `property ${name} of ${componentName} is not an @api property of the component`
            );
        }
    }
    for (const [name, required] of declared) {
        if (required && !set.has(name)) {
            out.add(
                'flexipage-property',
                file,
                `${componentName}.${name}`,
                `required property ${name} of ${componentName} is not set`
            );
        }
    }
}

/**
 * A related-record card (console:relatedRecord) shows the record a lookup of the page's object points
 * at: the lookup must exist on that object, and its update action must belong to the object the
 * lookup points at. Quick actions must be standard ones or defined in quickActions/.
 */
function checkRelatedRecordCard(
    inventory: Inventory,
    out: Collector,
    page: FlexiPageInfo,
    properties: XmlNode[]
): void {
    const { file } = page;
    const value = (name: string): string | undefined =>
        properties
            .filter((property) => text(property, 'name') === name)
            .map((property) => text(property, 'value'))
            .find((text) => text !== undefined && text !== '');
    const object = page.sobjectType ?? '';
    const lookup = value('lookupFieldName');
    if (!lookup) {
        out.add(
            'flexipage-property',
            file,
            'console:relatedRecord.lookupFieldName',
            'a console:relatedRecord card needs a lookupFieldName'
        );
        return;
    }
    const target = lookup.endsWith('Id')
        ? relationshipTarget(inventory, object, lookup.slice(0, -2))
        : lookup.endsWith('__c')
          ? inventory.customFields.get(object)?.get(lookup)?.referenceTo
          : undefined;
    if (!fieldInfo(inventory, object, lookup).exists || !target) {
        out.add(
            'flexipage-property',
            file,
            `${object}.${lookup}`,
            `console:relatedRecord lookupFieldName ${lookup} is not a lookup field of ${object}`
        );
        return;
    }
    for (const name of ['createQuickActionName', 'updateQuickActionName']) {
        const action = value(name);
        if (!action) continue;
        if (
            !STANDARD_QUICK_ACTIONS.includes(action) &&
            !inventory.quickActions.has(action)
        ) {
            out.add(
                'flexipage-property',
                file,
                action,
                `console:relatedRecord ${name} ${action} is neither a standard quick action nor defined in quickActions/`
            );
            continue;
        }
        const actionObject = action.includes('.')
            ? action.split('.')[0]
            : undefined;
        if (name === 'updateQuickActionName' && actionObject !== target) {
            out.add(
                'flexipage-property',
                file,
                action,
                `console:relatedRecord updateQuickActionName ${action} is not an action of ${target}, the object ${lookup} points at`
            );
        }
    }
}

function checkComponents(inventory: Inventory, out: Collector): void {
    for (const bundle of inventory.components.values()) {
        const metaFile = join(bundle.dir, `${bundle.name}.js-meta.xml`);
        // Every property a targetConfig offers App Builder must exist on the class.
        for (const [target, properties] of bundle.targetProperties) {
            for (const name of properties.keys()) {
                if (!bundle.apiProperties.has(name)) {
                    out.add(
                        'component-meta',
                        metaFile,
                        `${bundle.name}.${name}`,
                        `targetConfig for ${target} declares property ${name}, which is not an @api property of ${bundle.name}`
                    );
                }
            }
            if (!bundle.targets.has(target)) {
                out.add(
                    'component-meta',
                    metaFile,
                    target,
                    `targetConfig names target ${target}, which <targets> does not list`
                );
            }
        }
        for (const [target, objects] of bundle.targetObjects) {
            for (const object of objects) {
                if (!isKnownObject(inventory, object)) {
                    out.add(
                        'component-meta',
                        metaFile,
                        object,
                        `targetConfig for ${target} names object ${object}, which is not known`
                    );
                }
            }
        }

        for (const source of bundle.sourceFiles) {
            const code = readFileSync(source, 'utf8');
            for (const match of code.matchAll(
                /(?:from|import\s*\()\s*['"]([^'"]+)['"]/g
            )) {
                checkImport(inventory, out, source, match[1] ?? '');
            }
            checkFlowNames(inventory, out, source, code);
        }
        for (const template of bundle.templateFiles) {
            const html = readFileSync(template, 'utf8');
            for (const match of html.matchAll(/<c-([a-z0-9-]+)/g)) {
                const child = (match[1] ?? '').replace(
                    /-([a-z0-9])/g,
                    (_all, letter: string) => letter.toUpperCase()
                );
                if (!inventory.components.has(child)) {
                    out.add(
                        'component-import',
                        template,
                        `c-${match[1]}`,
                        `template uses <c-${match[1]}>, but lwc/${child} does not exist`
                    );
                }
            }
            checkFlowNames(inventory, out, template, html);
        }
    }
}

function checkImport(
    inventory: Inventory,
    out: Collector,
    file: string,
    specifier: string
): void {
    const scoped = (prefix: string): string | undefined =>
        specifier.startsWith(prefix)
            ? specifier.slice(prefix.length)
            : undefined;
    const label = scoped('@salesforce/label/');
    if (label !== undefined) {
        const name = label.startsWith('c.') ? label.slice(2) : undefined;
        if (name === undefined) {
            out.add(
                'component-import',
                file,
                specifier,
                `label ${label} is not a custom label of this project (c.Name)`
            );
        } else if (!inventory.labels.has(name)) {
            out.add(
                'component-import',
                file,
                specifier,
                `custom label ${name} is not defined in labels/`
            );
        }
        return;
    }
    const channel = scoped('@salesforce/messageChannel/');
    if (channel !== undefined) {
        if (!inventory.messageChannels.has(channel)) {
            out.add(
                'component-import',
                file,
                specifier,
                `message channel ${channel} is not defined in messageChannels/`
            );
        }
        return;
    }
    const schemaPath = scoped('@salesforce/schema/');
    if (schemaPath !== undefined) {
        const problem = resolveFieldPath(inventory, schemaPath);
        if (problem)
            out.add(
                'component-import',
                file,
                specifier,
                `schema import ${schemaPath} ${problem}`
            );
        return;
    }
    const apex = scoped('@salesforce/apex/');
    if (apex !== undefined) {
        const className = apex.split('.')[0] ?? '';
        if (!inventory.apexClasses.has(className)) {
            out.add(
                'component-import',
                file,
                specifier,
                `Apex class ${className} is not defined in classes/`
            );
        }
        return;
    }
    const resource = scoped('@salesforce/resourceUrl/');
    if (resource !== undefined) {
        if (!inventory.staticResources.has(resource)) {
            out.add(
                'component-import',
                file,
                specifier,
                `static resource ${resource} is not defined in staticresources/`
            );
        }
        return;
    }
    const component = scoped('c/');
    if (component !== undefined && !inventory.components.has(component)) {
        out.add(
            'component-import',
            file,
            specifier,
            `component ${component} does not exist in lwc/`
        );
    }
}

/** flow-api-name="X" in templates; flowApiName: 'X' / FLOW_API_NAME = 'X' in code. */
const FLOW_NAME_PATTERNS = [
    /flow-api-name\s*=\s*["']([A-Za-z]\w*)["']/g,
    /flow_?api_?name\s*[:=]\s*['"`]([A-Za-z]\w*)['"`]/gi
];

function checkFlowNames(
    inventory: Inventory,
    out: Collector,
    file: string,
    code: string
): void {
    for (const pattern of FLOW_NAME_PATTERNS) {
        for (const match of code.matchAll(pattern)) {
            const flow = match[1] ?? '';
            if (!inventory.flows.has(flow)) {
                out.add(
                    'flow-reference',
                    file,
                    flow,
                    `names flow ${flow}, which is not defined in flows/`
                );
            }
        }
    }
}

function checkQuickActionsAndFlows(inventory: Inventory, out: Collector): void {
    const md = metadataDir(inventory.root);
    for (const file of listFiles(
        join(md, 'quickActions'),
        '.quickAction-meta.xml'
    )) {
        const action = parseXml(file);
        const name = basename(file, '.quickAction-meta.xml');
        const object = name.includes('.')
            ? (name.split('.')[0] ?? '')
            : undefined;
        if (object && !isKnownObject(inventory, object)) {
            out.add(
                'flow-reference',
                file,
                object,
                `quick action is on object ${object}, which is not known`
            );
        }
        const type = text(action, 'type');
        const flow = text(action, 'flowDefinition');
        if (type === 'Flow' && !flow) {
            out.add(
                'flow-reference',
                file,
                name,
                'a Flow quick action needs a flowDefinition'
            );
        }
        if (flow && !inventory.flows.has(flow)) {
            out.add(
                'flow-reference',
                file,
                flow,
                `quick action names flow ${flow}, which is not defined in flows/`
            );
        }
        const lwc = text(action, 'lightningWebComponent');
        if (lwc) {
            const bundle = inventory.components.get(
                localComponentName(lwc) ?? lwc
            );
            if (!bundle)
                out.add(
                    'flow-reference',
                    file,
                    lwc,
                    `quick action names component ${lwc}, which does not exist`
                );
            else if (!bundle.targets.has('lightning__RecordAction')) {
                out.add(
                    'flow-reference',
                    file,
                    lwc,
                    `component ${lwc} is not exposed for lightning__RecordAction`
                );
            }
        }
    }
    for (const file of listFiles(join(md, 'flows'), '.flow-meta.xml')) {
        const flow = parseXml(file);
        for (const subflow of texts(flow, 'subflows', 'flowName')) {
            if (!inventory.flows.has(subflow)) {
                out.add(
                    'flow-reference',
                    file,
                    subflow,
                    `subflow ${subflow} is not defined in flows/`
                );
            }
        }
        const object = text(flow, 'start', 'object');
        if (object && !isKnownObject(inventory, object)) {
            out.add(
                'flow-reference',
                file,
                object,
                `flow starts on object ${object}, which is not known`
            );
        }
    }
}

function isKnownTab(inventory: Inventory, tab: string): boolean {
    return inventory.tabs.has(tab) || STANDARD_TABS.includes(tab);
}

function checkTabs(inventory: Inventory, out: Collector): void {
    const md = metadataDir(inventory.root);
    for (const file of listFiles(join(md, 'tabs'), '.tab-meta.xml')) {
        const tab = parseXml(file);
        const flexiPage = text(tab, 'flexiPage');
        if (flexiPage) {
            const page = inventory.flexiPages.get(flexiPage);
            if (!page)
                out.add(
                    'tab-reference',
                    file,
                    flexiPage,
                    `tab shows FlexiPage ${flexiPage}, which is not defined in flexipages/`
                );
            else if (page.type !== 'AppPage') {
                out.add(
                    'tab-reference',
                    file,
                    flexiPage,
                    `tab shows FlexiPage ${flexiPage} of type ${page.type}; a Lightning page tab needs an AppPage`
                );
            }
        }
        const lwc = text(tab, 'lwcComponent');
        if (lwc) {
            const bundle = inventory.components.get(lwc);
            if (!bundle)
                out.add(
                    'tab-reference',
                    file,
                    lwc,
                    `tab shows component ${lwc}, which does not exist`
                );
            else if (!bundle.targets.has('lightning__Tab'))
                out.add(
                    'tab-reference',
                    file,
                    lwc,
                    `component ${lwc} is not exposed for lightning__Tab`
                );
        }
    }
}

function checkApps(inventory: Inventory, out: Collector): void {
    const md = metadataDir(inventory.root);
    for (const file of listFiles(join(md, 'applications'), '.app-meta.xml')) {
        const app = parseXml(file);
        const tabs = texts(app, 'tabs');
        for (const tab of tabs) {
            if (!isKnownTab(inventory, tab))
                out.add(
                    'app-reference',
                    file,
                    tab,
                    `app tab ${tab} is neither in tabs/ nor a known standard tab`
                );
        }
        const landing = text(app, 'defaultLandingTab');
        if (landing && !tabs.includes(landing)) {
            out.add(
                'app-reference',
                file,
                landing,
                `defaultLandingTab ${landing} is not one of the app's tabs`
            );
        }
        const utilityBar = text(app, 'utilityBar');
        if (utilityBar) {
            const page = inventory.flexiPages.get(utilityBar);
            if (!page)
                out.add(
                    'app-reference',
                    file,
                    utilityBar,
                    `utility bar ${utilityBar} is not defined in flexipages/`
                );
            else if (page.type !== 'UtilityBar') {
                out.add(
                    'app-reference',
                    file,
                    utilityBar,
                    `utility bar ${utilityBar} is a ${page.type} FlexiPage, not a UtilityBar`
                );
            }
        }
        const overrides = [
            ...nodes(app, 'actionOverrides'),
            ...nodes(app, 'profileActionOverrides')
        ];
        for (const override of overrides) {
            const type = text(override, 'type');
            const content = text(override, 'content') ?? '';
            const object = text(override, 'pageOrSobjectType') ?? '';
            if (!isKnownObject(inventory, object)) {
                out.add(
                    'app-reference',
                    file,
                    object,
                    `action override is for object ${object}, which is not known`
                );
            }
            if (type !== 'Flexipage') continue;
            const page = inventory.flexiPages.get(content);
            if (!page) {
                out.add(
                    'app-reference',
                    file,
                    content,
                    `action override shows FlexiPage ${content}, which is not defined in flexipages/`
                );
            } else if (
                page.type !== 'RecordPage' ||
                page.sobjectType !== object
            ) {
                out.add(
                    'app-reference',
                    file,
                    content,
                    `action override for ${object} shows ${content}, a ${page.type} of ${page.sobjectType ?? 'no object'}`
                );
            }
        }
        for (const mapping of nodes(app, 'workspaceConfig', 'mappings')) {
            const tab = text(mapping, 'tab') ?? '';
            if (!tabs.includes(tab)) {
                out.add(
                    'app-reference',
                    file,
                    tab,
                    `workspace mapping names tab ${tab}, which is not one of the app's tabs`
                );
            }
            const fieldName = text(mapping, 'fieldName');
            if (fieldName) {
                const object = tab.startsWith('standard-')
                    ? tab.slice('standard-'.length)
                    : tab;
                const problem = resolveFieldPath(
                    inventory,
                    `${object}.${fieldName}`
                );
                if (problem)
                    out.add(
                        'app-reference',
                        file,
                        `${tab}.${fieldName}`,
                        `workspace mapping field ${problem}`
                    );
            }
        }
    }
}

function checkPermissionSets(inventory: Inventory, out: Collector): void {
    const md = metadataDir(inventory.root);
    for (const file of listFiles(
        join(md, 'permissionsets'),
        '.permissionset-meta.xml'
    )) {
        const set = parseXml(file);
        for (const object of texts(set, 'objectPermissions', 'object')) {
            if (!isKnownObject(inventory, object)) {
                out.add(
                    'permissionset-reference',
                    file,
                    object,
                    `object ${object} is neither in objects/ nor a known standard object`
                );
            }
        }
        for (const field of texts(set, 'fieldPermissions', 'field')) {
            const [object, name, ...rest] = field.split('.');
            if (!object || !name || rest.length) {
                out.add(
                    'permissionset-reference',
                    file,
                    field,
                    `field ${field} is not of the form Object.Field`
                );
                continue;
            }
            const problem = resolveFieldPath(inventory, field);
            if (problem) {
                out.add(
                    'permissionset-reference',
                    file,
                    field,
                    `field permission ${problem}`
                );
            } else if (fieldInfo(inventory, object, name).required) {
                out.add(
                    'permissionset-reference',
                    file,
                    field,
                    `field ${field} is required, so it cannot carry field permissions`
                );
            }
        }
        for (const app of texts(
            set,
            'applicationVisibilities',
            'application'
        )) {
            if (!inventory.apps.has(app))
                out.add(
                    'permissionset-reference',
                    file,
                    app,
                    `app ${app} is not defined in applications/`
                );
        }
        for (const tab of texts(set, 'tabSettings', 'tab')) {
            if (!isKnownTab(inventory, tab)) {
                out.add(
                    'permissionset-reference',
                    file,
                    tab,
                    `tab ${tab} is neither in tabs/ nor a known standard tab`
                );
            }
        }
        for (const flow of texts(set, 'flowAccesses', 'flow')) {
            if (!inventory.flows.has(flow))
                out.add(
                    'permissionset-reference',
                    file,
                    flow,
                    `flow ${flow} is not defined in flows/`
                );
        }
    }
}

function checkCompactLayouts(inventory: Inventory, out: Collector): void {
    const md = metadataDir(inventory.root);
    for (const object of inventory.objectFolders) {
        for (const file of listFiles(
            join(md, 'objects', object, 'compactLayouts'),
            '.compactLayout-meta.xml'
        )) {
            for (const field of texts(parseXml(file), 'fields')) {
                const problem = resolveFieldPath(
                    inventory,
                    `${object}.${field}`
                );
                if (problem)
                    out.add(
                        'layout-reference',
                        file,
                        `${object}.${field}`,
                        `compact layout field ${problem}`
                    );
            }
        }
    }
}

/**
 * Checks every reference in a source-format package directory (force-app, or a copy of it) and
 * returns the problems, in a stable order. An empty list means every reference resolves.
 */
export function checkMetadataReferences(
    packageDir: string
): ReferenceProblem[] {
    const inventory = readInventory(packageDir);
    const out = new Collector(join(packageDir, '..'));
    checkFlexiPages(inventory, out);
    checkComponents(inventory, out);
    checkQuickActionsAndFlows(inventory, out);
    checkTabs(inventory, out);
    checkApps(inventory, out);
    checkPermissionSets(inventory, out);
    checkCompactLayouts(inventory, out);
    return out.problems;
}

/** One line per problem, for test failure messages. */
export function formatProblems(problems: readonly ReferenceProblem[]): string {
    return problems
        .map(
            (problem) =>
                `${problem.file}: [${problem.rule}] ${problem.reference}: ${problem.message}`
        )
        .join('\n');
}
