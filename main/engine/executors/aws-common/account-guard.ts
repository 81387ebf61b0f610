import { ExecutorError, type ExecutorContext } from '../executor';
import { openAwsTarget, type AwsApiSource, type AwsCalls, type AwsTarget } from './aws-target';

/**
 * Every verb of every AWS executor (discover, shutdown, wakeUp, keepAsleep) starts here: it opens
 * the target's AWS connection and checks the pinned account before `work` lists or changes
 * anything, so no executor can forget the check. `source` gives the executor's narrow client.
 */
export async function withAwsTarget<Api extends AwsCalls<Api>, T>(
  ctx: ExecutorContext,
  source: AwsApiSource<Api>,
  work: (target: AwsTarget<Api>) => Promise<T>,
): Promise<T> {
  const target = await openAwsTarget(ctx, source);
  await assertPinnedAccount(target);
  return work(target);
}

/**
 * The pinned account (semantics.md section 1): when a connection names `accountId`,
 * `sts:GetCallerIdentity` must return it before anything is changed, or the target fails with
 * a message that says which account the credentials really reach. The answer is cached per
 * client set for a few minutes (aws-clients.ts), so a plan of twenty targets asks once.
 */
async function assertPinnedAccount(target: AwsTarget): Promise<void> {
  const pinned = target.connection.spec.aws.accountId;
  if (pinned === undefined) return;
  const identity = await target.call('sts:GetCallerIdentity', () =>
    target.clients.callerIdentity(),
  );
  if (identity.account !== pinned) {
    throw new ExecutorError(
      'WRONG_ACCOUNT',
      `connection "${target.connection.metadata.name}" is pinned to AWS account ${pinned}, but ${target.who} reaches account ${identity.account} (${identity.arn}); nothing was changed: fix the profile or the pinned accountId`,
    );
  }
}
