/**
 * `npm start`: builds the components' TypeScript, bundles the real components with LWC OSS, seeds
 * the embedded sample org on first run and serves the console at http://127.0.0.1:$PORT (default 3333).
 *
 *   npm start [-- --sessions N] [--target-org ALIAS] [--preview-helpers] [--reseed] [--port N] [--db PATH]
 *
 * Ctrl-C (SIGINT) or SIGTERM closes the server and the database.
 */
import { execFileSync } from 'node:child_process';
import {
    existsSync,
    readdirSync,
    readFileSync,
    statSync,
    writeFileSync,
    mkdirSync
} from 'node:fs';
import { join } from 'node:path';
import {
    bundle,
    DIST_DIR,
    LWC_DIR,
    newestInput,
    projectComponents,
    ROOT,
    type BundleResult
} from './build/bundle';
import { createStaticHandler, type PageConfig } from './serve';
import { startPreviewServer } from './server/server';
import { CURRENT_USER_ID } from './server/seed';

export interface StartArgs {
    port: number;
    sessions?: number;
    targetOrg?: string;
    /** With --target-org: turn on the /__preview/fail and /__preview/requests test helpers. */
    previewHelpers: boolean;
    reseed: boolean;
    dbPath?: string;
    skipBuild: boolean;
}

export function parseStartArgs(argv: string[]): StartArgs {
    const args: StartArgs = {
        port: Number(process.env.PORT || 3333),
        previewHelpers: false,
        reseed: false,
        skipBuild: false
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.includes('=')
            ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
            : [arg, undefined];
        const next = (): string => {
            const value = inline ?? argv[++i];
            if (value === undefined) throw new Error(`${flag} needs a value`);
            return value;
        };
        switch (flag) {
            case '--sessions': {
                const n = Number(next());
                if (!Number.isInteger(n) || n < 0)
                    throw new Error('--sessions must be a whole number');
                args.sessions = n;
                break;
            }
            case '--target-org':
                args.targetOrg = next();
                break;
            case '--port':
                args.port = Number(next());
                break;
            case '--db':
                args.dbPath = next();
                break;
            case '--preview-helpers':
                args.previewHelpers = true;
                break;
            case '--reseed':
                args.reseed = true;
                break;
            case '--skip-build':
                args.skipBuild = true;
                break;
            case '--help':
            case '-h':
                console.log(
                    'Usage: npm start [-- --sessions N] [--target-org ALIAS] [--preview-helpers] [--reseed] [--port N] [--db PATH]'
                );
                process.exit(0);
                break;
            default:
                throw new Error(`Unknown option ${arg}`);
        }
    }
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
        throw new Error(`Invalid port ${args.port}`);
    return args;
}

/** True when every component's emitted .js is at least as new as its .ts sources. */
function typeScriptUpToDate(): boolean {
    for (const name of readdirSync(LWC_DIR)) {
        const dir = join(LWC_DIR, name);
        if (!statSync(dir).isDirectory()) continue;
        for (const file of readdirSync(dir)) {
            if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
            const js = join(dir, file.replace(/\.ts$/, '.js'));
            if (
                !existsSync(js) ||
                statSync(js).mtimeMs < statSync(join(dir, file)).mtimeMs
            )
                return false;
        }
    }
    return true;
}

export function buildTypeScript(): void {
    if (typeScriptUpToDate()) {
        console.log('build: TypeScript output is up to date');
        return;
    }
    try {
        execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
            stdio: 'inherit',
            cwd: ROOT
        });
    } catch {
        console.warn(
            'build: tsc reported errors; bundling the JavaScript it emitted'
        );
    }
}

const STAMP = join(DIST_DIR, '.stamp.json');

/** Bundles unless preview/dist is newer than every input. */
export async function bundleIfNeeded(force = false): Promise<BundleResult> {
    const stamp = { newest: newestInput(), components: projectComponents() };
    if (
        !force &&
        existsSync(STAMP) &&
        existsSync(join(DIST_DIR, 'console.js'))
    ) {
        const previous = JSON.parse(
            readFileSync(STAMP, 'utf8')
        ) as typeof stamp & { result?: BundleResult };
        if (
            previous.result &&
            previous.newest === stamp.newest &&
            previous.components.join() === stamp.components.join()
        ) {
            console.log(
                `bundle: up to date (${stamp.components.length} component(s))`
            );
            return previous.result;
        }
    }
    const result = await bundle();
    mkdirSync(DIST_DIR, { recursive: true });
    writeFileSync(STAMP, JSON.stringify({ ...stamp, result }));
    return result;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
    const started = performance.now();
    const args = parseStartArgs(argv);
    if (!args.skipBuild) {
        buildTypeScript();
        await bundleIfNeeded();
    }
    const page: PageConfig = {
        userId: CURRENT_USER_ID,
        userName: null,
        mode: args.targetOrg ? 'org' : 'sample'
    };
    const server = await startPreviewServer({
        port: args.port,
        host: '127.0.0.1',
        dbPath: args.dbPath,
        sessions: args.sessions,
        reseed: args.reseed,
        targetOrg: args.targetOrg,
        previewHelpers: args.previewHelpers,
        staticHandler: createStaticHandler(() => page)
    });
    if (server.db) {
        const row = server.db
            .prepare('SELECT "Name" AS name FROM "User" WHERE "Id" = ?')
            .get(CURRENT_USER_ID) as { name?: string } | undefined;
        page.userName = row?.name ?? null;
        const count = server.db
            .prepare('SELECT COUNT(*) AS n FROM "MessagingSession"')
            .get() as { n: number };
        page.sessions = count.n;
    } else {
        // Proxy mode: the org's own user is the running user; the page reads it from the org.
        page.userId = null;
        page.userName = args.targetOrg ?? null;
    }
    const source = server.db
        ? `${page.sessions} sample sessions in ${server.dbPath}`
        : `org ${args.targetOrg}`;
    console.log(
        `Messaging Session Console: ${server.url}  (${source}; ready in ${Math.round(performance.now() - started)} ms; Ctrl-C stops)`
    );

    let closing = false;
    const stop = (signal: string): void => {
        if (closing) return;
        closing = true;
        console.log(`\n${signal}: stopping the preview server`);
        server
            .close()
            .then(() => process.exit(0))
            .catch((error: unknown) => {
                console.error(error);
                process.exit(1);
            });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    });
}
