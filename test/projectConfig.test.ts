/**
 * The project's Salesforce DX config files against the JSON schemas that @salesforce/schemas ships:
 * config/project-scratch-def.json against project-scratch-def.schema.json, and sfdx-project.json
 * against sfdx-project.schema.json (draft-07; each schema only $refs its own #/definitions, so each
 * compiles on its own). Also the project's own requirements the schemas cannot express.
 *
 * Runs in Jest's default jsdom environment: the LWC preset's setup file needs DOM globals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const ROOT = join(__dirname, '..');
const SCHEMAS = join(ROOT, 'node_modules', '@salesforce', 'schemas');

type Json = Record<string, unknown>;

const readJson = (file: string): Json =>
    JSON.parse(readFileSync(file, 'utf8')) as Json;

function compile(schemaFile: string): {
    validate: ValidateFunction;
    schema: Json;
} {
    const schema = readJson(join(SCHEMAS, schemaFile));
    // strict: the schemas compile without unknown keywords or formats; allErrors: report every problem.
    const ajv = new Ajv({ allErrors: true, strict: true });
    return { validate: ajv.compile(schema), schema };
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
    (errors ?? []).map(
        (error) =>
            `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`
    );

describe('config/project-scratch-def.json', () => {
    const { validate, schema } = compile('project-scratch-def.schema.json');
    const scratchDef = readJson(
        join(ROOT, 'config', 'project-scratch-def.json')
    );

    it('is valid against the shipped scratch org definition schema', () => {
        const valid = validate(scratchDef);
        expect(describeErrors(validate.errors)).toEqual([]);
        expect(valid).toBe(true);
    });

    it('is checked by a schema that rejects bad values', () => {
        expect(validate({ ...scratchDef, edition: 'Developr' })).toBe(false);
        expect(validate({ ...scratchDef, features: ['NoSuchFeature'] })).toBe(
            false
        );
        const withoutEdition: Json = { ...scratchDef };
        delete withoutEdition.edition;
        expect(validate(withoutEdition)).toBe(false);
    });

    it('names only settings the schema knows (it accepts any key, so a typo would pass unseen)', () => {
        const definitions = schema.definitions as Record<
            string,
            { properties?: Record<string, unknown> }
        >;
        const known = Object.keys(definitions.settings.properties ?? {});
        expect(known.length).toBeGreaterThan(50);
        const settings = Object.keys(
            (scratchDef.settings as Json | undefined) ?? {}
        );
        expect(settings.filter((name) => !known.includes(name))).toEqual([]);
    });

    it('asks for a Developer edition Service Cloud org with Messaging, Omni-Channel and Lightning Experience', () => {
        expect(scratchDef.edition).toBe('Developer');
        expect(scratchDef.features).toEqual(
            expect.arrayContaining([
                'ServiceCloud',
                'LiveMessage',
                'LightningServiceConsole'
            ])
        );
        const settings = scratchDef.settings as Record<
            string,
            Record<string, unknown>
        >;
        expect(settings.liveMessageSettings?.enableLiveMessage).toBe(true);
        expect(settings.omniChannelSettings?.enableOmniChannel).toBe(true);
        expect(
            settings.lightningExperienceSettings?.enableS1DesktopEnabled
        ).toBe(true);
    });
});

describe('sfdx-project.json', () => {
    const { validate } = compile('sfdx-project.schema.json');
    const project = readJson(join(ROOT, 'sfdx-project.json'));

    it('is valid against the shipped sfdx-project schema', () => {
        const valid = validate(project);
        expect(describeErrors(validate.errors)).toEqual([]);
        expect(valid).toBe(true);
    });

    it('is checked by a schema that rejects bad values', () => {
        const withoutDirs: Json = { ...project };
        delete withoutDirs.packageDirectories;
        expect(validate(withoutDirs)).toBe(false);
        expect(validate({ ...project, unknownTopLevelKey: true })).toBe(false);
        expect(validate({ ...project, sourceApiVersion: 66 })).toBe(false);
    });

    it('uses API version 66.0 and force-app as its default package directory', () => {
        expect(project.sourceApiVersion).toBe('66.0');
        const dirs = project.packageDirectories as Array<{
            path: string;
            default?: boolean;
        }>;
        expect(dirs.filter((dir) => dir.default)).toEqual([
            expect.objectContaining({ path: 'force-app' })
        ]);
    });
});
