#!/usr/bin/env node
// Deploys force-app to an org and, with --activate, activates the project's flows in the order they
// depend on each other.
//
//   npm run deploy -- --target-org <alias> [--activate] [--activate-only] [--dry-run]
//
//   --activate       after the deploy, activate the flows' latest versions
//   --activate-only  skip the deploy; only activate (e.g. after a deploy that someone else ran)
//   --dry-run        print the sf commands without running them
//
// The flows ship as Draft: a Draft flow deploys to production with the default Process Automation
// Settings, and "Deploy processes and flows as active" (with its Apex flow-coverage requirement,
// which the record-triggered stamping flow can't meet: Apex can't create MessagingSession records)
// is never needed. Activation then sets each FlowDefinition's active version through the Tooling
// API (FlowDefinition.Metadata.activeVersionNumber), in this order:
//   1. MSC_Send_Messaging_Notification   (the subflow; nothing can send before it is active)
//   2. MSC_Start_Messaging_Conversation  (the screen flow that calls it; skipped if 1 failed)
//   3. MSC_MessagingSession_Stamp_Durations (independent; activated even if 1 or 2 failed)
// Each activation is read back; a flow that did not become active is reported with the Setup steps.
// Exit status: 0 done, 1 a step failed, 2 bad options.
//
// sf is the project's own CLI (scripts/sf.mjs, Node >= 22); SF_COMMAND overrides it with one
// executable path (the tests use a stand-in).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSf } from './sf.mjs';

export const API_VERSION = '66.0';

/** The flows, in activation order; `after` names the flow that must be active first. */
export const FLOW_ACTIVATION = [
    { name: 'MSC_Send_Messaging_Notification', after: null },
    {
        name: 'MSC_Start_Messaging_Conversation',
        after: 'MSC_Send_Messaging_Notification'
    },
    { name: 'MSC_MessagingSession_Stamp_Durations', after: null }
];

const USAGE = `Usage: npm run deploy -- --target-org <alias> [--activate] [--activate-only] [--dry-run]`;

const SETUP_HINT =
    'Activate it in Setup > Process Automation > Flows: open the flow, then Activate (MSC_Send_Messaging_Notification before MSC_Start_Messaging_Conversation).';

export function parseArgs(argv) {
    const options = {
        targetOrg: '',
        activate: false,
        deploy: true,
        dryRun: false,
        help: false
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--target-org' || arg === '-o') {
            const value = argv[++i];
            if (!value || value.startsWith('-'))
                throw new Error('--target-org needs an org alias or username');
            options.targetOrg = value;
        } else if (arg === '--activate') options.activate = true;
        else if (arg === '--activate-only') {
            options.activate = true;
            options.deploy = false;
        } else if (arg === '--dry-run') options.dryRun = true;
        else if (arg === '-h' || arg === '--help') options.help = true;
        else throw new Error(`unknown option '${arg}'`);
    }
    if (!options.help && !options.targetOrg)
        throw new Error('--target-org is required');
    return options;
}

/** Runs sf (or $SF_COMMAND) and returns { status, stdout, stderr }. */
function sf(args, { capture = false } = {}) {
    const stdio = capture ? 'pipe' : 'inherit';
    const result = process.env.SF_COMMAND
        ? spawnSync(process.env.SF_COMMAND, args, {
              encoding: 'utf8',
              stdio: ['ignore', stdio, capture ? 'pipe' : 'inherit']
          })
        : runSf(args, {
              stdio: ['ignore', stdio, capture ? 'pipe' : 'inherit']
          });
    if (result.error) throw result.error;
    return {
        status: result.status ?? 1,
        stdout: result.stdout ?? '',
        stderr: result.stderr ?? ''
    };
}

function show(args) {
    console.log(
        `    $ sf ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}`
    );
}

const definitionQuery = (names) =>
    `SELECT Id, DeveloperName, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition WHERE DeveloperName IN (${names.map((n) => `'${n}'`).join(', ')})`;

/** The flows' definitions in the org, by DeveloperName. Throws with sf's message when the query fails. */
function queryDefinitions(targetOrg, names) {
    const args = [
        'data',
        'query',
        '--use-tooling-api',
        '--json',
        '--target-org',
        targetOrg,
        '--query',
        definitionQuery(names)
    ];
    const result = sf(args, { capture: true });
    let json;
    try {
        json = JSON.parse(result.stdout);
    } catch {
        throw new Error(
            `could not read the flow definitions (sf exit ${result.status}): ${(result.stderr || result.stdout).trim() || 'no output'}`
        );
    }
    if (result.status !== 0 || json.status !== 0) {
        throw new Error(
            `could not read the flow definitions: ${json.message ?? json.name ?? `sf exit ${result.status}`}`
        );
    }
    const byName = new Map();
    for (const record of json.result?.records ?? [])
        byName.set(record.DeveloperName, record);
    return byName;
}

