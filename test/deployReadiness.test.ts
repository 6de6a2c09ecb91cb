/**
 * Deploy readiness, proven offline: `sf project convert source` turns force-app into the Metadata API
 * package that `sf project deploy start` would send. The package.xml must list every metadata type
 * (and member) that force-app holds, and the package must hold what deploys (the compiled .js) and
 * nothing else: no TypeScript, tests, fixtures, Jest mocks, source maps or tool configs.
 *
 * sf needs Node >= 22: scripts/sf.mjs runs the project's own CLI under scripts/node22.mjs's Node
 * (this Node when it is >= 22, else $SF_NODE, else one installed from npm into .cache/node22).
 *
 * Runs in Jest's default jsdom environment, not `@jest-environment node`: the LWC preset's setup
 * file (in jest.config.js's setupFilesAfterEnv) needs DOM globals. Only child_process/fs are used here.
 */
import { spawnSync } from 'node:child_process';
import {
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'force-app', 'main', 'default');
const SF = join(ROOT, 'scripts', 'sf.mjs');
const CONVERT_TIMEOUT = 300_000; // a first run on Node < 22 installs Node 22 from npm first

/** Top-level source folders and the metadata types their files become. */
const FOLDER_TYPES: Record<string, string[]> = {
    applications: ['CustomApplication'],
    appMenus: ['AppMenu'],
    aura: ['AuraDefinitionBundle'],
    classes: ['ApexClass'],
    components: ['ApexComponent'],
    contentassets: ['ContentAsset'],
    customMetadata: ['CustomMetadata'],
    flexipages: ['FlexiPage'],
    flows: ['Flow'],
    globalValueSets: ['GlobalValueSet'],
    labels: ['CustomLabels', 'CustomLabel'],
    layouts: ['Layout'],
    lwc: ['LightningComponentBundle'],
    messageChannels: ['LightningMessageChannel'],
    notificationtypes: ['CustomNotificationType'],
    pages: ['ApexPage'],
    permissionsetgroups: ['PermissionSetGroup'],
    permissionsets: ['PermissionSet'],
    quickActions: ['QuickAction'],
    staticresources: ['StaticResource'],
    standardValueSets: ['StandardValueSet'],
    tabs: ['CustomTab'],
    triggers: ['ApexTrigger']
};

/** Subfolders of objects/<Object>/ and their child metadata types (members are Object.Name). */
const OBJECT_CHILD_TYPES: Record<string, string> = {
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

/** Bundle types: a member per folder. */
const BUNDLE_FOLDERS = new Set(['lwc', 'aura']);

type Expected = Map<string, Set<string>>;

const parser = new XMLParser({
    ignoreAttributes: true,
    isArray: (name) => ['types', 'members', 'labels'].includes(name)
});

function add(expected: Expected, type: string, member: string): void {
    if (!expected.has(type)) expected.set(type, new Set());
    expected.get(type)!.add(member);
}

function listFiles(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) out.push(...listFiles(full));
        else out.push(full);
    }
    return out;
}

const memberOf = (file: string): string =>
    basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
const isMetaXml = (file: string): boolean =>
    /\.[A-Za-z]+-meta\.xml$/.test(file);
const isTestPath = (file: string): boolean =>
    /(^|[\\/])(__tests__|__mocks__)([\\/]|$)/.test(file);

/** The types and members force-app's source says the package must list. */
function expectedFromSource(): { expected: Expected; unmapped: string[] } {
    const expected: Expected = new Map();
    const unmapped: string[] = [];
    for (const folder of readdirSync(SOURCE)) {
        const dir = join(SOURCE, folder);
        if (!statSync(dir).isDirectory()) continue;
        if (folder === 'objects') {
            for (const object of readdirSync(dir)) {
                const objectDir = join(dir, object);
                if (existsSync(join(objectDir, `${object}.object-meta.xml`)))
                    add(expected, 'CustomObject', object);
                for (const child of readdirSync(objectDir)) {
                    if (!statSync(join(objectDir, child)).isDirectory())
                        continue;
                    const type = OBJECT_CHILD_TYPES[child];
                    if (!type) {
                        unmapped.push(`objects/${object}/${child}`);
                        continue;
                    }
                    for (const file of readdirSync(
                        join(objectDir, child)
                    ).filter(isMetaXml)) {
                        add(expected, type, `${object}.${memberOf(file)}`);
                    }
                }
            }
            continue;
        }
        const types = FOLDER_TYPES[folder];
        if (!types) {
            unmapped.push(folder);
            continue;
        }
        if (BUNDLE_FOLDERS.has(folder)) {
            // A bundle is a folder with its .js-meta.xml / .cmp-meta.xml (not e.g. lwc/jsconfig.json).
            for (const bundle of readdirSync(dir)) {
                if (
                    statSync(join(dir, bundle)).isDirectory() &&
                    readdirSync(join(dir, bundle)).some(isMetaXml)
                ) {
                    add(expected, types[0], bundle);
                }
            }
        } else if (folder === 'labels') {
            for (const file of readdirSync(dir).filter(isMetaXml)) {
                add(expected, 'CustomLabels', 'CustomLabels');
                const xml = parser.parse(readFileSync(join(dir, file), 'utf8'));
                for (const label of xml.CustomLabels?.labels ?? [])
                    add(expected, 'CustomLabel', String(label.fullName));
            }
        } else {
            for (const file of listFiles(dir).filter(
                (f) => isMetaXml(f) && !isTestPath(f)
            ))
                add(expected, types[0], memberOf(file));
        }
    }
    return { expected, unmapped };
}

