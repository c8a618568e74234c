import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['auth', 'mfa', 'account', 'workspace', 'tickets', 'devtools'];

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
    group: ['@/app/*', '@/mocks/*'],
    message: 'Features use the HTTP API, not the app shell or the mock server.',
  },
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

/** HOUSE rules 1 and 2: features stay apart; the app reaches the mock server only over HTTP. */
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
              group: ['@/features/*', '@/app/*', '@/mocks/*'],
              message: 'Shared layers do not depend on features, the app or the mock server.',
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
            { group: ['@/mocks/*'], message: 'The app reaches the mock server only over HTTP.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/mocks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', '@/app/*', '@/components/*', '@/lib/*'],
              message: 'The mock server may import only the contract in src/api.',
            },
          ],
        },
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
      'public/mockServiceWorker.js',
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
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
