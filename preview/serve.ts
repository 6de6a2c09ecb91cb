/**
 * The console page's static files for the preview server: the page itself (with the preview
 * config injected), the bundle in preview/dist, the console frame's CSS and the SLDS assets.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { DIST_DIR, ROOT } from './build/bundle';
import { readConsoleLayout, type ConsoleLayout } from './layout';
import { fileInside, sendFile } from './server/staticFiles';

export interface PageConfig {
    userId: string | null;
    userName: string | null;
    mode: string;
    sessions?: number;
    layout?: ConsoleLayout;
}

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.json': 'application/json'
};

const SLDS_ASSETS = join(
    ROOT,
    'node_modules/@salesforce-ux/design-system/assets'
);
const APP_DIR = join(ROOT, 'preview/app');

/** Serves `relativePath` from `base`; false (404) when it is not a file inside `base`. */
function sendFrom(
    req: IncomingMessage,
    res: ServerResponse,
    base: string,
    relativePath: string,
    cache: string
): boolean {
    const file = fileInside(base, relativePath);
    return (
        file !== null &&
        sendFile(
            res,
            file,
            {
                'Content-Type':
                    TYPES[extname(file)] ?? 'application/octet-stream',
                'Cache-Control': cache
            },
            req.method
        )
    );
}

export function pageHtml(config: PageConfig): string {
    const template = readFileSync(join(APP_DIR, 'index.html'), 'utf8');
    // JSON inside a script: escape "<" so no value can close the element.
    const json = JSON.stringify(config).replace(/</g, '\\u003c');
    // A function replacement: a string one would read "$'" or "$&" in a value as a pattern.
    return template.replace('/*PREVIEW_CONFIG*/ {}', () => json);
}

export function createStaticHandler(
    config: () => PageConfig,
    distDir = DIST_DIR
) {
    return (req: IncomingMessage, res: ServerResponse): boolean => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return false;
        let path: string;
        try {
            path = decodeURIComponent(
                new URL(req.url ?? '/', 'http://localhost').pathname
            );
        } catch {
            return false;
        }
        if (
            path === '/' ||
            path === '/index.html' ||
            path.startsWith('/lightning/')
        ) {
            // The FlexiPages are read on every page load, so a layout change shows on reload.
            const html = pageHtml({ ...config(), layout: readConsoleLayout() });
            res.writeHead(200, {
                'Content-Type': TYPES['.html'],
                'Cache-Control': 'no-store'
            });
            res.end(html);
            return true;
        }
        if (path.startsWith('/dist/'))
            return sendFrom(
                req,
                res,
                distDir,
                path.slice('/dist/'.length),
                'no-cache'
            );
        if (path.startsWith('/assets/'))
            return sendFrom(
                req,
                res,
                SLDS_ASSETS,
                path.slice('/assets/'.length),
                'max-age=3600'
            );
        if (path === '/preview/console.css')
            return sendFrom(req, res, APP_DIR, 'console.css', 'no-cache');
        if (path === '/favicon.ico') {
            res.writeHead(204);
            res.end();
            return true;
        }
        return false;
    };
}
