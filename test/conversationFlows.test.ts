/** @jest-environment node */
// Reads the start-conversation flows and quick actions as XML and checks their contracts: the send flow calls
// Send Conversation Messages with the documented inputs in batches of at most 100, every action and
// lookup has a fault path, and the screen flow sends through the autolaunched flow as a subflow.
// A small interpreter also runs the send flow's control flow (assignments, decisions, loops) against
// a fake action, to prove the batching and the stop-on-failure behaviour end to end.
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { XMLParser } from 'fast-xml-parser';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML has no static shape
type Node = Record<string, any>;

/** The first item matching `predicate`; fails the test when there is none. */
function one(
    items: Node[],
    predicate: (item: Node) => boolean,
    what: string
): Node {
    const found = items.find(predicate);
    if (!found) throw new Error(`missing ${what}`);
    return found;
}

const ROOT = join(__dirname, '..', 'force-app', 'main', 'default');
const ELEMENT_KINDS = [
    'actionCalls',
    'assignments',
    'collectionProcessors',
    'decisions',
    'loops',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordUpdates',
    'screens',
    'subflows',
    'waits'
];
const LIST_TAGS = new Set([
    ...ELEMENT_KINDS,
    'choices',
    'constants',
    'formulas',
    'textTemplates',
    'variables',
    'inputParameters',
    'outputParameters',
    'inputAssignments',
    'outputAssignments',
    'assignmentItems',
    'rules',
    'conditions',
    'filters',
    'fields',
    'queriedFields',
    'choiceReferences',
    'processMetadataValues'
]);

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => LIST_TAGS.has(name)
});

function readXml(path: string): Node {
    return parser.parse(readFileSync(path, 'utf8'));
}
function readFlow(name: string): Node {
    return readXml(join(ROOT, 'flows', `${name}.flow-meta.xml`)).Flow;
}
const list = (value: unknown): Node[] =>
    Array.isArray(value) ? value : value == null ? [] : [value];

const send = readFlow('MSC_Send_Messaging_Notification');
const start = readFlow('MSC_Start_Messaging_Conversation');

function elements(flow: Node): Map<string, { kind: string; node: Node }> {
    const found = new Map<string, { kind: string; node: Node }>();
    for (const kind of ELEMENT_KINDS) {
        for (const node of list(flow[kind]))
            found.set(node.name, { kind, node });
    }
    return found;
}

/** Every connector leaving an element: [label, target]. */
function connectorsOf(kind: string, node: Node): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const add = (label: string, connector: Node | undefined): void => {
        if (connector?.targetReference)
            out.push([label, connector.targetReference]);
    };
    add('connector', node.connector);
    add('faultConnector', node.faultConnector);
    add('defaultConnector', node.defaultConnector);
    add('nextValueConnector', node.nextValueConnector);
    add('noMoreValuesConnector', node.noMoreValuesConnector);
    if (kind === 'decisions')
        list(node.rules).forEach((rule) =>
            add(`rule ${rule.name}`, rule.connector)
        );
    return out;
}

/** Element names reachable from `from` without going through `stopAt`. */
function reachable(flow: Node, from: string, stopAt?: string): Set<string> {
    const all = elements(flow);
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length) {
        const name = queue.shift()!;
        if (seen.has(name) || name === stopAt) continue;
        seen.add(name);
        const element = all.get(name);
        if (element)
            connectorsOf(element.kind, element.node).forEach(([, target]) =>
                queue.push(target)
            );
    }
    return seen;
}

function variable(flow: Node, name: string): Node | undefined {
    return list(flow.variables).find((v) => v.name === name);
}

describe.each([
    ['MSC_Send_Messaging_Notification', send],
    ['MSC_Start_Messaging_Conversation', start]
])('%s: structure', (_name, flow) => {
    it('is an API 66.0 flow with a description, shipped as Draft (activated after the deploy)', () => {
        expect(flow.apiVersion).toBe('66.0');
        expect(flow.status).toBe('Draft');
        expect(String(flow.description ?? '').length).toBeGreaterThan(40);
    });

    it('gives every action call and record lookup a fault connector to an element of the flow', () => {
        const all = elements(flow);
        const faultable = [
            'actionCalls',
            'recordLookups',
            'recordCreates',
            'recordUpdates',
            'recordDeletes'
        ].flatMap((kind) => list(flow[kind]));
        expect(faultable.length).toBeGreaterThan(0);
        for (const node of faultable) {
            expect({
                name: node.name,
                fault: node.faultConnector?.targetReference
            }).toEqual({
                name: node.name,
                fault: expect.any(String)
            });
            expect(all.has(node.faultConnector.targetReference)).toBe(true);
        }
    });

    it('connects only to existing elements, and reaches every element from the start', () => {
        const all = elements(flow);
        for (const [name, { kind, node }] of all) {
            for (const [label, target] of connectorsOf(kind, node)) {
                expect(
                    `${name} ${label} -> ${all.has(target) ? 'ok' : target}`
                ).toBe(`${name} ${label} -> ok`);
            }
        }
        const fromStart = reachable(flow, flow.start.connector.targetReference);
        expect([...all.keys()].filter((name) => !fromStart.has(name))).toEqual(
            []
        );
    });

    it('describes every element', () => {
        const missing = [...elements(flow).values()]
            .filter(({ node }) => !String(node.description ?? '').trim())
            .map(({ node }) => node.name);
        expect(missing).toEqual([]);
    });

    it('runs no query, action or subflow inside a loop body', () => {
        const all = elements(flow);
        for (const loop of list(flow.loops)) {
            const body = reachable(
                flow,
                loop.nextValueConnector.targetReference,
                loop.name
            );
            const heavy = [...body].filter((name) =>
                [
                    'actionCalls',
                    'recordLookups',
                    'recordCreates',
                    'recordUpdates',
                    'recordDeletes',
                    'subflows'
                ].includes(all.get(name)?.kind ?? '')
            );
            expect({ loop: loop.name, heavy }).toEqual({
                loop: loop.name,
                heavy: []
            });
        }
    });

    it('hard-codes no record id and runs in user context', () => {
        const xml = JSON.stringify(flow);
        expect(xml).not.toMatch(
            /"[a-zA-Z0-9]{3}0[a-zA-Z0-9]{11}([a-zA-Z0-9]{3})?"/
        );
        expect(flow.runInMode ?? 'DefaultMode').toBe('DefaultMode');
    });
});

