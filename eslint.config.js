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
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' } } },
);
