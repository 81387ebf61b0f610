import { z } from 'zod';
import { parameterSchemas, type EksParameters } from '../../../../shared/model';
import type { Executor } from '../executor';
import { withAwsTarget } from '../aws-common/account-guard';
import { classifyAwsError } from '../../cloud-errors/aws-errors';
import type { AwsApiSource, AwsTarget } from '../aws-common/aws-target';
import { eksApiSource, type EksApi } from './eks-api';
import { awaitSettings, preconditionWait } from '../aws-common/await-completion';
import { listNames, plural } from '../aws-common/batching';
import { scaleDownSummary } from '../aws-common/scale-summary';
import { pollInterval, type AwsExecutorOptions } from '../aws-common/executor-options';
import { forEachResource, parallelismOf, throwIfAnyFailed } from '../each-resource';
import {
  decide,
  describeNodegroup,
  listNodegroupNames,
  nodegroupKey,
  parseNodegroupKey,
  sameScaling,
  updateScaling,
  waitForNodegroups,
  type Nodegroup,
} from './eks-nodegroups';

export const ScalingStateSchema = z.object({
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  desired: z.number().int().min(0),
});

export const EKS_DEFAULT_TIMEOUT_MS = 15 * 60_000;

interface Selected {
  groups: Nodegroup[];
  missing: string[];
}

async function selectNodegroups(
  target: AwsTarget<EksApi>,
  params: EksParameters,
): Promise<Selected> {
  const named = (params.nodeGroups ?? []).map((g) => g.name);
  const names = named.length > 0 ? named : await listNodegroupNames(target, params.clusterName);
  const groups: Nodegroup[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const ng = await describeNodegroup(target, params.clusterName, name);
    if (ng === undefined) missing.push(name);
    else groups.push(ng);
  }
  // A named node group may be missing because the whole cluster is: say which.
  if (named.length > 0 && groups.length === 0) await listNodegroupNames(target, params.clusterName);
  return { groups, missing };
}

/**
 * eks (semantics.md section 7): records `{min, max, desired}` of each managed node group, scales
 * it to min 0 / desired 0 (max unchanged) and restores exactly those sizes.
 */
export interface EksExecutorOptions extends AwsExecutorOptions {
  /** Opens the narrow EKS client (a test's fake); default: the SDK's. */
  api?: AwsApiSource<EksApi>['open'];
}

