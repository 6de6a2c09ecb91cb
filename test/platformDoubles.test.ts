/**
 * @jest-environment node
 */
// Honest platform doubles. The components run offline against doubles of the platform modules:
// the sfdx-lwc-jest stubs, the project's Jest mocks (force-app/test/jest-mocks) and the preview's
// browser implementations (preview/platform, mapped by preview/build/bundle.ts). A double that
// exports a name the platform doesn't have lets a component pass every test and fail in an org.
// So every name a component imports from lightning/* and every name a double exports must be
// exported by the matching sfdx-lwc-jest stub, or be listed in DOCUMENTED_BEYOND_STUBS with the
// documentation page that proves it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
const JEST_MOCKS_DIR = join(ROOT, 'force-app/test/jest-mocks');
const PREVIEW_PLATFORM_DIR = join(ROOT, 'preview/platform');
const BUNDLE_FILE = join(ROOT, 'preview/build/bundle.ts');
const TYPES_DIR = join(ROOT, 'types');
const STUBS_DIR = join(
    ROOT,
    'node_modules/@salesforce/sfdx-lwc-jest/src/lightning-stubs'
);
const TRANSFORMS_DIR = join(
    ROOT,
    'node_modules/@lwc/jest-transformer/src/transforms'
);

/**
 * The one list of platform exports the sfdx-lwc-jest stubs lack, each with the page that proves
 * it. Add an entry only with such a page; never for a name a double merely finds convenient.
 */
export const DOCUMENTED_BEYOND_STUBS: ReadonlyArray<{
    module: string;
    name: string;
    url: string;
}> = [
    {
        module: 'lightning/graphql',
        name: 'executeMutation',
        url: 'https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-mutation.html'
    }
];

/** Modules the platform still serves but the project must not use, with the page that says why. */
export const DEPRECATED_MODULES: ReadonlyArray<{
    module: string;
    instead: string;
    url: string;
}> = [
    {
        module: 'lightning/uiGraphQLApi',
        instead: 'lightning/graphql',
        url: 'https://developer.salesforce.com/docs/platform/lwc/guide/reference-refreshgraphql.html'
    }
];

// ---------------------------------------------------------------------------------------------
// Reading modules
// ---------------------------------------------------------------------------------------------

interface ImportedName {
    module: string;
    /** 'default' for a default import, '*' for a namespace import. */
    name: string;
    file: string;
}

function parse(file: string, text: string): ts.SourceFile {
    return ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
        file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS
    );
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
    return (
        ts.canHaveModifiers(node) &&
        (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind)
    );
}

/** The runtime (value) names a list of statements exports; types and interfaces don't count. */
function statementExports(
    statements: readonly ts.Statement[],
    file: string,
    seen: Set<string>
): Set<string> {
    const names = new Set<string>();
    for (const statement of statements) {
        if (ts.isExportDeclaration(statement)) {
            if (statement.isTypeOnly) continue;
            const from =
                statement.moduleSpecifier &&
                ts.isStringLiteral(statement.moduleSpecifier)
                    ? statement.moduleSpecifier.text
                    : null;
            if (!statement.exportClause) {
                // export * from '…': follow relative files; anything else can't be listed.
                if (from?.startsWith('.')) {
                    moduleExports(resolveRelative(file, from), seen).forEach(
                        (name) => names.add(name)
                    );
                } else {
                    names.add('*');
                }
                continue;
            }
            if (ts.isNamedExports(statement.exportClause)) {
                for (const element of statement.exportClause.elements) {
                    if (!element.isTypeOnly) names.add(element.name.text);
                }
            } else {
                names.add(statement.exportClause.name.text);
            }
            continue;
        }
        if (ts.isExportAssignment(statement)) {
            names.add('default');
            continue;
        }
        if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
        const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
        if (
            ts.isFunctionDeclaration(statement) ||
            ts.isClassDeclaration(statement) ||
            ts.isEnumDeclaration(statement)
        ) {
            names.add(isDefault ? 'default' : (statement.name?.text ?? ''));
        } else if (ts.isVariableStatement(statement)) {
            for (const declaration of statement.declarationList.declarations) {
                if (ts.isIdentifier(declaration.name))
                    names.add(declaration.name.text);
            }
        } else if (
            ts.isModuleDeclaration(statement) &&
            ts.isIdentifier(statement.name)
        ) {
            // A namespace merged with a function or const of the same name (NavigationMixin).
            names.add(statement.name.text);
        }
    }
    names.delete('');
    return names;
}

