/**
 * Benchmark (not a timed test): the client-side work of the agent metrics panel for one response,
 * i.e. combining the aggregate rows into per-agent rows and team totals, then formatting the table
 * rows, the totals row and the chart, for 50 and 500 agents. The panel's cost grows with agents,
 * never with sessions: the sessions were aggregated by the server.
 *
 *   npx tsx scripts/bench/metricsCombine.bench.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { installScopedModules } from './lwcScopedModules';

installScopedModules();

type Logic =
    typeof import('../../force-app/main/default/lwc/messagingAgentMetrics/agentMetrics');

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

/** A response in the documented aggregate shape, as the panel's query returns it for `agents` agents. */
function response(agents: number): unknown {
    const next = random(agents);
    const value = <T>(v: T) => ({ value: v });
    const sessions = [];
    const byChannel = [];
    const openNow = [];
    const metrics = [];
    const users = [];
    for (let i = 0; i < agents; i++) {
        const id = ownerId(i);
        const handled = Math.floor(next() * 200);
        const enhanced = Math.floor(handled * next());
        users.push({ node: { Id: id, Name: value(`Agent ${i}`) } });
        sessions.push({
            node: {
                aggregate: {
                    OwnerId: value(id),
                    Id: { count: value(handled) },
                    MSC_WaitSeconds__c: {
                        avg: value(next() * 300),
                        max: value(600),
                        count: value(handled)
                    },
                    MSC_HandleSeconds__c: {
                        avg: value(next() * 1800),
                        max: value(3600),
                        count: value(handled)
                    },
                    AgentMessageCount: {
                        sum: value((handled - enhanced) * 8),
                        count: value(handled - enhanced)
                    },
                    EndUserMessageCount: {
                        sum: value((handled - enhanced) * 9),
                        count: value(handled - enhanced)
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
        metrics.push({
            node: {
                aggregate: {
                    MessagingSession: { OwnerId: value(id) },
                    MessagingSessionMetricValue: {
                        avg: value(next() * 90),
                        count: value(enhanced)
                    }
                }
            }
        });
    }
    return {
        uiapi: {
            aggregate: {
                MessagingSession: {
                    edges: sessions,
                    pageInfo: { hasNextPage: false }
                },
                byChannel: {
                    edges: byChannel,
                    pageInfo: { hasNextPage: false }
                },
                openNow: { edges: openNow, pageInfo: { hasNextPage: false } },
                MessagingSessionMetrics: { edges: metrics }
            },
            query: { User: { edges: users } }
        }
    };
}

function measure(
    logic: Logic,
    agents: number,
    iterations: number
): { median: number; mean: number; p95: number; rows: number } {
    const data = response(agents) as Parameters<Logic['combineMetrics']>[0];
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
    const path =
        '../../force-app/main/default/lwc/messagingAgentMetrics/agentMetrics';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const logic = require(path) as Logic;
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
