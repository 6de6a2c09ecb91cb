/**
 * Benchmark (not a timed test): the client-side work of the agent metrics panel for one refresh,
 * i.e. combining the aggregate rows of its documents into per-agent rows and team totals, then
 * formatting the table rows, the totals row and the chart, for 50 and 500 agents. The panel's cost grows with agents,
 * never with sessions: the sessions were aggregated by the server.
 *
 *   npx tsx scripts/bench/metricsCombine.bench.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { installScopedModules } from './lwcScopedModules';

installScopedModules();

const LWC = '../../force-app/main/default/lwc';

/** The panel's pure modules the refresh goes through: combining, the row views, the chart. */
type Logic =
    typeof import('../../force-app/main/default/lwc/messagingAgentMetrics/metricsCombine') &
        typeof import('../../force-app/main/default/lwc/messagingAgentMetrics/metricsVariables') &
        typeof import('../../force-app/main/default/lwc/messagingAgentMetrics/metricsView') &
        typeof import('../../force-app/main/default/lwc/messagingMetricsChart/chartModel');

const CHANNELS = [
    'Text',
    'WhatsApp',
    'Facebook',
    'EmbeddedMessaging',
    'AppleBusinessChat'
];
const OPEN = ['Active', 'Waiting', 'Paused'];

/** A deterministic pseudo-random sequence, so that every run measures the same data. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1664525 + 1013904223) % 4294967296;
        return state / 4294967296;
    };
}

function ownerId(index: number): string {
    return `005${String(index).padStart(12, '0')}AAA`;
}

type Input = Parameters<Logic['combineMetrics']>[0];

const QUEUES = 2;

function queueId(index: number): string {
    return `00G${String(index).padStart(12, '0')}AAA`;
}

/**
 * What the panel has received for `agents` agents, in the documented aggregate shapes: the core
 * document (handled, by channel, open now, the users), wait and handle times, the session metrics
 * of each type it asks for, and the names of the queues that own open sessions.
 */
function input(logic: Logic, agents: number): Input {
    const next = random(agents);
    const value = <T>(v: T) => ({ value: v });
    const done = { hasNextPage: false };
    const sessions = [];
    const byChannel = [];
    const openNow = [];
    const waitTimes = [];
    const handleTimes = [];
    const metrics = [];
    const users = [];
    const queues = [];
    for (let i = 0; i < agents; i++) {
        const id = ownerId(i);
        const handled = Math.floor(next() * 200);
        const enhanced = Math.floor(handled * next());
        users.push({ node: { Id: id, Name: value(`Agent ${i}`) } });
        sessions.push({
            node: {
                aggregate: { OwnerId: value(id), Id: { count: value(handled) } }
            }
        });
        waitTimes.push({
            node: {
                aggregate: {
                    OwnerId: value(id),
                    MSC_WaitSeconds__c: {
                        avg: value(next() * 300),
                        max: value(600),
                        count: value(handled)
                    }
                }
            }
        });
        handleTimes.push({
            node: {
                aggregate: {
                    OwnerId: value(id),
                    MSC_HandleSeconds__c: {
                        avg: value(next() * 1800),
                        max: value(3600),
                        count: value(handled)
                    }
                }
            }
        });
        for (const channel of CHANNELS) {
            byChannel.push({
                node: {
                    aggregate: {
                        OwnerId: value(id),
                        ChannelType: value(channel),
                        Id: { count: value(Math.floor(next() * 40)) }
                    }
                }
            });
        }
        for (const status of OPEN) {
            openNow.push({
                node: {
                    aggregate: {
                        OwnerId: value(id),
                        Status: value(status),
                        Id: { count: value(Math.floor(next() * 3)) }
                    }
                }
            });
        }
        for (const type of logic.SESSION_METRIC_TYPES) {
            metrics.push({
                node: {
                    aggregate: {
                        MessagingSession: { OwnerId: value(id) },
                        MessagingSessionMetricType: value(type.value),
                        MessagingSessionMetricValue: {
                            avg: value(next() * 90),
                            sum: value(Math.floor(next() * 90 * enhanced)),
                            count: value(enhanced)
                        }
                    }
                }
            });
        }
    }
    // Sessions waiting in queues are open sessions of owners that are not users.
    for (let i = 0; i < QUEUES; i++) {
        const id = queueId(i);
        queues.push({ node: { Id: id, Name: value(`Queue ${i}`) } });
        openNow.push({
            node: {
                aggregate: {
                    OwnerId: value(id),
                    Status: value('Waiting'),
                    Id: { count: value(Math.floor(next() * 30)) }
                }
            }
        });
    }
    const connection = <T>(edges: T[]) => ({ edges, pageInfo: done });
    return {
        core: {
            uiapi: {
                aggregate: {
                    MessagingSession: connection(sessions),
                    byChannel: connection(byChannel),
                    openNow: connection(openNow)
                },
                query: { User: connection(users) }
            }
        },
        waitTimes: {
            uiapi: { aggregate: { MessagingSession: connection(waitTimes) } }
        },
        handleTimes: {
            uiapi: { aggregate: { MessagingSession: connection(handleTimes) } }
        },
        sessionMetrics: {
            uiapi: {
                aggregate: { MessagingSessionMetrics: connection(metrics) }
            }
        },
        queueNames: { uiapi: { query: { Group: connection(queues) } } }
    } as Input;
}

function measure(
    logic: Logic,
    agents: number,
    iterations: number
): { median: number; mean: number; p95: number; rows: number } {
    const data = input(logic, agents);
    const targets = { waitSeconds: 120, handleSeconds: 900 };
    const run = (): number => {
        const combined = logic.combineMetrics(data);
        const rows = logic.agentRowViews(combined, targets);
        logic.totalsRowView(combined, targets, 'Team total');
        logic.chartModel(
            rows.filter((row) => !row.isQueue),
            '{0}: {1} handled, {2} open now'
        );
        return rows.length;
    };
    for (let i = 0; i < Math.min(50, iterations); i++) run(); // warm-up
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        rows = run();
        times.push(performance.now() - start);
    }
    // A shape the panel no longer reads would give no rows: measure nothing rather than that.
    if (rows !== agents + QUEUES)
        throw new Error(
            `combineMetrics gave ${rows} rows for ${agents} agents and ${QUEUES} queues: the input no longer has the panel's shape`
        );
    times.sort((a, b) => a - b);
    const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
    return {
        median: times[Math.floor(times.length / 2)],
        mean,
        p95: times[Math.floor(times.length * 0.95)],
        rows
    };
}

async function main(): Promise<void> {
    const iterations = Math.max(1, Number(process.argv[2]) || 200);
    // Required after the scoped modules are installed.
    const logic = Object.assign(
        {},
        ...[
            'messagingAgentMetrics/metricsCombine',
            'messagingAgentMetrics/metricsVariables',
            'messagingAgentMetrics/metricsView',
            'messagingMetricsChart/chartModel'
        ].map(
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            (module) => require(`${LWC}/${module}`) as object
        )
    ) as Logic;
    console.log(
        `messagingAgentMetrics combine + format, ${iterations} iterations each (Node ${process.version})`
    );
    console.log('agents  rows  median ms  mean ms  p95 ms');
    for (const agents of [50, 500]) {
        const result = measure(logic, agents, iterations);
        console.log(
            `${String(agents).padStart(6)}  ${String(result.rows).padStart(4)}  ${result.median.toFixed(3).padStart(9)}  ${result.mean
                .toFixed(3)
                .padStart(7)}  ${result.p95.toFixed(3).padStart(6)}`
        );
    }
}

void main();
