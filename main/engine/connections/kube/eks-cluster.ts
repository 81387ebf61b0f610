import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { KubeConfig, type User } from '@kubernetes/client-node';
import type { CloudProvider } from '../../../../shared/model';
import { awsClientConfig } from '../aws/aws-credentials';
import { createEksToken } from './eks-token';
import { KubeError, type KubeEndpoint } from '../../cloud-errors/kube-errors';

const AUTH_PROVIDER = 'hibernator-eks';
/** Tokens are good for 15 minutes; a fresh one is signed well before that. */
const TOKEN_REFRESH_MS = 10 * 60_000;

export interface EksClusterRef {
  name: string;
  region: string;
}

export interface EksOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

function awsFailure(error: unknown, what: string, provider: CloudProvider): KubeError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const status = (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
  const connection = `AWS connection "${provider.metadata.name}"`;
  if (
    name === 'CredentialsProviderError' ||
    name === 'ExpiredTokenException' ||
    name === 'InvalidClientTokenId' ||
    name === 'UnrecognizedClientException'
  ) {
    return new KubeError(
      'AWS_CREDENTIALS',
      `${connection} has no usable credentials (${message}): log in again (e.g. aws sso login) or fix the profile`,
      false,
    );
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || status === 403) {
    return new KubeError(
      'EKS_ACCESS_DENIED',
      `${what} was denied to ${connection}: grant it to that identity (${message})`,
      false,
    );
  }
  const transient =
    status === undefined
      ? /ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket/i.test(message)
      : status >= 500 || status === 429;
  return new KubeError(
    transient ? 'AWS_UNAVAILABLE' : 'AWS_REQUEST_FAILED',
    `${what} through ${connection} failed: ${message}`,
    transient,
  );
}

/** The pinned account (semantics.md section 1) is checked before any destructive call. */
async function checkPinnedAccount(
  provider: CloudProvider,
  config: ReturnType<typeof awsClientConfig>,
): Promise<void> {
  const pinned = provider.spec.aws.accountId;
  if (pinned === undefined) return;
  let account: string | undefined;
  try {
    account = (await new STSClient(config).send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    throw awsFailure(error, 'sts:GetCallerIdentity', provider);
  }
  if (account !== pinned) {
    throw new KubeError(
      'AWS_ACCOUNT_MISMATCH',
      `AWS connection "${provider.metadata.name}" is pinned to account ${pinned}, but its credentials belong to ${account ?? 'an unknown account'}: pick the right profile or fix accountId`,
      false,
    );
  }
}

/**
 * A client-node configuration for an EKS cluster: DescribeCluster (through the AWS connection)
 * gives the endpoint and CA; every request then carries a token made like `aws eks get-token`,
 * signed again before it gets old, so no `aws` binary and no exec plugin are involved.
 */
export async function resolveEksCluster(
  ref: EksClusterRef,
  provider: CloudProvider,
  options: EksOptions = {},
): Promise<{ kc: KubeConfig; endpoint: KubeEndpoint }> {
  const now = options.now ?? (() => new Date());
  const config = { ...awsClientConfig(provider, { env: options.env }), region: ref.region };
  await checkPinnedAccount(provider, config);
  let endpointUrl: string | undefined;
  let caData: string | undefined;
  try {
    const { cluster } = await new EKSClient(config).send(
      new DescribeClusterCommand({ name: ref.name }),
    );
    endpointUrl = cluster?.endpoint;
    caData = cluster?.certificateAuthority?.data;
  } catch (error) {
    const e = error as { name?: unknown };
    if (e.name === 'ResourceNotFoundException') {
      throw new KubeError(
        'EKS_CLUSTER_NOT_FOUND',
        `EKS cluster "${ref.name}" does not exist in ${ref.region} (AWS connection "${provider.metadata.name}"): check the name and region`,
        false,
      );
    }
    throw awsFailure(error, `eks:DescribeCluster on ${ref.name}`, provider);
  }
  if (!endpointUrl) {
    throw new KubeError(
      'EKS_CLUSTER_NOT_READY',
      `EKS cluster "${ref.name}" has no API endpoint yet (is it still being created?)`,
      true,
    );
  }
  const endpoint: KubeEndpoint = {
    server: endpointUrl,
    description: `EKS cluster "${ref.name}" (${ref.region}) through AWS connection "${provider.metadata.name}"`,
  };

  let cached: { token: string; signedAt: number } | undefined;
  const token = async (): Promise<string> => {
    const at = now();
    if (
      cached &&
      at.getTime() - cached.signedAt < TOKEN_REFRESH_MS &&
      at.getTime() >= cached.signedAt
    )
      return cached.token;
    try {
      const signed = await createEksToken({
        clusterName: ref.name,
        region: ref.region,
        credentials: config.credentials,
        now: at,
      });
      cached = { token: signed.token, signedAt: at.getTime() };
      return signed.token;
    } catch (error) {
      throw awsFailure(error, `signing a token for EKS cluster ${ref.name}`, provider);
    }
  };

  const kc = new KubeConfig();
  kc.addAuthenticator({
    isAuthProvider: (user: User) =>
      (user.authProvider as { name?: unknown } | undefined)?.name === AUTH_PROVIDER,
    applyAuthentication: async (_user, opts) => {
      opts.headers = { ...opts.headers, Authorization: `Bearer ${await token()}` };
    },
  });
  const contextName = `eks-${ref.name}`;
  kc.loadFromOptions({
    // A plain-http endpoint only happens with emulators; client-node refuses http unless TLS checks are off.
    clusters: [
      {
        name: contextName,
        server: endpointUrl,
        ...(caData ? { caData } : {}),
        skipTLSVerify: endpointUrl.startsWith('http:'),
      },
    ],
    users: [{ name: contextName, authProvider: { name: AUTH_PROVIDER, config: {} } }],
    contexts: [{ name: contextName, cluster: contextName, user: contextName }],
    currentContext: contextName,
  });
  return { kc, endpoint };
}
