/**
 * Custom labels of force-app, read from CustomLabels.labels-meta.xml: the preview bundle generates
 * its @salesforce/label modules from them, and the benchmarks load them to run component logic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LABELS_FILE = join(
    resolve(__dirname, '../..'),
    'force-app/main/default/labels/CustomLabels.labels-meta.xml'
);

function decodeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** Custom labels by name, from CustomLabels.labels-meta.xml (whitespace that Prettier added is collapsed). */
export function readLabels(file = LABELS_FILE): Record<string, string> {
    const labels: Record<string, string> = {};
    if (!existsSync(file)) return labels;
    const xml = readFileSync(file, 'utf8');
    for (const block of xml.match(/<labels>[\s\S]*?<\/labels>/g) ?? []) {
        const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block);
        const value = /<value>([\s\S]*?)<\/value>/.exec(block);
        if (name && value)
            labels[name[1].trim()] = decodeXml(value[1])
                .replace(/\s+/g, ' ')
                .trim();
    }
    return labels;
}
