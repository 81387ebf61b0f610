/**
 * The operator's objects → the API's summaries. Pure: the objects as the cluster stores them
 * and the time in, summaries out. Next transitions are estimated with this app's schedule
 * engine (docs/cluster.md says where the operator's rules differ).
 */
import {
  isClusterPlanPhase,
  type ClusterExceptionSummary,
  type ClusterNotificationSummary,
  type ClusterPlanSummary,
  type ClusterPlanTarget,
  type EstimatedTransition,
} from '../../../shared/api/cluster-plans';
import {
  upcomingDesired,
  type OverrideLike,
  type ScheduleExceptionLike,
  type SchedulePlan,
} from '../../../shared/schedule';
import { ANNOTATIONS, OPERATOR_DEFAULT_RETRIES } from './hibernator-resources';

/** A Kubernetes object read loosely (any JSON with metadata). */
export interface LooseObject {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    annotations?: Record<string, string>;
  };
  spec?: unknown;
  status?: unknown;
}

type Json = Record<string, unknown>;

function rec(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function instant(text: string | null): number | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The override as the operator reads it: `override-action: "true"` with a valid target, until its deadline. */
export function overrideOf(plan: LooseObject, now: Date): OverrideLike | null {
  const a = plan.metadata.annotations ?? {};
  if (a[ANNOTATIONS.overrideAction] !== 'true') return null;
  const phase = a[ANNOTATIONS.overridePhaseTarget];
  if (phase !== 'hibernate' && phase !== 'wakeup') return null;
  const until = str(a[ANNOTATIONS.overrideUntil]);
  const untilMs = instant(until);
  if (untilMs !== null && untilMs <= now.getTime()) return null;
  return { phase, until: untilMs === null ? null : new Date(untilMs).toISOString() };
}

/** Suspended as the operator's gate says: `spec.suspend`, or a `suspend-until` still ahead. */
export function suspensionOf(
  plan: LooseObject,
  now: Date,
): { suspended: boolean; until: string | null; reason: string | null } {
  const a = plan.metadata.annotations ?? {};
  const until = str(a[ANNOTATIONS.suspendUntil]);
  const untilMs = instant(until);
  const ahead = untilMs !== null && untilMs > now.getTime();
  return {
    suspended: rec(plan.spec).suspend === true || ahead,
    until,
    reason: str(a[ANNOTATIONS.suspendReason]),
  };
}

/** `CalculateBackoff` of internal/recovery: 60 s · 2^attempt, at most 30 min. */
export function operatorBackoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt), 30 * 60_000);
}

export function retryLimitOf(plan: LooseObject): number {
  const retries = rec(rec(plan.spec).behavior).retries;
  return typeof retries === 'number' ? retries : OPERATOR_DEFAULT_RETRIES;
}

function nextRetryAt(plan: LooseObject, now: Date): string | null {
  const status = rec(plan.status);
  if (status.phase !== 'Error') return null;
  const count = num(status.retryCount);
  if (count >= retryLimitOf(plan)) return null;
  const at = instant(str(plan.metadata.annotations?.[ANNOTATIONS.retryAt] ?? null));
  if (at !== null) return new Date(at).toISOString();
  const last = instant(str(status.lastRetryTime));
  const due = last === null ? now.getTime() : last + operatorBackoffMs(count);
  return new Date(Math.max(due, now.getTime())).toISOString();
}

function schedulePlanOf(plan: LooseObject): SchedulePlan {
  const schedule = rec(rec(plan.spec).schedule);
  const offHours = list(schedule.offHours).map((w) => {
    const win = rec(w);
    return {
      start: String(win.start ?? ''),
      end: String(win.end ?? ''),
      daysOfWeek: list(win.daysOfWeek).map((d) => String(d).toUpperCase()),
    };
  });
  // The schedule engine checks every field and throws a ScheduleError naming a bad one.
  return {
    metadata: { name: plan.metadata.name },
    spec: {
      schedule: { timezone: String(schedule.timezone ?? ''), offHours },
    },
  } as SchedulePlan;
}

function exceptionLike(obj: LooseObject): ScheduleExceptionLike | null {
  const spec = rec(obj.spec);
  const type = spec.type;
  if (type !== 'extend' && type !== 'suspend' && type !== 'replace') return null;
  const state = rec(obj.status).state;
  if (state === 'Expired' || state === 'Detached') return null;
  const leadTime = str(spec.leadTime);
  return {
    metadata: { name: obj.metadata.name },
    spec: {
      planRef: { name: String(rec(spec.planRef).name ?? '') },
      type,
      validFrom: String(spec.validFrom ?? ''),
      validUntil: String(spec.validUntil ?? ''),
      ...(leadTime === null ? {} : { leadTime }),
      windows: schedulePlanOf({
        metadata: obj.metadata,
        spec: { schedule: { offHours: spec.windows } },
      }).spec.schedule.offHours,
    },
  };
}

