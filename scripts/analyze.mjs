#!/usr/bin/env node
// `npm run analyze`: Salesforce Code Analyzer v5, Recommended rules, over force-app.
//
// Runs the Code Analyzer core API with the eslint, pmd + cpd, regex, retire-js and flow engines,
// configured by code-analyzer.yml at the repo root. Writes reports/code-analyzer.json and
// reports/code-analyzer.sarif, prints a summary by severity, engine and rule, and exits 1 when any
// violation has severity 1 (Critical) or 2 (High) — or the threshold given with --severity-threshold.
//
// Why not `sf code-analyzer run`: the CLI installs @salesforce/plugin-code-analyzer just in time at a
// version the npm registry here does not have, and the one published version (5.16.0) pins engine
// packages that do not exist there either. The core and engine packages below do, and run offline.
//
// Usage: node scripts/analyze.mjs [--severity-threshold N] [--quiet] [path ...]   (default path: force-app)
import {
    appendFileSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache/code-analyzer');
const reportsDir = join(root, 'reports');

// Temporary files of the engines (PMD's file lists, the flow scanner's inputs) go under .cache/, not /tmp:
// a folder per run, removed when the run ends.
mkdirSync(join(cacheDir, 'tmp'), { recursive: true });
const runTmp = mkdtempSync(join(cacheDir, 'tmp', 'run-'));
process.env.TMPDIR = runTmp;
process.on('exit', () => rmSync(runTmp, { recursive: true, force: true }));

const SEVERITY_NAMES = {
    1: 'Critical',
    2: 'High',
    3: 'Moderate',
    4: 'Low',
    5: 'Info'
};

function parseArgs(argv) {
    const options = { threshold: 2, quiet: false, targets: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--severity-threshold' || arg === '-s') {
            options.threshold = Number(argv[++i]);
        } else if (arg.startsWith('--severity-threshold=')) {
            options.threshold = Number(arg.split('=')[1]);
        } else if (arg === '--quiet' || arg === '-q') {
            options.quiet = true;
        } else if (arg === '--help' || arg === '-h') {
            console.log(
                'Usage: node scripts/analyze.mjs [--severity-threshold N] [--quiet] [path ...]'
            );
            process.exit(0);
        } else {
            options.targets.push(resolve(root, arg));
        }
    }
    if (
        !Number.isInteger(options.threshold) ||
        options.threshold < 1 ||
        options.threshold > 5
    ) {
        throw new Error('--severity-threshold must be 1..5');
    }
    if (options.targets.length === 0)
        options.targets.push(join(root, 'force-app'));
    return options;
}

const require_ = createRequire(import.meta.url);

// The flow engine 0.22.0 is built against engine-api 0.35.0 (pinned by the `overrides` entry in
// package.json); that version's utils lack createTempDir, which the engine calls. Provide it.
function provideCreateTempDirToFlowEngine() {
    const requireFromFlow = createRequire(
        require_.resolve('@salesforce/code-analyzer-flow-engine')
    );
    const utils = requireFromFlow('@salesforce/code-analyzer-engine-api/utils');
    if (typeof utils.createTempDir !== 'function') {
        utils.createTempDir = async (parentDir) => {
            const parent = parentDir ?? tmpdir();
            await fsp.mkdir(parent, { recursive: true });
            return fsp.mkdtemp(join(parent, 'sfca-'));
        };
    }
}

