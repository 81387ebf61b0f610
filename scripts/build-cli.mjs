#!/usr/bin/env node
/**
 * Builds the `hibernator` CLI (and its `serve` host) into out/cli/main.mjs, which bin/hibernator
 * runs. Part of `npm run build` and of `prepare`, so `npm install`/`npm ci` leave a CLI that starts
 * at once instead of transpiling the sources with tsx on every run (issue 11 item 5).
 *
 * What is bundled and what is not, and why:
 * - zod and yaml are bundled: plain JavaScript that every command needs, and loading them from
 *   node_modules means reading and compiling ~200 small files on each start.
 * - every other dependency stays external (node_modules is there at run time): better-sqlite3 is
 *   native, and the AWS SDK and @kubernetes/client-node are imported on first use only, so that
 *   `plans` or `validate` never load them.
 * - zod's 40 message translations (z.locales) are left out: zod itself uses only English, and they
 *   are half of zod's size.
 * - code splitting keeps each `import()` a separate file, so the lazily loaded parts (the engine
 *   for `validate`, the SDKs, `serve`) are not compiled by commands that do not need them. The
 *   chunks sit next to main.mjs (out/cli/), at the same depth as out/main/index.js, because
 *   serve-host.ts finds the web UI as `../../out/renderer` from its own file.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}out/cli`;
const BUNDLED = new Set(['zod', 'yaml']);

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/** zod's locales/index.js with English only: `en` is the one zod's classic API configures. */
const englishOnlyZodLocales = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: `${root}main/cli/main.ts` },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [englishOnlyZodLocales],
  // Smaller text is faster to parse on every start; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // yaml is CommonJS and calls require('process'): give the ES module bundle a require.
  banner: {
    js: "import { createRequire as __hibernatorRequire } from 'node:module'; const require = __hibernatorRequire(import.meta.url);",
  },
});
