import { readReplicasOf } from './rds-model';
import type {
  RdsCluster,
  RdsClusterSnapshot,
  RdsInstance,
  RdsSnapshot,
  RegionState,
  Tags,
} from './types';
import { leaf, list, scalarList, xml } from './xml';

/** RDS XML member names, as in the RDS API reference (PascalCase, typed list members). */
export function tagListXml(tags: Tags): string {
  return list(
    'TagList',
    'Tag',
    Object.entries(tags),
    ([k, v]) => leaf('Key', k) + leaf('Value', v),
  );
}

export function dbInstanceXml(state: RegionState, i: RdsInstance): string {
  const host = `${i.id}.c0emulator.${state.region}.rds.amazonaws.com`;
  return [
    leaf('DBInstanceIdentifier', i.id),
    leaf('DBInstanceClass', i.instanceClass),
    leaf('Engine', i.engine),
    leaf('DBInstanceStatus', i.status),
    leaf('MasterUsername', i.masterUsername),
    xml(
      'Endpoint',
      leaf('Address', host),
      leaf('Port', i.port),
      leaf('HostedZoneId', 'Z2R2ITUGPM61AM'),
    ),
    leaf('AllocatedStorage', i.allocatedStorage),
    leaf('InstanceCreateTime', new Date(i.createdAt)),
    leaf('PreferredBackupWindow', '03:00-03:30'),
    leaf('BackupRetentionPeriod', i.readReplicaSourceId === undefined ? 7 : 0),
    leaf('AvailabilityZone', i.availabilityZone),
    leaf('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30'),
    leaf('MultiAZ', i.multiAZ),
    leaf('EngineVersion', i.engineVersion),
    leaf('AutoMinorVersionUpgrade', true),
    leaf('ReadReplicaSourceDBInstanceIdentifier', i.readReplicaSourceId),
    scalarList(
      'ReadReplicaDBInstanceIdentifiers',
      'ReadReplicaDBInstanceIdentifier',
      readReplicasOf(state, i.id),
    ),
    leaf(
      'LicenseModel',
      i.engine.startsWith('sqlserver')
        ? 'license-included'
        : i.engine.includes('postgres')
          ? 'postgresql-license'
          : 'general-public-license',
    ),
    leaf('PubliclyAccessible', false),
    leaf('StorageType', i.clusterId === undefined ? 'gp3' : 'aurora'),
    leaf('DbInstancePort', 0),
    leaf('DBClusterIdentifier', i.clusterId),
    leaf('StorageEncrypted', true),
    leaf('DbiResourceId', i.resourceId),
    leaf('CopyTagsToSnapshot', false),
    leaf('DBInstanceArn', i.arn),
    leaf('IAMDatabaseAuthenticationEnabled', false),
    leaf('DeletionProtection', false),
    tagListXml(i.tags),
    i.automaticRestartTime === undefined
      ? undefined
      : leaf('AutomaticRestartTime', new Date(i.automaticRestartTime)),
  ].join('');
}

export function dbClusterXml(state: RegionState, c: RdsCluster): string {
  const host = `${c.id}.cluster-c0emulator.${state.region}.rds.amazonaws.com`;
  return [
    leaf('AllocatedStorage', 1),
    scalarList('AvailabilityZones', 'AvailabilityZone', [
      `${state.region}a`,
      `${state.region}b`,
      `${state.region}c`,
    ]),
    leaf('BackupRetentionPeriod', 7),
    leaf('DBClusterIdentifier', c.id),
    leaf('DBClusterParameterGroup', `default.${c.engine}`),
    leaf('Status', c.status),
    leaf('Endpoint', host),
    leaf('ReaderEndpoint', host.replace('.cluster-', '.cluster-ro-')),
    leaf('MultiAZ', c.members.length > 1),
    leaf('Engine', c.engine),
    leaf('EngineVersion', c.engineVersion),
    leaf('Port', c.port),
    leaf('MasterUsername', c.masterUsername),
    list('DBClusterMembers', 'DBClusterMember', c.members, (m) =>
      [
        leaf('DBInstanceIdentifier', m.instanceId),
        leaf('IsClusterWriter', m.writer),
        leaf('DBClusterParameterGroupStatus', 'in-sync'),
        leaf('PromotionTier', 1),
      ].join(''),
    ),
    leaf('StorageEncrypted', true),
    leaf('DbClusterResourceId', c.resourceId),
    leaf('DBClusterArn', c.arn),
    leaf('ClusterCreateTime', new Date(c.createdAt)),
    leaf('EngineMode', c.engineMode),
    leaf('DeletionProtection', false),
    tagListXml(c.tags),
    c.automaticRestartTime === undefined
      ? undefined
      : leaf('AutomaticRestartTime', new Date(c.automaticRestartTime)),
  ].join('');
}

export function dbSnapshotXml(state: RegionState, s: RdsSnapshot): string {
  return [
    leaf('DBSnapshotIdentifier', s.id),
    leaf('DBInstanceIdentifier', s.instanceId),
    leaf('SnapshotCreateTime', new Date(s.createdAt)),
    leaf('Engine', s.engine),
    leaf('AllocatedStorage', s.allocatedStorage),
    leaf('Status', s.status),
    leaf('AvailabilityZone', `${state.region}a`),
    leaf('EngineVersion', s.engineVersion),
    leaf('SnapshotType', s.snapshotType),
    leaf('PercentProgress', s.status === 'available' ? 100 : 0),
    leaf('Encrypted', true),
    leaf('DBSnapshotArn', s.arn),
    tagListXml(s.tags),
  ].join('');
}

export function dbClusterSnapshotXml(s: RdsClusterSnapshot): string {
  return [
    leaf('DBClusterSnapshotIdentifier', s.id),
    leaf('DBClusterIdentifier', s.clusterId),
    leaf('SnapshotCreateTime', new Date(s.createdAt)),
    leaf('Engine', s.engine),
    leaf('Status', s.status),
    leaf('SnapshotType', 'manual'),
    leaf('PercentProgress', s.status === 'available' ? 100 : 0),
    leaf('StorageEncrypted', true),
    leaf('DBClusterSnapshotArn', s.arn),
    tagListXml(s.tags),
  ].join('');
}
