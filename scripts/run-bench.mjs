#!/usr/bin/env node
// `npm run bench`: bundles the benchmark runner with esbuild (dependencies stay external) and runs
// it in plain Node, so the numbers (RSS above all) are the engine's, not a TypeScript loader's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}out/bench`;
await build({
  entryPoints: [`${root}test/bench/run.ts`],
  outdir,
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', `${outdir}/run.js`, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
