import type { HistoryEntry } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { RestorePointDetail, RestorePointSummary } from '../../../shared/model/status';
import { requirePlan } from './plan-methods';
import type { ServiceContext } from './service-context';

function openCycles(ctx: ServiceContext): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const stored of ctx.plans.list(ctx.clock.now())) {
    const name = stored.plan.metadata.name;
    const status = ctx.lifecycle.has(name)
      ? (ctx.lifecycle.runner(name).status() ?? stored.status)
      : stored.status;
    map.set(name, status.cycle?.id ?? null);
  }
  return map;
}

export function listRestorePoints(ctx: ServiceContext, plan?: string): RestorePointSummary[] {
  const cycles = openCycles(ctx);
  return ctx.restore.list(plan, cycles, new Set(cycles.keys()));
}

export function inspectRestorePoint(
  ctx: ServiceContext,
  plan: string,
  target: string,
): RestorePointDetail {
  const cycles = openCycles(ctx);
  return ctx.restore.inspect(plan, target, cycles.get(plan) ?? null, cycles.has(plan));
}

function executorOf(ctx: ServiceContext, plan: string, target: string): string {
  const stored = requirePlan(ctx, plan);
  const t = stored.plan.spec.targets.find((x) => x.name === target);
  if (!t) throw new ApiError('NOT_FOUND', `Plan ${plan} has no target named "${target}".`);
  return t.type;
}

/** A patched state is validated with the executor's own schema: a wake-up must be able to use it. */
export function patchRestorePoint(
  ctx: ServiceContext,
  plan: string,
  target: string,
  key: string,
  state: unknown,
): RestorePointDetail {
  const point = inspectRestorePoint(ctx, plan, target);
  const executor = ctx.executors.get(point.executor);
  if (executor) {
    const parsed = executor.stateSchema.safeParse(state);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: ['state', ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      throw new ApiError(
        'INVALID_INPUT',
        `The state does not fit a ${point.executor} resource: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
  }
  ctx.restore.patch(plan, target, key, state, ctx.clock.now());
  ctx.bus.emit({ type: 'RestoreChanged', plan, target });
  return inspectRestorePoint(ctx, plan, target);
}

export function dropRestorePoint(
  ctx: ServiceContext,
  plan: string,
  target: string,
  key?: string,
): { plan: string; target: string; dropped: number } {
  const dropped = ctx.restore.drop(plan, target, key);
  ctx.bus.emit({ type: 'RestoreChanged', plan, target });
  return { plan, target, dropped };
}

/** An empty point in the open cycle: the target's next wake-up succeeds without touching anything. */
export async function initRestorePoint(
  ctx: ServiceContext,
  plan: string,
  target: string,
): Promise<RestorePointDetail> {
  const executor = executorOf(ctx, plan, target);
  const runner = ctx.lifecycle.runner(plan);
  await runner.exclusive(() => {
    const cycleId = runner.ensureCycle();
    ctx.restore.init(plan, target, executor, cycleId, ctx.clock.now());
  });
  ctx.bus.emit({ type: 'RestoreChanged', plan, target });
  return inspectRestorePoint(ctx, plan, target);
}

export function getHistory(ctx: ServiceContext, plan: string, limit?: number): HistoryEntry[] {
  requirePlan(ctx, plan);
  return ctx.history.list(plan, limit ?? 50);
}
