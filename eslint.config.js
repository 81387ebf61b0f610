import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'build/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // The layers (architecture.md): hosts -> engine -> shared; the renderer sees shared only.
  // One entry per folder, most specific last: a file matching several gets the last entry's
  // list only, so each entry repeats the restrictions of the layers it sits in.
  ...layerRules(),
);

/**
 * `no-restricted-imports` per layer. Relative imports are matched by regex on the `../` prefix,
 * so `../../lifecycle/x` from an executor is caught at any depth while `test/cloud/...` is not.
 */
function layerRules() {
  const electron = { name: 'electron', message: 'Only main/app may import electron.' };
  const up = (folders, message) => ({
    regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
    message,
  });
  const engine = [
    up(
      ['app', 'server', 'cli'],
      'main/engine never imports its hosts (main/app, main/server, main/cli).',
    ),
  ];
  const bottom = [
    ...engine,
    up(
      ['connections', 'executors', 'lifecycle', 'service', 'store', 'restore', 'host'],
      'errors/, cloud-errors/ and util/ are the bottom of the engine: they import no other engine folder.',
    ),
  ];
  const connections = [
    ...engine,
    up(
      ['executors', 'lifecycle', 'service'],
      'connections/ sit below executors/ and lifecycle/: move the shared piece down (errors/, cloud-errors/, util/).',
    ),
  ];
  const executors = [
    ...engine,
    up(
      ['lifecycle', 'service', 'store', 'host'],
      'executors/ never import lifecycle/, service/, store/ or host/: the engine hands them what they need (ExecutorContext).',
    ),
  ];
  const hosts = [
    {
      regex: '^(\\.\\./)+engine/(?!basics$)',
      message:
        "Hosts import main/engine only through its entry points ('../engine', main/engine/index.ts; '../engine/basics' for what loads nothing heavy).",
    },
  ];
  const layer = (files, patterns, paths = [electron]) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  });
  return [
    layer(
      ['shared/**/*.ts'],
      [
        up(
          ['main', 'preload', 'renderer'],
          'shared/ is used by every side: it imports nothing from main/, preload/ or renderer/.',
        ),
      ],
    ),
    layer(
      ['renderer/**/*.{ts,tsx}'],
      [
        up(
          ['main', 'preload', 'test', 'scripts', 'bin'],
          'The renderer talks only to HibernatorApi through a transport: it imports shared/ and its own files.',
        ),
      ],
    ),
    layer(['main/engine/**/*.ts'], engine),
    layer(
      [
        'main/engine/errors/**/*.ts',
        'main/engine/cloud-errors/**/*.ts',
        'main/engine/util/**/*.ts',
      ],
      bottom,
    ),
    layer(['main/engine/connections/**/*.ts'], connections),
    layer(['main/engine/executors/**/*.ts'], executors),
    layer(['main/server/**/*.ts', 'main/cli/**/*.ts'], hosts),
    // The desktop host may import electron; like the other hosts it sees only the engine's entry point.
    layer(['main/app/**/*.ts'], hosts, []),
  ];
}
