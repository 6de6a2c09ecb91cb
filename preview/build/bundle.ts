/**
 * Bundles the project's real Lightning Web Components (the compiled .js of
 * force-app/main/default/lwc/*, which is what deploys) with LWC OSS for the local preview.
 *
 * - `lightning-*` base components come from the `lightning-base-components` npm package;
 * - platform modules LWC OSS lacks (LDS adapters, message service, workspace API, navigation, ...)
 *   resolve to the browser implementations in preview/platform;
 * - `@salesforce/*` scoped modules (schema, custom labels, message channels, user id, i18n)
 *   are generated here from the project's metadata.
 */
import {
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
    rollup,
    type OutputChunk,
    type Plugin,
    type RollupCache
} from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import nodeResolve from '@rollup/plugin-node-resolve';
import ts from 'typescript';
import { LABELS_FILE, readLabels } from '../../scripts/lib/customLabels';

export const ROOT = resolve(__dirname, '../..');
export const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
export const PLATFORM_DIR = join(ROOT, 'preview/platform');
export const DIST_DIR = join(ROOT, 'preview/dist');

/** Platform modules implemented in preview/platform, by module specifier. */
export const PLATFORM_MODULES: Record<string, string> = {
    'lightning/uiRecordApi': 'lds/uiRecordApi.ts',
    'lightning/uiObjectInfoApi': 'lds/uiObjectInfoApi.ts',
    'lightning/uiRelatedListApi': 'lds/uiRelatedListApi.ts',
    'lightning/graphql': 'lds/graphql.ts',
    'lightning/messageService': 'messageService.ts',
    'lightning/platformWorkspaceApi': 'workspaceApi.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/empApi': 'empApi.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/flowSupport': 'flowSupport.ts',
    'lightning/refresh': 'refresh.ts',
    // Base components that exist only on the platform: stand-ins with the same public API.
    'lightning/flow': 'flow/flow.ts',
    'lightning/recordPicker': 'recordPicker/recordPicker.ts'
};

/** The component folders of force-app that have compiled JavaScript to bundle. */
export function projectComponents(): string[] {
    if (!existsSync(LWC_DIR)) return [];
    return readdirSync(LWC_DIR)
        .filter((name) => existsSync(join(LWC_DIR, name, `${name}.js`)))
        .sort();
}

/** UI components (the ones with a template) that the console page can place. */
export function uiComponents(): string[] {
    return projectComponents().filter((name) =>
        existsSync(join(LWC_DIR, name, `${name}.html`))
    );
}

const VIRTUAL = '\0preview-scoped:';
const LBC_DIR = join(ROOT, 'node_modules/lightning-base-components');
const LBC_PACKAGE = JSON.parse(
    readFileSync(join(LBC_DIR, 'package.json'), 'utf8')
) as {
    lwc: { modules: Array<{ name?: string; path?: string }> };
};
/** The scoped modules lightning-base-components ships (i18n, client, its own labels and gates), by name. */
const LBC_SCOPED = new Map(
    LBC_PACKAGE.lwc.modules
        .filter((m) => m.name && m.path)
        .map((m) => [m.name as string, join(LBC_DIR, m.path as string)])
);

/**
 * Feature gates of lightning-base-components that must stay closed in the preview: the combobox's
 * form-associated mode needs ElementInternals, which synthetic shadow does not support.
 */
const GATE_OVERRIDES: Record<string, boolean> = {
    '@salesforce/gate/bc.260.enableComboboxElementInternals': false
};

/** i18n values for the modules lightning-base-components does not ship. */
export const I18N_FALLBACK: Record<string, string> = {
    'number.currencySymbol': '$',
    currency: 'USD',
    locale: 'en-US',
    lang: 'en',
    timeZone: 'America/Los_Angeles',
    dir: 'ltr'
};

