// lightning/graphql in Jest. It exports exactly what the platform module exports: gql, graphql and
// executeMutation (LWC guide, reference-graphql-mutation.html), nothing more; the sfdx-lwc-jest
// stub has the first two. test/platformDoubles.test.ts holds every double to that rule.
import {
    graphql as StubGraphql,
    gql
} from '@salesforce/sfdx-lwc-jest/src/lightning-stubs/graphql/graphql';

export { gql };

/**
 * The stub's test adapter, with a `refresh` function on every emitted result, as the platform's
 * wire result carries one (LWC guide, reference-graphql-refresh.html). A test passes its own
 * refresh to emit(), or asserts on the default one, graphql.refresh.
 */
export class graphql extends StubGraphql {
    static emit(value, filterFn, refreshFn = graphql.refresh) {
        super.emit(value, filterFn, refreshFn);
    }

    static emitErrors(errors, filterFn, refreshFn = graphql.refresh) {
        super.emitErrors(errors, filterFn, refreshFn);
    }
}
graphql.refresh = jest.fn(() => Promise.resolve());

/** Imperative mutations; resolves like the platform's, with `data` and `errors`. */
export const executeMutation = jest.fn(() =>
    Promise.resolve({ data: undefined, errors: undefined })
);