describe('MSC_Send_Messaging_Notification: contract', () => {
    const action = list(send.actionCalls)[0];
    const inputs = Object.fromEntries(
        list(action.inputParameters).map((p) => [p.name, p.value])
    );

    it('is an autolaunched flow with the documented inputs and outputs', () => {
        expect(send.processType).toBe('AutoLaunchedFlow');
        expect(variable(send, 'messagingEndUserIds')).toMatchObject({
            dataType: 'String',
            isCollection: 'true',
            isInput: 'true'
        });
        expect(variable(send, 'messagingComponentName')).toMatchObject({
            dataType: 'String',
            isInput: 'true'
        });
        expect(variable(send, 'allowedSessionStatus')).toMatchObject({
            dataType: 'String',
            isInput: 'true'
        });
        expect(variable(send, 'enforceConsent')).toMatchObject({
            dataType: 'Boolean',
            isInput: 'true'
        });
        expect(variable(send, 'requestIds')).toMatchObject({
            dataType: 'String',
            isCollection: 'true',
            isOutput: 'true'
        });
        expect(variable(send, 'errorMessage')).toMatchObject({
            dataType: 'String',
            isOutput: 'true'
        });
        expect(variable(send, 'isSuccess')).toMatchObject({
            dataType: 'Boolean',
            isOutput: 'true'
        });
    });

    it('calls Send Conversation Messages with the documented inputs, once, and keeps its requestId', () => {
        expect(list(send.actionCalls)).toHaveLength(1);
        expect(action.actionType).toBe('sendConversationMessages');
        expect(action.actionName).toBe('sendConversationMessages');
        expect(Object.keys(inputs).sort()).toEqual(
            [
                'allowedSessionStatus',
                'isEnforceMessagingChannelConsent',
                'messageDefinitionName',
                'messagingEndUserIds',
                'requestType'
            ].sort()
        );
        expect(inputs.requestType.stringValue).toBe('SendNotificationMessages');
        expect(inputs.messageDefinitionName.elementReference).toBe(
            'messagingComponentName'
        );
        expect(inputs.isEnforceMessagingChannelConsent.elementReference).toBe(
            'enforceConsent'
        );
        expect(
            variable(send, inputs.messagingEndUserIds.elementReference)
        ).toMatchObject({ dataType: 'String', isCollection: 'true' });
        expect(list(action.outputParameters).map((p) => p.name)).toEqual([
            'requestId'
        ]);
    });

    it('only adds an id to the batch on a path guarded by "size < N" with N at most 100', () => {
        const batchVar = inputs.messagingEndUserIds.elementReference;
        const constants = Object.fromEntries(
            list(send.constants).map((c) => [
                c.name,
                Number(c.value.numberValue)
            ])
        );
        const adders = list(send.assignments).filter((a) =>
            list(a.assignmentItems).some(
                (i) => i.assignToReference === batchVar && i.operator === 'Add'
            )
        );
        expect(adders.length).toBeGreaterThan(0);
        for (const adder of adders) {
            const guards = list(send.decisions)
                .flatMap((d) => list(d.rules))
                .filter((r) => r.connector?.targetReference === adder.name);
            const otherEntries = [...elements(send).values()].filter(
                ({ kind, node }) =>
                    kind !== 'decisions' &&
                    connectorsOf(kind, node).some(
                        ([, target]) => target === adder.name
                    )
            );
            expect(otherEntries).toEqual([]);
            expect(guards).toHaveLength(1);
            const [condition] = list(guards[0].conditions);
            expect(condition.operator).toBe('LessThan');
            const limit = condition.rightValue.elementReference
                ? constants[condition.rightValue.elementReference]
                : Number(condition.rightValue.numberValue);
            expect(limit).toBeLessThanOrEqual(100);
            // The guarded counter grows by one with each id added.
            expect(list(adder.assignmentItems)).toContainEqual({
                assignToReference: condition.leftValueReference,
                operator: 'Add',
                value: { numberValue: '1.0' }
            });
        }
    });
});

// ------------------------------------------------------------------------------------------
// A minimal interpreter for both flows: assignments, decisions, loops, action calls, record lookups
// (against an in-memory table of records, with SOQL's "= null" semantics and only the queried fields),
// screens (a callback fills them in, or the run stops there) and subflows. Formulas are evaluated by the
// functions below, keyed by their exact expression, so changing a formula without updating its
// evaluator fails loudly.
// ------------------------------------------------------------------------------------------
type Value = unknown;
type Env = Map<string, Value>;
type Row = Record<string, Value>;
const isBlank = (value: Value): boolean =>
    value == null || String(value).trim() === '';
