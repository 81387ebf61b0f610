import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import {
  awsPlan,
  ec2State,
  ledger,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

/**
 * Issue 13.2 against the emulator, which refuses as EC2 documents: an instance-store root, a
 * one-time Spot request and stop protection make StopInstances fail the whole call.
 */
const OK = 'i-00000000000000001';
const STORE = 'i-00000000000000002';
const ONE_TIME = 'i-00000000000000003';
const PERSISTENT = 'i-00000000000000004';
const PROTECTED = 'i-00000000000000005';
const dev = { Env: 'dev' };

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

async function start(): Promise<void> {
  t = await startAwsTestEnv({
    clock: new ManualClock(new Date('2026-12-02T10:00:00Z')),
    seed: {
      ec2: {
        instances: [
          { instanceId: OK, tags: dev },
          { instanceId: STORE, tags: dev, rootDeviceType: 'instance-store' },
          {
            instanceId: ONE_TIME,
            tags: dev,
            spot: { requestId: 'sir-aaaa1111', type: 'one-time' },
          },
          {
            instanceId: PERSISTENT,
            tags: dev,
            spot: { requestId: 'sir-bbbb2222', type: 'persistent' },
          },
          { instanceId: PROTECTED, tags: dev, disableApiStop: true },
        ],
      },
    },
  });
  await t.connect();
  await t.call('applyPlan', {
    plan: awsPlan('p', [{ name: 'vms', type: 'ec2', parameters: { selector: { tags: dev } } }]),
  });
}

describe('ec2 instances that cannot be stopped', () => {
  it('are skipped with the reason in the dry run', async () => {
    await start();
    const actions = (await t.call('discover', { plan: 'p' })).targets[0]?.actions ?? [];
    const byKey = Object.fromEntries(actions.map((a) => [a.key, a]));
    expect(byKey[OK]?.action).toBe('stop');
    expect(byKey[PERSISTENT]?.action).toBe('stop');
    expect(byKey[STORE]?.description).toBe(
      `skip ${STORE}: instance-store root device cannot be stopped`,
    );
    expect(byKey[ONE_TIME]?.description).toBe(
      `skip ${ONE_TIME}: Spot Instance of a one-time request (sir-aaaa1111) cannot be stopped`,
    );
    expect(byKey[PROTECTED]?.description).toBe(
      `skip ${PROTECTED}: stop protection is on (disableApiStop)`,
    );
  });

  it('never fail the others: the stoppable ones stop, the refused one is reported', async () => {
    await start();
    const status = await runAction(t, 'hibernateNow', 'p');
    expect(status.phase).toBe('Hibernated');
    const message = ledger(status, 'vms').message ?? '';
    expect(['stopping', 'stopped']).toContain(ec2State(t, OK));
    expect(['stopping', 'stopped']).toContain(ec2State(t, PERSISTENT));
    for (const id of [STORE, ONE_TIME, PROTECTED]) expect(ec2State(t, id)).toBe('running');
    expect(message).toContain('stopped 2 instances');
    expect(message).toContain('instance-store root device cannot be stopped');
    // Stop protection is not in DescribeInstances: the shutdown learns it from the refusal.
    expect(message).toContain(`could not stop ${PROTECTED}`);
    expect(message).toContain('OperationNotPermitted');
    const point = await t.call('inspectRestorePoint', { plan: 'p', target: 'vms' });
    expect(point.resources.map((r) => r.key)).not.toContain(STORE);
  });
});