function resolveRelative(from: string, specifier: string): string {
    const base = resolve(dirname(from), specifier);
    for (const candidate of [base, `${base}.js`, `${base}.ts`]) {
        if (existsSync(candidate) && statSync(candidate).isFile())
            return candidate;
    }
    return `${base}.js`;
}

/** The runtime names a module file exports. */
export function moduleExports(
    file: string,
    seen = new Set<string>(),
    text?: string
): Set<string> {
    if (seen.has(file)) return new Set();
    seen.add(file);
    const source = parse(file, text ?? readFileSync(file, 'utf8'));
    return statementExports(source.statements, file, seen);
}

/** The lightning/* and @salesforce/* names a source file imports or re-exports at runtime. */
export function platformImports(file: string, text: string): ImportedName[] {
    const found: ImportedName[] = [];
    const isPlatform = (module: string): boolean =>
        module.startsWith('lightning/') || module.startsWith('@salesforce/');
    for (const statement of parse(file, text).statements) {
        if (
            ts.isImportDeclaration(statement) &&
            ts.isStringLiteral(statement.moduleSpecifier)
        ) {
            const module = statement.moduleSpecifier.text;
            const clause = statement.importClause;
            if (!isPlatform(module) || clause?.isTypeOnly) continue;
            if (!clause) {
                found.push({ module, name: '*', file });
                continue;
            }
            if (clause.name) found.push({ module, name: 'default', file });
            const bindings = clause.namedBindings;
            if (bindings && ts.isNamespaceImport(bindings)) {
                found.push({ module, name: '*', file });
            } else if (bindings) {
                for (const element of bindings.elements) {
                    if (element.isTypeOnly) continue;
                    found.push({
                        module,
                        name: (element.propertyName ?? element.name).text,
                        file
                    });
                }
            }
        } else if (
            ts.isExportDeclaration(statement) &&
            statement.moduleSpecifier &&
            ts.isStringLiteral(statement.moduleSpecifier) &&
            isPlatform(statement.moduleSpecifier.text) &&
            !statement.isTypeOnly
        ) {
            const module = statement.moduleSpecifier.text;
            const clause = statement.exportClause;
            if (clause && ts.isNamedExports(clause)) {
                for (const element of clause.elements) {
                    if (!element.isTypeOnly)
                        found.push({
                            module,
                            name: (element.propertyName ?? element.name).text,
                            file
                        });
                }
            } else {
                found.push({ module, name: '*', file });
            }
        }
    }
    return found;
}

// ---------------------------------------------------------------------------------------------
// The platform's names, as the stubs and the documented exceptions give them
// ---------------------------------------------------------------------------------------------

const stubCache = new Map<string, Set<string> | null>();

/** What the sfdx-lwc-jest stub of a lightning/* module exports; null when there is no stub. */
export function stubExports(module: string): Set<string> | null {
    if (!stubCache.has(module)) {
        const name = module.replace(/^lightning\//, '');
        const file = join(STUBS_DIR, name, `${name}.js`);
        stubCache.set(
            module,
            module.startsWith('lightning/') && existsSync(file)
                ? moduleExports(file)
                : null
        );
    }
    return stubCache.get(module) ?? null;
}

function documented(module: string, name: string): boolean {
    return DOCUMENTED_BEYOND_STUBS.some(
        (entry) => entry.module === module && entry.name === name
    );
}

/**
 * The @salesforce scopes sfdx-lwc-jest resolves (one transform each), and the i18n keys it has
 * values for: an import outside them is a module the platform may not have either.
 */
function salesforceScopes(): { scopes: Set<string>; i18nKeys: Set<string> } {
    const scopes = new Set<string>();
    let i18nKeys = new Set<string>();
    for (const file of readdirSync(TRANSFORMS_DIR)) {
        const text = readFileSync(join(TRANSFORMS_DIR, file), 'utf8');
        for (const match of text.matchAll(
            /'(@salesforce\/[A-Za-z0-9]+)(?:\/[^']*)?'/g
        )) {
            scopes.add(match[1]);
        }
        if (file.startsWith('i18n')) {
            i18nKeys = new Set(
                [...text.matchAll(/case '([A-Za-z]+)':/g)].map((m) => m[1])
            );
        }
    }
    return { scopes, i18nKeys };
}

