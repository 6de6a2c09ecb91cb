/**
 * The agent metrics panel's GraphQL documents, as plain strings: the component wraps each with
 * gql`${...}` (lightning/graphql v2 accepts a query built at runtime); the preview's timings and
 * the tests send the same text. metricsResponses describes their answers.
 *
 * Five documents instead of one: the server validates a document whole, so each figure the org
 * may refuse (a custom field, MessagingSessionMetrics, Group) has its own, and a refusal costs
 * only its columns. The two duration documents differ by their field alone and share their text
 * (durationDocument); they stay two documents because one missing field must not sink the other.
 * This file imports nothing, so Node loads it as it is.
 */
/** Rows each aggregate or name query asks for (the GraphQL API's maximum per subquery). */
export const MAX_GROUPS = 2000;
/** Handled and open sessions per owner and channel, and the users to name. Fields every org has. */
export const CORE_DOCUMENT = `
    query agentMetrics(
        $handledWhere: MessagingSession_Filter
        $openWhere: MessagingSession_Filter
        $ownersWhere: User_Filter
    ) {
        uiapi {
            aggregate {
                MessagingSession(
                    where: $handledWhere
                    groupBy: { OwnerId: { group: true } }
                    first: ${MAX_GROUPS}
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                Id {
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
                byChannel: MessagingSession(
                    where: $handledWhere
                    groupBy: {
                        OwnerId: { group: true }
                        ChannelType: { group: true }
                    }
                    first: ${MAX_GROUPS}
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                ChannelType {
                                    value
                                }
                                Id {
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
                openNow: MessagingSession(
                    where: $openWhere
                    groupBy: {
                        OwnerId: { group: true }
                        Status: { group: true }
                    }
                    first: ${MAX_GROUPS}
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                Status {
                                    value
                                }
                                Id {
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
            query {
                User(where: $ownersWhere, first: ${MAX_GROUPS}) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;
/**
 * A duration document: one custom field's average, maximum and count per owner over the handled
 * sessions. One per field: @optional isn't documented inside `aggregate`, and a field that isn't
 * deployed or readable fails the whole document it is in.
 */
function durationDocument(operation, field) {
    return `
    query ${operation}($handledWhere: MessagingSession_Filter) {
        uiapi {
            aggregate {
                MessagingSession(
                    where: $handledWhere
                    groupBy: { OwnerId: { group: true } }
                    first: ${MAX_GROUPS}
                ) {
                    edges {
                        node {
                            aggregate {
                                OwnerId {
                                    value
                                }
                                ${field} {
                                    avg {
                                        value
                                    }
                                    max {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;
}
export const WAIT_TIMES_DOCUMENT = durationDocument(
    'agentMetricsWaitTimes',
    'MSC_WaitSeconds__c'
);
export const HANDLE_TIMES_DOCUMENT = durationDocument(
    'agentMetricsHandleTimes',
    'MSC_HandleSeconds__c'
);
/**
 * Message totals and response times: MessagingSessionMetrics (API 62.0+), one record per session
 * and metric type. AgentMessageCount/EndUserMessageCount on MessagingSession are Nillable only.
 * Its sessions filter goes through the MessagingSession relationship, which can't carry a
 * semi-join: in the team scope it lists the team's user Ids from the core response.
 */
export const SESSION_METRICS_DOCUMENT = `
    query agentMetricsSessionMetrics(
        $metricsWhere: MessagingSessionMetrics_Filter
    ) {
        uiapi {
            aggregate {
                MessagingSessionMetrics(
                    where: $metricsWhere
                    groupBy: {
                        MessagingSession: { OwnerId: { group: true } }
                        MessagingSessionMetricType: { group: true }
                    }
                    first: ${MAX_GROUPS}
                ) {
                    edges {
                        node {
                            aggregate {
                                MessagingSession {
                                    OwnerId {
                                        value
                                    }
                                }
                                MessagingSessionMetricType {
                                    value
                                }
                                MessagingSessionMetricValue {
                                    avg {
                                        value
                                    }
                                    sum {
                                        value
                                    }
                                    count {
                                        value
                                    }
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;
/** Names of the queues that own sessions (all-agents scope): a semi-join, no ids from a response. */
export const QUEUE_NAMES_DOCUMENT = `
    query agentMetricsQueueNames($queuesWhere: Group_Filter) {
        uiapi {
            query {
                Group(where: $queuesWhere, first: ${MAX_GROUPS}) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
