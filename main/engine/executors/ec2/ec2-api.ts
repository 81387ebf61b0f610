import type {
  DescribeInstanceAttributeCommandInput,
  DescribeInstanceAttributeCommandOutput,
  DescribeSpotInstanceRequestsCommandInput,
  DescribeSpotInstanceRequestsCommandOutput,
  DescribeInstancesCommandInput,
  DescribeInstancesCommandOutput,
  EC2Client,
  StartInstancesCommandInput,
  StartInstancesCommandOutput,
  StopInstancesCommandInput,
  StopInstancesCommandOutput,
} from '@aws-sdk/client-ec2';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** The SDK module loads on the first call, so hosts that never touch AWS never load it (docs/cli.md). */
const sdk = () => import('@aws-sdk/client-ec2');

/** Every EC2 call the ec2 executor makes: its IAM surface (docs/aws.md). Tests replace it. */
export interface Ec2Api {
  describeInstances(input: DescribeInstancesCommandInput): Promise<DescribeInstancesCommandOutput>;
  stopInstances(input: StopInstancesCommandInput): Promise<StopInstancesCommandOutput>;
  startInstances(input: StartInstancesCommandInput): Promise<StartInstancesCommandOutput>;
  /** Only for Spot Instances: a one-time request cannot be stopped, a persistent one can. */
  describeSpotInstanceRequests(
    input: DescribeSpotInstanceRequestsCommandInput,
  ): Promise<DescribeSpotInstanceRequestsCommandOutput>;
  /** `disableApiStop`, one call per instance: only in the dry run, for a bounded number of instances. */
  describeInstanceAttribute(
    input: DescribeInstanceAttributeCommandInput,
  ): Promise<DescribeInstanceAttributeCommandOutput>;
}

export const EC2_IAM_ACTIONS: IamActions<Ec2Api> = {
  describeInstances: 'ec2:DescribeInstances',
  stopInstances: 'ec2:StopInstances',
  startInstances: 'ec2:StartInstances',
  describeSpotInstanceRequests: 'ec2:DescribeSpotInstanceRequests',
  describeInstanceAttribute: 'ec2:DescribeInstanceAttribute',
};

export function ec2ApiFrom(client: EC2Client, signal?: AbortSignal): Ec2Api {
  const options = { abortSignal: signal };
  return {
    describeInstances: async (input) =>
      client.send(new (await sdk()).DescribeInstancesCommand(input), options),
    stopInstances: async (input) =>
      client.send(new (await sdk()).StopInstancesCommand(input), options),
    startInstances: async (input) =>
      client.send(new (await sdk()).StartInstancesCommand(input), options),
    describeSpotInstanceRequests: async (input) =>
      client.send(new (await sdk()).DescribeSpotInstanceRequestsCommand(input), options),
    describeInstanceAttribute: async (input) =>
      client.send(new (await sdk()).DescribeInstanceAttributeCommand(input), options),
  };
}

/** The SDK's EC2 client behind the narrow type, or `open` (a test's fake). */
export function ec2ApiSource(open?: AwsApiSource<Ec2Api>['open']): AwsApiSource<Ec2Api> {
  return {
    actions: EC2_IAM_ACTIONS,
    open: open ?? ((clients, signal) => ec2ApiFrom(clients.ec2, signal)),
  };
}
