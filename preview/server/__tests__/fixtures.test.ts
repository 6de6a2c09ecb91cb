// The components' getObjectInfo fixture is the preview's describe: `npm run fixtures` writes it.
import { readFileSync } from 'node:fs';
import { OBJECT_INFO_FIXTURE, objectInfoFixture } from '../fixtures';

describe('the getObjectInfo Jest fixture', () => {
    it('is what the preview answers for MessagingSession (run `npm run fixtures` after changing metadata.ts)', () => {
        const committed: unknown = JSON.parse(
            readFileSync(OBJECT_INFO_FIXTURE, 'utf8')
        );
        expect(committed).toEqual(objectInfoFixture());
    });
});
