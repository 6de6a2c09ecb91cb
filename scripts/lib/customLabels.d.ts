/** CustomLabels.labels-meta.xml of force-app. */
export const LABELS_FILE: string;
/** Label texts by name, from the labels file's XML; a label without a value is left out. */
export function parseLabels(xml: string): Record<string, string>;
/** Label texts by name, read from a labels file (the project's by default); none when it is missing. */
export function readLabels(file?: string): Record<string, string>;
