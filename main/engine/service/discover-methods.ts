import type { DiscoverResult, DiscoverTarget } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Plan } from '../../../shared/model';
import { evaluate } from '../../../shared/schedule';
import type { ExecutorContext } from '../executors/executor';
import { effectiveConfig, lockOverrides } from '../lifecycle/effective-config';
import { requirePlan, validatePlanInput } from './plan-methods';
import type { ServiceContext } from './service-context';

/** "stop 3 EC2 instances, scale 14 Deployments": counts of actions by verb, skips left out. */
export function summarizeActions(targets: readonly DiscoverTarget[]): string {
  const counts = new Map<string, number>();
  for (const t of targets)
    for (const a of t.actions) counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
  const parts = [...counts.entries()]
    .filter(([action]) => action !== 'skip')
    .map(([action, n]) => `${action} ${n}`);
  const skipped = counts.get('skip');
  if (skipped) parts.push(`skip ${skipped}`);
  const failed = targets.filter((t) => t.error).length;
  if (failed) parts.push(`${failed} target(s) could not be checked`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}

/**
 * Dry run: each executor's read-only `discover` for the plan as it stands (saved, or an unsaved
 * draft from the editor). Nothing is changed; the emulators' call counts prove it in tests.
 */
export async function discover(
  ctx: ServiceContext,
  planInput: unknown,
  onlyTarget?: string,
): Promise<DiscoverResult> {
  const plan: Plan =
    typeof planInput === 'string'
      ? requirePlan(ctx, planInput).plan
      : validatePlanInput(ctx, planInput).plan;
  const now = ctx.clock.now();
  const exceptions = ctx.exceptions.list(plan.metadata.name);
  const overrides = lockOverrides(evaluate(plan, exceptions, now).activeExceptions, exceptions);
  const config = effectiveConfig(plan, overrides);
  const selected = config.targets.filter((t) => !onlyTarget || t.target.name === onlyTarget);
  if (onlyTarget && selected.length === 0)
    throw new ApiError(
      'NOT_FOUND',
      `Plan ${plan.metadata.name} has no target named "${onlyTarget}".`,
    );
  const abort = new AbortController();
  const targets = await Promise.all(
    selected.map(async (t): Promise<DiscoverTarget> => {
      const base = {
        target: t.target.name,
        executor: t.target.type,
        disabled: t.disabled,
        actions: [],
        error: null,
      };
      if (t.disabled) return base;
      const executor = ctx.executors.get(t.target.type);
      if (!executor)
        return {
          ...base,
          error: {
            code: 'UNKNOWN_EXECUTOR',
            message: `no executor is installed for type "${t.target.type}"`,
          },
        };
      try {
        const params = executor.parameterSchema.parse(t.parameters);
        const connection = t.target.connectorRef
          ? ctx.connections.get(t.target.connectorRef.name)
          : null;
        if (executor.connectionKind && !connection) {
          return {
            ...base,
            error: {
              code: 'CONNECTION_NOT_FOUND',
              message: `connection "${t.target.connectorRef?.name ?? '(none)'}" does not exist: add it under Connections`,
            },
          };
        }
        const execCtx: ExecutorContext = {
          plan: plan.metadata.name,
          target: t.target.name,
          connection,
          clients: ctx.clients,
          clock: ctx.clock,
          logger: ctx.logger.child({
            plan: plan.metadata.name,
            target: t.target.name,
            dryRun: true,
          }),
          signal: abort.signal,
          progress: () => undefined,
          sleep: (ms) => new Promise((resolve) => ctx.clock.setTimer(resolve, ms)),
        };
        return { ...base, actions: await executor.discover(params, execCtx) };
      } catch (error) {
        const classified = executor.classifyError(error);
        return { ...base, error: { code: classified.code, message: classified.message } };
      }
    }),
  );
  return {
    plan: plan.metadata.name,
    at: now.toISOString(),
    targets,
    summary: summarizeActions(targets),
  };
}
