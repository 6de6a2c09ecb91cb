// Registers sa11y's toBeAccessible() matcher for every test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
