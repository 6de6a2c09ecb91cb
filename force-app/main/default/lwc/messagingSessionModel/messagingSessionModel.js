/**
 * The shared model of the Messaging Session Console: field references, picklist values with
 * their meaning, session durations, message-channel payloads and readable errors.
 * Components import from here instead of repeating field names, value lists or error handling.
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
import TIME_ZONE from '@salesforce/i18n/timeZone';
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
import labelDurationDays from '@salesforce/label/c.MSC_DurationDays';
import labelDurationHours from '@salesforce/label/c.MSC_DurationHours';
import labelDurationMinutes from '@salesforce/label/c.MSC_DurationMinutes';
import labelDurationSeconds from '@salesforce/label/c.MSC_DurationSeconds';
import labelErrorAccess from '@salesforce/label/c.MSC_ErrorAccess';
import labelErrorConflict from '@salesforce/label/c.MSC_ErrorConflict';
import labelErrorLocked from '@salesforce/label/c.MSC_ErrorLocked';
import labelErrorNetwork from '@salesforce/label/c.MSC_ErrorNetwork';
import labelErrorNotFound from '@salesforce/label/c.MSC_ErrorNotFound';
import labelErrorUnknown from '@salesforce/label/c.MSC_ErrorUnknown';
import labelErrorUnsupported from '@salesforce/label/c.MSC_ErrorUnsupported';
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
import labelActiveFor from '@salesforce/label/c.MSC_ListActiveFor';
import labelLasted from '@salesforce/label/c.MSC_ListLasted';
import labelNotCounted from '@salesforce/label/c.MSC_MessagesNotCounted';
import labelOpenFor from '@salesforce/label/c.MSC_ListOpenFor';
import labelOwnerHidden from '@salesforce/label/c.MSC_OwnerHidden';
import labelQueueBadge from '@salesforce/label/c.MSC_DetailQueue';
import labelWaitingFor from '@salesforce/label/c.MSC_ListWaitingFor';
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
const UNAVAILABLE = Object.freeze({
    seconds: null,
    state: 'unavailable'
});
const INVALID = Object.freeze({ seconds: null, state: 'invalid' });
/** Milliseconds since the epoch, null when absent, NaN when present but unreadable. */
function toMillis(value) {
    if (value == null || value === '') {
        return null;
    }
    return Date.parse(value);
}
/**
 * The span between two instants. Without an end, the span runs to `now` when one is given (an
 * open session); otherwise it is unavailable.
 */
export function timeSpan(from, to, now) {
    const start = toMillis(from);
    const end = toMillis(to);
    if (Number.isNaN(start) || Number.isNaN(end)) {
        return INVALID;
    }
    if (start === null) {
        return UNAVAILABLE;
    }
    if (end === null) {
        if (now === undefined) {
            return UNAVAILABLE;
        }
        // A start in the future (clock skew) reads as zero rather than as a negative wait.
        return {
            seconds: Math.max(0, Math.floor((now - start) / 1000)),
            state: 'running'
        };
    }
    if (end < start) {
        return INVALID;
    }
    return { seconds: Math.floor((end - start) / 1000), state: 'complete' };
}
/**
 * Wait, handle and length of a session. Pass `now` for an open session so that its running spans
 * tick; an ended session is never measured against now.
 */
export function sessionDurations(times, now) {
    const { startTime, acceptTime, endTime } = times;
    const isEnded = Boolean(endTime);
    const openNow = isEnded ? undefined : now;
    // Once a session has ended without being accepted, nothing was waited for or handled.
    const wait =
        isEnded && !acceptTime
            ? UNAVAILABLE
            : timeSpan(startTime, acceptTime, openNow);
    const handle = acceptTime
        ? timeSpan(acceptTime, endTime, openNow)
        : UNAVAILABLE;
    const length = timeSpan(startTime, endTime, openNow);
    // An EndTime before the AcceptTime makes the whole record suspect, not only the handle time.
    const acceptMs = toMillis(acceptTime);
    const endMs = toMillis(endTime);
    if (acceptMs !== null && endMs !== null && endMs < acceptMs) {
        return {
            wait: wait.state === 'complete' ? wait : INVALID,
            handle: INVALID,
            length
        };
    }
    return { wait, handle, length };
}
/**
 * The label of a lookup field as Salesforce record pages show it: describe labels of standard
 * lookups end in " ID" ("Case ID", "Owner ID"), the pages show "Case" and "Owner".
 */
