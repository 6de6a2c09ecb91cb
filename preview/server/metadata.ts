/**
 * The preview org's data model: one description per sObject, used to create the SQLite tables,
 * answer object-info, render UI API records and build the GraphQL schema. Field names, types and
 * properties follow the Object Reference for Salesforce (MessagingSession and its related objects);
 * labels are the standard English ones.
 */

/** UI API data types (FieldRepresentation.dataType) used by the preview's objects. */
export type DataType =
    | 'Id'
    | 'String'
    | 'Picklist'
    | 'DateTime'
    | 'Int'
    | 'Double'
    | 'Reference'
    | 'Boolean'
    | 'TextArea'
    | 'Url'
    | 'Phone'
    | 'Email';

export interface PicklistEntry {
    value: string;
    label: string;
}

export interface FieldDef {
    name: string;
    label: string;
    type: DataType;
    /** Defaults: nillable true (except Id/system), createable/updateable false, filterable/sortable/groupable true. */
    nillable?: boolean;
    createable?: boolean;
    updateable?: boolean;
    filterable?: boolean;
    sortable?: boolean;
    groupable?: boolean;
    length?: number;
    precision?: number;
    scale?: number;
    /** Reference targets: one for a lookup, several for a polymorphic field (Owner: User, Group). */
    referenceTo?: string[];
    relationshipName?: string;
    picklist?: PicklistEntry[];
    custom?: boolean;
    nameField?: boolean;
    htmlFormatted?: boolean;
    /** Restricted picklist: writes of values outside the list are rejected. */
    restricted?: boolean;
}

export interface ChildRelationshipDef {
    relationshipName: string;
    childObjectApiName: string;
    fieldName: string;
}

export interface ObjectDef {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    fields: FieldDef[];
    nameField: string;
    childRelationships: ChildRelationshipDef[];
    feedEnabled?: boolean;
    createable?: boolean;
    updateable?: boolean;
    /** Theme color for object-info (hex, without '#'). */
    color?: string;
}

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const pick = (values: string[][]): PicklistEntry[] =>
    values.map(([value, label]) => ({ value, label: label ?? value }));

export const STATUS_VALUES = pick([
    ['New', 'New'],
    ['Active', 'Active'],
    ['Consent', 'Consent'],
    ['Waiting', 'Waiting'],
    ['Paused', 'Paused'],
    ['Inactive', 'Inactive'],
    ['Ended', 'Ended'],
    ['Error', 'Error']
]);

export const CHANNEL_TYPE_VALUES = pick([
    ['Alexa', 'Alexa'],
    ['AppleBusinessChat', 'Apple Messages for Business'],
    ['EmbeddedMessaging', 'Messaging for In-App and Web'],
    ['Facebook', 'Facebook'],
    ['GoogleHome', 'Google Home'],
    ['Line', 'LINE'],
    ['Omega', 'Omega'],
    ['Phone', 'Phone'],
    ['Text', 'Text'],
    ['Voice', 'Voice'],
    ['WeChat', 'WeChat'],
    ['WebChat', 'Web Chat'],
    ['WhatsApp', 'WhatsApp']
]);

export const ORIGIN_VALUES = pick([
    ['AgentInitiated', 'Agent Initiated'],
    ['ConversationClose', 'Conversation Close'],
    ['ConversationControlLost', 'Conversation Control Lost'],
    ['Help', 'Help'],
    ['InboundInitiated', 'Inbound Initiated'],
    ['OptIn', 'Opt In Status Change'],
    ['OptOut', 'Opt Out Status Change'],
    ['TriggeredOutbound', 'Triggered Outbound']
]);

export const AGENT_TYPE_VALUES = pick([
    ['Agent', 'Agent'],
    ['Bot', 'Bot'],
    ['BotToAgent', 'Bot & Agent'],
    ['System', 'System']
]);

