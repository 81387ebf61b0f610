import { describe, expect, it } from 'vitest';
import { startAwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS } from './sandbox-seed';

describe('the demo sandbox seed', () => {
  it('holds the resources the demo and the e2e tests rely on', async () => {
    const emu = await startAwsEmulator({ seed: sandboxSeed(), clockScale: 0 });
    try {
      const region = emu.region();
      if (region === undefined) throw new Error('sandbox region missing');
      const instances = region.ec2.instances;
      expect(instances).toHaveLength(12);
      expect(instances.map((i) => i.instanceId).sort()).toEqual(
        Object.values(SANDBOX_INSTANCE_IDS).sort(),
      );
      expect(instances.filter((i) => i.state === 'stopped')).toHaveLength(3);
      expect(instances.filter((i) => i.hibernationConfigured).map((i) => i.instanceId)).toEqual([
        SANDBOX_INSTANCE_IDS.worker,
      ]);

      const groups = region.autoscaling.groups;
      expect(groups.find((g) => g.name === 'web-asg')?.instances).toEqual([
        { instanceId: SANDBOX_INSTANCE_IDS.webAsgMember, lifecycleState: 'InService' },
      ]);
      const cluster = region.eks.clusters.find((c) => c.name === 'dev-cluster');
      expect(cluster?.nodegroups.map((n) => [n.name, n.desiredSize])).toEqual([
        ['general', 1],
        ['batch', 0],
      ]);
      const general = groups.find((g) => g.name === cluster?.nodegroups[0]?.autoScalingGroup);
      expect(general?.instances.map((i) => i.instanceId)).toEqual([SANDBOX_INSTANCE_IDS.eksNode]);

      expect(region.rds.clusters.map((c) => [c.id, c.members])).toEqual([
        ['analytics-aurora', ['analytics-aurora-1', 'analytics-aurora-2']],
      ]);
      expect(region.rds.instances.find((i) => i.readReplicaSourceId !== undefined)?.id).toBe(
        'legacy-mysql-replica',
      );
      expect(region.rds.instances.map((i) => i.status).every((s) => s === 'available')).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('rejects a seed that fails half-way and keeps the previous world', async () => {
    const emu = await startAwsEmulator({ seed: sandboxSeed(), clockScale: 0 });
    try {
      const duplicate = { instanceId: 'i-0aaaaaaaaaaaaaaa1' };
      expect(() => emu.seed({ ec2: { instances: [duplicate, duplicate] } })).toThrow(
        /duplicate EC2 instance/,
      );
      expect(emu.region()?.ec2.instances).toHaveLength(12);
    } finally {
      await emu.close();
    }
  });
});
