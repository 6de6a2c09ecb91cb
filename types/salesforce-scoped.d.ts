/** The @salesforce scoped modules, resolved by the platform at deploy time and by sfdx-lwc-jest in tests. */

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/schema/*' {
    const reference: UiApi.FieldId & UiApi.ObjectId;
    export default reference;
}

declare module '@salesforce/messageChannel/*' {
    const channel: { readonly __messageChannel: unique symbol };
    export default channel;
}

declare module '@salesforce/i18n/*' {
    const value: string;
    export default value;
}