const RECORD_KINDS: Record<string, string> = {
    '003': 'contact',
    '001': 'account',
    '00Q': 'lead',
    '500': 'case',
    '0Mw': 'messaging session'
};
const FORMULAS: Record<string, (get: (name: string) => Value) => Value> = {
    'CEILING({!recipientCount} / {!MaxRecipientsPerCall})': (get) =>
        Math.ceil(
            Number(get('recipientCount')) / Number(get('MaxRecipientsPerCall'))
        ),
    'ISBLANK(TRIM({!messagingComponentName}))': (get) =>
        isBlank(get('messagingComponentName')),
    "OR({!timing} = 'Any', {!timing} = 'NonActive', {!timing} = 'Closed')": (
        get
    ) => ['Any', 'NonActive', 'Closed'].includes(String(get('timing'))),
    "IF(ISBLANK({!requestIdsText}), {!currentRequestId}, ', ' & {!currentRequestId})":
        (get) =>
            isBlank(get('requestIdsText'))
                ? get('currentRequestId')
                : `, ${get('currentRequestId')}`,
    "IF(ISBLANK(TRIM({!allowedSessionStatus})), 'NonActive', TRIM({!allowedSessionStatus}))":
        (get) =>
            isBlank(get('allowedSessionStatus'))
                ? 'NonActive'
                : String(get('allowedSessionStatus')).trim(),
    '{!recipientCount} - {!sentRecipientCount}': (get) =>
        Number(get('recipientCount')) - Number(get('sentRecipientCount')),
    'LEFT({!recordId}, 3)': (get) => String(get('recordId') ?? '').slice(0, 3),
    "CASE({!recordPrefix}, '003', 'contact', '001', 'account', '00Q', 'lead', '500', 'case', '0Mw', 'messaging session', 'messaging user')":
        (get) => RECORD_KINDS[String(get('recordPrefix'))] ?? 'messaging user',
    "IF(ISBLANK({!channelSummary}), '', '; ') & {!channel.MasterLabel} & ' (' & TEXT({!channel.MessageType}) & ')'":
        (get) =>
            `${isBlank(get('channelSummary')) ? '' : '; '}${get('channel.MasterLabel') ?? ''} (${get('channel.MessageType') ?? ''})`,
    "IF(ISBLANK({!optedOutNames}), '', ', ') & {!endUser.Name}": (get) =>
        `${isBlank(get('optedOutNames')) ? '' : ', '}${get('endUser.Name') ?? ''}`
};

/** Evaluates "and", "or" or custom logic such as "1 OR (2 AND 3)" over 1-based results. */
function evaluateLogic(logic: string | undefined, results: boolean[]): boolean {
    const mode = (logic ?? 'and').trim().toLowerCase();
    if (mode === 'and') return results.every(Boolean);
    if (mode === 'or') return results.some(Boolean);
    const tokens = mode.match(/\d+|and|or|not|\(|\)/g) ?? [];
    let at = 0;
    const primary = (): boolean => {
        const token = tokens[at++];
        if (token === 'not') return !primary();
        if (token === '(') {
            const inner = either();
            if (tokens[at++] !== ')') throw new Error(`bad logic ${logic}`);
            return inner;
        }
        const index = Number(token) - 1;
        if (!(index in results)) throw new Error(`bad logic ${logic}`);
        return results[index];
    };
    const both = (): boolean => {
        let result = primary();
        while (tokens[at] === 'and') {
            at++;
            result = primary() && result;
        }
        return result;
    };
    const either = (): boolean => {
        let result = both();
        while (tokens[at] === 'or') {
            at++;
            result = both() || result;
        }
        return result;
    };
    const result = either();
    if (at !== tokens.length) throw new Error(`bad logic ${logic}`);
    return result;
}

interface Query {
    object: string;
    element: string;
    filters: Array<{ field: string; operator: string; value: Value }>;
}

interface FlowHooks {
    /** The action call: returns the request id, or an Error for a fault. */
    action?: (call: Record<string, Value>, n: number) => string | Error;
    /** The org's records by object. */
    records?: Record<string, Row[]>;
    /** Makes the lookup on this object fault with this message. */
    lookupFault?: (query: Query) => string | undefined;
    /** Fills in a screen (values by reference name) to go on, or returns null to stop there. */
    screen?: (name: string, get: (name: string) => Value) => Row | null;
    /** Runs a subflow and returns its outputs by name. */
    subflow?: (name: string, inputs: Row) => Row;
}

interface RunResult {
    calls: Array<Record<string, Value>>;
    queries: Query[];
    screens: string[];
    outputs: Record<string, Value>;
    get: (name: string) => Value;
}

function literal(value: Node | undefined): Value {
    if (!value) return null;
    if ('numberValue' in value) return Number(value.numberValue);
    if ('booleanValue' in value) return value.booleanValue === 'true';
    if ('stringValue' in value) return value.stringValue;
    return null;
}

function compare(left: Value, operator: string, right: Value): boolean {
    switch (operator) {
        case 'EqualTo':
            // SOQL and Flow compare a null value as "field = null".
            return (left ?? null) === (right ?? null);
        case 'LessThan':
            return Number(left) < Number(right);
        case 'GreaterThan':
            return Number(left) > Number(right);
        case 'IsNull':
            return (left == null) === right;
        case 'In':
            return Array.isArray(right) && right.includes(left);
        default:
            throw new Error(`operator ${operator} not simulated`);
    }
}

