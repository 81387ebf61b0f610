import type { Issue } from '../model/issue';
import { parseInstant } from '../model/instant';
import {
  type OverridePhase,
  type OverrideSetter,
  type PlanOverride,
  utcSeconds,
} from '../model/override';
import { scheduledSleepMs } from '../schedule/desired';
import { evaluate } from '../schedule/evaluate';
import type { ScheduleExceptionLike, SchedulePlan } from '../schedule/types';
import { UPCOMING_HORIZON_DAYS, upcoming } from '../schedule/upcoming';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../schedule/zoned-time';
import { formatHumanDuration } from '../time/duration';

/**
 * What a manual action does to the plan's one override (semantics.md section 2 "Manual
 * overrides"): set or replace it, or clear it when schedule + exceptions already give the asked
 * state for the whole span. Pure: the engine stores the result, runs what follows and answers
 * the API; a refusal names the request field so the API can answer 400.
 */

export const OVERRIDE_ACTIONS = [
  'hibernateNow',
  'wakeNow',
  'keepAwake',
  'keepAwakeUntilTomorrow',
  'skipNextHibernation',
] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

export interface OverrideSettings {
  /** Wake now during scheduled sleep, and any action on a schedule that never changes. */
  wakeNowHours: number;
}
export const DEFAULT_OVERRIDE_SETTINGS: OverrideSettings = { wakeNowHours: 3 };

/** Overrides longer than this are confirmed first. */
export const CONFIRM_OVERRIDE_ABOVE_MS = 12 * HOUR_MS;
/** "Keep awake until tomorrow" lasts at most this long. */
export const UNTIL_TOMORROW_MAX_MS = 24 * HOUR_MS;
const HORIZON_MS = UPCOMING_HORIZON_DAYS * DAY_MS;

export interface OverrideContext {
  now: Date;
  plan: SchedulePlan;
  /** This plan's exceptions (others are ignored). */
  exceptions: readonly ScheduleExceptionLike[];
  /** The plan's override now (expired or not), or null. */
  current: PlanOverride | null;
  settings?: Partial<OverrideSettings>;
  by?: OverrideSetter;
  /** `user@host` of the caller, when known. */
  byUser?: string;
}

export interface OverrideRequest extends OverrideContext {
  action: OverrideAction;
  /** RFC 3339; replaces the action's default end. */
  until?: string;
  /** keepAwake only (required unless `until` is given). */
  hours?: number;
}

/** What the choice does compared with the schedule over [now, until). */
export interface OverrideConsequence {
  kind: 'saves' | 'costs' | 'none';
  /** Hours asleep under the override minus under the schedule, in ms (> 0 saves). */
  deltaMs: number;
  /** "saves 14 h of sleep", "costs 3 h awake", "same as the schedule". */
  text: string;
}

interface Span {
  /** RFC 3339 UTC Z of the asked end; null for "already so now" (no span was needed). */
  until: string | null;
  durationMs: number;
  /** durationMs in words, to the minute ("1 h 30 min"). */
  duration: string;
  consequence: OverrideConsequence;
  needsConfirmation: boolean;
}

export type OverrideOutcome =
  | ({ kind: 'set'; override: PlanOverride } & Span)
  | ({ kind: 'clear'; reason: 'back on schedule'; previous: PlanOverride | null } & Span)
  | { kind: 'refused'; issue: Issue; message: string };

function refuse(path: string, message: string): OverrideOutcome {
  return { kind: 'refused', issue: { path, message }, message: `${path}: ${message}` };
}

function phaseOf(action: OverrideAction): OverridePhase {
  return action === 'hibernateNow' ? 'hibernate' : 'wakeup';
}

/** One level of history is enough for Undo; deeper chains would only grow. */
function withoutHistory(override: PlanOverride | null): PlanOverride | null {
  if (!override) return null;
  const { previous: _previous, ...rest } = override;
  return rest;
}

function settingMs(ctx: OverrideContext): number {
  const hours = ctx.settings?.wakeNowHours ?? DEFAULT_OVERRIDE_SETTINGS.wakeNowHours;
  return (hours > 0 ? hours : DEFAULT_OVERRIDE_SETTINGS.wakeNowHours) * HOUR_MS;
}

