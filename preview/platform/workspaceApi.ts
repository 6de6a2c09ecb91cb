/**
 * lightning/platformWorkspaceApi for the local preview. The page is a console app
 * (IsConsoleNavigation is true); opening a record opens a workspace tab in the page that shows
 * the record page's components for that record.
 */
import { host, type WorkspaceTab } from './host';

interface OpenTabOptions {
    recordId?: string;
    url?: string;
    pageReference?: { type: string; attributes?: Record<string, unknown> };
    focus?: boolean;
    label?: string;
}

function recordIdOf(options: OpenTabOptions): string | undefined {
    if (options.recordId) return options.recordId;
    const attrs = options.pageReference?.attributes;
    if (attrs && typeof attrs.recordId === 'string') return attrs.recordId;
    const match = options.url
        ? /\/r\/(?:\w+\/)?([a-zA-Z0-9]{15,18})/.exec(options.url)
        : null;
    return match ? match[1] : undefined;
}

function needHost(): NonNullable<ReturnType<typeof host>> {
    const h = host();
    if (!h) throw new Error('The console workspace is not available.');
    return h;
}

/** A wire adapter that emits one constant value. */
function constantAdapter(value: () => unknown) {
    return class {
        private readonly callback: (v: unknown) => void;
        constructor(callback: (v: unknown) => void) {
            this.callback = callback;
        }
        connect(): void {
            this.callback(value());
        }
        update(): void {
            this.callback(value());
        }
        disconnect(): void {}
    };
}

export const IsConsoleNavigation = constantAdapter(() => true);
export const EnclosingTabId = constantAdapter(
    () => host()?.focusedTabId() ?? null
);

export async function openTab(options: OpenTabOptions): Promise<string> {
    const recordId = recordIdOf(options);
    if (!recordId) throw new Error('The local preview opens record tabs only.');
    return needHost().openRecord(recordId, {
        focus: options.focus !== false,
        label: options.label,
        parentTabId: null
    });
}

export async function openSubtab(
    parentTabId: string,
    options: OpenTabOptions
): Promise<string> {
    const recordId = recordIdOf(options);
    if (!recordId) throw new Error('The local preview opens record tabs only.');
    return needHost().openRecord(recordId, {
        focus: options.focus !== false,
        label: options.label,
        parentTabId
    });
}

export function focusTab(tabId: string): Promise<void> {
    return needHost().focusTab(tabId);
}

export function closeTab(tabId: string): Promise<void> {
    return needHost().closeTab(tabId);
}

export function refreshTab(tabId: string): Promise<void> {
    return needHost().refreshTab(tabId);
}

export function setTabLabel(tabId: string, label: string): Promise<void> {
    return needHost().setTabLabel(tabId, label);
}

export async function setTabIcon(): Promise<void> {}
export async function setTabHighlighted(): Promise<void> {}
export async function disableTabClose(): Promise<void> {}

export async function getFocusedTabInfo(): Promise<
    WorkspaceTab | Record<string, never>
> {
    const h = needHost();
    const id = h.focusedTabId();
    return h.tabs().find((t) => t.tabId === id) ?? {};
}

export async function getTabInfo(tabId: string): Promise<WorkspaceTab> {
    const tab = needHost()
        .tabs()
        .find((t) => t.tabId === tabId);
    if (!tab) throw new Error(`No tab ${tabId}`);
    return tab;
}

export async function getAllTabInfo(): Promise<WorkspaceTab[]> {
    return needHost().tabs();
}
