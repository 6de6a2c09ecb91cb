/**
 * Pure view-model builders of messagingSessionDetail: which fields it reads, the header,
 * durations, linked records, message counts and the inline-edit draft.
 */
import { getFieldDisplayValue, getFieldValue } from 'lightning/uiRecordApi';
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    EDITABLE_FIELD_ROLES,
    SESSION_FIELDS,
    SESSION_ORIGINS,
    SESSION_STATUSES,
    channelIcon,
    isEnhancedSession,
    isOpenStatus,
    lookupLabel,
    messageCountText,
    ownerView,
    picklistLabel,
    readSessionOwner,
    scalarText,
    statusOption
} from 'c/messagingSessionSchema';
import {
    formatDuration,
    formatLabel,
    sessionClock,
    sessionClockText,
    sessionDurations
} from 'c/messagingTime';
import labelDurationInvalid from '@salesforce/label/c.MSC_DetailDurationInvalid';
import labelDurationUnavailable from '@salesforce/label/c.MSC_DetailDurationUnavailable';
import labelFieldAccount from '@salesforce/label/c.MSC_DetailFieldAccount';
import labelFieldCase from '@salesforce/label/c.MSC_DetailFieldCase';
import labelFieldChannel from '@salesforce/label/c.MSC_DetailFieldChannel';
import labelFieldContact from '@salesforce/label/c.MSC_DetailFieldContact';
import labelFieldConversation from '@salesforce/label/c.MSC_DetailFieldConversation';
import labelFieldEndUser from '@salesforce/label/c.MSC_DetailFieldEndUser';
import labelFieldLead from '@salesforce/label/c.MSC_DetailFieldLead';
import labelFieldOpportunity from '@salesforce/label/c.MSC_DetailFieldOpportunity';
import labelFieldOwner from '@salesforce/label/c.MSC_DetailFieldOwner';
import labelFieldTargetUser from '@salesforce/label/c.MSC_DetailFieldTargetUser';
import labelHandle from '@salesforce/label/c.MSC_DetailHandle';
import labelLength from '@salesforce/label/c.MSC_DetailLength';
import labelNotSet from '@salesforce/label/c.MSC_DetailNotSet';
import labelOpenRecord from '@salesforce/label/c.MSC_DetailOpenRecord';
import labelRunning from '@salesforce/label/c.MSC_DetailRunning';
import labelSearchPlaceholder from '@salesforce/label/c.MSC_DetailSearchPlaceholder';
import labelSessionLengthInstead from '@salesforce/label/c.MSC_DetailSessionLengthInstead';
import labelWait from '@salesforce/label/c.MSC_DetailWait';
export const SESSION_OBJECT_NAME = 'MessagingSession';
const qualified = (fieldApiName) => `${SESSION_OBJECT_NAME}.${fieldApiName}`;
/** A session field (or spanning path, "Case.CaseNumber") as text: null when hidden, empty or a record. */
function fieldText(record, path) {
    return scalarText(getFieldValue(record, qualified(path)));
}
/** A session field's display value (the picklist label, the lookup's name), null without one. */
function fieldDisplay(record, path) {
    return getFieldDisplayValue(record, qualified(path)) ?? null;
}
export const LINKS = [
    {
        idField: 'CaseId',
        relationship: 'Case',
        nameField: 'CaseNumber',
        objectApiName: 'Case',
        fallbackLabel: labelFieldCase
    },
    {
        idField: 'LeadId',
        relationship: 'Lead',
        nameField: 'Name',
        objectApiName: 'Lead',
        fallbackLabel: labelFieldLead
    },
    {
        idField: 'OpportunityId',
        relationship: 'Opportunity',
        nameField: 'Name',
        objectApiName: 'Opportunity',
        fallbackLabel: labelFieldOpportunity
    },
    {
        idField: 'EndUserContactId',
        relationship: 'EndUserContact',
        nameField: 'Name',
        objectApiName: 'Contact',
        fallbackLabel: labelFieldContact
    },
    {
        idField: 'EndUserAccountId',
        relationship: 'EndUserAccount',
        nameField: 'Name',
        objectApiName: 'Account',
        fallbackLabel: labelFieldAccount
    },
    {
        idField: 'MessagingEndUserId',
        relationship: 'MessagingEndUser',
        nameField: 'Name',
        objectApiName: 'MessagingEndUser',
        fallbackLabel: labelFieldEndUser
    },
    {
        idField: 'MessagingChannelId',
        relationship: 'MessagingChannel',
        nameField: 'MasterLabel',
        objectApiName: 'MessagingChannel',
        fallbackLabel: labelFieldChannel
    },
    {
        idField: 'OwnerId',
        relationship: 'Owner',
        nameField: 'Name',
        objectApiName: 'User',
        fallbackLabel: labelFieldOwner
    },
    {
        idField: 'TargetUserId',
        relationship: 'TargetUser',
        nameField: 'Name',
        objectApiName: 'User',
        fallbackLabel: labelFieldTargetUser
    },
    {
        idField: 'ConversationId',
        relationship: 'Conversation',
        nameField: 'Name',
        objectApiName: 'Conversation',
        fallbackLabel: labelFieldConversation
    }
];
/** The channel's platform type (Standard or Enhanced), read when the user may see the channel. */
export const PLATFORM_TYPE_PATH = 'MessagingChannel.PlatformType';
/** The field whose value updateRecord's ifUnmodifiedSince takes (LWC guide, updateRecord). */
export const LAST_MODIFIED_DATE = 'LastModifiedDate';
// ---------------------------------------------------------------------------------------------
// getRecord configuration
// ---------------------------------------------------------------------------------------------
/** Required fields: only what every user who can open the session can read. */
export const DETAIL_FIELDS = [qualified(SESSION_FIELDS.name.fieldApiName)];
/**
 * Everything else is optional, so that one field hidden by field-level security (or a related
 * object the user can't read) leaves that field out instead of failing the whole record.
 */
