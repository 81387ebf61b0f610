import {
  CreateDBSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  ListTagsForResourceCommand,
  paginateDescribeDBInstances,
  StartDBClusterCommand,
  StartDBInstanceCommand,
  StopDBClusterCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_KEYS } from './sandbox-seed';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

const TRANSITION = 60_000;
const DAY = 24 * 60 * 60 * 1000;
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

async function instance(id: string): Promise<DBInstance> {
  const out = await aws.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  const found = out.DBInstances?.[0];
  if (found === undefined) throw new Error(`no DB instance ${id} in the answer`);
  return found;
}

async function clusterStatus(id: string): Promise<string | undefined> {
  const out = await aws.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
  return out.DBClusters?.[0]?.Status;
}

describe('RDS describes through the real SDK', () => {
  it('parses instances with engine, endpoint, tags and replica links', async () => {
    const orders = await instance('orders-db');
    expect(orders).toMatchObject({
      Engine: 'postgres',
      DBInstanceStatus: 'available',
      DBInstanceClass: 'db.t4g.medium',
      MultiAZ: false,
    });
    expect(orders.Endpoint?.Port).toBe(5432);
    expect(orders.InstanceCreateTime).toBeInstanceOf(Date);
    expect(orders.TagList).toContainEqual({ Key: 'Team', Value: 'api' });
    expect(orders.DBInstanceArn).toBe('arn:aws:rds:us-east-1:123456789012:db:orders-db');
    expect((await instance('legacy-mysql')).ReadReplicaDBInstanceIdentifiers).toEqual([
      'legacy-mysql-replica',
    ]);
    expect((await instance('legacy-mysql-replica')).ReadReplicaSourceDBInstanceIdentifier).toBe(
      'legacy-mysql',
    );
  });

  it('lists an Aurora cluster with its writer and reader, and finds members by db-cluster-id', async () => {
    const clusters = await aws.rds.send(new DescribeDBClustersCommand({}));
    expect(clusters.DBClusters?.[0]?.DBClusterMembers).toEqual([
      expect.objectContaining({
        DBInstanceIdentifier: 'analytics-aurora-1',
        IsClusterWriter: true,
      }),
      expect.objectContaining({
        DBInstanceIdentifier: 'analytics-aurora-2',
        IsClusterWriter: false,
      }),
    ]);
    const members = await aws.rds.send(
      new DescribeDBInstancesCommand({
        Filters: [{ Name: 'db-cluster-id', Values: ['analytics-aurora'] }],
      }),
    );
    expect(members.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual([
      'analytics-aurora-1',
      'analytics-aurora-2',
    ]);
  });

  it('paginates with MaxRecords and Marker and enforces MaxRecords 20–100', async () => {
    emu.seed({ rds: { instances: Array.from({ length: 45 }, (_, n) => ({ id: `db-${n}` })) } });
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeDBInstances({ client: aws.rds, pageSize: 20 }, {})) {
      pages += 1;
      seen.push(...(page.DBInstances ?? []).map((i) => i.DBInstanceIdentifier ?? ''));
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(45);
    expect(
      (await sdkError(aws.rds.send(new DescribeDBInstancesCommand({ MaxRecords: 10 })))).name,
    ).toBe('InvalidParameterValue');
  });

  it('answers DBInstanceNotFound (404) and DBClusterNotFoundFault (404) for unknown ids', async () => {
    expect(await sdkError(instance('nope'))).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404,
    });
    expect(
      await sdkError(aws.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' }))),
    ).toMatchObject({
      name: 'DBClusterNotFoundFault',
      status: 404,
    });
  });

  it('lists tags by ARN', async () => {
    const out = await aws.rds.send(
      new ListTagsForResourceCommand({
        ResourceName: 'arn:aws:rds:us-east-1:123456789012:cluster:analytics-aurora',
      }),
    );
    expect(out.TagList).toEqual([
      { Key: 'Environment', Value: 'staging' },
      { Key: 'Team', Value: 'data' },
    ]);
    const missing = await sdkError(
      aws.rds.send(
        new ListTagsForResourceCommand({
          ResourceName: 'arn:aws:rds:us-east-1:123456789012:db:nope',
        }),
      ),
    );
    expect(missing.name).toBe('DBInstanceNotFoundFault');
  });
});

