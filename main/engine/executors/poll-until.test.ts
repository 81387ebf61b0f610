import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { pollUntil } from './poll-until';

function context(clock: ManualClock) {
  const progress: string[] = [];
  const sleeps: number[] = [];
  return {
    progress,
    sleeps,
    ctx: {
      clock,
      progress: (m: string) => progress.push(m),
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
    },
  };
}

describe('pollUntil', () => {
  it('polls until nothing is pending, reporting progress between rounds', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const { ctx, progress, sleeps } = context(clock);
    let left = 3;
    await pollUntil(ctx, {
      timeoutMs: 60_000,
      intervalMs: 5000,
      check: async () => Array.from({ length: --left }, (_, i) => `r${i}`),
      progress: (pending) => `waiting for ${pending.join(',')}`,
      timeoutError: () => new Error('timeout'),
    });
    expect(left).toBe(0);
    expect(progress).toEqual(['waiting for r0,r1', 'waiting for r0']);
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('never sleeps past the deadline and fails with the caller’s error naming what is left', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const { ctx, sleeps } = context(clock);
    await expect(
      pollUntil(ctx, {
        timeoutMs: 5000,
        intervalMs: 2000,
        check: async () => ['db-1'],
        progress: () => 'waiting',
        timeoutError: (pending) => new Error(`still ${pending.join(', ')}`),
      }),
    ).rejects.toThrow('still db-1');
    expect(sleeps).toEqual([2000, 2000, 1000]);
    expect(clock.monotonicMs()).toBe(5000);
  });
});
