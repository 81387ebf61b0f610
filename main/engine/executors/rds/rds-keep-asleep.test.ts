import { afterEach, describe, expect, it } from 'vitest';
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
});
