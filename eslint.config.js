// Strict lint for our own TypeScript: no `any`, no non-null assertions, exhaustive hook deps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importBoundaries from './scripts/eslint-import-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'data/', 'dist/', 'test-results/', 'playwright-report/', '.lab/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // React code only: test fixtures such as useLab() are not hooks
    files: ['app/**/*.tsx', 'components/**/*.{ts,tsx}', 'app/**/_components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // ARCHITECTURE.md's import rules: client code and lib/ never import server/ (scripts/eslint-import-boundaries.js)
    files: ['**/*.{ts,tsx}'],
    plugins: { ksw: importBoundaries },
    rules: { 'ksw/import-boundaries': 'error' },
  },
  {
    // ARCHITECTURE.md: every status column (run, stage, host, install, node, check run) is written by server/status alone
    files: ['server/**/*.ts', 'app/**/*.ts', 'lab/**/*.ts'],
    ignores: ['server/status/**', '**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(update|updateMany|upsert)$/] > ObjectExpression > Property[key.name=/^(data|update)$/] > ObjectExpression > Property[key.name=/^(status|state)$/]',
          message:
            'Status and state columns are written by server/status only (conditional updates from the states a write expects): add or call a writer there.',
        },
      ],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' } } },
);
