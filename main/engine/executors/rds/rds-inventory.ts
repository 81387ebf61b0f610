import type { DBCluster, DBInstance, Filter } from '@aws-sdk/client-rds';
import type { RdsParameters } from '../../../../shared/model';
import type { AwsTarget } from '../aws-common/aws-target';
import type { RdsApi } from './rds-api';
import { chunk } from '../aws-common/batching';
import { runLimited } from '../../util/concurrency';
import { sdkPages } from '../aws-common/sdk-pages';
import { inIdList, keepSelected } from '../selection-guard';
import { isOptedOut, matchesTags, tagsFromList, type Tags } from '../aws-common/tag-selector';

/** An RDS instance or Aurora cluster as the executor sees it. */
export interface RdsResource {
  kind: 'instance' | 'cluster';
  id: string;
  status: string;
  engine: string;
  engineMode: string | undefined;
  tags: Tags;
  /** Instance: the Aurora cluster it belongs to. */
  clusterId: string | undefined;
  replicaSource: string | undefined;
  replicas: string[];
  multiAZ: boolean;
}

export const keyOf = (r: Pick<RdsResource, 'kind' | 'id'>): string => `${r.kind}:${r.id}`;

export function parseKey(key: string): { kind: 'instance' | 'cluster'; id: string } | undefined {
  const m = /^(instance|cluster):(.+)$/.exec(key);
  if (m === null || m[2] === undefined) return undefined;
  return { kind: m[1] === 'cluster' ? 'cluster' : 'instance', id: m[2] };
}

const PAGE = 100;
const IDS_PER_FILTER = 100;

function fromInstance(i: DBInstance): RdsResource | undefined {
  if (i.DBInstanceIdentifier === undefined) return undefined;
  return {
    kind: 'instance',
    id: i.DBInstanceIdentifier,
    status: i.DBInstanceStatus ?? 'unknown',
    engine: i.Engine ?? 'unknown',
    engineMode: undefined,
    tags: tagsFromList(i.TagList),
    clusterId: i.DBClusterIdentifier,
    replicaSource: i.ReadReplicaSourceDBInstanceIdentifier,
    replicas: i.ReadReplicaDBInstanceIdentifiers ?? [],
    multiAZ: i.MultiAZ === true,
  };
}

function fromCluster(c: DBCluster): RdsResource | undefined {
  if (c.DBClusterIdentifier === undefined) return undefined;
  return {
    kind: 'cluster',
    id: c.DBClusterIdentifier,
    status: c.Status ?? 'unknown',
    engine: c.Engine ?? 'unknown',
    engineMode: c.EngineMode,
    tags: tagsFromList(c.TagList),
    clusterId: undefined,
    replicaSource: undefined,
    replicas: [],
    multiAZ: c.MultiAZ === true,
  };
}

export async function describeInstances(
  target: AwsTarget<RdsApi>,
  filters: Filter[] = [],
): Promise<RdsResource[]> {
  const out: RdsResource[] = [];
  const { RDSClient, paginateDescribeDBInstances } = await import('@aws-sdk/client-rds');
  for await (const page of sdkPages(
    paginateDescribeDBInstances,
    RDSClient,
    (input) => target.api.describeDBInstances(input),
    pageInput(filters),
  ))
    out.push(...converted(page.DBInstances, fromInstance));
  return out;
}

export async function describeClusters(
  target: AwsTarget<RdsApi>,
  filters: Filter[] = [],
): Promise<RdsResource[]> {
  const out: RdsResource[] = [];
  const { RDSClient, paginateDescribeDBClusters } = await import('@aws-sdk/client-rds');
  for await (const page of sdkPages(
    paginateDescribeDBClusters,
    RDSClient,
    (input) => target.api.describeDBClusters(input),
    pageInput(filters),
  ))
    out.push(...converted(page.DBClusters, fromCluster));
  return out;
}

function pageInput(filters: Filter[]): { MaxRecords: number; Filters?: Filter[] } {
  return { MaxRecords: PAGE, ...(filters.length > 0 ? { Filters: filters } : {}) };
}

function converted<Raw>(
  items: Raw[] | undefined,
  convert: (raw: Raw) => RdsResource | undefined,
): RdsResource[] {
  return (items ?? []).flatMap((raw) => convert(raw) ?? []);
}

/** Describe calls by id in flight at once for one target. */
const LOOKUPS_IN_FLIGHT = 4;

/**
 * By identifier, through filters: an id that does not exist is absent, not an error. What comes
 * back is checked against the ids asked for (an endpoint that ignores the filter answers with every
 * database of the account; selection-guard.ts); identifiers compare case-insensitively, as in RDS.
 */
