#!/usr/bin/env node
// Runs scripts/apex/backfillDurations.apex until every older Messaging session has its duration
// fields, paging by Id (AFTER_ID) from one run to the next, and adds up what each run reports.
//
//   npm run backfill -- --target-org <alias> --dry-run          count only: no record is written
//   npm run backfill -- --target-org <alias> --yes              write (read the warning first)
//   options: --max-rows N (sessions per run, 1..10000, default 2000), --max-runs N (default 100)
//
// WARNING: writing updates old MessagingSession records, and every update fires the org's
// MessagingSession automation again (after-save flows, Apex triggers, processes), for example a
// flow that sends a survey when a session ends. Without --dry-run the script refuses to write until
// it is given --yes. Count first, check that automation, run it off-hours (see docs/admin.md).
//
// Exit status: 0 done, 1 a run failed (later pages were not run), 2 bad options or not confirmed.
// sf is the project's own CLI (scripts/sf.mjs); SF_COMMAND overrides it with one executable path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSf } from './sf.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const APEX_FILE = join(root, 'scripts/apex/backfillDurations.apex');

const USAGE =
    'Usage: npm run backfill -- --target-org <alias> (--dry-run | --yes) [--max-rows N] [--max-runs N]';

export const WARNING = `
!!! The backfill UPDATES old Messaging sessions, and every update fires the org's MessagingSession
!!! automation again: after-save record-triggered flows, Apex triggers and processes. A flow that sends
!!! a survey or a message when a session ends can send it AGAIN to those customers. Each update also
!!! publishes a change event, so agents' consoles refetch while it runs.
!!! Before writing: count with --dry-run; check Setup > Flows (Messaging Session) and Setup > Apex
!!! Triggers and deactivate what must not run again; run it off-hours, when no agent is working.
`;

function positiveInteger(flag, value, max) {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max)
        throw new Error(`${flag} takes a whole number from 1 to ${max}`);
    return number;
}

export function parseArgs(argv) {
    const options = {
        targetOrg: '',
        dryRun: false,
        confirmed: false,
        maxRows: 2000,
        maxRuns: 100,
        help: false
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const next = () => {
            const value = argv[++i];
            if (value === undefined || value.startsWith('--'))
                throw new Error(`${arg} needs a value`);
            return value;
        };
        if (arg === '--target-org' || arg === '-o') options.targetOrg = next();
        else if (arg === '--dry-run') options.dryRun = true;
        else if (arg === '--yes') options.confirmed = true;
        else if (arg === '--max-rows')
            options.maxRows = positiveInteger(arg, next(), 10000);
        else if (arg === '--max-runs')
            options.maxRuns = positiveInteger(arg, next(), 10000);
        else if (arg === '-h' || arg === '--help') options.help = true;
        else throw new Error(`unknown option '${arg}'`);
    }
    if (!options.help && !options.targetOrg)
        throw new Error('--target-org is required');
    return options;
}

/** The Apex file with its settings set; throws when a setting line is not where it is expected. */
export function withSettings(apex, { dryRun, maxRows, afterId }) {
    const settings = [
        [
            /final Boolean DRY_RUN = (true|false);/,
            `final Boolean DRY_RUN = ${dryRun};`
        ],
        [
            /final Integer MAX_ROWS = \d+;/,
            `final Integer MAX_ROWS = ${maxRows};`
        ],
        [
            /final String AFTER_ID = '[^']*';/,
            `final String AFTER_ID = '${afterId}';`
        ]
    ];
    let text = apex;
    for (const [pattern, line] of settings) {
        if (!pattern.test(text))
            throw new Error(
                `${APEX_FILE} has no setting line matching ${pattern}`
            );
        text = text.replace(pattern, line);
    }
    return text;
}

