/**
 * DOM helpers shared by the component tests. Lives under force-app/test/, which .forceignore keeps
 * out of every deployment; tests import it by relative path.
 */
import { createElement } from 'lwc';

/** A component class, as `createElement` takes it. */
export type ComponentConstructor = Parameters<typeof createElement>[1]['is'];

/** A component that takes a record id (record page), or follows the selection without one (App page). */
export type RecordPageElement = HTMLElement & { recordId?: string };

/** The sfdx-lwc-jest test double of a wire adapter (UI API adapters, MessageContext, workspace API...). */
export interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

/** Lets wires, renders and promise chains settle: awaits `turns` microtask turns. */
export async function flushMicrotasks(turns: number): Promise<void> {
    for (let turn = 0; turn < turns; turn++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

/** Four microtask turns: enough for a wire emission to render in most components. */
export function flush(): Promise<void> {
    return flushMicrotasks(4);
}

/** A deep copy of JSON data (fixtures), so that a test can change it freely. */
export function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

/** Creates a component, sets its properties (before it connects) and appends it to the body. */
export function mountComponent<E extends HTMLElement = HTMLElement>(
    tagName: string,
    is: ComponentConstructor,
    props: object = {}
): E {
    const element = createElement(tagName, { is }) as unknown as E;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** Mounts a record-page component, with `recordId` set unless it is null or empty. */
export function mountWithRecordId<
    E extends RecordPageElement = RecordPageElement
>(tagName: string, is: ComponentConstructor, recordId: string | null): E {
    return mountComponent<E>(tagName, is, recordId ? { recordId } : {});
}

/** The first match in the component's shadow root. */
export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Every match in the component's shadow root. */
export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(
        element.shadowRoot!.querySelectorAll<HTMLElement>(selector)
    );
}

/** A node's text with runs of white space folded to one space and trimmed ('' for no node). */
export function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Removes everything from the document body (for afterEach). */
export function clearDocumentBody(): void {
    while (document.body.firstChild)
        document.body.removeChild(document.body.firstChild);
}
