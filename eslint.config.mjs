// ESLint with typescript-eslint's type-aware rules; formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'jest.config.js', 'test/jest.unit.config.js', 'eslint.config.mjs', 'test/support/*.mjs', 'test/support/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A disable needs a reason beside it: eslint-disable-next-line rule -- why.
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      eqeqeq: ['error', 'always'],
      // A command's decide callback is async by contract (the journal awaits it), awaiting or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The ground floor knows no domain: db/ (engines, stores), http/ (problems, the mount) and
    // lib/ (small helpers) import no module. (journal/ and modules/common still do, through the
    // event catalogue and the NIN and governorate references: next in the layering work.)
    files: ['src/db/**/*.ts', 'src/http/**/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../modules/*', '../../modules/*'], message: 'db/, http/ and lib/ import no domain module' }] }],
    },
  },
  {
    // records/ owns the lifecycle every kind shares and calls kinds through their registered
    // handlers: it imports no kind (kinds import records/), and no listener of record changes
    // (they subscribe through RecordKinds.onChange and read the contract's types from records/).
    files: ['src/modules/records/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../births/*', '../marriages/*', '../divorces/*', '../deaths/*'], message: 'records/ imports no record kind' },
            {
              group: ['../civil-status/*', '../statistics/*', '../feed/*', '../subscriptions/*', '../certificates/*', '../notifications/*'],
              message: 'records/ imports no listener of record changes: the types they share live in records/',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read answers of any shape through supertest and assert on them.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
