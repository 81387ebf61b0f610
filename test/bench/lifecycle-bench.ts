import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../main/engine/clock';
import { Engine, defaultExecutors } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { FakeWorld, createScriptableExecutor } from '../engine/fake-world';
import { planObject } from '../engine/harness';
import { cpuMs, rssMb, type BenchResult } from './bench-result';

async function call(
  engine: Engine,
  method: Parameters<Engine['call']>[0],
  input: unknown,
): Promise<unknown> {
  const result = await engine.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.result;
}

async function waitForPhase(
  engine: Engine,
  plan: string,
  phase: string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    await engine.idle();
    const detail = (await call(engine, 'getPlan', { name: plan })) as { status: { phase: string } };
    if (detail.status.phase === phase) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${plan} did not reach ${phase} (is ${detail.status.phase})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An always-awake schedule (Sunday 00:00–00:01 only), so only manual holds move the plan. */
const QUIET = [{ start: '00:00', end: '00:01', daysOfWeek: ['SUN'] }];

async function parallelCycle(targets: number): Promise<{ seconds: number; rss: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hib-bench-'));
  const engine = Engine.open({
    dataDir,
    host: 'serve',
    logger: createMemoryLogger(),
    executors: defaultExecutors(),
  });
  try {
    const names = Array.from({ length: targets }, (_, i) => `t${i}`);
    await call(engine, 'applyPlan', {
      plan: planObject({ name: 'big', targets: names, offHours: QUIET }),
    });
    const start = performance.now();
    await call(engine, 'hibernateNow', { plan: 'big' });
    await waitForPhase(engine, 'big', 'Hibernated');
    await call(engine, 'wakeNow', { plan: 'big' });
    await waitForPhase(engine, 'big', 'Active');
    return { seconds: (performance.now() - start) / 1000, rss: rssMb() };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** depth levels of width targets each, every target depending on one of the previous level. */
async function dagOperation(
  width: number,
  depth: number,
  delayMs: number,
): Promise<{ shutdownMs: number; wakeupMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hib-bench-'));
  const world = new FakeWorld();
  const names: string[] = [];
  const dependencies: Array<{ from: string; to: string }> = [];
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < width; i++) {
      const name = `l${level}-${i}`;
      names.push(name);
      world.add(name, `${name}-r`, true).script(name, { delayMs });
      if (level > 0) dependencies.push({ from: `l${level - 1}-${i}`, to: name });
    }
  }
  const engine = Engine.open({
    dataDir,
    host: 'serve',
    logger: createMemoryLogger(),
    executors: new ExecutorRegistry().register(createScriptableExecutor(world)),
  });
  try {
    await call(engine, 'applyPlan', {
      plan: planObject({
        name: 'dag',
        targets: names,
        offHours: QUIET,
        strategy: { type: 'DAG', dependencies },
      }),
    });
    // An operation lasts from its phase change in to its phase change out (the API call that
    // creates the hold exception is not part of it).
    const at = new Map<string, number>();
    const unsubscribe = engine.subscribe((e) => {
      if (e.type === 'PhaseChanged') at.set(e.to, performance.now());
    });
    await call(engine, 'hibernateNow', { plan: 'dag' });
    await waitForPhase(engine, 'dag', 'Hibernated');
    await call(engine, 'wakeNow', { plan: 'dag' });
    await waitForPhase(engine, 'dag', 'Active');
    unsubscribe();
    const span = (from: string, to: string): number =>
      (at.get(to) ?? Number.NaN) - (at.get(from) ?? Number.NaN);
    return { shutdownMs: span('Hibernating', 'Hibernated'), wakeupMs: span('WakingUp', 'Active') };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Counts how often the engine's timers fire while idle. */
function countingClock(counter: { fired: number }): Clock {
  return {
    now: () => systemClock.now(),
    monotonicMs: () => systemClock.monotonicMs(),
    setTimer: (callback, delay) =>
      systemClock.setTimer(() => {
        counter.fired++;
        callback();
      }, delay),
  };
}

async function idleEngine(
  plans: number,
  seconds: number,
): Promise<{ cpuPercent: number; wakeups: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hib-bench-'));
  const counter = { fired: 0 };
  const engine = Engine.open({
    dataDir,
    host: 'serve',
    logger: createMemoryLogger(),
    clock: countingClock(counter),
  });
  try {
    for (let i = 0; i < plans; i++) {
      await call(engine, 'applyPlan', {
        plan: planObject({ name: `p${i}`, targets: ['a'], offHours: QUIET }),
      });
    }
    await engine.idle();
    counter.fired = 0;
    const cpu0 = cpuMs();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const cpu = cpuMs() - cpu0;
    return { cpuPercent: (cpu / (seconds * 1000)) * 100, wakeups: counter.fired };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runLifecycleBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const targets = opts.quick ? 200 : 1000;
  const cycle = await parallelCycle(targets);
  results.push({
    name: `lifecycle: full cycle, ${targets}-target Parallel plan of noop targets`,
    value: Math.round(cycle.seconds * 1000) / 1000,
    unit: 's',
    target: opts.quick ? undefined : '< 2',
    ok: opts.quick ? undefined : cycle.seconds < 2,
  });
  results.push({
    name: 'lifecycle: RSS after that cycle',
    value: cycle.rss,
    unit: 'MB',
    target: '< 150',
    ok: cycle.rss < 150,
  });
  const width = opts.quick ? 5 : 20;
  const depth = 10;
  const delay = 50;
  const dag = await dagOperation(width, depth, delay);
  const bound = 1.2 * depth * delay;
  results.push({
    name: `lifecycle: DAG ${width * depth} targets, depth ${depth}, ${delay} ms each: shutdown`,
    value: Math.round(dag.shutdownMs),
    unit: 'ms',
    target: `< ${bound}`,
    ok: dag.shutdownMs < bound,
  });
  results.push({
    name: `lifecycle: DAG ${width * depth} targets, depth ${depth}, ${delay} ms each: wake-up`,
    value: Math.round(dag.wakeupMs),
    unit: 'ms',
    target: `< ${bound}`,
    ok: dag.wakeupMs < bound,
  });
  const seconds = opts.quick ? 3 : 60;
  const idle = await idleEngine(100, seconds);
  results.push({
    name: `lifecycle: idle engine with 100 plans, CPU over ${seconds} s`,
    value: Math.round(idle.cpuPercent * 100) / 100,
    unit: '%',
    target: '< 1',
    ok: idle.cpuPercent < 1,
  });
  results.push({
    name: `lifecycle: idle engine timer wake-ups in ${seconds} s (wall-clock check only)`,
    value: idle.wakeups,
    unit: 'wake-ups',
    target: `<= ${Math.ceil(seconds / 30)}`,
    ok: idle.wakeups <= Math.ceil(seconds / 30),
  });
  return results;
}
