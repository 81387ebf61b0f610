import { z } from 'zod';
import { parameterSchemas, type Ec2Parameters } from '../../../../shared/model';
import type { LoadedRestorePoint } from '../../restore/restore-store';
import { ExecutorError, type Executor, type ExecutorContext } from '../executor';
import { withAwsTarget } from '../aws-common/account-guard';
import { classifyAwsError } from '../../cloud-errors/aws-errors';
import type { AwsApiSource, AwsTarget } from '../aws-common/aws-target';
import { ec2ApiSource, type Ec2Api } from './ec2-api';
import {
  awaitSettings,
  preconditionWait,
  waitUntil,
  type Pending,
} from '../aws-common/await-completion';
import { EC2_BATCH_SIZE, chunk, listNames, plural } from '../aws-common/batching';
import { pollInterval, type AwsExecutorOptions } from '../aws-common/executor-options';
import { splitOnRefusal, type Refused } from '../aws-common/refusals';
import {
  addStopProtection,
  decide,
  describeByIds,
  selectInstances,
  type Ec2Decision,
  type Ec2Instance,
} from './ec2-inventory';

export const Ec2StateSchema = z.object({
  wasRunning: z.boolean(),
  instanceType: z.string().optional(),
  name: z.string().optional(),
});
export type Ec2State = z.infer<typeof Ec2StateSchema>;

export const EC2_DEFAULT_TIMEOUT_MS = 5 * 60_000;

function stateOf(i: Ec2Instance, wasRunning: boolean): Ec2State {
  return {
    wasRunning,
    ...(i.instanceType ? { instanceType: i.instanceType } : {}),
    ...(i.name ? { name: i.name } : {}),
  };
}

/** Instances not yet in `desired` (gone ones count as done: there is nothing left to wait for). */
async function notYet(
  target: AwsTarget<Ec2Api>,
  ids: readonly string[],
  desired: string,
): Promise<Pending[]> {
  const found = await describeByIds(target, ids);
  return [...found.values()]
    .filter((i) => i.state !== desired && i.state !== 'terminated')
    .map((i) => ({ id: i.id, state: i.state }));
}

/** The instances as they are now, after waiting for any that are `pending` to come up (they cannot be stopped before). */
async function settledSelection(
  target: AwsTarget<Ec2Api>,
  params: Ec2Parameters,
  options: AwsExecutorOptions,
): Promise<Ec2Instance[]> {
  const instances = await selectInstances(target, params.selector);
  const pending = instances.filter((i) => i.state === 'pending').map((i) => i.id);
  if (pending.length === 0) return instances;
  const settings = preconditionWait(
    awaitSettings(params.awaitCompletion, EC2_DEFAULT_TIMEOUT_MS),
    EC2_DEFAULT_TIMEOUT_MS,
  );
  await waitUntil({
    ctx: target.ctx,
    ...settings,
    intervalMs: pollInterval(options),
    desired: 'running',
    noun: 'instance',
    check: () => notYet(target, pending, 'running'),
  });
  return selectInstances(target, params.selector);
}

/**
 * StopInstances in batches of 1,000. EC2 refuses a whole batch for one instance it cannot stop
 * (UnsupportedOperation, OperationNotPermitted, IncorrectInstanceState, …): such a batch is split
 * until the refused instances are alone, the others are stopped, and the refused ones returned.
 */
async function stopBatches(
  target: AwsTarget<Ec2Api>,
  ids: string[],
  hibernate: boolean,
): Promise<Array<Refused<string>>> {
  const refused: Array<Refused<string>> = [];
  for (const batch of chunk(ids, EC2_BATCH_SIZE)) {
    refused.push(
      ...(await splitOnRefusal(batch, async (part) => {
        await target.api.stopInstances({
          InstanceIds: part,
          ...(hibernate ? { Hibernate: true } : {}),
        });
      })),
    );
  }
  return refused;
}

/**
 * ec2 (semantics.md section 7): stops (or hibernates) the selected running instances and starts
 * exactly those again. Instances owned by an Auto Scaling group, an EKS node group or Karpenter,
 * and opted-out ones, are skipped with the reason.
 */
export interface Ec2ExecutorOptions extends AwsExecutorOptions {
  /** Opens the narrow EC2 client (a test's fake); default: the SDK's. */
  api?: AwsApiSource<Ec2Api>['open'];
}

