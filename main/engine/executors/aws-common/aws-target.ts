import type { CloudProvider } from '../../../../shared/model';
import { AWS_CLIENTS_KIND, type AwsClients } from '../../connections/aws/aws-clients';
import { ExecutorError, type ExecutorContext } from '../executor';
import { classifyAwsError, whoOf } from '../../cloud-errors/aws-errors';

/**
 * What every AWS executor works with: the context, the connection and its client set, and
 * `call`, which wraps each SDK call with retries and turns failures into classified errors
 * that name the IAM action and the profile.
 */
export interface AwsTarget {
  readonly ctx: ExecutorContext;
  readonly connection: CloudProvider;
  readonly clients: AwsClients;
  /** "profile 'dev'" */
  readonly who: string;
  call<T>(action: string, send: () => Promise<T>): Promise<T>;
}

export async function openAwsTarget(ctx: ExecutorContext): Promise<AwsTarget> {
  const connection = ctx.connection;
  if (connection === null || connection.kind !== 'CloudProvider') {
    throw new ExecutorError(
      'CONNECTION_KIND',
      `target ${ctx.target} needs an AWS connection (CloudProvider): set connectorRef to one`,
    );
  }
  const clients = await ctx.clients.get<AwsClients>(AWS_CLIENTS_KIND, connection);
  const who = whoOf({ profile: clients.profile });
  return {
    ctx,
    connection,
    clients,
    who,
    call: (action, send) => callWithRetry(ctx, clients, action, send),
  };
}

/** Full jitter: a random delay up to base × 2^attempt, capped (the AWS SDKs' own choice). */
export function backoffMs(
  attempt: number,
  base: number,
  cap: number,
  random: () => number = Math.random,
): number {
  return Math.round(random() * Math.min(cap, base * 2 ** attempt));
}

export async function callWithRetry<T>(
  ctx: ExecutorContext,
  clients: AwsClients,
  action: string,
  send: () => Promise<T>,
): Promise<T> {
  const policy = clients.retry;
  for (let attempt = 0; ; attempt += 1) {
    if (ctx.signal.aborted) throw new ExecutorError('ABORTED', 'the operation was cancelled', true);
    try {
      return await send();
    } catch (error) {
      const classified = classifyAwsError(error, {
        action,
        profile: clients.profile,
        arn: clients.knownIdentity()?.arn,
      });
      if (
        !classified.transient ||
        attempt + 1 >= policy.maxAttempts ||
        classified.code === 'ABORTED'
      ) {
        throw new ExecutorError(classified.code, classified.message, classified.transient);
      }
      const delay = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs);
      ctx.logger.info('retrying AWS call', {
        action,
        code: classified.code,
        attempt: attempt + 1,
        delayMs: delay,
      });
      await ctx.sleep(delay);
    }
  }
}
