/**
 * The backlog's GraphQL documents, as plain strings: the component wraps each with gql`${...}`
 * (lightning/graphql v2 accepts a query built at runtime), the preview's benchmark and tests send
 * the same text. This file imports nothing, so Node loads it as it is.
 */
/** The most groups (or names) one connection returns; more are reported as truncated figures. */
export const MAX_GROUPS = 2000;
// A queue as the backlog names it; the look-up reads DeveloperName to report unknown API names.
const QUEUE_FIELDS = `
    Id
    Name {
        value
    }
    DeveloperName {
        value
    }
`;
// The queues chosen in App Builder, by API name: their Ids then filter every figure on the
// session's own OwnerId. Its own small request, sent again only if the property changes.
export const QUEUE_LOOKUP_DOCUMENT = `
    query backlogQueueIds($queueLookupWhere: Group_Filter) {
        uiapi {
            query {
                Group(where: $queueLookupWhere, first: ${MAX_GROUPS}) {
                    edges {
                        node {
                            ${QUEUE_FIELDS}
                        }
                    }
                }
            }
        }
    }
`;
const FIGURE_VARIABLES = `
    $waitingWhere: MessagingSession_Filter
    $overTargetWhere: MessagingSession_Filter
    $acceptedWhere: MessagingSession_Filter
`;
/** One aggregate of sessions: counted per group, `extra` adding fields (the oldest start). */
function sessionAggregate(alias, groups, extra = '') {
    const groupBy = groups.map((field) => `${field}: { group: true }`);
    const values = groups.map((field) => `${field} { value }`);
    return `
        ${alias}: MessagingSession(
            where: $${alias}Where
            groupBy: { ${groupBy.join(' ')} }
            first: ${MAX_GROUPS}
        ) {
            edges {
                node {
                    aggregate {
                        ${values.join(' ')}
                        Id { count { value } }
                        ${extra}
                    }
                }
            }
            pageInfo {
                hasNextPage
            }
        }
    `;
}
const OWNER_AND_CHANNEL = ['OwnerId', 'MessagingChannelId', 'ChannelType'];
// Three aggregates, grouped by owner × channel × channel type so that queue and channel figures
// come from the same groups; the acceptances of the last hour by channel only.
const FIGURE_AGGREGATES = `
    aggregate {
        ${sessionAggregate('waiting', OWNER_AND_CHANNEL, 'StartTime { min { value } }')}
        ${sessionAggregate('overTarget', OWNER_AND_CHANNEL)}
        ${sessionAggregate('accepted', ['MessagingChannelId', 'ChannelType'])}
    }
`;
/** One document, one request per refresh: the figures and the names of the queues and channels concerned. */
export const BACKLOG_DOCUMENT = `
    query messagingBacklog(
        ${FIGURE_VARIABLES}
        $queueWhere: Group_Filter
        $channelWhere: MessagingChannel_Filter
    ) {
        uiapi {
            ${FIGURE_AGGREGATES}
            query {
                Group(where: $queueWhere, first: ${MAX_GROUPS}) {
                    edges {
                        node {
                            ${QUEUE_FIELDS}
                        }
                    }
                }
                MessagingChannel(where: $channelWhere, first: ${MAX_GROUPS}) {
                    edges {
                        node {
                            Id
                            MasterLabel {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
/**
 * The same figures without names, for an org that refuses Group or MessagingChannel: the server
 * validates a document whole, so the names must not be able to sink the figures. Hence two
 * documents, which share every figure.
 */
export const FIGURES_DOCUMENT = `
    query messagingBacklogFigures(
        ${FIGURE_VARIABLES}
    ) {
        uiapi {
            ${FIGURE_AGGREGATES}
        }
    }
`;
