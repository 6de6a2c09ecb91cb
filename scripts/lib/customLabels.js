// The custom labels of force-app, read from CustomLabels.labels-meta.xml: Jest's label modules,
// the preview bundle and the benchmarks all resolve `@salesforce/label/c.Name` through this one
// reader. Plain CommonJS without dependencies, so Jest's global setup can require it untransformed.
const fs = require('fs');
const path = require('path');

const LABELS_FILE = path.join(
    __dirname,
    '../../force-app/main/default/labels/CustomLabels.labels-meta.xml'
);

function decodeXml(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** Label texts by name, from the labels file's XML; a label without a value is left out. */
function parseLabels(xml) {
    const labels = {};
    for (const block of xml.match(/<labels>[\s\S]*?<\/labels>/g) || []) {
        const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block);
        const value = /<value>([\s\S]*?)<\/value>/.exec(block);
        if (name && value) labels[name[1].trim()] = decodeXml(value[1]);
    }
    return labels;
}

/** Label texts by name, read from a labels file (the project's by default); none when it is missing. */
function readLabels(file = LABELS_FILE) {
    return fs.existsSync(file)
        ? parseLabels(fs.readFileSync(file, 'utf8'))
        : {};
}

module.exports = { LABELS_FILE, parseLabels, readLabels };