export interface Problem {
    file: string;
    message: string;
}

/** Every import that names something the platform may not export. */
export function checkImports(imports: readonly ImportedName[]): Problem[] {
    const problems: Problem[] = [];
    const { scopes, i18nKeys } = salesforceScopes();
    for (const { module, name, file } of imports) {
        const where = relative(ROOT, file);
        const deprecated = DEPRECATED_MODULES.find(
            (entry) => entry.module === module
        );
        if (deprecated) {
            problems.push({
                file: where,
                message: `imports ${module}, which is deprecated: use ${deprecated.instead} (${deprecated.url})`
            });
            continue;
        }
        if (module.startsWith('@salesforce/')) {
            const scope = module.split('/').slice(0, 2).join('/');
            if (!scopes.has(scope)) {
                problems.push({
                    file: where,
                    message: `imports ${module}: sfdx-lwc-jest knows no scope ${scope}`
                });
            } else if (name !== 'default') {
                problems.push({
                    file: where,
                    message: `imports { ${name} } from ${module}: scoped modules have only a default export`
                });
            } else if (
                scope === '@salesforce/i18n' &&
                !i18nKeys.has(module.split('/')[2]?.split('.')[0] ?? '')
            ) {
                problems.push({
                    file: where,
                    message: `imports ${module}: not an i18n property sfdx-lwc-jest knows`
                });
            }
            continue;
        }
        const stub = stubExports(module);
        if (!stub) {
            if (!documented(module, name)) {
                problems.push({
                    file: where,
                    message: `imports ${name} from ${module}, which has no sfdx-lwc-jest stub and no documented exception`
                });
            }
            continue;
        }
        if (name === '*') {
            problems.push({
                file: where,
                message: `imports all of ${module}: name what you use, so it can be checked`
            });
        } else if (!stub.has(name) && !documented(module, name)) {
            problems.push({
                file: where,
                message: `imports ${name} from ${module}, which the platform module doesn't export (not in the sfdx-lwc-jest stub, no documented exception)`
            });
        }
    }
    return problems;
}

/** Every name a double exports that the module it stands for doesn't. */
export function checkDouble(
    module: string,
    file: string,
    exported: ReadonlySet<string>
): Problem[] {
    const where = relative(ROOT, file);
    const stub = stubExports(module);
    if (!stub) {
        const undocumented = [...exported].filter(
            (name) => !documented(module, name)
        );
        return undocumented.length
            ? [
                  {
                      file: where,
                      message: `stands in for ${module}, which has no sfdx-lwc-jest stub, and exports ${undocumented.join(', ')} without a documented exception`
                  }
              ]
            : [];
    }
    return [...exported]
        .filter((name) => !stub.has(name) && !documented(module, name))
        .map((name) => ({
            file: where,
            message: `stands in for ${module} and exports ${name}, which the platform module doesn't (not in the sfdx-lwc-jest stub, no documented exception)`
        }));
}

// ---------------------------------------------------------------------------------------------
// The project's files
// ---------------------------------------------------------------------------------------------

function walk(dir: string, keep: (file: string) => boolean): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
            return entry === '__tests__' || entry === 'node_modules'
                ? []
                : walk(path, keep);
        }
        return keep(path) ? [path] : [];
    });
}

/** The component sources: .ts, and .js that tsc didn't emit from a .ts beside it. */
function componentSources(): string[] {
    return walk(LWC_DIR, (file) => {
        if (file.endsWith('.d.ts')) return false;
        if (file.endsWith('.ts')) return true;
        return (
            file.endsWith('.js') && !existsSync(file.replace(/\.js$/, '.ts'))
        );
    });
}

