// ESLint's recommended rules for the page (browser + worker globals) and the Node scripts/tests.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      'web/pkg/**',
      'web/bundle/**',
      'dist/**',
      'node_modules/**',
      'target/**',
      'tests/e2e/screenshots/**',
      'fuzz/**',
      'integrations/python/src/sessionlab/assets/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['web/**/*.js', 'integrations/python/src/sessionlab/static/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.mjs', 'bench/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Functions passed to page.evaluate run in the page.
    files: ['tests/e2e/**/*.mjs', 'bench/browser/**', 'scripts/bench-browser.mjs', 'scripts/bench-pyodide.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
];
