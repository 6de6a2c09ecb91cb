/**
 * Jest fixtures generated from the preview's own description of the org, so the components'
 * tests and the preview answer `getObjectInfo` with the same MessagingSession describe.
 *
 * CLI (npm run fixtures): npx tsx preview/server/fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { objectDef } from './metadata';
import { objectInfo } from './records';

/** The MessagingSession object info every component test loads. */
export const OBJECT_INFO_FIXTURE = resolve(
    __dirname,
    '../../force-app/test/jest-data/getObjectInfo.json'
);

/** What `GET /ui-api/object-info/MessagingSession` answers. */
export function objectInfoFixture(): unknown {
    const def = objectDef('MessagingSession');
    if (!def) throw new Error('The preview does not describe MessagingSession');
    return objectInfo(def);
}

async function writeFixture(): Promise<void> {
    const { format, resolveConfig } = await import('prettier');
    const options = await resolveConfig(OBJECT_INFO_FIXTURE);
    const text = await format(JSON.stringify(objectInfoFixture()), {
        ...options,
        filepath: OBJECT_INFO_FIXTURE
    });
    writeFileSync(OBJECT_INFO_FIXTURE, text);
    console.log(`Wrote ${OBJECT_INFO_FIXTURE}`);
}

if (require.main === module) {
    writeFixture().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
