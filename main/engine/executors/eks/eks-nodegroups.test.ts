import { describe, expect, it } from 'vitest';
import { decide as decideAsg } from '../asg/asg-groups';
import { decide, nodegroupKey, parseNodegroupKey } from './eks-nodegroups';

describe('eks and asg decisions', () => {
  it('scales a node group to min 0 / desired 0 and keeps max', () => {
    const d = decide({
      cluster: 'dev',
      name: 'general',
      status: 'ACTIVE',
      scaling: { min: 1, max: 3, desired: 2 },
      tags: {},
    });
    expect(d).toMatchObject({
      action: 'scale',
      capture: true,
      description: 'scale node group dev/general to 0 (min 1 → 0, desired 2 → 0, max 3 unchanged)',
    });
    expect(
      decide({
        cluster: 'dev',
        name: 'b',
        status: 'ACTIVE',
        scaling: { min: 0, max: 5, desired: 0 },
        tags: {},
      }),
    ).toMatchObject({ action: 'skip', capture: true });
  });

  it('round-trips node group keys', () => {
    expect(parseNodegroupKey(nodegroupKey('dev', 'ng-1'))).toEqual({
      cluster: 'dev',
      name: 'ng-1',
    });
    expect(parseNodegroupKey('nope')).toBeUndefined();
  });

  it('leaves EKS-managed and opted-out Auto Scaling groups alone', () => {
    const base = { name: 'g', scaling: { min: 1, max: 2, desired: 1 }, instances: 1, inService: 1 };
    expect(decideAsg({ ...base, tags: {} }).action).toBe('scale');
    expect(decideAsg({ ...base, tags: { 'eks:nodegroup-name': 'general' } })).toMatchObject({
      action: 'skip',
      capture: false,
      description: 'skip g: managed by EKS node group general: use an eks target',
    });
    expect(
      decideAsg({ ...base, tags: { 'hibernator.ardikabs.com/exclude': 'true' } }),
    ).toMatchObject({ action: 'skip', capture: false });
  });
});
