// ESLint with typescript-eslint's type-aware rules; formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The composition root: the files that assemble the modules, which no module or layer below imports. */
const ROOT = [
  'services',
  'stores',
  'routes',
  'events',
  'record-kinds',
  'projectors',
  'app',
  'lifecycle',
  'server',
  'cli/*',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'jest.config.js',
      'test/jest.unit.config.js',
      'eslint.config.mjs',
      'test/support/*.mjs',
      'test/support/*.cjs',
      'scripts/*.mjs',
      'web/', // the console has its own lint (web/eslint.config.js)
    ],
  },
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
    // The ground floor knows no domain: db/ (engines, stores, the connection), journal/ (generic
    // over the event catalogue the composition root assembles), http/ (problems, the mount, a
    // route's context generic over what its module uses) and lib/ (small helpers) import no
    // module and nothing of the composition root; modules/common (schemas, NIN, governorates)
    // imports no other module. Kinds and records/ are checked from the list of kinds by
    // test/unit/layers.test.ts.
    files: ['src/db/**/*.ts', 'src/journal/**/*.ts', 'src/http/**/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../modules/*', '../../modules/*', ...ROOT.map((f) => `../${f}`)],
              message: 'db/, journal/, http/ and lib/ import no domain module, nor anything of the composition root',
            },
          ],
        },
      ],
    },
  },
  {
    // A module says what it uses (its RouteDeps, its commands' deps) and is given that: it never
    // sees the composition root's whole Services, nor the root's lists.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ROOT.map((f) => `../../${f}`),
              message:
                'a module imports nothing of the composition root (services, routes, events, record-kinds, projectors, app, lifecycle, cli)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../[a-z]*/**'], message: 'modules/common imports no other module' }] },
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