export async function describeByIds(
  target: AwsTarget<RdsApi>,
  kind: 'instance' | 'cluster',
  ids: readonly string[],
): Promise<Map<string, RdsResource>> {
  const found = new Map<string, RdsResource>();
  // Reads only: a few lookups in flight at once (110 ids are two calls, not two round trips).
  await runLimited(chunk([...new Set(ids)], IDS_PER_FILTER), LOOKUPS_IN_FLIGHT, async (part) => {
    const list =
      kind === 'instance'
        ? await describeInstances(target, [{ Name: 'db-instance-id', Values: part }])
        : await describeClusters(target, [{ Name: 'db-cluster-id', Values: part }]);
    const picks = inIdList(part, { caseInsensitive: true });
    for (const r of keepSelected(list, (x) => picks(x.id), target.ctx.logger, `rds ${kind}s by id`))
      found.set(r.id, r);
  });
  return found;
}

export interface Selection {
  resources: RdsResource[];
  /** Ids named in the selector that do not exist. */
  missing: string[];
}

export async function selectDatabases(
  target: AwsTarget<RdsApi>,
  selector: RdsParameters['selector'],
): Promise<Selection> {
  const byIds = selector.instanceIds !== undefined || selector.clusterIds !== undefined;
  if (byIds) {
    const [instances, clusters] = await Promise.all([
      describeByIds(target, 'instance', selector.instanceIds ?? []),
      describeByIds(target, 'cluster', selector.clusterIds ?? []),
    ]);
    const lower = (s: string): string => s.toLowerCase();
    const missing = [
      ...(selector.instanceIds ?? []).filter(
        (id) => !instances.has(lower(id)) && !instances.has(id),
      ),
      ...(selector.clusterIds ?? []).filter((id) => !clusters.has(lower(id)) && !clusters.has(id)),
    ];
    return { resources: [...instances.values(), ...clusters.values()], missing };
  }
  const [instances, clusters] = await Promise.all([
    selector.discoverInstances === true ? describeInstances(target) : [],
    selector.discoverClusters === true ? describeClusters(target) : [],
  ]);
  const all = [...instances, ...clusters];
  const picked =
    selector.includeAll === true
      ? all
      : keepSelected(all, (r) => matchesTags(r.tags, selector), target.ctx.logger, 'rds databases');
  return { resources: picked, missing: [] };
}

/** Statuses from which a database goes back to available or stopped by itself. */
export const TRANSITIONAL = new Set([
  'starting',
  'backing-up',
  'modifying',
  'rebooting',
  'configuring-enhanced-monitoring',
  'configuring-log-exports',
  'maintenance',
  'upgrading',
  'renaming',
  'resetting-master-credentials',
  'storage-optimization',
  'creating',
]);

/** Why AWS cannot stop this database (or why it must be stopped some other way). */
export function cannotStop(r: RdsResource): string | undefined {
  if (isOptedOut(r.tags)) return 'opted out (hibernator.ardikabs.com/exclude=true)';
  if (r.kind === 'cluster') {
    if (!r.engine.startsWith('aurora'))
      return `${r.engine} clusters cannot be stopped by the rds executor`;
    if (r.engineMode === 'serverless')
      return 'Aurora Serverless v1 clusters cannot be stopped (they pause by themselves)';
    return undefined;
  }
  if (r.clusterId !== undefined)
    return `member of Aurora cluster ${r.clusterId}: Aurora is stopped at cluster level only (select the cluster)`;
  if (r.replicaSource !== undefined)
    return `read replica of ${r.replicaSource}: AWS cannot stop read replicas`;
  if (r.replicas.length > 0)
    return `has read replicas (${r.replicas.join(', ')}): AWS cannot stop it`;
  if (r.engine.startsWith('sqlserver') && r.multiAZ)
    return 'SQL Server in a Multi-AZ configuration: AWS cannot stop it';
  return undefined;
}

export type RdsAction = 'stop' | 'skip';

export interface RdsDecision {
  resource: RdsResource;
  action: RdsAction;
  capture: boolean;
  description: string;
}

const noun = (r: RdsResource): string => (r.kind === 'cluster' ? 'cluster' : 'instance');

export function decide(r: RdsResource): RdsDecision {
  const reason = cannotStop(r);
  if (reason !== undefined)
    return { resource: r, action: 'skip', capture: false, description: `skip ${r.id}: ${reason}` };
  if (r.status === 'stopped' || r.status === 'stopping')
    return {
      resource: r,
      action: 'skip',
      capture: true,
      description: `skip ${r.id}: already ${r.status}`,
    };
  if (r.status === 'available')
    return {
      resource: r,
      action: 'stop',
      capture: true,
      description: `stop ${noun(r)} ${r.id} (available, ${r.engine})`,
    };
  if (TRANSITIONAL.has(r.status)) {
    return {
      resource: r,
      action: 'stop',
      capture: true,
      description: `stop ${noun(r)} ${r.id} (${r.status}, ${r.engine}) once it is available`,
    };
  }
  return {
    resource: r,
    action: 'skip',
    capture: false,
    description: `skip ${r.id}: status ${r.status}, AWS cannot stop it`,
  };
}
