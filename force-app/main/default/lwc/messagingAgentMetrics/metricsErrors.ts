/**
 * Reads the errors of the core metrics document, which stop the panel (the other documents' errors
 * only mark their own figures not available).
 */
import { formatLabel } from 'c/messagingTime';
import {
    describeError,
    graphqlErrorList,
    graphqlErrorText
} from 'c/messagingErrors';

import labelErrorAccess from '@salesforce/label/c.MSC_MetricsErrorAccess';
import labelErrorGroup from '@salesforce/label/c.MSC_MetricsErrorGroup';

export type MetricsProblem = 'access' | 'teamGroup' | 'other';

export interface MetricsErrorReading {
    problem: MetricsProblem;
    message: string;
}

const ACCESS_PATTERN =
    /insufficient[_ ]access|not accessible|no access|access denied|permission|INVALID_TYPE|not supported|isn't supported|is undefined|sObject type|doesn't exist|does not exist/i;

/**
 * Reads the `errors` of the core metrics response, which stop the panel: an App Builder team
 * group the org won't read (GroupMember through GraphQL is not documented to work), no access to
 * sessions, or anything else (the server's own words).
 */
export function readMetricsErrors(
    errors: unknown,
    teamGroup?: string | null
): MetricsErrorReading {
    const list = graphqlErrorList(errors);
    const texts = list.map(graphqlErrorText);
    const group = teamGroup?.trim();
    if (
        group &&
        texts.some((text) =>
            /GroupMember|UserOrGroupId|DeveloperName/i.test(text)
        )
    ) {
        return {
            problem: 'teamGroup',
            message: formatLabel(labelErrorGroup, group)
        };
    }
    const described = describeError({ errors: list });
    if (
        described.kind === 'access' ||
        texts.some((text) => ACCESS_PATTERN.test(text))
    ) {
        return {
            problem: 'access',
            message: `${labelErrorAccess} (${described.message})`
        };
    }
    return { problem: 'other', message: described.message };
}
