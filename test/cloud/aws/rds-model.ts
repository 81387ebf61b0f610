import { AwsError } from './aws-error';
import type {
  RdsCluster,
  RdsClusterSnapshot,
  RdsInstance,
  RdsSnapshot,
  RegionState,
  Tags,
} from './types';
import type { AwsWorld } from './world';

/**
 * RDS lifecycle rules from the RDS and Aurora user guides: instances stop and start one by one,
 * Aurora clusters only as a whole, read replicas (and their sources) and SQL Server Multi-AZ not at
 * all, and anything stopped is started again by AWS after seven days.
 */
const DEFAULT_VERSIONS: Record<string, string> = {
  postgres: '16.4',
  mysql: '8.0.39',
  mariadb: '10.11.9',
  'aurora-postgresql': '16.4',
  'aurora-mysql': '8.0.mysql_aurora.3.08.0',
  'sqlserver-se': '16.00.4140.3.v1',
  'sqlserver-ex': '16.00.4140.3.v1',
  'oracle-ee': '19.0.0.0.ru-2024-10.rur-2024-10.r1',
};

export function defaultEngineVersion(engine: string): string {
  return DEFAULT_VERSIONS[engine] ?? '1.0';
}

export function defaultPort(engine: string): number {
  if (engine.includes('postgres')) return 5432;
  if (engine.startsWith('sqlserver')) return 1433;
  if (engine.startsWith('oracle')) return 1521;
  return 3306;
}

export function rdsArn(
  state: RegionState,
  kind: 'db' | 'cluster' | 'snapshot' | 'cluster-snapshot',
  id: string,
): string {
  return `arn:aws:rds:${state.region}:${state.accountId}:${kind}:${id}`;
}

export function findInstance(state: RegionState, identifier: string): RdsInstance {
  const id = identifierFrom(identifier, 'db');
  const instance = state.rds.instances.get(id);
  if (instance === undefined)
    throw new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
  return instance;
}

export function findCluster(state: RegionState, identifier: string): RdsCluster {
  const id = identifierFrom(identifier, 'cluster');
  const cluster = state.rds.clusters.get(id);
  if (cluster === undefined)
    throw new AwsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
  return cluster;
}

/** RDS identifiers are case-insensitive (stored lowercase) and most actions also accept the ARN. */
export function identifierFrom(identifier: string, kind: 'db' | 'cluster'): string {
  const marker = `:${kind}:`;
  const index = identifier.startsWith('arn:') ? identifier.lastIndexOf(marker) : -1;
  return (index >= 0 ? identifier.slice(index + marker.length) : identifier).toLowerCase();
}

export function readReplicasOf(state: RegionState, id: string): string[] {
  return [...state.rds.instances.values()]
    .filter((i) => i.readReplicaSourceId === id)
    .map((i) => i.id);
}

/** Why StopDBInstance/StartDBInstance may never apply to this instance, whatever its status. */
function refuseStopStart(state: RegionState, instance: RdsInstance): AwsError | undefined {
  if (instance.clusterId !== undefined) {
    return new AwsError(
      'InvalidParameterCombination',
      `${instance.engine} DB instances are not eligible for stopping and starting.`,
    );
  }
  if (instance.readReplicaSourceId !== undefined) {
    return new AwsError('InvalidDBInstanceState', 'Cannot stop or start a Read-Replica instance');
  }
  if (readReplicasOf(state, instance.id).length > 0) {
    return new AwsError(
      'InvalidDBInstanceState',
      `Cannot stop or start DB instance ${instance.id} because it has read replicas`,
    );
  }
  if (instance.engine.startsWith('sqlserver') && instance.multiAZ) {
    return new AwsError(
      'InvalidParameterCombination',
      'Cannot stop or start a SQL Server DB instance in a Multi-AZ configuration',
    );
  }
  return undefined;
}

export function stopDbInstance(
  world: AwsWorld,
  state: RegionState,
  instance: RdsInstance,
  snapshotId: string | undefined,
): void {
  const refusal = refuseStopStart(state, instance);
  if (refusal !== undefined) throw refusal;
  if (instance.status !== 'available') {
    throw new AwsError(
      'InvalidDBInstanceState',
      `Instance ${instance.id} is not in available state.`,
    );
  }
  if (snapshotId !== undefined) createSnapshot(world, state, instance, snapshotId, {});
  instance.status = 'stopping';
  world.after(state, `rds/db/${instance.id}`, world.timings.rdsStop, (at) =>
    markInstanceStopped(world, state, instance, at),
  );
}

/** The instance is stopped as of `at`; AWS will start it again seven days later. */
export function markInstanceStopped(
  world: AwsWorld,
  state: RegionState,
  instance: RdsInstance,
  at: number,
): void {
  instance.status = 'stopped';
  instance.automaticRestartTime = at + world.timings.rdsAutoRestart;
  world.after(
    state,
    `rds/db/${instance.id}`,
    world.timings.rdsAutoRestart,
    (restartAt) => startNow(world, state, instance, restartAt),
    at,
  );
}

export function startDbInstance(world: AwsWorld, state: RegionState, instance: RdsInstance): void {
  const refusal = refuseStopStart(state, instance);
  if (refusal !== undefined) throw refusal;
  if (instance.status !== 'stopped') {
    throw new AwsError(
      'InvalidDBInstanceState',
      `Instance ${instance.id} cannot be started as it is not in stopped state.`,
    );
  }
  startNow(world, state, instance, world.now());
}

