/**
 * lightning/empApi for the local preview: streaming is not available off-platform, so
 * isEmpEnabled() resolves false and components fall back to polling. subscribe() resolves but
 * never delivers, like a channel with no events.
 */
export async function isEmpEnabled(): Promise<boolean> {
    return false;
}

export async function subscribe(
    channel: string,
    replayId: number
): Promise<{ channel: string; id: string; replayId: number }> {
    return { channel, id: `preview-${channel}`, replayId };
}

export async function unsubscribe(
    subscription: { channel: string },
    callback?: (response: { successful: boolean; subscription: string }) => void
): Promise<{ successful: boolean; subscription: string }> {
    const response = {
        successful: true,
        subscription: subscription?.channel ?? ''
    };
    callback?.(response);
    return response;
}

export function onError(_callback: (error: unknown) => void): void {}

export async function setDebugFlag(_flag: boolean): Promise<boolean> {
    return true;
}
