import { afterEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../../../shared/api/events';
import { ManualClock } from '../../clock';
import {
  awsPlan,
  rdsStatus,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

const DAY = 24 * 3_600_000;

/** Lets the engine run until it is idle, with the clock standing still. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await t.engine.idle();
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('rds keep-asleep', () => {
  it('stops again, on the daily check, the databases AWS started after seven days', async () => {
    const start = Date.parse('2026-03-02T12:00:00Z');
    const clock = new ManualClock(new Date(start));
    // Both clocks manual: the emulator's moves the seven days, the engine's the daily check.
    t = await startAwsTestEnv({
      clock,
      emulator: { clockScale: 0, startTime: start, transitionMs: 60_000 },
    });
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan(
        'db',
        [{ name: 'orders', type: 'rds', parameters: { selector: { instanceIds: ['orders-db'] } } }],
        { alwaysOff: true },
      ),
    });
    await settle();
    expect((await t.call('getPlan', { name: 'db' })).status.phase).toBe('Hibernated');
    t.emu.clock.advance(60_000);
    expect(rdsStatus(t, 'orders-db')).toBe('stopped');

    // Day 1..6: nothing to do, and the check makes no change.
    for (let day = 1; day <= 6; day++) {
      clock.advance(DAY);
      t.emu.clock.advance(DAY);
      await settle();
    }
    expect(t.emu.callCount('rds:StopDBInstance')).toBe(1);
    expect(rdsStatus(t, 'orders-db')).toBe('stopped');

    // AWS starts it seven days after it stopped; the next daily check stops it again.
    t.emu.clock.advance(DAY + 120_000);
    expect(rdsStatus(t, 'orders-db')).toBe('available');
    clock.advance(DAY);
    // The check runs in the background of the engine (idle() does not wait for it): poll for its call.
    for (let i = 0; i < 200 && t.emu.callCount('rds:StopDBInstance') < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await settle();
    expect(t.emu.callCount('rds:StopDBInstance')).toBe(2);
    expect(rdsStatus(t, 'orders-db')).toBe('stopping');
    expect((await t.call('getPlan', { name: 'db' })).status.phase).toBe('Hibernated');
  });

  it('stops every other database when AWS refuses one, reports that one, and says so in an event, the history and the answer', async () => {
    const start = Date.parse('2026-03-02T12:00:00Z');
    const clock = new ManualClock(new Date(start));
    const ids = Array.from({ length: 12 }, (_, i) => `db-${String(i).padStart(2, '0')}`);
    t = await startAwsTestEnv({
      clock,
      seed: { rds: { instances: ids.map((id) => ({ id, engine: 'postgres' })), clusters: [] } },
      emulator: { clockScale: 0, startTime: start, transitionMs: 60_000 },
      // AWS's refusal is final: no retry (its backoff would wait on the engine's manual clock).
      retry: { maxAttempts: 1 },
    });
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan(
        'dev-env',
        [
          {
            name: 'dbs',
            type: 'rds',
            parameters: { selector: { instanceIds: ids }, parallelism: 4 },
          },
        ],
        { alwaysOff: true },
      ),
    });
    await settle();
    expect((await t.call('getPlan', { name: 'dev-env' })).status.phase).toBe('Hibernated');
    t.emu.clock.advance(60_000);
    expect(ids.map((id) => rdsStatus(t, id))).toEqual(ids.map(() => 'stopped'));

    // Seven days later AWS starts them all; it will refuse to stop one of them again.
    t.emu.clock.advance(7 * DAY + 120_000);
    expect(ids.map((id) => rdsStatus(t, id))).toEqual(ids.map(() => 'available'));
    t.emu.fault({
      action: 'rds:StopDBInstance',
      failNth: {
        nth: 3,
        error: {
          kind: 'custom',
          code: 'InvalidDBInstanceState',
          status: 400,
          message: 'Cannot stop or start DB instance because it has read replicas',
        },
      },
    });
    const events: HibernatorEvent[] = [];
    t.engine.subscribe((e) => events.push(e));

    const report = await t.call('checkKeepAsleep', { plan: 'dev-env' });

    const [target] = report.targets;
    expect(report.targets).toHaveLength(1);
    expect(target?.stoppedAgain).toHaveLength(11);
    expect(target?.refused).toHaveLength(1);
    const refused = target?.refused[0]?.id ?? '';
    expect(ids).toContain(refused);
    expect(target?.stoppedAgain).not.toContain(refused);
    expect(target?.refused[0]?.reason).toMatch(/InvalidDBInstanceState/);
    expect(rdsStatus(t, refused)).toBe('available');
    for (const id of ids.filter((x) => x !== refused)) expect(rdsStatus(t, id)).toBe('stopping');
    expect(report.message).toMatch(
      new RegExp(
        `^AWS restarted 12 databases of dev-env after 7 days; stopped 11 of them again\\. 1 database stays awake: ${refused} \\(`,
      ),
    );

    expect(events.filter((e) => e.type === 'KeepAsleep')).toEqual([
      { type: 'KeepAsleep', plan: 'dev-env', report },
    ]);
    const [entry] = await t.call('getHistory', { plan: 'dev-env', limit: 1 });
    expect(entry).toMatchObject({
      trigger: 'keep-asleep check',
      result: 'partial',
      message: report.message,
      targets: [{ target: 'dbs', state: 'Failed' }],
    });
    // The plan itself stays asleep, and its list entry still shows the last real cycle.
    expect((await t.call('getPlan', { name: 'dev-env' })).status.phase).toBe('Hibernated');
    const [summary] = await t.call('listPlans', {});
    expect(summary?.lastResult).toMatchObject({ operation: 'shutdown', result: 'succeeded' });
    expect(summary?.lastResult?.message).not.toBe(report.message);
  });

  it('runs on the period from the settings, and only while the plan is asleep', async () => {
    const start = Date.parse('2026-03-02T12:00:00Z');
    const clock = new ManualClock(new Date(start));
    t = await startAwsTestEnv({
      clock,
      emulator: { clockScale: 0, startTime: start, transitionMs: 60_000 },
    });
    await t.connect();
    await expect(t.call('updateSettings', { settings: { keepAsleepHours: 0 } })).rejects.toThrow(
      /keepAsleepHours/,
    );
    await expect(t.call('updateSettings', { settings: { keepAsleepHours: 169 } })).rejects.toThrow(
      /keepAsleepHours/,
    );
    expect((await t.call('getSettings', {})).keepAsleepHours).toBe(24);
    await t.call('updateSettings', { settings: { keepAsleepHours: 6 } });

    await t.call('applyPlan', {
      plan: awsPlan('db', [
        { name: 'orders', type: 'rds', parameters: { selector: { instanceIds: ['orders-db'] } } },
      ]),
    });
    await settle();
    await expect(t.call('checkKeepAsleep', { plan: 'db' })).rejects.toThrow(
      /only while it is hibernated/,
    );
    await t.call('hibernateNow', { plan: 'db' });
    await settle();
    t.emu.clock.advance(60_000);
    expect(rdsStatus(t, 'orders-db')).toBe('stopped');
    t.emu.clock.advance(7 * DAY + 120_000);
    expect(rdsStatus(t, 'orders-db')).toBe('available');

    // Six hours (the setting), not a day, after the shutdown the check stops it again.
    clock.advance(6 * 3_600_000);
    for (let i = 0; i < 200 && t.emu.callCount('rds:StopDBInstance') < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await settle();
    expect(t.emu.callCount('rds:StopDBInstance')).toBe(2);
    expect(rdsStatus(t, 'orders-db')).toBe('stopping');
  });
});
