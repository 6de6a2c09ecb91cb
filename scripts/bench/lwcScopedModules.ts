/**
 * Lets the components' pure TypeScript run under `npx tsx` outside the platform (for the benchmarks):
 * `@salesforce/label/c.Name` loads as the label's text from CustomLabels.labels-meta.xml,
 * `@salesforce/schema/X` as the string 'X', `@salesforce/i18n/x` as the value lightning-base-components
 * ships (what the preview's page uses). `c/<module>` already resolves through tsconfig.json's paths.
 * The project is CommonJS for tsx, so this intercepts Module._load before the modules are required.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { readLabels } from '../lib/customLabels';

const LBC_DIR = join(__dirname, '../../node_modules/lightning-base-components');

/** `@salesforce/i18n/...` values as lightning-base-components ships them (`export default <json>;`). */
function lbcScopedValue(request: string): unknown {
    const modules = (
        JSON.parse(readFileSync(join(LBC_DIR, 'package.json'), 'utf8')) as {
            lwc: { modules: Array<{ name?: string; path?: string }> };
        }
    ).lwc.modules;
    const path = modules.find((m) => m.name === request)?.path;
    if (!path) return undefined;
    const source = readFileSync(join(LBC_DIR, path), 'utf8');
    const value = /export default ([\s\S]*?);?\s*$/.exec(source)?.[1];
    return value === undefined ? undefined : JSON.parse(value);
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
                default: labels[name] ?? `c.${name}`
            };
        }
        if (request.startsWith('@salesforce/i18n/')) {
            return { __esModule: true, default: lbcScopedValue(request) };
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
