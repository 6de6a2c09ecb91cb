/**
 * The session list's GraphQL document, as a plain string: the component wraps it with
 * gql`${...}` (lightning/graphql v2 accepts a query built at runtime); the preview's benchmark and
 * tests send the same text. This file imports nothing, so Node loads it as it is.
 */
/**
 * The one query the list sends. Its text never changes: filters, search text, sort and paging
 * all travel in `variables` ($where, $countWhere, $orderBy, $first, $after, $upperBound), so no
 * user input is ever spliced into it. The aggregate counts sessions by Status for the same
 * filters minus the status filter ($countWhere), in the same round trip; `first: 2000` because an
 * aggregate, like any subquery, returns only its first 10 groups by default (GraphQL API query limits).
 * Fields a user may be denied by field-level security are `@optional` (lightning/graphql, API
 * v65.0+; needed at every level): the server leaves them out instead of failing the query.
 * Owner is polymorphic: a User, or a Group when a queue owns the session.
 */
export const SESSION_LIST_DOCUMENT = `
    query messagingSessionList(
        $where: MessagingSession_Filter
        $countWhere: MessagingSession_Filter
        $orderBy: MessagingSession_OrderBy
        $first: Int
        $after: String
        $upperBound: Int
    ) {
        uiapi {
            query {
                MessagingSession(
                    where: $where
                    orderBy: $orderBy
                    first: $first
                    after: $after
                    upperBound: $upperBound
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Status {
                                value
                                displayValue
                            }
                            ChannelType @optional {
                                value
                                displayValue
                            }
                            ChannelName @optional {
                                value
                            }
                            AgentType @optional {
                                value
                                displayValue
                            }
                            Origin @optional {
                                value
                                displayValue
                            }
                            StartTime {
                                value
                            }
                            AcceptTime @optional {
                                value
                            }
                            EndTime @optional {
                                value
                            }
                            PreviewDetails @optional {
                                value
                            }
                            OwnerId @optional {
                                value
                            }
                            Owner @optional {
                                __typename
                                ... on User {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                }
                                ... on Group {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                }
                            }
                            MessagingEndUser @optional {
                                Name @optional {
                                    value
                                }
                            }
                            Case @optional {
                                CaseNumber @optional {
                                    value
                                }
                            }
                        }
                        cursor
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                    totalCount
                }
            }
            aggregate {
                MessagingSession(
                    where: $countWhere
                    groupBy: { Status: { group: true } }
                    first: 2000
                ) {
                    edges {
                        node {
                            aggregate {
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
                }
            }
        }
    }
`;
