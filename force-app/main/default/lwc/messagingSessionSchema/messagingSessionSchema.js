/**
 * The MessagingSession schema as the console reads it: field references by role, the fields an
 * agent edits, picklist values with their meaning, and readers of a session's values (GraphQL
 * fields, UI API records, the polymorphic owner, message counts).
 */
import SESSION_OBJECT from '@salesforce/schema/MessagingSession';
import ACCEPT_TIME_FIELD from '@salesforce/schema/MessagingSession.AcceptTime';
import AGENT_MESSAGE_COUNT_FIELD from '@salesforce/schema/MessagingSession.AgentMessageCount';
import AGENT_TYPE_FIELD from '@salesforce/schema/MessagingSession.AgentType';
import CASE_FIELD from '@salesforce/schema/MessagingSession.CaseId';
import CHANNEL_GROUP_FIELD from '@salesforce/schema/MessagingSession.ChannelGroup';
import CHANNEL_INTENT_FIELD from '@salesforce/schema/MessagingSession.ChannelIntent';
import CHANNEL_KEY_FIELD from '@salesforce/schema/MessagingSession.ChannelKey';
import CHANNEL_LOCALE_FIELD from '@salesforce/schema/MessagingSession.ChannelLocale';
import CHANNEL_NAME_FIELD from '@salesforce/schema/MessagingSession.ChannelName';
import CHANNEL_TYPE_FIELD from '@salesforce/schema/MessagingSession.ChannelType';
import CONVERSATION_FIELD from '@salesforce/schema/MessagingSession.ConversationId';
import ENDED_BY_TYPE_FIELD from '@salesforce/schema/MessagingSession.EndedByType';
import END_TIME_FIELD from '@salesforce/schema/MessagingSession.EndTime';
import END_USER_ACCOUNT_FIELD from '@salesforce/schema/MessagingSession.EndUserAccountId';
import END_USER_CONTACT_FIELD from '@salesforce/schema/MessagingSession.EndUserContactId';
import END_USER_LANGUAGE_FIELD from '@salesforce/schema/MessagingSession.EndUserLanguage';
import END_USER_MESSAGE_COUNT_FIELD from '@salesforce/schema/MessagingSession.EndUserMessageCount';
import LEAD_FIELD from '@salesforce/schema/MessagingSession.LeadId';
import MESSAGING_CHANNEL_FIELD from '@salesforce/schema/MessagingSession.MessagingChannelId';
import MESSAGING_END_USER_FIELD from '@salesforce/schema/MessagingSession.MessagingEndUserId';
import NAME_FIELD from '@salesforce/schema/MessagingSession.Name';
import OPPORTUNITY_FIELD from '@salesforce/schema/MessagingSession.OpportunityId';
import ORIGIN_FIELD from '@salesforce/schema/MessagingSession.Origin';
import OWNER_FIELD from '@salesforce/schema/MessagingSession.OwnerId';
import PREVIEW_DETAILS_FIELD from '@salesforce/schema/MessagingSession.PreviewDetails';
import SESSION_KEY_FIELD from '@salesforce/schema/MessagingSession.SessionKey';
import START_TIME_FIELD from '@salesforce/schema/MessagingSession.StartTime';
import STATUS_FIELD from '@salesforce/schema/MessagingSession.Status';
import TARGET_USER_FIELD from '@salesforce/schema/MessagingSession.TargetUserId';
import labelAgentTypeAgent from '@salesforce/label/c.MSC_AgentTypeAgent';
import labelAgentTypeBot from '@salesforce/label/c.MSC_AgentTypeBot';
import labelAgentTypeBotToAgent from '@salesforce/label/c.MSC_AgentTypeBotToAgent';
import labelAgentTypeSystem from '@salesforce/label/c.MSC_AgentTypeSystem';
import labelChannelAlexa from '@salesforce/label/c.MSC_ChannelTypeAlexa';
import labelChannelApple from '@salesforce/label/c.MSC_ChannelTypeAppleBusinessChat';
import labelChannelEmbedded from '@salesforce/label/c.MSC_ChannelTypeEmbeddedMessaging';
import labelChannelFacebook from '@salesforce/label/c.MSC_ChannelTypeFacebook';
import labelChannelGoogleHome from '@salesforce/label/c.MSC_ChannelTypeGoogleHome';
import labelChannelLine from '@salesforce/label/c.MSC_ChannelTypeLine';
import labelChannelOmega from '@salesforce/label/c.MSC_ChannelTypeOmega';
import labelChannelPhone from '@salesforce/label/c.MSC_ChannelTypePhone';
import labelChannelText from '@salesforce/label/c.MSC_ChannelTypeText';
import labelChannelVoice from '@salesforce/label/c.MSC_ChannelTypeVoice';
import labelChannelWeChat from '@salesforce/label/c.MSC_ChannelTypeWeChat';
import labelChannelWebChat from '@salesforce/label/c.MSC_ChannelTypeWebChat';
import labelChannelWhatsApp from '@salesforce/label/c.MSC_ChannelTypeWhatsApp';
import labelOriginAgentInitiated from '@salesforce/label/c.MSC_OriginAgentInitiated';
import labelOriginConversationClose from '@salesforce/label/c.MSC_OriginConversationClose';
import labelOriginConversationControlLost from '@salesforce/label/c.MSC_OriginConversationControlLost';
import labelOriginHelp from '@salesforce/label/c.MSC_OriginHelp';
import labelOriginInboundInitiated from '@salesforce/label/c.MSC_OriginInboundInitiated';
import labelOriginOptIn from '@salesforce/label/c.MSC_OriginOptIn';
import labelOriginOptOut from '@salesforce/label/c.MSC_OriginOptOut';
import labelOriginTriggeredOutbound from '@salesforce/label/c.MSC_OriginTriggeredOutbound';
import labelStatusActive from '@salesforce/label/c.MSC_StatusActive';
import labelStatusConsent from '@salesforce/label/c.MSC_StatusConsent';
import labelStatusEnded from '@salesforce/label/c.MSC_StatusEnded';
import labelStatusError from '@salesforce/label/c.MSC_StatusError';
import labelStatusInactive from '@salesforce/label/c.MSC_StatusInactive';
import labelStatusNew from '@salesforce/label/c.MSC_StatusNew';
import labelStatusPaused from '@salesforce/label/c.MSC_StatusPaused';
import labelStatusWaiting from '@salesforce/label/c.MSC_StatusWaiting';
import labelNotCounted from '@salesforce/label/c.MSC_MessagesNotCounted';
import labelOwnerHidden from '@salesforce/label/c.MSC_OwnerHidden';
import labelQueueBadge from '@salesforce/label/c.MSC_DetailQueue';
import { isObject } from 'c/messagingErrors';
// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------
export { SESSION_OBJECT };
/** Every MessagingSession field of the object reference that the console reads, by role. */
export const SESSION_FIELDS = {
    acceptTime: ACCEPT_TIME_FIELD,
    agentMessageCount: AGENT_MESSAGE_COUNT_FIELD,
    agentType: AGENT_TYPE_FIELD,
    caseId: CASE_FIELD,
    channelGroup: CHANNEL_GROUP_FIELD,
    channelIntent: CHANNEL_INTENT_FIELD,
    channelKey: CHANNEL_KEY_FIELD,
    channelLocale: CHANNEL_LOCALE_FIELD,
    channelName: CHANNEL_NAME_FIELD,
    channelType: CHANNEL_TYPE_FIELD,
    conversationId: CONVERSATION_FIELD,
    endedByType: ENDED_BY_TYPE_FIELD,
    endTime: END_TIME_FIELD,
    endUserAccountId: END_USER_ACCOUNT_FIELD,
    endUserContactId: END_USER_CONTACT_FIELD,
    endUserLanguage: END_USER_LANGUAGE_FIELD,
    endUserMessageCount: END_USER_MESSAGE_COUNT_FIELD,
    leadId: LEAD_FIELD,
    messagingChannelId: MESSAGING_CHANNEL_FIELD,
    messagingEndUserId: MESSAGING_END_USER_FIELD,
    name: NAME_FIELD,
    opportunityId: OPPORTUNITY_FIELD,
    origin: ORIGIN_FIELD,
    ownerId: OWNER_FIELD,
    previewDetails: PREVIEW_DETAILS_FIELD,
    sessionKey: SESSION_KEY_FIELD,
    startTime: START_TIME_FIELD,
    status: STATUS_FIELD,
    targetUserId: TARGET_USER_FIELD
};
/**
 * The only session fields an agent edits, in the order the detail's form shows them: the links an
 * agent sets during a conversation. The Agent permission set grants edit on exactly these.
 * Never OwnerId (editing it is not an Omni-Channel transfer: the work item stays with the agent)
 * nor the channel fields (ChannelGroup, ChannelIntent, ChannelLocale) or TargetUserId.
 */
