import { parseDuration } from '../time/duration';
import { ScheduleError } from './errors';
import { type IntervalSet, pushInterval, union } from './intervals';
import {
  DAYS,
  type ExceptionType,
  type OffHourWindow,
  type ScheduleExceptionLike,
  type SchedulePlan,
} from './types';
import { DAY_MS, MINUTE_MS, type ZoneRules, zoneRules } from './zoned-time';

/**
 * Turns a plan and its exceptions into week patterns: every window's hibernation as wall-clock
 * minutes of a Monday-based week. Both readings of the spec are periodic in wall time, so they
 * are computed once here; only the wall → instant step (where DST lives) is done per range.
 */

export const DAY_MINUTES = 1440;
export const WEEK_MINUTES = 7 * DAY_MINUTES;

/** Hibernation of a week in wall minutes from Monday 00:00, plus its instants per week once converted. */
export interface WeekPattern {
  minutes: IntervalSet;
  /** Keyed by the local day number of the week's Monday; created on first use. */
  weeks: Map<number, number[]> | undefined;
}

function weekPattern(minutes: IntervalSet): WeekPattern {
  return { minutes, weeks: undefined };
}

export interface CompiledWindow {
  /** 1-based, as shown to users. */
  number: number;
  start: string;
  end: string;
  startMin: number;
  /** 1..1440; `23:59` and `24:00` are both 1440 (end of day). */
  endMin: number;
  /** Indexed MON=0 … SUN=6. */
  days: boolean[];
  pattern: WeekPattern;
}

export interface CompiledException {
  name: string;
  type: ExceptionType;
  from: number;
  until: number;
  leadMs: number;
  windows: CompiledWindow[];
  pattern: WeekPattern;
}

export interface CompiledSchedule {
  planName: string;
  timezone: string;
  zone: ZoneRules;
  windows: CompiledWindow[];
  basePattern: WeekPattern;
  /** Exceptions of this plan, in input order. */
  exceptions: CompiledException[];
  replaces: CompiledException[];
  extends: CompiledException[];
  suspends: CompiledException[];
  maxLeadMs: number;
}

const TIME = /^(\d{1,2}):(\d{2})$/;
const DAY_INDEX: Record<string, number> = {
  MON: 0,
  TUE: 1,
  WED: 2,
  THU: 3,
  FRI: 4,
  SAT: 5,
  SUN: 6,
};

/** Field paths are only built when there is an error to report (compile is on the hot path). */
type FieldPath = () => string;

function parseTime(text: string, field: FieldPath, isEnd: boolean): number {
  let h = Number.NaN;
  let min = Number.NaN;
  if (typeof text === 'string' && text.length === 5 && text.charCodeAt(2) === 58) {
    h = Number(text.slice(0, 2));
    min = Number(text.slice(3));
  } else {
    const m = typeof text === 'string' ? TIME.exec(text.trim()) : null;
    if (m) {
      h = Number(m[1]);
      min = Number(m[2]);
    }
  }
  if (isEnd && h === 24 && min === 0) return DAY_MINUTES;
  if (!(
    Number.isInteger(h) &&
    Number.isInteger(min) &&
    h >= 0 &&
    h <= 23 &&
    min >= 0 &&
    min <= 59
  )) {
    throw new ScheduleError(
      'INVALID_TIME',
      `${field()} "${String(text)}" is not a time: use HH:MM between 00:00 and 23:59${isEnd ? ' (or 24:00)' : ''}.`,
    );
  }
  // Operator users write 23:59 for "until midnight"; reading it literally would wake for a minute.
  if (isEnd && h === 23 && min === 59) return DAY_MINUTES;
  return h * 60 + min;
}

