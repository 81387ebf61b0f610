import type { AwsProfileInfo, ConnectionTestResult } from '../../../../shared/api/contract';
import type { CloudProvider, Connection } from '../../../../shared/model';
import { classifyAwsError, whoOf } from '../../cloud-errors/aws-errors';
import { createAwsClientSet, type AwsClientOptions } from './aws-clients';
import { awsConfigPaths, findAwsProfile, listAwsProfiles } from './aws-profiles';

/** The AWS half of ConnectionTools; the lead joins it with the Kubernetes half. */
export interface AwsConnectionTools {
  testConnection(
    connection: Connection,
    all?: readonly Connection[],
  ): Promise<ConnectionTestResult>;
  listAwsProfiles(): Promise<AwsProfileInfo[]>;
}

export type AwsConnectionToolsOptions = Pick<AwsClientOptions, 'env' | 'requestTimeoutMs'>;

/**
 * "Test connection" for a CloudProvider: is the profile there, do its credentials resolve, which
 * account and identity do they reach, and is that the pinned account. Each test builds fresh
 * clients, so a user who just ran `aws sso login` sees the result at once.
 */
export function createAwsConnectionTools(
  options: AwsConnectionToolsOptions = {},
): AwsConnectionTools {
  const env = options.env ?? process.env;
  return {
    listAwsProfiles: () => listAwsProfiles(env),
    async testConnection(connection) {
      if (connection.kind !== 'CloudProvider') {
        return fail(
          connection,
          'NOT_AWS',
          `"${connection.metadata.name}" is a ${connection.kind}; the AWS connection test only handles CloudProvider connections`,
        );
      }
      return testCloudProvider(connection, env, options);
    },
  };
}

function fail(
  connection: Connection,
  code: string,
  message: string,
  extra: Partial<ConnectionTestResult> = {},
): ConnectionTestResult {
  return {
    connection: connection.metadata.name,
    kind: connection.kind,
    ok: false,
    code,
    message,
    ...extra,
  };
}

async function testCloudProvider(
  connection: CloudProvider,
  env: NodeJS.ProcessEnv,
  options: AwsConnectionToolsOptions,
): Promise<ConnectionTestResult> {
  const aws = connection.spec.aws;
  if (aws.profile !== undefined && (await findAwsProfile(aws.profile, env)) === undefined) {
    const paths = awsConfigPaths(env);
    return fail(
      connection,
      'PROFILE_NOT_FOUND',
      `AWS profile '${aws.profile}' was not found in ${paths.config} or ${paths.credentials}: run \`aws configure --profile ${aws.profile}\` (or \`aws configure sso\`) or pick another profile`,
    );
  }
  const clients = await createAwsClientSet(connection, {
    env,
    retry: { maxAttempts: 1 },
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  try {
    const identity = await clients.callerIdentity({ fresh: true });
    const where = `${whoOf({ profile: aws.profile })}${aws.assumeRoleArn ? ` via role ${aws.assumeRoleArn}` : ''}, ${aws.region}`;
    if (aws.accountId !== undefined && identity.account !== aws.accountId) {
      return fail(
        connection,
        'WRONG_ACCOUNT',
        `these credentials reach account ${identity.account} (${identity.arn}), but the connection is pinned to ${aws.accountId}: pick the profile of account ${aws.accountId} or fix accountId`,
        { account: identity.account, arn: identity.arn },
      );
    }
    return {
      connection: connection.metadata.name,
      kind: connection.kind,
      ok: true,
      message: `account ${identity.account} as ${identity.arn} (${where})${aws.accountId !== undefined ? '; the pinned account matches' : ''}`,
      account: identity.account,
      arn: identity.arn,
    };
  } catch (error) {
    const c = classifyAwsError(error, { action: 'sts:GetCallerIdentity', profile: aws.profile });
    return fail(connection, c.code, c.message);
  } finally {
    clients.destroy();
  }
}
