import { afterEach, describe, expect, it } from 'vitest';
import {
  OTHER_ACCOUNT_ID,
  SANDBOX_ACCOUNT_ID,
  SANDBOX_INSTANCE_IDS as ids,
  SANDBOX_KEYS,
} from '../cloud/aws';
import {
  asgSizes,
  awsPlan,
  ec2State,
  ledger,
  rdsStatus,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from './aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

const MUTATING = [
  'ec2:StopInstances',
  'ec2:StartInstances',
  'rds:StopDBInstance',
  'rds:StopDBCluster',
  'eks:UpdateNodegroupConfig',
  'autoscaling:UpdateAutoScalingGroup',
];
const mutatingCalls = (): number => MUTATING.reduce((n, action) => n + t.emu.callCount(action), 0);

const fourTargets = [
  {
    name: 'web',
    type: 'ec2' as const,
    parameters: { selector: { tags: { Team: 'web', Environment: 'dev' } } },
  },
  { name: 'db', type: 'rds' as const, parameters: { selector: { instanceIds: ['orders-db'] } } },
  { name: 'nodes', type: 'eks' as const, parameters: { clusterName: 'dev-cluster' } },
  { name: 'asg', type: 'asg' as const, parameters: { selector: { names: ['web-asg'] } } },
];

describe('AWS failures through the engine', () => {
  it('retries throttling and 5xx bursts of every service to success', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    t.emu.fault({
      action: 'ec2:DescribeInstances',
      failNth: { nth: 1, count: 2, error: { kind: 'server' } },
    });
    t.emu.fault({
      action: 'ec2:StopInstances',
      failNth: { nth: 1, count: 3, error: { kind: 'throttle' } },
    });
    t.emu.fault({
      action: 'rds:StopDBInstance',
      failNth: { nth: 1, count: 2, error: { kind: 'throttle' } },
    });
    t.emu.fault({
      action: 'eks:UpdateNodegroupConfig',
      failNth: { nth: 1, count: 2, error: { kind: 'throttle' } },
    });
    t.emu.fault({
      action: 'autoscaling:UpdateAutoScalingGroup',
      failNth: { nth: 1, count: 2, error: { kind: 'unavailable' } },
    });
    await t.call('applyPlan', { plan: awsPlan('dev', fourTargets) });
    const asleep = await runAction(t, 'hibernateNow', 'dev');
    expect(asleep.phase).toBe('Hibernated');
    expect(t.emu.callCount('ec2:StopInstances')).toBe(4);
    expect(t.emu.callCount('rds:StopDBInstance')).toBe(3);
    expect(t.emu.callCount('eks:UpdateNodegroupConfig')).toBe(3);
    expect(t.emu.callCount('autoscaling:UpdateAutoScalingGroup')).toBe(3);
    expect(ec2State(t, ids.web1)).toMatch(/stopping|stopped/);
    expect(rdsStatus(t, 'orders-db')).toMatch(/stopping|stopped/);
    expect(asgSizes(t, 'web-asg')).toEqual({ min: 0, max: 4, desired: 0 });
  });

  it('a throttling storm longer than the retries fails the target as transient, and the engine retry then succeeds', async () => {
    t = await startAwsTestEnv({ retry: { maxAttempts: 3 } });
    await t.connect();
    t.emu.fault({
      action: 'ec2:StopInstances',
      failNth: { nth: 1, count: 3, error: { kind: 'throttle' } },
    });
    await t.call('applyPlan', { plan: awsPlan('dev', fourTargets.slice(0, 1), { retries: 0 }) });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(failed.phase).toBe('Error');
    expect(ledger(failed, 'web')).toMatchObject({ errorCode: 'THROTTLED', transient: true });
    expect(ledger(failed, 'web').message).toContain('RequestLimitExceeded');
    await t.call('retry', { plan: 'dev' });
    await t.engine.idle();
    expect((await t.call('getPlan', { name: 'dev' })).status.phase).toBe('Hibernated');
  });

  it('AccessDenied fails the target with a message naming the action and the profile, and nothing is stopped', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    t.emu.deny(SANDBOX_KEYS.admin.accessKeyId, ['ec2:StopInstances']);
    await t.call('applyPlan', { plan: awsPlan('dev', fourTargets.slice(0, 1)) });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(failed.phase).toBe('Error');
    expect(ledger(failed, 'web')).toMatchObject({ errorCode: 'ACCESS_DENIED', transient: false });
    expect(ledger(failed, 'web').message).toBe(
      `AccessDenied: ec2:StopInstances is not allowed for profile 'dev' (arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/hibernator-admin): grant it or remove the target`,
    );
    expect(ec2State(t, ids.web1)).toBe('running');
    expect(t.emu.callCount('ec2:StopInstances')).toBe(1);
  });

  it('a wrong pinned account stops every target before any mutating call, after one identity check', async () => {
    t = await startAwsTestEnv();
    await t.connect('sandbox', { accountId: OTHER_ACCOUNT_ID });
    await t.call('applyPlan', {
      plan: awsPlan('dev', fourTargets, { strategy: { type: 'Parallel' } }),
    });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(failed.phase).toBe('Error');
    for (const target of ['web', 'db', 'nodes', 'asg']) {
      expect(ledger(failed, target).errorCode).toBe('WRONG_ACCOUNT');
      expect(ledger(failed, target).message).toBe(
        `connection "sandbox" is pinned to AWS account ${OTHER_ACCOUNT_ID}, but profile 'dev' reaches account ${SANDBOX_ACCOUNT_ID} (arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/hibernator-admin); nothing was changed: fix the profile or the pinned accountId`,
      );
    }
    expect(mutatingCalls()).toBe(0);
    // Nothing else was even read: the identity check comes first, once for the whole plan.
    expect(t.emu.calls().total).toBe(1);
    expect(t.emu.callCount('sts:GetCallerIdentity')).toBe(1);
  });

  it('a matching pinned account lets the plan run', async () => {
    t = await startAwsTestEnv();
    await t.connect('sandbox', { accountId: SANDBOX_ACCOUNT_ID });
    await t.call('applyPlan', { plan: awsPlan('dev', fourTargets.slice(0, 1)) });
    expect((await runAction(t, 'hibernateNow', 'dev')).phase).toBe('Hibernated');
    expect(t.emu.callCount('ec2:StopInstances')).toBe(1);
  });

  it('a missing EKS cluster fails the target with a clear, permanent error', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('dev', [
        { name: 'nodes', type: 'eks', parameters: { clusterName: 'no-such-cluster' } },
      ]),
    });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(ledger(failed, 'nodes')).toMatchObject({ errorCode: 'NOT_FOUND', transient: false });
    expect(ledger(failed, 'nodes').message).toContain(
      'EKS cluster no-such-cluster was not found in us-east-1',
    );
  });
});