const versionOf = (relation) =>
    typeof relation?.VersionNumber === 'number' ? relation.VersionNumber : null;

/** Sets the definition's active version to its latest version; returns true when sf accepted it. */
function activate(targetOrg, definition, version) {
    const args = [
        'api',
        'request',
        'rest',
        `/services/data/v${API_VERSION}/tooling/sobjects/FlowDefinition/${definition.Id}`,
        '--method',
        'PATCH',
        '--body',
        JSON.stringify({ Metadata: { activeVersionNumber: version } }),
        '--target-org',
        targetOrg
    ];
    return sf(args, { capture: true });
}

/** Activates the flows in order. Returns the names that could not be activated. */
export function activateFlows(targetOrg, { dryRun = false } = {}) {
    const names = FLOW_ACTIVATION.map((flow) => flow.name);
    console.log('');
    console.log(
        `==> Activating the flows in '${targetOrg}' (in this order: ${names.join(', ')})`
    );
    if (dryRun) {
        show([
            'data',
            'query',
            '--use-tooling-api',
            '--json',
            '--target-org',
            targetOrg,
            '--query',
            definitionQuery(names)
        ]);
        for (const name of names) {
            show([
                'api',
                'request',
                'rest',
                `/services/data/v${API_VERSION}/tooling/sobjects/FlowDefinition/<${name} definition id>`,
                '--method',
                'PATCH',
                '--body',
                '{"Metadata":{"activeVersionNumber":<latest version>}}',
                '--target-org',
                targetOrg
            ]);
        }
        return [];
    }
    const definitions = queryDefinitions(targetOrg, names);
    const failed = [];
    for (const flow of FLOW_ACTIVATION) {
        if (flow.after && failed.includes(flow.after)) {
            console.error(
                `    ${flow.name}: NOT activated, because ${flow.after} is not active (it calls it).`
            );
            failed.push(flow.name);
            continue;
        }
        const definition = definitions.get(flow.name);
        if (!definition) {
            console.error(
                `    ${flow.name}: NOT found in the org. Deploy force-app first.`
            );
            failed.push(flow.name);
            continue;
        }
        const latest = versionOf(definition.LatestVersion);
        const active = versionOf(definition.ActiveVersion);
        if (latest === null) {
            console.error(
                `    ${flow.name}: the org reports no version. ${SETUP_HINT}`
            );
            failed.push(flow.name);
            continue;
        }
        if (active === latest) {
            console.log(
                `    ${flow.name}: already active (version ${latest}).`
            );
            continue;
        }
        const result = activate(targetOrg, definition, latest);
        const check = queryDefinitions(targetOrg, [flow.name]).get(flow.name);
        if (versionOf(check?.ActiveVersion) === latest) {
            console.log(
                `    ${flow.name}: version ${latest} is active${active ? ` (was version ${active})` : ''}.`
            );
        } else {
            const said = (result.stdout || result.stderr).trim();
            console.error(
                `    ${flow.name}: NOT activated${said ? `; Salesforce said: ${said}` : ''}. ${SETUP_HINT}`
            );
            failed.push(flow.name);
        }
    }
    return failed;
}

function main(argv) {
    let options;
    try {
        options = parseArgs(argv);
    } catch (error) {
        console.error(`deploy: ${error.message}`);
        console.error(USAGE);
        return 2;
    }
    if (options.help) {
        console.log(USAGE);
        return 0;
    }
    if (options.deploy) {
        const args = [
            'project',
            'deploy',
            'start',
            '--source-dir',
            'force-app',
            '--target-org',
            options.targetOrg,
            '--wait',
            '30'
        ];
        console.log(
            `==> Deploying force-app to '${options.targetOrg}' (flows arrive as Draft, inactive)`
        );
        show(args);
        if (!options.dryRun && sf(args).status !== 0) {
            console.error(
                'deploy: FAILED at the deploy; nothing was activated. Read the component errors above.'
            );
            return 1;
        }
    }
    if (!options.activate) {
        console.log('');
        console.log(
            'The flows are not active yet. Activate them with: npm run deploy -- --activate-only --target-org ' +
                options.targetOrg
        );
        return 0;
    }
    let failed;
    try {
        failed = activateFlows(options.targetOrg, { dryRun: options.dryRun });
    } catch (error) {
        console.error(
            `deploy: FAILED while activating the flows: ${error.message}. ${SETUP_HINT}`
        );
        return 1;
    }
    if (failed.length) {
        console.error(
            `deploy: ${failed.length} flow(s) not active: ${failed.join(', ')}.`
        );
        return 1;
    }
    console.log('');
    console.log('deploy: done.');
    return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exit(main(process.argv.slice(2)));
}
