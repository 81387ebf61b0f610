import type { DBCluster, DBInstance, Filter } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { parameterSchemas } from '../../../../shared/model';
import { fakeAwsContext } from '../aws-common/fake-aws-context';
import type { RdsApi } from './rds-api';
import { createRdsExecutor } from './rds-executor';

interface FakeDb {
  kind: 'instance' | 'cluster';
  status: string;
}

/**
 * RDS in memory, one database a page (Marker pagination), recording each change. With
 * `ignoreFilters` it answers every describe with all databases, as a filter-ignoring endpoint does.
 */
function fakeRds(dbs: Record<string, FakeDb>, events: string[], ignoreFilters = false): RdsApi {
  const page = <T>(
    kind: FakeDb['kind'],
    filters: Filter[] | undefined,
    marker: string | undefined,
    toSdk: (id: string, db: FakeDb) => T,
  ): { items: T[]; Marker?: string } => {
    const wanted = ignoreFilters ? undefined : filters?.[0]?.Values;
    const ids = Object.keys(dbs).filter(
      (id) => dbs[id]?.kind === kind && (wanted === undefined || wanted.includes(id)),
    );
    const at = Number(marker ?? '0');
    const id = ids[at];
    const db = id === undefined ? undefined : dbs[id];
    return {
      items: id === undefined || db === undefined ? [] : [toSdk(id, db)],
      ...(at + 1 < ids.length ? { Marker: String(at + 1) } : {}),
    };
  };
  const set = (id: string | undefined, status: string, call: string): void => {
    events.push(`${call} ${id}`);
    const db = dbs[id ?? ''];
    if (db !== undefined) db.status = status;
  };
  return {
    async describeDBInstances(input) {
      const { items, Marker } = page(
        'instance',
        input.Filters,
        input.Marker,
        (id, db): DBInstance => ({
          DBInstanceIdentifier: id,
          DBInstanceStatus: db.status,
          Engine: 'postgres',
        }),
      );
      return { $metadata: {}, DBInstances: items, ...(Marker ? { Marker } : {}) };
    },
    async describeDBClusters(input) {
      const { items, Marker } = page(
        'cluster',
        input.Filters,
        input.Marker,
        (id, db): DBCluster => ({
          DBClusterIdentifier: id,
          Status: db.status,
          Engine: 'aurora-postgresql',
          EngineMode: 'provisioned',
        }),
      );
      return { $metadata: {}, DBClusters: items, ...(Marker ? { Marker } : {}) };
    },
    async stopDBInstance(input) {
      set(input.DBInstanceIdentifier, 'stopped', 'stopDBInstance');
      return { $metadata: {} };
    },
    async startDBInstance(input) {
      set(input.DBInstanceIdentifier, 'available', 'startDBInstance');
      return { $metadata: {} };
    },
    async createDBClusterSnapshot(input) {
      events.push(`createDBClusterSnapshot ${input.DBClusterIdentifier}`);
      return { $metadata: {} };
    },
    async stopDBCluster(input) {
      set(input.DBClusterIdentifier, 'stopped', 'stopDBCluster');
      return { $metadata: {} };
    },
    async startDBCluster(input) {
      set(input.DBClusterIdentifier, 'available', 'startDBCluster');
      return { $metadata: {} };
    },
  };
}

const params = parameterSchemas.rds.parse({
  selector: { instanceIds: ['db1', 'db2'], clusterIds: ['aurora'] },
});

function databases(): Record<string, FakeDb> {
  return {
    db1: { kind: 'instance', status: 'available' },
    db2: { kind: 'instance', status: 'stopped' },
    aurora: { kind: 'cluster', status: 'available' },
  };
}

describe('rds executor with a fake RDS client', () => {
  it('reports every capture before it stops the available instance and cluster', async () => {
    const f = fakeAwsContext();
    const dbs = databases();
    const executor = createRdsExecutor({ api: () => fakeRds(dbs, f.events) });
    const result = await executor.shutdown(params, f.ctx, f.report);
    expect(f.events).toEqual([
      'report instance:db1,instance:db2,cluster:aurora',
      'stopDBInstance db1',
      'stopDBCluster aurora',
    ]);
    expect(f.captured.map((c) => [c.key, c.isLive])).toEqual([
      ['instance:db1', true],
      ['instance:db2', false],
      ['cluster:aurora', true],
    ]);
    expect(result.message).toBe('stopped 2 databases; 1 already stopped');
  });

  it('wakes up exactly the databases that were running at shutdown', async () => {
    const f = fakeAwsContext();
    const dbs = databases();
    const executor = createRdsExecutor({ api: () => fakeRds(dbs, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    const result = await executor.wakeUp(params, f.restorePoint(), f.ctx);
    expect(f.events.slice(-2)).toEqual(['startDBInstance db1', 'startDBCluster aurora']);
    expect(dbs).toEqual(databases());
    expect(result.message).toBe('started 2 databases');
  });

  it('keep-asleep stops again only the databases of its restore point when the endpoint ignores filters', async () => {
    const f = fakeAwsContext();
    const dbs = databases();
    const executor = createRdsExecutor({ api: () => fakeRds(dbs, f.events, true) });
    await executor.shutdown(params, f.ctx, f.report);
    // AWS restarted db1 after seven days; "unrelated" was never part of the plan and runs.
    const restarted = dbs.db1;
    if (restarted) restarted.status = 'available';
    dbs.unrelated = { kind: 'instance', status: 'available' };
    f.events.length = 0;
    const result = await executor.keepAsleep?.(params, f.restorePoint(), f.ctx);
    expect(f.events).toEqual(['stopDBInstance db1']);
    expect(dbs.unrelated).toEqual({ kind: 'instance', status: 'available' });
    expect(result?.message).toContain('db1');
  });

  it('selects by id only the databases named when the endpoint ignores filters', async () => {
    const f = fakeAwsContext();
    const dbs = { ...databases(), unrelated: { kind: 'instance' as const, status: 'available' } };
    const executor = createRdsExecutor({ api: () => fakeRds(dbs, f.events, true) });
    const plan = await executor.discover(params, f.ctx);
    expect(plan.map((a) => a.key)).toEqual(['instance:db1', 'instance:db2', 'cluster:aurora']);
    await executor.shutdown(params, f.ctx, f.report);
    expect(dbs.unrelated.status).toBe('available');
  });
});
