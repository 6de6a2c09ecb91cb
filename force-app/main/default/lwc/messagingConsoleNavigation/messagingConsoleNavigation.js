/**
 * Opening records in the Service Console, shared by the list and the detail. Kept out of the
 * session model so that the model stays free of platform modules.
 */
import { openSubtab, openTab } from 'lightning/platformWorkspaceApi';
/**
 * Opens a record in the console: a subtab of the enclosing workspace tab, or a workspace tab of
 * its own. Rejects when the workspace API refuses, so callers can fall back to NavigationMixin.
 */
export async function openInWorkspace(recordId, enclosingTabId) {
    if (enclosingTabId) {
        await openSubtab(enclosingTabId, { recordId, focus: true });
    } else {
        await openTab({ recordId, focus: true });
    }
}
