/**
 * The API names a package directory would create in an org, read from its source-format files.
 *
 * A deploy replaces any same-named component the org already has, so every name the project
 * creates carries the project prefix. This module lists the names (top-level members such as
 * FlexiPages, flows and permission sets, and child members such as custom labels, custom fields,
 * list views, compact layouts and quick actions) so a test can check the prefix on each.
 *
 * Decisions:
 * - Lightning component bundles (lwc/, aura/) keep their names: components live in the `c`
 *   namespace and are referenced by name from pages and other components; they are listed under
 *   `bundles`, not checked.
 * - A standard object's folder (objects/MessagingSession/) only holds the project's children, which
 *   are checked. A file that defines the object itself (MessagingSession.object-meta.xml) is listed
 *   under its object name, so it fails the prefix check: deploying it would reset the org's settings.
 * - Translations are named after languages and are not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

export const PROJECT_PREFIX = 'MSC_';

/** API names Salesforce itself generates; a project file under one of them replaces the org's own. */
export const SALESFORCE_GENERATED_NAMES: readonly string[] = [
    // The Messaging Session page Salesforce creates when Messaging is set up (often the org default).
    'Messaging_Session_Record_Page'
];

export interface MetadataName {
    /** Path of the file, relative to the directory the names were read from. */
    readonly file: string;
    /** Metadata type, e.g. FlexiPage, CustomLabel, CustomField. */
    readonly type: string;
    /** The name the prefix applies to (for Object.Child members, the child part). */
    readonly name: string;
}

/** Folder -> metadata type, for the common top-level types (others are named after the folder). */
const FOLDER_TYPES: Readonly<Record<string, string>> = {
    applications: 'CustomApplication',
    classes: 'ApexClass',
    customMetadata: 'CustomMetadata',
    flexipages: 'FlexiPage',
    flows: 'Flow',
    layouts: 'Layout',
    messageChannels: 'LightningMessageChannel',
    permissionsetgroups: 'PermissionSetGroup',
    permissionsets: 'PermissionSet',
    platformEventChannelMembers: 'PlatformEventChannelMember',
    quickActions: 'QuickAction',
    staticresources: 'StaticResource',
    tabs: 'CustomTab',
    triggers: 'ApexTrigger'
};

const OBJECT_CHILD_TYPES: Readonly<Record<string, string>> = {
    businessProcesses: 'BusinessProcess',
    compactLayouts: 'CompactLayout',
    fieldSets: 'FieldSet',
    fields: 'CustomField',
    listViews: 'ListView',
    recordTypes: 'RecordType',
    sharingReasons: 'SharingReason',
    validationRules: 'ValidationRule',
    webLinks: 'WebLink'
};

const BUNDLE_FOLDERS = new Set(['lwc', 'aura']);
const UNCHECKED_FOLDERS = new Set(['translations', 'objectTranslations']);
const META_SUFFIX = /\.[A-Za-z]+-meta\.xml$/;

/** The member name of a source file: its file name without the `.<type>-meta.xml` suffix. */
function memberOf(file: string): string {
    return basename(file).replace(META_SUFFIX, '');
}

const LABEL_NAME = /<labels>[\s\S]*?<fullName>\s*([^<\s]+)\s*<\/fullName>/g;

/**
 * The names one source file creates. `path` is relative to the metadata folder root (the folder
 * holding applications/, flexipages/, objects/...), with either separator; `content` is only read
 * for files that hold several members (custom labels).
 */
export function namesOfFile(
    path: string,
    content: () => string
): MetadataName[] {
    const parts = path.split(/[\\/]/).filter(Boolean);
    const [folder, ...rest] = parts;
    const file = parts.join('/');
    if (!folder || !rest.length) return [];
    if (BUNDLE_FOLDERS.has(folder) || UNCHECKED_FOLDERS.has(folder)) return [];
    if (!META_SUFFIX.test(file)) return [];
    if (folder === 'labels') {
        return [...content().matchAll(LABEL_NAME)].map((match) => ({
            file,
            type: 'CustomLabel',
            name: match[1] ?? ''
        }));
    }
    if (folder === 'objects') {
        const [object = '', child, ...childRest] = rest;
        if (child === undefined) return [];
        if (!childRest.length) {
            // objects/<Object>/<Object>.object-meta.xml: the object definition itself.
            return [{ file, type: 'CustomObject', name: object }];
        }
        const names: MetadataName[] = [];
        if (/__(c|mdt|e|b|x)$/.test(object)) {
            names.push({ file, type: 'CustomObject', name: object });
        }
        names.push({
            file,
            type: OBJECT_CHILD_TYPES[child] ?? child,
            name: memberOf(file)
        });
        return names;
    }
    const member = memberOf(file);
    if (folder === 'quickActions' || folder === 'customMetadata') {
        // Object.Action / Type.Record: the prefix goes on the part the project names.
        const [owner = '', name] = member.split('.');
        return [
            {
                file,
                type: FOLDER_TYPES[folder] ?? folder,
                name: folder === 'quickActions' ? (name ?? owner) : owner
            }
        ];
    }
    if (folder === 'layouts') {
        // Object-Layout Name.
        const dash = member.indexOf('-');
        return [
            {
                file,
                type: 'Layout',
                name: dash >= 0 ? member.slice(dash + 1) : member
            }
        ];
    }
    return [{ file, type: FOLDER_TYPES[folder] ?? folder, name: member }];
}

function listFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
            if (entry === '__tests__' || entry === 'node_modules') continue;
            out.push(...listFiles(full));
        } else {
            out.push(full);
        }
    }
    return out.sort();
}

/** The folders that hold metadata folders: every <dir>/main/default, or <dir> itself. */
function metadataRoots(dir: string): string[] {
    const nested = join(dir, 'main', 'default');
    return existsSync(nested) ? [nested] : [dir];
}

/** Every name the package directory creates, with the file it comes from (relative to `dir`). */
export function namesInPackage(dir: string): MetadataName[] {
    const names: MetadataName[] = [];
    for (const root of metadataRoots(dir)) {
        for (const full of listFiles(root)) {
            const path = relative(root, full);
            for (const name of namesOfFile(path, () =>
                readFileSync(full, 'utf8')
            )) {
                names.push({
                    ...name,
                    file: relative(dir, full).split(sep).join('/')
                });
            }
        }
    }
    return names;
}

/** The bundles (lwc/, aura/) a package directory holds: they keep their names. */
export function bundlesInPackage(dir: string): string[] {
    return metadataRoots(dir).flatMap((root) =>
        [...BUNDLE_FOLDERS].flatMap((folder) =>
            existsSync(join(root, folder))
                ? readdirSync(join(root, folder)).filter((entry) =>
                      statSync(join(root, folder, entry)).isDirectory()
                  )
                : []
        )
    );
}

/** The names that lack the project prefix. */
export function unprefixed(
    names: readonly MetadataName[],
    prefix: string = PROJECT_PREFIX
): MetadataName[] {
    return names.filter((entry) => !entry.name.startsWith(prefix));
}

/** The names that are names Salesforce generates itself. */
export function salesforceGenerated(
    names: readonly MetadataName[]
): MetadataName[] {
    return names.filter((entry) =>
        SALESFORCE_GENERATED_NAMES.includes(entry.name)
    );
}
