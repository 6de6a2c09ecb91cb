/** The aggregate rows of a connection, skipping empty edges. */
export function aggregates(connection) {
    const rows = [];
    for (const edge of connection?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        if (aggregate) rows.push(aggregate);
    }
    return rows;
}
/** The records of a connection, skipping empty edges. */
export function nodes(connection) {
    const rows = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node) rows.push(edge.node);
    }
    return rows;
}
