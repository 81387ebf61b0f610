import { ScheduleError } from './errors';
import { evaluate } from './evaluate';
import {
  DAYS,
  type ExceptionType,
  type OffHourWindow,
  type ScheduleExceptionLike,
  type ScheduleExceptionObject,
  type SchedulePlan,
} from './types';
import { upcoming } from './upcoming';
import { DAY_MS, HOUR_MS, SECOND_MS, instantMs, zoneRules } from './zoned-time';

/**
 * DEPRECATED (issue 12): manual actions now set the plan's one override (shared/override
 * planOverride; stored as annotations, shared/model/override.ts) and no longer create
 * exceptions. Kept only until the engine's integration moves off it; shared/override
 * migrate-holds.ts recognises the holds written here, so keep their names and shape unchanged.
 *
 * Manual holds. Every one is an ordinary ScheduleException (semantics.md section 2: "every
 * manual hold is an exception"), so it is visible, expires by itself and is evaluated like any
 * other. Each builder computes its validity from the schedule *as it stands* (existing
 * exceptions included) and returns a storable object; nothing is saved here.
 */

export const API_VERSION = 'hibernator.ardikabs.com/v1alpha1';
export const REASON_ANNOTATION = 'hibernator.ardikabs.com/reason';
/** Longest validity an exception may have. */
export const MAX_EXCEPTION_MS = 90 * DAY_MS;
const MAX_NAME = 63;

/** A hold covers whole days, so its validity alone decides when it applies. */
export const ALL_DAY_WINDOW: OffHourWindow = {
  start: '00:00',
  end: '24:00',
  daysOfWeek: [...DAYS],
};

type HoldKind = 'keep-awake' | 'skip' | 'wake' | 'hibernate' | 'awake-until-tomorrow';

