/**
 * The session list's texts and row views, from its state: what each row shows (clock, owner,
 * case...), the total, the live-update mode and the fields the server left out. No DOM and no
 * Lightning modules here.
 */
import { ownerView } from 'c/messagingSessionSchema';
import { formatLabel, sessionClock, sessionClockText } from 'c/messagingTime';
import labelAgentTypeFilter from '@salesforce/label/c.MSC_ListAgentTypeFilterLabel';
import labelCase from '@salesforce/label/c.MSC_ListCase';
import labelChannelFilter from '@salesforce/label/c.MSC_ListChannelFilterLabel';
import labelColumnAcceptTime from '@salesforce/label/c.MSC_ListColumnAcceptTime';
import labelColumnCaseNumber from '@salesforce/label/c.MSC_ListColumnCaseNumber';
import labelColumnChannelName from '@salesforce/label/c.MSC_ListColumnChannelName';
import labelColumnEndTime from '@salesforce/label/c.MSC_ListColumnEndTime';
import labelColumnEndUser from '@salesforce/label/c.MSC_ListColumnEndUser';
import labelColumnPreview from '@salesforce/label/c.MSC_ListColumnPreview';
import labelFieldsHidden from '@salesforce/label/c.MSC_ListFieldsHidden';
import labelLiveUpdates from '@salesforce/label/c.MSC_ListLiveUpdates';
import labelLiveUpdatesChecked from '@salesforce/label/c.MSC_ListLiveUpdatesChecked';
import labelManualRefresh from '@salesforce/label/c.MSC_ListManualRefresh';
import labelNotSet from '@salesforce/label/c.MSC_ListNotSet';
import labelOpenSession from '@salesforce/label/c.MSC_ListOpenSession';
import labelOriginFilter from '@salesforce/label/c.MSC_ListOriginFilterLabel';
import labelOwner from '@salesforce/label/c.MSC_ListOwner';
import labelOwnerFilter from '@salesforce/label/c.MSC_ListOwnerFilterLabel';
import labelPolling from '@salesforce/label/c.MSC_ListPolling';
import labelShownOfTotal from '@salesforce/label/c.MSC_ListShownOfTotal';
import labelTotalCount from '@salesforce/label/c.MSC_ListTotalCount';
import labelUnknownEndUser from '@salesforce/label/c.MSC_ListUnknownEndUser';
import labelClearFilters from '@salesforce/label/c.MSC_ListClearFilters';
import labelDrillInClear from '@salesforce/label/c.MSC_ListDrillInClear';
import labelEmptyTitle from '@salesforce/label/c.MSC_ListEmptyTitle';
import labelErrorTitle from '@salesforce/label/c.MSC_ListErrorTitle';
import labelFiltersToggle from '@salesforce/label/c.MSC_ListFiltersToggle';
import labelLoadMore from '@salesforce/label/c.MSC_ListLoadMore';
import labelLoading from '@salesforce/label/c.MSC_ListLoading';
import labelRefresh from '@salesforce/label/c.MSC_ListRefresh';
import labelRetry from '@salesforce/label/c.MSC_ListRetry';
import labelSessions from '@salesforce/label/c.MSC_ListSessionsLabel';
import labelTitle from '@salesforce/label/c.MSC_ListTitle';
/** The texts the list's own template shows. */
export const LIST_LABELS = {
    title: labelTitle,
    refresh: labelRefresh,
    loading: labelLoading,
    loadMore: labelLoadMore,
    empty: labelEmptyTitle,
    clearFilters: labelClearFilters,
    errorTitle: labelErrorTitle,
    retry: labelRetry,
    filters: labelFiltersToggle,
    sessions: labelSessions,
    clearDrillIn: labelDrillInClear
};
/** What one row shows at `now`; `selectedId` is the session chosen last. */
export function sessionRowView(row, now, selectedId) {
    const clock = sessionClock(row, now);
    const owner = ownerView(row.owner, labelNotSet);
    const selected = row.id === selectedId;
    return {
        id: row.id,
        title: row.endUserName ?? labelUnknownEndUser,
        statusLabel: row.statusLabel,
        statusBadgeClass: row.statusBadgeClass,
        channelIcon: row.channelIcon,
        channelLabel: row.channelLabel,
        detailText: [row.name, row.channelLabel, row.channelName]
            .filter(Boolean)
            .join(' · '),
        // "Owner: Ada Agent", "Owner: Messaging Queue" with the queue badge, or "Owner hidden".
        ownerText: owner.isHidden
            ? owner.text
            : formatLabel(labelOwner, owner.text),
        ownerIsQueue: owner.isQueue,
        queueBadge: owner.queueBadge,
        caseText: row.caseNumber
            ? formatLabel(labelCase, row.caseNumber)
            : null,
        clockText: sessionClockText(clock),
        flagged: clock.flagged,
        preview: row.preview,
        openLabel: formatLabel(labelOpenSession, row.name),
        selected,
        itemClass: selected
            ? 'slds-item session-row session-row_selected'
            : 'slds-item session-row'
    };
}
/** Whether any row's duration is running (an open session with a start), so the clock must tick. */
export function hasRunningClock(rows) {
    return rows.some(
        (row) => row.isOpen && !row.endTime && (row.startTime || row.acceptTime)
    );
}
/** "Showing 3 of 5", "5 sessions", or '' before the count is known. */
export function totalText(shown, totalCount) {
    if (totalCount === null) return '';
    return shown < totalCount
        ? formatLabel(labelShownOfTotal, shown, totalCount)
        : formatLabel(labelTotalCount, totalCount);
}
/** How the list stays current: live updates (with the safety recheck), polling, or by hand. */
export function liveModeText(mode, pollSeconds, safetySeconds) {
    switch (mode) {
        case 'cdc':
            return safetySeconds
                ? formatLabel(labelLiveUpdatesChecked, safetySeconds)
                : labelLiveUpdates;
        case 'polling':
            return formatLabel(labelPolling, pollSeconds);
        case 'manual':
            return labelManualRefresh;
        default:
            return '';
    }
}
/** The label of each optional field (OPTIONAL_LIST_FIELDS), as the user knows it. */
const HIDDEN_FIELD_LABELS = {
    ChannelType: labelChannelFilter,
    ChannelName: labelColumnChannelName,
    AgentType: labelAgentTypeFilter,
    Origin: labelOriginFilter,
    AcceptTime: labelColumnAcceptTime,
    EndTime: labelColumnEndTime,
    PreviewDetails: labelColumnPreview,
    OwnerId: labelOwnerFilter,
    Owner: labelOwnerFilter,
    MessagingEndUser: labelColumnEndUser,
    'MessagingEndUser.Name': labelColumnEndUser,
    Case: labelColumnCaseNumber,
    'Case.CaseNumber': labelColumnCaseNumber
};
/** Which optional fields the server left out (field-level security), and that they are hidden. */
export function hiddenFieldsText(hiddenFields) {
    const names = [
        ...new Set(
            hiddenFields.map((path) => HIDDEN_FIELD_LABELS[path] ?? path)
        )
    ];
    return names.length ? formatLabel(labelFieldsHidden, names.join(', ')) : '';
}
