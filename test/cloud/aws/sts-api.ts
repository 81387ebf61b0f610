import { AwsError } from './aws-error';
import type { QueryCall, QueryService } from './service-context';
import { leaf, xml } from './xml';

/** STS (awsQuery, Version 2011-06-15): GetCallerIdentity and AssumeRole. */
function getCallerIdentity({ identity }: QueryCall): string {
  return (
    leaf('Arn', identity.arn) +
    leaf('UserId', identity.userId) +
    leaf('Account', identity.accountId)
  );
}

function assumeRole({ params, identity, identities, world }: QueryCall): string {
  const roleArn = params.require('RoleArn', 'ValidationError');
  const sessionName = params.require('RoleSessionName', 'ValidationError');
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  if (!/^arn:aws:iam::\d{12}:role\/.+$/.test(roleArn)) {
    throw new AwsError('ValidationError', `${roleArn} is invalid`);
  }
  const duration = params.int('DurationSeconds') ?? 3600;
  if (duration < 900 || duration > 43200) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${duration < 900 ? 'greater than or equal to 900' : 'less than or equal to 43200'}`,
    );
  }
  const role = identities.role(roleArn);
  const refused = new AwsError(
    'AccessDenied',
    `User: ${identity.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );
  // An unknown role and an untrusted caller look the same from outside, as in AWS.
  if (role === undefined) throw refused;
  if (role.trustedAccounts.length > 0 && !role.trustedAccounts.includes(identity.accountId))
    throw refused;
  if (role.externalId !== undefined && params.get('ExternalId') !== role.externalId) throw refused;
  if (duration > role.maxSessionDuration) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const expiresAt = world.now() + duration * 1000;
  const session = {
    accessKeyId: world.ids.temporaryAccessKeyId(),
    secretAccessKey: world.ids.secretAccessKey(),
    sessionToken: world.ids.sessionToken(),
    expiresAt,
    role,
    sessionName,
  };
  identities.addSession(session);
  return [
    xml(
      'Credentials',
      leaf('AccessKeyId', session.accessKeyId),
      leaf('SecretAccessKey', session.secretAccessKey),
      leaf('SessionToken', session.sessionToken),
      leaf('Expiration', new Date(expiresAt)),
    ),
    xml(
      'AssumedRoleUser',
      leaf('AssumedRoleId', `${role.roleId}:${sessionName}`),
      leaf('Arn', `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`),
    ),
  ].join('');
}

export const stsService: QueryService = {
  protocol: 'query',
  namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  handlers: {
    GetCallerIdentity: getCallerIdentity,
    AssumeRole: assumeRole,
  },
};
