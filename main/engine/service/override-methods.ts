import type { ActionResult, ApiCaller, OverrideChoiceView } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Plan } from '../../../shared/model';
import type { PlanOverride } from '../../../shared/model/override';
import type { PlanStatus } from '../../../shared/model/status';
import {
  choicesFor,
  keepOverride as keepOverrideOutcome,
  planOverride,
  type OverrideAction,
  type OverrideContext,
  type OverrideOutcome,
} from '../../../shared/override';
import { isScheduleError, overrideInEffect } from '../../../shared/schedule';
import { overrideNow, recordToOverride } from '../lifecycle/override-store';
import type { PlanRunner } from '../lifecycle/plan-runner';
import { toOverrideView } from './override-view';
import { withRunner } from './with-runner';
import type { ServiceContext } from './service-context';

/**
 * The override actions (semantics.md section 2 "Manual overrides"): each sets, replaces or
 * clears the plan's one override (shared/override decides which), stores it (annotations +
 * bookkeeping, lifecycle/override-store.ts), then lets the plan act on the new desired state at
 * once. They never create exceptions, answer every phase, and refuse bad input naming the field.
 */

function overrideContext(
  ctx: ServiceContext,
  runner: PlanRunner,
  plan: Plan,
  status: PlanStatus,
  caller?: ApiCaller,
): OverrideContext {
  const now = ctx.clock.now();
  return {
    now,
    plan,
    exceptions: runner.exceptions(),
    current: overrideNow(plan, status, now),
    settings: { wakeNowHours: ctx.settings.get().wakeNowHours ?? 3 },
    // A host that names no caller is a person whose origin is unknown, as in earlier versions.
    by: caller?.origin ?? 'user',
    ...(caller?.user ? { byUser: caller.user } : {}),
  };
}

/** A refusal as the API answers it: a missing override is a state (409), the rest is input (400). */
function refusal(outcome: Extract<OverrideOutcome, { kind: 'refused' }>): ApiError {
  if (outcome.issue.path === 'override')
    return new ApiError('NOT_ALLOWED', `Nothing to extend: ${outcome.issue.message}.`);
  return new ApiError('INVALID_INPUT', `${outcome.message}.`, [outcome.issue]);
}

/** The schedule layer's argument errors are the caller's input too (never a 500). */
function decideOverride(fn: () => OverrideOutcome): OverrideOutcome {
  try {
    return fn();
  } catch (error) {
    if (isScheduleError(error))
      throw new ApiError('INVALID_INPUT', `until: ${error.message}`, [
        { path: 'until', message: error.message },
      ]);
    throw error;
  }
}

function describe(override: PlanOverride | null): string {
  if (!override) return 'back on schedule';
  const state = override.phase === 'hibernate' ? 'asleep' : 'awake';
  return `${state} until ${override.until ?? 'the override is removed'}`;
}

/** What happens next in this phase, said after the override's own sentence. */
function phaseNote(
  runner: PlanRunner,
  before: PlanStatus['phase'],
  started: string | null,
): string {
  const now = runner.status()?.phase ?? before;
  if (before === 'Suspended')
    return ' The plan is paused: this applies once it is resumed (the suspension wins).';
  if (started) return ` ${started}`;
  if ((before === 'Hibernating' || before === 'WakingUp') && runner.isBusy())
    return ` It applies once the running ${before === 'Hibernating' ? 'shutdown' : 'wake-up'} finishes.`;
  return now === before ? ` The plan stays ${now}.` : ` The plan is now ${now}.`;
}

/** Stores the outcome, acts on it (in Error, hibernate/wake now start at once) and answers. */
async function applyOutcome(
  ctx: ServiceContext,
  runner: PlanRunner,
  plan: Plan,
  status: PlanStatus,
  current: PlanOverride | null,
  outcome: Exclude<OverrideOutcome, { kind: 'refused' }>,
  action: OverrideAction | 'keepOverride',
): Promise<ActionResult> {
  const name = plan.metadata.name;
  const before = status.phase;
  const next = outcome.kind === 'set' ? outcome.override : null;
  runner.saveOverride(plan, { override: next, undo: { previous: current } });
  let started: string | null = null;
  if (before === 'Error' && (action === 'hibernateNow' || action === 'wakeNow')) {
    const operation = action === 'hibernateNow' ? 'shutdown' : 'wakeup';
    runner.startFromError(
      operation,
      `${action === 'hibernateNow' ? 'hibernate' : 'wake'} now (requested by the user)`,
    );
    runner.rearm();
    started = `The ${operation === 'shutdown' ? 'shutdown' : 'wake-up'} starts now.`;
  } else await runner.reconcileAfterAction(`${describe(next)} (manual override)`);
  const what =
    outcome.kind === 'set'
      ? `${name} stays ${describe(next)} (${outcome.duration}; ${outcome.consequence.text}).`
      : `${name} is back on schedule: the schedule already gives that${outcome.until ? ` until ${outcome.until}` : ' now'}.`;
  return {
    plan: name,
    message: `${what}${phaseNote(runner, before, started)}`,
    override: toOverrideView(next, ctx.localUser),
    previousOverride: toOverrideView(current, ctx.localUser),
    consequence: outcome.consequence,
  };
}