/** The schedule's next two changes after now (as ms), and whether it sleeps now. */
function scheduleAround(ctx: OverrideContext, nowMs: number) {
  const at = new Date(nowMs);
  const asleep = evaluate(ctx.plan, ctx.exceptions, at).hibernate;
  const [first, second] = upcoming(ctx.plan, ctx.exceptions, at, 2).map((t) => t.at.getTime());
  return { asleep, first, second };
}

/**
 * The default end of each action, or "already" when schedule + exceptions give the asked state
 * now (wake now / hibernate now only).
 */
function defaultUntil(
  action: Exclude<OverrideAction, 'keepAwake'>,
  ctx: OverrideContext,
  nowMs: number,
): number | 'already' {
  const { asleep, first, second } = scheduleAround(ctx, nowMs);
  const setting = nowMs + settingMs(ctx);
  if (action === 'wakeNow' && !asleep) return 'already';
  if (action === 'hibernateNow' && asleep) return 'already';
  // A schedule that never changes within the horizon: the setting's duration.
  if (first === undefined) return setting;
  switch (action) {
    case 'wakeNow':
      return Math.min(setting, first);
    case 'hibernateNow':
      // The next wake after the coming sleep; a sleep that never ends needs only to be reached.
      return second ?? first;
    case 'keepAwakeUntilTomorrow': {
      const wake = asleep ? first : second;
      return Math.min(wake ?? Number.POSITIVE_INFINITY, nowMs + UNTIL_TOMORROW_MAX_MS);
    }
    case 'skipNextHibernation':
      if (asleep) return first;
      // The coming sleep never ends within the horizon: skip the setting's duration of it.
      return second ?? first + settingMs(ctx);
  }
}

function consequenceOf(
  ctx: OverrideContext,
  phase: OverridePhase,
  nowMs: number,
  untilMs: number,
): OverrideConsequence {
  const scheduled = scheduledSleepMs(ctx.plan, ctx.exceptions, new Date(nowMs), new Date(untilMs));
  const asleep = phase === 'hibernate' ? untilMs - nowMs : 0;
  const deltaMs = asleep - scheduled;
  if (Math.abs(deltaMs) < SECOND_MS)
    return { kind: 'none', deltaMs: 0, text: 'same as the schedule' };
  return deltaMs > 0
    ? {
        kind: 'saves',
        deltaMs,
        text: `saves ${formatHumanDuration(deltaMs, { precision: 'minute' })} of sleep`,
      }
    : {
        kind: 'costs',
        deltaMs,
        text: `costs ${formatHumanDuration(deltaMs, { precision: 'minute' })} awake`,
      };
}

/** Schedule + exceptions give `phase` over all of [from, to). */
function scheduleGives(
  ctx: OverrideContext,
  phase: OverridePhase,
  from: number,
  to: number,
): boolean {
  const { asleep, first } = scheduleAround(ctx, from);
  return asleep === (phase === 'hibernate') && (first === undefined || first >= to);
}

const NO_SPAN: Span = {
  until: null,
  durationMs: 0,
  duration: formatHumanDuration(0, { precision: 'minute' }),
  consequence: { kind: 'none', deltaMs: 0, text: 'same as the schedule' },
  needsConfirmation: false,
};

/** Set, or clear when the schedule already gives `phase` until `untilMs`. */
export function overrideFor(
  ctx: OverrideContext,
  phase: OverridePhase,
  nowMs: number,
  untilMs: number,
  durationMs = untilMs - nowMs,
): OverrideOutcome {
  const span: Span = {
    until: utcSeconds(untilMs),
    durationMs: untilMs - nowMs,
    duration: formatHumanDuration(untilMs - nowMs, { precision: 'minute' }),
    consequence: consequenceOf(ctx, phase, nowMs, untilMs),
    needsConfirmation: untilMs - nowMs > CONFIRM_OVERRIDE_ABOVE_MS,
  };
  if (scheduleGives(ctx, phase, nowMs, untilMs)) {
    return {
      kind: 'clear',
      reason: 'back on schedule',
      previous: withoutHistory(ctx.current),
      ...span,
      needsConfirmation: false,
    };
  }
  const override: PlanOverride = {
    phase,
    until: utcSeconds(untilMs),
    setAt: utcSeconds(nowMs),
    ...(ctx.by ? { by: ctx.by } : {}),
    ...(ctx.byUser ? { byUser: ctx.byUser } : {}),
    durationMs,
    previous: withoutHistory(ctx.current),
  };
  return { kind: 'set', override, ...span };
}

