/**
 * The standard (platform) names that project metadata may point at without defining them.
 * Each list is explicit on purpose: a reference that is neither defined in force-app nor listed
 * here is reported, so a typo in a standard name fails as loudly as a missing custom one.
 *
 * Field lists follow the Salesforce Object Reference (MessagingSession, MessagingEndUser,
 * MessagingChannel); for the CRM objects only the fields the
 * console can plausibly use are listed. Extend a list when a component needs another standard field.
 */

export interface StandardObjectSchema {
    /** Field API names. */
    readonly fields: readonly string[];
    /** Relationship name -> object it points to (for spanning references such as Owner.Name). */
    readonly relationships: Readonly<Record<string, string>>;
}

const SYSTEM_FIELDS = [
    'Id',
    'IsDeleted',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp'
] as const;

const SYSTEM_RELATIONSHIPS = {
    CreatedBy: 'User',
    LastModifiedBy: 'User'
} as const;

function schema(
    fields: readonly string[],
    relationships: Record<string, string> = {}
): StandardObjectSchema {
    return {
        fields: [...SYSTEM_FIELDS, ...fields],
        relationships: { ...SYSTEM_RELATIONSHIPS, ...relationships }
    };
}

export const STANDARD_OBJECTS: Readonly<Record<string, StandardObjectSchema>> =
    {
        MessagingSession: schema(
            [
                'AcceptTime',
                'AgentMessageCount',
                'AgentType',
                'CampaignId',
                'CaseId',
                'ChannelEndUserFormula',
                'ChannelGroup',
                'ChannelIntent',
                'ChannelKey',
                'ChannelLocale',
                'ChannelName',
                'ChannelType',
                'ConversationId',
                'CurrencyIsoCode',
                'EndedByType',
                'EndTime',
                'EndUserAccountId',
                'EndUserContactId',
                'EndUserLanguage',
                'EndUserMessageCount',
                'LastReferencedDate',
                'LastViewedDate',
                'LeadId',
                'MessagingChannelId',
                'MessagingEndUserId',
                'Name',
                'OpportunityId',
                'Origin',
                'OwnerId',
                'PreviewDetails',
                'SessionKey',
                'StartTime',
                'Status',
                'TargetUserId'
            ],
            {
                Campaign: 'Campaign',
                Case: 'Case',
                Conversation: 'Conversation',
                EndUserAccount: 'Account',
                EndUserContact: 'Contact',
                Lead: 'Lead',
                MessagingChannel: 'MessagingChannel',
                MessagingEndUser: 'MessagingEndUser',
                Opportunity: 'Opportunity',
                Owner: 'User',
                TargetUser: 'User'
            }
        ),
        MessagingEndUser: schema(
            [
                'AccountId',
                'ContactId',
                'HasInitialResponseSent',
                'IsFullyOptedIn',
                'IsOptedOut',
                'IsoCountryCode',
                'Language',
                'LastReferencedDate',
                'LastViewedDate',
                'LeadId',
                'Locale',
                'MessageType',
                'MessagingChannelId',
                'MessagingConsentStatus',
                'MessagingPlatformKey',
                'Name',
                'OwnerId',
                'ProfilePictureUrl'
            ],
            {
                Account: 'Account',
                Contact: 'Contact',
                Lead: 'Lead',
                MessagingChannel: 'MessagingChannel',
                Owner: 'User'
            }
        ),
        // Object reference v62.0+: a detail of MessagingSession, for enhanced sessions only.
        MessagingSessionMetrics: schema(
            [
                'MessagingSessionId',
                'MessagingSessionMetricType',
                'MessagingSessionMetricValue',
                'Name'
            ],
            { MessagingSession: 'MessagingSession' }
        ),
        MessagingChannel: schema([
            'BusinessHoursId',
            'ChannelAddressIdentifier',
            'ChannelDefinitionId',
            'ConsentType',
            'ConversationEndResponse',
            'DeveloperName',
            'DoubleOptInPrompt',
            'EngagedResponse',
            'InitialResponse',
            'IsActive',
            'IsAuthenticated',
            'IsRequireDoubleOptIn',
            'IsoCountryCode',
            'MasterLabel',
            'MessageType',
            'MessagingPlatformKey',
            'PlatformType',
            'RoutingConfigurationId',
            'RoutingType',
            'SessionHandler',
            'TargetQueueId'
        ]),
        Account: schema(['Name', 'OwnerId', 'Phone', 'PersonContactId'], {
            Owner: 'User'
        }),
        Contact: schema(
            [
                'AccountId',
                'Email',
                'FirstName',
                'LastName',
                'MobilePhone',
                'Name',
                'OwnerId',
                'Phone',
                'Title'
            ],
            { Account: 'Account', Owner: 'User' }
        ),
        Case: schema(
            [
                'AccountId',
                'CaseNumber',
                'ContactId',
                'Description',
                'Origin',
                'OwnerId',
                'Priority',
                'Status',
                'Subject'
            ],
            { Account: 'Account', Contact: 'Contact', Owner: 'User' }
        ),
        Lead: schema(
            [
                'Company',
                'Email',
                'FirstName',
                'LastName',
                'MobilePhone',
                'Name',
                'OwnerId',
                'Phone',
                'Status'
            ],
            {
                Owner: 'User'
            }
        ),
        Opportunity: schema(['AccountId', 'Name', 'OwnerId', 'StageName'], {
            Account: 'Account',
            Owner: 'User'
        }),
        Campaign: schema(['Name', 'OwnerId'], { Owner: 'User' }),
        Conversation: schema(['Name']),
        Group: schema(['Name', 'DeveloperName', 'Type']),
        User: schema([
            'Email',
            'FirstName',
            'IsActive',
            'LastName',
            'Name',
            'SmallPhotoUrl',
            'Username'
        ])
    };