function startNow(world: AwsWorld, state: RegionState, instance: RdsInstance, at: number): void {
  instance.status = 'starting';
  instance.automaticRestartTime = undefined;
  world.after(
    state,
    `rds/db/${instance.id}`,
    world.timings.rdsStart,
    () => (instance.status = 'available'),
    at,
  );
}

export function stopDbCluster(world: AwsWorld, state: RegionState, cluster: RdsCluster): void {
  if (cluster.status !== 'available') {
    throw new AwsError(
      'InvalidDBClusterStateFault',
      `DbCluster ${cluster.id} is in ${cluster.status} state but expected it to be one of available.`,
    );
  }
  setClusterStatus(state, cluster, 'stopping');
  world.after(state, `rds/cluster/${cluster.id}`, world.timings.rdsStop, (at) =>
    markClusterStopped(world, state, cluster, at),
  );
}

/** The cluster and its members are stopped as of `at`; AWS will start them again seven days later. */
export function markClusterStopped(
  world: AwsWorld,
  state: RegionState,
  cluster: RdsCluster,
  at: number,
): void {
  setClusterStatus(state, cluster, 'stopped');
  cluster.automaticRestartTime = at + world.timings.rdsAutoRestart;
  world.after(
    state,
    `rds/cluster/${cluster.id}`,
    world.timings.rdsAutoRestart,
    (restartAt) => startClusterNow(world, state, cluster, restartAt),
    at,
  );
}

export function startDbCluster(world: AwsWorld, state: RegionState, cluster: RdsCluster): void {
  if (cluster.status !== 'stopped') {
    throw new AwsError(
      'InvalidDBClusterStateFault',
      `DbCluster ${cluster.id} is in ${cluster.status} state but expected it to be one of stopped.`,
    );
  }
  startClusterNow(world, state, cluster, world.now());
}

function startClusterNow(
  world: AwsWorld,
  state: RegionState,
  cluster: RdsCluster,
  at: number,
): void {
  setClusterStatus(state, cluster, 'starting');
  cluster.automaticRestartTime = undefined;
  world.after(
    state,
    `rds/cluster/${cluster.id}`,
    world.timings.rdsStart,
    () => setClusterStatus(state, cluster, 'available'),
    at,
  );
}

/** Aurora members follow their cluster: stopping the cluster stops every member. */
function setClusterStatus(
  state: RegionState,
  cluster: RdsCluster,
  status: RdsCluster['status'],
): void {
  cluster.status = status;
  for (const member of cluster.members) {
    const instance = state.rds.instances.get(member.instanceId);
    if (instance !== undefined) instance.status = status;
  }
}

export function createSnapshot(
  world: AwsWorld,
  state: RegionState,
  instance: RdsInstance,
  snapshotId: string,
  tags: Tags,
): RdsSnapshot {
  const id = snapshotId.toLowerCase();
  if (state.rds.snapshots.has(id)) {
    throw new AwsError(
      'DBSnapshotAlreadyExists',
      `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
    );
  }
  if (instance.clusterId !== undefined) {
    throw new AwsError(
      'InvalidDBInstanceState',
      'The specified instance is a member of a cluster and a snapshot cannot be created directly. Please use the CreateDBClusterSnapshot API instead.',
    );
  }
  if (instance.status !== 'available') {
    throw new AwsError(
      'InvalidDBInstanceState',
      `Instance ${instance.id} is not in available state.`,
    );
  }
  const snapshot: RdsSnapshot = {
    id,
    arn: rdsArn(state, 'snapshot', id),
    instanceId: instance.id,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    allocatedStorage: instance.allocatedStorage,
    status: 'creating',
    snapshotType: 'manual',
    createdAt: world.now(),
    tags: { ...tags },
  };
  state.rds.snapshots.set(id, snapshot);
  world.after(
    state,
    `rds/snapshot/${id}`,
    world.timings.snapshot,
    () => (snapshot.status = 'available'),
  );
  return snapshot;
}

/** CreateDBClusterSnapshot: Aurora is snapshotted at cluster level, and only while available. */
export function createClusterSnapshot(
  world: AwsWorld,
  state: RegionState,
  cluster: RdsCluster,
  snapshotId: string,
  tags: Tags,
): RdsClusterSnapshot {
  const id = snapshotId.toLowerCase();
  if (state.rds.clusterSnapshots.has(id)) {
    throw new AwsError(
      'DBClusterSnapshotAlreadyExistsFault',
      `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
    );
  }
  if (cluster.status !== 'available') {
    throw new AwsError(
      'InvalidDBClusterStateFault',
      `DbCluster ${cluster.id} is not in a valid state.`,
    );
  }
  const snapshot: RdsClusterSnapshot = {
    id,
    arn: rdsArn(state, 'cluster-snapshot', id),
    clusterId: cluster.id,
    engine: cluster.engine,
    status: 'creating',
    createdAt: world.now(),
    tags: { ...tags },
  };
  state.rds.clusterSnapshots.set(id, snapshot);
  world.after(
    state,
    `rds/cluster-snapshot/${id}`,
    world.timings.snapshot,
    () => (snapshot.status = 'available'),
  );
  return snapshot;
}
