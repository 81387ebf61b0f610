import { afterEach, describe, expect, it } from 'vitest';
import { FakeWorld } from './fake-world';
import { planObject, startTestEngine, type TestEngine } from './harness';

let t: TestEngine;
afterEach(async () => {
  await t?.close();
});

const NIGHT = '2026-01-28T20:00:00Z';
const MORNING = '2026-01-29T06:00:00Z';

async function setup(
  world: FakeWorld,
  targets: string[],
  extra: Partial<Parameters<typeof planObject>[0]> = {},
): Promise<TestEngine> {
  t = await startTestEngine('2026-01-28T12:00:00Z', world);
  await t.call('applyPlan', { plan: planObject({ targets, ...extra }) });
  await t.settle();
  return t;
}

describe('phase machine', () => {
  it('starts the shutdown exactly at the boundary and arms a timer instead of polling', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo('2026-01-28T19:59:59Z');
    expect(await t.phase()).toBe('Active');
    await t.advance(1000);
    expect(await t.phase()).toBe('Hibernated');
    const changed = t.eventsOf('PhaseChanged').find((e) => e.to === 'Hibernating');
    expect(changed?.at).toBe('2026-01-28T20:00:00.000Z');
    // One timer for the plan's next transition plus the wall-clock check: nothing else is armed.
    expect(t.clock.pendingTimers()).toBe(2);
  });

  it('phase guard: re-evaluating a hibernated plan never runs a second shutdown', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.engine.lifecycle.reevaluateAll('test');
    await t.settle();
    await t.restart();
    await t.advanceTo('2026-01-28T23:00:00Z');
    expect(await t.phase()).toBe('Hibernated');
    expect(world.calls.filter((c) => c.op === 'shutdown')).toHaveLength(1);
  });

  it('sends one HeadsUp before a scheduled hibernation', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo('2026-01-28T19:50:00Z');
    await t.advance(60_000);
    expect(t.eventsOf('HeadsUp')).toEqual([
      { type: 'HeadsUp', plan: 'dev', at: '2026-01-28T20:00:00.000Z', minutes: 10 },
    ]);
  });

  it('transient failures are retried with backoff and notified once, when retries run out', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    const errors = Array.from({ length: 4 }, () => ({
      code: 'Throttling',
      transient: true,
      on: 'shutdown' as const,
    }));
    world.script('web', { errors });
    await setup(world, ['web'], { behavior: { mode: 'Strict', retries: 3 } });
    await t.advanceTo(NIGHT);
    // The first retry is immediate; it fails too.
    let status = await t.status();
    expect(status.phase).toBe('Error');
    expect(status.retriesLeft).toBe(2);
    expect(status.nextRetryAt).toBe('2026-01-28T20:02:00.000Z');
    expect(t.eventsOf('Failure')).toHaveLength(0);
    await t.advanceTo('2026-01-28T20:02:00Z');
    status = await t.status();
    expect(status.nextRetryAt).toBe('2026-01-28T20:06:00.000Z');
    await t.advanceTo('2026-01-28T20:06:00Z');
    status = await t.status();
    expect(status.retriesLeft).toBe(0);
    expect(status.nextRetryAt).toBeNull();
    expect(t.eventsOf('Failure')).toHaveLength(1);
    expect(t.eventsOf('Failure')[0]?.error.code).toBe('Throttling');
    expect(world.calls.filter((c) => c.op === 'shutdown')).toHaveLength(4);
  });

  it('a permanent error is not retried automatically and is notified at once', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    world.script('web', {
      errors: [
        {
          code: 'AccessDenied',
          transient: false,
          on: 'shutdown',
          message: 'not allowed to stop i-1',
        },
      ],
    });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.advanceTo('2026-01-28T23:00:00Z');
    const status = await t.status();
    expect(status.phase).toBe('Error');
    expect(status.error?.message).toBe('web: not allowed to stop i-1');
    expect(world.calls.filter((c) => c.op === 'shutdown')).toHaveLength(1);
    expect(t.eventsOf('Failure')).toHaveLength(1);
  });

  it('after a failed shutdown, the morning wakes what was hibernated', async () => {
    const world = new FakeWorld().add('a', 'a-1', true).add('b', 'b-1', true);
    world.script('b', { errors: [{ code: 'AccessDenied', transient: false, on: 'shutdown' }] });
    await setup(world, ['a', 'b']);
    await t.advanceTo(NIGHT);
    expect(await t.phase()).toBe('Error');
    expect(world.running('a')).toEqual([]);
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Active');
    expect(world.running('a')).toEqual(['a-1']);
    expect(world.running('b')).toEqual(['b-1']);
  });

  it('after a failed wake-up it keeps retrying the wake-up and never starts a shutdown by itself', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web'], { behavior: { mode: 'Strict', retries: 1 } });
    await t.advanceTo(NIGHT);
    world.script('web', {
      errors: [1, 2, 3].map(() => ({
        code: 'ServiceUnavailable',
        transient: true,
        on: 'wakeup' as const,
      })),
    });
    await t.advanceTo(MORNING);
    await t.advanceTo('2026-01-29T20:30:00Z');
    const status = await t.status();
    expect(status.phase).toBe('Error');
    expect(status.lastOperation).toBe('wakeup');
    expect(world.calls.filter((c) => c.op === 'shutdown')).toHaveLength(1);
    expect(world.calls.filter((c) => c.op === 'wakeup')).toHaveLength(2);
  });

  it('restarting the engine at every step of a cycle resumes it without redoing finished targets', async () => {
    const targets = ['a', 'b', 'c'];
    const world = new FakeWorld();
    for (const name of targets) world.add(name, `${name}-1`, true).script(name, { delayMs: 1000 });
    await setup(world, targets, { strategy: { type: 'Sequential' } });
    await t.advanceTo(NIGHT);
    for (let step = 0; step < targets.length; step++) {
      await t.restart();
      await t.advance(1000);
    }
    await t.advance(5000);
    expect(await t.phase()).toBe('Hibernated');
    for (const name of targets)
      expect(world.calls.filter((c) => c.op === 'stop' && c.target === name)).toHaveLength(1);
    await t.advanceTo(MORNING);
    for (let step = 0; step < targets.length; step++) {
      await t.restart();
      await t.advance(1000);
    }
    await t.advance(5000);
    expect(await t.phase()).toBe('Active');
    for (const name of targets) expect(world.running(name)).toEqual([`${name}-1`]);
    expect((await t.status()).cycle).toBeNull();
    const history = await t.call('getHistory', { plan: 'dev' });
    expect(history.some((h) => h.result === 'interrupted')).toBe(true);
    expect(history[0]).toMatchObject({ operation: 'wakeup', result: 'succeeded' });
  });

  it('BestEffort aborts DAG descendants of a failed target and completes the rest with a warning', async () => {
    const world = new FakeWorld()
      .add('apps', 'x', true)
      .add('db', 'y', true)
      .add('cache', 'z', true);
    world.script('apps', { errors: [{ code: 'AccessDenied', transient: false, on: 'shutdown' }] });
    await setup(world, ['apps', 'db', 'cache'], {
      strategy: { type: 'DAG', dependencies: [{ from: 'apps', to: 'db' }] },
      behavior: { mode: 'BestEffort', retries: 0 },
    });
    await t.advanceTo(NIGHT);
    const status = await t.status();
    expect(status.phase).toBe('Hibernated');
    expect(status.ledger.map((e) => [e.target, e.state])).toEqual([
      ['apps', 'Failed'],
      ['db', 'Aborted'],
      ['cache', 'Completed'],
    ]);
    expect(world.running('db')).toEqual(['y']);
    expect(t.eventsOf('Recovery').at(-1)?.message).toMatch(/completed with 2 problem\(s\)/);
    // Nothing was touched for apps and db: their wake-up succeeds at once.
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Active');
    expect(world.running('cache')).toEqual(['z']);
  });

  it('DAG shutdown runs `from` before `to` and the wake-up reverses it', async () => {
    const world = new FakeWorld().add('apps', 'x', true).add('db', 'y', true);
    await setup(world, ['db', 'apps'], {
      strategy: { type: 'DAG', dependencies: [{ from: 'apps', to: 'db' }] },
    });
    await t.advanceTo(NIGHT);
    expect(world.calls.filter((c) => c.op === 'stop').map((c) => c.target)).toEqual(['apps', 'db']);
    await t.advanceTo(MORNING);
    expect(world.calls.filter((c) => c.op === 'start').map((c) => c.target)).toEqual([
      'db',
      'apps',
    ]);
  });

  it('actions that do not fit the phase say why and what to do', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).script('web', { delayMs: 5000 });
    await setup(world, ['web']);
    // Wake now on a plan the schedule keeps awake is "back on schedule", not a refusal.
    const awake = await t.call('wakeNow', { plan: 'dev' });
    expect(awake.override).toBeNull();
    expect(awake.message).toContain('back on schedule');
    await expect(t.call('retry', { plan: 'dev' })).rejects.toThrow(
      /is Active; retry is for a plan that needs attention/,
    );
    await t.advanceTo(NIGHT);
    // During a running shutdown an override action is stored and applies once it finishes.
    const during = await t.call('wakeNow', { plan: 'dev' });
    expect(during.override?.phase).toBe('wakeup');
    expect(during.message).toContain('applies once the running shutdown finishes');
    const edited = planObject({ targets: ['web', 'extra'] });
    await expect(t.call('applyPlan', { plan: edited })).rejects.toThrow(
      /can change only while it is Active, Suspended or in Error/,
    );
    await expect(t.call('deletePlan', { name: 'dev' })).rejects.toThrow(
      /wake it first, or delete with force/,
    );
  });

  it('hibernate now holds until the next scheduled wake; wake now during sleep holds 3 h', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    const result = await t.call('hibernateNow', { plan: 'dev' });
    await t.settle();
    expect(result.message).toContain('until 2026-01-29T06:00:00');
    expect(await t.phase()).toBe('Hibernated');
    await t.advanceTo('2026-01-28T21:00:00Z');
    const woken = await t.call('wakeNow', { plan: 'dev' });
    expect(woken.override?.until).toBe('2026-01-29T00:00:00Z');
    await t.settle();
    expect(await t.phase()).toBe('Active');
    await t.advanceTo('2026-01-28T23:59:00Z');
    expect(await t.phase()).toBe('Active');
    await t.advanceTo('2026-01-29T00:00:00Z');
    expect(await t.phase()).toBe('Hibernated');
    await t.advanceTo('2026-01-29T06:00:00Z');
    expect(await t.phase()).toBe('Active');
    await t.advanceTo('2026-01-29T20:00:00Z');
    expect(await t.phase()).toBe('Hibernated');
  });

  it('a suspension with an end time resumes by itself', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.call('suspend', { plan: 'dev', until: '2026-01-28T22:00:00Z', reason: 'demo tonight' });
    await t.advanceTo(NIGHT);
    expect(await t.phase()).toBe('Suspended');
    await t.advanceTo('2026-01-28T22:00:00Z');
    expect(await t.phase()).toBe('Hibernated');
    const plan = (await t.call('getPlan', { name: 'dev' })).plan;
    expect(plan.spec.suspend).toBe(false);
  });
});
