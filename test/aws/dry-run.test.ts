import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/engine/clock';
import { SANDBOX_INSTANCE_IDS as ids } from '../cloud/aws';
import { awsDemoPlans } from './demo-objects';
import { startAwsTestEnv, type AwsTestEnv } from './aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

const READS = /^(Describe|List|GetCallerIdentity)/;
/**
 * A Wednesday 11:00 in Berlin: inside working hours of the demo plans, so saving a plan starts
 * no shutdown while its dry run is checked (with the real clock this failed every weekday evening).
 */
const WORKING_HOURS = '2026-12-02T10:00:00Z';
const workingHours = () => ({ clock: new ManualClock(new Date(WORKING_HOURS)) });

describe('dry run (discover) of the AWS executors', () => {
  it('says what each target would do to each resource and changes nothing', async () => {
    t = await startAwsTestEnv(workingHours());
    await t.connect('sandbox-aws', { accountId: '123456789012' });
    const plan = awsDemoPlans()[0];
    await t.call('applyPlan', { plan });
    t.emu.resetCalls();
    const result = await t.call('discover', { plan: 'dev-env' });
    expect(result.targets.map((x) => x.error)).toEqual([null, null, null, null]);
    const web = result.targets.find((x) => x.target === 'web-servers')?.actions ?? [];
    expect(web).toEqual(
      expect.arrayContaining([
        {
          key: ids.web1,
          action: 'stop',
          description: `stop ${ids.web1} (running, t3.small, Name=web-1)`,
        },
        { key: ids.api2, action: 'skip', description: `skip ${ids.api2}: already stopped` },
        {
          key: ids.webAsgMember,
          action: 'skip',
          description: `skip ${ids.webAsgMember}: member of ASG web-asg: use an asg target`,
        },
      ]),
    );
    const db = result.targets.find((x) => x.target === 'orders-db')?.actions;
    expect(db).toEqual([
      {
        key: 'instance:orders-db',
        action: 'stop',
        description: 'stop instance orders-db (available, postgres), after a snapshot',
      },
    ]);
    const aurora = result.targets.find((x) => x.target === 'analytics-aurora')?.actions;
    expect(aurora).toEqual([
      {
        key: 'cluster:analytics-aurora',
        action: 'stop',
        description: 'stop cluster analytics-aurora (available, aurora-postgresql)',
      },
    ]);
    expect(result.summary).toContain('stop');

    const calls = t.emu.calls();
    expect(calls.total).toBeGreaterThan(0);
    expect(
      Object.keys(calls.byAction).filter((action) => !READS.test(action.split(':')[1] ?? '')),
    ).toEqual([]);
    expect(t.emu.region()?.ec2.instances.find((i) => i.instanceId === ids.web1)?.state).toBe(
      'running',
    );
  });

  it('shows Karpenter and EKS nodes as skipped with the reason', async () => {
    t = await startAwsTestEnv(workingHours());
    await t.connect();
    const result = await t.call('discover', {
      plan: {
        apiVersion: 'hibernator.ardikabs.com/v1alpha1',
        kind: 'HibernatePlan',
        metadata: { name: 'nodes' },
        spec: {
          schedule: {
            timezone: 'UTC',
            offHours: [{ start: '20:00', end: '06:00', daysOfWeek: ['MON'] }],
          },
          execution: { strategy: { type: 'Parallel' } },
          targets: [
            {
              name: 'cluster-nodes',
              type: 'ec2',
              connectorRef: { kind: 'CloudProvider', name: 'sandbox' },
              parameters: { selector: { tags: { 'eks:cluster-name': 'dev-cluster' } } },
            },
          ],
        },
      },
    });
    expect(result.targets[0]?.actions.map((a) => a.description).sort()).toEqual([
      `skip ${ids.eksNode}: node of EKS node group general (cluster dev-cluster): use an eks target`,
      `skip ${ids.karpenterNode}: Karpenter node of NodePool default in EKS cluster dev-cluster: use a karpenter target`,
    ]);
    expect(t.emu.callCount('ec2:StopInstances')).toBe(0);
  });
});