function parseDays(days: readonly string[], field: FieldPath): boolean[] {
  if (!Array.isArray(days))
    throw new ScheduleError('INVALID_DAY', `${field()} must be a list of days such as [MON, TUE].`);
  const out = [false, false, false, false, false, false, false];
  for (const raw of days) {
    let idx = typeof raw === 'string' ? DAY_INDEX[raw] : undefined;
    // Input is case-insensitive (semantics.md section 1); the stored form is upper-case.
    if (idx === undefined && typeof raw === 'string') idx = DAY_INDEX[raw.trim().toUpperCase()];
    if (idx === undefined) {
      throw new ScheduleError(
        'INVALID_DAY',
        `${field()} contains "${String(raw)}": use MON, TUE, WED, THU, FRI, SAT or SUN.`,
      );
    }
    out[idx] = true;
  }
  return out;
}

/** `20:00–06:00 MON–FRI`: how a window is named in reasons (built on demand, not per compile). */
export function windowLabel(w: Pick<CompiledWindow, 'start' | 'end' | 'days'>): string {
  return `${w.start}–${w.end} ${formatDays(w.days)}`;
}

/** `MON–FRI`, `SAT,SUN`, `every day`: how windows are named in reasons and the UI. */
export function formatDays(days: readonly boolean[]): string {
  if (days.every(Boolean)) return 'every day';
  const runs: string[] = [];
  let i = 0;
  while (i < 7) {
    if (!days[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && days[j + 1]) j++;
    if (j - i >= 2) runs.push(`${DAYS[i]}–${DAYS[j]}`);
    else for (let k = i; k <= j; k++) runs.push(DAYS[k] as string);
    i = j + 1;
  }
  return runs.length ? runs.join(',') : 'no days';
}

function compileWindow(
  w: OffHourWindow,
  index: number,
  field: FieldPath,
  reading: 'events' | 'intervals',
): CompiledWindow {
  if (typeof w !== 'object' || w === null)
    throw new ScheduleError('INVALID_WINDOW', `${field()} must be an object.`);
  const startMin = parseTime(w.start, () => `${field()}.start`, false);
  const endMin = parseTime(w.end, () => `${field()}.end`, true);
  if (startMin === endMin) {
    throw new ScheduleError(
      'INVALID_WINDOW',
      `${field()}: start and end are both ${w.start}; a window needs two different times.`,
    );
  }
  const days = parseDays(w.daysOfWeek, () => `${field()}.daysOfWeek`);
  const minutes =
    reading === 'events'
      ? eventPattern(startMin, endMin, days)
      : intervalPattern(startMin, endMin, days);
  return {
    number: index + 1,
    start: w.start.trim(),
    end: w.end.trim(),
    startMin,
    endMin,
    days,
    pattern: weekPattern(minutes),
  };
}

/**
 * Base/replace reading: a window hibernates when its latest start event is not older than its
 * latest end event. Swept over two weeks so the state entering the second week is known.
 * Events are produced already in time order: per day, the earlier of start and end first; an
 * end at 24:00 meets the next day's 00:00 start, which comes after it and so wins the tie —
 * that is what keeps 24:00 → 00:00 hibernated.
 */
function eventPattern(startMin: number, endMin: number, days: boolean[]): IntervalSet {
  const raw: IntervalSet = [];
  let openAt = -1;
  for (let d = 0; d < 14; d++) {
    if (!days[d % 7]) continue;
    const base = d * DAY_MINUTES;
    if (startMin < endMin) {
      if (openAt < 0) openAt = base + startMin;
      pushInterval(raw, openAt, base + endMin);
      openAt = -1;
    } else {
      if (openAt >= 0) pushInterval(raw, openAt, base + endMin);
      openAt = base + startMin;
    }
  }
  if (openAt >= 0) pushInterval(raw, openAt, 2 * WEEK_MINUTES);
  const out: IntervalSet = [];
  for (let i = 0; i < raw.length; i += 2) {
    const s = Math.max(raw[i] as number, WEEK_MINUTES);
    const e = Math.min(raw[i + 1] as number, 2 * WEEK_MINUTES);
    if (e > s) out.push(s - WEEK_MINUTES, e - WEEK_MINUTES);
  }
  return out;
}

/** Extend/suspend reading: each listed day's start opens an interval closing at the next end. */
function intervalPattern(startMin: number, endMin: number, days: boolean[]): IntervalSet {
  const out: IntervalSet = [];
  for (let d = 0; d < 7; d++) {
    if (!days[d]) continue;
    const s = d * DAY_MINUTES + startMin;
    pushInterval(out, s, d * DAY_MINUTES + (endMin > startMin ? endMin : endMin + DAY_MINUTES));
  }
  return out;
}

function unionPatterns(windows: CompiledWindow[]): WeekPattern {
  let minutes: IntervalSet = [];
  for (const w of windows) minutes = union(minutes, w.pattern.minutes);
  return weekPattern(minutes);
}

function parseInstant(text: string, field: FieldPath): number {
  const ms = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new ScheduleError(
      'INVALID_DATE',
      `${field()} "${String(text)}" is not an ISO-8601 instant such as 2026-01-28T20:00:00Z.`,
    );
  }
  return ms;
}

