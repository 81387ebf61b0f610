import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { STSClient } from '@aws-sdk/client-sts';
import type { CloudProvider, Connection } from '../../../../shared/model';
import { CodedError } from '../../errors/coded-error';

/** The kind string executors pass to `ctx.clients.get('aws', connection)`. */
export const AWS_CLIENTS_KIND = 'aws';

export interface AwsCallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** Retries of throttling, 5xx and network errors (full-jitter exponential backoff). */
export interface AwsRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: AwsRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 300,
  maxDelayMs: 15_000,
};
/** How long a GetCallerIdentity answer stands in for the pinned-account check. */
export const DEFAULT_IDENTITY_TTL_MS = 5 * 60_000;

/**
 * One set of SDK clients per (profile, region, role, endpoint): the same credentials, the same
 * endpoint, one memoised credential resolution, one cached caller identity.
 */
export interface AwsClients {
  readonly key: string;
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly assumeRoleArn: string | undefined;
  readonly ec2: EC2Client;
  readonly rds: RDSClient;
  readonly eks: EKSClient;
  readonly autoscaling: AutoScalingClient;
  readonly sts: STSClient;
  readonly retry: AwsRetryPolicy;
  /** GetCallerIdentity, answered from the cache when younger than the TTL (unless `fresh`). */
  callerIdentity(options?: { fresh?: boolean }): Promise<AwsCallerIdentity>;
  /** The last identity seen, without a call (for messages). */
  knownIdentity(): AwsCallerIdentity | undefined;
  destroy(): void;
}

export interface AwsClientOptions {
  /** The login-shell environment (see shell-env.ts); default process.env. */
  env?: NodeJS.ProcessEnv;
  retry?: Partial<AwsRetryPolicy>;
  identityTtlMs?: number;
  /** Wall clock for the caches (tests). */
  now?: () => number;
  /** Per-request socket timeout; a hung connection becomes a retried TimeoutError. */
  requestTimeoutMs?: number;
}

export function clientSetKey(provider: CloudProvider): string {
  const aws = provider.spec.aws;
  return JSON.stringify([
    aws.profile ?? '',
    aws.region,
    aws.assumeRoleArn ?? '',
    aws.endpoint ?? '',
  ]);
}

/**
 * The SDK client packages and the credential chain, loaded on first use: they take seconds and
 * hundreds of MB to load, and most CLI commands (and an app with no AWS connection) never call AWS.
 */
async function loadAwsSdk() {
  const [autoScaling, ec2, eks, rds, sts, credentials] = await Promise.all([
    import('@aws-sdk/client-auto-scaling'),
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-eks'),
    import('@aws-sdk/client-rds'),
    import('@aws-sdk/client-sts'),
    import('./aws-credentials'),
  ]);
  return {
    AutoScalingClient: autoScaling.AutoScalingClient,
    EC2Client: ec2.EC2Client,
    EKSClient: eks.EKSClient,
    RDSClient: rds.RDSClient,
    STSClient: sts.STSClient,
    GetCallerIdentityCommand: sts.GetCallerIdentityCommand,
    awsClientConfig: credentials.awsClientConfig,
  };
}
type AwsSdk = Awaited<ReturnType<typeof loadAwsSdk>>;

export async function createAwsClientSet(
  provider: CloudProvider,
  options: AwsClientOptions = {},
): Promise<AwsClients> {
  return makeClientSet(await loadAwsSdk(), provider, options);
}

function makeClientSet(
  {
    AutoScalingClient,
    EC2Client,
    EKSClient,
    RDSClient,
    STSClient,
    GetCallerIdentityCommand,
    awsClientConfig,
  }: AwsSdk,
  provider: CloudProvider,
  options: AwsClientOptions,
): AwsClients {
  const now = options.now ?? Date.now;
  const base = awsClientConfig(provider, { ...(options.env ? { env: options.env } : {}), now });
  const timeout = options.requestTimeoutMs ?? 30_000;
  const config = {
    ...base,
    requestHandler: {
      requestTimeout: timeout,
      connectionTimeout: Math.min(timeout, 10_000),
      // Without it the SDK only logs a warning when the timeout passes and keeps waiting: a hung
      // endpoint would hold the target forever instead of failing as a retryable TimeoutError.
      throwOnRequestTimeout: true,
    },
  };
  const ttl = options.identityTtlMs ?? DEFAULT_IDENTITY_TTL_MS;
  const sts = new STSClient(config);
  let identity: { value: AwsCallerIdentity; at: number } | undefined;
  let inFlight: Promise<AwsCallerIdentity> | undefined;
  const aws = provider.spec.aws;
  const clients: AwsClients = {
    key: clientSetKey(provider),
    profile: aws.profile,
    region: aws.region,
    endpoint: aws.endpoint,
    assumeRoleArn: aws.assumeRoleArn,
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    eks: new EKSClient(config),
    autoscaling: new AutoScalingClient(config),
    sts,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    async callerIdentity(opts = {}) {
      if (!opts.fresh && identity !== undefined && now() - identity.at < ttl) return identity.value;
      if (inFlight !== undefined) return inFlight;
      inFlight = (async () => {
        const answer = await sts.send(new GetCallerIdentityCommand({}));
        const value = {
          account: answer.Account ?? '',
          arn: answer.Arn ?? '',
          userId: answer.UserId ?? '',
        };
        identity = { value, at: now() };
        return value;
      })();
      try {
        return await inFlight;
      } finally {
        inFlight = undefined;
      }
    },
    knownIdentity: () => identity?.value,
    destroy() {
      for (const c of [clients.ec2, clients.rds, clients.eks, clients.autoscaling, sts])
        c.destroy();
    },
  };
  return clients;
}

export interface AwsClientProvider {
  /** `get('aws', connection)`: the cached client set of a CloudProvider connection. */
  get<T>(kind: string, connection: Connection | null): Promise<T>;
  /** The same, typed, for code that knows it holds a CloudProvider. */
  clientsFor(provider: CloudProvider): Promise<AwsClients>;
  /** Destroys every client (engine shutdown, tests). */
  close(): void;
}

/**
 * The AWS part of the engine's ClientProvider. The lead's provider dispatches `kind === 'aws'`
 * here; anything else is not ours and is refused with a clear error.
 */
export function createAwsClientProvider(options: AwsClientOptions = {}): AwsClientProvider {
  const cache = new Map<string, AwsClients>();
  const clientsFor = async (provider: CloudProvider): Promise<AwsClients> => {
    const key = clientSetKey(provider);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const sdk = await loadAwsSdk();
    // Looked up again: a concurrent caller may have made the set while the SDK loaded.
    let set = cache.get(key);
    if (set === undefined) {
      set = makeClientSet(sdk, provider, options);
      cache.set(key, set);
    }
    return set;
  };
  return {
    clientsFor,
    async get<T>(kind: string, connection: Connection | null): Promise<T> {
      if (kind !== AWS_CLIENTS_KIND)
        throw new CodedError(
          'NO_CLIENTS',
          `no "${kind}" clients here: the AWS client provider only serves "${AWS_CLIENTS_KIND}"`,
        );
      if (connection === null || connection.kind !== 'CloudProvider') {
        throw new CodedError(
          'CONNECTION_KIND',
          `AWS clients need a CloudProvider connection${connection === null ? '' : `, not the ${connection.kind} "${connection.metadata.name}"`}`,
        );
      }
      return (await clientsFor(connection)) as unknown as T;
    },
    close() {
      for (const set of cache.values()) set.destroy();
      cache.clear();
    },
  };
}