/** Resolves the @salesforce scoped modules to generated code. */
function scopedModules(warnings: string[]): Plugin {
    const labels = readLabels();
    return {
        name: 'preview-salesforce-scoped-modules',
        resolveId(source) {
            if (!source.startsWith('@salesforce/')) return null;
            if (source in GATE_OVERRIDES) return VIRTUAL + source;
            return LBC_SCOPED.get(source) ?? VIRTUAL + source;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) return null;
            const source = id.slice(VIRTUAL.length);
            const [, scope, ...restParts] = source.split('/');
            const rest = restParts.join('/');
            const out = (value: unknown): string =>
                `export default ${JSON.stringify(value)};`;
            if (source in GATE_OVERRIDES)
                return `export default { isOpen: () => ${GATE_OVERRIDES[source]} };`;
            switch (scope) {
                case 'schema': {
                    const [objectApiName, ...field] = rest.split('.');
                    return out(
                        field.length
                            ? { objectApiName, fieldApiName: field.join('.') }
                            : { objectApiName }
                    );
                }
                case 'label': {
                    const name = rest.replace(/^c\./, '');
                    if (!(name in labels)) {
                        warnings.push(
                            `custom label ${rest} is not defined in CustomLabels.labels-meta.xml`
                        );
                        return out(rest);
                    }
                    return out(labels[name]);
                }
                case 'messageChannel':
                    return `export default Object.freeze({ channelName: ${JSON.stringify(rest)} });`;
                case 'user':
                    if (rest === 'Id')
                        return 'export default (globalThis.__PREVIEW_CONFIG__ || {}).userId || null;';
                    if (rest === 'isGuest') return 'export default false;';
                    return out(null);
                case 'userPermission':
                case 'customPermission':
                    return 'export default true;';
                case 'i18n':
                    return out(I18N_FALLBACK[rest] ?? '');
                case 'client':
                    return out(rest === 'formFactor' ? 'Large' : null);
                case 'apex':
                case 'apexContinuation':
                    return `export default function () { return Promise.reject({ status: 501, statusText: 'Not Implemented', body: { message: ${JSON.stringify(
                        `Apex (${rest}) runs in an org, not in the local preview.`
                    )} } }); }`;
                default:
                    warnings.push(
                        `unknown scoped module ${source}: resolved to undefined`
                    );
                    return 'export default undefined;';
            }
        }
    };
}

/** Strips TypeScript types from the preview's own .ts modules (the components are bundled from their emitted .js). */
function previewTypeScript(): Plugin {
    return {
        name: 'preview-typescript',
        transform(code, id) {
            const file = id.split('?')[0];
            if (
                !file.endsWith('.ts') ||
                !file.startsWith(join(ROOT, 'preview'))
            )
                return null;
            const result = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    experimentalDecorators: false,
                    useDefineForClassFields: true,
                    isolatedModules: true,
                    verbatimModuleSyntax: false,
                    sourceMap: false
                }
            });
            return { code: result.outputText, map: null };
        }
    };
}

/** The generated entry: synthetic shadow first, then the engine, the console shell and every component found. */
function entryModule(components: string[]): Plugin {
    const ENTRY = '\0preview-entry';
    return {
        name: 'preview-entry',
        resolveId(source) {
            return source === 'preview:entry' ? ENTRY : null;
        },
        load(id) {
            if (id !== ENTRY) return null;
            const lines = [`import '@lwc/synthetic-shadow';`];
            const ui = new Set(uiComponents());
            components.forEach((name, i) =>
                lines.push(
                    ui.has(name)
                        ? `import C${i} from 'c/${name}';`
                        : `import * as C${i} from 'c/${name}';`
                )
            );
            const entries = (keep: boolean): string =>
                components
                    .map((name, i) => [name, i] as const)
                    .filter(([name]) => ui.has(name) === keep)
                    .map(([name, i]) => `${JSON.stringify(name)}: C${i}`)
                    .join(', ');
            lines.push(
                `import { start } from ${JSON.stringify(join(ROOT, 'preview/app/main.ts'))};`
            );
            lines.push(`start({ ${entries(true)} }, { ${entries(false)} });`);
            return lines.join('\n');
        }
    };
}

/**
 * Rollup's module cache, kept between runs: a module whose source did not change is not compiled
 * again (most of the time goes into compiling lightning-base-components with the LWC compiler).
 */
const CACHE_FILE = join(ROOT, 'node_modules/.cache/preview-rollup-cache.json');

function loadCache(): RollupCache | undefined {
    if (process.env.PREVIEW_NO_CACHE || !existsSync(CACHE_FILE))
        return undefined;
    try {
        return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as RollupCache;
    } catch {
        return undefined;
    }
}

function saveCache(cache: RollupCache | undefined): void {
    if (!cache || process.env.PREVIEW_NO_CACHE) return;
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(cache));
}

export interface BundleResult {
    components: string[];
    warnings: string[];
    /** Bytes of each file written to preview/dist. */
    files: Record<string, number>;
    /** Bytes of the entry chunk plus every statically imported chunk (what a console load fetches). */
    entryBytes: number;
    totalBytes: number;
    /** Bytes each project component contributes to the bundle (rendered module code: .js + templates + styles). */
    componentBytes: Record<string, number>;
    ms: number;
}

export interface BundleOptions {
    outDir?: string;
    minify?: boolean;
    quiet?: boolean;
}

