/**
 * A stand-in `sf` for the script tests (SF_COMMAND): it logs every call's arguments and answers the
 * few commands the scripts read from, against a small org state kept in a JSON file:
 * - `data query --use-tooling-api ... FlowDefinition ...` returns the flow definitions, as sf's --json;
 * - `api request rest .../FlowDefinition/<id> --method PATCH --body {"Metadata":{...}}` sets the
 *   active version (or fails for the flows listed in FAKE_SF_REFUSE);
 * - `apex run --file <file> --json` keeps the file's text and answers with the next of the given
 *   debug logs (as sf's --json result.logs), or with a failed run when none is left;
 * - any call whose arguments start with FAKE_SF_FAIL_ON exits 1.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeFlow {
    id: string;
    latest: number;
    active: number | null;
}

export interface FakeSf {
    /** Path of the executable to pass as SF_COMMAND. */
    command: string;
    /** The environment the scripts need to use it. */
    env(options?: { failOn?: string; refuse?: string[] }): NodeJS.ProcessEnv;
    calls(): string[];
    flows(): Record<string, FakeFlow>;
    /** The text of each anonymous Apex file run, in order. */
    apexRuns(): string[];
}

interface FakeState {
    flows: Record<string, FakeFlow>;
    apexLogs: string[];
    apexRuns: string[];
}

const SCRIPT = String.raw`
const fs = require('node:fs');
const [log, stateFile] = [process.env.FAKE_SF_LOG, process.env.FAKE_SF_STATE];
const args = process.argv.slice(2);
fs.appendFileSync(log, args.join(' ') + '\n');
const failOn = process.env.FAKE_SF_FAIL_ON || '';
if (failOn && args.join(' ').startsWith(failOn)) {
    process.stderr.write('fake sf: refused\n');
    process.exit(1);
}
const org = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const state = org.flows;
const value = (flag) => args[args.indexOf(flag) + 1];
if (args[0] === 'apex' && args[1] === 'run') {
    org.apexRuns.push(fs.readFileSync(value('--file'), 'utf8'));
    const logs = org.apexLogs.shift();
    fs.writeFileSync(stateFile, JSON.stringify(org));
    if (logs === undefined) {
        process.stdout.write(JSON.stringify({ status: 1, name: 'ApexRunError', message: 'System.LimitException: Too many DML rows: 10001', result: { success: false, compiled: true, exceptionMessage: 'System.LimitException: Too many DML rows: 10001', logs: '' } }));
        process.exit(1);
    }
    process.stdout.write(JSON.stringify({ status: 0, result: { success: true, compiled: true, logs } }));
    process.exit(0);
}
if (args[0] === 'data' && args[1] === 'query') {
    const query = value('--query');
    const names = [...query.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const records = names
        .filter((name) => state[name])
        .map((name) => ({
            Id: state[name].id,
            DeveloperName: name,
            ActiveVersion: state[name].active === null ? null : { VersionNumber: state[name].active },
            LatestVersion: { VersionNumber: state[name].latest }
        }));
    process.stdout.write(JSON.stringify({ status: 0, result: { records, totalSize: records.length, done: true } }));
    process.exit(0);
}
if (args[0] === 'api' && args[1] === 'request' && args[2] === 'rest') {
    const id = args[3].split('/').pop();
    const name = Object.keys(state).find((n) => state[n].id === id);
    const refuse = (process.env.FAKE_SF_REFUSE || '').split(',').filter(Boolean);
    if (!name || refuse.includes(name)) {
        process.stdout.write(JSON.stringify([{ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'refused by the fake org' }]));
        process.exit(1);
    }
    state[name].active = JSON.parse(value('--body')).Metadata.activeVersionNumber;
    fs.writeFileSync(stateFile, JSON.stringify(org));
    process.exit(0);
}
process.exit(0);
`;

/** Writes the fake into `dir`, with the org's flows in the given state and the debug logs its anonymous Apex runs print. */
export function createFakeSf(
    dir: string,
    flows: Record<string, FakeFlow>,
    apexLogs: string[] = []
): FakeSf {
    const command = join(dir, 'sf');
    const log = join(dir, 'calls.log');
    const state = join(dir, 'org.json');
    writeFileSync(command, `#!${process.execPath}\n${SCRIPT}`);
    chmodSync(command, 0o755);
    writeFileSync(log, '');
    const initial: FakeState = { flows, apexLogs, apexRuns: [] };
    writeFileSync(state, JSON.stringify(initial));
    const read = (): FakeState =>
        JSON.parse(readFileSync(state, 'utf8')) as FakeState;
    return {
        command,
        env: ({ failOn = '', refuse = [] } = {}) => ({
            ...process.env,
            SF_COMMAND: command,
            FAKE_SF_LOG: log,
            FAKE_SF_STATE: state,
            FAKE_SF_FAIL_ON: failOn,
            FAKE_SF_REFUSE: refuse.join(',')
        }),
        calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
        flows: () => read().flows,
        apexRuns: () => read().apexRuns
    };
}

/** The project's three flows, deployed as Draft: latest version 1, none active. */
export function draftFlows(): Record<string, FakeFlow> {
    return {
        MSC_Send_Messaging_Notification: {
            id: '300000000000001AAA',
            latest: 1,
            active: null
        },
        MSC_Start_Messaging_Conversation: {
            id: '300000000000002AAA',
            latest: 1,
            active: null
        },
        MSC_MessagingSession_Stamp_Durations: {
            id: '300000000000003AAA',
            latest: 1,
            active: null
        }
    };
}