/**
 * Polymorphic relationships: the relationship name may point at several objects (Owner: User or
 * Group). Spanning through them is only checked against fields that every target shares.
 */
export const POLYMORPHIC_RELATIONSHIP_FIELDS: Readonly<
    Record<string, readonly string[]>
> = {
    Owner: ['Id', 'Name']
};

/** Standard tabs the project's app and permission sets may name. */
export const STANDARD_TABS: readonly string[] = [
    'standard-home',
    'standard-MessagingSession',
    'standard-MessagingEndUser',
    'standard-MessagingChannel',
    'standard-Case',
    'standard-Contact',
    'standard-Account',
    'standard-Lead',
    // The Omni Supervisor navigation item (UI API navigation item OmniSupervisorLightning).
    'standard-OmniSupervisorLightning'
];

/**
 * Platform FlexiPage components (namespaced) that the project's pages may place. The project's own
 * components are found in lwc/ instead.
 */
export const STANDARD_FLEXIPAGE_COMPONENTS: readonly string[] = [
    'flexipage:tab',
    'flexipage:tabset',
    'flexipage:richText',
    'force:highlightsPanel',
    'force:detailPanel',
    'force:relatedListContainer',
    'force:relatedListSingleContainer',
    'forceChatter:recordFeedContainer',
    'console:history',
    'console:relatedRecord',
    'runtime_service_omnichannel:omniWidget',
    // Messaging conversation components of Salesforce's own Messaging Session page.
    'scrt:conversationBody',
    'runtime_service_livemessage:chatBody',
    'runtime_service_livemessage:messagingSessionLinkedRecords'
];

/**
 * Standard quick actions a console:relatedRecord card may name: the global create actions and the
 * default update actions Salesforce generates per object (names as in Salesforce's own pages).
 */
export const STANDARD_QUICK_ACTIONS: readonly string[] = [
    'NewCase',
    'NewContact',
    'NewLead',
    'Case._LightningUpdateCase',
    'Contact._LightningRelatedContact',
    'MessagingEndUser._UpdateMessagingEndUser'
];

/** FlexiPage type -> the js-meta.xml target a component needs to be placed on it. */
export const PAGE_TYPE_TARGETS: Readonly<Record<string, string>> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

/** Template names known to each FlexiPage type, with the regions each template has. */
export const FLEXIPAGE_TEMPLATES: Readonly<
    Record<
        string,
        { readonly type: string; readonly regions: readonly string[] }
    >
> = {
    'flexipage:recordHomeTemplateDesktop': {
        type: 'RecordPage',
        regions: ['header', 'main', 'sidebar']
    },
    'flexipage:appHomeTemplateThreeColumns': {
        type: 'AppPage',
        regions: ['region1', 'region2', 'region3']
    },
    'flexipage:appHomeTemplateHeaderThreeColumns': {
        type: 'AppPage',
        regions: ['region1', 'region2', 'region3', 'region4']
    },
    'one:utilityBarTemplateDesktop': {
        type: 'UtilityBar',
        regions: ['utilityItems', 'backgroundComponents']
    }
};