export const EDITABLE_FIELD_ROLES = ['caseId', 'leadId', 'opportunityId'];
/** The API names of the two duration fields stamped by the MSC_MessagingSession_Stamp_Durations flow. */
export const WAIT_SECONDS_FIELD_NAME = 'MSC_WaitSeconds__c';
export const HANDLE_SECONDS_FIELD_NAME = 'MSC_HandleSeconds__c';
const BADGE = {
    success: 'slds-badge slds-theme_success',
    warning: 'slds-badge slds-theme_warning',
    error: 'slds-badge slds-theme_error',
    inverse: 'slds-badge slds-badge_inverse',
    neutral: 'slds-badge'
};
/** MessagingSession.Status, in lifecycle order (object reference, API 66.0). */
export const SESSION_STATUSES = [
    {
        value: 'New',
        label: labelStatusNew,
        availability: 'standard',
        isOpen: true,
        badgeClass: BADGE.neutral
    },
    {
        value: 'Consent',
        label: labelStatusConsent,
        availability: 'enhanced',
        isOpen: true,
        badgeClass: BADGE.neutral
    },
    {
        value: 'Waiting',
        label: labelStatusWaiting,
        availability: 'both',
        isOpen: true,
        badgeClass: BADGE.warning
    },
    {
        value: 'Active',
        label: labelStatusActive,
        availability: 'both',
        isOpen: true,
        badgeClass: BADGE.success
    },
    {
        value: 'Paused',
        label: labelStatusPaused,
        availability: 'enhanced',
        isOpen: true,
        badgeClass: BADGE.warning
    },
    {
        value: 'Inactive',
        label: labelStatusInactive,
        availability: 'enhanced',
        isOpen: true,
        badgeClass: BADGE.neutral
    },
    {
        value: 'Ended',
        label: labelStatusEnded,
        availability: 'both',
        isOpen: false,
        badgeClass: BADGE.inverse
    },
    {
        value: 'Error',
        label: labelStatusError,
        availability: 'enhanced',
        isOpen: false,
        badgeClass: BADGE.error
    }
];
/** The statuses counted as "open now" in workload figures: an agent is or will be busy with them. */
export const OPEN_WORK_STATUSES = ['Active', 'Waiting', 'Paused'];
/**
 * The statuses of a session waiting for an agent: Waiting, plus New, which only standard channels
 * have (routed, not yet accepted). The backlog counts them and its drill-in shows them.
 */
