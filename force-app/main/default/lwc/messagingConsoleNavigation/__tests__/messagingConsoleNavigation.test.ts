jest.mock('lightning/platformWorkspaceApi', () => ({
    openTab: jest.fn(() => Promise.resolve('tab-2')),
    openSubtab: jest.fn(() => Promise.resolve('tab-3'))
}));

import { openInWorkspace } from 'c/messagingConsoleNavigation';

describe('openInWorkspace', () => {
    const workspace = jest.requireMock('lightning/platformWorkspaceApi') as {
        openTab: jest.Mock;
        openSubtab: jest.Mock;
    };

    afterEach(() => jest.clearAllMocks());

    it('opens a subtab of the enclosing tab, or a tab of its own', async () => {
        await openInWorkspace('0Mw000000000001AAA', 'tab-1');
        expect(workspace.openSubtab).toHaveBeenCalledWith('tab-1', {
            recordId: '0Mw000000000001AAA',
            focus: true
        });
        expect(workspace.openTab).not.toHaveBeenCalled();
        await openInWorkspace('0Mw000000000001AAA', null);
        expect(workspace.openTab).toHaveBeenCalledWith({
            recordId: '0Mw000000000001AAA',
            focus: true
        });
    });

    it('rejects when the workspace API refuses, so callers can navigate instead', async () => {
        workspace.openTab.mockRejectedValueOnce(new Error('Not in a console'));
        await expect(openInWorkspace('0Mw000000000001AAA')).rejects.toThrow(
            'Not in a console'
        );
    });
});