function runFlow(
    flow: Node,
    inputs: Record<string, Value>,
    hooks: FlowHooks = {}
): RunResult {
    const env: Env = new Map();
    const formulas = new Map(
        list(flow.formulas).map((f) => [f.name, f.expression as string])
    );
    const templates = new Map(
        list(flow.textTemplates).map((t) => [t.name, t.text as string])
    );
    const constants = new Map(
        list(flow.constants).map((c) => [c.name, literal(c.value)])
    );
    let faultMessage = '';
    const get = (name: string): Value => {
        if (name === '$Flow.FaultMessage') return faultMessage;
        if (constants.has(name)) return constants.get(name);
        if (formulas.has(name)) {
            const evaluate = FORMULAS[formulas.get(name)!];
            if (!evaluate)
                throw new Error(
                    `no evaluator for formula ${name}: ${formulas.get(name)}`
                );
            return evaluate(get);
        }
        if (templates.has(name))
            return templates
                .get(name)!
                .replace(/\{!([^}]+)\}/g, (_m, ref: string) =>
                    String(get(ref) ?? '')
                );
        const dot = name.indexOf('.');
        if (dot > 0) {
            const record = get(name.slice(0, dot)) as Row | null;
            const field = name.slice(dot + 1);
            if (record == null) return null;
            if (!(field in record))
                throw new Error(`${name}: the field was not queried`);
            return record[field] ?? null;
        }
        return env.get(name) ?? null;
    };
    const value = (v: Node | undefined): Value =>
        v?.elementReference ? get(v.elementReference) : literal(v);
    for (const v of list(flow.variables)) {
        env.set(v.name, v.isCollection === 'true' ? [] : literal(v.value));
        if (v.isInput === 'true' && v.name in inputs)
            env.set(v.name, inputs[v.name]);
    }
    const all = elements(flow);
    const loopState = new Map<string, number>();
    const calls: Array<Record<string, Value>> = [];
    const queries: Query[] = [];
    const screens: string[] = [];
    let current: string | undefined = flow.start.connector.targetReference;
    for (let steps = 0; current; steps++) {
        if (steps > 100000) throw new Error('flow does not terminate');
        const { kind, node } = all.get(current)!;
        if (kind === 'assignments') {
            for (const item of list(node.assignmentItems)) {
                const target = item.assignToReference as string;
                const v = value(item.value);
                const old = env.get(target);
                if (item.operator === 'Assign')
                    env.set(target, Array.isArray(v) ? [...v] : v);
                else if (item.operator === 'AssignCount')
                    env.set(target, Array.isArray(v) ? v.length : 0);
                else if (item.operator === 'Add' && Array.isArray(old))
                    env.set(target, [...old, v]);
                else if (item.operator === 'Add' && typeof v === 'number')
                    env.set(target, Number(old ?? 0) + v);
                else if (item.operator === 'Add')
                    env.set(target, `${old ?? ''}${v ?? ''}`);
                else throw new Error(`operator ${item.operator} not simulated`);
            }
            current = node.connector?.targetReference;
        } else if (kind === 'decisions') {
            const rule = list(node.rules).find((r) =>
                evaluateLogic(
                    r.conditionLogic,
                    list(r.conditions).map((c) =>
                        compare(
                            get(c.leftValueReference),
                            c.operator,
                            value(c.rightValue)
                        )
                    )
                )
            );
            current = (rule ? rule.connector : node.defaultConnector)
                ?.targetReference;
        } else if (kind === 'loops') {
            const items = (get(node.collectionReference) ?? []) as Value[];
            const index = loopState.get(node.name) ?? 0;
            if (index < items.length) {
                env.set(node.assignNextValueToReference, items[index]);
                loopState.set(node.name, index + 1);
                current = node.nextValueConnector.targetReference;
            } else {
                loopState.delete(node.name);
                current = node.noMoreValuesConnector.targetReference;
            }
        } else if (kind === 'actionCalls') {
            const call = Object.fromEntries(
                list(node.inputParameters).map((p) => [
                    p.name,
                    ((v) => (Array.isArray(v) ? [...v] : v))(value(p.value))
                ])
            );
            calls.push(call);
            if (!hooks.action) throw new Error('no action simulated');
            const result = hooks.action(call, calls.length);
            if (result instanceof Error) {
                faultMessage = result.message;
                current = node.faultConnector.targetReference;
            } else {
                list(node.outputParameters).forEach(
                    (p) =>
                        p.name === 'requestId' &&
                        env.set(p.assignToReference, result)
                );
                current = node.connector?.targetReference;
            }
        } else if (kind === 'recordLookups') {
            const query: Query = {
                object: node.object,
                element: node.name,
                filters: list(node.filters).map((f) => ({
                    field: f.field,
                    operator: f.operator,
                    value: value(f.value)
                }))
            };
            queries.push(query);
            const fault = hooks.lookupFault?.(query);
            if (fault) {
                faultMessage = fault;
                current = node.faultConnector.targetReference;
                continue;
            }
            const fields = list(node.queriedFields) as unknown as string[];
            const found = (hooks.records?.[node.object] ?? [])
                .filter((record) =>
                    evaluateLogic(
                        node.filterLogic,
                        query.filters.map((f) =>
                            compare(record[f.field], f.operator, f.value)
                        )
                    )
                )
                .sort((a, b) =>
                    node.sortField
                        ? String(a[node.sortField]).localeCompare(
                              String(b[node.sortField])
                          )
                        : 0
                )
                .map((record) =>
                    Object.fromEntries(
                        fields.map((field) => [field, record[field] ?? null])
                    )
                );
            if (node.getFirstRecordOnly === 'true')
                env.set(node.outputReference, found[0] ?? null);
            else env.set(node.outputReference, found.length ? found : null);
            current = node.connector?.targetReference;
        } else if (kind === 'screens') {
            screens.push(node.name);
            const filled = node.connector
                ? hooks.screen?.(node.name, get)
                : null;
            if (!filled) break;
            Object.entries(filled).forEach(([name, v]) => env.set(name, v));
            current = node.connector.targetReference;
        } else if (kind === 'subflows') {
            if (!hooks.subflow) throw new Error('no subflow simulated');
            const outputs = hooks.subflow(
                node.flowName,
                Object.fromEntries(
                    list(node.inputAssignments).map((a) => [
                        a.name,
                        value(a.value)
                    ])
                )
            );
            list(node.outputAssignments).forEach((o) =>
                env.set(o.assignToReference, outputs[o.name])
            );
            current = node.connector?.targetReference;
        } else {
            throw new Error(`element kind ${kind} not simulated`);
        }
    }
    const outputs = Object.fromEntries(
        list(flow.variables)
            .filter((v) => v.isOutput === 'true')
            .map((v) => [v.name, env.get(v.name)])
    );
    return { calls, queries, screens, outputs, get };
}