function readPackageXml(file: string): Expected {
    const xml = parser.parse(readFileSync(file, 'utf8'));
    const listed: Expected = new Map();
    for (const type of xml.Package.types ?? []) {
        for (const member of type.members ?? [])
            add(listed, String(type.name), String(member));
    }
    return listed;
}

type Converted = { status: number | null; stdout: string; output: string };

function convert(projectDir: string, outputDir: string): Converted {
    const result = spawnSync(
        process.execPath,
        [
            SF,
            'project',
            'convert',
            'source',
            '--root-dir',
            'force-app',
            '--output-dir',
            outputDir,
            '--json'
        ],
        {
            cwd: projectDir,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            timeout: CONVERT_TIMEOUT
        }
    );
    return {
        status: result.status,
        stdout: result.stdout ?? '',
        output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
    };
}

/** Paths in the package that must never deploy. */
function forbiddenIn(files: string[]): string[] {
    return files.filter((file) => {
        const name = basename(file);
        return (
            name.endsWith('.ts') ||
            name.endsWith('.map') ||
            /^(tsconfig|jsconfig).*\.json$/.test(name) ||
            /^\.eslintrc/.test(name) ||
            file
                .split(sep)
                .some((part) =>
                    ['__tests__', '__mocks__', 'jest-mocks'].includes(part)
                )
        );
    });
}

describe('deploy readiness: sf project convert source', () => {
    let work: string;
    let out: string;
    let converted: Converted;

    beforeAll(() => {
        work = mkdtempSync(join(tmpdir(), 'deploy-readiness-'));
        out = join(work, 'mdapi');
        converted = convert(ROOT, out);
    }, CONVERT_TIMEOUT + 30_000);

    afterAll(() => {
        if (work) rmSync(work, { recursive: true, force: true });
    });

    it('converts force-app without errors', () => {
        if (converted.status !== 0)
            throw new Error(
                `sf project convert source failed (exit ${converted.status}):\n${converted.output}`
            );
        const json = JSON.parse(converted.stdout);
        expect(json.status).toBe(0);
        expect(json.result.location).toBe(out);
        expect(existsSync(join(out, 'package.xml'))).toBe(true);
    });

    it('lists the metadata types every component, label and channel needs', () => {
        const listed = readPackageXml(join(out, 'package.xml'));
        for (const type of [
            'LightningComponentBundle',
            'CustomLabels',
            'LightningMessageChannel'
        ]) {
            expect(listed.has(type)).toBe(true);
        }
        // Every channel in messageChannels/, among them the two the console's components talk over.
        const channels = readdirSync(join(SOURCE, 'messageChannels'))
            .filter(isMetaXml)
            .map(memberOf);
        expect(channels).toEqual(
            expect.arrayContaining([
                'MSC_MessagingSessionSelected',
                'MSC_MessagingSessionsChanged'
            ])
        );
        expect(listed.get('LightningMessageChannel')).toEqual(
            new Set(channels)
        );
        expect(
            listed
                .get('LightningComponentBundle')
                ?.has('messagingSessionSchema')
        ).toBe(true);
        expect(readFileSync(join(out, 'package.xml'), 'utf8')).toContain(
            '<version>66.0</version>'
        );
    });

    it('lists exactly the types, and every member, that force-app holds', () => {
        const { expected, unmapped } = expectedFromSource();
        // A new kind of source folder must be added to the mapping above, so that it is checked too.
        expect(unmapped).toEqual([]);
        const listed = readPackageXml(join(out, 'package.xml'));
        expect([...listed.keys()].sort()).toEqual([...expected.keys()].sort());
        const missing: string[] = [];
        for (const [type, members] of expected) {
            for (const member of members)
                if (!listed.get(type)?.has(member))
                    missing.push(`${type}: ${member}`);
        }
        expect(missing).toEqual([]);
    });

    it('holds no TypeScript, tests, mocks, source maps or tool configs', () => {
        const files = listFiles(out).map((file) => relative(out, file));
        expect(files.length).toBeGreaterThan(1);
        expect(forbiddenIn(files)).toEqual([]);
    });

    it('ships each component exactly as committed: its compiled .js and every other non-test file', () => {
        const problems: string[] = [];
        for (const bundle of readdirSync(join(SOURCE, 'lwc'))) {
            const sourceDir = join(SOURCE, 'lwc', bundle);
            if (
                !statSync(sourceDir).isDirectory() ||
                !readdirSync(sourceDir).some(isMetaXml)
            )
                continue;
            const shouldShip = listFiles(sourceDir)
                .map((file) => relative(sourceDir, file))
                .filter(
                    (file) =>
                        !isTestPath(file) && forbiddenIn([file]).length === 0
                )
                .sort();
            const outDir = join(out, 'lwc', bundle);
            const shipped = existsSync(outDir)
                ? listFiles(outDir)
                      .map((file) => relative(outDir, file))
                      .sort()
                : [];
            if (JSON.stringify(shipped) !== JSON.stringify(shouldShip)) {
                problems.push(
                    `${bundle}: ships [${shipped.join(', ')}], expected [${shouldShip.join(', ')}]`
                );
                continue;
            }
            if (!shipped.includes(`${bundle}.js`))
                problems.push(`${bundle}: no ${bundle}.js`);
            for (const file of shipped.filter((f) => f.endsWith('.js'))) {
                if (
                    readFileSync(join(outDir, file), 'utf8') !==
                    readFileSync(join(sourceDir, file), 'utf8')
                ) {
                    problems.push(
                        `${bundle}/${file} differs from the committed file`
                    );
                }
            }
        }
        expect(problems).toEqual([]);
    });
});