export const DETAIL_OPTIONAL_FIELDS = [
    ...Object.values(SESSION_FIELDS)
        .map((field) => field.fieldApiName)
        .filter((name) => name !== SESSION_FIELDS.name.fieldApiName)
        .map(qualified),
    ...LINKS.map((link) => qualified(`${link.relationship}.${link.nameField}`)),
    qualified(PLATFORM_TYPE_PATH),
    qualified(LAST_MODIFIED_DATE)
];
/** The direct (non-spanning) optional fields: one missing from a record means it is hidden. */
const DIRECT_OPTIONAL_FIELDS = Object.values(SESSION_FIELDS)
    .map((field) => field.fieldApiName)
    .filter((name) => name !== SESSION_FIELDS.name.fieldApiName);
/** The API names of optional fields the record came back without (hidden from this user). */
export function hiddenFields(record) {
    if (!record) {
        return [];
    }
    return DIRECT_OPTIONAL_FIELDS.filter(
        (name) => record.fields?.[name] === undefined
    );
}
// ---------------------------------------------------------------------------------------------
// Field labels from the object info
// ---------------------------------------------------------------------------------------------
export function fieldLabel(objectInfo, fieldApiName, fallback) {
    return objectInfo?.fields?.[fieldApiName]?.label || fallback;
}
/**
 * The label of a lookup shown as a link. Describe labels of standard lookups end in " ID"
 * ("Case ID"); Salesforce record pages show them without it ("Case"), and so does the console.
 */