export const ENDED_BY_VALUES = pick([
    ['Agent', 'Agent'],
    ['Bot', 'Bot'],
    ['EndUser', 'End User'],
    ['System', 'System']
]);

export const LANGUAGE_VALUES = pick([
    ['en_US', 'English'],
    ['de', 'German'],
    ['es', 'Spanish'],
    ['fr', 'French'],
    ['ja', 'Japanese'],
    ['pt_BR', 'Portuguese (Brazil)']
]);

export const MESSAGE_TYPE_VALUES = pick([
    ['AppleBusinessChat', 'Apple Messages for Business'],
    ['Custom', 'Bring Your Own Channel'],
    ['EmbeddedMessaging', 'Messaging for In-App and Web'],
    ['Facebook', 'Facebook'],
    ['Phone', 'Phone'],
    ['PSTNVoice', 'Agentforce Voice over PSTN'],
    ['Text', 'Text'],
    ['Voice', 'Voice'],
    ['WhatsApp', 'WhatsApp']
]);

export const PLATFORM_TYPE_VALUES = pick([
    ['Standard', 'Standard'],
    ['Enhanced', 'Enhanced']
]);

export const METRIC_TYPE_VALUES = pick([
    ['AgentMessageCount', 'Agent Message Count'],
    ['AverageAgentResponseTime', 'Average Agent Response Time'],
    ['AverageEndUserResponseTime', 'Average End User Response Time'],
    ['EndUserMessageCount', 'End User Message Count'],
    ['MaxAgentResponseTime', 'Max Agent Response Time'],
    ['MaxEndUserResponseTime', 'Max End User Response Time'],
    ['ServiceRepFirstResponseTime', 'Service Rep First Response Time']
]);

export const FEED_TYPE_VALUES = pick([
    ['TextPost', 'Text Post'],
    ['LinkPost', 'Link Post'],
    ['TrackedChange', 'Tracked Change']
]);

export const HISTORY_DATA_TYPE_VALUES = pick([
    ['Text', 'Text'],
    ['EntityId', 'Entity Id'],
    ['DateTime', 'Date/Time'],
    ['Picklist', 'Picklist'],
    ['Double', 'Number']
]);

const ID: FieldDef = {
    name: 'Id',
    label: 'Record ID',
    type: 'Id',
    nillable: false,
    groupable: true
};

function audit(): FieldDef[] {
    return [
        {
            name: 'CreatedDate',
            label: 'Created Date',
            type: 'DateTime',
            nillable: false
        },
        {
            name: 'CreatedById',
            label: 'Created By ID',
            type: 'Reference',
            nillable: false,
            referenceTo: ['User'],
            relationshipName: 'CreatedBy'
        },
        {
            name: 'LastModifiedDate',
            label: 'Last Modified Date',
            type: 'DateTime',
            nillable: false
        },
        {
            name: 'LastModifiedById',
            label: 'Last Modified By ID',
            type: 'Reference',
            nillable: false,
            referenceTo: ['User'],
            relationshipName: 'LastModifiedBy'
        },
        {
            name: 'SystemModstamp',
            label: 'System Modstamp',
            type: 'DateTime',
            nillable: false
        }
    ];
}

const ref = (
    name: string,
    label: string,
    to: string[],
    relationshipName: string,
    extra: Partial<FieldDef> = {}
): FieldDef => ({
    name,
    label,
    type: 'Reference',
    referenceTo: to,
    relationshipName,
    length: 18,
    ...extra
});

const CU = { createable: true, updateable: true };

