import { afterEach, describe, expect, it } from 'vitest';
import {
  awsPlan,
  ledger,
  rdsStatus,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
} from '../../../../test/aws/aws-test-env';

let t: AwsTestEnv;
afterEach(async () => {
  await t?.close();
});

describe('rds executor through the engine', () => {
  it('stops instances and the Aurora cluster (never its members), skips replicas and SQL Server Multi-AZ, and restores the same status', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('db', [
        {
          name: 'all-db',
          type: 'rds',
          parameters: {
            selector: { includeAll: true, discoverInstances: true, discoverClusters: true },
            awaitCompletion: { enabled: true, timeout: '30s' },
          },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'db');
    expect(asleep.phase).toBe('Hibernated');
    const message = ledger(asleep, 'all-db').message ?? '';
    expect(message).toContain('stopped 2 databases');
    expect(message).toContain('skipped 5');
    expect(rdsStatus(t, 'orders-db')).toBe('stopped');
    expect(rdsStatus(t, 'analytics-aurora')).toBe('stopped');
    expect(rdsStatus(t, 'legacy-mysql')).toBe('available');
    expect(rdsStatus(t, 'legacy-mysql-replica')).toBe('available');
    expect(rdsStatus(t, 'billing-sqlserver')).toBe('available');
    expect(t.emu.callCount('rds:StopDBInstance')).toBe(1);
    expect(t.emu.callCount('rds:StopDBCluster')).toBe(1);
    const point = await t.call('inspectRestorePoint', { plan: 'db', target: 'all-db' });
    expect(point.resources.map((r) => r.key).sort()).toEqual([
      'cluster:analytics-aurora',
      'instance:orders-db',
    ]);
    expect(point.resources.find((r) => r.key === 'instance:orders-db')?.state).toEqual({
      kind: 'instance',
      wasRunning: true,
      status: 'available',
      engine: 'postgres',
    });

    const awake = await runAction(t, 'wakeNow', 'db');
    expect(awake.phase).toBe('Active');
    expect(ledger(awake, 'all-db').message).toBe('started 2 databases');
    expect(rdsStatus(t, 'orders-db')).toBe('available');
    expect(rdsStatus(t, 'analytics-aurora')).toBe('available');
    expect(rdsStatus(t, 'analytics-aurora-1')).toBe('available');
  });

  it('takes a uniquely named snapshot before stopping when snapshotBeforeStop is set', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('db', [
        {
          name: 'orders',
          type: 'rds',
          parameters: { selector: { instanceIds: ['orders-db'] }, snapshotBeforeStop: true },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'db');
    expect(ledger(asleep, 'orders').message).toBe('stopped 1 database (1 snapshot taken first)');
    const snapshots = t.emu.region()?.rds.snapshots ?? [];
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.id).toMatch(/^hibernator-orders-db-\d{14}-[0-9a-f]{4}$/);
    const point = await t.call('inspectRestorePoint', { plan: 'db', target: 'orders' });
    expect(point.resources[0]?.state).toMatchObject({ snapshotId: snapshots[0]?.id });
  });

  it('snapshots an Aurora cluster at cluster level before stopping it, and wakes it', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    await t.call('applyPlan', {
      plan: awsPlan('db', [
        {
          name: 'aurora',
          type: 'rds',
          parameters: {
            selector: { clusterIds: ['analytics-aurora'] },
            snapshotBeforeStop: true,
            awaitCompletion: { enabled: true, timeout: '1m' },
          },
        },
      ]),
    });
    const asleep = await runAction(t, 'hibernateNow', 'db');
    expect(ledger(asleep, 'aurora').state).toBe('Completed');
    const region = t.emu.region();
    expect(region?.rds.clusterSnapshots).toEqual([
      expect.objectContaining({
        clusterId: 'analytics-aurora',
        id: expect.stringMatching(/^hibernator-analytics-aurora-\d{14}-[0-9a-f]{4}$/),
      }),
    ]);
    expect(region?.rds.snapshots).toEqual([]);
    expect(rdsStatus(t, 'analytics-aurora')).toBe('stopped');
    await runAction(t, 'wakeNow', 'db');
    expect(rdsStatus(t, 'analytics-aurora')).toBe('available');
  });

  it('explains why an Aurora member or a read replica named by id is skipped', async () => {
    t = await startAwsTestEnv();
    await t.connect();
    const result = await t.call('discover', {
      plan: awsPlan('db', [
        {
          name: 'named',
          type: 'rds',
          parameters: {
            selector: { instanceIds: ['analytics-aurora-2', 'legacy-mysql-replica', 'nope-db'] },
          },
        },
      ]),
    });
    const descriptions = result.targets[0]?.actions.map((a) => a.description) ?? [];
    expect(descriptions.sort()).toEqual([
      'skip analytics-aurora-2: member of Aurora cluster analytics-aurora: Aurora is stopped at cluster level only (select the cluster)',
      'skip legacy-mysql-replica: read replica of legacy-mysql: AWS cannot stop read replicas',
      'skip nope-db: not found',
    ]);
  });
});
