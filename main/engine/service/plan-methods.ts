import { ApiError } from '../../../shared/api/errors';
import type { ApplyResult, PlanDetail } from '../../../shared/api/contract';
import {
  isOverrideAnnotation,
  readOverride,
  storedObjectWarnings,
  validatePlan,
  type Plan,
} from '../../../shared/model';
import type { PlanSummary, Transition } from '../../../shared/model/status';
import { evaluateDesired, upcomingDesired } from '../../../shared/schedule';
import { overrideNow, planWithOverride, storedOverride } from '../lifecycle/override-store';
import type { StoredPlan } from '../store/plan-repository';
import { toOverrideView } from './override-view';
import type { ServiceContext } from './service-context';

/** Phases in which targets and strategy may change (semantics.md section 3). */
const EDITABLE_PHASES = new Set(['Active', 'Suspended', 'Error']);

function toTransition(t: { at: Date; operation: 'hibernate' | 'wakeup' }): Transition {
  return { at: t.at.toISOString(), operation: t.operation };
}

export function requirePlan(ctx: ServiceContext, name: string): StoredPlan {
  const stored = ctx.plans.get(name, ctx.clock.now());
  if (!stored) throw new ApiError('NOT_FOUND', `There is no plan named "${name}".`);
  return stored;
}

/** The override in force now, from the plan's annotations (an expired or unreadable one is none). */
function statusOf(ctx: ServiceContext, stored: StoredPlan): StoredPlan['status'] {
  // The running engine's in-memory status is the freshest (ledger writes are coalesced).
  return ctx.lifecycle.has(stored.plan.metadata.name)
    ? (ctx.lifecycle.runner(stored.plan.metadata.name).status() ?? stored.status)
    : stored.status;
}

export function listPlans(ctx: ServiceContext): PlanSummary[] {
  const now = ctx.clock.now();
  const all = ctx.exceptions.list();
  const last = ctx.history.lastResults();
  return ctx.plans.list(now).map((stored) => {
    const { plan } = stored;
    const status = statusOf(ctx, stored);
    const exceptions = all.filter((e) => e.spec.planRef.name === plan.metadata.name);
    const override = storedOverride(plan, status);
    const next = upcomingDesired(plan, exceptions, override, now, 1)[0];
    return {
      name: plan.metadata.name,
      labels: plan.metadata.labels ?? {},
      phase: status.phase,
      phaseSince: status.phaseSince,
      targetCount: plan.spec.targets.length,
      timezone: plan.spec.schedule.timezone,
      suspended: plan.spec.suspend,
      nextTransition: next ? toTransition(next) : null,
      error: status.error,
      override: toOverrideView(overrideNow(plan, status, now), ctx.localUser),
      updatedAt: stored.updatedAt,
      offHours: plan.spec.schedule.offHours,
      lastResult: last.get(plan.metadata.name) ?? null,
    };
  });
}

export function getPlan(ctx: ServiceContext, name: string): PlanDetail {
  const stored = requirePlan(ctx, name);
  const now = ctx.clock.now();
  const exceptions = ctx.exceptions.list(name);
  const status = statusOf(ctx, stored);
  // The desired state: the override while in effect (its reason says so), else the schedule.
  const override = storedOverride(stored.plan, status);
  const desired = evaluateDesired(stored.plan, exceptions, override, now);
  return {
    plan: stored.plan,
    status,
    exceptions,
    evaluation: {
      hibernate: desired.hibernate,
      reason: desired.reason,
      activeExceptions: desired.activeExceptions,
    },
    upcoming: upcomingDesired(stored.plan, exceptions, override, now, 5).map(toTransition),
    warnings: storedObjectWarnings(stored.plan),
    // The same view as the plan list's, so the detail page needs no second source for it.
    override: toOverrideView(overrideNow(stored.plan, status, now), ctx.localUser),
  };
}

