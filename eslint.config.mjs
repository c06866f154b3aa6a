// Layering is enforced here, not by convention: src/core and the webview must never
// reach the `vscode` module, so the pure logic stays testable with plain mocha and the
// webview stays a browser program that talks to the host only through src/shared/protocol.ts.
// The webview and the protocol it shares also run in a browser, so Node's built-in modules are
// refused there too, by `node:` prefix and by bare name; core modules the webview pulls in are
// covered by test/unit/webviewBundle.test.ts, which bundles the webview for the browser.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodePath = { name: 'vscode', message: 'src/core and the webview are pure: no vscode here (see docs/architecture.md).' };
const noVscode = { 'no-restricted-imports': ['error', { paths: [vscodePath] }] };

const nodeBuiltinMessage = 'The webview runs in a browser: no Node built-in modules here (see docs/architecture.md).';
const noVscodeNorNode = {
  'no-restricted-imports': ['error', {
    paths: [vscodePath, ...builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: nodeBuiltinMessage }))],
    // builtinModules already lists subpaths such as 'fs/promises'; `node:` covers the prefixed forms.
    patterns: [{ group: ['node:*'], message: nodeBuiltinMessage }],
  }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'eqeqeq': ['error', 'smart'],
    },
  },
  { files: ['src/core/**/*.ts', 'src/cli/**/*.ts'], rules: noVscode },
  { files: ['src/webview/**/*.ts', 'src/shared/**/*.ts', 'src/preview/**/*.ts'], rules: noVscodeNorNode },
  // The webview's texts: vscode-l10n-dev reads `l10n.t('…')` only in files that import 'vscode', so
  // this one file may, for types only (erased by esbuild; the webview itself never imports it).
  {
    files: ['src/shared/webviewStrings.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: noVscodeNorNode['no-restricted-imports'][1].paths.map((p) => (p.name === 'vscode' ? { ...p, allowTypeImports: true } : p)),
        patterns: noVscodeNorNode['no-restricted-imports'][1].patterns,
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
  },
);
