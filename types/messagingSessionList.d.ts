/** Scoped modules the session list uses that the shared declarations don't cover. */
declare module '@salesforce/user/Id' {
    /** The Id of the current user (resolved by the platform; sfdx-lwc-jest gives 005000000000000000). */
    const id: string;
    export default id;
}
