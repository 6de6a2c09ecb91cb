/**
 * The page cursors the embedded org hands out: opaque base64 text, as the platform's are, holding
 * the row offset. A cursor this server didn't make is an InvalidArgument error, not a crash.
 */
import { GraphQLError } from 'graphql';

const CURSOR_PREFIX = 'preview:';

export function encodeCursor(offset: number): string {
    return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64');
}

/** The offset a cursor holds; -1 for none (the first page). */
export function decodeCursor(cursor: string | null | undefined): number {
    if (cursor == null) return -1;
    const text = Buffer.from(cursor, 'base64').toString('utf8');
    if (
        !text.startsWith(CURSOR_PREFIX) ||
        !/^\d+$/.test(text.slice(CURSOR_PREFIX.length))
    )
        throw new GraphQLError(`Invalid cursor: ${cursor}`, {
            extensions: { ErrorType: 'InvalidArgument' }
        });
    return Number(text.slice(CURSOR_PREFIX.length));
}