function leadTimeMs(text: string, field: string): number {
  const parsed = parseDuration(text, field);
  if (!parsed.ok) throw new ScheduleError(parsed.code, `${parsed.message}.`);
  return parsed.ms;
}

function compileException(ex: ScheduleExceptionLike): CompiledException {
  const name = ex.metadata.name;
  const field = (path: string) => `exception "${name}" ${path}`;
  const type = ex.spec.type;
  if (type !== 'extend' && type !== 'suspend' && type !== 'replace') {
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      `${field('spec.type')} "${String(type)}" must be extend, suspend or replace.`,
    );
  }
  const reading = type === 'replace' ? 'events' : 'intervals';
  const windows = (ex.spec.windows ?? []).map((w, i) =>
    compileWindow(w, i, () => field(`spec.windows[${i}]`), reading),
  );
  const leadText = ex.spec.leadTime;
  // Lead time only means something before a suspension (semantics.md section 2).
  const leadMs = type === 'suspend' && leadText ? leadTimeMs(leadText, field('spec.leadTime')) : 0;
  return {
    name,
    type,
    from: parseInstant(ex.spec.validFrom, () => field('spec.validFrom')),
    until: parseInstant(ex.spec.validUntil, () => field('spec.validUntil')),
    leadMs,
    windows,
    pattern: unionPatterns(windows),
  };
}

/** Compiles without caching; use `compileSchedule` (compile-cache.ts) on hot paths. */
export function compilePlan(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
): CompiledSchedule {
  const schedule = plan.spec.schedule;
  const zone = zoneRules(schedule.timezone);
  const windows = (schedule.offHours ?? []).map((w, i) =>
    compileWindow(w, i, () => `spec.schedule.offHours[${i}]`, 'events'),
  );
  const own = exceptions.filter((ex) => ex.spec.planRef.name === plan.metadata.name);
  const compiled = own.map(compileException);
  return {
    planName: plan.metadata.name,
    timezone: schedule.timezone,
    zone,
    windows,
    basePattern: unionPatterns(windows),
    exceptions: compiled,
    replaces: compiled.filter((e) => e.type === 'replace'),
    extends: compiled.filter((e) => e.type === 'extend'),
    suspends: compiled.filter((e) => e.type === 'suspend'),
    maxLeadMs: compiled.reduce((m, e) => Math.max(m, e.leadMs), 0),
  };
}

/** Local day number (days since 1970-01-01 in wall time) of the Monday starting that day's week. */
export function weekStartDay(localDay: number): number {
  return localDay - ((((localDay + 3) % 7) + 7) % 7);
}

/** Local day number of the wall-clock date at instant `ms`. */
export function localDayAt(zone: ZoneRules, ms: number): number {
  return Math.floor(zone.wallAt(ms) / DAY_MS);
}

/** Wall-clock ms of a wall minute counted from 1970-01-01T00:00. */
export function wallMinuteMs(minute: number): number {
  return minute * MINUTE_MS;
}
