/**
 * Salesforce-style record IDs: a 3-character key prefix, 12 more characters, and the 3-character
 * case-safe suffix that turns a 15-character ID into an 18-character one.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix of a 15-character ID: one character per 5-character chunk, encoding which are upper case. */
export function idSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) flags |= 1 << i;
        }
        suffix += SUFFIX[flags];
    }
    return suffix;
}

/** Builds the n-th ID for a key prefix (deterministic): prefix + pod '8c' + '0' + 9 base-62 digits + suffix. */
export function makeId(keyPrefix: string, n: number): string {
    let digits = '';
    let rest = n;
    for (let i = 0; i < 9; i++) {
        digits = BASE62[rest % 62] + digits;
        rest = Math.floor(rest / 62);
    }
    const id15 = `${keyPrefix}8c0${digits}`;
    return id15 + idSuffix(id15);
}

/** An 18-character ID for a 15- or 18-character input; null when it is not an ID at all. */
export function to18(id: string): string | null {
    if (/^[a-zA-Z0-9]{18}$/.test(id)) {
        return id.slice(0, 15) + idSuffix(id.slice(0, 15)) === id ? id : null;
    }
    if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + idSuffix(id);
    return null;
}
