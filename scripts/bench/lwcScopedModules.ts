/**
 * Lets the components' pure TypeScript run under `npx tsx` outside the platform (for the benchmarks in
 * this folder): `@salesforce/label/c.Name` loads as the label's text from CustomLabels.labels-meta.xml,
 * `@salesforce/schema/X` as the string 'X'. `c/<module>` already resolves through tsconfig.json's paths.
 * The project is CommonJS for tsx, so this intercepts Module._load before the modules are required.
 */
import Module from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LABELS = join(
    __dirname,
    '../../force-app/main/default/labels/CustomLabels.labels-meta.xml'
);

function decodeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function readLabels(): Map<string, string> {
    const labels = new Map<string, string>();
    if (!existsSync(LABELS)) return labels;
    for (const block of readFileSync(LABELS, 'utf8').match(
        /<labels>[\s\S]*?<\/labels>/g
    ) ?? []) {
        const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block);
        const value = /<value>([\s\S]*?)<\/value>/.exec(block);
        if (name && value) labels.set(name[1].trim(), decodeXml(value[1]));
    }
    return labels;
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

export function installScopedModules(): void {
    const labels = readLabels();
    const moduleWithLoad = Module as unknown as { _load: Loader };
    const originalLoad = moduleWithLoad._load;
    moduleWithLoad._load = function load(
        request: string,
        parent: unknown,
        isMain: boolean
    ): unknown {
        if (request.startsWith('@salesforce/label/c.')) {
            const name = request.slice('@salesforce/label/c.'.length);
            return {
                __esModule: true,
                default: labels.get(name) ?? `c.${name}`
            };
        }
        if (request.startsWith('@salesforce/schema/')) {
            return {
                __esModule: true,
                default: request.slice('@salesforce/schema/'.length)
            };
        }
        return originalLoad.call(this, request, parent, isMain);
    };
}