/** Targets and strategy may not change while the plan is asleep or an operation runs. */
function structureChanged(before: Plan, after: Plan): boolean {
  return (
    JSON.stringify(before.spec.targets) !== JSON.stringify(after.spec.targets) ||
    JSON.stringify(before.spec.execution) !== JSON.stringify(after.spec.execution) ||
    JSON.stringify(before.spec.behavior) !== JSON.stringify(after.spec.behavior)
  );
}

export function checkPlanEdit(ctx: ServiceContext, plan: Plan): void {
  const existing = ctx.plans.get(plan.metadata.name, ctx.clock.now());
  if (!existing) return;
  const phase = statusOf(ctx, existing).phase;
  if (!EDITABLE_PHASES.has(phase) && structureChanged(existing.plan, plan)) {
    throw new ApiError(
      'NOT_ALLOWED',
      `Plan ${plan.metadata.name} is ${phase}: its targets, strategy and behaviour can change only while it is Active, Suspended or in Error. ` +
        `The schedule and exceptions can change at any time; wake the plan or suspend it to edit its targets.`,
    );
  }
}

export function validatePlanInput(
  ctx: ServiceContext,
  input: unknown,
): { plan: Plan; warnings: ApplyResult['warnings'] } {
  const result = validatePlan(input, { connections: ctx.connections.list() });
  // An override the operator could not follow (no direction, unreadable end) is refused by name.
  const reading = result.value ? readOverride(result.value.metadata.annotations) : null;
  const errors = [...result.errors, ...(reading?.errors ?? [])];
  if (!result.valid || !result.value || errors.length > 0) {
    throw new ApiError(
      'INVALID_PLAN',
      `The plan is not valid: ${errors.length} problem(s).`,
      errors,
    );
  }
  return { plan: result.value, warnings: [...result.warnings, ...(reading?.warnings ?? [])] };
}

/**
 * Editing or re-importing a plan keeps its stored override (semantics.md section 2): an incoming
 * plan without override annotations gets the stored ones; one that carries any of them is the
 * user's change and is adopted as it is.
 */
export function keepStoredOverride(ctx: ServiceContext, plan: Plan): Plan {
  const incoming = Object.keys(plan.metadata.annotations ?? {}).some(isOverrideAnnotation);
  if (incoming) return plan;
  const existing = ctx.plans.get(plan.metadata.name, ctx.clock.now());
  const stored = existing ? storedOverride(existing.plan, null) : null;
  return stored ? planWithOverride(plan, stored) : plan;
}

export async function applyPlan(ctx: ServiceContext, input: unknown): Promise<ApplyResult> {
  const validated = validatePlanInput(ctx, input);
  const { warnings } = validated;
  const plan = keepStoredOverride(ctx, validated.plan);
  checkPlanEdit(ctx, plan);
  const created = ctx.plans.upsert(plan, ctx.clock.now());
  ctx.bus.emit({
    type: 'PlanChanged',
    plan: plan.metadata.name,
    change: created ? 'created' : 'updated',
  });
  await ctx.lifecycle.planChanged(plan.metadata.name, created ? 'plan created' : 'plan edited');
  return { name: plan.metadata.name, created, warnings };
}

export async function deletePlan(
  ctx: ServiceContext,
  name: string,
  force: boolean,
): Promise<{ name: string; deleted: boolean }> {
  const stored = requirePlan(ctx, name);
  const phase = statusOf(ctx, stored).phase;
  if (phase !== 'Active' && !force) {
    throw new ApiError(
      'NOT_ALLOWED',
      `Plan ${name} is ${phase}: wake it first, or delete with force (its resources stay as they are and its restore points are kept as orphaned until you drop them).`,
    );
  }
  await ctx.lifecycle.planDeleted(name);
  ctx.db.transaction(() => {
    ctx.plans.delete(name);
    for (const e of ctx.exceptions.list(name)) ctx.exceptions.delete(e.metadata.name);
  })();
  ctx.bus.emit({ type: 'PlanChanged', plan: name, change: 'deleted' });
  return { name, deleted: true };
}
