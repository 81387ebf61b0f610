import { AwsError } from './aws-error';
import { decodeToken, paginate } from './pagination';
import { RDS_FILTERS, type QueryFilter, type QueryParams } from './query-params';
import {
  createClusterSnapshot,
  createSnapshot,
  findCluster,
  findInstance,
  identifierFrom,
  startDbCluster,
  startDbInstance,
  stopDbCluster,
  stopDbInstance,
} from './rds-model';
import {
  dbClusterSnapshotXml,
  dbClusterXml,
  dbInstanceXml,
  dbSnapshotXml,
  tagListXml,
} from './rds-xml';
import type { QueryCall, QueryService } from './service-context';
import type { RdsCluster, RdsInstance, RdsSnapshot, RegionState } from './types';
import { leaf, list } from './xml';

/** RDS (awsQuery, Version 2014-10-31). */
type Matcher<T> = (item: T, values: string[]) => boolean;

const INSTANCE_FILTERS: Record<string, Matcher<RdsInstance>> = {
  'db-instance-id': (i, v) => v.some((x) => identifierFrom(x, 'db') === i.id),
  'db-cluster-id': (i, v) =>
    i.clusterId !== undefined && v.some((x) => identifierFrom(x, 'cluster') === i.clusterId),
  'dbi-resource-id': (i, v) => v.includes(i.resourceId),
  engine: (i, v) => v.includes(i.engine),
  domain: () => false,
};

const CLUSTER_FILTERS: Record<string, Matcher<RdsCluster>> = {
  'db-cluster-id': (c, v) => v.some((x) => identifierFrom(x, 'cluster') === c.id),
  'db-cluster-resource-id': (c, v) => v.includes(c.resourceId),
  engine: (c, v) => v.includes(c.engine),
  'clone-group-id': () => false,
  domain: () => false,
};

function applyFilters<T>(
  items: T[],
  filters: QueryFilter[],
  table: Record<string, Matcher<T>>,
): T[] {
  const tests = filters.map((f) => {
    const match = table[f.name];
    if (match === undefined)
      throw new AwsError('InvalidParameterValue', `Unrecognized filter name: ${f.name}.`);
    return (item: T) => match(item, f.values);
  });
  return items.filter((item) => tests.every((t) => t(item)));
}

/** MaxRecords 20–100 (default 100) and an opaque Marker, per the RDS API reference. */
function page<T>(
  params: QueryParams,
  listing: string,
  items: T[],
): { items: T[]; marker?: string } {
  const maxRecords = params.int('MaxRecords') ?? 100;
  if (maxRecords < 20 || maxRecords > 100) {
    throw new AwsError(
      'InvalidParameterValue',
      `Invalid value ${maxRecords} for MaxRecords. Must be between 20 and 100`,
    );
  }
  const marker = params.get('Marker');
  const offset = decodeToken(
    listing,
    marker,
    () => new AwsError('InvalidParameterValue', `Invalid Marker: ${marker ?? ''}`),
  );
  const result = paginate(listing, items, offset, maxRecords);
  return result.nextToken === undefined
    ? { items: result.items }
    : { items: result.items, marker: result.nextToken };
}

function describeDbInstances({ params, state }: QueryCall): string {
  const id = params.get('DBInstanceIdentifier');
  const base = id === undefined ? [...state.rds.instances.values()] : [findInstance(state, id)];
  const result = page(
    params,
    'rds:DescribeDBInstances',
    applyFilters(base, params.filters(RDS_FILTERS), INSTANCE_FILTERS),
  );
  return (
    leaf('Marker', result.marker) +
    list('DBInstances', 'DBInstance', result.items, (i) => dbInstanceXml(state, i))
  );
}

function describeDbClusters({ params, state }: QueryCall): string {
  const id = params.get('DBClusterIdentifier');
  const base = id === undefined ? [...state.rds.clusters.values()] : [findCluster(state, id)];
  const result = page(
    params,
    'rds:DescribeDBClusters',
    applyFilters(base, params.filters(RDS_FILTERS), CLUSTER_FILTERS),
  );
  return (
    leaf('Marker', result.marker) +
    list('DBClusters', 'DBCluster', result.items, (c) => dbClusterXml(state, c))
  );
}

