import { afterEach, describe, expect, it } from 'vitest';
import {
  awsPlan,
  ledger,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

const COUNT = 2500;
const id = (n: number): string => `i-${n.toString(16).padStart(17, '0')}`;

describe('ec2 pagination and batching', () => {
  it('handles 2,500 instances: every describe page read, stops batched by 1,000, all restarted', async () => {
    const instances = Array.from({ length: COUNT }, (_, n) => ({
      instanceId: id(n + 1),
      instanceType: 't3.micro',
      state: n % 10 === 9 ? ('stopped' as const) : ('running' as const),
      tags: { Environment: 'load', Name: `load-${n + 1}` },
    }));
    t = await startAwsTestEnv({ seed: { ec2: { instances } } });
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('load', [
        { name: 'fleet', type: 'ec2', parameters: { selector: { tags: { Environment: 'load' } } } },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'load');
    expect(asleep.phase).toBe('Hibernated');
    expect(ledger(asleep, 'fleet').message).toBe('stopped 2250 instances; 250 already stopped');
    // 2,500 instances at 1,000 a page: 3 pages; 2,250 running at 1,000 a call: 3 calls.
    expect(t.emu.callCount('ec2:DescribeInstances')).toBe(3);
    expect(t.emu.callCount('ec2:StopInstances')).toBe(3);
    const states = t.emu.region()?.ec2.instances.map((i) => i.state) ?? [];
    expect(states.filter((s) => s === 'running')).toHaveLength(0);
    const point = await t.call('inspectRestorePoint', { plan: 'load', target: 'fleet' });
    expect(point.resources).toHaveLength(COUNT);
    expect(point.resources.filter((r) => r.isLive)).toHaveLength(2250);

    const awake = await runAction(t, 'wakeNow', 'load');
    expect(awake.phase).toBe('Active');
    expect(t.emu.callCount('ec2:StartInstances')).toBe(3);
    const after = t.emu.region()?.ec2.instances ?? [];
    expect(after.filter((i) => i.state === 'stopped').map((i) => i.instanceId)).toEqual(
      instances.filter((i) => i.state === 'stopped').map((i) => i.instanceId),
    );
  });
});