export function createEc2Executor(options: Ec2ExecutorOptions = {}): Executor<Ec2Parameters> {
  const api = ec2ApiSource(options.api);
  return {
    type: 'ec2',
    connectionKind: 'CloudProvider',
    parameterSchema: parameterSchemas.ec2,
    stateSchema: Ec2StateSchema,

    discover: (params, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const instances = await selectInstances(target, params.selector);
        // Stop protection is only visible per instance: the dry run asks for those it would stop.
        await addStopProtection(
          target,
          instances.filter((i) => decide(i, params.hibernate === true).action !== 'skip'),
        );
        return instances
          .map((i) => decide(i, params.hibernate === true))
          .map((d) => ({ key: d.instance.id, action: d.action, description: d.description }));
      }),

    shutdown: (params, ctx, report) =>
      withAwsTarget(ctx, api, async (target) => {
        const decisions = (await settledSelection(target, params, options)).map((i) =>
          decide(i, params.hibernate === true),
        );
        const ids = (action: Ec2Decision['action']): string[] =>
          decisions.filter((d) => d.action === action).map((d) => d.instance.id);
        const toHibernate = ids('hibernate');
        const toStop = ids('stop');
        // Write-ahead: every instance we will stop (live) and every one already stopped (not live).
        await report(
          decisions
            .filter((d) => d.capture)
            .map((d) => ({
              key: d.instance.id,
              state: stateOf(d.instance, d.action !== 'skip'),
              isLive: d.action !== 'skip',
            })),
        );
        const notes: string[] = [];
        const refused: Array<Refused<string>> = [];
        try {
          refused.push(...(await stopBatches(target, toHibernate, true)));
        } catch (error) {
          // EC2 refuses to hibernate an instance that is not ready for it (just launched, or its
          // agent is not set up): stop it instead, and say so.
          if (
            !(error instanceof ExecutorError) ||
            !error.message.includes('UnsupportedHibernationConfiguration')
          )
            throw error;
          notes.push(
            `could not hibernate ${listNames(toHibernate)} (${error.message}); stopped instead`,
          );
          toStop.push(...toHibernate.splice(0));
        }
        refused.push(...(await stopBatches(target, toStop, false)));
        const notStopped = new Set(refused.map((r) => r.item));
        for (const r of refused) {
          ctx.logger.warn('EC2 refused to stop an instance; the others were stopped', {
            instance: r.item,
            reason: r.reason,
          });
          notes.push(`could not stop ${r.item}: ${r.reason}`);
        }
        const changed = [...toHibernate, ...toStop].filter((id) => !notStopped.has(id));
        toHibernate.splice(
          0,
          toHibernate.length,
          ...toHibernate.filter((id) => !notStopped.has(id)),
        );
        toStop.splice(0, toStop.length, ...toStop.filter((id) => !notStopped.has(id)));
        ctx.progress(`stop requested for ${plural(changed.length, 'instance')}`);
        const settings = awaitSettings(params.awaitCompletion, EC2_DEFAULT_TIMEOUT_MS);
        if (settings.enabled && changed.length > 0) {
          await waitUntil({
            ctx,
            ...settings,
            intervalMs: pollInterval(options),
            desired: 'stopped',
            noun: 'instance',
            check: () => notYet(target, changed, 'stopped'),
          });
        }
        return { message: shutdownMessage(decisions, toStop.length, toHibernate.length, notes) };
      }),

    wakeUp: (params, restore, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        return { message: await wake(target, params, restore, options, ctx) };
      }),

    classifyError: (error) => classifyAwsError(error),
  };
}

function shutdownMessage(
  decisions: Ec2Decision[],
  stopped: number,
  hibernated: number,
  notes: string[],
): string {
  const parts: string[] = [];
  if (stopped + hibernated === 0) parts.push('no running instance to stop');
  else
    parts.push(
      `stopped ${plural(stopped + hibernated, 'instance')}${hibernated > 0 ? ` (${hibernated} hibernated)` : ''}`,
    );
  const already = decisions.filter((d) => d.action === 'skip' && d.capture).length;
  if (already > 0) parts.push(`${already} already stopped`);
  const skipped = decisions.filter((d) => d.action === 'skip' && !d.capture);
  if (skipped.length > 0)
    parts.push(
      `skipped ${skipped.length}: ${listNames(
        skipped.map((d) => d.description.replace(/^skip /, '')),
        3,
      )}`,
    );
  return [...parts, ...notes].join('; ');
}

async function wake(
  target: AwsTarget<Ec2Api>,
  params: Ec2Parameters,
  restore: LoadedRestorePoint,
  options: AwsExecutorOptions,
  ctx: ExecutorContext,
): Promise<string> {
  const wanted = restore.resources
    .filter((r) => Ec2StateSchema.safeParse(r.state).data?.wasRunning === true)
    .map((r) => r.key);
  if (wanted.length === 0) return 'nothing to start: no instance was running at shutdown';
  const settings = awaitSettings(params.awaitCompletion, EC2_DEFAULT_TIMEOUT_MS);
  const interval = pollInterval(options);
  let found = await describeByIds(target, wanted);
  const gone = wanted.filter((id) => {
    const state = found.get(id)?.state;
    return state === undefined || state === 'terminated' || state === 'shutting-down';
  });
  const present = wanted.filter((id) => !gone.includes(id));
  // An instance still stopping (a wake-up right after the shutdown) can only start once stopped.
  const stopping = present.filter((id) => found.get(id)?.state === 'stopping');
  if (stopping.length > 0) {
    const before = preconditionWait(settings, EC2_DEFAULT_TIMEOUT_MS);
    await waitUntil({
      ctx,
      ...before,
      intervalMs: interval,
      desired: 'stopped',
      noun: 'instance',
      check: () => notYet(target, stopping, 'stopped'),
    });
    found = await describeByIds(target, present);
  }
  const toStart = present.filter((id) => found.get(id)?.state === 'stopped');
  for (const batch of chunk(toStart, EC2_BATCH_SIZE)) {
    await target.api.startInstances({ InstanceIds: batch });
  }
  if (settings.enabled && toStart.length > 0) {
    await waitUntil({
      ctx,
      ...settings,
      intervalMs: interval,
      desired: 'running',
      noun: 'instance',
      check: () => notYet(target, toStart, 'running'),
    });
  }
  const parts = [
    toStart.length > 0
      ? `started ${plural(toStart.length, 'instance')}`
      : 'no instance needed starting',
  ];
  const already = present.length - toStart.length;
  if (already > 0) parts.push(`${already} already running`);
  if (gone.length > 0)
    parts.push(`skipped ${gone.length} that no longer exist: ${listNames(gone)}`);
  return parts.join('; ');
}