function describeDbSnapshots({ params, state }: QueryCall): string {
  const snapshotId = params.get('DBSnapshotIdentifier')?.toLowerCase();
  const instanceId = params.get('DBInstanceIdentifier');
  const type = params.get('SnapshotType');
  let snapshots: RdsSnapshot[] = [...state.rds.snapshots.values()];
  if (snapshotId !== undefined) {
    const found = state.rds.snapshots.get(snapshotId);
    if (found === undefined)
      throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${snapshotId} not found.`, 404);
    snapshots = [found];
  }
  if (instanceId !== undefined)
    snapshots = snapshots.filter((s) => s.instanceId === identifierFrom(instanceId, 'db'));
  if (type !== undefined) snapshots = snapshots.filter((s) => s.snapshotType === type);
  const result = page(params, 'rds:DescribeDBSnapshots', snapshots);
  return (
    leaf('Marker', result.marker) +
    list('DBSnapshots', 'DBSnapshot', result.items, (s) => dbSnapshotXml(state, s))
  );
}

function stopDbInstanceAction({ params, state, world }: QueryCall): string {
  const instance = findInstance(state, params.require('DBInstanceIdentifier'));
  stopDbInstance(world, state, instance, params.get('DBSnapshotIdentifier'));
  return `<DBInstance>${dbInstanceXml(state, instance)}</DBInstance>`;
}

function startDbInstanceAction({ params, state, world }: QueryCall): string {
  const instance = findInstance(state, params.require('DBInstanceIdentifier'));
  startDbInstance(world, state, instance);
  return `<DBInstance>${dbInstanceXml(state, instance)}</DBInstance>`;
}

function stopDbClusterAction({ params, state, world }: QueryCall): string {
  const cluster = findCluster(state, params.require('DBClusterIdentifier'));
  stopDbCluster(world, state, cluster);
  return `<DBCluster>${dbClusterXml(state, cluster)}</DBCluster>`;
}

function startDbClusterAction({ params, state, world }: QueryCall): string {
  const cluster = findCluster(state, params.require('DBClusterIdentifier'));
  startDbCluster(world, state, cluster);
  return `<DBCluster>${dbClusterXml(state, cluster)}</DBCluster>`;
}

function createDbSnapshotAction({ params, state, world }: QueryCall): string {
  const snapshotId = params.require('DBSnapshotIdentifier');
  const instance = findInstance(state, params.require('DBInstanceIdentifier'));
  const tags = Object.fromEntries(params.tags('Tags.Tag').map((t) => [t.key, t.value]));
  const snapshot = createSnapshot(world, state, instance, snapshotId, tags);
  return `<DBSnapshot>${dbSnapshotXml(state, snapshot)}</DBSnapshot>`;
}

function createDbClusterSnapshotAction({ params, state, world }: QueryCall): string {
  const snapshotId = params.require('DBClusterSnapshotIdentifier');
  const cluster = findCluster(state, params.require('DBClusterIdentifier'));
  const tags = Object.fromEntries(params.tags('Tags.Tag').map((t) => [t.key, t.value]));
  const snapshot = createClusterSnapshot(world, state, cluster, snapshotId, tags);
  return `<DBClusterSnapshot>${dbClusterSnapshotXml(snapshot)}</DBClusterSnapshot>`;
}

function listTagsForResource({ params, state }: QueryCall): string {
  const name = params.require('ResourceName');
  return tagListXml(tagsOf(state, name));
}

function tagsOf(state: RegionState, arn: string): Record<string, string> {
  const match = /^arn:aws:rds:([^:]+):(\d{12}):(db|cluster|snapshot):(.+)$/.exec(arn);
  if (match === null || match[1] !== state.region || match[2] !== state.accountId) {
    throw new AwsError(
      'InvalidParameterValue',
      `The specified resource name does not match an RDS resource in this region.`,
    );
  }
  const kind = match[3];
  const id = (match[4] ?? '').toLowerCase();
  if (kind === 'db') return findInstance(state, id).tags;
  if (kind === 'cluster') return findCluster(state, id).tags;
  const snapshot = state.rds.snapshots.get(id);
  if (snapshot === undefined)
    throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
  return snapshot.tags;
}

export const rdsService: QueryService = {
  protocol: 'query',
  namespace: 'http://rds.amazonaws.com/doc/2014-10-31/',
  handlers: {
    DescribeDBInstances: describeDbInstances,
    DescribeDBClusters: describeDbClusters,
    DescribeDBSnapshots: describeDbSnapshots,
    StopDBInstance: stopDbInstanceAction,
    StartDBInstance: startDbInstanceAction,
    StopDBCluster: stopDbClusterAction,
    StartDBCluster: startDbClusterAction,
    CreateDBSnapshot: createDbSnapshotAction,
    CreateDBClusterSnapshot: createDbClusterSnapshotAction,
    ListTagsForResource: listTagsForResource,
  },
};