const messagingSession: ObjectDef = {
    apiName: 'MessagingSession',
    label: 'Messaging Session',
    labelPlural: 'Messaging Sessions',
    keyPrefix: '0Mw',
    nameField: 'Name',
    feedEnabled: true,
    createable: true,
    updateable: true,
    color: '3C97DD',
    childRelationships: [
        {
            relationshipName: 'Histories',
            childObjectApiName: 'MessagingSessionHistory',
            fieldName: 'MessagingSessionId'
        },
        {
            relationshipName: 'Feeds',
            childObjectApiName: 'MessagingSessionFeed',
            fieldName: 'ParentId'
        },
        {
            relationshipName: 'MessagingSessionMetrics',
            childObjectApiName: 'MessagingSessionMetrics',
            fieldName: 'MessagingSessionId'
        }
    ],
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Messaging Session Name',
            type: 'String',
            length: 255,
            nillable: false,
            nameField: true
        },
        { name: 'AcceptTime', label: 'Accept Time', type: 'DateTime', ...CU },
        {
            name: 'AgentMessageCount',
            label: 'Agent Message Count',
            type: 'Int',
            precision: 9,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'AgentType',
            label: 'Agent Type',
            type: 'Picklist',
            length: 255,
            picklist: AGENT_TYPE_VALUES,
            restricted: true,
            createable: true
        },
        ref('CampaignId', 'Campaign ID', ['Campaign'], 'Campaign', CU),
        ref('CaseId', 'Case ID', ['Case'], 'Case', CU),
        {
            name: 'ChannelEndUserFormula',
            label: 'Concatenated Messaging Channel and Messaging User',
            type: 'String',
            length: 50
        },
        {
            name: 'ChannelGroup',
            label: 'Group',
            type: 'String',
            length: 255,
            ...CU
        },
        {
            name: 'ChannelIntent',
            label: 'Intent',
            type: 'String',
            length: 255,
            ...CU
        },
        {
            name: 'ChannelKey',
            label: 'Channel Key',
            type: 'String',
            length: 150
        },
        {
            name: 'ChannelLocale',
            label: 'Locale',
            type: 'String',
            length: 255,
            ...CU
        },
        {
            name: 'ChannelName',
            label: 'Channel Name',
            type: 'String',
            length: 80
        },
        {
            name: 'ChannelType',
            label: 'Channel Type',
            type: 'Picklist',
            length: 255,
            picklist: CHANNEL_TYPE_VALUES,
            restricted: true
        },
        ref(
            'ConversationId',
            'Conversation ID',
            ['Conversation'],
            'Conversation',
            { createable: true }
        ),
        {
            name: 'EndedByType',
            label: 'Ended By',
            type: 'Picklist',
            length: 255,
            picklist: ENDED_BY_VALUES,
            restricted: true,
            createable: true
        },
        {
            name: 'EndTime',
            label: 'End Time',
            type: 'DateTime',
            createable: true
        },
        ref('EndUserAccountId', 'Account ID', ['Account'], 'EndUserAccount'),
        ref('EndUserContactId', 'Contact ID', ['Contact'], 'EndUserContact'),
        {
            name: 'EndUserLanguage',
            label: 'Messaging User Language',
            type: 'Picklist',
            length: 255,
            picklist: LANGUAGE_VALUES,
            restricted: true,
            ...CU
        },
        {
            name: 'EndUserMessageCount',
            label: 'End User Message Count',
            type: 'Int',
            precision: 9,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'IsDeleted',
            label: 'Deleted',
            type: 'Boolean',
            nillable: false
        },
        {
            name: 'LastReferencedDate',
            label: 'Last Referenced Date',
            type: 'DateTime',
            groupable: false
        },
        {
            name: 'LastViewedDate',
            label: 'Last Viewed Date',
            type: 'DateTime',
            groupable: false
        },
        ref('LeadId', 'Lead ID', ['Lead'], 'Lead', CU),
        ref(
            'MessagingChannelId',
            'Messaging Channel ID',
            ['MessagingChannel'],
            'MessagingChannel',
            { nillable: false, createable: true }
        ),
        ref(
            'MessagingEndUserId',
            'Messaging User ID',
            ['MessagingEndUser'],
            'MessagingEndUser',
            { nillable: false, createable: true }
        ),
        ref(
            'OpportunityId',
            'Opportunity ID',
            ['Opportunity'],
            'Opportunity',
            CU
        ),
        {
            name: 'Origin',
            label: 'Origin',
            type: 'Picklist',
            length: 255,
            picklist: ORIGIN_VALUES,
            restricted: true,
            nillable: false,
            createable: true
        },
        ref('OwnerId', 'Owner ID', ['User', 'Group'], 'Owner', {
            nillable: false,
            ...CU
        }),
        {
            name: 'PreviewDetails',
            label: 'Preview Details',
            type: 'String',
            length: 255,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'SessionKey',
            label: 'Session Key',
            type: 'String',
            length: 36,
            createable: true
        },
        {
            name: 'StartTime',
            label: 'Start Time',
            type: 'DateTime',
            createable: true
        },
        {
            name: 'Status',
            label: 'Status',
            type: 'Picklist',
            length: 255,
            picklist: STATUS_VALUES,
            restricted: true,
            nillable: false,
            createable: true
        },
        ref('TargetUserId', 'User ID', ['User'], 'TargetUser', CU),
        {
            name: 'MSC_WaitSeconds__c',
            label: 'Wait Seconds',
            type: 'Double',
            precision: 18,
            scale: 0,
            custom: true,
            ...CU
        },
        {
            name: 'MSC_HandleSeconds__c',
            label: 'Handle Seconds',
            type: 'Double',
            precision: 18,
            scale: 0,
            custom: true,
            ...CU
        },
        ...audit()
    ]
};

