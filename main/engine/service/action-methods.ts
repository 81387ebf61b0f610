import type { ActionResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { validateException, type Plan, type ScheduleException } from '../../../shared/model';
import type { Operation, PlanStatus } from '../../../shared/model/status';
import {
  hibernateUntil,
  keepAwakeFor,
  keepAwakeUntilTomorrow,
  skipNextHibernation,
  wakeUntil,
  type ScheduleExceptionLike,
} from '../../../shared/schedule';
import type { PlanRunner } from '../lifecycle/plan-runner';
import { requirePlan } from './plan-methods';
import type { ServiceContext } from './service-context';

type Shortcut = (plan: Plan, exceptions: ScheduleException[], now: Date) => ScheduleExceptionLike;

function busy(name: string, status: PlanStatus): ApiError {
  return new ApiError(
    'NOT_ALLOWED',
    `Plan ${name} is ${status.phase}; wait for it to finish or suspend it.`,
  );
}

/** Runs an action inside the plan's runner so it never interleaves with a reconcile. */
async function withRunner<T>(
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

function storeHold(ctx: ServiceContext, plan: Plan, build: Shortcut): ScheduleException {
  const now = ctx.clock.now();
  const existing = ctx.exceptions.list(plan.metadata.name);
  const candidate = build(plan, existing, now);
  const result = validateException(candidate, { plans: [plan] });
  if (!result.valid || !result.value) {
    throw new ApiError(
      'INVALID_INPUT',
      `Could not build the exception: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      result.errors,
    );
  }
  ctx.exceptions.upsert(result.value, now);
  ctx.bus.emit({
    type: 'ExceptionChanged',
    plan: plan.metadata.name,
    exception: result.value.metadata.name,
    change: 'created',
  });
  return result.value;
}

function until(exception: ScheduleException): string {
  return exception.spec.validUntil;
}

export function hibernateNow(
  ctx: ServiceContext,
  name: string,
  untilAt?: string,
): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan, status) => {
    if (status.phase === 'Hibernating' || status.phase === 'WakingUp') throw busy(name, status);
    if (status.phase === 'Suspended')
      throw new ApiError('NOT_ALLOWED', `Plan ${name} is paused; resume it first.`);
    if (status.phase === 'Hibernated')
      throw new ApiError('NOT_ALLOWED', `Plan ${name} is already asleep.`);
    const exception = storeHold(ctx, plan, (p, e, now) =>
      hibernateUntil(p, e, now, untilAt ? new Date(untilAt) : undefined),
    );
    if (status.phase === 'Error')
      runner.startFromError('shutdown', 'hibernate now (requested by the user)');
    else await runner.reconcileAfterAction('hibernate now');
    return {
      plan: name,
      exception: exception.metadata.name,
      message: `hibernating ${name} now; it stays asleep until ${until(exception)}`,
    };
  });
}

export function wakeNow(
  ctx: ServiceContext,
  name: string,
  untilAt?: string,
): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan, status) => {
    if (status.phase === 'Hibernating' || status.phase === 'WakingUp') throw busy(name, status);
    if (status.phase === 'Suspended')
      throw new ApiError('NOT_ALLOWED', `Plan ${name} is paused; resume it first.`);
    if (status.phase === 'Active')
      throw new ApiError('NOT_ALLOWED', `Plan ${name} is already awake.`);
    const exception = storeHold(ctx, plan, (p, e, now) =>
      wakeUntil(p, e, now, untilAt ? new Date(untilAt) : undefined),
    );
    if (status.phase === 'Error')
      runner.startFromError('wakeup', 'wake now (requested by the user)');
    else await runner.reconcileAfterAction('wake now');
    return {
      plan: name,
      exception: exception.metadata.name,
      message: `waking ${name} now; it stays awake until ${until(exception)}`,
    };
  });
}

export function keepAwake(ctx: ServiceContext, name: string, hours: number): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan) => {
    const exception = storeHold(ctx, plan, (p, e, now) => keepAwakeFor(p, e, now, hours));
    await runner.reconcileAfterAction(`keep awake for ${hours} h`);
    return {
      plan: name,
      exception: exception.metadata.name,
      message: `${name} stays awake until ${until(exception)}`,
    };
  });
}

export function keepAwakeTomorrow(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan) => {
    const exception = storeHold(ctx, plan, (p, e, now) => keepAwakeUntilTomorrow(p, e, now));
    await runner.reconcileAfterAction('keep awake until tomorrow');
    return {
      plan: name,
      exception: exception.metadata.name,
      message: `${name} stays awake until ${until(exception)}`,
    };
  });
}

export function skipNext(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan) => {
    const exception = storeHold(ctx, plan, (p, e, now) => skipNextHibernation(p, e, now));
    await runner.reconcileAfterAction('skip the next hibernation');
    return {
      plan: name,
      exception: exception.metadata.name,
      message: `the next hibernation of ${name} is skipped (awake until ${until(exception)})`,
    };
  });
}

export function suspend(
  ctx: ServiceContext,
  name: string,
  untilAt?: string,
  reason?: string,
): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan) => {
    if (plan.spec.suspend) throw new ApiError('NOT_ALLOWED', `Plan ${name} is already paused.`);
    if (untilAt && Date.parse(untilAt) <= ctx.clock.now().getTime()) {
      throw new ApiError(
        'INVALID_INPUT',
        `until: ${untilAt} is in the past; choose a later time.`,
        [{ path: 'until', message: 'must be in the future' }],
      );
    }
    runner.writeSuspension(plan, true, untilAt, reason);
    await runner.reconcileAfterAction('suspended by the user');
    return {
      plan: name,
      message: `${name} is paused${untilAt ? ` until ${untilAt}` : ''}; in-flight targets finish, nothing new starts`,
    };
  });
}

export function resume(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan) => {
    if (!plan.spec.suspend) throw new ApiError('NOT_ALLOWED', `Plan ${name} is not paused.`);
    runner.writeSuspension(plan, false);
    await runner.reconcileAfterAction('resumed by the user');
    const phase = runner.status()?.phase ?? 'Active';
    return { plan: name, message: `${name} resumed; it is now ${phase}` };
  });
}

export function retry(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, (runner) => ({ plan: name, message: runner.retryNow() }));
}

export function restart(
  ctx: ServiceContext,
  name: string,
  operation: Operation,
): Promise<ActionResult> {
  return withRunner(ctx, name, (runner) => ({ plan: name, message: runner.restartNow(operation) }));
}

export function markAwake(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, (runner) => ({ plan: name, message: runner.markAwake() }));
}

/** "Pause all schedules" from the tray: suspends every plan that is not paused yet (or resumes those it paused). */
export async function pauseAll(
  ctx: ServiceContext,
  paused: boolean,
): Promise<{ paused: boolean; plans: string[] }> {
  const changed: string[] = [];
  for (const stored of ctx.plans.list(ctx.clock.now())) {
    const name = stored.plan.metadata.name;
    const byPauseAll =
      stored.plan.metadata.annotations?.['hibernator.ardikabs.com/suspend-reason'] ===
      PAUSE_ALL_REASON;
    if (paused && !stored.plan.spec.suspend) {
      await suspend(ctx, name, undefined, PAUSE_ALL_REASON);
      changed.push(name);
    } else if (!paused && stored.plan.spec.suspend && byPauseAll) {
      await resume(ctx, name);
      changed.push(name);
    }
  }
  return { paused, plans: changed };
}

export const PAUSE_ALL_REASON = 'all schedules paused from the tray';
