/**
 * For cli-bundle.test.ts, loaded with `node --import`: writes to the file named by
 * HIBERNATOR_RECORD_MODULES the URL of every module the process resolves through the ES module
 * loader (which includes CommonJS packages imported from an ES module) and, at exit, every file
 * in require.cache. So a test can tell which packages a command loaded, without --trace flags.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.HIBERNATOR_RECORD_MODULES;
if (!file) throw new Error('record-modules.mjs needs HIBERNATOR_RECORD_MODULES (a file to write)');
register(new URL('./record-modules-hook.mjs', import.meta.url), { data: { file } });
process.on('exit', () => {
  const cached = Object.keys(createRequire(import.meta.url).cache);
  appendFileSync(file, cached.map((path) => `${path}\n`).join(''));
});
