/**
 * Change Data Capture on MessagingSession through lightning/empApi, where the org streams it.
 * A subscription can succeed and never deliver (CDC not selected, or no View All), so callers
 * keep a safety poll whatever this returns.
 */
import { isEmpEnabled, subscribe, unsubscribe } from 'lightning/empApi';
import { SESSION_CHANGE_EVENT_CHANNEL } from 'c/messagingSessionModel';
/** Calls `onChange` on every session change event; resolves to a stop function, or null when streaming is unavailable. */
export async function subscribeToSessionChanges(onChange) {
    try {
        if (!(await isEmpEnabled())) return null;
        // -1: new events only; the backlog refetches everything anyway.
        const subscription = await subscribe(
            SESSION_CHANGE_EVENT_CHANNEL,
            -1,
            () => onChange()
        );
        if (!subscription) return null;
        return () => {
            unsubscribe(subscription).catch(() => undefined);
        };
    } catch {
        return null;
    }
}