const user: ObjectDef = {
    apiName: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    nameField: 'Name',
    childRelationships: [],
    color: '65CAE4',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Full Name',
            type: 'String',
            length: 121,
            nillable: false,
            nameField: true
        },
        {
            name: 'FirstName',
            label: 'First Name',
            type: 'String',
            length: 40,
            ...CU
        },
        {
            name: 'LastName',
            label: 'Last Name',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        {
            name: 'Alias',
            label: 'Alias',
            type: 'String',
            length: 8,
            nillable: false,
            ...CU
        },
        {
            name: 'Username',
            label: 'Username',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        {
            name: 'Email',
            label: 'Email',
            type: 'Email',
            length: 128,
            nillable: false,
            ...CU
        },
        { name: 'Title', label: 'Title', type: 'String', length: 80, ...CU },
        {
            name: 'IsActive',
            label: 'Active',
            type: 'Boolean',
            nillable: false,
            ...CU
        },
        { name: 'SmallPhotoUrl', label: 'Photo', type: 'Url', length: 1024 },
        ref('ManagerId', 'Manager ID', ['User'], 'Manager', CU),
        ...audit()
    ]
};

const group: ObjectDef = {
    apiName: 'Group',
    label: 'Group',
    labelPlural: 'Groups',
    keyPrefix: '00G',
    nameField: 'Name',
    childRelationships: [
        {
            relationshipName: 'GroupMembers',
            childObjectApiName: 'GroupMember',
            fieldName: 'GroupId'
        }
    ],
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Name',
            type: 'String',
            length: 40,
            nillable: false,
            nameField: true,
            ...CU
        },
        {
            name: 'DeveloperName',
            label: 'Developer Name',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        {
            name: 'Type',
            label: 'Type',
            type: 'Picklist',
            length: 40,
            nillable: false,
            picklist: pick([
                ['Queue', 'Queue'],
                ['Regular', 'Public Group']
            ]),
            createable: true
        },
        ...audit()
    ]
};

const groupMember: ObjectDef = {
    apiName: 'GroupMember',
    label: 'Group Member',
    labelPlural: 'Group Members',
    keyPrefix: '011',
    nameField: 'Id',
    childRelationships: [],
    fields: [
        ID,
        ref('GroupId', 'Group ID', ['Group'], 'Group', {
            nillable: false,
            createable: true
        }),
        ref(
            'UserOrGroupId',
            'User/Group ID',
            ['User', 'Group'],
            'UserOrGroup',
            { nillable: false, createable: true }
        ),
        {
            name: 'SystemModstamp',
            label: 'System Modstamp',
            type: 'DateTime',
            nillable: false
        }
    ]
};

