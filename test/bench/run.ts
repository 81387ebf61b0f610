/**
 * `npm run bench` (full) / `npm run bench:quick` (CI, so the benchmarks never rot): runs every
 * section, prints one table and writes bench-results/<date>.json. Exits non-zero only in full
 * mode when a target is missed; quick mode proves the benchmarks still run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-result';
import { runLifecycleBench } from './lifecycle-bench';
import { runScheduleBench } from './schedule-bench';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const sections: Array<[string, (o: { quick: boolean }) => Promise<BenchResult[]>]> = [
  ['schedule', runScheduleBench],
  ['lifecycle', runLifecycleBench],
];

const all: BenchResult[] = [];
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  const started = performance.now();
  const results = await run({ quick });
  all.push(...results);
  console.log(`${name}: ${results.length} measurement(s) in ${Math.round(performance.now() - started)} ms`);
}

console.table(all.map((r) => ({ measurement: r.name, value: r.value, unit: r.unit, target: r.target ?? '', ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO' })));
const dir = fileURLToPath(new URL('../../bench-results', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = join(dir, `${quick ? 'quick' : 'full'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ quick, node: process.version, at: new Date().toISOString(), results: all }, null, 2));
console.log(`wrote ${file}`);
if (!quick && all.some((r) => r.ok === false)) process.exitCode = 1;
