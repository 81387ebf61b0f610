import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result';

/**
 * CLI cold start (issue 11 item 5): `bin/hibernator plans` and `bin/hibernator validate <file>`
 * against `node -e 0` on the same machine, as the ratio of their median wall-clock times (target
 * ≤ 5×). The three commands take turns, so load from other processes hits them alike. Peak RSS and
 * CPU time come from separate runs that report them at exit, so the timed runs carry no
 * instrumentation. Called by the bench runner or alone: `npx tsx test/bench/cli-bench.ts [--quick]`.
 */

const RATIO_TARGET = 5;
/** At exit, the child writes its peak RSS (kB) and CPU time (µs) to stderr after this mark. */
const USAGE_MARK = '@@usage ';
const REPORT_USAGE = `data:text/javascript,${encodeURIComponent(
  `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('${USAGE_MARK}' + u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`,
)}`;

/** The repository root: bundled by the bench runner, this file's own location differs. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin/hibernator'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cli-bench: cannot find bin/hibernator above ' + dir);
    dir = up;
  }
  return dir;
}

interface Command {
  name: string;
  file: string;
  args: string[];
}

function run(command: Command, env: NodeJS.ProcessEnv): { ms: number; stderr: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command.file, command.args, { encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(
      `cli-bench: ${command.name} exited with ${result.status}: ${result.stderr || result.stdout}`,
    );
  }
  return { ms, stderr: result.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export async function runCliBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const root = findRoot();
  if (!existsSync(join(root, 'out/cli/main.mjs')))
    throw new Error('cli-bench: out/cli/main.mjs is missing: run `npm run build` first');
  const bin = join(root, 'bin/hibernator');
  const fixture = join(root, 'test/fixtures/plans/staged.yaml');
  const dataDir = mkdtempSync(join(tmpdir(), 'hib-cli-bench-'));
  // The bundle, not the sources, and no recorder or loader a developer may have set.
  const env: NodeJS.ProcessEnv = { ...process.env, HIBERNATOR_FROM_SOURCE: '', NODE_OPTIONS: '' };
  // `plans` lists real plans: the fixture's, imported once.
  run({ name: 'import', file: bin, args: ['import', fixture, '--data-dir', dataDir] }, env);

  const commands: Command[] = [
    { name: 'node -e 0', file: process.execPath, args: ['-e', '0'] },
    { name: 'hibernator plans', file: bin, args: ['plans', '--data-dir', dataDir] },
    { name: 'hibernator validate', file: bin, args: ['validate', fixture] },
  ];
  const rounds = opts.quick ? 3 : 11;
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  // One untimed round first: the file cache, not the first run's disk reads, is what users see.
  for (let round = -1; round < rounds; round++) {
    for (const command of commands) {
      const { ms } = run(command, env);
      if (round >= 0) times.get(command.name)?.push(ms);
    }
  }

  const usageEnv = { ...env, NODE_OPTIONS: `--import ${REPORT_USAGE}` };
  const usage = new Map<string, { rssMb: number; cpuMs: number }>();
  for (const command of commands) {
    const samples = Array.from({ length: opts.quick ? 1 : 3 }, () => {
      const { stderr } = run(command, usageEnv);
      const line = stderr.split('\n').find((l) => l.startsWith(USAGE_MARK)) ?? '';
      const [rssKb = 0, cpuUs = 0] = line.slice(USAGE_MARK.length).split(' ').map(Number);
      return { rssMb: rssKb / 1024, cpuMs: cpuUs / 1000 };
    });
    usage.set(command.name, {
      rssMb: median(samples.map((s) => s.rssMb)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
    });
  }

  const base = median(times.get('node -e 0') ?? []);
  const results: BenchResult[] = [
    { name: 'cli: node -e 0 (median wall time)', value: round1(base), unit: 'ms' },
  ];
  for (const command of commands.slice(1)) {
    const ms = median(times.get(command.name) ?? []);
    const ratio = ms / base;
    results.push(
      { name: `cli: ${command.name} cold start (median wall time)`, value: round1(ms), unit: 'ms' },
      {
        name: `cli: ${command.name} cold start / node -e 0`,
        value: Math.round(ratio * 100) / 100,
        unit: '×',
        target: `<= ${RATIO_TARGET}`,
        ok: ratio <= RATIO_TARGET,
      },
    );
  }
  for (const command of commands) {
    const u = usage.get(command.name);
    if (!u) continue;
    results.push(
      { name: `cli: ${command.name} peak RSS`, value: round1(u.rssMb), unit: 'MB' },
      { name: `cli: ${command.name} CPU time`, value: round1(u.cpuMs), unit: 'ms' },
    );
  }
  return results;
}

function isMain(): boolean {
  const entry = process.argv[1];
  // Bundled by the bench runner, every module shares one import.meta.url: compare file names too.
  return (
    entry !== undefined &&
    /cli-bench\.[cm]?[jt]s$/.test(entry) &&
    import.meta.url === pathToFileURL(entry).href
  );
}

if (isMain()) {
  const results = await runCliBench({ quick: process.argv.includes('--quick') });
  console.table(
    results.map((r) => ({
      name: r.name,
      value: r.value,
      unit: r.unit,
      target: r.target ?? '',
      ok: r.ok ?? '',
    })),
  );
  if (results.some((r) => r.ok === false)) process.exitCode = 1;
}
