// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/.cache/**',
      '.cache/**',
      'bench/results/**',
      '.tools/**',
      '*.js',
      '*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Jest reporters are loaded by Node's require, untranspiled.
    files: ['test/support/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain is pure: no framework, driver or I/O import.
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            '@crm/event-store',
            '@crm/application',
            'node:*',
            'fs',
            'better-sqlite3',
            'mongodb',
            '@eventstore/*',
          ],
        },
      ],
    },
  },
  {
    // The application layer sits below the queries: the API composes @crm/queries over its read side.
    files: ['libs/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@crm/queries', '@crm/queries/*', '**/queries/src', '**/queries/src/**'],
              message: 'libs/application must not depend on @crm/queries (the API composes them).',
            },
          ],
        },
      ],
    },
  },
);
