// Brings sa11y's global `expect(...).toBeAccessible()` matcher type into the type-check of the Jest tests
// (jest-sa11y-setup.js registers the matcher at run time).
import '@sa11y/jest';
