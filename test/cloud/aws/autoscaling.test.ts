import {
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
  UpdateAutoScalingGroupCommand,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS, SANDBOX_KEYS } from './sandbox-seed';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

const TRANSITION = 10_000;
let emu: AwsEmulator;
let aws: SdkClients;

beforeAll(async () => {
  emu = await startAwsEmulator({ clockScale: 0, transitionMs: TRANSITION });
  aws = sdkClients(emu.url, SANDBOX_KEYS.admin);
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.seed(sandboxSeed());
  emu.resetCalls();
});

async function webAsg(): Promise<AutoScalingGroup> {
  const out = await aws.asg.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web-asg'] }),
  );
  const group = out.AutoScalingGroups?.[0];
  if (group === undefined) throw new Error('web-asg missing from the answer');
  return group;
}

const ec2State = (id: string) =>
  emu.region()?.ec2.instances.find((i) => i.instanceId === id)?.state;

describe('Auto Scaling DescribeAutoScalingGroups through the real SDK', () => {
  it('parses sizes, instances with lifecycle state, and tags', async () => {
    const group = await webAsg();
    expect(group).toMatchObject({ MinSize: 1, MaxSize: 4, DesiredCapacity: 1 });
    expect(group.CreatedTime).toBeInstanceOf(Date);
    expect(group.Instances).toEqual([
      expect.objectContaining({
        InstanceId: SANDBOX_INSTANCE_IDS.webAsgMember,
        LifecycleState: 'InService',
        HealthStatus: 'Healthy',
      }),
    ]);
    expect(group.Tags).toContainEqual(
      expect.objectContaining({
        Key: 'Team',
        Value: 'web',
        PropagateAtLaunch: true,
        ResourceType: 'auto-scaling-group',
      }),
    );
  });

  it('also lists the groups EKS manages for node groups, tagged as such', async () => {
    const out = await aws.asg.send(
      new DescribeAutoScalingGroupsCommand({
        Filters: [{ Name: 'tag-key', Values: ['eks:nodegroup-name'] }],
      }),
    );
    expect(
      out.AutoScalingGroups?.map((g) => g.AutoScalingGroupName?.replace(/-[0-9a-f-]{36}$/, '')),
    ).toEqual(['eks-general', 'eks-batch']);
  });

  it('filters by tag:<key> and skips unknown names without failing', async () => {
    const byTag = await aws.asg.send(
      new DescribeAutoScalingGroupsCommand({ Filters: [{ Name: 'tag:Team', Values: ['web'] }] }),
    );
    expect(byTag.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(['web-asg']);
    const unknown = await aws.asg.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['nope', 'web-asg'] }),
    );
    expect(unknown.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(['web-asg']);
  });

  it('paginates with MaxRecords and NextToken', async () => {
    const groups = Array.from({ length: 120 }, (_, n) => ({
      name: `asg-${n}`,
      minSize: 0,
      maxSize: 2,
      desiredCapacity: 0,
    }));
    emu.seed({ autoscaling: { groups } });
    let pages = 0;
    const names: string[] = [];
    for await (const page of paginateDescribeAutoScalingGroups(
      { client: aws.asg, pageSize: 50 },
      {},
    )) {
      pages += 1;
      names.push(...(page.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName ?? ''));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(120);
    expect(
      (await sdkError(aws.asg.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 101 }))))
        .name,
    ).toBe('ValidationError');
    expect(
      (await sdkError(aws.asg.send(new DescribeAutoScalingGroupsCommand({ NextToken: 'bogus' }))))
        .name,
    ).toBe('InvalidNextToken');
  });
});

describe('Auto Scaling UpdateAutoScalingGroup', () => {
  it('scales in to zero: instances go Terminating, then leave the group, and EC2 terminates them', async () => {
    await aws.asg.send(
      new UpdateAutoScalingGroupCommand({
        AutoScalingGroupName: 'web-asg',
        MinSize: 0,
        DesiredCapacity: 0,
      }),
    );
    const during = await webAsg();
    expect(during).toMatchObject({ MinSize: 0, DesiredCapacity: 0 });
    expect(during.Instances?.map((i) => i.LifecycleState)).toEqual(['Terminating']);
    expect(ec2State(SANDBOX_INSTANCE_IDS.webAsgMember)).toBe('shutting-down');
    emu.clock.advance(TRANSITION);
    expect((await webAsg()).Instances).toEqual([]);
    expect(ec2State(SANDBOX_INSTANCE_IDS.webAsgMember)).toBe('terminated');
  });

  it('scales out: new instances are Pending, then InService and running with the group tags', async () => {
    await aws.asg.send(
      new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', DesiredCapacity: 3 }),
    );
    expect((await webAsg()).Instances?.map((i) => i.LifecycleState)).toEqual([
      'InService',
      'Pending',
      'Pending',
    ]);
    emu.clock.advance(TRANSITION);
    const group = await webAsg();
    expect(group.Instances?.map((i) => i.LifecycleState)).toEqual([
      'InService',
      'InService',
      'InService',
    ]);
    const launched = group.Instances?.[2]?.InstanceId ?? '';
    expect(ec2State(launched)).toBe('running');
    expect(emu.region()?.ec2.instances.find((i) => i.instanceId === launched)?.tags).toMatchObject({
      'aws:autoscaling:groupName': 'web-asg',
      Team: 'web',
    });
  });

  it('raises the desired capacity when only a larger MinSize is given', async () => {
    await aws.asg.send(
      new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', MinSize: 2 }),
    );
    expect(await webAsg()).toMatchObject({ MinSize: 2, DesiredCapacity: 2 });
  });

  it.each([
    ['desired above max', { DesiredCapacity: 9 }],
    ['desired below min', { MinSize: 2, DesiredCapacity: 1 }],
    ['min above max', { MinSize: 5, MaxSize: 4 }],
  ])('rejects %s with ValidationError and changes nothing', async (_case, sizes) => {
    const error = await sdkError(
      aws.asg.send(
        new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', ...sizes }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(await webAsg()).toMatchObject({ MinSize: 1, MaxSize: 4, DesiredCapacity: 1 });
  });

  it('answers ValidationError for an unknown group', async () => {
    const error = await sdkError(
      aws.asg.send(
        new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'nope', DesiredCapacity: 0 }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
  });

  it('answers AccessDenied (403) to a caller denied the action', async () => {
    const readOnly = sdkClients(emu.url, SANDBOX_KEYS.readOnly);
    const error = await sdkError(
      readOnly.asg.send(
        new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', DesiredCapacity: 0 }),
      ),
    );
    expect(error).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});
