// The live clock of a list row and of the detail header.
import { sessionClock, sessionClockText } from 'c/messagingTime';

const START = '2026-11-20T09:00:00.000Z';
const ACCEPT = '2026-11-20T09:02:30.000Z';
const END = '2026-11-20T09:32:30.000Z';
const NOW = Date.parse('2026-11-20T09:10:00.000Z');

describe('sessionClock', () => {
    it('runs a waiting clock from StartTime while an open session is unaccepted', () => {
        expect(
            sessionClock({ status: 'Waiting', startTime: START }, NOW)
        ).toEqual({
            phase: 'waiting',
            seconds: 600,
            flagged: false
        });
    });

    it('runs an active clock from AcceptTime once accepted', () => {
        expect(
            sessionClock(
                { status: 'Active', startTime: START, acceptTime: ACCEPT },
                NOW
            )
        ).toEqual({
            phase: 'active',
            seconds: 450,
            flagged: false
        });
    });

    it('shows the whole length of an ended session, not measured against now', () => {
        expect(
            sessionClock(
                {
                    status: 'Ended',
                    startTime: START,
                    acceptTime: ACCEPT,
                    endTime: END
                },
                NOW + 86400000
            )
        ).toEqual({ phase: 'ended', seconds: 1950, flagged: false });
    });

    it('flags an EndTime before the AcceptTime instead of giving a negative duration', () => {
        const clock = sessionClock(
            {
                status: 'Ended',
                startTime: START,
                acceptTime: END,
                endTime: ACCEPT
            },
            NOW
        );
        expect(clock).toEqual({ phase: 'ended', seconds: null, flagged: true });
    });

    it('flags unreadable times and measures nothing for unknown statuses or missing starts', () => {
        expect(
            sessionClock({ status: 'Waiting', startTime: 'not a date' }, NOW)
                .flagged
        ).toBe(true);
        expect(
            sessionClock({ status: 'Telepathy', startTime: START }, NOW)
        ).toEqual({
            phase: 'unknown',
            seconds: null,
            flagged: false
        });
        expect(
            sessionClock({ status: 'Waiting', startTime: null }, NOW)
        ).toEqual({
            phase: 'waiting',
            seconds: null,
            flagged: false
        });
    });
});

describe('status-true clock', () => {
    const open = (status: string, acceptTime: string | null = ACCEPT) =>
        sessionClock({ status, startTime: START, acceptTime }, NOW);

    it('names Paused, Inactive and other open states "open", measured from StartTime', () => {
        for (const status of ['Paused', 'Inactive', 'New', 'Consent']) {
            expect(open(status)).toEqual({
                phase: 'open',
                seconds: 600,
                flagged: false
            });
        }
        // Waiting again after an agent had it, and Active without an agent's acceptance.
        expect(open('Waiting').phase).toBe('open');
        expect(open('Active', null).phase).toBe('open');
    });

    it('words each phase for what it measures', () => {
        expect(sessionClockText(open('Paused'))).toBe('Open for 10m 00s');
        expect(sessionClockText(open('Waiting', null))).toBe(
            'Waiting for 10m 00s'
        );
        expect(sessionClockText(open('Active'))).toBe('Active for 7m 30s');
        expect(
            sessionClockText(
                sessionClock(
                    {
                        status: 'Ended',
                        startTime: START,
                        acceptTime: ACCEPT,
                        endTime: END
                    },
                    NOW
                )
            )
        ).toBe('Lasted 32m 30s');
        expect(
            sessionClockText({ phase: 'unknown', seconds: 5, flagged: false })
        ).toBe('');
        expect(
            sessionClockText({ phase: 'active', seconds: null, flagged: true })
        ).toBe('');
    });
});
