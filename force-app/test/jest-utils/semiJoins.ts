/**
 * Where a GraphQL semi-join may go, for the tests of every component that sends one.
 * "GraphQL has the same limitations as SOQL" (GraphQL API, Query Limitations), and SOQL's
 * semi-join rules say "The left operand can't use relationships", "You can't nest a semi-join or
 * anti-join statement in another semi-join or anti-join statement" and "You can't use subqueries
 * with OR" (SOQL and SOSL Reference, Comparison Operators).
 */

const SEMI_JOIN_KEYS = new Set(['inq', 'ninq']);

/**
 * Semi-joins (`inq`, `ninq`) placed where SOQL refuses them, one message each: under a
 * relationship, inside another semi-join, or under `or`. A semi-join may sit only on a field of the
 * queried object, at the top of a where or under `and`. Give it a wire's `variables`: each `path`
 * starts with the variable's name.
 */
export function misplacedSemiJoins(
    value: unknown,
    path: string[] = []
): string[] {
    if (Array.isArray(value)) {
        return value.flatMap((item, index) =>
            misplacedSemiJoins(item, [...path, String(index)])
        );
    }
    if (!value || typeof value !== 'object') return [];
    const found: string[] = [];
    for (const [key, child] of Object.entries(value)) {
        const here = [...path, key];
        if (SEMI_JOIN_KEYS.has(key)) {
            // Between the variable's name and the field the semi-join is on.
            const above = path
                .slice(1, -1)
                .filter((part) => part !== 'and' && !/^\d+$/.test(part));
            const where = here.join('.');
            if (above.some((part) => SEMI_JOIN_KEYS.has(part))) {
                found.push(`${where}: nested in another semi-join`);
            } else if (above.includes('or')) {
                found.push(`${where}: under or`);
            } else if (above.length) {
                found.push(`${where}: under ${above.join('.')}`);
            }
        }
        found.push(...misplacedSemiJoins(child, here));
    }
    return found;
}
