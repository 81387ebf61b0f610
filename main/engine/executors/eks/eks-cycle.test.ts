import { afterEach, describe, expect, it } from 'vitest';
import {
  awsPlan,
  ledger,
  nodegroupSizes,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

describe('eks executor through the engine', () => {
  it('eks: scales every node group to min 0 / desired 0 with max unchanged, and restores the exact sizes', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('k8s', [
        {
          name: 'nodes',
          type: 'eks',
          parameters: {
            clusterName: 'dev-cluster',
            awaitCompletion: { enabled: true, timeout: '30s' },
          },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'k8s');
    expect(asleep.phase).toBe('Hibernated');
    expect(ledger(asleep, 'nodes').message).toBe('scaled 1 node group to 0; 1 already at 0');
    expect(nodegroupSizes(t, 'dev-cluster', 'general')).toEqual({ min: 0, max: 3, desired: 0 });
    const point = await t.call('inspectRestorePoint', { plan: 'k8s', target: 'nodes' });
    expect(point.resources.map((r) => [r.key, r.state, r.isLive])).toEqual([
      ['dev-cluster/batch', { min: 0, max: 5, desired: 0 }, false],
      ['dev-cluster/general', { min: 1, max: 3, desired: 1 }, true],
    ]);

    const awake = await runAction(t, 'wakeNow', 'k8s');
    expect(awake.phase).toBe('Active');
    expect(ledger(awake, 'nodes').message).toBe('restored 1 node group: general (1/1/3)');
    expect(nodegroupSizes(t, 'dev-cluster', 'general')).toEqual({ min: 1, max: 3, desired: 1 });
    expect(nodegroupSizes(t, 'dev-cluster', 'batch')).toEqual({ min: 0, max: 5, desired: 0 });
  });

  it('eks: a wake-up right after the shutdown waits for the running update instead of failing', async () => {
    t = await startAwsTestEnv({ emulator: { transitionMs: 150 } });
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('k8s', [
        {
          name: 'nodes',
          type: 'eks',
          parameters: { clusterName: 'dev-cluster', nodeGroups: [{ name: 'general' }] },
        },
      ]),
    });
    expect((await runAction(t, 'hibernateNow', 'k8s')).phase).toBe('Hibernated');
    const awake = await runAction(t, 'wakeNow', 'k8s');
    expect(awake.phase).toBe('Active');
    expect(t.emu.callCount('eks:UpdateNodegroupConfig')).toBe(2);
  });
});
