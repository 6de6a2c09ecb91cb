// sfdx-lwc-jest's lightning/graphql stub has the graphql adapter and gql but no refreshGraphQL.
// This mock keeps the stub's adapter and adds refreshGraphQL as a jest.fn tests can assert on.
export {
    graphql,
    gql
} from '@salesforce/sfdx-lwc-jest/src/lightning-stubs/graphql/graphql';

export const refreshGraphQL = jest.fn(() => Promise.resolve());
