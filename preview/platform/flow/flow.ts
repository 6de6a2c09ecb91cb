/**
 * A stand-in for lightning-flow, which exists only on the platform: flows run in an org.
 * It keeps lightning-flow's public API (flowApiName, flowInputVariables, flowFinishBehavior,
 * startFlow) and shows a clear "flows run in an org" state with the flow and the inputs it would get.
 */
import { LightningElement, api } from 'lwc';

interface FlowInput {
    name: string;
    type?: string;
    value: unknown;
}

export default class Flow extends LightningElement {
    @api flowApiName?: string;
    @api flowFinishBehavior?: string;
    @api flowVersionId?: string;
    @api flowInputVariables?: FlowInput[];

    @api
    startFlow(flowApiName: string, inputVariables?: FlowInput[]): void {
        this.flowApiName = flowApiName;
        this.flowInputVariables = inputVariables;
    }

    @api
    resumeFlow(): void {}

    get flowName(): string {
        return this.flowApiName || 'flow';
    }

    get inputs(): Array<{
        key: string;
        valueKey: string;
        name: string;
        value: string;
    }> {
        return (this.flowInputVariables ?? []).map((input, i) => ({
            key: `n-${i}-${input.name}`,
            valueKey: `v-${i}-${input.name}`,
            name: input.name,
            value:
                input.value === null || input.value === undefined
                    ? '—'
                    : String(input.value)
        }));
    }

    get hasInputs(): boolean {
        return this.inputs.length > 0;
    }
}