export const WAITING_STATUSES = ['Waiting', 'New'];
/** MessagingSession.ChannelType (object reference, API 66.0). */
export const CHANNEL_TYPES = [
    {
        value: 'Text',
        label: labelChannelText,
        availability: 'both',
        iconName: 'utility:sms'
    },
    {
        value: 'WhatsApp',
        label: labelChannelWhatsApp,
        availability: 'both',
        iconName: 'utility:chat'
    },
    {
        value: 'Facebook',
        label: labelChannelFacebook,
        availability: 'both',
        iconName: 'utility:facebook'
    },
    {
        value: 'EmbeddedMessaging',
        label: labelChannelEmbedded,
        availability: 'enhanced',
        iconName: 'utility:chat'
    },
    {
        value: 'AppleBusinessChat',
        label: labelChannelApple,
        availability: 'both',
        iconName: 'utility:apple'
    },
    {
        value: 'Line',
        label: labelChannelLine,
        availability: 'both',
        iconName: 'utility:chat'
    },
    {
        value: 'WeChat',
        label: labelChannelWeChat,
        availability: 'both',
        iconName: 'utility:chat'
    },
    {
        value: 'WebChat',
        label: labelChannelWebChat,
        availability: 'both',
        iconName: 'utility:chat'
    },
    {
        value: 'Phone',
        label: labelChannelPhone,
        availability: 'both',
        iconName: 'utility:call'
    },
    {
        value: 'Voice',
        label: labelChannelVoice,
        availability: 'both',
        iconName: 'utility:call'
    },
    {
        value: 'Alexa',
        label: labelChannelAlexa,
        availability: 'both',
        iconName: 'utility:volume_high'
    },
    {
        value: 'GoogleHome',
        label: labelChannelGoogleHome,
        availability: 'both',
        iconName: 'utility:volume_high'
    },
    {
        value: 'Omega',
        label: labelChannelOmega,
        availability: 'both',
        iconName: 'utility:chat'
    }
];
/** The icon for a channel value the console does not know. */
export const UNKNOWN_CHANNEL_ICON = 'utility:question_mark';
/** MessagingSession.AgentType. System is used for triggered outbound messages. */
export const AGENT_TYPES = [
    { value: 'Agent', label: labelAgentTypeAgent, availability: 'both' },
    { value: 'Bot', label: labelAgentTypeBot, availability: 'both' },
    {
        value: 'BotToAgent',
        label: labelAgentTypeBotToAgent,
        availability: 'both'
    },
    { value: 'System', label: labelAgentTypeSystem, availability: 'both' }
];
/** MessagingSession.Origin: who or what started the session. */
export const SESSION_ORIGINS = [
    {
        value: 'InboundInitiated',
        label: labelOriginInboundInitiated,
        availability: 'both'
    },
    {
        value: 'AgentInitiated',
        label: labelOriginAgentInitiated,
        availability: 'both'
    },
    {
        value: 'TriggeredOutbound',
        label: labelOriginTriggeredOutbound,
        availability: 'both'
    },
    { value: 'OptIn', label: labelOriginOptIn, availability: 'both' },
    { value: 'OptOut', label: labelOriginOptOut, availability: 'both' },
    { value: 'Help', label: labelOriginHelp, availability: 'both' },
    {
        value: 'ConversationClose',
        label: labelOriginConversationClose,
        availability: 'both'
    },
    {
        value: 'ConversationControlLost',
        label: labelOriginConversationControlLost,
        availability: 'both'
    }
];
/**
 * The option for a value, or undefined when the org returns a value this console does not know
 * (a newer release, or a value added since). Callers then show the raw value.
 */
