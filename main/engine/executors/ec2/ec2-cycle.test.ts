import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_INSTANCE_IDS as ids, sandboxSeed } from '../../../../test/cloud/aws';
import {
  awsPlan,
  ec2State,
  ledger,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

const stateOf = (id: string): string | undefined => ec2State(t, id);

describe('ec2 executor through the engine', () => {
  it('stops the running dev instances, skips ASG/EKS/Karpenter nodes, and restarts exactly the ones that ran', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('dev', [
        {
          name: 'web',
          type: 'ec2',
          parameters: {
            selector: { tags: { Environment: 'dev' } },
            awaitCompletion: { enabled: true, timeout: '30s' },
          },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'dev');
    expect(asleep.phase).toBe('Hibernated');
    const message = ledger(asleep, 'web').message ?? '';
    expect(message).toContain('stopped 3 instances');
    expect(message).toContain('1 already stopped');
    expect(message).toContain('member of ASG web-asg');
    for (const id of [ids.web1, ids.web2, ids.api1, ids.api2]) expect(stateOf(id)).toBe('stopped');
    for (const id of [ids.webAsgMember, ids.eksNode, ids.karpenterNode])
      expect(stateOf(id)).toBe('running');
    expect(t.emu.callCount('ec2:StopInstances')).toBe(1);

    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.map((r) => [r.key, r.isLive]).sort()).toEqual(
      [
        [ids.web1, true],
        [ids.web2, true],
        [ids.api1, true],
        [ids.api2, false],
      ].sort(),
    );
    expect(point.resources.find((r) => r.key === ids.web1)?.state).toEqual({
      wasRunning: true,
      instanceType: 't3.small',
      name: 'web-1',
    });

    const awake = await runAction(t, 'wakeNow', 'dev');
    expect(awake.phase).toBe('Active');
    expect(ledger(awake, 'web').message).toContain('started 3 instances');
    for (const id of [ids.web1, ids.web2, ids.api1]) expect(stateOf(id)).toBe('running');
    expect(stateOf(ids.api2)).toBe('stopped');
    expect(t.emu.callCount('ec2:StartInstances')).toBe(1);
  });
});

describe('ec2 executor: hibernation, retries and missing instances', () => {
  it('hibernates where the instance is configured for it and stops the others, saying so', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('data', [
        {
          name: 'staging',
          type: 'ec2',
          parameters: {
            selector: { tags: { Team: 'data' } },
            hibernate: true,
            awaitCompletion: { enabled: true },
          },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'data');
    expect(asleep.phase).toBe('Hibernated');
    expect(ledger(asleep, 'staging').message).toContain('stopped 1 instance (1 hibernated)');
    expect(t.emu.calls().recent.filter((c) => c.action === 'StopInstances')).toHaveLength(1);
    const reason = t.emu
      .region()
      ?.ec2.instances.find((i) => i.instanceId === ids.worker)?.stateReason;
    expect(reason).toContain('Hibernate');

    const plan = await t.call('discover', {
      plan: awsPlan('x', [
        {
          name: 'web',
          type: 'ec2',
          parameters: { selector: { instanceIds: [ids.ciRunner] }, hibernate: true },
        },
      ]),
    });
    expect(plan.targets[0]?.actions[0]?.description).toContain(
      'hibernation is not configured for it, so it is stopped instead',
    );
  });

  it('a retried shutdown finds the instances stopped: no second stop call, and the live capture is kept', async () => {
    t = await startAwsTestEnv({ emulator: { transitionMs: 200 } });
    await t.connect();
    // A timeout shorter than the stop: the first attempt fails after StopInstances, with a clear message.
    await t.call('applyPlan', {
      plan: awsPlan('dev', [
        {
          name: 'web',
          type: 'ec2',
          parameters: {
            selector: { tags: { Team: 'web', Environment: 'dev' } },
            awaitCompletion: { enabled: true, timeout: '1ms' },
          },
        },
      ]),
    });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(failed.phase).toBe('Error');
    expect(ledger(failed, 'web').errorCode).toBe('AWAIT_TIMEOUT');
    expect(ledger(failed, 'web').message).toMatch(
      /^timed out after 0 s waiting for 2 instances to be stopped: i-\w+ is stopping/,
    );
    expect(t.emu.callCount('ec2:StopInstances')).toBe(1);

    await t.call('retry', { plan: 'dev' });
    await t.engine.idle();
    const status = (await t.call('getPlan', { name: 'dev' })).status;
    expect(status.phase).toBe('Hibernated');
    expect(t.emu.callCount('ec2:StopInstances')).toBe(1);
    const point = await t.call('inspectRestorePoint', { plan: 'dev', target: 'web' });
    expect(point.resources.map((r) => [r.key, r.isLive, r.state])).toEqual(
      expect.arrayContaining([
        [ids.web1, true, { wasRunning: true, instanceType: 't3.small', name: 'web-1' }],
        [ids.web2, true, { wasRunning: true, instanceType: 't3.small', name: 'web-2' }],
      ]),
    );
    // The wake-up starts both (and, with the same 1 ms timeout, fails waiting for them to run).
    const awake = await runAction(t, 'wakeNow', 'dev');
    expect(ledger(awake, 'web').message).toMatch(
      /^timed out after 0 s waiting for 2 instances to be running/,
    );
    expect(t.emu.callCount('ec2:StartInstances')).toBe(1);
    expect(ec2State(t, ids.web1)).toMatch(/pending|running/);
    expect(ec2State(t, ids.web2)).toMatch(/pending|running/);
  });

  it('skips instances that no longer exist on wake-up, with a note, and starts the rest', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('dev', [
        {
          name: 'web',
          type: 'ec2',
          parameters: { selector: { instanceIds: [ids.web1, ids.web2] } },
        },
      ]),
    });
    expect((await runAction(t, 'hibernateNow', 'dev')).phase).toBe('Hibernated');
    // The account changes overnight: web-2 is gone, web-1 is stopped.
    const seed = sandboxSeed();
    const instances = (seed.ec2?.instances ?? [])
      .filter((i) => i.instanceId !== ids.web2)
      .map((i) => (i.instanceId === ids.web1 ? { ...i, state: 'stopped' as const } : i));
    t.emu.seed({ ...seed, ec2: { instances } });
    const awake = await runAction(t, 'wakeNow', 'dev');
    expect(awake.phase).toBe('Active');
    expect(ledger(awake, 'web').message).toBe(
      `started 1 instance; skipped 1 that no longer exist: ${ids.web2}`,
    );
    expect(ec2State(t, ids.web1)).toMatch(/pending|running/);
  });
});
