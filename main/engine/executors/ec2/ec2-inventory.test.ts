import { describe, expect, it } from 'vitest';
import { decide, skipReason, type Ec2Instance } from './ec2-inventory';

const instance = (over: Partial<Ec2Instance> = {}): Ec2Instance => ({
  id: 'i-0ab',
  state: 'running',
  instanceType: 't3.large',
  name: 'web-1',
  tags: { Name: 'web-1' },
  hibernationConfigured: false,
  ...over,
});

describe('ec2 decisions', () => {
  it('stops a running instance and describes it like the dry run shows it', () => {
    expect(decide(instance(), false)).toMatchObject({
      action: 'stop',
      capture: true,
      description: 'stop i-0ab (running, t3.large, Name=web-1)',
    });
  });

  it('hibernates where configured, else stops and says so', () => {
    expect(decide(instance({ hibernationConfigured: true }), true).action).toBe('hibernate');
    expect(decide(instance(), true).description).toContain(
      'hibernation is not configured for it, so it is stopped instead',
    );
  });

  it('captures an already stopped instance as not live, without acting', () => {
    expect(decide(instance({ state: 'stopped' }), false)).toMatchObject({
      action: 'skip',
      capture: true,
      description: 'skip i-0ab: already stopped',
    });
  });

  it.each([
    [{ 'aws:autoscaling:groupName': 'web-asg' }, 'member of ASG web-asg: use an asg target'],
    [
      { 'eks:nodegroup-name': 'general', 'eks:cluster-name': 'dev' },
      'node of EKS node group general (cluster dev): use an eks target',
    ],
    [{ 'eks:cluster-name': 'dev' }, 'node of EKS cluster dev: use an eks or karpenter target'],
    [
      { 'karpenter.sh/nodepool': 'default' },
      'Karpenter node of NodePool default: use a karpenter target',
    ],
    [
      { 'karpenter.sh/provisioner-name': 'old' },
      'Karpenter node of NodePool old: use a karpenter target',
    ],
    [
      { 'hibernator.ardikabs.com/exclude': 'true' },
      'opted out (hibernator.ardikabs.com/exclude=true)',
    ],
  ])('leaves %j alone: %s', (tags, reason) => {
    expect(skipReason(tags)).toBe(reason);
    expect(decide(instance({ tags }), false)).toMatchObject({
      action: 'skip',
      capture: false,
      description: `skip i-0ab: ${reason}`,
    });
  });
});