export function findOption(options, value) {
    return value == null
        ? undefined
        : options.find((option) => option.value === value);
}
/** The label for a picklist value: the org's display value first, then ours, then the raw value. */
export function picklistLabel(options, value, displayValue) {
    if (value == null || value === '') {
        return '';
    }
    return displayValue || findOption(options, value)?.label || value;
}
export function statusOption(value) {
    return findOption(SESSION_STATUSES, value);
}
export function isOpenStatus(value) {
    return statusOption(value)?.isOpen ?? false;
}
export function channelIcon(value) {
    return findOption(CHANNEL_TYPES, value)?.iconName ?? UNKNOWN_CHANNEL_ICON;
}
/**
 * Whether a session runs on the enhanced Messaging platform, where Salesforce does not calculate
 * AgentMessageCount and EndUserMessageCount. Known from the channel's PlatformType when it can be
 * read; otherwise inferred from a channel type or status that only enhanced Messaging has.
 */
export function isEnhancedSession(session) {
    if (session.platformType) {
        return session.platformType === 'Enhanced';
    }
    return (
        findOption(CHANNEL_TYPES, session.channelType)?.availability ===
            'enhanced' ||
        statusOption(session.status)?.availability === 'enhanced'
    );
}
// ---------------------------------------------------------------------------------------------
// Field labels
// ---------------------------------------------------------------------------------------------
/**
 * The label of a lookup field as Salesforce record pages show it: describe labels of standard
 * lookups end in " ID" ("Case ID", "Owner ID"), the pages show "Case" and "Owner".
 */
export function lookupLabel(label) {
    return (label ?? '').replace(/\s+ID$/, '');
}
/** The value of a GraphQL UI API field, null when the field or its value is absent. */
export function gqlValue(field) {
    return field?.value ?? null;
}
/**
 * The field representation at a dotted path of a UI API record, following spanning fields
 * ("Owner.Name" reads record.fields.Owner.value.fields.Name). Undefined when the record does not
 * carry the path: the field was not requested, or it is hidden from the user (optionalFields).
 */
export function recordField(record, path) {
    let current = record;
    const names = path.split('.');
    for (let index = 0; index < names.length; index++) {
        const field = current?.fields?.[names[index]];
        if (field === undefined || index === names.length - 1) {
            return field;
        }
        const value = field.value;
        current = isObject(value) ? value : null;
        if (!current) {
            // A null relationship: the path exists but holds no record.
            return { value: null, displayValue: null };
        }
    }
    return undefined;
}
/**
 * A field value (as getFieldValue returns it) as a scalar: undefined stays undefined (not
 * returned), a nested record (a relationship) reads as null.
 */
export function scalarValue(value) {
    if (value === undefined) {
        return undefined;
    }
    return isObject(value) ? null : value;
}
/** A field value (as getFieldValue returns it) as a string: null when absent, empty or a record. */
export function scalarText(value) {
    const scalar = scalarValue(value);
    return scalar == null || scalar === '' ? null : String(scalar);
}
/** The scalar value at a path: undefined when not returned, null when empty, never a nested record. */
export function recordValue(record, path) {
    return scalarValue(recordField(record, path)?.value);
}
/** The scalar value at a path as a string, null when absent or empty. */
export function recordString(record, path) {
    return scalarText(recordValue(record, path));
}
/** The nested record of a relationship field ("Owner"), null when absent or empty. */
export function relatedRecord(record, relationshipName) {
    const value = record?.fields?.[relationshipName]?.value;
    return isObject(value) ? value : null;
}
/**
 * Appends a page to the items already shown. An item whose key is already present is replaced in
 * place, so a page served again (a refresh, or an item that moved between pages) never duplicates
 * it. Items without a key are appended as they come.
 */
