import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Dependencies point one way (ARCHITECTURE.md §13), bottom to top:
//   packages (domain → contract) → db, clock, config, crypto, mail, observability → http primitives
//   → features (ranked below) → jobs → routes.ts (route registration) → app.ts (composition root)
//   → main.ts, cli.ts
// A file may import from its own layer or the layers under it, never from one above. Tests and the
// test helpers (apps/server/test) sit on top of everything. Cycles: import-x/no-cycle here for value
// imports, and `madge --circular` (npm run lint) for type-only ones.

const S = 'apps/server/src';
const SERVER_LAYERS = [
  [`${S}/clock.ts`, `${S}/config.ts`, `${S}/shutdown.ts`, `${S}/crypto`, `${S}/db`, `${S}/mail`, `${S}/observability`],
  [`${S}/http`],
  [`${S}/features`],
  [`${S}/jobs`],
  [`${S}/routes.ts`],
  [`${S}/app.ts`],
  [`${S}/main.ts`, `${S}/cli.ts`],
];
const LAYER_NAMES = [
  'db, clock, config, crypto, mail, observability',
  'http',
  'features',
  'jobs',
  'routes.ts',
  'app.ts',
  'main',
];

/** Features by rank: a feature imports only features of a lower rank. */
const FEATURE_RANKS = [
  ['activities', 'catalog', 'people', 'test-clock'],
  ['auth', 'notifications'],
  ['api-keys'],
  ['lifecycle'],
  ['exposure', 'rotation'],
  ['secret-scanning'],
  ['verification'],
];

const serverZones = [
  ...SERVER_LAYERS.slice(0, -1).map((target, i) => ({
    target,
    from: SERVER_LAYERS.slice(i + 1).flat(),
    message: `Layering: ${LAYER_NAMES[i]} must not import from a layer above it (${LAYER_NAMES.slice(i + 1).join(', ')}).`,
  })),
  ...FEATURE_RANKS.flatMap((rank, r) =>
    rank.map((feature) => ({
      target: `${S}/features/${feature}`,
      from: FEATURE_RANKS.slice(r)
        .flat()
        .filter((f) => f !== feature)
        .map((f) => `${S}/features/${f}`),
      message: `Layering: features/${feature} may only import features ranked below it (eslint.config.js FEATURE_RANKS).`,
    })),
  ).filter((zone) => zone.from.length > 0),
  {
    target: S,
    from: 'apps/server/test',
    message: 'Test helpers (apps/server/test) are for tests only.',
  },
];

const W = 'apps/web/src';
const WEB_FEATURES = ['account', 'activities', 'api-keys', 'auth', 'groups', 'notifications'];
const webZones = [
  {
    target: [`${W}/lib`, `${W}/components`],
    from: [`${W}/features`, `${W}/app`],
    message: 'Layering: lib and components are below features and app.',
  },
  { target: `${W}/features`, from: `${W}/app`, message: 'Layering: features never import the app.' },
  ...WEB_FEATURES.map((feature) => ({
    target: `${W}/features/${feature}`,
    from: WEB_FEATURES.filter((f) => f !== feature).map((f) => `${W}/features/${f}`),
    message: 'Features do not import each other: routes compose them (ARCHITECTURE.md §8).',
  })),
];

const packageZones = [
  {
    target: 'packages/domain',
    from: ['packages/contract', 'apps', 'bench', 'e2e'],
    message: 'The domain is the bottom layer: pure rules, importing nothing of the project.',
  },
  { target: 'packages/contract', from: ['apps', 'bench', 'e2e'], message: 'The contract imports the domain only.' },
  { target: 'apps/web', from: 'apps/server', message: 'The console talks to the server over HTTP only.' },
  { target: 'apps/server', from: 'apps/web', message: 'The server does not import the console.' },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'tmp/**', 'data/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: packageZones }],
    },
  },
  {
    files: [`${S}/**/*.ts`, `${W}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...packageZones, ...serverZones, ...webZones] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