const account: ObjectDef = {
    apiName: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    nameField: 'Name',
    childRelationships: [],
    color: '7F8DE1',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Account Name',
            type: 'String',
            length: 255,
            nillable: false,
            nameField: true,
            ...CU
        },
        {
            name: 'Industry',
            label: 'Industry',
            type: 'Picklist',
            length: 255,
            picklist: pick([
                ['Retail'],
                ['Technology'],
                ['Banking'],
                ['Healthcare']
            ]),
            ...CU
        },
        {
            name: 'Phone',
            label: 'Account Phone',
            type: 'Phone',
            length: 40,
            ...CU
        },
        ref('OwnerId', 'Owner ID', ['User'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const contact: ObjectDef = {
    apiName: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    nameField: 'Name',
    childRelationships: [],
    color: 'A094ED',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Full Name',
            type: 'String',
            length: 121,
            nillable: false,
            nameField: true
        },
        {
            name: 'FirstName',
            label: 'First Name',
            type: 'String',
            length: 40,
            ...CU
        },
        {
            name: 'LastName',
            label: 'Last Name',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        { name: 'Email', label: 'Email', type: 'Email', length: 80, ...CU },
        {
            name: 'MobilePhone',
            label: 'Mobile Phone',
            type: 'Phone',
            length: 40,
            ...CU
        },
        ref('AccountId', 'Account ID', ['Account'], 'Account', CU),
        ref('OwnerId', 'Owner ID', ['User'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const caseObj: ObjectDef = {
    apiName: 'Case',
    label: 'Case',
    labelPlural: 'Cases',
    keyPrefix: '500',
    nameField: 'CaseNumber',
    childRelationships: [],
    color: 'F2CF5B',
    fields: [
        ID,
        {
            name: 'CaseNumber',
            label: 'Case Number',
            type: 'String',
            length: 30,
            nillable: false,
            nameField: true
        },
        {
            name: 'Subject',
            label: 'Subject',
            type: 'String',
            length: 255,
            ...CU
        },
        {
            name: 'Status',
            label: 'Status',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: pick([['New'], ['Working'], ['Escalated'], ['Closed']]),
            ...CU
        },
        ref('ContactId', 'Contact ID', ['Contact'], 'Contact', CU),
        ref('AccountId', 'Account ID', ['Account'], 'Account', CU),
        ref('OwnerId', 'Owner ID', ['User', 'Group'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const lead: ObjectDef = {
    apiName: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    nameField: 'Name',
    childRelationships: [],
    color: 'F88962',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Full Name',
            type: 'String',
            length: 121,
            nillable: false,
            nameField: true
        },
        {
            name: 'FirstName',
            label: 'First Name',
            type: 'String',
            length: 40,
            ...CU
        },
        {
            name: 'LastName',
            label: 'Last Name',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        {
            name: 'Company',
            label: 'Company',
            type: 'String',
            length: 255,
            nillable: false,
            ...CU
        },
        {
            name: 'Status',
            label: 'Lead Status',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: pick([
                ['Open - Not Contacted'],
                ['Working - Contacted'],
                ['Closed - Converted']
            ]),
            ...CU
        },
        ref('OwnerId', 'Owner ID', ['User', 'Group'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const opportunity: ObjectDef = {
    apiName: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    nameField: 'Name',
    childRelationships: [],
    color: 'FCB95B',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Name',
            type: 'String',
            length: 120,
            nillable: false,
            nameField: true,
            ...CU
        },
        {
            name: 'StageName',
            label: 'Stage',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: pick([
                ['Prospecting'],
                ['Negotiation/Review'],
                ['Closed Won'],
                ['Closed Lost']
            ]),
            ...CU
        },
        {
            name: 'Amount',
            label: 'Amount',
            type: 'Double',
            precision: 18,
            scale: 2,
            ...CU
        },
        ref('AccountId', 'Account ID', ['Account'], 'Account', CU),
        ref('OwnerId', 'Owner ID', ['User'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const messagingChannel: ObjectDef = {
    apiName: 'MessagingChannel',
    label: 'Messaging Channel',
    labelPlural: 'Messaging Channels',
    keyPrefix: '0Mj',
    nameField: 'MasterLabel',
    childRelationships: [],
    fields: [
        ID,
        {
            name: 'MasterLabel',
            label: 'Channel Name',
            type: 'String',
            length: 80,
            nillable: false,
            nameField: true,
            ...CU
        },
        {
            name: 'DeveloperName',
            label: 'Developer Name',
            type: 'String',
            length: 80,
            nillable: false,
            ...CU
        },
        {
            name: 'MessageType',
            label: 'Messaging Type',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: MESSAGE_TYPE_VALUES,
            restricted: true,
            ...CU
        },
        {
            name: 'MessagingPlatformKey',
            label: 'Messaging Platform Key',
            type: 'String',
            length: 255,
            nillable: false,
            ...CU
        },
        {
            name: 'IsActive',
            label: 'Active',
            type: 'Boolean',
            nillable: false,
            ...CU
        },
        {
            name: 'PlatformType',
            label: 'Platform Type',
            type: 'Picklist',
            length: 255,
            picklist: PLATFORM_TYPE_VALUES,
            restricted: true,
            createable: true
        },
        {
            name: 'ChannelAddressIdentifier',
            label: 'Channel Address Identifier',
            type: 'String',
            length: 255
        },
        ref('TargetQueueId', 'Target Queue ID', ['Group'], 'TargetQueue', CU),
        ...audit()
    ]
};

const messagingEndUser: ObjectDef = {
    apiName: 'MessagingEndUser',
    label: 'Messaging User',
    labelPlural: 'Messaging Users',
    keyPrefix: '0PA',
    nameField: 'Name',
    childRelationships: [],
    color: '3C97DD',
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Messaging User Name',
            type: 'String',
            length: 255,
            nillable: false,
            nameField: true,
            ...CU
        },
        {
            name: 'MessageType',
            label: 'Messaging Type',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: MESSAGE_TYPE_VALUES,
            restricted: true,
            createable: true
        },
        {
            name: 'MessagingPlatformKey',
            label: 'Messaging Platform Key',
            type: 'String',
            length: 255,
            nillable: false,
            createable: true
        },
        ref(
            'MessagingChannelId',
            'Messaging Channel ID',
            ['MessagingChannel'],
            'MessagingChannel',
            { nillable: false, createable: true }
        ),
        ref('ContactId', 'Contact ID', ['Contact'], 'Contact', CU),
        ref('AccountId', 'Account ID', ['Account'], 'Account', CU),
        ref('LeadId', 'Lead ID', ['Lead'], 'Lead', CU),
        {
            name: 'MessagingConsentStatus',
            label: 'Messaging Consent Status',
            type: 'Picklist',
            length: 255,
            picklist: pick([
                ['DoublyOptedIn', 'Double Opt-In'],
                ['ExplicitlyOptedIn', 'Explicit Opt-In'],
                ['ImplicitlyOptedIn', 'Implicit Opt-In'],
                ['OptedOut', 'Opted Out']
            ]),
            restricted: true,
            ...CU
        },
        {
            name: 'IsFullyOptedIn',
            label: 'Fully Opted In',
            type: 'Boolean',
            nillable: false
        },
        {
            name: 'IsoCountryCode',
            label: 'ISO Country Code',
            type: 'String',
            length: 2,
            createable: true
        },
        ref('OwnerId', 'Owner ID', ['User', 'Group'], 'Owner', {
            nillable: false,
            ...CU
        }),
        ...audit()
    ]
};

const history: ObjectDef = {
    apiName: 'MessagingSessionHistory',
    label: 'Messaging Session History',
    labelPlural: 'Messaging Session History',
    keyPrefix: '0Mx',
    nameField: 'Id',
    childRelationships: [],
    fields: [
        ID,
        ref(
            'MessagingSessionId',
            'Messaging Session ID',
            ['MessagingSession'],
            'MessagingSession',
            { nillable: false }
        ),
        {
            name: 'Field',
            label: 'Changed Field',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: pick([
                ['created', 'Created.'],
                ['Owner', 'Owner'],
                ['Status', 'Status'],
                ['AcceptTime', 'Accept Time'],
                ['EndTime', 'End Time'],
                ['Case', 'Case ID'],
                ['ChannelGroup', 'Group'],
                ['ChannelIntent', 'Intent'],
                ['ChannelLocale', 'Locale'],
                ['Lead', 'Lead ID'],
                ['Opportunity', 'Opportunity ID'],
                ['TargetUser', 'User ID'],
                ['EndUserLanguage', 'Messaging User Language'],
                ['MSC_WaitSeconds__c', 'Wait Seconds'],
                ['MSC_HandleSeconds__c', 'Handle Seconds']
            ])
        },
        {
            name: 'DataType',
            label: 'Data Type',
            type: 'Picklist',
            length: 40,
            picklist: HISTORY_DATA_TYPE_VALUES
        },
        {
            name: 'OldValue',
            label: 'Old Value',
            type: 'String',
            length: 255,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'NewValue',
            label: 'New Value',
            type: 'String',
            length: 255,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'IsDeleted',
            label: 'Deleted',
            type: 'Boolean',
            nillable: false
        },
        {
            name: 'CreatedDate',
            label: 'Created Date',
            type: 'DateTime',
            nillable: false
        },
        ref('CreatedById', 'Created By ID', ['User'], 'CreatedBy', {
            nillable: false
        })
    ]
};

const feed: ObjectDef = {
    apiName: 'MessagingSessionFeed',
    label: 'Messaging Session Feed',
    labelPlural: 'Messaging Session Feed',
    keyPrefix: '0D5',
    nameField: 'Id',
    childRelationships: [],
    fields: [
        ID,
        ref('ParentId', 'Parent ID', ['MessagingSession'], 'Parent', {
            nillable: false
        }),
        {
            name: 'Type',
            label: 'Feed Item Type',
            type: 'Picklist',
            length: 40,
            nillable: false,
            picklist: FEED_TYPE_VALUES
        },
        { name: 'Title', label: 'Title', type: 'String', length: 255 },
        {
            name: 'Body',
            label: 'Body',
            type: 'TextArea',
            length: 10000,
            htmlFormatted: true,
            filterable: false,
            sortable: false,
            groupable: false
        },
        {
            name: 'IsRichText',
            label: 'Is Rich Text',
            type: 'Boolean',
            nillable: false
        },
        { name: 'LinkUrl', label: 'Link URL', type: 'Url', length: 1000 },
        {
            name: 'CommentCount',
            label: 'Comment Count',
            type: 'Int',
            precision: 9,
            nillable: false
        },
        {
            name: 'LikeCount',
            label: 'Like Count',
            type: 'Int',
            precision: 9,
            nillable: false
        },
        {
            name: 'IsDeleted',
            label: 'Deleted',
            type: 'Boolean',
            nillable: false
        },
        {
            name: 'CreatedDate',
            label: 'Created Date',
            type: 'DateTime',
            nillable: false
        },
        ref('CreatedById', 'Created By ID', ['User'], 'CreatedBy', {
            nillable: false
        }),
        {
            name: 'LastModifiedDate',
            label: 'Last Modified Date',
            type: 'DateTime',
            nillable: false
        },
        {
            name: 'SystemModstamp',
            label: 'System Modstamp',
            type: 'DateTime',
            nillable: false
        }
    ]
};

const metrics: ObjectDef = {
    apiName: 'MessagingSessionMetrics',
    label: 'Messaging Session Metrics',
    labelPlural: 'Messaging Session Metrics',
    keyPrefix: '1Mm',
    nameField: 'Name',
    childRelationships: [],
    fields: [
        ID,
        {
            name: 'Name',
            label: 'Messaging Session Metrics Name',
            type: 'String',
            length: 255,
            nillable: false,
            nameField: true
        },
        ref(
            'MessagingSessionId',
            'Messaging Session ID',
            ['MessagingSession'],
            'MessagingSession',
            { nillable: false, createable: true }
        ),
        {
            name: 'MessagingSessionMetricType',
            label: 'Messaging Session Metric Type',
            type: 'Picklist',
            length: 255,
            nillable: false,
            picklist: METRIC_TYPE_VALUES,
            restricted: true,
            createable: true
        },
        {
            name: 'MessagingSessionMetricValue',
            label: 'Messaging Session Metric Value',
            type: 'Int',
            precision: 9,
            createable: true
        },
        {
            name: 'IsDeleted',
            label: 'Deleted',
            type: 'Boolean',
            nillable: false
        },
        ...audit()
    ]
};

export const OBJECTS: readonly ObjectDef[] = [
    messagingSession,
    user,
    group,
    groupMember,
    account,
    contact,
    caseObj,
    lead,
    opportunity,
    messagingChannel,
    messagingEndUser,
    history,
    feed,
    metrics
];

const byName = new Map(OBJECTS.map((o) => [o.apiName, o]));
const byPrefix = new Map(OBJECTS.map((o) => [o.keyPrefix, o]));

export function objectDef(apiName: string): ObjectDef | undefined {
    return byName.get(apiName);
}

export function objectForId(id: string): ObjectDef | undefined {
    return byPrefix.get(id.slice(0, 3));
}

const fieldMaps = new Map<string, Map<string, FieldDef>>();
const relMaps = new Map<string, Map<string, FieldDef>>();
for (const o of OBJECTS) {
    fieldMaps.set(o.apiName, new Map(o.fields.map((f) => [f.name, f])));
    relMaps.set(
        o.apiName,
        new Map(
            o.fields
                .filter((f) => f.relationshipName)
                .map((f) => [f.relationshipName as string, f])
        )
    );
}

export function fieldDef(
    objectApiName: string,
    fieldName: string
): FieldDef | undefined {
    return fieldMaps.get(objectApiName)?.get(fieldName);
}

/** The reference field behind a relationship name (Owner → OwnerId). */
export function relationshipField(
    objectApiName: string,
    relationshipName: string
): FieldDef | undefined {
    return relMaps.get(objectApiName)?.get(relationshipName);
}

/** Reference targets that exist in the preview database (Campaign and Conversation do not). */
export function storedTargets(field: FieldDef): ObjectDef[] {
    return (field.referenceTo ?? [])
        .map((n) => byName.get(n))
        .filter((o): o is ObjectDef => Boolean(o));
}

export function picklistLabelOf(
    field: FieldDef,
    value: unknown
): string | null {
    if (value == null) return null;
    return (
        field.picklist?.find((p) => p.value === value)?.label ?? String(value)
    );
}

/** SQLite column type for a field. */
export function sqlType(field: FieldDef): string {
    switch (field.type) {
        case 'Int':
        case 'Boolean':
            return 'INTEGER';
        case 'Double':
            return 'REAL';
        default:
            return 'TEXT';
    }
}

export const q = (identifier: string): string =>
    `"${identifier.replace(/"/g, '""')}"`;
