import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  StartDBClusterCommand,
  StartDBInstanceCommand,
  StopDBClusterCommand,
  StopDBInstanceCommand,
  type CreateDBClusterSnapshotCommandInput,
  type CreateDBClusterSnapshotCommandOutput,
  type DescribeDBClustersCommandInput,
  type DescribeDBClustersCommandOutput,
  type DescribeDBInstancesCommandInput,
  type DescribeDBInstancesCommandOutput,
  type RDSClient,
  type StartDBClusterCommandInput,
  type StartDBClusterCommandOutput,
  type StartDBInstanceCommandInput,
  type StartDBInstanceCommandOutput,
  type StopDBClusterCommandInput,
  type StopDBClusterCommandOutput,
  type StopDBInstanceCommandInput,
  type StopDBInstanceCommandOutput,
} from '@aws-sdk/client-rds';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** Every RDS call the rds executor makes: its IAM surface (docs/aws.md). Tests replace it. */
export interface RdsApi {
  describeDBInstances(
    input: DescribeDBInstancesCommandInput,
  ): Promise<DescribeDBInstancesCommandOutput>;
  describeDBClusters(
    input: DescribeDBClustersCommandInput,
  ): Promise<DescribeDBClustersCommandOutput>;
  /** With `DBSnapshotIdentifier` AWS also checks rds:CreateDBSnapshot (docs/aws.md). */
  stopDBInstance(input: StopDBInstanceCommandInput): Promise<StopDBInstanceCommandOutput>;
  startDBInstance(input: StartDBInstanceCommandInput): Promise<StartDBInstanceCommandOutput>;
  createDBClusterSnapshot(
    input: CreateDBClusterSnapshotCommandInput,
  ): Promise<CreateDBClusterSnapshotCommandOutput>;
  stopDBCluster(input: StopDBClusterCommandInput): Promise<StopDBClusterCommandOutput>;
  startDBCluster(input: StartDBClusterCommandInput): Promise<StartDBClusterCommandOutput>;
}

export const RDS_IAM_ACTIONS: IamActions<RdsApi> = {
  describeDBInstances: 'rds:DescribeDBInstances',
  describeDBClusters: 'rds:DescribeDBClusters',
  stopDBInstance: 'rds:StopDBInstance',
  startDBInstance: 'rds:StartDBInstance',
  createDBClusterSnapshot: 'rds:CreateDBClusterSnapshot',
  stopDBCluster: 'rds:StopDBCluster',
  startDBCluster: 'rds:StartDBCluster',
};

export function rdsApiFrom(client: RDSClient, signal?: AbortSignal): RdsApi {
  const options = { abortSignal: signal };
  return {
    describeDBInstances: (input) => client.send(new DescribeDBInstancesCommand(input), options),
    describeDBClusters: (input) => client.send(new DescribeDBClustersCommand(input), options),
    stopDBInstance: (input) => client.send(new StopDBInstanceCommand(input), options),
    startDBInstance: (input) => client.send(new StartDBInstanceCommand(input), options),
    createDBClusterSnapshot: (input) =>
      client.send(new CreateDBClusterSnapshotCommand(input), options),
    stopDBCluster: (input) => client.send(new StopDBClusterCommand(input), options),
    startDBCluster: (input) => client.send(new StartDBClusterCommand(input), options),
  };
}

/** The SDK's RDS client behind the narrow type, or `open` (a test's fake). */
export function rdsApiSource(open?: AwsApiSource<RdsApi>['open']): AwsApiSource<RdsApi> {
  return {
    actions: RDS_IAM_ACTIONS,
    open: open ?? ((clients, signal) => rdsApiFrom(clients.rds, signal)),
  };
}