export async function bundle(
    options: BundleOptions = {}
): Promise<BundleResult> {
    const started = performance.now();
    const outDir = options.outDir ?? DIST_DIR;
    const components = projectComponents();
    const warnings: string[] = [];
    const aliases = [
        ...Object.entries(PLATFORM_MODULES)
            .filter(([, file]) => existsSync(join(PLATFORM_DIR, file)))
            .map(([name, file]) => ({ name, path: join(PLATFORM_DIR, file) })),
        ...components.map((name) => ({
            name: `c/${name}`,
            path: join(LWC_DIR, name, `${name}.js`)
        })),
        // The console shell's own components.
        ...readdirSync(join(ROOT, 'preview/app'))
            .filter((name) =>
                existsSync(join(ROOT, 'preview/app', name, `${name}.ts`))
            )
            .map((name) => ({
                name: `preview/${name}`,
                path: join(ROOT, 'preview/app', name, `${name}.ts`)
            }))
    ];
    const cache = loadCache();
    const build = await rollup({
        input: 'preview:entry',
        cache,
        onwarn(warning) {
            if (
                warning.code === 'CIRCULAR_DEPENDENCY' ||
                warning.code === 'THIS_IS_UNDEFINED'
            )
                return;
            // Template warnings inside lightning-base-components are theirs, not ours.
            if (
                (warning.id ?? '').includes('node_modules') ||
                warning.message.includes('node_modules/')
            )
                return;
            warnings.push(warning.message);
        },
        plugins: [
            entryModule(components),
            scopedModules(warnings),
            previewTypeScript(),
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify('production'),
                    'import.meta.env.SSR': 'false'
                }
            }),
            lwc({
                rootDir: ROOT,
                modules: [...aliases, { npm: 'lightning-base-components' }],
                enableDynamicComponents: true,
                apiVersion: 66,
                sourcemap: false
            }),
            nodeResolve({ browser: true })
        ]
    });
    saveCache(build.cache);
    rmSync(outDir, { recursive: true, force: true });
    const { output } = await build.write({
        dir: outDir,
        format: 'es',
        entryFileNames: 'console.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        sourcemap: false,
        compact: options.minify ?? false
    });
    await build.close();

    const files: Record<string, number> = {};
    const componentBytes: Record<string, number> = {};
    let entry: OutputChunk | undefined;
    for (const item of output) {
        const bytes =
            item.type === 'chunk'
                ? Buffer.byteLength(item.code)
                : Buffer.byteLength(item.source);
        files[item.fileName] = bytes;
        if (item.type !== 'chunk') continue;
        if (item.isEntry) entry = item;
        for (const [moduleId, info] of Object.entries(item.modules)) {
            const file = moduleId.split('?')[0];
            if (!file.startsWith(LWC_DIR)) continue;
            const name = relative(LWC_DIR, file).split('/')[0];
            componentBytes[name] =
                (componentBytes[name] ?? 0) + info.renderedLength;
        }
    }
    const staticChunks = new Set<string>();
    const visit = (name: string): void => {
        if (staticChunks.has(name)) return;
        staticChunks.add(name);
        const chunk = output.find((o) => o.fileName === name);
        if (chunk && chunk.type === 'chunk') chunk.imports.forEach(visit);
    };
    if (entry) visit(entry.fileName);
    const result: BundleResult = {
        components,
        warnings,
        files,
        entryBytes: [...staticChunks].reduce(
            (sum, name) => sum + (files[name] ?? 0),
            0
        ),
        totalBytes: Object.values(files).reduce((a, b) => a + b, 0),
        componentBytes,
        ms: Math.round(performance.now() - started)
    };
    if (!options.quiet) {
        console.log(
            `bundle: ${components.length} component(s) [${components.join(', ')}] -> ${relative(ROOT, outDir)}/ ` +
                `(${(result.entryBytes / 1024).toFixed(0)} KiB on load, ${(result.totalBytes / 1024).toFixed(0)} KiB total) in ${result.ms} ms`
        );
        for (const w of warnings) console.warn(`bundle warning: ${w}`);
    }
    return result;
}

/** The newest modification time under the inputs of the bundle (to skip rebuilding an up-to-date bundle). */
export function newestInput(): number {
    let newest = 0;
    const walk = (dir: string): void => {
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir)) {
            if (name === '__tests__' || name === 'node_modules') continue;
            const full = join(dir, name);
            const st = statSync(full);
            if (st.isDirectory()) walk(full);
            else newest = Math.max(newest, st.mtimeMs);
        }
    };
    walk(LWC_DIR);
    walk(PLATFORM_DIR);
    walk(join(ROOT, 'preview/app'));
    walk(join(ROOT, 'preview/build'));
    if (existsSync(LABELS_FILE))
        newest = Math.max(newest, statSync(LABELS_FILE).mtimeMs);
    return newest;
}

if (require.main === module) {
    bundle().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
