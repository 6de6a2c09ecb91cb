/**
 * The preview's describe of MessagingSession answers with an org's picklists (its labels and its
 * order), and the console reads the same fields with its own meaning of each value. Both must
 * know the same values: a value only the preview seeds would show as unknown in every console,
 * and one only the console knows would never be exercised by the preview.
 */
import {
    AGENT_TYPES,
    CHANNEL_TYPES,
    SESSION_ORIGINS,
    SESSION_STATUSES
} from 'c/messagingSessionSchema';
import type { PicklistEntry } from '../preview/server/metadata';
import {
    AGENT_TYPE_VALUES,
    CHANNEL_TYPE_VALUES,
    ORIGIN_VALUES,
    STATUS_VALUES
} from '../preview/server/metadata';

const sorted = (values: readonly string[]): string[] => [...values].sort();
const previewValues = (entries: readonly PicklistEntry[]): string[] =>
    sorted(entries.map((entry) => entry.value));
const consoleValues = (options: readonly { value: string }[]): string[] =>
    sorted(options.map((option) => option.value));

describe('MessagingSession picklists: the preview org and the console know the same values', () => {
    it.each([
        ['Status', STATUS_VALUES, SESSION_STATUSES],
        ['ChannelType', CHANNEL_TYPE_VALUES, CHANNEL_TYPES],
        ['AgentType', AGENT_TYPE_VALUES, AGENT_TYPES],
        ['Origin', ORIGIN_VALUES, SESSION_ORIGINS]
    ] as const)('%s', (_field, preview, known) => {
        expect(previewValues(preview)).toEqual(consoleValues(known));
    });
});