/** Whole seconds, like everything the override stores. */
function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/** An explicit `until`: RFC 3339, in the future, within the 366-day horizon. */
export function checkUntil(until: string, nowMs: number): number | OverrideOutcome {
  const parsed = typeof until === 'string' ? parseInstant(until) : undefined;
  if (parsed === undefined)
    return refuse(
      'until',
      `"${String(until)}" is not an RFC 3339 instant: write it like 2026-12-24T18:00:00Z`,
    );
  const ms = floorSecond(parsed);
  if (ms <= nowMs) return refuse('until', `${until} is not in the future: pick a later time`);
  if (ms - nowMs > HORIZON_MS)
    return refuse(
      'until',
      `${until} is more than ${UPCOMING_HORIZON_DAYS} days ahead: pick a time before ${utcSeconds(nowMs + HORIZON_MS)}`,
    );
  return ms;
}

function checkHours(hours: unknown, nowMs: number): number | OverrideOutcome {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0)
    return refuse('hours', `must be a number of hours above 0 (got ${String(hours)})`);
  const ms = floorSecond(nowMs + hours * HOUR_MS);
  if (ms - nowMs > HORIZON_MS)
    return refuse('hours', `must be at most ${UPCOMING_HORIZON_DAYS * 24} (got ${hours})`);
  if (ms <= nowMs) return refuse('hours', `is too short to keep the plan awake (got ${hours})`);
  return ms;
}

/** What `request.action` does to the plan's override (see the module comment). */
export function planOverride(request: OverrideRequest): OverrideOutcome {
  const { action } = request;
  if (!(OVERRIDE_ACTIONS as readonly string[]).includes(action))
    return refuse(
      'action',
      `"${String(action)}" is not a manual action: use ${OVERRIDE_ACTIONS.join(', ')}`,
    );
  const nowMs = floorSecond(request.now.getTime());
  const phase = phaseOf(action);

  if (request.hours !== undefined && action !== 'keepAwake')
    return refuse('hours', `applies to keepAwake only: give until to choose when ${action} ends`);
  if (request.hours !== undefined && request.until !== undefined)
    return refuse('hours', 'give either hours or until, not both');

  let untilMs: number | OverrideOutcome | 'already';
  if (request.until !== undefined) untilMs = checkUntil(request.until, nowMs);
  else if (action === 'keepAwake') untilMs = checkHours(request.hours, nowMs);
  else untilMs = defaultUntil(action, request, nowMs);

  if (typeof untilMs === 'object') return untilMs;
  if (untilMs === 'already')
    return {
      kind: 'clear',
      reason: 'back on schedule',
      previous: withoutHistory(request.current),
      ...NO_SPAN,
    };
  return overrideFor(request, phase, nowMs, untilMs);
}

/**
 * The heads-up's "keep it": the override in effect now, extended by its original duration
 * (`durationMs`, else setAt → until). Refused when there is no override in effect or it has no end.
 */
export function keepOverride(ctx: OverrideContext): OverrideOutcome {
  const nowMs = floorSecond(ctx.now.getTime());
  const current = ctx.current;
  const endMs = current?.until ? parseInstant(current.until) : undefined;
  if (!current || endMs === undefined || endMs <= nowMs)
    return refuse(
      'override',
      current && current.until === null
        ? 'has no end, so there is nothing to extend'
        : 'no manual override is in effect: choose an action instead',
    );
  const setAt = current.setAt ? parseInstant(current.setAt) : undefined;
  const original =
    current.durationMs && current.durationMs > 0
      ? current.durationMs
      : setAt !== undefined && setAt < endMs
        ? endMs - setAt
        : settingMs(ctx);
  const untilMs = floorSecond(endMs + original);
  if (untilMs - nowMs > HORIZON_MS)
    return refuse('until', `would end more than ${UPCOMING_HORIZON_DAYS} days ahead`);
  return overrideFor(ctx, current.phase, nowMs, untilMs, original);
}