function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function localStamp(plan: SchedulePlan, ms: number): string {
  const wall = new Date(zoneRules(plan.spec.schedule.timezone).wallAt(ms)).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** DNS-1123 name `<plan>-<kind>-<yyyymmdd>-<hhmm>` (plan-local time), unique among `exceptions`. */
function holdName(
  plan: SchedulePlan,
  kind: HoldKind,
  at: number,
  exceptions: readonly ScheduleExceptionLike[],
): string {
  const stamp = localStamp(plan, at).replace(/[-:]/g, '').replace(' ', '-');
  const suffix = `-${kind}-${stamp}`;
  // Leave room for a "-NN" collision suffix within the 63-character label limit.
  const planPart =
    dnsLabel(plan.metadata.name)
      .slice(0, MAX_NAME - suffix.length - 3)
      .replace(/-$/, '') || 'plan';
  const taken = new Set(exceptions.map((e) => e.metadata.name));
  const base = `${planPart}${suffix}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

function hold(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  kind: HoldKind,
  type: ExceptionType,
  from: number,
  until: number,
  reason: string,
): ScheduleExceptionObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ScheduleException',
    metadata: {
      name: holdName(plan, kind, from, exceptions),
      annotations: { [REASON_ANNOTATION]: reason },
    },
    spec: {
      planRef: { name: plan.metadata.name },
      type,
      validFrom: isoSeconds(from),
      validUntil: isoSeconds(until),
      windows: [{ ...ALL_DAY_WINDOW, daysOfWeek: [...DAYS] }],
    },
  };
}

function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

function capped(from: number, until: number): number {
  return Math.min(until, from + MAX_EXCEPTION_MS);
}

function chosenUntil(now: number, until: Date): number {
  const ms = floorSecond(instantMs(until, 'until'));
  if (ms <= now)
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      'The chosen time is not in the future: pick a later time.',
    );
  if (ms - now > MAX_EXCEPTION_MS) {
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      'A hold can last at most 90 days: pick an earlier time.',
    );
  }
  return ms;
}

function zoneName(plan: SchedulePlan): string {
  return plan.spec.schedule.timezone;
}

/** "Keep awake for N hours": suspend valid [now, now + N h). *
 * @deprecated Use planOverride (shared/override): actions set the plan's one override.
 */
export function keepAwakeFor(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
  hours: number,
): ScheduleExceptionObject {
  if (!(typeof hours === 'number' && hours > 0 && hours * HOUR_MS <= MAX_EXCEPTION_MS)) {
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      `Keep awake needs a number of hours above 0 and at most ${90 * 24} (got ${String(hours)}).`,
    );
  }
  const from = floorSecond(instantMs(now, 'now'));
  const until = from + Math.round(hours * HOUR_MS);
  const reason = `Kept awake for ${hours} h, until ${localStamp(plan, until)} (${zoneName(plan)})`;
  return hold(plan, exceptions, 'keep-awake', 'suspend', from, until, reason);
}

/** Start and end of the next hibernation that begins after `now`, as the schedule stands. */
function nextHibernation(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
): { start: number; end: number | undefined } {
  const changes = upcoming(plan, exceptions, now, 3);
  const i = changes.findIndex((c) => c.operation === 'hibernate');
  const start = i >= 0 ? changes[i]?.at.getTime() : undefined;
  if (start === undefined) {
    throw new ScheduleError(
      'NO_UPCOMING_HIBERNATION',
      'The schedule has no hibernation in the next 366 days, so there is nothing to skip or wait for.',
    );
  }
  return { start, end: changes[i + 1]?.at.getTime() };
}

/**
 * "Skip next hibernation" / "skip tonight": suspend valid over the next hibernation that starts
 * after `now`. When the plan is asleep now, that is the one after the current hibernation (to
 * end the current one, use `wakeUntil`).
 *
 * @deprecated Use planOverride (shared/override): actions set the plan's one override.
 */
export function skipNextHibernation(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
): ScheduleExceptionObject {
  const next = nextHibernation(plan, exceptions, now);
  const until = capped(next.start, next.end ?? Number.POSITIVE_INFINITY);
  const reason = `Skipping the hibernation of ${localStamp(plan, next.start)} until ${localStamp(plan, until)} (${zoneName(plan)})`;
  return hold(plan, exceptions, 'skip', 'suspend', next.start, until, reason);
}

/**
 * "Wake now": suspend from now until the next scheduled wake-up, or until `until`. Without
 * `until` the plan must be hibernated now (`ALREADY_AWAKE` otherwise). A schedule that never
 * wakes within 90 days gets the 90-day maximum.
 *
 * @deprecated Use planOverride (shared/override): actions set the plan's one override.
 */
export function wakeUntil(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
  until?: Date,
): ScheduleExceptionObject {
  const from = floorSecond(instantMs(now, 'now'));
  let end: number;
  if (until) end = chosenUntil(from, until);
  else {
    if (!evaluate(plan, exceptions, now).hibernate) {
      throw new ScheduleError(
        'ALREADY_AWAKE',
        'The plan is already awake: use "keep awake" or "skip next hibernation" instead.',
      );
    }
    const wake = upcoming(plan, exceptions, now, 1)[0];
    end = capped(from, wake ? wake.at.getTime() : Number.POSITIVE_INFINITY);
  }
  const reason = `Woken manually until ${localStamp(plan, end)} (${zoneName(plan)})`;
  return hold(plan, exceptions, 'wake', 'suspend', from, end, reason);
}

/**
 * "Hibernate now": extend from now until the next scheduled hibernation ends, or until `until`.
 * Without `until` the plan must be awake now (`ALREADY_HIBERNATED` otherwise). Suspensions
 * still win over an extend, so a hold that would not hibernate now is refused
 * (`BLOCKED_BY_SUSPEND`) rather than stored to no effect.
 *
 * @deprecated Use planOverride (shared/override): actions set the plan's one override.
 */
export function hibernateUntil(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
  until?: Date,
): ScheduleExceptionObject {
  const from = floorSecond(instantMs(now, 'now'));
  let end: number;
  if (until) end = chosenUntil(from, until);
  else {
    if (evaluate(plan, exceptions, now).hibernate) {
      throw new ScheduleError(
        'ALREADY_HIBERNATED',
        'The plan is already hibernated: use "wake now" to wake it.',
      );
    }
    const next = nextHibernation(plan, exceptions, now);
    end = capped(from, next.end ?? Number.POSITIVE_INFINITY);
  }
  const reason = `Hibernated manually until ${localStamp(plan, end)} (${zoneName(plan)})`;
  const created = hold(plan, exceptions, 'hibernate', 'extend', from, end, reason);
  const check = evaluate(plan, [...exceptions, created], new Date(from));
  if (!check.hibernate) {
    throw new ScheduleError(
      'BLOCKED_BY_SUSPEND',
      `Cannot hibernate now: ${check.reason}. Remove that hold first.`,
    );
  }
  return created;
}

/**
 * "Keep awake until tomorrow": suspend from now until the start of the next working period,
 * defined as the first scheduled wake-up after the next hibernation (the current one when the
 * plan is asleep now). Friday evening therefore holds until Monday's wake-up.
 *
 * @deprecated Use planOverride (shared/override): actions set the plan's one override.
 */
export function keepAwakeUntilTomorrow(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
): ScheduleExceptionObject {
  const from = floorSecond(instantMs(now, 'now'));
  let end: number;
  if (evaluate(plan, exceptions, now).hibernate) {
    const wake = upcoming(plan, exceptions, now, 1)[0];
    end = capped(from, wake ? wake.at.getTime() : Number.POSITIVE_INFINITY);
  } else {
    const next = nextHibernation(plan, exceptions, now);
    end = capped(from, next.end ?? Number.POSITIVE_INFINITY);
  }
  const reason = `Kept awake until ${localStamp(plan, end)} (${zoneName(plan)})`;
  return hold(plan, exceptions, 'awake-until-tomorrow', 'suspend', from, end, reason);
}
