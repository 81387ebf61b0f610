/**
 * The emulator's in-memory model of one account in one region. Field names follow the AWS API
 * shapes loosely; the wire renderers map them to the exact XML/JSON member names.
 */
export type Tags = Record<string, string>;

export type Ec2StateName =
  'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface Ec2Instance {
  instanceId: string;
  reservationId: string;
  ownerId: string;
  imageId: string;
  instanceType: string;
  state: Ec2StateName;
  launchTime: number;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  hibernationConfigured: boolean;
  /** `instance-store` roots cannot be stopped (UnsupportedOperation). */
  rootDeviceType: 'ebs' | 'instance-store';
  /** A Spot Instance and the type of its request: one-time ones cannot be stopped. */
  spot?: { requestId: string; type: 'one-time' | 'persistent' };
  /** Stop protection (the `disableApiStop` attribute): StopInstances answers OperationNotPermitted. */
  disableApiStop: boolean;
  tags: Tags;
  stateTransitionReason: string;
  stateReason?: { code: string; message: string };
}

export type RdsInstanceStatus =
  'available' | 'stopping' | 'stopped' | 'starting' | 'backing-up' | 'modifying' | 'rebooting';
export type RdsClusterStatus = 'available' | 'stopping' | 'stopped' | 'starting' | 'modifying';

export interface RdsInstance {
  id: string;
  arn: string;
  resourceId: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  status: RdsInstanceStatus;
  multiAZ: boolean;
  clusterId?: string;
  readReplicaSourceId?: string;
  allocatedStorage: number;
  availabilityZone: string;
  port: number;
  masterUsername: string;
  createdAt: number;
  tags: Tags;
  /** When AWS will start the stopped instance again (7 days after it stopped). */
  automaticRestartTime?: number;
}

export interface RdsClusterMember {
  instanceId: string;
  writer: boolean;
}

export interface RdsCluster {
  id: string;
  arn: string;
  resourceId: string;
  engine: string;
  engineVersion: string;
  engineMode: string;
  status: RdsClusterStatus;
  members: RdsClusterMember[];
  port: number;
  masterUsername: string;
  createdAt: number;
  tags: Tags;
  automaticRestartTime?: number;
}

export interface RdsSnapshot {
  id: string;
  arn: string;
  instanceId: string;
  engine: string;
  engineVersion: string;
  allocatedStorage: number;
  status: 'creating' | 'available';
  snapshotType: 'manual' | 'automated';
  createdAt: number;
  tags: Tags;
}

/** A manual Aurora cluster snapshot (CreateDBClusterSnapshot). */
export interface RdsClusterSnapshot {
  id: string;
  arn: string;
  clusterId: string;
  engine: string;
  status: 'creating' | 'available';
  createdAt: number;
  tags: Tags;
}

export interface ScalingConfig {
  minSize: number;
  maxSize: number;
  desiredSize: number;
}

export interface EksUpdate {
  id: string;
  status: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
  type: string;
  params: Array<{ type: string; value: string }>;
  createdAt: number;
  nodegroupName?: string;
}

export interface EksNodegroup {
  name: string;
  arn: string;
  clusterName: string;
  status: 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'DEGRADED';
  scaling: ScalingConfig;
  instanceTypes: string[];
  capacityType: string;
  amiType: string;
  labels: Tags;
  tags: Tags;
  nodeRole: string;
  subnets: string[];
  version: string;
  releaseVersion: string;
  createdAt: number;
  modifiedAt: number;
  /** The Auto Scaling group EKS manages for this node group. */
  asgName: string;
  activeUpdateId?: string;
}

export interface EksCluster {
  name: string;
  arn: string;
  version: string;
  platformVersion: string;
  endpoint: string;
  certificateAuthority: string;
  status: 'CREATING' | 'ACTIVE' | 'DELETING' | 'FAILED' | 'UPDATING';
  roleArn: string;
  createdAt: number;
  tags: Tags;
  nodegroups: Map<string, EksNodegroup>;
  updates: Map<string, EksUpdate>;
}

export type AsgLifecycle = 'Pending' | 'InService' | 'Terminating';

export interface AsgGroup {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instanceType: string;
  availabilityZones: string[];
  createdAt: number;
  /** Group tags; `propagate` ones are copied onto instances the group launches. */
  tags: Array<{ key: string; value: string; propagate: boolean }>;
  /** Member instance ids → lifecycle, in launch order. */
  members: Map<string, AsgLifecycle>;
}

export interface RegionState {
  accountId: string;
  region: string;
  ec2: Map<string, Ec2Instance>;
  rds: {
    instances: Map<string, RdsInstance>;
    clusters: Map<string, RdsCluster>;
    snapshots: Map<string, RdsSnapshot>;
    clusterSnapshots: Map<string, RdsClusterSnapshot>;
  };
  eks: Map<string, EksCluster>;
  asg: Map<string, AsgGroup>;
}

/** How long each transition takes in virtual milliseconds. */
export interface Timings {
  ec2Stop: number;
  ec2Start: number;
  rdsStop: number;
  rdsStart: number;
  snapshot: number;
  eksUpdate: number;
  asgScale: number;
  /** AWS restarts a stopped database after 7 days. */
  rdsAutoRestart: number;
  /** How long a terminated instance stays visible in DescribeInstances. */
  terminatedVisible: number;
}

export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export function uniformTimings(transitionMs: number): Timings {
  return {
    ec2Stop: transitionMs,
    ec2Start: transitionMs,
    rdsStop: transitionMs,
    rdsStart: transitionMs,
    snapshot: transitionMs,
    eksUpdate: transitionMs,
    asgScale: transitionMs,
    rdsAutoRestart: SEVEN_DAYS_MS,
    terminatedVisible: 60 * 60 * 1000,
  };
}
