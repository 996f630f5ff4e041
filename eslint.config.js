// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'dev-dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The layers (DEVELOPERS.md, "Layers"): the shell (src/app/) composes components and controllers,
  // which share their vocabulary through src/state/ (contexts, events, model types) and never reach
  // up into the shell or into the stores' internals (a store's types are fine).
  {
    files: ['src/components/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./app/', message: 'Components do not import the shell: shared vocabulary is in src/state/.' },
            {
              regex: '^\\.\\./storage/',
              allowTypeImports: true,
              message: 'Components use the stores through contexts and src/state/ (types only from src/storage/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/controllers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./app/', message: 'Controllers do not import the shell: shared vocabulary is in src/state/.' }] },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(app|components|controllers)/',
              message: 'src/state/ is the layer below the shell, the components and the controllers.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
