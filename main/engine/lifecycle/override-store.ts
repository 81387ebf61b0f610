import type { Plan } from '../../../shared/model';
import {
  type PlanOverride,
  readOverride,
  writeOverrideAnnotations,
} from '../../../shared/model/override';
import type { OverrideRecord, PlanStatus } from '../../../shared/model/status';
import { overrideInEffect } from '../../../shared/schedule';
import type { LifecycleDeps } from './lifecycle-deps';
import type { PlanState } from './plan-state';

/**
 * Where the plan's one manual override is kept (docs/lifecycle.md "Where the override lives"):
 * its phase and until in the plan's annotations, the operator's three keys, so export, import and
 * the editor see it; the desktop's bookkeeping (setAt, by, durationMs, and what Undo restores) in
 * the plan's stored status, which also keeps a copy of phase/until so an edit that changed the
 * annotations is recognised as a new override.
 */

export function recordToOverride(record: OverrideRecord): PlanOverride {
  const out: PlanOverride = { phase: record.phase, until: record.until };
  if (record.setAt !== undefined) out.setAt = record.setAt;
  if (record.by !== undefined) out.by = record.by;
  if (record.byUser !== undefined) out.byUser = record.byUser;
  if (record.durationMs !== undefined) out.durationMs = record.durationMs;
  if (record.previous !== undefined)
    out.previous = record.previous === null ? null : recordToOverride(record.previous);
  return out;
}

function sameOverride(a: { phase: string; until: string | null }, b: typeof a): boolean {
  return a.phase === b.phase && a.until === b.until;
}

/** The override the plan carries (in effect or expired), with its bookkeeping when it matches. */
export function storedOverride(plan: Plan, status: PlanStatus | null): PlanOverride | null {
  const { override } = readOverride(plan.metadata.annotations);
  if (!override) return null;
  const record = status?.override;
  return record && sameOverride(record, override) ? recordToOverride(record) : override;
}

/** The override in effect at `now`, or null (none, expired or unreadable). */
export function overrideNow(plan: Plan, status: PlanStatus | null, now: Date): PlanOverride | null {
  const override = storedOverride(plan, status);
  return override && overrideInEffect(override, now) ? override : null;
}

/** The plan with its override annotations written (or removed). */
export function planWithOverride(plan: Plan, override: PlanOverride | null): Plan {
  const annotations = writeOverrideAnnotations(plan.metadata.annotations, override);
  const { annotations: _old, ...metadata } = plan.metadata;
  return {
    ...plan,
    metadata: Object.keys(annotations).length > 0 ? { ...metadata, annotations } : metadata,
  };
}

export interface OverrideWrite {
  override: PlanOverride | null;
  /** What Undo restores afterwards; undefined leaves it as it is, null clears it. */
  undo?: { previous: PlanOverride | null } | null;
}

/**
 * Writes the override into the plan's annotations and its bookkeeping into the status, in one
 * transaction, and announces the plan change. Returns the stored plan.
 */
export function saveOverride(
  deps: LifecycleDeps,
  state: PlanState,
  plan: Plan,
  write: OverrideWrite,
): Plan {
  const status = state.status;
  const next = planWithOverride(plan, write.override);
  if (status) {
    status.override = write.override;
    if (write.undo !== undefined) status.overrideUndo = write.undo;
  }
  state.commit(() => {
    deps.plans.upsert(next, deps.clock.now());
  });
  deps.bus.emit({ type: 'PlanChanged', plan: plan.metadata.name, change: 'updated' });
  return next;
}
