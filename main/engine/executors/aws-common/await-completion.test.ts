import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { ExecutorError } from '../executor';
import { awaitSettings, preconditionWait, waitUntil, type Pending } from './await-completion';

function context(clock: ManualClock) {
  const lines: string[] = [];
  return {
    lines,
    ctx: {
      clock,
      progress: (m: string) => lines.push(m),
      sleep: async (ms: number) => clock.advance(ms),
    },
  };
}

describe('awaitCompletion', () => {
  it('uses the written timeout, or the default for an empty or unreadable one', () => {
    expect(awaitSettings({ enabled: true, timeout: '90s' }, 300_000)).toEqual({
      enabled: true,
      timeoutMs: 90_000,
    });
    expect(awaitSettings({ enabled: true, timeout: '' }, 300_000)).toEqual({
      enabled: true,
      timeoutMs: 300_000,
    });
    expect(awaitSettings({ enabled: true, timeout: '0s' }, 300_000).timeoutMs).toBe(300_000);
    expect(awaitSettings({ enabled: true, timeout: 'soon' }, 300_000).timeoutMs).toBe(300_000);
    expect(awaitSettings(undefined, 300_000).enabled).toBe(false);
    expect(preconditionWait({ enabled: true, timeoutMs: 1 }, 60_000)).toEqual({
      enabled: true,
      timeoutMs: 60_000,
    });
    expect(preconditionWait({ enabled: true, timeoutMs: 90_000 }, 60_000)).toEqual({
      enabled: true,
      timeoutMs: 90_000,
    });
  });

  it('polls until nothing is pending', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const { ctx } = context(clock);
    let polls = 0;
    await waitUntil({
      ctx,
      timeoutMs: 60_000,
      intervalMs: 5000,
      desired: 'stopped',
      noun: 'instance',
      check: async () => (++polls < 3 ? [{ id: 'i-1', state: 'stopping' }] : []),
    });
    expect(polls).toBe(3);
    expect(clock.monotonicMs()).toBe(10_000);
  });

  it('fails on timeout, naming the resource and the state it is stuck in', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const { ctx } = context(clock);
    const one = waitUntil({
      ctx,
      timeoutMs: 300_000,
      intervalMs: 5000,
      desired: 'stopped',
      noun: 'instance',
      check: async (): Promise<Pending[]> => [{ id: 'i-0ab', state: 'stopping' }],
    });
    await expect(one).rejects.toThrow(
      new ExecutorError(
        'AWAIT_TIMEOUT',
        'timed out after 5 min waiting for i-0ab to be stopped; it is stopping',
      ),
    );
    await expect(one).rejects.toMatchObject({ code: 'AWAIT_TIMEOUT', transient: false });
    const many = waitUntil({
      ctx,
      timeoutMs: 1000,
      intervalMs: 400,
      desired: 'running',
      noun: 'instance',
      check: async () => [
        { id: 'i-1', state: 'pending' },
        { id: 'i-2', state: 'stopped' },
      ],
    });
    await expect(many).rejects.toThrow(
      'timed out after 1 s waiting for 2 instances to be running: i-1 is pending, i-2 is stopped',
    );
  });
});
