import type { Plan } from '../../../shared/model';
import type { PlanStatus } from '../../../shared/model/status';
import type { PlanRunner } from '../lifecycle/plan-runner';
import { requirePlan } from './plan-methods';
import type { ServiceContext } from './service-context';

/** Runs an action inside the plan's runner so it never interleaves with a reconcile. */
export async function withRunner<T>(
  ctx: ServiceContext,
  name: string,
  fn: (runner: PlanRunner, plan: Plan, status: PlanStatus) => Promise<T> | T,
): Promise<T> {
  requirePlan(ctx, name);
  const runner = ctx.lifecycle.runner(name);
  return runner.exclusive(() => {
    const { plan, status } = runner.requireLoaded();
    return fn(runner, plan, status);
  });
}
