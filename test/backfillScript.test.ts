/**
 * scripts/backfill.mjs (`npm run backfill`), run against a stand-in `sf` whose anonymous Apex runs
 * print given debug logs: a dry run sets DRY_RUN and only counts, the script pages from one run to
 * the next with the Id the previous run printed, writing needs --yes after the warning about the
 * org's automation, and a failed run stops the paging.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeSf, type FakeSf } from './support/fakeSf';

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'backfill.mjs');
const APEX = join(ROOT, 'scripts', 'apex', 'backfillDurations.apex');

let dir: string | undefined;
let fake: FakeSf;

afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
});

/** A debug log line as `sf apex run --json` returns it. */
const debug = (text: string): string =>
    `12:00:00.1 (1234)|USER_DEBUG|[140]|INFO|${text}\n`;

function run(
    args: string[],
    apexLogs: string[]
): { status: number | null; output: string } {
    const work = mkdtempSync(join(tmpdir(), 'backfill-'));
    dir = work;
    fake = createFakeSf(work, {}, apexLogs);
    const result = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: fake.env(),
        timeout: 60_000
    });
    return {
        status: result.status,
        output: `${result.stdout}${result.stderr}`
    };
}

const setting = (apex: string, name: string): string =>
    new RegExp(`final \\w+ ${name} = ([^;]+);`).exec(apex)?.[1] ?? '';

describe('npm run backfill', () => {
    it('ships the Apex with DRY_RUN on, and the loud warning about the org automation', () => {
        const apex = readFileSync(APEX, 'utf8');
        expect(setting(apex, 'DRY_RUN')).toBe('true');
        expect(apex).toContain('WARNING: WRITING FIRES THE ORG');
        expect(apex).toContain('off-hours');
    });

    it('--dry-run pages through every session with DRY_RUN on and adds up what would change', () => {
        const { status, output } = run(
            ['--target-org', 'prod', '--dry-run', '--max-rows', '2'],
            [
                debug(
                    'BACKFILL DRY RUN examined=2 wouldUpdate=2 skippedOutOfOrder=0'
                ) +
                    debug(
                        "BACKFILL MORE: set AFTER_ID = '0Mw000000000002AAA' and run again"
                    ),
                debug(
                    'BACKFILL DRY RUN examined=1 wouldUpdate=0 skippedOutOfOrder=1'
                ) + debug('BACKFILL DONE')
            ]
        );
        expect(status).toBe(0);
        const runs = fake.apexRuns();
        expect(runs.map((apex) => setting(apex, 'DRY_RUN'))).toEqual([
            'true',
            'true'
        ]);
        expect(runs.map((apex) => setting(apex, 'MAX_ROWS'))).toEqual([
            '2',
            '2'
        ]);
        expect(runs.map((apex) => setting(apex, 'AFTER_ID'))).toEqual([
            "''",
            "'0Mw000000000002AAA'"
        ]);
        expect(output).toContain(
            'backfill (dry run, nothing written): done. Examined 3, would update 2, failed 0, left empty (times out of order) 1.'
        );
        expect(output).not.toContain('!!!');
    });

    it('refuses to write without --yes, after the warning, and runs nothing', () => {
        const { status, output } = run(['--target-org', 'prod'], []);
        expect(status).toBe(2);
        expect(output).toContain("fires the org's MessagingSession");
        expect(output).toContain('off-hours');
        expect(output).toContain('nothing was written');
        expect(fake.calls()).toEqual([]);
    });

    it('with --yes, writes (DRY_RUN off), shows the warning and reports failed rows', () => {
        const { status, output } = run(
            ['--target-org', 'prod', '--yes'],
            [
                debug(
                    'BACKFILL FAILED 0Mw000000000009AAA: insufficient access rights'
                ) +
                    debug(
                        'BACKFILL examined=5 updated=4 failed=1 skippedOutOfOrder=0'
                    ) +
                    debug('BACKFILL DONE')
            ]
        );
        expect(status).toBe(1);
        expect(setting(fake.apexRuns()[0] ?? '', 'DRY_RUN')).toBe('false');
        expect(output).toContain('!!!');
        expect(output).toContain(
            'not updated: 0Mw000000000009AAA: insufficient access rights'
        );
        expect(output).toContain('Examined 5, updated 4, failed 1');
    });

    it('stops paging at a failed run and says so', () => {
        const { status, output } = run(
            ['--target-org', 'prod', '--dry-run'],
            [
                debug(
                    'BACKFILL DRY RUN examined=2000 wouldUpdate=2000 skippedOutOfOrder=0'
                ) +
                    debug(
                        "BACKFILL MORE: set AFTER_ID = '0Mw000000000002AAA' and run again"
                    )
            ]
        );
        expect(status).toBe(1);
        expect(fake.apexRuns()).toHaveLength(2);
        expect(output).toContain(
            'FAILED: the Apex run failed: System.LimitException'
        );
        expect(output).toContain('Examined 2000, would update 2000');
    });

    it.each([
        [['--dry-run'], '--target-org is required'],
        [
            ['--target-org', 'x', '--dry-run', '--max-rows', '0'],
            '--max-rows takes a whole number from 1 to 10000'
        ],
        [['--target-org', 'x', '--force'], "unknown option '--force'"]
    ])('rejects %j with a clear message', (args, message) => {
        const { status, output } = run(args, []);
        expect(status).toBe(2);
        expect(output).toContain(message);
        expect(fake.calls()).toEqual([]);
    });
});
