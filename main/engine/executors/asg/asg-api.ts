import type {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommandInput,
  DescribeAutoScalingGroupsCommandOutput,
  UpdateAutoScalingGroupCommandInput,
  UpdateAutoScalingGroupCommandOutput,
} from '@aws-sdk/client-auto-scaling';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** The SDK module loads on the first call, so hosts that never touch AWS never load it (docs/cli.md). */
const sdk = () => import('@aws-sdk/client-auto-scaling');

/** Every Auto Scaling call the asg executor makes: its IAM surface (docs/aws.md). Tests replace it. */
export interface AsgApi {
  describeAutoScalingGroups(
    input: DescribeAutoScalingGroupsCommandInput,
  ): Promise<DescribeAutoScalingGroupsCommandOutput>;
  updateAutoScalingGroup(
    input: UpdateAutoScalingGroupCommandInput,
  ): Promise<UpdateAutoScalingGroupCommandOutput>;
}

export const ASG_IAM_ACTIONS: IamActions<AsgApi> = {
  describeAutoScalingGroups: 'autoscaling:DescribeAutoScalingGroups',
  updateAutoScalingGroup: 'autoscaling:UpdateAutoScalingGroup',
};

export function asgApiFrom(client: AutoScalingClient, signal?: AbortSignal): AsgApi {
  const options = { abortSignal: signal };
  return {
    describeAutoScalingGroups: async (input) =>
      client.send(new (await sdk()).DescribeAutoScalingGroupsCommand(input), options),
    updateAutoScalingGroup: async (input) =>
      client.send(new (await sdk()).UpdateAutoScalingGroupCommand(input), options),
  };
}

/** The SDK's Auto Scaling client behind the narrow type, or `open` (a test's fake). */
export function asgApiSource(open?: AwsApiSource<AsgApi>['open']): AwsApiSource<AsgApi> {
  return {
    actions: ASG_IAM_ACTIONS,
    open: open ?? ((clients, signal) => asgApiFrom(clients.autoscaling, signal)),
  };
}