describe('.forceignore keeps development files out of the package', () => {
    let work: string;

    beforeAll(() => {
        work = mkdtempSync(join(tmpdir(), 'forceignore-'));
    });

    afterAll(() => {
        if (work) rmSync(work, { recursive: true, force: true });
    });

    it(
        'drops TypeScript, tests, fixtures, mocks, maps and configs from a probe component',
        () => {
            // A throwaway project with the repo's real sfdx-project.json and .forceignore.
            const project = join(work, 'project');
            const lwc = join(project, 'force-app', 'main', 'default', 'lwc');
            const bundle = join(lwc, 'probe');
            mkdirSync(join(bundle, '__tests__', 'data'), { recursive: true });
            mkdirSync(join(bundle, '__mocks__'), { recursive: true });
            mkdirSync(
                join(project, 'force-app', 'test', 'jest-mocks', 'lightning'),
                { recursive: true }
            );
            cpSync(
                join(ROOT, 'sfdx-project.json'),
                join(project, 'sfdx-project.json')
            );
            cpSync(join(ROOT, '.forceignore'), join(project, '.forceignore'));
            const files: Record<string, string> = {
                'probe.ts': 'export default class Probe {}\n',
                'probe.js':
                    'import { LightningElement } from "lwc";\nexport default class Probe extends LightningElement {}\n',
                'probe.js.map': '{"version":3,"sources":[],"mappings":""}\n',
                'probe.html': '<template><p>probe</p></template>\n',
                'probe.css': 'p { margin: 0; }\n',
                'probe.js-meta.xml':
                    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>66.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n',
                'helper.ts': 'export const x = 1;\n',
                'helper.js': 'export const x = 1;\n',
                'tsconfig.json': '{}\n',
                'jsconfig.json': '{}\n',
                '.eslintrc.json': '{}\n',
                '__tests__/probe.test.ts': 'it("x", () => undefined);\n',
                '__tests__/data/getRecord.json': '{}\n',
                '__mocks__/dep.js': 'export default {};\n'
            };
            for (const [name, text] of Object.entries(files))
                writeFileSync(join(bundle, name), text);
            writeFileSync(join(lwc, 'tsconfig.json'), '{}\n');
            writeFileSync(join(lwc, 'jsconfig.json'), '{}\n');
            writeFileSync(
                join(
                    project,
                    'force-app',
                    'test',
                    'jest-mocks',
                    'lightning',
                    'fake.js'
                ),
                'export const fake = 1;\n'
            );

            const out = join(work, 'mdapi');
            const result = convert(project, out);
            if (result.status !== 0)
                throw new Error(
                    `convert failed (exit ${result.status}):\n${result.output}`
                );
            const shipped = listFiles(out)
                .map((file) => relative(out, file))
                .sort();
            expect(shipped).toEqual(
                [
                    'lwc/probe/helper.js',
                    'lwc/probe/probe.css',
                    'lwc/probe/probe.html',
                    'lwc/probe/probe.js',
                    'lwc/probe/probe.js-meta.xml',
                    'package.xml'
                ].map((file) => file.split('/').join(sep))
            );
        },
        CONVERT_TIMEOUT + 30_000
    );
});