export function createEksExecutor(options: EksExecutorOptions = {}): Executor<EksParameters> {
  const api = eksApiSource(options.api);
  const interval = pollInterval(options);
  return {
    type: 'eks',
    connectionKind: 'CloudProvider',
    parameterSchema: parameterSchemas.eks,
    stateSchema: ScalingStateSchema,

    discover: (params, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const { groups, missing } = await selectNodegroups(target, params);
        return [
          ...groups.map(decide).map((d) => ({
            key: nodegroupKey(d.group.cluster, d.group.name),
            action: d.action,
            description: d.description,
          })),
          ...missing.map((name) => ({
            key: nodegroupKey(params.clusterName, name),
            action: 'skip',
            description: `skip ${nodegroupKey(params.clusterName, name)}: not found`,
          })),
        ];
      }),

    shutdown: (params, ctx, report) =>
      withAwsTarget(ctx, api, async (target) => {
        const settings = awaitSettings(params.awaitCompletion, EKS_DEFAULT_TIMEOUT_MS);
        const { groups, missing } = await selectNodegroups(target, params);
        const decisions = groups.map(decide);
        await report(
          decisions
            .filter((d) => d.capture)
            .map((d) => ({
              key: nodegroupKey(d.group.cluster, d.group.name),
              state: d.group.scaling,
              isLive: d.action === 'scale',
            })),
        );
        const toScale = decisions.filter((d) => d.action === 'scale').map((d) => d.group);
        // One UpdateNodegroupConfig per group: `parallelism` at a time, one failure never stops the others.
        let scaled = 0;
        const failures = await forEachResource(
          ctx,
          toScale,
          {
            parallelism: parallelismOf(params),
            id: (ng) => nodegroupKey(ng.cluster, ng.name),
            classify: classifyAwsError,
          },
          async (ng) => {
            if (ng.status !== 'ACTIVE')
              await waitForNodegroups(
                target,
                [ng],
                'ACTIVE',
                preconditionWait(settings, EKS_DEFAULT_TIMEOUT_MS),
                interval,
              );
            await updateScaling(target, ng, { min: 0, desired: 0 });
            scaled += 1;
            ctx.progress(`scaled ${scaled} of ${plural(toScale.length, 'node group')} to 0`);
          },
        );
        throwIfAnyFailed(
          failures,
          toScale.length,
          `scaled ${scaled} of ${plural(toScale.length, 'node group')} to 0`,
        );
        if (settings.enabled) {
          await waitForNodegroups(
            target,
            toScale.map((g) => ({
              cluster: g.cluster,
              name: g.name,
              want: { min: 0, desired: 0 },
            })),
            'scaled to 0',
            settings,
            interval,
          );
        }
        return { message: scaleDownSummary(toScale.length, 'node group', decisions, missing) };
      }),

    wakeUp: (params, restore, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const settings = awaitSettings(params.awaitCompletion, EKS_DEFAULT_TIMEOUT_MS);
        const restored: Array<{
          cluster: string;
          name: string;
          want: z.infer<typeof ScalingStateSchema>;
        }> = [];
        const gone: string[] = [];
        let already = 0;
        const wanted = restore.resources.flatMap((r) => {
          const ref = parseNodegroupKey(r.key);
          const want = ScalingStateSchema.safeParse(r.state).data;
          // Only what this cycle scaled down is scaled up: a group that was already at 0 stays as it is now.
          return ref === undefined || want === undefined || !r.isLive ? [] : [{ r, ref, want }];
        });
        const options = {
          parallelism: parallelismOf(params),
          id: (w: (typeof wanted)[number]) => w.r.key,
          classify: classifyAwsError,
        };
        const failures = await forEachResource(ctx, wanted, options, async ({ r, ref, want }) => {
          let now = await describeNodegroup(target, ref.cluster, ref.name);
          // An update in flight (the shutdown's, moments ago) has not applied its sizes yet: let it finish first.
          if (now !== undefined && now.status !== 'ACTIVE') {
            await waitForNodegroups(
              target,
              [now],
              'ACTIVE',
              preconditionWait(settings, EKS_DEFAULT_TIMEOUT_MS),
              interval,
            );
            now = await describeNodegroup(target, ref.cluster, ref.name);
          }
          if (now === undefined) {
            gone.push(r.key);
            return;
          }
          if (sameScaling(now.scaling, want)) {
            already += 1;
            return;
          }
          ctx.progress(
            `restoring ${r.key} to min ${want.min} / desired ${want.desired} / max ${want.max}`,
          );
          await updateScaling(target, now, want);
          restored.push({ ...ref, want });
        });
        throwIfAnyFailed(
          failures,
          wanted.length,
          `restored ${plural(restored.length, 'node group')}`,
        );
        // Done in whatever order the calls finished: the summary lists them sorted.
        restored.sort((a, b) => a.name.localeCompare(b.name));
        gone.sort();
        if (settings.enabled)
          await waitForNodegroups(target, restored, 'restored', settings, interval);
        const parts = [
          restored.length > 0
            ? `restored ${plural(restored.length, 'node group')}: ${listNames(restored.map((g) => `${g.name} (${g.want.min}/${g.want.desired}/${g.want.max})`))}`
            : 'no node group needed restoring',
        ];
        if (already > 0) parts.push(`${already} already at the recorded size`);
        if (gone.length > 0)
          parts.push(`skipped ${gone.length} that no longer exist: ${listNames(gone)}`);
        return { message: parts.join('; ') };
      }),

    classifyError: (error) => classifyAwsError(error),
  };
}
