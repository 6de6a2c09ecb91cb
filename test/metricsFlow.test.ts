// Runs in Jest's default jsdom environment, not `@jest-environment node`: the LWC preset's setup file
// (setupFilesAfterEnv in jest.config.js) needs DOM globals and fails under node. Only fs is used here.
//
// Reads the MSC_MessagingSession_Stamp_Durations flow and checks its shape: record-triggered before-save
// on MessagingSession, entered when the times change, writing both duration fields from formulas
// that leave them empty for missing or negative spans. It is no substitute for running the flow,
// but it catches a flow that was emptied or retargeted.
import { readFileSync } from 'fs';
import { join } from 'path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = join(__dirname, '..');
const FLOW = join(
    ROOT,
    'force-app/main/default/flows/MSC_MessagingSession_Stamp_Durations.flow-meta.xml'
);
const FIELDS = join(
    ROOT,
    'force-app/main/default/objects/MessagingSession/fields'
);

const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) =>
        ['assignments', 'assignmentItems', 'formulas'].includes(name)
});

interface AssignmentItem {
    assignToReference: string;
    operator: string;
    value: { elementReference?: string };
}

interface Formula {
    name: string;
    dataType: string;
    expression: string;
    scale?: number;
}

interface FlowXml {
    Flow: {
        apiVersion: number;
        processType: string;
        status: string;
        start: {
            object: string;
            triggerType: string;
            recordTriggerType: string;
            filterFormula?: string;
            connector?: { targetReference: string };
        };
        assignments?: Array<{
            name: string;
            assignmentItems: AssignmentItem[];
        }>;
        formulas?: Formula[];
    };
}

const flow = (parser.parse(readFileSync(FLOW, 'utf8')) as FlowXml).Flow;

describe('MSC_MessagingSession_Stamp_Durations flow', () => {
    it('is a record-triggered before-save flow on MessagingSession, API 66.0, shipped as Draft (activated after the deploy)', () => {
        expect(flow.processType).toBe('AutoLaunchedFlow');
        expect(flow.status).toBe('Draft');
        expect(flow.apiVersion).toBe(66);
        expect(flow.start.object).toBe('MessagingSession');
        expect(flow.start.triggerType).toBe('RecordBeforeSave');
        expect(flow.start.recordTriggerType).toBe('CreateAndUpdate');
    });

    it('runs on create and when StartTime, AcceptTime or EndTime change', () => {
        const formula = flow.start.filterFormula ?? '';
        expect(formula).toContain('ISNEW()');
        for (const field of ['StartTime', 'AcceptTime', 'EndTime']) {
            expect(formula).toContain(`ISCHANGED({!$Record.${field}})`);
        }
    });

    it('writes both duration fields from the start element', () => {
        const assignments = flow.assignments ?? [];
        const target = flow.start.connector?.targetReference;
        const assignment = assignments.find((entry) => entry.name === target);
        expect(assignment).toBeDefined();
        const items = new Map(
            (assignment?.assignmentItems ?? []).map((item) => [
                item.assignToReference,
                item
            ])
        );
        for (const field of [
            '$Record.MSC_WaitSeconds__c',
            '$Record.MSC_HandleSeconds__c'
        ]) {
            expect(items.get(field)?.operator).toBe('Assign');
        }
        const formulas = new Map(
            (flow.formulas ?? []).map((formula) => [formula.name, formula])
        );
        const wait = formulas.get(
            items.get('$Record.MSC_WaitSeconds__c')?.value.elementReference ??
                ''
        );
        const handle = formulas.get(
            items.get('$Record.MSC_HandleSeconds__c')?.value.elementReference ??
                ''
        );
        expect(wait?.dataType).toBe('Number');
        expect(handle?.dataType).toBe('Number');
        // Seconds between the right times, empty when a time is missing or the span is negative.
        expect(wait?.expression).toMatch(
            /\{!\$Record\.AcceptTime\}\s*-\s*\{!\$Record\.StartTime\}\)\s*\*\s*86400/
        );
        expect(handle?.expression).toMatch(
            /\{!\$Record\.EndTime\}\s*-\s*\{!\$Record\.AcceptTime\}\)\s*\*\s*86400/
        );
        for (const formula of [wait, handle]) {
            expect(formula?.expression).toContain('ISBLANK');
            expect(formula?.expression).toContain('NULL');
            expect(formula?.expression).toMatch(/ROUND\(/);
        }
        expect(wait?.expression).toContain(
            '{!$Record.AcceptTime} < {!$Record.StartTime}'
        );
        expect(handle?.expression).toContain(
            '{!$Record.EndTime} < {!$Record.AcceptTime}'
        );
    });

    it('targets fields that exist as whole-second numbers', () => {
        for (const name of ['MSC_WaitSeconds__c', 'MSC_HandleSeconds__c']) {
            const field = parser.parse(
                readFileSync(join(FIELDS, `${name}.field-meta.xml`), 'utf8')
            ).CustomField;
            expect(field.fullName).toBe(name);
            expect(field.type).toBe('Number');
            expect(field.precision).toBe(18);
            expect(field.scale).toBe(0);
            expect(field.required).toBe(false);
            expect(String(field.inlineHelpText ?? '')).not.toBe('');
            expect(String(field.description ?? '')).not.toBe('');
        }
    });
});
