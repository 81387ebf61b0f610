import { afterEach, describe, expect, it } from 'vitest';
import {
  asgSizes,
  awsPlan,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

describe('asg executor through the engine', () => {
  it('asg: records min/max/desired, scales to 0 and back, and leaves EKS-managed groups to the eks executor', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('web', [
        {
          name: 'groups',
          type: 'asg',
          parameters: {
            selector: { tags: { Environment: 'dev' } },
            awaitCompletion: { enabled: true, timeout: '30s' },
          },
        },
      ]),
    });
    const found = await t.call('discover', { plan: 'web' });
    expect(found.targets[0]?.actions).toEqual([
      {
        key: 'web-asg',
        action: 'scale',
        description: 'scale web-asg to 0 (min 1 → 0, desired 1 → 0, max 4 unchanged)',
      },
    ]);
    const asleep = await runAction(t, 'hibernateNow', 'web');
    expect(asleep.phase).toBe('Hibernated');
    expect(asgSizes(t, 'web-asg')).toEqual({ min: 0, max: 4, desired: 0 });
    expect(t.emu.region()?.autoscaling.groups.find((g) => g.name === 'web-asg')?.instances).toEqual(
      [],
    );
    const awake = await runAction(t, 'wakeNow', 'web');
    expect(awake.phase).toBe('Active');
    expect(asgSizes(t, 'web-asg')).toEqual({ min: 1, max: 4, desired: 1 });
    expect(
      t.emu
        .region()
        ?.autoscaling.groups.find((g) => g.name === 'web-asg')
        ?.instances.map((i) => i.lifecycleState),
    ).toEqual(['InService']);
  });

  it('asg: an EKS-managed group selected by tag is skipped with the reason', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    const found = await t.call('discover', {
      plan: awsPlan('web', [
        {
          name: 'groups',
          type: 'asg',
          parameters: { selector: { tags: { 'eks:cluster-name': 'dev-cluster' } } },
        },
      ]),
    });
    expect(found.targets[0]?.actions.map((a) => a.description)).toEqual([
      expect.stringMatching(
        /^skip eks-general-.+: managed by EKS node group general: use an eks target$/,
      ),
      expect.stringMatching(
        /^skip eks-batch-.+: managed by EKS node group batch: use an eks target$/,
      ),
    ]);
  });
});
