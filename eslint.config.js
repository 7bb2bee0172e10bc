// Flat ESLint config (STYLE.md R40): typescript-eslint's recommended rules plus the house rules a
// machine can check: tsyringe only in core, no Math.random, no enums.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // AssemblyScript sources (kernels/assembly) use its own decorators and types: its compiler checks them.
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/*.d.ts', '**/coverage/**', '**/build/**', '**/__fixtures__/**', 'packages/kernels/assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', WebAssembly: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly' } },
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the injected RandomSource from @cimkit/core (seeded, reproducible).' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a const object or a union of string literals instead of enum.' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/**/*.ts', 'apps/**/*.ts', 'examples/**/*.ts'],
    ignores: ['packages/core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'tsyringe', message: 'Import DI helpers from @cimkit/core (one tsyringe copy for every plugin).' }] }],
    },
  },
)
