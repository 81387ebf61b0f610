import { afterEach, describe, expect, it } from 'vitest';
import { FakeWorld } from './fake-world';
import { planObject, startTestEngine, type TestEngine } from './harness';

/**
 * The restore-lifecycle scenarios (issue "Plan lifecycle and restore points", item 7), each
 * driven through the service API with a manual clock. Weeknights 20:00–06:00 UTC; the clock
 * starts Wednesday 2026-01-28 12:00.
 */
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

const stops = (world: FakeWorld, target: string): number =>
  world.calls.filter((c) => c.op === 'stop' && c.target === target).length;

describe('restore lifecycle scenarios', () => {
  it('first shutdown captures every resource and the wake-up restores exactly those that ran', async () => {
    const world = new FakeWorld()
      .add('web', 'i-1', true, 2)
      .add('web', 'i-2', true, 4)
      .add('db', 'db-1', true);
    await setup(world, ['web', 'db']);
    await t.advanceTo(NIGHT);
    expect(await t.phase()).toBe('Hibernated');
    expect(world.running('web')).toEqual([]);
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.map((r) => [r.key, r.isLive])).toEqual([
      ['i-1', true],
      ['i-2', true],
    ]);
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Active');
    expect(world.running('web')).toEqual(['i-1', 'i-2']);
    expect(world.get('web', 'i-2')?.size).toBe(4);
    const status = await t.status();
    expect(status.cycle).toBeNull();
    const points = await t.call('listRestorePoints', { plan: 'dev' });
    expect(points.every((p) => !p.open && p.restoredAt !== null)).toBe(true);
  });

  it('some resources already stopped: the wake-up starts only those that were running', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('web', 'i-2', false);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.advanceTo(MORNING);
    expect(world.running('web')).toEqual(['i-1']);
    expect(world.calls.filter((c) => c.op === 'start').map((c) => c.key)).toEqual(['i-1']);
  });

  it('retry in the same cycle finds things stopped and keeps the live capture', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('web', 'i-2', true);
    world.script('web', { failShutdownAt: 1 });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    expect(await t.phase()).toBe('Error');
    world.script('web', {});
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Hibernated');
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.find((r) => r.key === 'i-1')).toMatchObject({
      isLive: true,
      state: { running: true },
    });
    await t.advanceTo(MORNING);
    expect(world.running('web')).toEqual(['i-1', 'i-2']);
  });

  it('someone started a resource between attempts: the retry upgrades the capture', async () => {
    const world = new FakeWorld().add('web', 'i-1', false).add('web', 'i-2', true);
    world.script('web', { failShutdownAt: 1 });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    world.set('web', 'i-1', { running: true });
    world.script('web', {});
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.find((r) => r.key === 'i-1')).toMatchObject({ isLive: true });
    await t.advanceTo(MORNING);
    expect(world.running('web')).toEqual(['i-1', 'i-2']);
  });

  it('a new resource found on retry is captured and woken', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('web', 'i-2', true);
    world.script('web', { failShutdownAt: 1 });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    world.add('web', 'i-3', true);
    world.script('web', {});
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    await t.advanceTo(MORNING);
    expect(world.running('web')).toEqual(['i-1', 'i-2', 'i-3']);
  });

  it('a resource gone on retry is kept in the point and skipped with a note at wake-up', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('web', 'i-2', true);
    world.script('web', { failShutdownAt: 1 });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    world.remove('web', 'i-2');
    world.script('web', {});
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.map((r) => r.key)).toEqual(['i-1', 'i-2']);
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Active');
    const ledger = (await t.status()).ledger.find((e) => e.target === 'web');
    expect(ledger?.message).toContain('skipped missing i-2');
  });

  it('shutdown failing midway keeps the partial capture, goes to Error (Strict) and a retry completes it', async () => {
    const world = new FakeWorld()
      .add('web', 'i-1', true)
      .add('web', 'i-2', true)
      .add('web', 'i-3', true);
    world.script('web', { failShutdownAt: 1 });
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    const status = await t.status();
    expect(status.phase).toBe('Error');
    expect(status.error).toMatchObject({
      code: 'StopFailed',
      transient: false,
      operation: 'shutdown',
    });
    expect(status.error?.message).toContain('web: could not stop i-2');
    expect(t.eventsOf('Failure')).toHaveLength(1);
    const partial = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(partial.resources.map((r) => r.key)).toEqual(['i-1', 'i-2']);
    world.script('web', {});
    const retried = await t.call('retry', { plan: 'dev' });
    expect(retried.message).toContain('retrying the failed shutdown');
    await t.settle();
    expect(await t.phase()).toBe('Hibernated');
    await t.advanceTo(MORNING);
    expect(world.running('web')).toEqual(['i-1', 'i-2', 'i-3']);
  });

  it('wake-up without a restore point fails with the exact message', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.call('dropRestorePoint', { plan: 'dev', target: 'web' });
    await t.advanceTo(MORNING);
    const status = await t.status();
    expect(status.phase).toBe('Error');
    expect(status.error?.message).toBe('cannot wake up: no restore point found');
    expect(t.eventsOf('Failure').at(-1)?.error.code).toBe('NO_RESTORE_POINT');
  });

  it('wake-up with an empty (initialised) point is a successful no-op', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.call('dropRestorePoint', { plan: 'dev', target: 'web' });
    await t.advanceTo(MORNING);
    await t.call('initRestorePoint', { plan: 'dev', target: 'web' });
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Active');
    expect(world.calls.filter((c) => c.op === 'wakeup')).toHaveLength(0);
    expect((await t.status()).cycle).toBeNull();
  });

  it('partial wake-up failure then retry does not redo already restored targets', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('db', 'db-1', true);
    await setup(world, ['web', 'db']);
    await t.advanceTo(NIGHT);
    world.script('db', { failWakeup: true });
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Error');
    expect(world.running('web')).toEqual(['i-1']);
    world.script('db', {});
    await t.call('retry', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Active');
    expect(world.calls.filter((c) => c.op === 'wakeup' && c.target === 'web')).toHaveLength(1);
    expect(world.running('db')).toEqual(['db-1']);
    expect((await t.status()).cycle).toBeNull();
  });

  it('suspended while Hibernated and resumed in working hours: forced wake-up', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.call('suspend', { plan: 'dev', reason: 'maintenance' });
    await t.settle();
    const suspended = await t.status();
    expect(suspended).toMatchObject({ phase: 'Suspended', suspendedAtPhase: 'Hibernated' });
    await t.advanceTo('2026-01-29T09:00:00Z');
    expect(await t.phase()).toBe('Suspended');
    expect(world.running('web')).toEqual([]);
    await t.call('resume', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Active');
    expect(world.running('web')).toEqual(['i-1']);
  });

  it('suspended while Hibernated and resumed off-hours: stays Hibernated without re-running the shutdown', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    await t.call('suspend', { plan: 'dev' });
    await t.advanceTo('2026-01-28T23:00:00Z');
    await t.call('resume', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Hibernated');
    expect(world.calls.filter((c) => c.op === 'shutdown')).toHaveLength(1);
  });

  it('suspended during Hibernating: in-flight targets finish, nothing new starts, resume continues', async () => {
    const world = new FakeWorld().add('a', 'a-1', true).add('b', 'b-1', true);
    world.script('a', { delayMs: 10_000 });
    await setup(world, ['a', 'b'], { strategy: { type: 'Sequential' } });
    await t.advanceTo(NIGHT);
    expect(await t.phase()).toBe('Hibernating');
    await t.call('suspend', { plan: 'dev' });
    await t.advance(10_000);
    const status = await t.status();
    expect(status.phase).toBe('Suspended');
    expect(status.suspendedAtPhase).toBe('Hibernating');
    expect(status.ledger.map((e) => [e.target, e.state])).toEqual([
      ['a', 'Completed'],
      ['b', 'Pending'],
    ]);
    expect(world.running('b')).toEqual(['b-1']);
    await t.call('resume', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Hibernated');
    expect(stops(world, 'a')).toBe(1);
    expect(world.running('b')).toEqual([]);
  });

  it('suspended during WakingUp and resumed before the running target finished: the wake-up completes', async () => {
    const world = new FakeWorld().add('a', 'a-1', true).add('b', 'b-1', true);
    await setup(world, ['a', 'b'], { strategy: { type: 'Sequential' } });
    await t.advanceTo(NIGHT);
    world.script('b', { delayMs: 10_000 }); // wake-up runs b first (reverse order)
    await t.advanceTo(MORNING);
    await t.call('suspend', { plan: 'dev' });
    await t.call('resume', { plan: 'dev' }); // b is still starting
    world.script('b', {});
    await t.advance(10_000);
    await t.settle();
    expect(await t.phase()).toBe('Active');
    expect(world.running('a')).toEqual(['a-1']);
    expect(world.running('b')).toEqual(['b-1']);
  });

  it('suspended during WakingUp and resumed off-hours: what was woken goes back to sleep in the same cycle', async () => {
    const world = new FakeWorld().add('a', 'a-1', true).add('b', 'b-1', true);
    await setup(world, ['a', 'b'], { strategy: { type: 'Sequential' } });
    await t.advanceTo(NIGHT);
    const cycleId = (await t.status()).cycle?.id;
    world.script('b', { delayMs: 10_000 }); // wake-up runs b first (reverse order)
    await t.advanceTo(MORNING);
    await t.call('suspend', { plan: 'dev' });
    await t.advance(10_000);
    expect(await t.status()).toMatchObject({ phase: 'Suspended', suspendedAtPhase: 'WakingUp' });
    expect(world.running('b')).toEqual(['b-1']);
    expect(world.running('a')).toEqual([]);
    await t.advanceTo('2026-01-29T21:00:00Z');
    world.script('b', {});
    await t.call('resume', { plan: 'dev' });
    await t.settle();
    const status = await t.status();
    expect(status.phase).toBe('Hibernated');
    expect(status.cycle?.id).toBe(cycleId);
    expect(world.running('b')).toEqual([]);
    await t.advanceTo('2026-01-30T06:00:00Z');
    expect(world.running('a')).toEqual(['a-1']);
    expect(world.running('b')).toEqual(['b-1']);
  });

  it('the data-loss story: a failed wake-up, a suspension and a re-shutdown never overwrite the good capture', async () => {
    const world = new FakeWorld()
      .add('web', 'i-1', true)
      .add('web', 'i-2', true)
      .add('web', 'i-3', false);
    await setup(world, ['web']);
    await t.advanceTo(NIGHT);
    // The wake-up fails: expired credentials.
    world.script('web', {
      errors: [
        {
          code: 'ExpiredToken',
          transient: false,
          on: 'wakeup',
          message: 'the SSO session expired',
        },
      ],
    });
    await t.advanceTo(MORNING);
    expect(await t.phase()).toBe('Error');
    // The user suspends, then resumes in the evening: the plan goes back to sleep in the same cycle.
    await t.call('suspend', { plan: 'dev' });
    await t.advanceTo('2026-01-29T20:30:00Z');
    await t.call('resume', { plan: 'dev' });
    await t.settle();
    expect(await t.phase()).toBe('Hibernated');
    // That shutdown found everything stopped; the capture still says what really ran.
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.map((r) => [r.key, r.isLive])).toEqual([
      ['i-1', true],
      ['i-2', true],
      ['i-3', false],
    ]);
    await t.advanceTo('2026-01-30T06:00:00Z');
    expect(await t.phase()).toBe('Active');
    expect(world.running('web')).toEqual(['i-1', 'i-2']);
  });

  it('a target disabled by an exception override does not keep the restore data locked', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('batch', 'b-1', true);
    await setup(world, ['web', 'batch']);
    await t.advanceTo(NIGHT);
    await t.advanceTo(MORNING);
    expect((await t.status()).cycle).toBeNull();
    await t.call('applyException', {
      exception: {
        apiVersion: 'hibernator.ardikabs.com/v1alpha1',
        kind: 'ScheduleException',
        metadata: { name: 'keep-batch-running' },
        spec: {
          planRef: { name: 'dev' },
          type: 'extend',
          validFrom: '2026-01-29T00:00:00Z',
          validUntil: '2026-01-31T00:00:00Z',
          windows: [{ start: '22:00', end: '23:00', daysOfWeek: ['THU'] }],
          targetOverrides: [{ targetName: 'batch', disabled: true }],
        },
      },
    });
    await t.advanceTo('2026-01-29T20:00:00Z');
    expect(await t.phase()).toBe('Hibernated');
    expect(world.running('batch')).toEqual(['b-1']);
    await t.advanceTo('2026-01-30T06:00:00Z');
    expect(await t.phase()).toBe('Active');
    expect((await t.status()).cycle).toBeNull();
  });

  it('a transition missed while the computer slept (clock jumps 3 h) is caught up at once', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    await setup(world, ['web']);
    await t.advanceTo('2026-01-28T19:00:00Z');
    t.clock.sleep(3 * 3_600_000);
    await t.advance(30_000);
    expect(await t.phase()).toBe('Hibernated');
    const caught = t.eventsOf('CaughtUp');
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({
      missedAt: '2026-01-28T20:00:00.000Z',
      operation: 'shutdown',
    });
  });
});
