import type { CloudProvider } from '../../../../shared/model';
import { AWS_CLIENTS_KIND, type AwsClients } from '../../connections/aws/aws-clients';
import { ExecutorError, type ExecutorContext } from '../executor';
import { classifyAwsError, whoOf } from '../../cloud-errors/aws-errors';

/** One AWS call with retries, its failure classified and named by the IAM action it needs. */
export type AwsCall = <T>(action: string, send: () => Promise<T>) => Promise<T>;

/** An executor's narrow client: only methods that take one input and answer one promise. */
export type AwsCalls<Api> = { [K in keyof Api]: (input: never) => Promise<unknown> };

/** Per method of a narrow client, the IAM action it needs: docs/aws.md lists exactly these. */
export type IamActions<Api> = { readonly [K in keyof Api]: string };

/**
 * Where an executor's narrow client comes from: the SDK adapter in production, a fake in its
 * unit tests (the executor's `api` option). `open` gets the target's client set and abort signal.
 */
export interface AwsApiSource<Api extends AwsCalls<Api>> {
  readonly actions: IamActions<Api>;
  open(clients: AwsClients, signal: AbortSignal): Api;
}

/**
 * What every AWS executor works with: the context, the connection, and its narrow client `api`,
 * each call of which is retried and turns failures into classified errors that name the IAM
 * action and the profile. `call` does the same for a call outside the narrow client.
 */
export interface AwsTarget<Api = unknown> {
  readonly ctx: ExecutorContext;
  readonly connection: CloudProvider;
  readonly clients: AwsClients;
  /** "profile 'dev'" */
  readonly who: string;
  readonly call: AwsCall;
  readonly api: Api;
}

export async function openAwsTarget<Api extends AwsCalls<Api>>(
  ctx: ExecutorContext,
  source: AwsApiSource<Api>,
): Promise<AwsTarget<Api>> {
  const connection = ctx.connection;
  if (connection === null || connection.kind !== 'CloudProvider') {
    throw new ExecutorError(
      'CONNECTION_KIND',
      `target ${ctx.target} needs an AWS connection (CloudProvider): set connectorRef to one`,
    );
  }
  const clients = await ctx.clients.get<AwsClients>(AWS_CLIENTS_KIND, connection);
  const who = whoOf({ profile: clients.profile });
  const call: AwsCall = (action, send) => callWithRetry(ctx, clients, action, send);
  return {
    ctx,
    connection,
    clients,
    who,
    call,
    api: withRetries(source.open(clients, ctx.signal), source.actions, call),
  };
}

/** The narrow client with every method going through `call` under its IAM action. */
export function withRetries<Api extends AwsCalls<Api>>(
  api: Api,
  actions: IamActions<Api>,
  call: AwsCall,
): Api {
  const keys = Object.keys(actions) as Array<keyof Api & string>;
  const wrapped = Object.fromEntries(
    keys.map((key) => [key, (input: never) => call(actions[key], () => api[key](input))]),
  );
  // Each wrapper answers what the method answers: the map keeps every key of Api.
  return wrapped as unknown as Api;
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