export function referenceLabel(objectInfo, fieldApiName, fallback) {
    return (
        lookupLabel(fieldLabel(objectInfo, fieldApiName, fallback)) || fallback
    );
}
function orNotSet(text) {
    return text || labelNotSet;
}
export function buildHeader(record) {
    const status = fieldText(record, 'Status');
    const channelType = fieldText(record, 'ChannelType');
    const preview = fieldText(record, 'PreviewDetails');
    return {
        name: fieldText(record, 'Name') ?? record.id ?? '',
        status: orNotSet(
            picklistLabel(
                SESSION_STATUSES,
                status,
                fieldDisplay(record, 'Status')
            )
        ),
        statusBadgeClass: statusOption(status)?.badgeClass ?? 'slds-badge',
        channelType: orNotSet(
            picklistLabel(
                CHANNEL_TYPES,
                channelType,
                fieldDisplay(record, 'ChannelType')
            )
        ),
        channelIcon: channelIcon(channelType),
        channelName: orNotSet(fieldText(record, 'ChannelName')),
        origin: orNotSet(
            picklistLabel(
                SESSION_ORIGINS,
                fieldText(record, 'Origin'),
                fieldDisplay(record, 'Origin')
            )
        ),
        agentType: orNotSet(
            picklistLabel(
                AGENT_TYPES,
                fieldText(record, 'AgentType'),
                fieldDisplay(record, 'AgentType')
            )
        ),
        // Shown as text: markup in a preview is never interpreted.
        preview: preview ?? '',
        hasPreview: Boolean(preview)
    };
}
export function spanText(span) {
    switch (span.state) {
        case 'complete':
            return formatDuration(span.seconds);
        case 'running':
            return formatLabel(labelRunning, formatDuration(span.seconds));
        case 'invalid':
            return labelDurationInvalid;
        default:
            return labelDurationUnavailable;
    }
}
/** Whether the session's spans run against the clock (it is open and has not ended). */
export function isTicking(record) {
    return (
        isOpenStatus(fieldText(record, 'Status')) &&
        !fieldText(record, 'EndTime')
    );
}
export function buildDurations(record, now) {
    const durations = sessionDurations(
        {
            startTime: fieldText(record, 'StartTime'),
            acceptTime: fieldText(record, 'AcceptTime'),
            endTime: fieldText(record, 'EndTime')
        },
        isTicking(record) ? now : undefined
    );
    const view = (key, label) => {
        const span = durations[key];
        return {
            key,
            label,
            text: spanText(span),
            state: span.state,
            isInvalid: span.state === 'invalid',
            isRunning: span.state === 'running'
        };
    };
    return [
        view('wait', labelWait),
        view('handle', labelHandle),
        view('length', labelLength)
    ];
}
/** The live duration beside the status, worded as the list words it ("Waiting for 4m 09s"). */
export function buildStatusClock(record, now) {
    return sessionClockText(
        sessionClock(
            {
                status: fieldText(record, 'Status'),
                startTime: fieldText(record, 'StartTime'),
                acceptTime: fieldText(record, 'AcceptTime'),
                endTime: fieldText(record, 'EndTime')
            },
            now
        )
    );
}
export function buildLinks(record, objectInfo) {
    const views = [];
    for (const link of LINKS) {
        const idValue = getFieldValue(record, qualified(link.idField));
        if (idValue === undefined) {
            // Hidden from this user: left out rather than shown as empty.
            continue;
        }
        const recordId = scalarText(idValue);
        const related = getFieldValue(record, qualified(link.relationship));
        const relatedName = fieldText(
            record,
            `${link.relationship}.${link.nameField}`
        );
        // The owner is a User or a queue, or hidden from this user (the list reads it the same way).
        const owner =
            link.idField === 'OwnerId' ? readSessionOwner(record) : null;
        const isQueue = owner?.kind === 'queue';
        let name = recordId
            ? relatedName || fieldDisplay(record, link.idField) || recordId
            : labelNotSet;
        if (owner) {
            name = ownerView(owner, labelNotSet).text;
        }
        views.push({
            key: link.idField,
            label: referenceLabel(objectInfo, link.idField, link.fallbackLabel),
            name,
            recordId,
            objectApiName: isQueue
                ? 'Group'
                : (related?.apiName ?? link.objectApiName),
            hasRecord: Boolean(recordId),
            isQueue,
            canOpen:
                Boolean(recordId) && (owner ? owner.kind === 'user' : true),
            openLabel: formatLabel(labelOpenRecord, name)
        });
    }
    return views;
}
export function buildCounts(record, now, locale) {
    const isEnhanced = isEnhancedSession({
        platformType: fieldText(record, PLATFORM_TYPE_PATH),
        channelType: fieldText(record, 'ChannelType'),
        status: fieldText(record, 'Status')
    });
    const length = buildDurations(record, now).find(
        (view) => view.key === 'length'
    );
    return {
        isEnhanced,
        agentMessages: messageCountText(
            getFieldValue(record, qualified('AgentMessageCount')),
            locale
        ),
        endUserMessages: messageCountText(
            getFieldValue(record, qualified('EndUserMessageCount')),
            locale
        ),
        sessionLengthText: formatLabel(
            labelSessionLengthInstead,
            length?.text ?? labelDurationUnavailable
        )
    };
}
/**
 * The edit form: one record picker per field of EDITABLE_FIELD_ROLES (the one list of what an
 * agent edits), in that order, described by its entry in LINKS.
 */