export interface OverrideActionInput {
  until?: string | undefined;
  hours?: number | undefined;
  caller?: ApiCaller | undefined;
}

/** hibernateNow, wakeNow, keepAwake, keepAwakeUntilTomorrow, skipNextHibernation. */
export function overrideAction(
  ctx: ServiceContext,
  name: string,
  action: OverrideAction,
  input: OverrideActionInput = {},
): Promise<ActionResult> {
  return withRunner(ctx, name, (runner, plan, status) => {
    const context = overrideContext(ctx, runner, plan, status, input.caller);
    const outcome = decideOverride(() =>
      planOverride({
        ...context,
        action,
        ...(input.until !== undefined ? { until: input.until } : {}),
        ...(input.hours !== undefined ? { hours: input.hours } : {}),
      }),
    );
    if (outcome.kind === 'refused') throw refusal(outcome);
    return applyOutcome(ctx, runner, plan, status, context.current, outcome, action);
  });
}

/** "Back to schedule": removes the override (none is not an error). */
export function clearOverride(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan, status) => {
    const current = overrideNow(plan, status, ctx.clock.now());
    if (!current)
      return {
        plan: name,
        message: `${name} has no manual override: it already follows its schedule.`,
        override: null,
        previousOverride: null,
      };
    const before = status.phase;
    runner.saveOverride(plan, { override: null, undo: { previous: current } });
    await runner.reconcileAfterAction('back on schedule (override removed by the user)');
    return {
      plan: name,
      message: `${name} is back on schedule.${phaseNote(runner, before, null)}`,
      override: null,
      previousOverride: toOverrideView(current, ctx.localUser),
    };
  });
}

/** Undo of the last override action: puts back the override it replaced (once). */
export function undoOverride(ctx: ServiceContext, name: string): Promise<ActionResult> {
  return withRunner(ctx, name, async (runner, plan, status) => {
    const undo = status.overrideUndo;
    if (!undo)
      throw new ApiError(
        'NOT_ALLOWED',
        `Nothing to undo for ${name}: undo puts back the override that the last action replaced, once.`,
      );
    const now = ctx.clock.now();
    const current = overrideNow(plan, status, now);
    const wanted = undo.previous ? recordToOverride(undo.previous) : null;
    // An override that has ended since is not put back: the plan follows its schedule.
    const restore = wanted && overrideInEffect(wanted, now) ? wanted : null;
    const before = status.phase;
    runner.saveOverride(plan, { override: restore, undo: null });
    await runner.reconcileAfterAction('undo of the last override action');
    const ended = wanted && !restore ? ' (the override it replaced has ended since)' : '';
    return {
      plan: name,
      message: `Undone: ${name} is ${describe(restore)}${ended}.${phaseNote(runner, before, null)}`,
      override: toOverrideView(restore, ctx.localUser),
      previousOverride: toOverrideView(current, ctx.localUser),
    };
  });
}

/** The heads-up's "keep it": the override in effect, extended by its original length. */
export function keepOverride(
  ctx: ServiceContext,
  name: string,
  caller?: ApiCaller,
): Promise<ActionResult> {
  return withRunner(ctx, name, (runner, plan, status) => {
    const context = {
      ...overrideContext(ctx, runner, plan, status, caller),
      by: 'heads-up' as const,
    };
    const outcome = decideOverride(() => keepOverrideOutcome(context));
    if (outcome.kind === 'refused') throw refusal(outcome);
    return applyOutcome(ctx, runner, plan, status, context.current, outcome, 'keepOverride');
  });
}

/** The window's choices for an action, each computed as the action would (shared/override). */
export function overrideChoices(
  ctx: ServiceContext,
  name: string,
  action: OverrideAction,
): Promise<OverrideChoiceView[]> {
  return withRunner(ctx, name, (runner, plan, status) => {
    const context = overrideContext(ctx, runner, plan, status);
    if (action !== 'hibernateNow') return decideChoices(() => choicesFor(context));
    const outcome = decideOverride(() => planOverride({ ...context, action }));
    if (outcome.kind === 'refused' || outcome.until === null) return [];
    return [
      {
        id: 'default',
        request: { action },
        until: outcome.until,
        hours: outcome.durationMs / 3_600_000,
        duration: outcome.duration,
        outcome: outcome.kind,
        consequence: outcome.consequence,
        needsConfirmation: outcome.needsConfirmation,
      },
    ];
  });
}

function decideChoices(fn: () => OverrideChoiceView[]): OverrideChoiceView[] {
  try {
    return fn();
  } catch (error) {
    if (isScheduleError(error)) return [];
    throw error;
  }
}
