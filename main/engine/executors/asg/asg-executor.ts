import { z } from 'zod';
import { parameterSchemas, type AsgParameters } from '../../../../shared/model';
import type { Executor } from '../executor';
import { withAwsTarget } from '../aws-common/account-guard';
import type { AwsApiSource } from '../aws-common/aws-target';
import { asgApiSource, type AsgApi } from './asg-api';
import { classifyAwsError } from '../../cloud-errors/aws-errors';
import { awaitSettings } from '../aws-common/await-completion';
import { listNames, plural } from '../aws-common/batching';
import { scaleDownSummary } from '../aws-common/scale-summary';
import { pollInterval, type AwsExecutorOptions } from '../aws-common/executor-options';
import { forEachResource, parallelismOf, throwIfAnyFailed } from '../each-resource';
import { decide, describeByNames, selectGroups, updateGroup, waitForGroups } from './asg-groups';

export const AsgStateSchema = z.object({
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  desired: z.number().int().min(0),
});

export const ASG_DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * asg (semantics.md section 7): records `{min, max, desired}` of each selected Auto Scaling group,
 * sets min 0 / desired 0 and restores exactly. Groups EKS manages for a node group are left to
 * the eks executor.
 */
export interface AsgExecutorOptions extends AwsExecutorOptions {
  /** Opens the narrow Auto Scaling client (a test's fake); default: the SDK's. */
  api?: AwsApiSource<AsgApi>['open'];
}

export function createAsgExecutor(options: AsgExecutorOptions = {}): Executor<AsgParameters> {
  const api = asgApiSource(options.api);
  const interval = pollInterval(options);
  return {
    type: 'asg',
    connectionKind: 'CloudProvider',
    parameterSchema: parameterSchemas.asg,
    stateSchema: AsgStateSchema,

    discover: (params, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const { groups, missing } = await selectGroups(target, params.selector);
        return [
          ...groups
            .map(decide)
            .map((d) => ({ key: d.group.name, action: d.action, description: d.description })),
          ...missing.map((name) => ({
            key: name,
            action: 'skip',
            description: `skip ${name}: not found`,
          })),
        ];
      }),

    shutdown: (params, ctx, report) =>
      withAwsTarget(ctx, api, async (target) => {
        const { groups, missing } = await selectGroups(target, params.selector);
        const decisions = groups.map(decide);
        await report(
          decisions
            .filter((d) => d.capture)
            .map((d) => ({
              key: d.group.name,
              state: d.group.scaling,
              isLive: d.action === 'scale',
            })),
        );
        const toScale = decisions.filter((d) => d.action === 'scale').map((d) => d.group);
        // One UpdateAutoScalingGroup per group: `parallelism` at a time, one failure never stops the others.
        let scaled = 0;
        const failures = await forEachResource(
          ctx,
          toScale,
          { parallelism: parallelismOf(params), id: (g) => g.name, classify: classifyAwsError },
          async (g) => {
            await updateGroup(target, g.name, { min: 0, desired: 0 });
            scaled += 1;
            ctx.progress(
              `scaled ${scaled} of ${plural(toScale.length, 'Auto Scaling group')} to 0`,
            );
          },
        );
        throwIfAnyFailed(
          failures,
          toScale.length,
          `scaled ${scaled} of ${plural(toScale.length, 'Auto Scaling group')} to 0`,
        );
        const settings = awaitSettings(params.awaitCompletion, ASG_DEFAULT_TIMEOUT_MS);
        if (settings.enabled)
          await waitForGroups(
            target,
            toScale.map((g) => ({ name: g.name, inService: 0 })),
            'without running instances',
            settings,
            interval,
          );
        return {
          message: scaleDownSummary(toScale.length, 'Auto Scaling group', decisions, missing),
        };
      }),

    wakeUp: (params, restore, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const wanted = restore.resources.flatMap((r) => {
          const state = AsgStateSchema.safeParse(r.state).data;
          // Only what this cycle scaled down is scaled up: a group already at 0 stays as it is now.
          return state === undefined || !r.isLive ? [] : [{ name: r.key, want: state }];
        });
        const now = await describeByNames(
          target,
          wanted.map((w) => w.name),
        );
        const gone = wanted.filter((w) => !now.has(w.name)).map((w) => w.name);
        const restored: typeof wanted = [];
        let already = 0;
        const toRestore = wanted.filter((w) => {
          const g = now.get(w.name);
          if (g === undefined) return false;
          const same =
            g.scaling.min === w.want.min &&
            g.scaling.max === w.want.max &&
            g.scaling.desired === w.want.desired;
          if (same) already += 1;
          return !same;
        });
        const failures = await forEachResource(
          ctx,
          toRestore,
          { parallelism: parallelismOf(params), id: (w) => w.name, classify: classifyAwsError },
          async (w) => {
            ctx.progress(
              `restoring ${w.name} to min ${w.want.min} / desired ${w.want.desired} / max ${w.want.max}`,
            );
            await updateGroup(target, w.name, w.want);
            restored.push(w);
          },
        );
        throwIfAnyFailed(
          failures,
          toRestore.length,
          `restored ${plural(restored.length, 'Auto Scaling group')}`,
        );
        // Done in whatever order the calls finished: the summary lists them sorted.
        restored.sort((a, b) => a.name.localeCompare(b.name));
        const settings = awaitSettings(params.awaitCompletion, ASG_DEFAULT_TIMEOUT_MS);
        if (settings.enabled)
          await waitForGroups(
            target,
            restored.map((w) => ({ name: w.name, inService: w.want.desired })),
            'back in service',
            settings,
            interval,
          );
        const parts = [
          restored.length > 0
            ? `restored ${plural(restored.length, 'Auto Scaling group')}: ${listNames(restored.map((w) => `${w.name} (${w.want.min}/${w.want.desired}/${w.want.max})`))}`
            : 'no Auto Scaling group needed restoring',
        ];
        if (already > 0) parts.push(`${already} already at the recorded size`);
        if (gone.length > 0)
          parts.push(`skipped ${gone.length} that no longer exist: ${listNames(gone)}`);
        return { message: parts.join('; ') };
      }),

    classifyError: (error) => classifyAwsError(error),
  };
}