export const EDIT_FIELDS = EDITABLE_FIELD_ROLES.map((role) => {
    const apiName = SESSION_FIELDS[role].fieldApiName;
    const link = LINKS.find((candidate) => candidate.idField === apiName);
    if (!link) {
        throw new Error(`${apiName} is editable but has no LINKS entry.`);
    }
    return {
        apiName,
        objectApiName: link.objectApiName,
        fallbackLabel: link.fallbackLabel
    };
});
/** What lightning-record-picker shows and matches for each object it searches. */
const PICKER_INFO = {
    Case: { primary: 'CaseNumber', additional: ['Subject'] },
    Lead: { primary: 'Name', additional: ['Company'] },
    Opportunity: { primary: 'Name', additional: ['StageName'] }
};
/** The editable fields this user may update, per the object info. Without object info: none. */
export function editableFields(objectInfo, record) {
    if (!objectInfo) {
        return [];
    }
    return EDIT_FIELDS.filter(
        (field) =>
            objectInfo.fields?.[field.apiName]?.updateable === true &&
            // A field hidden from the user can't be edited meaningfully.
            (!record || record.fields?.[field.apiName] !== undefined)
    );
}
/**
 * The value for updateRecord's ifUnmodifiedSince: the record's LastModifiedDate exactly as UI API
 * returned it (reformatting it, e.g. to an HTTP date, drops the milliseconds). The record
 * representation's lastModifiedDate holds the same instant when the field is not returned.
 */
export function lastModifiedDate(record) {
    return (
        fieldText(record, LAST_MODIFIED_DATE) ??
        record.lastModifiedDate ??
        undefined
    );
}
export function initialDraft(record, fields) {
    const draft = {};
    for (const field of fields) {
        draft[field.apiName] = fieldText(record, field.apiName);
    }
    return draft;
}
const normalize = (value) => {
    const trimmed = value == null ? '' : value.trim();
    return trimmed === '' ? null : trimmed;
};
/** Only the fields whose drafted value differs from the record; blank text becomes null. */
export function changedFields(record, draft, fields) {
    const changes = {};
    for (const field of fields) {
        if (!(field.apiName in draft)) continue;
        const next = normalize(draft[field.apiName]);
        if (next !== normalize(fieldText(record, field.apiName))) {
            changes[field.apiName] = next;
        }
    }
    return changes;
}
/**
 * The draft moved onto a newer version of the record: what the agent changed (relative to the
 * version they started from) is kept, every other field takes the newer value, so a save after a
 * reload never undoes what someone else saved meanwhile.
 */
export function rebaseDraft(base, latest, draft, fields) {
    return {
        ...initialDraft(latest, fields),
        ...changedFields(base, draft, fields)
    };
}
export function buildEditFields(fields, draft, errors, objectInfo) {
    return fields.map((field) => {
        const label = fieldLabel(
            objectInfo,
            field.apiName,
            field.fallbackLabel
        );
        const info = PICKER_INFO[field.objectApiName];
        const error = errors[field.apiName] ?? '';
        return {
            apiName: field.apiName,
            label,
            objectApiName: field.objectApiName,
            value: draft[field.apiName] ?? '',
            placeholder: formatLabel(labelSearchPlaceholder, label),
            displayInfo: info
                ? {
                      primaryField: info.primary,
                      additionalFields: info.additional
                  }
                : undefined,
            matchingInfo: info
                ? {
                      primaryField: { fieldPath: info.primary },
                      additionalFields: info.additional.map((fieldPath) => ({
                          fieldPath
                      }))
                  }
                : undefined,
            error,
            hasError: Boolean(error)
        };
    });
}
