import type { ActionResult, ApiCaller } from '../../../shared/api/contract';
import type { KeepAsleepReport } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import type { Operation } from '../../../shared/model/status';
import { overrideAction } from './override-methods';
import { withRunner } from './with-runner';
import type { ServiceContext } from './service-context';

/*
 * The override actions (hibernate now, wake now, keep awake, keep awake until tomorrow, skip the
 * next sleep) set, replace or clear the plan's one manual override: override-methods.ts. They
 * never create exceptions any more (semantics.md section 2).
 */
export function hibernateNow(
  ctx: ServiceContext,
  name: string,
  until?: string,
  caller?: ApiCaller,
) {
  return overrideAction(ctx, name, 'hibernateNow', { until, caller });
}
export function wakeNow(ctx: ServiceContext, name: string, until?: string, caller?: ApiCaller) {
  return overrideAction(ctx, name, 'wakeNow', { until, caller });
}
export function keepAwake(
  ctx: ServiceContext,
  name: string,
  hours?: number,
  until?: string,
  caller?: ApiCaller,
) {
  return overrideAction(ctx, name, 'keepAwake', { hours, until, caller });
}
export function keepAwakeTomorrow(
  ctx: ServiceContext,
  name: string,
  until?: string,
  caller?: ApiCaller,
) {
  return overrideAction(ctx, name, 'keepAwakeUntilTomorrow', { until, caller });
}
export function skipNext(ctx: ServiceContext, name: string, until?: string, caller?: ApiCaller) {
  return overrideAction(ctx, name, 'skipNextHibernation', { until, caller });
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

/** "Check now": the plan's keep-asleep check at once; answers what it found and did. */
export async function checkKeepAsleep(
  ctx: ServiceContext,
  name: string,
): Promise<KeepAsleepReport> {
  // Started inside the runner, awaited outside it: the check never holds up the plan's steps.
  const started = await withRunner(ctx, name, (runner) => runner.startKeepAsleepCheck());
  return started.report;
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
