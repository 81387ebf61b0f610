import { describe, expect, it } from 'vitest';
import { snapshotId } from './rds-actions';
import { decide, parseKey, type RdsResource } from './rds-inventory';

const db = (over: Partial<RdsResource> = {}): RdsResource => ({
  kind: 'instance',
  id: 'orders-db',
  status: 'available',
  engine: 'postgres',
  engineMode: undefined,
  tags: {},
  clusterId: undefined,
  replicaSource: undefined,
  replicas: [],
  multiAZ: false,
  ...over,
});

describe('rds decisions', () => {
  it('stops available instances and Aurora clusters', () => {
    expect(decide(db())).toMatchObject({
      action: 'stop',
      capture: true,
      description: 'stop instance orders-db (available, postgres)',
    });
    expect(decide(db({ kind: 'cluster', id: 'a', engine: 'aurora-mysql' })).action).toBe('stop');
    expect(decide(db({ status: 'starting' })).description).toBe(
      'stop instance orders-db (starting, postgres) once it is available',
    );
  });

  it.each([
    [
      { clusterId: 'aurora-1' },
      'member of Aurora cluster aurora-1: Aurora is stopped at cluster level only (select the cluster)',
    ],
    [{ replicaSource: 'src' }, 'read replica of src: AWS cannot stop read replicas'],
    [{ replicas: ['r1'] }, 'has read replicas (r1): AWS cannot stop it'],
    [
      { engine: 'sqlserver-se', multiAZ: true },
      'SQL Server in a Multi-AZ configuration: AWS cannot stop it',
    ],
    [
      { kind: 'cluster' as const, engine: 'docdb' },
      'docdb clusters cannot be stopped by the rds executor',
    ],
    [
      { kind: 'cluster' as const, engine: 'aurora-mysql', engineMode: 'serverless' },
      'Aurora Serverless v1 clusters cannot be stopped (they pause by themselves)',
    ],
    [{ status: 'failed' }, 'status failed, AWS cannot stop it'],
  ])('skips %j: %s', (over, reason) => {
    expect(decide(db(over))).toMatchObject({
      action: 'skip',
      capture: false,
      description: `skip orders-db: ${reason}`,
    });
  });

  it('captures stopped databases as not live', () => {
    expect(decide(db({ status: 'stopped' }))).toMatchObject({ action: 'skip', capture: true });
  });

  it('makes snapshot names AWS accepts, unique per call', () => {
    const at = new Date('2026-03-02T12:34:56Z');
    const a = snapshotId('Orders_DB', at, () => 0.1);
    expect(a).toBe('hibernator-orders-db-20260302123456-1999');
    expect(a).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(snapshotId('x', at, () => 0.2)).not.toBe(snapshotId('x', at, () => 0.3));
  });

  it('parses restore keys', () => {
    expect(parseKey('cluster:a-1')).toEqual({ kind: 'cluster', id: 'a-1' });
    expect(parseKey('garbage')).toBeUndefined();
  });
});
