// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', '.release-build/', '.dist.*/', '.astro/', 'node_modules/', 'releases/', 'scripts/_*'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  // Type-aware rules for TypeScript modules. `.astro` files keep the rules above: the Astro ESLint
  // parser gives type-aware rules no type information (an open upstream limitation).
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers in messages (第 3 行, 2026年) are the common, safe case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // __HONOUR_DEV_SERVER__: defined by astro.config.mjs when pages are compiled (src/env.d.ts).
    languageOptions: { globals: { ...globals.node, __HONOUR_DEV_SERVER__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    // A failed lookup in a test or benchmark should fail it loudly, not be guarded against.
    files: [
      '**/*.test.ts',
      'tests/**/*.ts',
      'scripts/bench.ts',
      'scripts/bench/**/*.ts',
      'scripts/audit.ts',
      'scripts/audit/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Vitest's asymmetric matchers (expect.stringContaining …) and JSON.parse are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
