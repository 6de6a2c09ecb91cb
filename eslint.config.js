// Flat ESLint config. The LWC recommended rules (@salesforce/eslint-config-lwc, which brings
// @lwc/eslint-plugin-lwc) apply twice: to the TypeScript sources, parsed by typescript-eslint,
// and to the JavaScript that tsc emits beside them, which is what deploys.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const lwcRecommended = lwcConfig.configs.recommended;

/** The LWC recommended configs, narrowed to some files, with optional language options on top. */
function lwcFor(files, languageOptions = {}) {
    return lwcRecommended.map((config) => ({
        ...config,
        files,
        languageOptions: { ...config.languageOptions, ...languageOptions }
    }));
}

module.exports = [
    {
        ignores: [
            'node_modules/**',
            '.sf/**',
            '.sfdx/**',
            '.cache/**',
            'coverage/**',
            'reports/**',
            'preview/dist/**',
            'preview/.data/**',
            '**/*.d.ts'
        ]
    },

    // Deployable component JavaScript (emitted by tsc).
    ...lwcFor(['force-app/**/*.js']),

    // Component TypeScript sources and their tests.
    ...lwcFor(['force-app/**/*.ts'], { parser: tseslint.parser }),
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['**/*.ts']
    })),
    {
        files: ['**/*.ts'],
        rules: {
            // TypeScript checks these itself, with type information ESLint lacks.
            'no-undef': 'off',
            'no-unused-vars': 'off',
            'import/named': 'off',
            'import/namespace': 'off',
            'import/default': 'off',
            'import/no-unresolved': 'off',
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_' }
            ]
        }
    },
    {
        files: [
            'force-app/**/__tests__/**',
            'test/**',
            'preview/**/__tests__/**'
        ],
        languageOptions: { globals: { ...globals.node, ...globals.jest } }
    },

    // Node tooling: configs, scripts, the local preview.
    {
        files: ['*.js', 'scripts/**/*.{js,mjs}', 'test/setup/**/*.js'],
        languageOptions: { globals: globals.node, sourceType: 'commonjs' }
    },
    {
        files: ['**/*.mjs'],
        languageOptions: { globals: globals.node, sourceType: 'module' }
    },
    {
        files: ['scripts/**/*.ts', 'preview/**/*.ts', 'test/**/*.ts'],
        languageOptions: { globals: globals.node, parser: tseslint.parser }
    },
    {
        files: ['force-app/test/jest-mocks/**/*.js'],
        languageOptions: { globals: globals.jest, sourceType: 'module' }
    }
];