export function mergeByKey(existing, incoming, keyOf) {
    const merged = [...existing];
    const positions = new Map();
    merged.forEach((item, index) => {
        const key = keyOf(item);
        if (key) positions.set(key, index);
    });
    for (const item of incoming) {
        const key = keyOf(item);
        const position = key ? positions.get(key) : undefined;
        if (position === undefined) {
            if (key) positions.set(key, merged.length);
            merged.push(item);
        } else {
            merged[position] = item;
        }
    }
    return merged;
}
/** Appends a page of related-list records to those already shown, by record id (see mergeByKey). */
export function mergeRecordPages(existing, incoming) {
    return mergeByKey(existing, incoming, (record) => record.id);
}
/** Key prefix of Group records: an OwnerId starting with it is a queue, not a user. */
const GROUP_KEY_PREFIX = '00G';
/** Whether an OwnerId belongs to a queue (a Group) rather than a user: the one test of it. */
export function isQueueOwnerId(ownerId) {
    return typeof ownerId === 'string' && ownerId.startsWith(GROUP_KEY_PREFIX);
}
function kindOfType(typeName, id) {
    if (typeName === 'Group') return 'queue';
    if (typeName === 'User') return 'user';
    return isQueueOwnerId(id) ? 'queue' : 'user';
}
function ownerOf(idField, related) {
    const idValue = isObject(idField) ? idField.value : undefined;
    const fieldId =
        typeof idValue === 'string' && idValue !== '' ? idValue : null;
    if (related) {
        const id = related.id || fieldId;
        const name =
            typeof related.name === 'string' && related.name !== ''
                ? related.name
                : null;
        return { kind: kindOfType(related.typeName, id), id, name };
    }
    if (fieldId) {
        // The id is readable but the record isn't: the owner exists and is hidden from this user.
        return { kind: 'hidden', id: fieldId, name: null };
    }
    // OwnerId left out of the response means it is hidden; an explicit null means no owner.
    return idField === undefined
        ? { kind: 'hidden', id: null, name: null }
        : { kind: 'none', id: null, name: null };
}
/**
 * The owner of a session, from either shape the console reads:
 * - a GraphQL node with `OwnerId { value }` and the `Owner` union (`__typename` User or Group);
 * - a UI API record with `fields.OwnerId` and the spanning `fields.Owner` (`apiName` User or Group).
 * Without a type name the key prefix decides (00G is a Group). The one place that tells queues
 * from users: list, detail and metrics read owners through it.
 */
export function readSessionOwner(source) {
    if (!source) {
        return { kind: 'hidden', id: null, name: null };
    }
    const fields = source.fields;
    if (isObject(fields)) {
        const record = source;
        const related = relatedRecord(record, 'Owner');
        return ownerOf(
            fields.OwnerId,
            related
                ? {
                      typeName: related.apiName,
                      id: related.id,
                      name: recordString(related, 'Name')
                  }
                : null
        );
    }
    const node = source;
    const owner = typeof node.Owner === 'object' ? node.Owner : null;
    return ownerOf(
        node.OwnerId,
        owner
            ? {
                  typeName: owner.__typename,
                  id: owner.Id,
                  name: gqlValue(owner.Name)
              }
            : null
    );
}
/** The badge classes beside a queue owner, shared by the list and the detail. */
export const QUEUE_BADGE_CLASS = 'queue-badge slds-badge';
export function ownerView(owner, notSet) {
    const isHidden = owner.kind === 'hidden';
    const fallback = owner.kind === 'none' ? notSet : labelOwnerHidden;
    return {
        kind: owner.kind,
        text: owner.name || fallback,
        isQueue: owner.kind === 'queue',
        isHidden,
        queueBadge: labelQueueBadge
    };
}
// ---------------------------------------------------------------------------------------------
// Message counts
// ---------------------------------------------------------------------------------------------
/**
 * A message count as shown: the number, or "Not counted" when Salesforce left it null
 * (it doesn't count messages in enhanced sessions). Never 0 for a count that wasn't made.
 */
export function messageCountText(value, locale) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        return labelNotCounted;
    }
    try {
        return new Intl.NumberFormat(locale).format(value);
    } catch {
        return String(value);
    }
}
