// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Typed linting for TypeScript; Astro's recommended rules for components. Formatting is Prettier's job.
export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.dateline-cache/',
      'node_modules/',
      'tests/.out/',
      'test-results/',
      'playwright-report/',
      'test-reports/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
