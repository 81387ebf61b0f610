import { describe, expect, it } from 'vitest';
import { createFaultInjector } from './faults';
import { createRng } from './rng';

describe('createFaultInjector', () => {
  it('fails the nth matching call and the count after it, counting from when the rule was added', () => {
    const faults = createFaultInjector(createRng(1));
    faults.decide('ec2:StopInstances');
    faults.add({ action: 'ec2:Stop*', failNth: { nth: 2, count: 2, error: { kind: 'server' } } });
    const outcomes = Array.from(
      { length: 5 },
      () => faults.decide('ec2:StopInstances').error?.kind ?? 'ok',
    );
    expect(outcomes).toEqual(['ok', 'server', 'server', 'ok', 'ok']);
    expect(faults.decide('ec2:StartInstances').error).toBeUndefined();
  });

  it('adds the largest latency of the matching rules', () => {
    const faults = createFaultInjector(createRng(1));
    faults.add({ action: '*', latencyMs: 20 });
    faults.add({ action: 'rds:*', latencyMs: 50 });
    expect(faults.decide('rds:StopDBInstance').latencyMs).toBe(50);
    expect(faults.decide('ec2:StopInstances').latencyMs).toBe(20);
  });

  it('draws rate-based faults from the seeded RNG, so a seed replays the same failures', () => {
    const run = (seed: number) => {
      const faults = createFaultInjector(createRng(seed));
      faults.add({ action: '*', throttleRate: 0.3, serverErrorRate: 0.2 });
      return Array.from(
        { length: 40 },
        () => faults.decide('eks:DescribeNodegroup').error?.kind ?? 'ok',
      ).join(',');
    };
    expect(run(99)).toBe(run(99));
    expect(run(99)).toContain('throttle');
    expect(run(99)).toContain('ok');
  });

  it('rejects rates outside 0..1', () => {
    const faults = createFaultInjector(createRng(1));
    expect(() => faults.add({ action: '*', throttleRate: 1.5 })).toThrow();
  });
});