/** The exceptions that belong to `plan` (same namespace unless planRef names another). */
export function exceptionsOf(plan: LooseObject, exceptions: readonly LooseObject[]): LooseObject[] {
  return exceptions.filter((e) => {
    const ref = rec(rec(e.spec).planRef);
    const ns = str(ref.namespace) ?? e.metadata.namespace;
    return ref.name === plan.metadata.name && ns === plan.metadata.namespace;
  });
}

/** The next `n` estimated transitions, or the reason there is none. */
export function estimateTransitions(
  plan: LooseObject,
  exceptions: readonly LooseObject[],
  now: Date,
  n: number,
): { transitions: EstimatedTransition[]; note: string | null } {
  if (suspensionOf(plan, now).suspended)
    return { transitions: [], note: 'suspended: the operator does not follow the schedule' };
  const override = overrideOf(plan, now);
  if (override !== null && override.until === null)
    return {
      transitions: [],
      note: `the override (${override.phase}) holds until it is cleared`,
    };
  try {
    const own = exceptionsOf(plan, exceptions).flatMap((e) => {
      const like = exceptionLike(e);
      return like === null ? [] : [like];
    });
    const next = upcomingDesired(schedulePlanOf(plan), own, override, now, n);
    const transitions = next.map((t) => ({
      at: t.at.toISOString(),
      operation: t.operation,
      estimate: true as const,
    }));
    return {
      transitions,
      note: transitions.length === 0 ? 'no change within a year' : null,
    };
  } catch (error) {
    return {
      transitions: [],
      note: `the schedule cannot be estimated: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function targetsOf(plan: LooseObject): ClusterPlanTarget[] {
  const executions = list(rec(plan.status).executions).map(rec);
  return list(rec(plan.spec).targets).map((t) => {
    const target = rec(t);
    const name = String(target.name ?? '');
    const exec = executions.find((e) => e.target === name);
    return {
      name,
      type: String(target.type ?? ''),
      state: str(exec?.state),
      attempts: num(exec?.attempts),
      message: str(exec?.message),
      startedAt: str(exec?.startedAt),
      finishedAt: str(exec?.finishedAt),
    };
  });
}

export function summarizePlan(
  connection: string,
  plan: LooseObject,
  exceptions: readonly LooseObject[],
  now: Date,
): ClusterPlanSummary {
  const status = rec(plan.status);
  const phase = isClusterPlanPhase(status.phase) ? status.phase : null;
  const operation = status.currentOperation;
  const suspension = suspensionOf(plan, now);
  const estimate = estimateTransitions(plan, exceptions, now, 1);
  return {
    connection,
    namespace: plan.metadata.namespace ?? '',
    name: plan.metadata.name,
    phase,
    operation: operation === 'shutdown' || operation === 'wakeup' ? operation : null,
    override: overrideOf(plan, now),
    suspended: suspension.suspended,
    suspendUntil: suspension.until,
    suspendReason: suspension.reason,
    error: str(status.errorMessage),
    retryCount: num(status.retryCount),
    retryLimit: retryLimitOf(plan),
    nextRetryAt: nextRetryAt(plan, now),
    lastTransitionTime: str(status.lastTransitionTime),
    nextTransition: estimate.transitions[0] ?? null,
    estimateNote: estimate.note,
    targets: targetsOf(plan),
    resourceVersion: plan.metadata.resourceVersion ?? '',
  };
}

export function summarizeException(obj: LooseObject): ClusterExceptionSummary {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  return {
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name,
    plan: String(rec(spec.planRef).name ?? ''),
    type: String(spec.type ?? ''),
    validFrom: str(spec.validFrom),
    validUntil: str(spec.validUntil),
    state: str(status.state),
    message: str(status.message),
  };
}

export function summarizeNotification(obj: LooseObject): ClusterNotificationSummary {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  return {
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name,
    state: str(status.state),
    onEvents: list(spec.onEvents).map(String),
    sinks: list(spec.sinks).map((s) => String(rec(s).name ?? '')),
    watchedPlans: list(status.watchedPlans).map((p) => String(rec(p).name ?? '')),
    lastDeliveryTime: str(status.lastDeliveryTime),
    lastFailureTime: str(status.lastFailureTime),
  };
}
