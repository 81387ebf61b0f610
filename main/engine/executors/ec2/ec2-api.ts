import {
  DescribeInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  type DescribeInstancesCommandInput,
  type DescribeInstancesCommandOutput,
  type EC2Client,
  type StartInstancesCommandInput,
  type StartInstancesCommandOutput,
  type StopInstancesCommandInput,
  type StopInstancesCommandOutput,
} from '@aws-sdk/client-ec2';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** Every EC2 call the ec2 executor makes: its IAM surface (docs/aws.md). Tests replace it. */
export interface Ec2Api {
  describeInstances(input: DescribeInstancesCommandInput): Promise<DescribeInstancesCommandOutput>;
  stopInstances(input: StopInstancesCommandInput): Promise<StopInstancesCommandOutput>;
  startInstances(input: StartInstancesCommandInput): Promise<StartInstancesCommandOutput>;
}

export const EC2_IAM_ACTIONS: IamActions<Ec2Api> = {
  describeInstances: 'ec2:DescribeInstances',
  stopInstances: 'ec2:StopInstances',
  startInstances: 'ec2:StartInstances',
};

export function ec2ApiFrom(client: EC2Client, signal?: AbortSignal): Ec2Api {
  const options = { abortSignal: signal };
  return {
    describeInstances: (input) => client.send(new DescribeInstancesCommand(input), options),
    stopInstances: (input) => client.send(new StopInstancesCommand(input), options),
    startInstances: (input) => client.send(new StartInstancesCommand(input), options),
  };
}

/** The SDK's EC2 client behind the narrow type, or `open` (a test's fake). */
export function ec2ApiSource(open?: AwsApiSource<Ec2Api>['open']): AwsApiSource<Ec2Api> {
  return {
    actions: EC2_IAM_ACTIONS,
    open: open ?? ((clients, signal) => ec2ApiFrom(clients.ec2, signal)),
  };
}