/** The Jest mocks: force-app/test/jest-mocks/<namespace>/<name>.js stands for <namespace>/<name>. */
function jestMocks(): Array<{ module: string; file: string }> {
    return walk(JEST_MOCKS_DIR, (file) => /\.(js|ts)$/.test(file)).map(
        (file) => ({
            module: relative(JEST_MOCKS_DIR, file)
                .replace(/\\/g, '/')
                .replace(/\.(js|ts)$/, ''),
            file
        })
    );
}

/** PLATFORM_MODULES of preview/build/bundle.ts: module specifier → shim file in preview/platform. */
function previewShims(): Array<{ module: string; file: string }> {
    const source = parse(BUNDLE_FILE, readFileSync(BUNDLE_FILE, 'utf8'));
    const shims: Array<{ module: string; file: string }> = [];
    const visit = (node: ts.Node): void => {
        if (
            ts.isVariableDeclaration(node) &&
            ts.isIdentifier(node.name) &&
            node.name.text === 'PLATFORM_MODULES' &&
            node.initializer &&
            ts.isObjectLiteralExpression(node.initializer)
        ) {
            for (const property of node.initializer.properties) {
                if (
                    ts.isPropertyAssignment(property) &&
                    (ts.isStringLiteral(property.name) ||
                        ts.isIdentifier(property.name)) &&
                    ts.isStringLiteralLike(property.initializer)
                ) {
                    shims.push({
                        module: property.name.text,
                        file: join(
                            PREVIEW_PLATFORM_DIR,
                            property.initializer.text
                        )
                    });
                }
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return shims;
}

/** The lightning/* modules declared in types/*.d.ts, with the runtime names each declares. */
function declaredModules(): Array<{
    module: string;
    file: string;
    names: Set<string>;
}> {
    return walk(TYPES_DIR, (file) => file.endsWith('.d.ts')).flatMap((file) =>
        parse(file, readFileSync(file, 'utf8'))
            .statements.filter(
                (statement): statement is ts.ModuleDeclaration =>
                    ts.isModuleDeclaration(statement) &&
                    ts.isStringLiteral(statement.name) &&
                    statement.name.text.startsWith('lightning/') &&
                    statement.body !== undefined &&
                    ts.isModuleBlock(statement.body)
            )
            .map((declaration) => ({
                module: (declaration.name as ts.StringLiteral).text,
                file,
                names: statementExports(
                    (declaration.body as ts.ModuleBlock).statements,
                    file,
                    new Set()
                )
            }))
    );
}

const report = (problems: Problem[]): string[] =>
    problems.map((problem) => `${problem.file}: ${problem.message}`);

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('platform doubles are honest', () => {
    it('finds the components, the mocks and the preview shims it checks', () => {
        expect(componentSources().length).toBeGreaterThan(10);
        expect(jestMocks().map((mock) => mock.module)).toContain(
            'lightning/graphql'
        );
        expect(previewShims().map((shim) => shim.module)).toEqual(
            expect.arrayContaining(['lightning/graphql', 'lightning/empApi'])
        );
        expect(stubExports('lightning/graphql')).toEqual(
            new Set(['graphql', 'gql'])
        );
    });

    it('components import only names the platform modules export', () => {
        const imports = componentSources().flatMap((file) =>
            platformImports(file, readFileSync(file, 'utf8'))
        );
        expect(
            imports.some((entry) => entry.module === 'lightning/graphql')
        ).toBe(true);
        expect(report(checkImports(imports))).toEqual([]);
    });

    it('the Jest mocks export only what the modules they replace export', () => {
        const problems = jestMocks().flatMap(({ module, file }) =>
            checkDouble(module, file, moduleExports(file))
        );
        expect(report(problems)).toEqual([]);
    });

    it('the preview shims export only what the modules they stand in for export', () => {
        // A mapping to a file that isn't there exports nothing: the bundle fails on its import.
        const problems = previewShims()
            .filter(({ file }) => existsSync(file))
            .flatMap(({ module, file }) =>
                checkDouble(module, file, moduleExports(file))
            );
        expect(report(problems)).toEqual([]);
    });

    it('the type declarations declare only what the platform modules export', () => {
        const declared = declaredModules();
        expect(declared.map((entry) => entry.module)).toContain(
            'lightning/graphql'
        );
        const problems = declared.flatMap(({ module, file, names }) =>
            checkDouble(module, file, names)
        );
        expect(report(problems)).toEqual([]);
    });

    it('gives every documented exception a documentation page, for a name the stub lacks', () => {
        for (const entry of DOCUMENTED_BEYOND_STUBS) {
            expect(entry.url).toMatch(
                /^https:\/\/developer\.salesforce\.com\/docs\//
            );
            expect(stubExports(entry.module)?.has(entry.name)).not.toBe(true);
        }
    });
});

describe('the check itself', () => {
    const componentFile = join(LWC_DIR, 'plantedComponent/plantedComponent.ts');

    it('fails on a planted refreshGraphQL import from lightning/graphql', () => {
        const planted = platformImports(
            componentFile,
            `import { gql, graphql, refreshGraphQL } from 'lightning/graphql';\n`
        );
        expect(report(checkImports(planted))).toEqual([
            "force-app/main/default/lwc/plantedComponent/plantedComponent.ts: imports refreshGraphQL from lightning/graphql, which the platform module doesn't export (not in the sfdx-lwc-jest stub, no documented exception)"
        ]);
    });

    it('fails on a mock that invents an export, and accepts a documented one', () => {
        const mockFile = join(JEST_MOCKS_DIR, 'lightning/graphql.js');
        const inventing = moduleExports(
            mockFile,
            new Set(),
            `export { graphql, gql } from 'somewhere';\nexport const refreshGraphQL = () => Promise.resolve();\nexport const executeMutation = () => Promise.resolve({});\n`
        );
        expect(
            checkDouble('lightning/graphql', mockFile, inventing).map(
                (problem) => problem.message
            )
        ).toEqual([
            "stands in for lightning/graphql and exports refreshGraphQL, which the platform module doesn't (not in the sfdx-lwc-jest stub, no documented exception)"
        ]);
    });

    it('ignores type-only imports and exports, which never reach the platform', () => {
        const imports = platformImports(
            componentFile,
            `import type { GraphQLResult } from 'lightning/graphql';\nimport { type GraphQLError, gql } from 'lightning/graphql';\n`
        );
        expect(imports.map((entry) => entry.name)).toEqual(['gql']);
        expect(
            moduleExports(
                join(PREVIEW_PLATFORM_DIR, 'planted.ts'),
                new Set(),
                `export interface Shape { a: string }\nexport type Id = string;\nexport function gql() {}\n`
            )
        ).toEqual(new Set(['gql']));
    });

    it('fails on a deprecated module, a missing stub, a namespace import and a bad scoped import', () => {
        const planted = platformImports(
            componentFile,
            [
                "import { graphql } from 'lightning/uiGraphQLApi';",
                "import { getConversationLog } from 'lightning/noSuchModule';",
                "import * as records from 'lightning/uiRecordApi';",
                "import { Id } from '@salesforce/user/Id';",
                "import ZONE from '@salesforce/i18n/timezone';",
                "import LABEL from '@salesforce/label/c.MSC_ListTitle';"
            ].join('\n')
        );
        const messages = checkImports(planted).map(
            (problem) => problem.message
        );
        expect(messages).toEqual([
            'imports lightning/uiGraphQLApi, which is deprecated: use lightning/graphql (https://developer.salesforce.com/docs/platform/lwc/guide/reference-refreshgraphql.html)',
            'imports getConversationLog from lightning/noSuchModule, which has no sfdx-lwc-jest stub and no documented exception',
            'imports all of lightning/uiRecordApi: name what you use, so it can be checked',
            'imports { Id } from @salesforce/user/Id: scoped modules have only a default export',
            'imports @salesforce/i18n/timezone: not an i18n property sfdx-lwc-jest knows'
        ]);
    });
});
