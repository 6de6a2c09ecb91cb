/**
 * Serving files from a folder: the path check that keeps a request inside it, and the stream that
 * sends a file without letting a read error take the server down.
 */
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The file `relativePath` names inside `base`, or null when it resolves outside it. Compared by
 * path segments: `/srv/dist-x/a.js` is not inside `/srv/dist`, as a bare prefix test would say.
 */
export function fileInside(base: string, relativePath: string): string | null {
    if (relativePath.includes('\0')) return null;
    const root = resolve(base);
    const file = resolve(root, relativePath.replace(/^[/\\]+/, ''));
    const rel = relative(root, file);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
        return null;
    return file;
}

/**
 * Sends a regular file with the given headers (HEAD: headers only). False when there is no such
 * file. A read error before the first byte answers 500; after it, the response is cut off.
 */
export function sendFile(
    res: ServerResponse,
    file: string,
    headers: Record<string, string | number>,
    method = 'GET'
): boolean {
    let size: number;
    try {
        const stat = statSync(file);
        if (!stat.isFile()) return false;
        size = stat.size;
    } catch {
        return false;
    }
    if (method === 'HEAD') {
        res.writeHead(200, { ...headers, 'content-length': size });
        res.end();
        return true;
    }
    const stream = createReadStream(file);
    stream.once('open', () => {
        res.writeHead(200, { ...headers, 'content-length': size });
        stream.pipe(res);
    });
    stream.on('error', () => {
        if (res.headersSent) {
            res.destroy();
            return;
        }
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The file could not be read.');
    });
    res.on('close', () => stream.destroy());
    return true;
}
