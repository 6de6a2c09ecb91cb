/**
 * Runs the preview data server on its own (`npm start` embeds it with the bundle instead).
 * npx tsx preview/server/main.ts [--port 3333] [--db path] [--sessions N] [--anchor ISO] [--reseed]
 *                                [--static DIR] [--target-org ALIAS] [--preview-helpers] [--log]
 */
import { resolve } from 'node:path';
import { parseArgs } from './seed';
import { startPreviewServer } from './server';

const args = parseArgs(process.argv.slice(2));
const str = (k: string): string | undefined =>
    typeof args[k] === 'string' ? (args[k] as string) : undefined;

startPreviewServer({
    port: str('port') ? Number(str('port')) : undefined,
    dbPath: str('db') ? resolve(str('db') as string) : undefined,
    sessions: str('sessions') ? Number(str('sessions')) : undefined,
    anchor: str('anchor'),
    reseed: Boolean(args.reseed),
    staticDir: str('static'),
    targetOrg: str('target-org'),
    previewHelpers: Boolean(args['preview-helpers']),
    log: Boolean(args.log),
    onSeed: (r) =>
        console.log(
            `Seeded ${r.sessions} sessions in ${(r.ms / 1000).toFixed(2)} s`
        )
}).then(
    (server) => {
        console.log(
            `Preview data server (${server.mode}${server.dbPath ? `: ${server.dbPath}` : ''}) at ${server.url}`
        );
        const stop = () => {
            server.close().then(() => process.exit(0));
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    },
    (e: Error) => {
        console.error(e.message);
        process.exit(1);
    }
);