describe('RDS stop and start', () => {
  it('moves an instance available → stopping → stopped → starting → available', async () => {
    const stop = await aws.rds.send(
      new StopDBInstanceCommand({ DBInstanceIdentifier: 'orders-db' }),
    );
    expect(stop.DBInstance?.DBInstanceStatus).toBe('stopping');
    emu.clock.advance(TRANSITION);
    expect((await instance('orders-db')).DBInstanceStatus).toBe('stopped');
    const start = await aws.rds.send(
      new StartDBInstanceCommand({ DBInstanceIdentifier: 'orders-db' }),
    );
    expect(start.DBInstance?.DBInstanceStatus).toBe('starting');
    emu.clock.advance(TRANSITION);
    expect((await instance('orders-db')).DBInstanceStatus).toBe('available');
  });

  it('refuses to stop a database that is not available, unlike EC2', async () => {
    await aws.rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'orders-db' }));
    emu.clock.advance(TRANSITION);
    const again = await sdkError(
      aws.rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'orders-db' })),
    );
    expect(again).toMatchObject({ name: 'InvalidDBInstanceStateFault', status: 400 });
    const startAvailable = await sdkError(
      aws.rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: 'legacy-mysql' })),
    );
    expect(startAvailable.name).toBe('InvalidDBInstanceStateFault');
  });

  it('refuses Aurora members, read replicas, their sources and SQL Server Multi-AZ', async () => {
    const stop = (id: string) =>
      sdkError(aws.rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: id })));
    expect(await stop('analytics-aurora-1')).toMatchObject({
      name: 'InvalidParameterCombination',
      status: 400,
    });
    expect(await stop('legacy-mysql-replica')).toMatchObject({
      name: 'InvalidDBInstanceStateFault',
      status: 400,
    });
    expect(await stop('legacy-mysql')).toMatchObject({
      name: 'InvalidDBInstanceStateFault',
      status: 400,
    });
    expect(await stop('billing-sqlserver')).toMatchObject({
      name: 'InvalidParameterCombination',
      status: 400,
    });
    expect((await instance('analytics-aurora-1')).DBInstanceStatus).toBe('available');
  });

  it('takes a snapshot before stopping when DBSnapshotIdentifier is given', async () => {
    await aws.rds.send(
      new StopDBInstanceCommand({
        DBInstanceIdentifier: 'orders-db',
        DBSnapshotIdentifier: 'orders-before-sleep',
      }),
    );
    const creating = await aws.rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'orders-db' }),
    );
    expect(creating.DBSnapshots?.map((s) => [s.DBSnapshotIdentifier, s.Status])).toEqual([
      ['orders-before-sleep', 'creating'],
    ]);
    emu.clock.advance(TRANSITION);
    const done = await aws.rds.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'orders-before-sleep' }),
    );
    expect(done.DBSnapshots?.[0]?.Status).toBe('available');
  });

  it('creates snapshots and refuses a duplicate identifier', async () => {
    const out = await aws.rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'legacy-mysql',
        DBSnapshotIdentifier: 'manual-1',
      }),
    );
    expect(out.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'manual-1',
      SnapshotType: 'manual',
      Engine: 'mysql',
    });
    const duplicate = await sdkError(
      aws.rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'orders-db',
          DBSnapshotIdentifier: 'manual-1',
        }),
      ),
    );
    expect(duplicate.name).toBe('DBSnapshotAlreadyExistsFault');
  });

  it('stops and starts an Aurora cluster together with its members', async () => {
    const stop = await aws.rds.send(
      new StopDBClusterCommand({ DBClusterIdentifier: 'analytics-aurora' }),
    );
    expect(stop.DBCluster?.Status).toBe('stopping');
    emu.clock.advance(TRANSITION);
    expect(await clusterStatus('analytics-aurora')).toBe('stopped');
    expect((await instance('analytics-aurora-2')).DBInstanceStatus).toBe('stopped');
    const again = await sdkError(
      aws.rds.send(new StopDBClusterCommand({ DBClusterIdentifier: 'analytics-aurora' })),
    );
    expect(again).toMatchObject({ name: 'InvalidDBClusterStateFault', status: 400 });
    await aws.rds.send(new StartDBClusterCommand({ DBClusterIdentifier: 'analytics-aurora' }));
    emu.clock.advance(TRANSITION);
    expect(await clusterStatus('analytics-aurora')).toBe('available');
    expect((await instance('analytics-aurora-1')).DBInstanceStatus).toBe('available');
  });

  it('answers DBClusterNotFoundFault when stopping an unknown cluster', async () => {
    expect(
      await sdkError(aws.rds.send(new StopDBClusterCommand({ DBClusterIdentifier: 'nope' }))),
    ).toMatchObject({
      name: 'DBClusterNotFoundFault',
      status: 404,
    });
  });
});

describe("AWS's 7-day automatic restart", () => {
  it('starts a database that has been stopped for seven days, and says when beforehand', async () => {
    await aws.rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'orders-db' }));
    emu.clock.advance(TRANSITION);
    const stopped = await instance('orders-db');
    const stoppedAt = emu.clock.now();
    expect(stopped.AutomaticRestartTime?.getTime()).toBe(stoppedAt + 7 * DAY);

    emu.clock.advance(7 * DAY - 1);
    expect((await instance('orders-db')).DBInstanceStatus).toBe('stopped');
    emu.clock.advance(1);
    expect((await instance('orders-db')).DBInstanceStatus).toBe('starting');
    emu.clock.advance(TRANSITION);
    const restarted = await instance('orders-db');
    expect(restarted.DBInstanceStatus).toBe('available');
    expect(restarted.AutomaticRestartTime).toBeUndefined();
  });

  it('restarts a stopped Aurora cluster and its members after seven days, even when nobody looked meanwhile', async () => {
    await aws.rds.send(new StopDBClusterCommand({ DBClusterIdentifier: 'analytics-aurora' }));
    emu.clock.advance(8 * DAY);
    expect(await clusterStatus('analytics-aurora')).toBe('available');
    expect((await instance('analytics-aurora-1')).DBInstanceStatus).toBe('available');
  });

  it('restarts a database seeded as stopped seven days after the seed', async () => {
    emu.seed({ rds: { instances: [{ id: 'sleepy', status: 'stopped' }] } });
    emu.clock.advance(7 * DAY);
    expect((await instance('sleepy')).DBInstanceStatus).toBe('starting');
  });
});
