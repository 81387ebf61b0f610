import type {
  DescribeNodegroupCommandInput,
  DescribeNodegroupCommandOutput,
  EKSClient,
  ListNodegroupsCommandInput,
  ListNodegroupsCommandOutput,
  UpdateNodegroupConfigCommandInput,
  UpdateNodegroupConfigCommandOutput,
} from '@aws-sdk/client-eks';
import type { AwsApiSource, IamActions } from '../aws-common/aws-target';

/** The SDK module loads on the first call, so hosts that never touch AWS never load it (docs/cli.md). */
const sdk = () => import('@aws-sdk/client-eks');

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
    listNodegroups: async (input) =>
      client.send(new (await sdk()).ListNodegroupsCommand(input), options),
    describeNodegroup: async (input) =>
      client.send(new (await sdk()).DescribeNodegroupCommand(input), options),
    updateNodegroupConfig: async (input) =>
      client.send(new (await sdk()).UpdateNodegroupConfigCommand(input), options),
  };
}

/** The SDK's EKS client behind the narrow type, or `open` (a test's fake). */
export function eksApiSource(open?: AwsApiSource<EksApi>['open']): AwsApiSource<EksApi> {
  return {
    actions: EKS_IAM_ACTIONS,
    open: open ?? ((clients, signal) => eksApiFrom(clients.eks, signal)),
  };
}
