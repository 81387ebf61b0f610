/**
 * `npm run bench` (full) / `npm run bench:quick` (CI, so the benchmarks never rot): runs every
 * section in its own process (so memory numbers are that section's own), prints one table and
 * writes bench-results/<date>.json. Exits non-zero only in full mode when a target is missed;
 * quick mode proves the benchmarks still run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-result';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const child = process.argv.find((a) => a.startsWith('--section='))?.slice('--section='.length);

// Loaded on demand, so a section's process holds only its own code (RSS is measured).
const sections: Record<string, () => Promise<(o: { quick: boolean }) => Promise<BenchResult[]>>> = {
  schedule: async () => (await import('./schedule-bench')).runScheduleBench,
  lifecycle: async () => (await import('./lifecycle-bench')).runLifecycleBench,
  aws: async () => (await import('./aws-bench')).runAwsBench,
  kube: async () => (await import('./kube-bench')).runKubeBench,
  cli: async () => (await import('./cli-bench')).runCliBench,
};

const RESULT_MARK = '@@bench-results ';

if (child) {
  const load = sections[child];
  if (!load) throw new Error(`unknown bench section ${child}`);
  const results = await (await load())({ quick });
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(results)}\n`);
} else {
  const all: BenchResult[] = [];
  let failed = false;
  for (const name of Object.keys(sections)) {
    if (only && only !== name) continue;
    const started = performance.now();
    const args = [
      ...process.execArgv,
      process.argv[1] ?? '',
      `--section=${name}`,
      ...(quick ? ['--quick'] : []),
    ];
    const out = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
    if (out.status !== 0 || !line) {
      console.error(`${name}: the benchmark failed (exit ${out.status})\n${out.stdout}`);
      failed = true;
      continue;
    }
    const results = JSON.parse(line.slice(RESULT_MARK.length)) as BenchResult[];
    // The section's own tables (API calls per action next to the minimum, …).
    const extra = out.stdout
      .split('\n')
      .filter((l) => !l.startsWith(RESULT_MARK))
      .join('\n')
      .trim();
    if (extra) console.log(extra);
    all.push(...results);
    console.log(
      `${name}: ${results.length} measurement(s) in ${Math.round(performance.now() - started)} ms`,
    );
  }
  console.table(
    all.map((r) => ({
      measurement: r.name,
      value: r.value,
      unit: r.unit,
      target: r.target ?? '',
      ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    })),
  );
  const dir = fileURLToPath(new URL('../../bench-results', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${quick ? 'quick' : 'full'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      { quick, node: process.version, at: new Date().toISOString(), results: all },
      null,
      2,
    ),
  );
  console.log(`wrote ${file}`);
  if (failed || (!quick && all.some((r) => r.ok === false))) process.exitCode = 1;
}
