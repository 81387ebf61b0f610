import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { awaitTimeoutMs, isExcluded, listSome, pollUntilDone } from './kube-executor-support';

describe('kube executor support', () => {
  it('waits only when asked, with the default for an empty timeout', () => {
    expect(awaitTimeoutMs(undefined, 1000)).toBeNull();
    expect(awaitTimeoutMs({ enabled: false, timeout: '5m' }, 1000)).toBeNull();
    expect(awaitTimeoutMs({ enabled: true }, 1000)).toBe(1000);
    expect(awaitTimeoutMs({ enabled: true, timeout: '' }, 1000)).toBe(1000);
    expect(awaitTimeoutMs({ enabled: true, timeout: '1m30s' }, 1000)).toBe(90_000);
  });

  it('reads the exclusion annotation as the operator does', () => {
    const object = (value?: string) => ({
      metadata: {
        name: 'x',
        ...(value === undefined
          ? {}
          : { annotations: { 'hibernator.ardikabs.com/exclude': value } }),
      },
    });
    expect(isExcluded(object('true'))).toBe(true);
    expect(isExcluded(object(' True '))).toBe(true);
    expect(isExcluded(object('false'))).toBe(false);
    expect(isExcluded(object())).toBe(false);
  });

  it('shortens long lists for messages', () => {
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(listSome(['a'])).toBe('a');
  });

  describe('pollUntilDone', () => {
    function ctx(clock: ManualClock) {
      const progress: string[] = [];
      return {
        progress,
        ctx: {
          clock,
          progress: (m: string) => progress.push(m),
          sleep: async (ms: number) => clock.advance(ms),
        },
      };
    }

    it('returns once nothing is pending', async () => {
      const clock = new ManualClock('2026-01-28T12:00:00Z');
      const { ctx: c, progress } = ctx(clock);
      let left = 3;
      await pollUntilDone(
        c,
        { timeoutMs: 60_000, intervalMs: 1000, what: 'pods left', describe: (p) => p.join(',') },
        async () => Array.from({ length: --left }, (_, i) => `w${i}`),
      );
      expect(left).toBe(0);
      expect(progress).toEqual(['waiting: pods left: w0,w1', 'waiting: pods left: w0']);
    });

    it('fails naming what is left when the time runs out', async () => {
      const clock = new ManualClock('2026-01-28T12:00:00Z');
      const { ctx: c } = ctx(clock);
      await expect(
        pollUntilDone(
          c,
          {
            timeoutMs: 5000,
            intervalMs: 2000,
            what: 'workloads still running pods',
            describe: (p) => p.join(', '),
          },
          async () => ['web/Deployment/api (2 running)'],
        ),
      ).rejects.toMatchObject({
        code: 'AWAIT_TIMEOUT',
        transient: false,
        message: expect.stringContaining(
          'awaitCompletion timed out after 5 s: workloads still running pods: web/Deployment/api (2 running)',
        ),
      });
    });
  });
});
