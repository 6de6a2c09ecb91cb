import { readIntervalSeconds } from 'c/messagingLiveRefresh';

describe('readIntervalSeconds', () => {
    it('keeps 0 as off, clamps to [min, 3600] and rounds', () => {
        expect(readIntervalSeconds(0, 60, 15)).toBe(0);
        expect(readIntervalSeconds('0', 60, 15)).toBe(0);
        expect(readIntervalSeconds(5, 60, 15)).toBe(15);
        expect(readIntervalSeconds('90.4', 60, 15)).toBe(90);
        expect(readIntervalSeconds(99999, 60, 15)).toBe(3600);
    });

    it('gives the fallback for empty, negative or unreadable input', () => {
        for (const input of [undefined, null, '', '  ', 'soon', -1, NaN]) {
            expect({
                input,
                seconds: readIntervalSeconds(input, 300, 60)
            }).toEqual({
                input,
                seconds: 300
            });
        }
    });
});
