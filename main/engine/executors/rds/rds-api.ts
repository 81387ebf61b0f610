import type {
  CreateDBClusterSnapshotCommandInput,
  CreateDBClusterSnapshotCommandOutput,
  DescribeDBClustersCommandInput,
  DescribeDBClustersCommandOutput,
  DescribeDBInstancesCommandInput,
  DescribeDBInstancesCommandOutput,
  RDSClient,
  StartDBClusterCommandInput,
  StartDBClusterCommandOutput,
  StartDBInstanceCommandInput,
  StartDBInstanceCommandOutput,
  StopDBClusterCommandInput,
  StopDBClusterCommandOutput,
  StopDBInstanceCommandInput,
  StopDBInstanceCommandOutput,
} from '@aws-sdk/client-rds';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** The SDK module loads on the first call, so hosts that never touch AWS never load it (docs/cli.md). */
const sdk = () => import('@aws-sdk/client-rds');

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
    describeDBInstances: async (input) =>
      client.send(new (await sdk()).DescribeDBInstancesCommand(input), options),
    describeDBClusters: async (input) =>
      client.send(new (await sdk()).DescribeDBClustersCommand(input), options),
    stopDBInstance: async (input) =>
      client.send(new (await sdk()).StopDBInstanceCommand(input), options),
    startDBInstance: async (input) =>
      client.send(new (await sdk()).StartDBInstanceCommand(input), options),
    createDBClusterSnapshot: async (input) =>
      client.send(new (await sdk()).CreateDBClusterSnapshotCommand(input), options),
    stopDBCluster: async (input) =>
      client.send(new (await sdk()).StopDBClusterCommand(input), options),
    startDBCluster: async (input) =>
      client.send(new (await sdk()).StartDBClusterCommand(input), options),
  };
}

/** The SDK's RDS client behind the narrow type, or `open` (a test's fake). */
export function rdsApiSource(open?: AwsApiSource<RdsApi>['open']): AwsApiSource<RdsApi> {
  return {
    actions: RDS_IAM_ACTIONS,
    open: open ?? ((clients, signal) => rdsApiFrom(clients.rds, signal)),
  };
}
