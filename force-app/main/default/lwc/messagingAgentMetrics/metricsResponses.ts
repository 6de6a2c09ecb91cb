/**
 * The answers of the agent metrics documents (metricsQueries), in the documented shapes:
 * aggregates as data.uiapi.aggregate.<Object>.edges[].node.aggregate.<Field>.<function>.value,
 * records as data.uiapi.query.<Object>.edges[].node; every level may be null.
 */
import type { GqlField } from 'c/messagingSessionSchema';

export interface AggFunctions {
    avg?: GqlField<number> | null;
    max?: GqlField<number> | null;
    min?: GqlField<number> | null;
    sum?: GqlField<number> | null;
    count?: GqlField<number> | null;
}

export interface AggConnection<TAggregate> {
    edges?: Array<{
        node?: { aggregate?: TAggregate | null } | null;
    } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}

export interface NamedNode {
    Id: string;
    Name?: GqlField | null;
}

export interface RecordConnection<TNode> {
    edges?: Array<{ node?: TNode | null } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}

export interface SessionAggregate {
    OwnerId?: GqlField | null;
    ChannelType?: GqlField | null;
    Status?: GqlField | null;
    Id?: AggFunctions | null;
}

/** The core document: handled and open sessions per owner, per channel, and the users to name. */
export interface CoreMetricsData {
    uiapi?: {
        aggregate?: {
            MessagingSession?: AggConnection<SessionAggregate> | null;
            byChannel?: AggConnection<SessionAggregate> | null;
            openNow?: AggConnection<SessionAggregate> | null;
        } | null;
        query?: {
            User?: RecordConnection<NamedNode> | null;
        } | null;
    } | null;
}

export interface DurationAggregate {
    OwnerId?: GqlField | null;
    MSC_WaitSeconds__c?: AggFunctions | null;
    MSC_HandleSeconds__c?: AggFunctions | null;
}

/** A duration document: one custom field's average, maximum and count per owner. */
export interface DurationData {
    uiapi?: {
        aggregate?: {
            MessagingSession?: AggConnection<DurationAggregate> | null;
        } | null;
    } | null;
}

export interface SessionMetricsAggregate {
    MessagingSession?: { OwnerId?: GqlField | null } | null;
    MessagingSessionMetricType?: GqlField | null;
    MessagingSessionMetricValue?: AggFunctions | null;
}

export interface SessionMetricsData {
    uiapi?: {
        aggregate?: {
            MessagingSessionMetrics?: AggConnection<SessionMetricsAggregate> | null;
        } | null;
    } | null;
}

export interface QueueNamesData {
    uiapi?: {
        query?: {
            Group?: RecordConnection<NamedNode> | null;
        } | null;
    } | null;
}

/** The aggregate rows of a connection, skipping empty edges. */
export function aggregates<T>(
    connection: AggConnection<T> | null | undefined
): T[] {
    const rows: T[] = [];
    for (const edge of connection?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        if (aggregate) rows.push(aggregate);
    }
    return rows;
}

/** The records of a connection, skipping empty edges. */
export function nodes<T>(
    connection: RecordConnection<T> | null | undefined
): T[] {
    const rows: T[] = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node) rows.push(edge.node);
    }
    return rows;
}
