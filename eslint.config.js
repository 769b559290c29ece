// Lint, including the layer rule: the folder says the layer, and this file (not goodwill) keeps
// shared/ free of electron/, renderer/, React, DOM and Node, and keeps electron/ and renderer/
// from importing each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { sharedLayers } from './scripts/eslint/shared-layers.js';
import { noVendorIds } from './scripts/eslint/no-vendor-ids.js';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];


// The layers inside shared/, lowest first: a folder imports only from the folders listed for it.
// net → model (→ commands) → vocabulary → vendors → engine → monitor / walk / show output / export
// → cli. Templates build documents; ipc is the renderer↔main contract.
const below = (...folders) => folders;
const SHARED_LAYERS = {
  net: below(),
  model: below('net'),
  commands: below('net', 'model'),
  vocabulary: below('net', 'model'),
  vendors: below('net', 'model', 'commands', 'vocabulary'),
  engine: below('net', 'model', 'commands', 'vocabulary', 'vendors'),
  monitor: below('net', 'model', 'commands', 'vocabulary', 'vendors', 'engine'),
  walk: below('net', 'model', 'commands', 'vocabulary', 'vendors', 'engine', 'monitor'),
  'show-commands': below('net', 'model', 'commands', 'vocabulary', 'vendors', 'engine', 'monitor'),
  export: below('net', 'model', 'commands', 'vocabulary', 'vendors', 'engine'),
  document: below('net', 'model', 'commands', 'vocabulary', 'vendors'),
  templates: below('net', 'model', 'commands', 'vocabulary', 'vendors', 'document'),
  ipc: below('net', 'model'),
  import: below('net', 'model', 'commands', 'vocabulary', 'vendors', 'document'),
  cli: below('import', 'net', 'model', 'commands', 'vocabulary', 'vendors', 'document', 'engine', 'monitor', 'walk', 'show-commands', 'export', 'templates'),
};

const sharedRestricted = {
  patterns: [
    { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ is the pure domain: it may not import electron/, renderer/ or test/.' },
    { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*'], message: 'shared/ may not import Electron or React.' },
    { group: ['node:*'], message: 'shared/ may not import Node built-ins; inject what you need.' },
  ],
  paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ may not import Node built-ins; inject what you need.' })),
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vite/**', 'test-results/**', 'playwright-report/**', 'build/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    plugins: { studio: { rules: { 'shared-layers': sharedLayers } } },
    rules: {
      'studio/shared-layers': ['error', { root: import.meta.dirname, allowed: SHARED_LAYERS }],
      'no-restricted-imports': ['error', sharedRestricted],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', '__dirname'].map((name) => ({ name, message: 'shared/ has no DOM or Node: inject it.' })),
        ...['setTimeout', 'setInterval', 'fetch', 'performance'].map((name) => ({ name, message: 'shared/ is deterministic: inject clocks, timers and I/O.' })),
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'shared/ is deterministic: inject the clock.' },
        { object: 'Math', property: 'random', message: 'shared/ is deterministic: inject randomness.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Nothing outside a vendor's folder names a vendor (the registry lists them; everything else asks
  // the vendor module). Templates are documents, like test fixtures: they name products as data.
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/**/*.ts'],
    ignores: ['shared/vendors/registry.ts', 'shared/templates/**'],
    plugins: { vendors: { rules: { 'no-vendor-ids': noVendorIds } } },
    rules: { 'vendors/no-vendor-ids': ['error', { root: import.meta.dirname }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ and renderer/ never import each other; share through shared/.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/electron/**', 'electron', 'electron/*'], message: 'renderer/ and electron/ never import each other; use the preload API typed by shared/ipc/contract.ts.' },
        { group: ['node:*'], message: 'renderer/ runs sandboxed: no Node built-ins.' },
      ], paths: nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs sandboxed: no Node built-ins.' })) }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'scripts/**/*', 'bench/**/*', 'bin/**/*', '*.config.ts', '*.config.js', 'forge.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
