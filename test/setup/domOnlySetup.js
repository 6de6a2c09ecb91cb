// Jest setupFilesAfterEnv for every test file: runs the LWC preset's setup and registers sa11y's
// toBeAccessible() only where there is a DOM. Tests marked `@jest-environment node` (those that read
// metadata XML) would otherwise fail while loading the setup, which touches Element and document.
if (typeof Element !== 'undefined' && typeof document !== 'undefined') {
    require('@lwc/jest-preset/src/setup.js');
    require('../../jest-sa11y-setup.js');
}
