/**
 * The owners and answers the metrics modules' tests share: each document's fixture in the
 * documented shapes, as the panel receives them.
 */
import type {
    CoreMetricsData,
    DurationData,
    QueueNamesData,
    SessionMetricsData
} from '../metricsResponses';
import type { MetricsInput } from '../metricsCombine';

import coreJson from './data/graphqlMetrics.json';
import waitTimesJson from './data/graphqlMetricsWaitTimes.json';
import handleTimesJson from './data/graphqlMetricsHandleTimes.json';
import sessionMetricsJson from './data/graphqlMetricsSessionMetrics.json';
import queueNamesJson from './data/graphqlMetricsQueueNames.json';

export const ME = '005000000000000AAA';
export const ADA = '005000000000001AAA';
export const BEN = '005000000000002AAA';
export const CY = '005000000000003AAA';
export const DEE = '005000000000004AAA';
export const QUEUE = '00G000000000001AAA';

/** Every document answered with its fixture. */
export const FULL: MetricsInput = {
    core: coreJson.data as CoreMetricsData,
    waitTimes: waitTimesJson.data as DurationData,
    handleTimes: handleTimesJson.data as DurationData,
    sessionMetrics: sessionMetricsJson.data as SessionMetricsData,
    queueNames: queueNamesJson.data as QueueNamesData
};

export const NO_TARGETS = { waitSeconds: null, handleSeconds: null };
