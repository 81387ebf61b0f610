import { describe, expect, it } from 'vitest';
import { createCallCounter } from './call-counter';

describe('createCallCounter', () => {
  it('counts per action and per service, keeps a bounded log, and resets', () => {
    const counter = createCallCounter(2);
    counter.record({ service: 'ec2', action: 'StopInstances', at: 1 });
    counter.record({ service: 'ec2', action: 'StopInstances', at: 2 });
    counter.record({ service: 'rds', action: 'StopDBInstance', at: 3 });
    expect(counter.count()).toBe(3);
    expect(counter.count('ec2')).toBe(2);
    expect(counter.count('ec2:StopInstances')).toBe(2);
    expect(counter.snapshot().recent.map((r) => r.seq)).toEqual([2, 3]);
    counter.reset();
    expect(counter.snapshot()).toEqual({ total: 0, byService: {}, byAction: {}, recent: [] });
  });
});