function runSendFlow(
    inputs: Record<string, Value>,
    action: (call: Record<string, Value>, n: number) => string | Error
): RunResult {
    return runFlow(send, inputs, { action });
}

const ids = (count: number): string[] =>
    Array.from(
        { length: count },
        (_v, i) => `0PA${String(i).padStart(12, '0')}`
    );
const okAction = (_call: Record<string, Value>, n: number): string =>
    `1sr00000000000${n}`;
const baseInputs = (count: number): Record<string, Value> => ({
    messagingEndUserIds: ids(count),
    messagingComponentName: 'Order_Update',
    allowedSessionStatus: 'NonActive',
    enforceConsent: true
});

describe('MSC_Send_Messaging_Notification: behaviour (interpreted)', () => {
    it.each([
        [1, [1]],
        [100, [100]],
        [101, [100, 1]],
        [250, [100, 100, 50]]
    ])(
        'sends %i recipients in batches of %j, each id exactly once and in order',
        (count, sizes) => {
            const { calls, outputs } = runSendFlow(baseInputs(count), okAction);
            expect(
                calls.map((c) => (c.messagingEndUserIds as string[]).length)
            ).toEqual(sizes);
            expect(
                calls.flatMap((c) => c.messagingEndUserIds as string[])
            ).toEqual(ids(count));
            for (const call of calls) {
                expect(call).toMatchObject({
                    messageDefinitionName: 'Order_Update',
                    requestType: 'SendNotificationMessages',
                    allowedSessionStatus: 'NonActive',
                    isEnforceMessagingChannelConsent: true
                });
            }
            expect(outputs.isSuccess).toBe(true);
            expect(outputs.requestIds).toEqual(
                sizes.map((_s, i) => `1sr00000000000${i + 1}`)
            );
            expect(outputs.requestIdsText).toBe(
                sizes.map((_s, i) => `1sr00000000000${i + 1}`).join(', ')
            );
            expect(outputs.sentRecipientCount).toBe(count);
            expect(outputs.batchCount).toBe(sizes.length);
            expect(isBlank(outputs.errorMessage)).toBe(true);
        }
    );

    it('defaults a blank timing to NonActive, so nothing lands in a conversation in progress', () => {
        const { calls } = runSendFlow(
            { ...baseInputs(2), allowedSessionStatus: '' },
            okAction
        );
        expect(calls[0].allowedSessionStatus).toBe('NonActive');
        expect(variable(send, 'allowedSessionStatus')?.value).toEqual({
            stringValue: 'NonActive'
        });
    });

    it.each([
        [
            'no recipients',
            { messagingEndUserIds: [] },
            'No messaging users were given. Nothing was sent.'
        ],
        [
            'a blank component name',
            { messagingComponentName: '  ' },
            'No messaging component was given'
        ],
        [
            'an unknown timing',
            { allowedSessionStatus: 'Later' },
            'The timing "Later" is not valid'
        ]
    ])('sends nothing for %s and says why', (_case, override, message) => {
        const { calls, outputs } = runSendFlow(
            { ...baseInputs(3), ...override },
            okAction
        );
        expect(calls).toHaveLength(0);
        expect(outputs.isSuccess).toBe(false);
        expect(outputs.errorMessage).toContain(message);
        expect(outputs.requestIds).toEqual([]);
    });

    it('reports that nothing was sent when the first call fails (e.g. a wrongly named component)', () => {
        const { calls, outputs } = runSendFlow(
            baseInputs(150),
            () => new Error('No messaging component named Order_Updat.')
        );
        expect(calls).toHaveLength(1);
        expect(outputs.isSuccess).toBe(false);
        expect(outputs.errorMessage).toContain(
            'The message could not be sent: No messaging component named Order_Updat.'
        );
        expect(outputs.errorMessage).toContain('Nothing was sent.');
        expect(outputs.sentRecipientCount).toBe(0);
    });

    it('stops at the first failed batch and reports which batches were sent', () => {
        const { calls, outputs } = runSendFlow(baseInputs(250), (call, n) =>
            n === 2 ? new Error('Limit exceeded.') : okAction(call, n)
        );
        expect(calls).toHaveLength(2);
        expect(outputs.isSuccess).toBe(false);
        expect(outputs.requestIds).toEqual(['1sr000000000001']);
        expect(outputs.errorMessage).toBe(
            'Batch 2 of 3 could not be sent: Limit exceeded. Sending stopped there. Already sent: 1 batch(es) to 100 messaging user(s), request id(s) 1sr000000000001. Not sent: 150 messaging user(s).'
        );
    });
});

