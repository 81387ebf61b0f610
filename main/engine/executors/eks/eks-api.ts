import {
  DescribeNodegroupCommand,
  ListNodegroupsCommand,
  UpdateNodegroupConfigCommand,
  type DescribeNodegroupCommandInput,
  type DescribeNodegroupCommandOutput,
  type EKSClient,
  type ListNodegroupsCommandInput,
  type ListNodegroupsCommandOutput,
  type UpdateNodegroupConfigCommandInput,
  type UpdateNodegroupConfigCommandOutput,
} from '@aws-sdk/client-eks';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** Every EKS call the eks executor makes: its IAM surface (docs/aws.md). Tests replace it. */
export interface EksApi {
  listNodegroups(input: ListNodegroupsCommandInput): Promise<ListNodegroupsCommandOutput>;
  describeNodegroup(input: DescribeNodegroupCommandInput): Promise<DescribeNodegroupCommandOutput>;
  updateNodegroupConfig(
    input: UpdateNodegroupConfigCommandInput,
  ): Promise<UpdateNodegroupConfigCommandOutput>;
}

export const EKS_IAM_ACTIONS: IamActions<EksApi> = {
  listNodegroups: 'eks:ListNodegroups',
  describeNodegroup: 'eks:DescribeNodegroup',
  updateNodegroupConfig: 'eks:UpdateNodegroupConfig',
};

export function eksApiFrom(client: EKSClient, signal?: AbortSignal): EksApi {
  const options = { abortSignal: signal };
  return {
    listNodegroups: (input) => client.send(new ListNodegroupsCommand(input), options),
    describeNodegroup: (input) => client.send(new DescribeNodegroupCommand(input), options),
    updateNodegroupConfig: (input) => client.send(new UpdateNodegroupConfigCommand(input), options),
  };
}

/** The SDK's EKS client behind the narrow type, or `open` (a test's fake). */
export function eksApiSource(open?: AwsApiSource<EksApi>['open']): AwsApiSource<EksApi> {
  return {
    actions: EKS_IAM_ACTIONS,
    open: open ?? ((clients, signal) => eksApiFrom(clients.eks, signal)),
  };
}