function table(headers, rows) {
    const widths = headers.map((h, i) =>
        Math.max(h.length, ...rows.map((r) => String(r[i]).length))
    );
    const line = (cells) =>
        cells
            .map((c, i) => String(c).padEnd(widths[i]))
            .join('  ')
            .trimEnd();
    return [
        line(headers),
        line(widths.map((w) => '-'.repeat(w))),
        ...rows.map(line)
    ].join('\n');
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const started = Date.now();

    const core = require_('@salesforce/code-analyzer-core');
    const {
        CodeAnalyzer,
        CodeAnalyzerConfig,
        EventType,
        LogLevel,
        OutputFormat,
        RunResultsFormatter
    } = core;

    // The core validates that log_folder and root_working_folder exist: create them first.
    const configFile = join(root, 'code-analyzer.yml');
    // js-yaml is the core's own dependency: load it from there.
    const yaml = createRequire(
        require_.resolve('@salesforce/code-analyzer-core')
    )('js-yaml');
    const rawConfig = yaml.load(readFileSync(configFile, 'utf8')) ?? {};
    for (const folder of [
        rawConfig.log_folder,
        rawConfig.root_working_folder
    ]) {
        if (typeof folder === 'string')
            mkdirSync(resolve(root, folder), { recursive: true });
    }
    const config = CodeAnalyzerConfig.fromFile(configFile);
    const logFolder = config.getLogFolder();
    const logFile = join(
        logFolder,
        `analyze-${new Date().toISOString().replace(/[:.]/g, '-')}.log`
    );
    writeFileSync(logFile, '');

    const analyzer = new CodeAnalyzer(config);
    const onLog = (source) => (event) => {
        const level =
            Object.keys(LogLevel).find((k) => LogLevel[k] === event.logLevel) ??
            event.logLevel;
        const text = `[${level}] ${source(event)}${event.message}`;
        appendFileSync(logFile, text + '\n');
        if (event.logLevel <= LogLevel.Warn) console.error(text);
    };
    analyzer.onEvent(
        EventType.LogEvent,
        onLog(() => '')
    );
    analyzer.onEvent(
        EventType.EngineLogEvent,
        onLog((event) => `${event.engineName}: `)
    );

    provideCreateTempDirToFlowEngine();
    const plugins = [
        '@salesforce/code-analyzer-eslint-engine',
        '@salesforce/code-analyzer-pmd-engine',
        '@salesforce/code-analyzer-regex-engine',
        '@salesforce/code-analyzer-retirejs-engine',
        '@salesforce/code-analyzer-flow-engine'
    ];
    for (const name of plugins) {
        await analyzer.addEnginePlugin(require_(name).createEnginePlugin());
    }

    const workspace = await analyzer.createWorkspace(options.targets);
    const selection = await analyzer.selectRules(['Recommended'], {
        workspace
    });
    const results = await analyzer.run(selection, { workspace });

    mkdirSync(reportsDir, { recursive: true });
    const jsonFile = join(reportsDir, 'code-analyzer.json');
    const sarifFile = join(reportsDir, 'code-analyzer.sarif');
    writeFileSync(
        jsonFile,
        RunResultsFormatter.forFormat(OutputFormat.JSON).format(results)
    );
    writeFileSync(
        sarifFile,
        RunResultsFormatter.forFormat(OutputFormat.SARIF).format(results)
    );

    const violations = results.getViolations();
    const rel = (file) => (file ? relative(root, file) : '(no file)');
    const bySeverity = [1, 2, 3, 4, 5].map((s) => [
        `${s} ${SEVERITY_NAMES[s]}`,
        results.getViolationCountOfSeverity(s)
    ]);

    const engineRows = results.getEngineNames().map((engine) => {
        const er = results.getEngineRunResults(engine);
        return [
            engine,
            selection.getRulesFor(engine).length,
            ...[1, 2, 3, 4, 5].map((s) => er.getViolationCountOfSeverity(s)),
            er.getViolationCount()
        ];
    });

    const ruleCounts = new Map();
    for (const v of violations) {
        const rule = v.getRule();
        const key = `${rule.getEngineName()}\u0000${rule.getName()}`;
        const entry = ruleCounts.get(key) ?? {
            engine: rule.getEngineName(),
            rule: rule.getName(),
            severity: rule.getSeverityLevel(),
            count: 0
        };
        entry.count++;
        ruleCounts.set(key, entry);
    }
    const ruleRows = [...ruleCounts.values()]
        .sort(
            (a, b) =>
                a.severity - b.severity ||
                b.count - a.count ||
                a.rule.localeCompare(b.rule)
        )
        .map((e) => [e.severity, e.engine, e.rule, e.count]);

    console.log(
        `Code Analyzer ${results.getCoreVersion()} — Recommended rules (${selection.getCount()}) on ${options.targets.map(rel).join(', ')}`
    );
    console.log('');
    console.log(table(['severity', 'violations'], bySeverity));
    console.log('');
    console.log(
        table(
            [
                'engine',
                'rules',
                'sev1',
                'sev2',
                'sev3',
                'sev4',
                'sev5',
                'total'
            ],
            engineRows
        )
    );
    if (ruleRows.length) {
        console.log('');
        console.log(table(['sev', 'engine', 'rule', 'count'], ruleRows));
    }

    const failing = violations
        .filter((v) => v.getRule().getSeverityLevel() <= options.threshold)
        .sort(
            (a, b) =>
                a.getRule().getSeverityLevel() - b.getRule().getSeverityLevel()
        );
    // Always list the failing violations; the others too unless --quiet (capped: the reports hold them all).
    const others = options.quiet
        ? []
        : violations.filter(
              (v) => v.getRule().getSeverityLevel() > options.threshold
          );
    const limit = 200;
    const listed = [...failing, ...others];
    if (listed.length) {
        console.log('');
        for (const v of listed.slice(0, Math.max(limit, failing.length))) {
            const loc = v.getPrimaryLocation();
            const where = `${rel(loc.getFile())}:${loc.getStartLine() ?? '?'}:${loc.getStartColumn() ?? '?'}`;
            const rule = v.getRule();
            console.log(
                `sev${rule.getSeverityLevel()} ${rule.getEngineName()}/${rule.getName()} ${where}  ${v.getMessage().split('\n')[0]}`
            );
        }
        const hidden = listed.length - Math.max(limit, failing.length);
        if (hidden > 0) console.log(`... ${hidden} more in ${rel(jsonFile)}`);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log('');
    console.log(
        `Reports: ${rel(jsonFile)}, ${rel(sarifFile)}; log: ${rel(logFile)}; ${seconds}s`
    );
    if (failing.length) {
        console.error(
            `analyze: ${failing.length} violation(s) of severity 1..${options.threshold} — failing.`
        );
        process.exitCode = 1;
    } else {
        console.log(
            `analyze: ${violations.length} violation(s), none of severity 1..${options.threshold}.`
        );
    }
}

main().catch((error) => {
    console.error(error?.stack ?? String(error));
    process.exitCode = 2;
});
