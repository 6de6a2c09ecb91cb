// The MessagingSession describe for component tests. The JSON is generated from the preview's
// description (`npm run fixtures`); this org's admin relabelled some fields, so a test can tell a
// label read from the describe from one the code falls back to.
import objectInfo from '../jest-data/getObjectInfo.json';

const ADMIN_LABELS: Record<string, string> = {
    CaseId: 'Linked Case',
    ChannelGroup: 'Channel Group',
    ChannelIntent: 'Channel Intent',
    ChannelLocale: 'Channel Locale',
    EndUserAccountId: 'Customer Account',
    EndUserContactId: 'Customer Contact',
    LeadId: 'Linked Lead',
    OpportunityId: 'Linked Opportunity',
    OwnerId: 'Session Owner',
    TargetUserId: 'Target Agent'
};

function relabelled(): typeof objectInfo {
    const copy = JSON.parse(JSON.stringify(objectInfo)) as typeof objectInfo;
    const fields = copy.fields as Record<string, { label: string }>;
    for (const [name, label] of Object.entries(ADMIN_LABELS))
        fields[name].label = label;
    return copy;
}

/** getObjectInfo's MessagingSession data in an org with relabelled fields. */
export const RELABELLED_OBJECT_INFO = relabelled();