export function lookupLabel(label) {
    return (label ?? '').replace(/\s+ID$/, '');
}
/** Fills `{0}`, `{1}`… in a custom label. */
export function formatLabel(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}
/**
 * A duration for people: the two largest units, e.g. "2d 3h", "1h 05m", "4m 09s", "12s".
 * Null and negative input give an empty string: callers show a flag or a dash instead.
 */
export function formatDuration(seconds) {
    if (seconds == null || !Number.isFinite(seconds) || seconds < 0) {
        return '';
    }
    const whole = Math.floor(seconds);
    const days = Math.floor(whole / 86400);
    const hours = Math.floor((whole % 86400) / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const secs = whole % 60;
    const pad = (value) => String(value).padStart(2, '0');
    if (days > 0) {
        return `${formatLabel(labelDurationDays, days)} ${formatLabel(labelDurationHours, hours)}`;
    }
    if (hours > 0) {
        return `${formatLabel(labelDurationHours, hours)} ${formatLabel(labelDurationMinutes, pad(minutes))}`;
    }
    if (minutes > 0) {
        return `${formatLabel(labelDurationMinutes, minutes)} ${formatLabel(labelDurationSeconds, pad(secs))}`;
    }
    return formatLabel(labelDurationSeconds, secs);
}
export const START_TIME_WINDOWS = ['any', 'today', 'last7', 'last30', 'custom'];
/** How many calendar days each relative window spans, today included. */
export const START_TIME_WINDOW_DAYS = { today: 1, last7: 7, last30: 30 };
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function zonedFormatter(timeZone) {
    const options = {
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    };
    try {
        return new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
        // An unknown zone name: the browser's own zone is the best remaining guess.
        return new Intl.DateTimeFormat('en-US', options);
    }
}
/** The wall-clock time in the zone at an instant, read as if it were UTC (milliseconds). */
function wallClock(instant, formatter) {
    const parts = formatter.formatToParts(new Date(instant));
    const part = (type) =>
        Number(parts.find((entry) => entry.type === type)?.value ?? 0);
    return Date.UTC(
        part('year'),
        part('month') - 1,
        part('day'),
        part('hour') % 24,
        part('minute'),
        part('second')
    );
}
/** The calendar day in the zone at an instant. */
function zonedDay(instant, formatter) {
    const wall = new Date(wallClock(instant, formatter));
    return {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth(),
        day: wall.getUTCDate()
    };
}
/** The instant a calendar day starts in the zone (`offsetDays` moves the day first). */
function zonedDayStart(day, offsetDays, formatter) {
    const midnight = Date.UTC(day.year, day.month, day.day + offsetDays);
    const secondsOf = (instant) => Math.floor(instant / 1000) * 1000;
    // The zone's offset at the guess, then again at the result: a DST change that day moves it.
    let instant =
        midnight - (wallClock(midnight, formatter) - secondsOf(midnight));
    instant = midnight - (wallClock(instant, formatter) - secondsOf(instant));
    return instant;
}
/** A YYYY-MM-DD day (what lightning-input type="date" gives), null when it is not a real day. */
export function parseCalendarDay(value) {
    const match = value ? CALENDAR_DAY.exec(value) : null;
    if (!match) {
        return null;
    }
    const [year, month, day] = [
        Number(match[1]),
        Number(match[2]) - 1,
        Number(match[3])
    ];
    const check = new Date(Date.UTC(year, month, day));
    // Date.UTC rolls 2026-02-31 over into March: such a day is not a day.
    return check.getUTCFullYear() === year &&
        check.getUTCMonth() === month &&
        check.getUTCDate() === day
        ? { year, month, day }
        : null;
}
/** What is wrong with custom dates, if anything. An open end (only from, or only to) is fine. */
export function customRangeProblem(customFrom, customTo) {
    const from = parseCalendarDay(customFrom);
    const to = parseCalendarDay(customTo);
    if ((customFrom && !from) || (customTo && !to)) {
        return 'unreadable';
    }
    if (
        from &&
        to &&
        Date.UTC(from.year, from.month, from.day) >
            Date.UTC(to.year, to.month, to.day)
    ) {
        return 'reversed';
    }
    return null;
}
/**
 * The instants a start-time window covers. Relative windows start at midnight of their first
 * day and stay open at the end (a session that starts while the page is open still belongs to
 * today). Custom dates cover whole days, both included. Null means no window: 'any', unknown
 * input, or custom dates that are missing, unreadable or reversed.
 */
export function startTimeWindowRange(
    window,
    customFrom,
    customTo,
    options = {}
) {
    const formatter = zonedFormatter(options.timeZone ?? TIME_ZONE);
    const iso = (instant) => new Date(instant).toISOString();
    if (window === 'custom') {
        if (customRangeProblem(customFrom, customTo)) {
            return null;
        }
        const from = parseCalendarDay(customFrom);
        const to = parseCalendarDay(customTo);
        if (!from && !to) {
            return null;
        }
        return {
            from: from ? iso(zonedDayStart(from, 0, formatter)) : null,
            to: to ? iso(zonedDayStart(to, 1, formatter)) : null
        };
    }
    const days = START_TIME_WINDOW_DAYS[window];
    if (typeof days !== 'number') {
        return null;
    }
    const now = Number(options.now ?? Date.now());
    const today = zonedDay(now, formatter);
    return { from: iso(zonedDayStart(today, 1 - days, formatter)), to: null };
}
/**
 * The MessagingSession_Filter clause on StartTime for a window, e.g.
 * `{ StartTime: { gte: { value: '2026-03-02T08:00:00.000Z' } } }`; null when there is none.
 * Explicit instants rather than the `TODAY` / `last_n_days` literals: the GraphQL guide does not
 * say in which time zone those are evaluated, and SOQL's LAST_N_DAYS:n spans n + 1 days.
 */
export function startTimeWindowFilter(
    window,
    customFrom,
    customTo,
    options = {}
) {
    const range = startTimeWindowRange(window, customFrom, customTo, options);
    if (!range) {
        return null;
    }
    const bounds = {};
    if (range.from) bounds.gte = { value: range.from };
    if (range.to) bounds.lt = { value: range.to };
    return { StartTime: bounds };
}
/** The calendar day (YYYY-MM-DD) in the user's time zone: a window moves when this changes. */
export function windowDayKey(now = Date.now(), timeZone = TIME_ZONE) {
    const day = zonedDay(Number(now), zonedFormatter(timeZone));
    const pad = (value) => String(value).padStart(2, '0');
    return `${day.year}-${pad(day.month + 1)}-${pad(day.day)}`;
}
/** Reads a SessionSelectedMessage from an untrusted message-channel payload. */
export function readSelectedMessage(message) {
    if (
        !isObject(message) ||
        typeof message.recordId !== 'string' ||
        message.recordId === ''
    ) {
        return null;
    }
    return {
        recordId: message.recordId,
        source: typeof message.source === 'string' ? message.source : ''
    };
}
const WAITING = new Set(WAITING_STATUSES);
/** Reads a drill-in from an untrusted message-channel payload; null when it names no queue or channel. */
export function readBacklogDrillIn(message) {
    if (!isObject(message)) return null;
    const id = (value) => {
        return isSalesforceId(value) ? value : null;
    };
    const queueId = id(message.queueId);
    const messagingChannelId = id(message.messagingChannelId);
    const channelType =
        typeof message.channelType === 'string' && message.channelType !== ''
            ? message.channelType
            : null;
    if (!queueId && !messagingChannelId && !channelType) return null;
    const statuses = Array.isArray(message.statuses)
        ? message.statuses.filter((status) => WAITING.has(status))
        : [];
    return {
        source: typeof message.source === 'string' ? message.source : '',
        queueId,
        messagingChannelId: queueId ? null : messagingChannelId,
        channelType: queueId ? null : channelType,
        statuses: statuses.length ? statuses : [...WAITING_STATUSES],
        sortBy: 'StartTime',
        sortDirection: 'ASC',
        label: typeof message.label === 'string' ? message.label : ''
    };
}
/** The Change Data Capture channel of MessagingSession (lightning/empApi). */
export const SESSION_CHANGE_EVENT_CHANNEL = '/data/MessagingSessionChangeEvent';
// ---------------------------------------------------------------------------------------------
// App Builder intervals
// ---------------------------------------------------------------------------------------------
export const MAX_INTERVAL_SECONDS = 3600;
/** The poll interval used when App Builder's value can't be read. */
export const DEFAULT_REFRESH_SECONDS = 60;
/** The shortest poll interval App Builder may set: polling faster only loads the org. */
export const MIN_REFRESH_SECONDS = 15;
/** At most one refresh per this many milliseconds, however many triggers arrive. */
export const REFRESH_MIN_INTERVAL_MS = 3000;
/** A trigger waits this long, so that a burst of triggers makes one request. */
export const REFRESH_SETTLE_MS = 250;
/**
 * An interval in seconds from App Builder: 0 turns it off; other values are kept between `min`
 * and an hour; unreadable or negative input gives `fallback`.
 */
export function readIntervalSeconds(input, fallback, min) {
    const seconds =
        typeof input === 'string' && input.trim() !== ''
            ? Number(input)
            : input;
    if (
        typeof seconds !== 'number' ||
        !Number.isFinite(seconds) ||
        seconds < 0
    ) {
        return fallback;
    }
    if (seconds === 0) {
        return 0;
    }
    return Math.min(MAX_INTERVAL_SECONDS, Math.max(min, Math.round(seconds)));
}
/** The poll interval from App Builder: 0 turns it off, otherwise 15 s to an hour; unreadable input gives 60. */
export function readRefreshSeconds(input) {
    return readIntervalSeconds(
        input,
        DEFAULT_REFRESH_SECONDS,
        MIN_REFRESH_SECONDS
    );
}
/** The value of a GraphQL UI API field, null when the field or its value is absent. */
export function gqlValue(field) {
    return field?.value ?? null;
}
const ACCESS_CODES = new Set([
    'INSUFFICIENT_ACCESS',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'FIELD_NOT_ACCESSIBLE',
    'API_DISABLED_FOR_ORG',
    'FUNCTIONALITY_NOT_ENABLED',
    'INVALID_SESSION_ID'
]);
const UNSUPPORTED_CODES = new Set([
    'INVALID_TYPE',
    'NOT_SUPPORTED',
    'UNSUPPORTED_API_VERSION'
]);
const NOT_FOUND_CODES = new Set([
    'NOT_FOUND',
    'ENTITY_IS_DELETED',
    'INVALID_ID_FIELD'
]);
const CONFLICT_CODES = new Set([
    'PRECONDITION_FAILED',
    'CONFLICT',
    // UI API's record-collision error: someone else saved the record during this edit.
    'CollisionDetectedException'
]);
const LOCKED_CODE = 'ENTITY_IS_LOCKED';
/** A non-null object: what an untrusted payload must be before its properties are read. */
export function isObject(value) {
    return typeof value === 'object' && value !== null;
}
function text(value) {
    return typeof value === 'string' ? value.trim() : '';
}
function collectEntry(entry, into) {
    if (typeof entry === 'string') {
        if (entry.trim()) into.messages.push(entry.trim());
        return;
    }
    if (!isObject(entry)) {
        return;
    }
    const code = text(entry.errorCode) || text(entry.statusCode);
    if (code) into.codes.push(code);
    const message = text(entry.message);
    if (message) into.messages.push(message);
}
function collectFieldErrors(fieldErrors, into) {
    if (!isObject(fieldErrors)) {
        return;
    }
    for (const [field, entries] of Object.entries(fieldErrors)) {
        const list = Array.isArray(entries) ? entries : [entries];
        const messages = list
            .map((entry) => text(isObject(entry) ? entry.message : entry))
            .filter(Boolean);
        list.forEach((entry) => {
            if (isObject(entry) && text(entry.errorCode))
                into.codes.push(text(entry.errorCode));
        });
        if (messages.length) {
            into.fieldErrors[field] = messages.join(' ');
        }
    }
}
function collect(error, into, depth = 0) {
    if (error == null || depth > 5) {
        return;
    }
    if (typeof error === 'string') {
        collectEntry(error, into);
        return;
    }
    if (Array.isArray(error)) {
        error.forEach((entry) => collect(entry, into, depth + 1));
        return;
    }
    if (error instanceof Error) {
        // fetch() rejects with a TypeError when the network or the server cannot be reached.
        if (
            error.name === 'TypeError' &&
            /fetch|network|load failed/i.test(error.message)
        ) {
            into.network = true;
        }
        collectEntry(error.message, into);
        return;
    }
    if (!isObject(error)) {
        return;
    }
    if (typeof error.status === 'number') {
        into.status = error.status;
        if (error.status === 0) into.network = true;
    }
    // GraphQL: { errors: [{ message, locations, path }] }, possibly beside partial data.
    if (Array.isArray(error.errors)) {
        error.errors.forEach((entry) => collectEntry(entry, into));
    }
    const body = error.body;
    if (Array.isArray(body)) {
        // UI API read errors: an array of { errorCode, message }.
        body.forEach((entry) => collectEntry(entry, into));
    } else if (isObject(body)) {
        collectEntry(body, into);
        // UI API record writes: { output: { errors, fieldErrors } }.
        if (isObject(body.output)) {
            collect(body.output.errors, into, depth + 1);
            collectFieldErrors(body.output.fieldErrors, into);
        }
        // Older and Apex-style write errors: { pageErrors, fieldErrors }.
        collect(body.pageErrors, into, depth + 1);
        collectFieldErrors(body.fieldErrors, into);
    } else if (typeof body === 'string') {
        collectEntry(body, into);
    }
    if (!Array.isArray(error.errors) && body === undefined) {
        // A plain { errorCode, message } or { pageErrors, fieldErrors } object.
        collectEntry(error, into);
        collect(error.pageErrors, into, depth + 1);
        collectFieldErrors(error.fieldErrors, into);
    }
    if (!into.messages.length && typeof error.statusText === 'string') {
        collectEntry(error.statusText, into);
    }
}
function classify(found) {
    const has = (codes) => found.codes.some((code) => codes.has(code));
    if (found.network) return 'network';
    // A lock (an approval process, say) outlasts any reload, so it is never a save conflict.
    if (found.codes.includes(LOCKED_CODE)) return 'locked';
    if (found.status === 412 || found.status === 409 || has(CONFLICT_CODES))
        return 'conflict';
    if (found.status === 401 || found.status === 403 || has(ACCESS_CODES))
        return 'access';
    if (has(UNSUPPORTED_CODES)) return 'unsupported';
    if (found.status === 404 || has(NOT_FOUND_CODES)) return 'notFound';
    if (Object.keys(found.fieldErrors).length || found.status === 400)
        return 'validation';
    return 'unknown';
}
const KIND_PREFIX = {
    network: labelErrorNetwork,
    access: labelErrorAccess,
    notFound: labelErrorNotFound,
    conflict: labelErrorConflict,
    locked: labelErrorLocked,
    unsupported: labelErrorUnsupported,
    validation: '',
    unknown: ''
};
/**
 * Turns any error Salesforce hands a component into one readable message: UI API read errors
 * (array bodies), record write errors (output.errors / output.fieldErrors, pageErrors /
 * fieldErrors), GraphQL `errors`, fetch and network failures, Error objects and strings.
 */
export function describeError(error) {
    const found = {
        messages: [],
        codes: [],
        fieldErrors: {},
        network: false
    };
    collect(error, found);
    const kind = classify(found);
    const details = [...new Set(found.messages)];
    const fieldMessages = Object.values(found.fieldErrors).filter(
        (message) => !details.includes(message)
    );
    const prefix = KIND_PREFIX[kind];
    const parts = [
        prefix,
        ...details,
        ...(details.length ? [] : fieldMessages)
    ].filter(Boolean);
    return {
        kind,
        message: parts.length ? parts.join(' ') : labelErrorUnknown,
        fieldErrors: found.fieldErrors
    };
}
/** Shorthand for the message of describeError. */
export function errorMessage(error) {
    return describeError(error).message;
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
/** The scalar value at a path: undefined when not returned, null when empty, never a nested record. */
export function recordValue(record, path) {
    const field = recordField(record, path);
    if (field === undefined) {
        return undefined;
    }
    const value = field.value;
    return isObject(value) ? null : value;
}
/** The scalar value at a path as a string, null when absent or empty. */
export function recordString(record, path) {
    const value = recordValue(record, path);
    return value == null || value === '' ? null : String(value);
}
/** The nested record of a relationship field ("Owner"), null when absent or empty. */
export function relatedRecord(record, relationshipName) {
    const value = record?.fields?.[relationshipName]?.value;
    return isObject(value) ? value : null;
}
/**
 * Appends a page of related-list records to those already shown. A record already present (same
 * id) is replaced in place, so a page that is served again (a refresh) never duplicates rows.
 */
export function mergeRecordPages(existing, incoming) {
    const merged = [...existing];
    const positions = new Map();
    merged.forEach((record, index) => {
        if (record.id) positions.set(record.id, index);
    });
    for (const record of incoming) {
        const position = record.id ? positions.get(record.id) : undefined;
        if (position === undefined) {
            if (record.id) positions.set(record.id, merged.length);
            merged.push(record);
        } else {
            merged[position] = record;
        }
    }
    return merged;
}
/** A 15- or 18-character Salesforce record id. */
export function isSalesforceId(value) {
    return (
        typeof value === 'string' &&
        /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value)
    );
}
/** Key prefix of Group records: an OwnerId starting with it is a queue, not a user. */
export const GROUP_KEY_PREFIX = '00G';
function kindOfType(typeName, id) {
    if (typeName === 'Group') return 'queue';
    if (typeName === 'User') return 'user';
    return id?.startsWith(GROUP_KEY_PREFIX) ? 'queue' : 'user';
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
/** The live duration of a session, named for its status. `now` makes open sessions tick. */
export function sessionClock(session, now) {
    const durations = sessionDurations(session, now);
    if (session.endTime) {
        const flagged =
            durations.handle.state === 'invalid' ||
            durations.length.state === 'invalid';
        return {
            phase: 'ended',
            seconds: flagged ? null : durations.length.seconds,
            flagged
        };
    }
    if (!isOpenStatus(session.status)) {
        return {
            phase: 'unknown',
            seconds: null,
            flagged: durations.length.state === 'invalid'
        };
    }
    let phase = 'open';
    let span = durations.length;
    if (session.status === 'Waiting' && !session.acceptTime) {
        phase = 'waiting';
        span = durations.wait;
    } else if (session.status === 'Active' && session.acceptTime) {
        phase = 'active';
        span = durations.handle;
    }
    return {
        phase,
        seconds: span.state === 'invalid' ? null : span.seconds,
        flagged: span.state === 'invalid'
    };
}
const CLOCK_LABELS = {
    waiting: labelWaitingFor,
    active: labelActiveFor,
    open: labelOpenFor,
    ended: labelLasted,
    unknown: ''
};
/** "Waiting for 4m 09s", "Active for 1h 02m", "Open for 2h 10m", "Lasted 32m 30s"; '' when nothing is known. */
export function sessionClockText(clock) {
    const template = CLOCK_LABELS[clock.phase];
    if (!template || clock.flagged || clock.seconds === null) {
        return '';
    }
    return formatLabel(template, formatDuration(clock.seconds));
}
/** Reads a SessionsChangedMessage from an untrusted message-channel payload. */
export function readSessionsChangedMessage(message) {
    if (typeof message !== 'object' || message === null) {
        return null;
    }
    const { reason, source, recordIds } = message;
    if (
        reason !== 'conversationStarted' &&
        reason !== 'sessionUpdated' &&
        reason !== 'sessionsChanged'
    ) {
        return null;
    }
    const ids = Array.isArray(recordIds)
        ? recordIds.filter((id) => typeof id === 'string' && id !== '')
        : undefined;
    return {
        reason,
        source: typeof source === 'string' ? source : '',
        ...(ids ? { recordIds: ids } : {})
    };
}
/**
 * Runs a task at most once per `intervalMs`, however many requests arrive. A request waits
 * `settleMs` so that a burst collapses into one run; after a run, the next waits out the interval.
 */
export class CoalescingScheduler {
    task;
    intervalMs;
    settleMs;
    clock;
    handle = null;
    lastRun = Number.NEGATIVE_INFINITY;
    constructor(task, intervalMs, settleMs, clock) {
        this.task = task;
        this.intervalMs = intervalMs;
        this.settleMs = settleMs;
        this.clock = clock;
    }
    get pending() {
        return this.handle !== null;
    }
    request() {
        if (this.handle !== null) {
            return;
        }
        const wait = Math.max(
            this.settleMs,
            this.lastRun + this.intervalMs - this.clock.now()
        );
        this.handle = this.clock.setTimeout(() => {
            this.handle = null;
            this.lastRun = this.clock.now();
            this.task();
        }, wait);
    }
    cancel() {
        if (this.handle !== null) {
            this.clock.clearTimeout(this.handle);
            this.handle = null;
        }
    }
}
/** The browser's clock, for components; tests pass their own. */
export const BROWSER_CLOCK = {
    now: () => Date.now(),
    // The caller cancels the pending run in disconnectedCallback.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle)
};
/**
 * One live-refresh wiring for every component: the sessions-changed message channel, Change
 * Data Capture on MessagingSession (with a safety poll, because a subscription can succeed and
 * never deliver), a poll when CDC isn't there, and the component's own requests, all coalesced by
 * one CoalescingScheduler. Platform functions come in as options: this module imports no
 * lightning/* module.
 */
export class LiveRefreshController {
    options;
    scheduler;
    triggers = new Set();
    changeEvents = [];
    messageSubscription = null;
    empSubscription = null;
    pollHandle = null;
    pollMs = 0;
    running = false;
    inFlight = false;
    currentMode = 'pending';
    constructor(options) {
        this.options = options;
        this.scheduler = new CoalescingScheduler(
            () => this.run(),
            options.intervalMs,
            options.settleMs,
            options.clock
        );
    }
    get mode() {
        return this.currentMode;
    }
    /** True while Change Data Capture is subscribed and hasn't reported an error. */
    get cdcLive() {
        return this.currentMode === 'cdc';
    }
    start() {
        if (this.running) return;
        this.running = true;
        const { messages, changeEvents } = this.options;
        if (messages) {
            const accept =
                this.options.acceptMessage ??
                ((message) => readSessionsChangedMessage(message) !== null);
            this.messageSubscription = messages.subscribe((message) => {
                if (accept(message)) this.trigger('message');
            });
        }
        if (changeEvents) {
            this.setMode('pending');
            this.subscribeToChangeEvents(changeEvents).catch(() =>
                this.fallBackToPolling()
            );
        } else {
            this.startPolling();
        }
    }
    /** Releases the message subscription, the CDC subscription, the poll and any pending refresh. */
    stop() {
        this.running = false;
        const { messages, changeEvents } = this.options;
        if (this.messageSubscription !== null) {
            messages?.unsubscribe(this.messageSubscription);
            this.messageSubscription = null;
        }
        this.releaseChangeEvents(changeEvents);
        this.stopPoll();
        this.scheduler.cancel();
        this.triggers.clear();
        this.changeEvents = [];
    }
    /** The component's own trigger (refresh button, a new day...). */
    request() {
        this.trigger('request');
    }
    trigger(kind, changeEvent) {
        if (!this.running) return;
        if (this.options.isReady && !this.options.isReady()) return;
        this.triggers.add(kind);
        if (changeEvent !== undefined) this.changeEvents.push(changeEvent);
        // A refresh in flight asks again when it settles.
        if (!this.inFlight) this.scheduler.request();
    }
    run() {
        if (!this.triggers.size) return;
        const batch = {
            triggers: this.triggers,
            changeEvents: this.changeEvents
        };
        this.triggers = new Set();
        this.changeEvents = [];
        const result = this.options.refresh(batch);
        if (!(result instanceof Promise)) return;
        this.inFlight = true;
        const settle = () => {
            this.inFlight = false;
            if (this.running && this.triggers.size) this.scheduler.request();
        };
        // The component reports its own errors; settling is all that matters here.
        result.then(settle, settle);
    }
    async subscribeToChangeEvents(api) {
        const enabled = await api.isEmpEnabled();
        if (!this.running) return;
        if (!enabled) {
            this.fallBackToPolling();
            return;
        }
        api.onError?.(() => this.handleChangeEventError());
        // -1: new events only; every refresh refetches whatever it shows.
        const subscription = await api.subscribe(
            SESSION_CHANGE_EVENT_CHANNEL,
            -1,
            (message) => this.trigger('changeEvent', message)
        );
        if (!this.running) {
            if (subscription) api.unsubscribe(subscription).catch(() => null);
            return;
        }
        if (!subscription) {
            this.fallBackToPolling();
            return;
        }
        this.empSubscription = subscription;
        this.setMode('cdc');
        this.pollEvery(
            this.options.safetyPollSeconds ?? this.options.pollSeconds
        );
    }
    handleChangeEventError() {
        if (!this.running || this.currentMode !== 'cdc') return;
        this.empSubscription = null;
        this.startPolling();
    }
    fallBackToPolling() {
        if (this.running) this.startPolling();
    }
    releaseChangeEvents(api) {
        if (this.empSubscription !== null) {
            api?.unsubscribe(this.empSubscription).catch(() => null);
            this.empSubscription = null;
        }
    }
    startPolling() {
        const seconds = this.options.pollSeconds;
        this.setMode(seconds > 0 ? 'polling' : 'manual');
        this.pollEvery(seconds);
    }
    /** One poll timer at a time, kept as it is when its period doesn't change; 0 seconds stops it. */
    pollEvery(seconds) {
        const ms = seconds > 0 ? seconds * 1000 : 0;
        if (this.pollHandle !== null && ms === this.pollMs) return;
        this.stopPoll();
        if (!ms) return;
        this.pollMs = ms;
        // Cleared in stop(), which the component calls from disconnectedCallback.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollHandle = setInterval(() => {
            this.options.onPoll?.();
            this.trigger('poll');
        }, ms);
    }
    stopPoll() {
        if (this.pollHandle !== null) {
            clearInterval(this.pollHandle);
            this.pollHandle = null;
        }
        this.pollMs = 0;
    }
    setMode(mode) {
        if (mode === this.currentMode) return;
        this.currentMode = mode;
        this.options.onModeChange?.(mode);
    }
}
