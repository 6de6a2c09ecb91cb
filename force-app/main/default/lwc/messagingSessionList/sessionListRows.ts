/**
 * What the session list reads from the server's answer: rows from GraphQL edges, page merging,
 * status counts from the aggregate, the optional fields left out, a page fingerprint for polls,
 * and the record Ids of a change event. No DOM and no Lightning modules here.
 */
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS,
    SESSION_STATUSES,
    channelIcon,
    gqlValue,
    mergeByKey,
    picklistLabel,
    readSessionOwner,
    statusOption
} from 'c/messagingSessionSchema';
import type {
    GqlField,
    GqlOwner,
    PicklistOption,
    SessionOwner
} from 'c/messagingSessionSchema';
import { isObject } from 'c/messagingErrors';

export interface SessionNode {
    Id: string;
    Name?: GqlField | null;
    Status?: GqlField | null;
    ChannelType?: GqlField | null;
    ChannelName?: GqlField | null;
    AgentType?: GqlField | null;
    Origin?: GqlField | null;
    StartTime?: GqlField | null;
    AcceptTime?: GqlField | null;
    EndTime?: GqlField | null;
    PreviewDetails?: GqlField | null;
    OwnerId?: GqlField | null;
    /** The polymorphic owner: `__typename` User or Group (a queue). */
    Owner?: GqlOwner | null;
    MessagingEndUser?: { Name?: GqlField | null } | null;
    Case?: { CaseNumber?: GqlField | null } | null;
}

export interface SessionListData {
    uiapi?: {
        query?: {
            MessagingSession?: {
                edges?: Array<{
                    node?: SessionNode | null;
                    cursor?: string | null;
                } | null> | null;
                pageInfo?: {
                    hasNextPage?: boolean | null;
                    endCursor?: string | null;
                } | null;
                totalCount?: number | null;
            } | null;
        } | null;
        aggregate?: {
            MessagingSession?: {
                edges?: Array<{
                    node?: {
                        aggregate?: {
                            Status?: GqlField | null;
                            Id?: { count?: GqlField<number> | null } | null;
                        } | null;
                    } | null;
                } | null> | null;
            } | null;
        } | null;
    } | null;
}

export interface SessionRow {
    id: string;
    name: string;
    status: string | null;
    statusLabel: string;
    statusBadgeClass: string;
    isOpen: boolean;
    channelType: string | null;
    channelLabel: string;
    channelIcon: string;
    channelName: string | null;
    agentType: string | null;
    agentTypeLabel: string;
    origin: string | null;
    originLabel: string;
    owner: SessionOwner;
    endUserName: string | null;
    caseNumber: string | null;
    startTime: string | null;
    acceptTime: string | null;
    endTime: string | null;
    preview: string | null;
}

function text(field: GqlField | null | undefined): string | null {
    const value = gqlValue(field);
    return typeof value === 'string' && value !== '' ? value : null;
}

function picklist(
    options: readonly PicklistOption[],
    field: GqlField | null | undefined
): [string | null, string] {
    const value = text(field);
    return [value, picklistLabel(options, value, field?.displayValue ?? null)];
}

/** One row view-model from one node. Nulls stay null; unknown picklist values keep their raw value. */
export function toSessionRow(node: SessionNode): SessionRow {
    const [status, statusLabel] = picklist(SESSION_STATUSES, node.Status);
    const [channelType, channelLabel] = picklist(
        CHANNEL_TYPES,
        node.ChannelType
    );
    const [agentType, agentTypeLabel] = picklist(AGENT_TYPES, node.AgentType);
    const [origin, originLabel] = picklist(SESSION_ORIGINS, node.Origin);
    const option = statusOption(status);
    return {
        id: node.Id,
        name: text(node.Name) ?? node.Id,
        status,
        statusLabel,
        statusBadgeClass:
            option?.badgeClass ?? 'slds-badge slds-badge_lightest',
        isOpen: option?.isOpen ?? false,
        channelType,
        channelLabel,
        channelIcon: channelIcon(channelType),
        channelName: text(node.ChannelName),
        agentType,
        agentTypeLabel,
        origin,
        originLabel,
        owner: readSessionOwner(node),
        endUserName: text(node.MessagingEndUser?.Name),
        caseNumber: text(node.Case?.CaseNumber),
        startTime: text(node.StartTime),
        acceptTime: text(node.AcceptTime),
        endTime: text(node.EndTime),
        preview: text(node.PreviewDetails)
    };
}

export interface SessionPage {
    rows: SessionRow[];
    hasNextPage: boolean;
    endCursor: string | null;
    totalCount: number | null;
}

