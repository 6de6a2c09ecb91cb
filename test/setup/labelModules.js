// Jest global setup: turns every custom label of force-app into a module under .cache/jest-labels,
// so components under test read the label's real text. A label a component imports but the
// project does not define stays unresolved, and the test sees "c.LabelName" instead of text.
const fs = require('fs');
const path = require('path');
const { readLabels } = require('../../scripts/lib/customLabels');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, '.cache/jest-labels');

module.exports = async function generateLabelModules() {
    const labels = readLabels();
    // Several Jest runs may share this folder: never empty it, write each module atomically
    // (temporary file, then rename), and remove only modules whose label no longer exists.
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, value] of Object.entries(labels)) {
        const file = path.join(OUT_DIR, `${name}.js`);
        const content = `module.exports = { default: ${JSON.stringify(value)} };\n`;
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) {
            continue;
        }
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, content);
        fs.renameSync(temporary, file);
    }
    for (const entry of fs.readdirSync(OUT_DIR)) {
        const name = entry.replace(/\.js$/, '');
        if (entry.endsWith('.js') && !(name in labels)) {
            fs.rmSync(path.join(OUT_DIR, entry), { force: true });
        }
    }
};
