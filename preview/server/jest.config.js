// Jest for the preview data server: Node environment, TypeScript through Babel.
// Kept apart from the LWC Jest config (its setup needs a DOM).
// Run: npx jest -c preview/server/jest.config.js
const path = require('node:path');

module.exports = {
    rootDir: path.resolve(__dirname, '..', '..'),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/preview/server/__tests__/**/*.test.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: {
        '\\.ts$': [
            'babel-jest',
            {
                babelrc: false,
                configFile: false,
                presets: [
                    ['@babel/preset-typescript', { allowDeclareFields: true }]
                ],
                plugins: ['@babel/plugin-transform-modules-commonjs']
            }
        ]
    },
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.cache/'],
    modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/preview/dist/'],
    testTimeout: 30000
};