/** What one run's debug log says. */
export function readRunLog(logs) {
    const counts = {};
    const line =
        /BACKFILL (?:DRY RUN )?examined=(\d+) (?:wouldUpdate|updated)=(\d+)(?: failed=(\d+))? skippedOutOfOrder=(\d+)/.exec(
            logs
        );
    if (line) {
        counts.examined = Number(line[1]);
        counts.changed = Number(line[2]);
        counts.failed = Number(line[3] ?? 0);
        counts.skipped = Number(line[4]);
    }
    const more = /BACKFILL MORE: set AFTER_ID = '([A-Za-z0-9]{15,18})'/.exec(
        logs
    );
    return {
        counts: line ? counts : null,
        done: /BACKFILL DONE/.test(logs),
        nextAfterId: more ? more[1] : null,
        failures: [...logs.matchAll(/BACKFILL FAILED ([^\n|]+)/g)].map((m) =>
            m[1].trim()
        )
    };
}

function runApex(file, targetOrg) {
    const args = [
        'apex',
        'run',
        '--file',
        file,
        '--target-org',
        targetOrg,
        '--json'
    ];
    const result = process.env.SF_COMMAND
        ? spawnSync(process.env.SF_COMMAND, args, { encoding: 'utf8' })
        : runSf(args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error) throw result.error;
    let json;
    try {
        json = JSON.parse(result.stdout ?? '');
    } catch {
        throw new Error(
            `sf apex run gave no result (exit ${result.status}): ${(result.stderr || result.stdout || '').trim()}`
        );
    }
    const run = json.result ?? {};
    if (result.status !== 0 || run.success === false) {
        const reason =
            run.compileProblem ||
            run.exceptionMessage ||
            json.message ||
            `exit ${result.status}`;
        throw new Error(`the Apex run failed: ${reason}`);
    }
    return String(run.logs ?? '');
}

function main(argv) {
    let options;
    try {
        options = parseArgs(argv);
    } catch (error) {
        console.error(`backfill: ${error.message}`);
        console.error(USAGE);
        return 2;
    }
    if (options.help) {
        console.log(USAGE);
        console.log(WARNING);
        return 0;
    }
    if (!options.dryRun) {
        console.error(WARNING);
        if (!options.confirmed) {
            console.error(
                'backfill: nothing was written. Count first with --dry-run; to write, run again with --yes.'
            );
            return 2;
        }
    }
    const apex = readFileSync(APEX_FILE, 'utf8');
    const work = mkdtempSync(join(tmpdir(), 'msc-backfill-'));
    const totals = { examined: 0, changed: 0, failed: 0, skipped: 0 };
    let afterId = '';
    try {
        for (let run = 1; run <= options.maxRuns; run++) {
            const file = join(work, 'backfill.apex');
            writeFileSync(
                file,
                withSettings(apex, {
                    dryRun: options.dryRun,
                    maxRows: options.maxRows,
                    afterId
                })
            );
            console.log(
                `==> Run ${run}${afterId ? ` (after ${afterId})` : ''}${options.dryRun ? ', dry run' : ''}`
            );
            const result = readRunLog(runApex(file, options.targetOrg));
            if (!result.counts)
                throw new Error(
                    'the run printed no BACKFILL counts (was the debug log level too low?)'
                );
            for (const key of Object.keys(totals))
                totals[key] += result.counts[key];
            for (const failure of result.failures)
                console.error(`    not updated: ${failure}`);
            if (result.done) {
                report(options, totals, 'done');
                return totals.failed ? 1 : 0;
            }
            if (!result.nextAfterId)
                throw new Error(
                    'the run printed neither BACKFILL DONE nor BACKFILL MORE'
                );
            afterId = result.nextAfterId;
        }
        report(
            options,
            totals,
            `stopped after ${options.maxRuns} run(s); continue with AFTER_ID = '${afterId}'`
        );
        return 0;
    } catch (error) {
        report(
            options,
            totals,
            `FAILED: ${error.message}; later pages were not run`
        );
        return 1;
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

function report(options, totals, state) {
    const verb = options.dryRun ? 'would update' : 'updated';
    console.log('');
    console.log(
        `backfill${options.dryRun ? ' (dry run, nothing written)' : ''}: ${state}. Examined ${totals.examined}, ${verb} ${totals.changed}, failed ${totals.failed}, left empty (times out of order) ${totals.skipped}.`
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exit(main(process.argv.slice(2)));
}