describe('MSC_Start_Messaging_Conversation: contract', () => {
    const sendInputs = list(send.variables)
        .filter((v) => v.isInput === 'true')
        .map((v) => v.name);
    const sendOutputs = list(send.variables)
        .filter((v) => v.isOutput === 'true')
        .map((v) => v.name);
    const subflow = list(start.subflows)[0];

    it('is a screen flow started from a record id, with a default messaging component input', () => {
        expect(start.processType).toBe('Flow');
        expect(variable(start, 'recordId')).toMatchObject({
            dataType: 'String',
            isInput: 'true'
        });
        expect(variable(start, 'defaultMessagingComponentName')).toMatchObject({
            dataType: 'String',
            isInput: 'true'
        });
        expect(variable(start, 'isSent')).toMatchObject({
            dataType: 'Boolean',
            isOutput: 'true'
        });
    });

    it('sends through MSC_Send_Messaging_Notification as a subflow instead of calling the action itself', () => {
        expect(list(start.actionCalls)).toHaveLength(0);
        expect(JSON.stringify(start)).not.toContain('sendConversationMessages');
        expect(list(start.subflows)).toHaveLength(1);
        expect(subflow.flowName).toBe('MSC_Send_Messaging_Notification');
        const assigned = list(subflow.inputAssignments)
            .map((a) => a.name)
            .sort();
        expect(assigned).toEqual([...sendInputs].sort());
        for (const output of list(subflow.outputAssignments))
            expect(sendOutputs).toContain(output.name);
        const consent = one(
            list(subflow.inputAssignments),
            (a) => a.name === 'enforceConsent',
            'enforceConsent input'
        );
        expect(consent.value.booleanValue).toBe('true');
    });

    it("branches on the subflow's isSuccess output (a subflow element has no fault connector in API 66.0)", () => {
        const successVar = one(
            list(subflow.outputAssignments),
            (o) => o.name === 'isSuccess',
            'isSuccess output'
        ).assignToReference;
        const next = one(
            list(start.decisions),
            (d) => d.name === subflow.connector.targetReference,
            'decision after the subflow'
        );
        expect(
            list(next.rules)
                .flatMap((r) => list(r.conditions))
                .map((c) => c.leftValueReference)
        ).toContain(successVar);
        const all = elements(start);
        expect(all.get(next.defaultConnector.targetReference)?.kind).toBe(
            'screens'
        );
        expect(
            list(next.rules).map(
                (r) => all.get(r.connector.targetReference)?.kind
            )
        ).toEqual(['screens']);
    });

    it('looks up messaging users by contact, account, lead, the case customer, the session customer or the id itself, with fault paths to a screen', () => {
        const all = elements(start);
        const lookups = list(start.recordLookups).filter(
            (l) => l.object === 'MessagingEndUser'
        );
        const fields = lookups
            .map((l) =>
                list(l.filters)
                    .map((f) => f.field)
                    .sort()
                    .join('+')
            )
            .sort();
        expect(fields).toEqual([
            'AccountId',
            'AccountId+AccountId+ContactId+ContactId+Id',
            'AccountId+ContactId',
            'ContactId',
            'Id',
            'LeadId'
        ]);
        for (const lookup of list(start.recordLookups)) {
            expect(
                all.get(lookup.faultConnector.targetReference)?.kind
            ).toMatch(/screens|assignments/);
            expect(list(lookup.queriedFields).length).toBeGreaterThan(0);
        }
        for (const lookup of lookups) {
            expect(list(lookup.queriedFields)).toEqual(
                expect.arrayContaining([
                    'Id',
                    'Name',
                    'MessageType',
                    'MessagingConsentStatus'
                ])
            );
        }
        expect(
            one(
                list(start.recordLookups),
                (l) => l.object === 'MessagingChannel',
                'channel lookup'
            ).queriedFields
        ).toEqual(expect.arrayContaining(['MasterLabel', 'MessageType']));
    });

    it('keeps opted-out messaging users out of the selectable rows', () => {
        const optedOutRule = one(
            list(start.decisions).flatMap((d) => list(d.rules)),
            (r) =>
                list(r.conditions).some(
                    (c) =>
                        /MessagingConsentStatus$/.test(c.leftValueReference) &&
                        c.rightValue?.stringValue === 'OptedOut'
                ),
            'opted-out rule'
        );
        const table = one(
            list(start.screens).flatMap((s) => list(s.fields)),
            (f) => f.extensionName === 'flowruntime:datatable',
            'data table'
        );
        const rows = one(
            list(table.inputParameters),
            (p) => p.name === 'tableData',
            'tableData'
        ).value.elementReference;
        const excluder = one(
            list(start.assignments),
            (a) => a.name === optedOutRule.connector.targetReference,
            'opted-out assignment'
        );
        expect(
            list(excluder.assignmentItems).map((i) => i.assignToReference)
        ).not.toContain(rows);
        const keepers = list(start.assignments).filter((a) =>
            list(a.assignmentItems).some((i) => i.assignToReference === rows)
        );
        expect(keepers).toHaveLength(1);
        const parentDecision = one(
            list(start.decisions),
            (d) => list(d.rules).includes(optedOutRule),
            'consent decision'
        );
        expect(parentDecision.defaultConnector.targetReference).toBe(
            keepers[0].name
        );
    });

    it('offers the three timings with their action values and readable labels, Not during active sessions first and selected', () => {
        const timing = one(
            list(start.screens).flatMap((s) => list(s.fields)),
            (f) => f.name === 'Message_Timing',
            'timing field'
        );
        const choices = (
            list(timing.choiceReferences) as unknown as string[]
        ).map((ref) =>
            one(list(start.choices), (c) => c.name === ref, `choice ${ref}`)
        );
        expect(choices.map((c) => c.value.stringValue)).toEqual([
            'NonActive',
            'Closed',
            'Any'
        ]);
        expect(choices.map((c) => c.choiceText)).toEqual([
            'Not during active sessions',
            'Not during open sessions',
            'Any time'
        ]);
        expect(
            one(
                list(start.choices),
                (c) => c.name === timing.defaultSelectedChoiceReference,
                'default timing'
            ).value.stringValue
        ).toBe('NonActive');
        const component = one(
            list(start.screens).flatMap((s) => list(s.fields)),
            (f) => f.name === 'Messaging_Component_Name',
            'component field'
        );
        expect(component.defaultValue.elementReference).toBe(
            'defaultMessagingComponentName'
        );
    });

    it('ends every path on a screen', () => {
        const all = elements(start);
        for (const [name, { kind, node }] of all) {
            if (connectorsOf(kind, node).length === 0)
                expect(`${name}: ${kind}`).toBe(`${name}: screens`);
        }
    });
});

