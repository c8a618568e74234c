import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['auth', 'mfa', 'account', 'workspace', 'tickets', 'devtools'];

/**
 * One import order everywhere, in one block: side effects, Node built-ins,
 * packages, the app's own `@/` modules, then relative ones.
 */
const IMPORT_ORDER = [['^\\u0000', '^node:', '^@?\\w', '^@/', '^\\.']];

/** Relative imports may not climb out of a folder: crossing goes through `@/`, where the zones apply. */
const NO_CLIMBING = {
  group: ['../../*'],
  message: 'Import across folders with @/ so the boundaries apply.',
};

/** What every file of a feature may not import. */
const featurePatterns = (feature) => [
  NO_CLIMBING,
  {
    group: ['@/features/*', `!@/features/${feature}`],
    message: 'A feature does not import another feature; compose them in src/app.',
  },
  {
    group: ['@/app/*'],
    message: 'Features do not import the app shell; in-app URLs come from @/api/app-paths.',
  },
  { group: ['@/mocks/*', '@/backend/*'], message: 'Features use the HTTP API, not the backend.' },
];

/**
 * HOUSE rule 1 inside the tickets feature: a member's pages and the agent's
 * console share only its api/ and ui/ parts, which know neither of them.
 */
const TICKET_PARTS = [
  { part: 'requester', forbidden: ['agent'] },
  { part: 'agent', forbidden: ['requester'] },
  { part: 'api', forbidden: ['requester', 'agent', 'ui'] },
  { part: 'ui', forbidden: ['requester', 'agent'] },
];

/** What exists in one host only, which the backend's rules must not touch (SERVER-1). */
const HOST_ONLY_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'process',
  'Buffer',
].map((name) => ({ name, message: `${name} exists in one host only; the backend runs in both.` }));

/**
 * HOUSE rules 1 and 2: features stay apart; the app reaches the mock server only over HTTP.
 * Import cycles are refused by tests/layout/no-import-cycles.test.ts, as
 * eslint-plugin-import (import/no-cycle) is not a dependency.
 */
const boundaries = [
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: featurePatterns(feature) }] },
  })),
  // Later entries replace the rule for their files, so each repeats the feature's patterns.
  ...TICKET_PARTS.map(({ part, forbidden }) => ({
    files: [`src/features/tickets/${part}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...featurePatterns('tickets'),
            {
              group: forbidden.flatMap((other) => [
                `../${other}/*`,
                `@/features/tickets/${other}/*`,
              ]),
              message: `The ${part} part of tickets does not import ${forbidden.join(', ')}.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_CLIMBING,
            {
              group: ['@/features/*', '@/app/*', '@/mocks/*', '@/backend/*'],
              message: 'Shared layers do not depend on features, the app or the backend.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_CLIMBING,
            {
              group: ['@/mocks/*', '@/backend/*'],
              message: 'The app reaches the backend only over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // HOUSE rule 2: the rules are one room that both hosts run, so they import
    // the contract and nothing that only one host has (SERVER-1).
    files: ['src/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/features/*',
                '@/app/*',
                '@/components/*',
                '@/lib/*',
                '!@/lib/i18n',
                '@/lib/i18n/*',
                '@/mocks/*',
                // The emails' words, and the formatting they share with the screens (ADR 0032).
                '!@/lib/i18n/message-format',
                '!@/lib/i18n/en-mail',
                '!@/lib/i18n/zh-cn-mail',
              ],
              message:
                "The backend imports only the contract in src/api, and the emails' catalogues: it runs in the browser and in Node.",
            },
            {
              group: ['node:*'],
              message: 'The backend runs in the browser too: no Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_ONLY_GLOBALS],
    },
  },
  {
    // The browser host: the in-page transport and IndexedDB around the backend.
    files: ['src/mocks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', '@/app/*', '@/components/*', '@/lib/*'],
              message:
                'The mock runs the backend in the browser: it imports the backend and the contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Node host: HTTP, SQLite, SMTP around the same backend.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', '@/app/*', '@/components/*', '@/lib/*', '@/mocks/*'],
              message:
                'The server runs the backend in Node: it imports the backend and the contract only.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...HOST_ONLY_GLOBALS.filter(({ name }) => name !== 'process' && name !== 'Buffer'),
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'simple-import-sort': simpleImportSort },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'simple-import-sort/imports': ['error', { groups: IMPORT_ORDER }],
      'simple-import-sort/exports': 'error',
      // A module is imported once; a type-only import of it may stand apart.
      'no-duplicate-imports': ['error', { includeExports: true, allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The bench: Node scripts whose page.evaluate() callbacks run in the page, and its empty React app.
    files: ['scripts/**/*.{mjs,jsx}'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...boundaries,
);