/** The page of rows in a response. Edges without a node or an Id are skipped. */
export function readSessionPage(
    data: SessionListData | null | undefined
): SessionPage {
    const connection = data?.uiapi?.query?.MessagingSession;
    const rows = (connection?.edges ?? [])
        .map((edge) => edge?.node)
        .filter((node): node is SessionNode =>
            Boolean(node && typeof node.Id === 'string' && node.Id)
        )
        .map(toSessionRow);
    const totalCount = connection?.totalCount;
    return {
        rows: dedupeRows(rows),
        hasNextPage: Boolean(connection?.pageInfo?.hasNextPage),
        endCursor: connection?.pageInfo?.endCursor ?? null,
        totalCount:
            typeof totalCount === 'number' && Number.isFinite(totalCount)
                ? totalCount
                : null
    };
}

/** A session that appears twice (it moved between pages) is shown once, updated in place. */
function dedupeRows(rows: SessionRow[]): SessionRow[] {
    return mergeRows([], rows);
}

/**
 * Appends a page to the rows already shown. A session already in the list (it moved between
 * pages because sessions were added or re-sorted meanwhile) is updated in place, never repeated.
 */
export function mergeRows(
    existing: readonly SessionRow[],
    incoming: readonly SessionRow[]
): SessionRow[] {
    return mergeByKey(existing, incoming, (row) => row.id);
}

export interface StatusCount {
    value: string;
    label: string;
    count: number;
    /** Not one of the statuses this console knows: shown with its raw value. */
    known: boolean;
}

/**
 * Counts by status from the aggregate edges, in lifecycle order; every known status is listed
 * (0 when absent), then any value the console doesn't know, as it came.
 */
export function readStatusCounts(
    data: SessionListData | null | undefined
): StatusCount[] {
    const counts = new Map<string, number>();
    for (const edge of data?.uiapi?.aggregate?.MessagingSession?.edges ?? []) {
        const aggregate = edge?.node?.aggregate;
        const value = text(aggregate?.Status);
        const count = gqlValue(aggregate?.Id?.count);
        if (value && typeof count === 'number' && Number.isFinite(count)) {
            counts.set(value, (counts.get(value) ?? 0) + count);
        }
    }
    const known: StatusCount[] = SESSION_STATUSES.map((option) => ({
        value: option.value,
        label: option.label,
        count: counts.get(option.value) ?? 0,
        known: true
    }));
    const unknown: StatusCount[] = [...counts.entries()]
        .filter(([value]) => !statusOption(value))
        .map(([value, count]) => ({
            value,
            label: value,
            count,
            known: false
        }));
    return [...known, ...unknown];
}

/**
 * The fields the list query marks `@optional`: the server leaves them out of every node when the
 * user may not read them (field-level security), instead of failing the query. A relationship
 * path names the relationship and then the field read through it.
 */
export const OPTIONAL_LIST_FIELDS: readonly string[] = [
    'ChannelType',
    'ChannelName',
    'AgentType',
    'Origin',
    'AcceptTime',
    'EndTime',
    'PreviewDetails',
    'OwnerId',
    'Owner',
    'MessagingEndUser',
    'MessagingEndUser.Name',
    'Case',
    'Case.CaseNumber'
];

/**
 * The optional fields the response left out, in OPTIONAL_LIST_FIELDS order. A field counts as
 * left out when it is absent (not null: null is an empty value) from a node that could hold it;
 * field-level security hides a field for every record alike, so the first such node decides.
 */
export function hiddenListFields(
    data: SessionListData | null | undefined
): string[] {
    const nodes = (data?.uiapi?.query?.MessagingSession?.edges ?? [])
        .map((edge) => edge?.node)
        .filter(isObject);
    return OPTIONAL_LIST_FIELDS.filter((path) => {
        const names = path.split('.');
        const field = names.pop() as string;
        const step = (value: unknown, name: string): unknown => {
            return isObject(value) ? value[name] : undefined;
        };
        const holder = nodes
            .map((node) => names.reduce<unknown>(step, node))
            .find(isObject);
        return holder !== undefined && !(field in holder);
    });
}

/** A fingerprint of what the list shows, to tell whether a poll brought changes. */
export function pageSignature(page: SessionPage): string {
    return JSON.stringify([
        page.totalCount,
        page.rows.map((row) => [
            row.id,
            row.status,
            row.acceptTime,
            row.endTime,
            row.owner.kind,
            row.owner.id
        ])
    ]);
}

/** Record Ids named by a Change Data Capture event, from its ChangeEventHeader. */
export function changeEventRecordIds(message: unknown): string[] {
    const payload = (
        message as {
            data?: {
                payload?: { ChangeEventHeader?: { recordIds?: unknown } };
            };
        } | null
    )?.data?.payload;
    const ids = payload?.ChangeEventHeader?.recordIds;
    return Array.isArray(ids)
        ? ids.filter((id): id is string => typeof id === 'string' && id !== '')
        : [];
}
