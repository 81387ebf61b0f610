/**
 * The manual actions on an in-cluster plan, written the operator's way: its annotations (and
 * `spec.suspend`) as one JSON merge patch holding only what changes, computed like the kubectl
 * plugin's `client.MergeFrom(plan.DeepCopy())`. Where the operator would ignore or defer the
 * request, the action refuses (409) or says so instead of writing.
 */
import type { ClusterPlanAction } from '../../../shared/api/cluster-plans';
import { ApiError } from '../../../shared/api/errors';
import { retryLimitOf, type LooseObject } from './cluster-plan-summary';
import { ANNOTATIONS } from './hibernator-resources';

export interface ActionOptions {
  until?: string;
  reason?: string;
}

export type ActionPlan =
  | { write: true; patch: Record<string, unknown>; message: string }
  | { write: false; message: string };

/** The plugin's default `--reason`. */
export const DEFAULT_SUSPEND_REASON = 'User initiated';

function rec(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `deadline.Format(time.RFC3339)`: UTC, whole seconds. */
function rfc3339(until: string): string {
  return new Date(Date.parse(until)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A merge patch from the changes to annotations and spec.suspend, as MergeFrom computes it. */
function mergeFrom(
  plan: LooseObject,
  annotations: Record<string, string | undefined>,
  suspend?: boolean,
): Record<string, unknown> | null {
  const before = plan.metadata.annotations ?? {};
  const diff: Record<string, string | null> = {};
  for (const key of Object.keys(annotations).sort()) {
    const value = annotations[key];
    if (value === undefined) {
      if (key in before) diff[key] = null;
    } else if (before[key] !== value) diff[key] = value;
  }
  const patch: Record<string, unknown> = {};
  if (Object.keys(diff).length > 0) patch.metadata = { annotations: diff };
  const wasSuspended = rec(plan.spec).suspend === true;
  // `suspend` is `omitempty` in the CRD's Go type: false is written as a removal.
  if (suspend !== undefined && suspend !== wasSuspended)
    patch.spec = { suspend: suspend ? true : null };
  return Object.keys(patch).length === 0 ? null : patch;
}

function phaseOf(plan: LooseObject): string {
  const phase = rec(plan.status).phase;
  return typeof phase === 'string' && phase !== '' ? phase : 'Pending';
}

function refuse(message: string): never {
  throw new ApiError('CONFLICT', message);
}

function future(until: string | undefined, now: Date, what: string): string | undefined {
  if (until === undefined) return undefined;
  const ms = Date.parse(until);
  if (Number.isNaN(ms) || ms <= now.getTime())
    throw new ApiError('INVALID_INPUT', `${what}: until must be in the future (got ${until})`);
  return rfc3339(until);
}

const EXECUTION_FAILED = [
  'one or more targets in stage',
  'failed to rebuild execution plan',
  'failed to create job',
  'cannot execute stage',
];
const TRANSIENT = [
  'timeout',
  'connection refused',
  'temporary failure',
  'rate limit',
  'throttling',
  'service unavailable',
  'too many requests',
  'deadline exceeded',
];
const PERMANENT = [
  'not found',
  'already exists',
  'invalid',
  'forbidden',
  'unauthorized',
  'permission denied',
];

/** `ClassifyError` of internal/recovery, by message (the operator's string fallback). */
export function isPermanentError(message: string): boolean {
  const m = message.toLowerCase();
  if (EXECUTION_FAILED.some((p) => m.includes(p))) return false;
  if (TRANSIENT.some((p) => m.includes(p))) return false;
  return PERMANENT.some((p) => m.includes(p));
}

function label(plan: LooseObject): string {
  return `HibernatePlan "${plan.metadata.namespace ?? ''}/${plan.metadata.name}"`;
}

function written(patch: Record<string, unknown> | null, message: string, none: string): ActionPlan {
  return patch === null ? { write: false, message: none } : { write: true, patch, message };
}

export function planAction(
  plan: LooseObject,
  action: ClusterPlanAction,
  options: ActionOptions,
  now: Date,
  nextRetryAt: string | null,
): ActionPlan {
  const phase = phaseOf(plan);
  const annotations = plan.metadata.annotations ?? {};
  const name = label(plan);
  switch (action) {
    case 'hibernate':
    case 'wakeup': {
      if (phase !== 'Active' && phase !== 'Hibernated')
        refuse(
          `${name} is ${phase}; an override only applies to Active or Hibernated plans (the operator lets running operations finish)`,
        );
      const until = future(options.until, now, action);
      const patch = mergeFrom(plan, {
        [ANNOTATIONS.overrideAction]: 'true',
        [ANNOTATIONS.overridePhaseTarget]: action,
        // Without until, an old deadline is removed so it cannot end the new override early.
        [ANNOTATIONS.overrideUntil]: until,
      });
      const how = until === undefined ? 'until cleared' : `until ${until}`;
      return written(
        patch,
        `${name}: override to ${action} ${how}`,
        `${name} already has this override`,
      );
    }
    case 'clearOverride': {
      if (annotations[ANNOTATIONS.overrideAction] !== 'true')
        return { write: false, message: `${name} has no override; it follows its schedule` };
      const patch = mergeFrom(plan, {
        [ANNOTATIONS.overrideAction]: undefined,
        [ANNOTATIONS.overridePhaseTarget]: undefined,
        [ANNOTATIONS.overrideUntil]: undefined,
      });
      return written(
        patch,
        `${name}: override cleared, back on schedule`,
        `${name} has no override`,
      );
    }
    case 'suspend': {
      const until = future(options.until, now, 'suspend');
      const patch = mergeFrom(
        plan,
        {
          // A past deadline left behind would make the operator resume the plan at once.
          [ANNOTATIONS.suspendUntil]: until,
          [ANNOTATIONS.suspendReason]: options.reason ?? DEFAULT_SUSPEND_REASON,
        },
        true,
      );
      const how = until === undefined ? 'until resumed' : `until ${until}`;
      return written(patch, `${name}: suspended ${how}`, `${name} is already suspended that way`);
    }
    case 'resume': {
      const suspended = rec(plan.spec).suspend === true;
      if (!suspended && !(ANNOTATIONS.suspendUntil in annotations))
        return { write: false, message: `${name} is not suspended` };
      // Exactly the plugin's resume: the operator removes suspend-reason itself once resumed.
      const patch = mergeFrom(plan, { [ANNOTATIONS.suspendUntil]: undefined }, false);
      return written(patch, `${name}: resumed`, `${name} is not suspended`);
    }
    case 'retry': {
      if (phase !== 'Error')
        refuse(
          `${name} is ${phase}, not Error: retry only applies to failed plans (restart re-runs the last operation of an Active or Hibernated plan)`,
        );
      const status = rec(plan.status);
      const count = typeof status.retryCount === 'number' ? status.retryCount : 0;
      const limit = retryLimitOf(plan);
      const error = typeof status.errorMessage === 'string' ? status.errorMessage : '';
      if (count < limit && !isPermanentError(error))
        return {
          write: false,
          message: `the operator retries ${name} on its own${nextRetryAt === null ? '' : ` at ${nextRetryAt}`} (attempt ${count + 1} of ${limit}); it would ignore a manual retry until its retries run out`,
        };
      const patch = mergeFrom(plan, { [ANNOTATIONS.retryNow]: 'true' });
      return written(patch, `${name}: retry requested`, `${name}: a retry is already requested`);
    }
    case 'restart': {
      if (phase !== 'Active' && phase !== 'Hibernated')
        refuse(`${name} is ${phase}; restart only applies to Active or Hibernated plans`);
      const operation = rec(plan.status).currentOperation;
      if (typeof operation !== 'string' || operation === '')
        refuse(
          `${name} has no recorded operation yet; it must have completed a hibernation cycle before restart can be used`,
        );
      const patch = mergeFrom(plan, { [ANNOTATIONS.restart]: 'true' });
      return written(
        patch,
        `${name}: restart of its last operation (${operation}) requested`,
        `${name}: a restart is already requested`,
      );
    }
  }
}