// ------------------------------------------------------------------------------------------
// The screen flow, interpreted against a small org: which messaging users it offers for each kind of
// record, and that a pick runs the real send flow (itself interpreted) with the picked ids.
// ------------------------------------------------------------------------------------------
const CONTACT_ID = '003000000000001AAA';
const OTHER_CONTACT_ID = '003000000000002AAA';
const ACCOUNT_ID = '001000000000001AAA';
const CASE_ID = '500000000000001AAA';
const SESSION_ID = '0Mw000000000001AAA';
const ANONYMOUS_SESSION_ID = '0Mw000000000002AAA';
const OPTED_OUT_SESSION_ID = '0Mw000000000003AAA';
const HIDDEN_SESSION_ID = '0Mw000000000009AAA';
const WHATSAPP_ID = '0Mj000000000001AAA';
const SMS_ID = '0Mj000000000002AAA';

function endUser(
    n: number,
    name: string,
    links: { ContactId?: string; AccountId?: string; LeadId?: string },
    channel: string,
    consent = 'OptedIn'
): Row {
    return {
        Id: `0PA00000000000${n}AAA`,
        Name: name,
        ContactId: links.ContactId ?? null,
        AccountId: links.AccountId ?? null,
        LeadId: links.LeadId ?? null,
        MessagingChannelId: channel,
        MessageType: channel === WHATSAPP_ID ? 'WhatsApp' : 'Text',
        MessagingConsentStatus: consent,
        MessagingPlatformKey: `+1555000000${n}`
    };
}
const ANA_WHATSAPP = endUser(
    1,
    'Ana (WhatsApp)',
    { ContactId: CONTACT_ID, AccountId: ACCOUNT_ID },
    WHATSAPP_ID
);
const ANA_SMS = endUser(2, 'Ana (SMS)', { ContactId: CONTACT_ID }, SMS_ID);
const BEN_SMS = endUser(
    3,
    'Ben (SMS)',
    { ContactId: OTHER_CONTACT_ID, AccountId: ACCOUNT_ID },
    SMS_ID
);
const ANA_OPTED_OUT = endUser(
    4,
    'Ana (old number)',
    { ContactId: CONTACT_ID },
    SMS_ID,
    'OptedOut'
);
const WALK_IN = endUser(5, 'Walk-in', {}, WHATSAPP_ID);
const STRANGER = endUser(
    6,
    'Stranger',
    { ContactId: '003000000000009AAA', AccountId: '001000000000009AAA' },
    SMS_ID
);
const WALK_IN_OPTED_OUT = endUser(7, 'Walk-out', {}, SMS_ID, 'OptedOut');

const ORG: Record<string, Row[]> = {
    MessagingEndUser: [
        ANA_WHATSAPP,
        ANA_SMS,
        BEN_SMS,
        ANA_OPTED_OUT,
        WALK_IN,
        STRANGER,
        WALK_IN_OPTED_OUT
    ],
    MessagingSession: [
        {
            Id: SESSION_ID,
            MessagingEndUserId: ANA_WHATSAPP.Id,
            EndUserContactId: CONTACT_ID,
            EndUserAccountId: ACCOUNT_ID,
            Status: 'Active'
        },
        {
            Id: ANONYMOUS_SESSION_ID,
            MessagingEndUserId: WALK_IN.Id,
            EndUserContactId: null,
            EndUserAccountId: null,
            Status: 'Waiting'
        },
        {
            Id: OPTED_OUT_SESSION_ID,
            MessagingEndUserId: WALK_IN_OPTED_OUT.Id,
            EndUserContactId: null,
            EndUserAccountId: null,
            Status: 'Ended'
        }
    ],
    Case: [{ Id: CASE_ID, ContactId: CONTACT_ID, AccountId: null }],
    MessagingChannel: [
        {
            Id: WHATSAPP_ID,
            MasterLabel: 'WhatsApp Support',
            MessageType: 'WhatsApp'
        },
        { Id: SMS_ID, MasterLabel: 'SMS US', MessageType: 'Text' }
    ]
};

const names = (rows: Value): string[] =>
    ((rows ?? []) as Row[]).map((row) => String(row.Name));

/** Runs the screen flow from a record id, picking every offered row on the selection screen. */
function runStartFlow(
    recordId: string,
    hooks: Partial<FlowHooks> = {}
): RunResult & { sendRuns: RunResult[] } {
    const sendRuns: RunResult[] = [];
    const result = runFlow(
        start,
        { recordId, defaultMessagingComponentName: 'Order_Update' },
        {
            records: ORG,
            screen: (name, get) =>
                name === 'Select_Screen'
                    ? {
                          selectedEndUsers: get('eligibleEndUsers'),
                          Messaging_Component_Name: get(
                              'defaultMessagingComponentName'
                          ),
                          Message_Timing: 'NonActive'
                      }
                    : null,
            subflow: (flowName, inputs) => {
                expect(flowName).toBe('MSC_Send_Messaging_Notification');
                const run = runSendFlow(inputs, okAction);
                sendRuns.push(run);
                return run.outputs;
            },
            ...hooks
        }
    );
    return { ...result, sendRuns };
}

