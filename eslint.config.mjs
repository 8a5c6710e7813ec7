// Flat config: `npm run lint` = `eslint . --max-warnings 0`, run by `npm test` so CI fails on a warning.
// Rules are typescript-eslint's recommended set (syntactic, not type-aware: the type-aware set
// roughly triples the run time on a 2-core CI machine, and `tsc --noEmit` already runs in `npm test`),
// react-hooks and jsx-a11y for the task pane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'cdk.out/**',
      'test/artifacts/**',
      '.data/**',
      'node_modules/**',
      'templates-out/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are the conventional "deliberately unused" (a handler's ignored argument,
      // a destructured field left out of a rest object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // zod comes through shared/src/zod.ts, where its settings (jitless) are made once for every schema.
    files: ['shared/**/*.ts', 'functions/**/*.ts', 'cli/**/*.ts', 'addin/**/*.{ts,tsx}', 'infra/**/*.ts'],
    ignores: ['shared/src/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import zod from '#shared/zod' (shared/src/zod.ts), where its settings are made once." }] }],
    },
  },
  {
    // CommonJS files (the CLI launcher, Jest config and reporter, build options): require() is the module system.
    files: ['**/*.cjs', 'jest.config.js', 'test/closing-line-reporter.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The task pane runs in a browser (and in Excel's webview).
    files: ['addin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['addin/**/*.{ts,tsx}', 'test/addin/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['addin/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region (role="region" with a label) must be focusable so keyboard users can scroll it:
      // axe's scrollable-region-focusable asks for exactly the tabIndex this rule would forbid.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
);
