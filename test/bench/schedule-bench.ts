import { pathToFileURL } from 'node:url';
import { type BenchResult, cpuMs } from './bench-result';
import {
  type Day,
  type OffHourWindow,
  type ScheduleExceptionLike,
  type SchedulePlan,
  evaluate,
  upcoming,
} from '../../shared/schedule';

/**
 * Schedule engine benchmark. Called by the bench runner (`runScheduleBench`) or alone:
 * `npx tsx test/bench/schedule-bench.ts [--quick]` prints a table. Times are CPU time of this
 * process (`cpuMs`), so other work on the machine does not count against the targets.
 */

const DAYS: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-20T10:00:00Z');

/** Small deterministic PRNG (mulberry32) so every run measures the same plans. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWindow(rnd: () => number): OffHourWindow {
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = Math.floor(rnd() * 96) * 15;
  let end = Math.floor(rnd() * 96) * 15;
  if (end === start) end = (start + 60) % 1440;
  const days = DAYS.filter(() => rnd() < 0.6);
  return {
    start: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
    end: end === 0 && rnd() < 0.5 ? '24:00' : `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
    daysOfWeek: days.length ? days : ['MON'],
  };
}

function randomException(rnd: () => number, plan: string, index: number): ScheduleExceptionLike {
  const types = ['extend', 'suspend', 'replace'] as const;
  const type = types[index % 3] ?? 'extend';
  const from = NOW - Math.floor(rnd() * 20) * DAY;
  return {
    metadata: { name: `${plan}-x${index}` },
    spec: {
      planRef: { name: plan },
      type,
      validFrom: new Date(from).toISOString(),
      validUntil: new Date(from + (10 + Math.floor(rnd() * 60)) * DAY).toISOString(),
      ...(type === 'suspend' && rnd() < 0.5 ? { leadTime: '30m' } : {}),
      windows: [randomWindow(rnd)],
    },
  };
}

function planOf(name: string, timezone: string, offHours: OffHourWindow[]): SchedulePlan {
  return { metadata: { name }, spec: { schedule: { timezone, offHours } } };
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Jakarta',
  'UTC',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Europe/London',
];

function measurePairs(durationMs: number): number {
  const rnd = random(42);
  const plan = planOf(
    'bench-10x10',
    'Europe/Berlin',
    Array.from({ length: 10 }, () => randomWindow(rnd)),
  );
  const exceptions = Array.from({ length: 10 }, (_, i) => randomException(rnd, 'bench-10x10', i));
  let sink = 0;
  const run = (i: number): void => {
    // Instants spread over 90 days at an odd step, so every week of the range is exercised.
    const at = new Date(NOW + ((i * 7_919_000) % (90 * DAY)));
    sink += evaluate(plan, exceptions, at).hibernate ? 1 : 0;
    sink += upcoming(plan, exceptions, at, 10).length;
  };
  for (let i = 0; i < 2000; i++) run(i);
  let count = 0;
  const start = cpuMs();
  while (cpuMs() - start < durationMs) {
    for (let k = 0; k < 200; k++) run(count++);
  }
  const seconds = (cpuMs() - start) / 1000;
  if (sink < 0) console.log(sink);
  return count / seconds;
}

const WEEKDAYS: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** A plan shaped like the ones people write: weeknights, often the weekend, a hold or two. */
function officePlan(
  rnd: () => number,
  name: string,
  zone: string,
): { plan: SchedulePlan; exceptions: ScheduleExceptionLike[] } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const quarter = () => pad(Math.floor(rnd() * 4) * 15);
  const days = rnd() < 0.7 ? WEEKDAYS : rnd() < 0.5 ? WEEKDAYS.slice(0, 4) : DAYS;
  const windows: OffHourWindow[] = [
    {
      start: `${17 + Math.floor(rnd() * 6)}:${quarter()}`,
      end: `0${5 + Math.floor(rnd() * 4)}:${quarter()}`,
      daysOfWeek: days,
    },
  ];
  if (rnd() < 0.5) windows.push({ start: '00:00', end: '23:59', daysOfWeek: ['SAT', 'SUN'] });
  if (rnd() < 0.1) windows.push(randomWindow(rnd));
  const exceptions = Array.from({ length: Math.floor(rnd() * 3) }, (_, k) =>
    randomException(rnd, name, k),
  );
  return { plan: planOf(name, zone, windows), exceptions };
}

function thousandPlans(
  seed: number,
): Array<{ plan: SchedulePlan; exceptions: ScheduleExceptionLike[] }> {
  const rnd = random(seed);
  return Array.from({ length: 1000 }, (_, i) =>
    officePlan(rnd, `plan-${seed}-${i}`, ZONES[i % ZONES.length] ?? 'UTC'),
  );
}

/** Time (ms) for the next transition of 1,000 plans never seen before (nothing compiled yet). */
function measureThousand(seed: number): number {
  const plans = thousandPlans(seed);
  const from = new Date(NOW + seed * HOUR);
  let sink = 0;
  const start = cpuMs();
  for (const { plan, exceptions } of plans) sink += upcoming(plan, exceptions, from, 1).length;
  const ms = cpuMs() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function runScheduleBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  // First batch ever: zone offsets are discovered through Intl, nothing is cached.
  const cold = measureThousand(1);
  const pairs = measurePairs(opts.quick ? 400 : 2000);
  results.push({
    name: 'schedule: evaluate + upcoming(10), 10 windows + 10 exceptions (CPU time)',
    value: Math.round(pairs),
    unit: 'ops/s',
    target: '> 20000',
    ok: pairs > 20_000,
  });
  // Steady state: the compile path only gets optimised by the JIT after a few thousand plans.
  for (let i = 0; i < (opts.quick ? 3 : 6); i++) measureThousand(50 + i);
  const runs = Array.from({ length: opts.quick ? 3 : 9 }, (_, i) => measureThousand(100 + i));
  const warm = median(runs);
  results.push({
    name: 'schedule: next transition of 1,000 new plans (median, CPU time)',
    value: Math.round(warm * 10) / 10,
    unit: 'ms',
    target: '< 50',
    ok: warm < 50,
  });
  // Informational: the very first batch also pays for JIT warm-up and zone discovery.
  results.push({
    name: 'schedule: next transition of 1,000 new plans (first batch in a fresh process)',
    value: Math.round(cold * 10) / 10,
    unit: 'ms',
  });
  return results;
}

function isMain(): boolean {
  const entry = process.argv[1];
  // Bundled by the bench runner, every module shares one import.meta.url: compare file names too.
  return (
    entry !== undefined &&
    /schedule-bench\.[cm]?[jt]s$/.test(entry) &&
    import.meta.url === pathToFileURL(entry).href
  );
}

if (isMain()) {
  const results = await runScheduleBench({ quick: process.argv.includes('--quick') });
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