describe('MSC_Start_Messaging_Conversation: behaviour (interpreted)', () => {
    it("from a messaging session, offers the session's messaging user and the other messaging users of its contact and account, and sends to the picked ones", () => {
        const run = runStartFlow(SESSION_ID);
        expect(run.queries[0]).toEqual({
            object: 'MessagingSession',
            element: 'Get_Messaging_Session',
            filters: [{ field: 'Id', operator: 'EqualTo', value: SESSION_ID }]
        });
        expect(run.queries[1].object).toBe('MessagingEndUser');
        expect(names(run.get('eligibleEndUsers'))).toEqual([
            'Ana (SMS)',
            'Ana (WhatsApp)',
            'Ben (SMS)'
        ]);
        expect(run.get('optedOutNames')).toBe('Ana (old number)');
        expect(run.get('channelSummary')).toBe(
            'SMS US (Text); WhatsApp Support (WhatsApp)'
        );
        expect(run.screens).toEqual(['Select_Screen', 'Sent_Screen']);
        expect(run.sendRuns).toHaveLength(1);
        expect(run.sendRuns[0].calls).toEqual([
            expect.objectContaining({
                messagingEndUserIds: [ANA_SMS.Id, ANA_WHATSAPP.Id, BEN_SMS.Id],
                messageDefinitionName: 'Order_Update',
                allowedSessionStatus: 'NonActive',
                isEnforceMessagingChannelConsent: true
            })
        ]);
        expect(run.outputs).toMatchObject({
            isSent: true,
            requestIdsText: '1sr000000000001',
            sentRecipientCount: 3
        });
    });

    it('from a session whose messaging user has no contact or account, offers only that messaging user (an empty link matches nobody else)', () => {
        const run = runStartFlow(ANONYMOUS_SESSION_ID);
        expect(names(run.get('eligibleEndUsers'))).toEqual(['Walk-in']);
        expect(run.get('optedOutCount')).toBe(0);
        expect(run.sendRuns[0].calls[0].messagingEndUserIds).toEqual([
            WALK_IN.Id
        ]);
    });

    it('from a session whose only messaging user opted out, says so and sends nothing', () => {
        const run = runStartFlow(OPTED_OUT_SESSION_ID);
        expect(run.screens).toEqual(['All_Opted_Out_Screen']);
        expect(run.get('recordKind')).toBe('messaging session');
        expect(run.get('optedOutNames')).toBe('Walk-out');
        expect(run.sendRuns).toHaveLength(0);
        expect(run.outputs.isSent).toBe(false);
    });

    it('from a session the agent cannot see, ends on the not-supported screen without looking for messaging users', () => {
        const run = runStartFlow(HIDDEN_SESSION_ID);
        expect(run.screens).toEqual(['Not_Supported_Screen']);
        expect(run.queries.map((q) => q.object)).toEqual(['MessagingSession']);
        expect(run.sendRuns).toHaveLength(0);
    });

    it.each(['MessagingSession', 'MessagingEndUser'])(
        'when the %s lookup of a session faults, shows the error and sends nothing',
        (object) => {
            const run = runStartFlow(SESSION_ID, {
                lookupFault: (query) =>
                    query.object === object
                        ? 'INSUFFICIENT_ACCESS: no access'
                        : undefined
            });
            expect(run.screens).toEqual(['Lookup_Error_Screen']);
            expect(run.get('$Flow.FaultMessage')).toBe(
                'INSUFFICIENT_ACCESS: no access'
            );
            expect(run.sendRuns).toHaveLength(0);
        }
    );

    it.each([
        ['a contact', CONTACT_ID, ['Ana (SMS)', 'Ana (WhatsApp)']],
        ['an account', ACCOUNT_ID, ['Ana (WhatsApp)', 'Ben (SMS)']],
        [
            'a case with a contact only',
            CASE_ID,
            ['Ana (SMS)', 'Ana (WhatsApp)']
        ],
        ['a messaging user', BEN_SMS.Id as string, ['Ben (SMS)']]
    ])('from %s, offers its messaging users', (_kind, recordId, offered) => {
        const run = runStartFlow(recordId);
        expect(names(run.get('eligibleEndUsers'))).toEqual(offered);
        expect(run.screens).toEqual(['Select_Screen', 'Sent_Screen']);
    });

    it('from an id that is no supported record, ends on the not-supported screen', () => {
        const run = runStartFlow('006000000000001AAA');
        expect(run.screens).toEqual(['Not_Supported_Screen']);
        expect(run.sendRuns).toHaveLength(0);
    });
});

describe('MSC_Start_Messaging_Conversation quick actions', () => {
    it.each(['Contact', 'Case', 'Account', 'Lead', 'MessagingEndUser'])(
        '%s.MSC_Start_Messaging_Conversation launches the screen flow',
        (object) => {
            const files = readdirSync(join(ROOT, 'quickActions'));
            const file = `${object}.MSC_Start_Messaging_Conversation.quickAction-meta.xml`;
            expect(files).toContain(file);
            const action = readXml(
                join(ROOT, 'quickActions', file)
            ).QuickAction;
            expect(action.type).toBe('Flow');
            expect(action.flowDefinition).toBe(
                'MSC_Start_Messaging_Conversation'
            );
            expect(action.label).toBeTruthy();
        }
    );
});
