/**
 * @jest-environment node
 */
// The optional org setup (org-setup/): the Change Data Capture selection for MessagingSession.
// It deploys only on request (`sf project deploy start --source-dir org-setup`), never with the app.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const MEMBER = join(
    ROOT,
    'org-setup/main/default/platformEventChannelMembers/MSC_MessagingSessionChangeEvent.platformEventChannelMember-meta.xml'
);

describe('org-setup', () => {
    it('selects MessagingSession for Change Data Capture on the standard channel', () => {
        const xml = readFileSync(MEMBER, 'utf8');
        expect(xml).toContain('<eventChannel>ChangeEvents</eventChannel>');
        expect(xml).toContain(
            '<selectedEntity>MessagingSessionChangeEvent</selectedEntity>'
        );
    });

    it('is not a package directory, so a deploy without flags never selects CDC entities', () => {
        // With no flags, sf project deploy start deploys the tracked changes of every package
        // directory, and --metadata / --manifest resolve against all of them.
        const project = JSON.parse(
            readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')
        ) as { packageDirectories: Array<{ path: string }> };
        const paths = project.packageDirectories.map((dir) =>
            dir.path.replace(/^\.\//, '').replace(/\/$/, '')
        );
        expect(paths).not.toContain('org-setup');
        expect(paths.some((path) => path.startsWith('org-setup'))).toBe(false);
    });

    it('ships the manifests that remove exactly this selection again', () => {
        const destructive = readFileSync(
            join(ROOT, 'org-setup/destructiveChanges/destructiveChanges.xml'),
            'utf8'
        );
        expect(destructive).toMatch(
            /<members>MSC_MessagingSessionChangeEvent<\/members>\s*<name>PlatformEventChannelMember<\/name>/
        );
        expect(
            existsSync(join(ROOT, 'org-setup/destructiveChanges/package.xml'))
        ).toBe(true);
    });
});
