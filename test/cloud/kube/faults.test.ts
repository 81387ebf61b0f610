import { describe, expect, it } from 'vitest';
import { CallCounter, FaultInjector } from './faults';

function outcomes(
  injector: FaultInjector,
  operation: string,
  n: number,
): Array<number | undefined> {
  return Array.from({ length: n }, () => injector.decide(operation).error?.code);
}

describe('fault injection', () => {
  it('fails only the listed call numbers of the named operation', () => {
    const f = new FaultInjector();
    f.add({ operation: 'patch deployments/scale', nth: [2, 4], status: 503 });
    expect(outcomes(f, 'patch deployments/scale', 5)).toEqual([
      undefined,
      503,
      undefined,
      503,
      undefined,
    ]);
    expect(f.decide('list deployments').error).toBeUndefined();
  });

  it('injects permanent Forbidden and Invalid failures as Status bodies with their reason', () => {
    const f = new FaultInjector();
    f.add({ operation: 'delete nodepools', nth: [1], status: 403, message: 'denied by policy' });
    f.add({ operation: 'patch deployments/scale', nth: [1], status: 422 });
    const denied = f.decide('delete nodepools').error;
    expect(denied?.code).toBe(403);
    expect(denied?.body).toMatchObject({ reason: 'Forbidden', message: 'denied by policy' });
    expect(f.decide('patch deployments/scale').error?.body).toMatchObject({
      code: 422,
      reason: 'Invalid',
    });
  });

  it('matches wildcard operations and stops after `times` failures', () => {
    const f = new FaultInjector();
    f.add({ operation: '* deployments/scale', status: 429, times: 2 });
    expect(outcomes(f, 'get deployments/scale', 3)).toEqual([429, 429, undefined]);
    expect(f.decide('get deployments').error).toBeUndefined();
  });

  it('draws the same failures for the same seed and rule, and different ones for another seed', () => {
    const run = (seed: number): Array<number | undefined> => {
      const f = new FaultInjector(seed);
      f.add({ operation: 'list nodes', rate: 0.3 });
      return outcomes(f, 'list nodes', 200);
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8)).not.toEqual(a);
    const failures = a.filter((c) => c === 500).length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });

  it('adds latency from every matching rule and removes a rule through its handle', () => {
    const f = new FaultInjector();
    const remove = f.add({ latencyMs: 20 });
    f.add({ operation: 'get nodepools', latencyMs: 5 });
    expect(f.decide('get nodepools').latencyMs).toBe(25);
    remove();
    expect(f.decide('get nodepools').latencyMs).toBe(5);
  });
});

describe('call counts', () => {
  it('marks matching calls as ignoring their selectors without failing them', () => {
    const faults = new FaultInjector(1);
    faults.add({ operation: 'list *', ignoreSelectors: true });
    expect(faults.decide('list deployments')).toEqual({ latencyMs: 0, ignoreSelectors: true });
    expect(faults.decide('patch deployments/scale')).toEqual({ latencyMs: 0 });
  });

  it('counts per operation, sorted, until reset', () => {
    const c = new CallCounter();
    c.record('list deployments');
    c.record('get /apis');
    c.record('list deployments');
    expect(c.snapshot()).toEqual({ 'get /apis': 1, 'list deployments': 2 });
    c.reset();
    expect(c.snapshot()).toEqual({});
  });
});
