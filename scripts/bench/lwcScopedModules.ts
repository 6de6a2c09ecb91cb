/**
 * Lets the components' pure TypeScript run under `npx tsx` outside the platform (for the benchmarks in
 * this folder): `@salesforce/label/c.Name` loads as the label's text from CustomLabels.labels-meta.xml,
 * `@salesforce/schema/X` as the string 'X'. `c/<module>` already resolves through tsconfig.json's paths.
 * The project is CommonJS for tsx, so this intercepts Module._load before the modules are required.
 */
import Module from 'node:module';
import { readLabels } from '../../preview/build/labels';

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
        if (request.startsWith('@salesforce/schema/')) {
            return {
                __esModule: true,
                default: request.slice('@salesforce/schema/'.length)
            };
        }
        return originalLoad.call(this, request, parent, isMain);
    };
}
