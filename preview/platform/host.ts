/**
 * What the console page provides to the platform modules: the workspace (tabs that show a record),
 * toasts and the current user. The page registers itself here when it starts.
 */
export interface WorkspaceTab {
    tabId: string;
    parentTabId: string | null;
    recordId: string | null;
    title: string;
    url: string;
    pageReference: {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    };
    focused: boolean;
    subtabs: WorkspaceTab[];
    isSubtab: boolean;
}

export interface ConsoleHost {
    openRecord(
        recordId: string,
        options: {
            focus?: boolean;
            label?: string;
            parentTabId?: string | null;
        }
    ): Promise<string>;
    focusTab(tabId: string): Promise<void>;
    closeTab(tabId: string): Promise<void>;
    refreshTab(tabId: string): Promise<void>;
    setTabLabel(tabId: string, label: string): Promise<void>;
    tabs(): WorkspaceTab[];
    focusedTabId(): string | null;
    toast(detail: {
        title?: string;
        message: string;
        variant?: string;
        mode?: string;
    }): void;
}

let current: ConsoleHost | null = null;

export function setHost(host: ConsoleHost): void {
    current = host;
}

export function host(): ConsoleHost | null {
    return current;
}
