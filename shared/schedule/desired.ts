import { compileSchedule } from './compile-cache';
import { ScheduleError } from './errors';
import { explainAt } from './evaluate';
import { clip } from './intervals';
import { computeLayers } from './timeline';
import type {
  Evaluation,
  OverrideLike,
  ScheduleExceptionLike,
  SchedulePlan,
  ScheduleTransition,
} from './types';
import { UPCOMING_HORIZON_DAYS, upcoming } from './upcoming';
import { DAY_MS, instantMs, zoneRules } from './zoned-time';

/**
 * The desired state (semantics.md section 2 "Manual overrides"): the plan's override while it
 * is in effect, else schedule + exceptions. `spec.suspend` still wins over both, but that is
 * the phase machine's business, not the schedule's.
 */
export interface DesiredEvaluation extends Evaluation {
  source: 'override' | 'schedule';
  /** What schedule + exceptions say at the same instant (the state after the override ends). */
  schedule: Evaluation;
}

/** Epoch ms of the override's end; +Infinity when it has none. */
export function overrideEndMs(override: OverrideLike): number {
  if (override.until === null) return Number.POSITIVE_INFINITY;
  const ms = Date.parse(override.until);
  if (Number.isNaN(ms)) {
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      `override.until "${override.until}" is not an instant: write it like 2026-12-24T18:00:00Z.`,
    );
  }
  return ms;
}

/** An override is in effect strictly before its `until` (the end is exclusive, like validUntil). */
export function overrideInEffect(override: OverrideLike | null, at: Date): boolean {
  return override !== null && instantMs(at, 'at') < overrideEndMs(override);
}

function localStamp(plan: SchedulePlan, ms: number): string {
  const zone = plan.spec.schedule.timezone;
  const wall = new Date(zoneRules(zone).wallAt(ms)).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} (${zone})`;
}

export function evaluateDesired(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  override: OverrideLike | null,
  at: Date,
): DesiredEvaluation {
  const { hibernate, reason, activeExceptions } = explainAt(plan, exceptions, at);
  const schedule: Evaluation = { hibernate, reason, activeExceptions };
  if (!override || !overrideInEffect(override, at))
    return { ...schedule, source: 'schedule', schedule };
  const end = overrideEndMs(override);
  const what = override.phase === 'hibernate' ? 'hibernated' : 'kept awake';
  const until = Number.isFinite(end) ? `until ${localStamp(plan, end)}` : 'until it is removed';
  return {
    hibernate: override.phase === 'hibernate',
    reason: `${what} by a manual override ${until}`,
    activeExceptions,
    source: 'override',
    schedule,
  };
}

/**
 * The next `n` instants (> from, within 366 days) at which the desired state changes. While an
 * override is in effect the schedule's own changes are suppressed; its end is a change only when
 * the schedule then says otherwise.
 */
export function upcomingDesired(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  override: OverrideLike | null,
  from: Date,
  n: number,
): ScheduleTransition[] {
  if (!override || !overrideInEffect(override, from)) return upcoming(plan, exceptions, from, n);
  if (!Number.isInteger(n) || n < 0)
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      `n must be a whole number >= 0 (got ${String(n)}).`,
    );
  const horizon = instantMs(from, 'from') + UPCOMING_HORIZON_DAYS * DAY_MS;
  const end = overrideEndMs(override);
  if (n === 0 || end > horizon) return [];
  const endAt = new Date(end);
  const after = explainAt(plan, exceptions, endAt).hibernate;
  const out: ScheduleTransition[] = [];
  if (after !== (override.phase === 'hibernate'))
    out.push({ at: endAt, operation: after ? 'hibernate' : 'wakeup' });
  for (const t of upcoming(plan, exceptions, endAt, n - out.length)) {
    if (t.at.getTime() > horizon) break;
    out.push(t);
  }
  return out.slice(0, n);
}

/** Milliseconds that schedule + exceptions keep the plan asleep within [from, to). */
export function scheduledSleepMs(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  from: Date,
  to: Date,
): number {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  if (!(b > a)) return 0;
  const { final } = computeLayers(compileSchedule(plan, exceptions), a, b);
  const inside = clip(final, a, b);
  let total = 0;
  for (let i = 0; i < inside.length; i += 2)
    total += (inside[i + 1] as number) - (inside[i] as number);
  return total;
}
