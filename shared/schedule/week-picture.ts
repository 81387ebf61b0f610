import { localDayAt, weekStartDay } from './compile';
import { compileSchedule } from './compile-cache';
import { ScheduleError } from './errors';
import { explain } from './evaluate';
import type { IntervalSet } from './intervals';
import { computeLayers, patternInstants } from './timeline';
import {
  DAYS,
  type Day,
  type IntervalSource,
  type ScheduleExceptionLike,
  type SchedulePlan,
  type ScheduleInterval,
} from './types';
import { DAY_MS, MINUTE_MS, instantMs } from './zoned-time';

/** Longest range `intervals` accepts; the editor draws a week, the engine looks a year ahead. */
const MAX_RANGE_MS = 400 * DAY_MS;

function sourceKey(s: IntervalSource): string {
  return s.kind === 'schedule'
    ? `schedule/${s.window ?? ''}`
    : `${s.kind}/${s.exception}/${s.window ?? ''}`;
}

/**
 * The timeline over [from, to) as maximal stretches of one state and one source, e.g. for
 * colouring a calendar. Built from the same layers as `evaluate`, cut at every edge of every
 * window and exception so each stretch has a single explanation.
 */
export function intervals(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  from: Date,
  to: Date,
): ScheduleInterval[] {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  if (!(b > a) || b - a > MAX_RANGE_MS) {
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      '`to` must be after `from` and at most 400 days later.',
    );
  }
  const c = compileSchedule(plan, exceptions);
  const layers = computeLayers(c, a, b);
  const cuts = new Set<number>([a]);
  const addEdges = (set: IntervalSet): void => {
    for (const x of set) if (x > a && x < b) cuts.add(x);
  };
  for (const set of [
    layers.final,
    layers.pre,
    layers.core,
    layers.extend,
    layers.suspend,
    layers.replaceValid,
  ])
    addEdges(set);
  for (const l of [...layers.replaces, ...layers.extends, ...layers.suspends]) {
    addEdges(l.set);
    for (const w of l.ex.windows) addEdges(patternInstants(c, w.pattern, a, b));
  }
  for (const w of c.windows) addEdges(patternInstants(c, w.pattern, a, b));
  for (const ex of c.exceptions) addEdges([ex.from, ex.until]);

  const points = [...cuts].sort((x, y) => x - y);
  const out: ScheduleInterval[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] ?? b;
    const e = explain(c, layers, start);
    const last = out[out.length - 1];
    if (
      last &&
      last.hibernate === e.hibernate &&
      last.reason === e.reason &&
      sourceKey(last.source) === sourceKey(e.source)
    ) {
      last.to = new Date(end);
    } else {
      out.push({
        from: new Date(start),
        to: new Date(end),
        hibernate: e.hibernate,
        source: e.source,
        reason: e.reason,
      });
    }
  }
  return out;
}

export interface DayInterval {
  /** Wall-clock minutes from local midnight, 0..1440 (see `weekPicture`). */
  startMinute: number;
  endMinute: number;
  hibernate: boolean;
  source: IntervalSource;
  reason: string;
}

export interface DayPicture {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  day: Day;
  intervals: DayInterval[];
}

/**
 * The plan-timezone week (Monday to Sunday) holding `weekStart`, per day as wall-clock minute
 * ranges with their state and source. Minutes are what a 24-hour grid shows: on a
 * spring-forward day no interval covers the skipped hour; on a fall-back day the repeated hour is
 * drawn once (later stretches are clipped so minutes never run backwards).
 */
export function weekPicture(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  weekStart: Date,
): DayPicture[] {
  const c = compileSchedule(plan, exceptions);
  const monday = weekStartDay(localDayAt(c.zone, instantMs(weekStart, 'weekStart')));
  const first = c.zone.instantOf(monday * DAY_MS);
  const last = c.zone.instantOf((monday + 7) * DAY_MS);
  const all = intervals(plan, exceptions, new Date(first), new Date(last));
  const days: DayPicture[] = [];
  for (let d = 0; d < 7; d++) {
    const local = monday + d;
    const dayStart = c.zone.instantOf(local * DAY_MS);
    const dayEnd = c.zone.instantOf((local + 1) * DAY_MS);
    const toMinute = (ms: number): number =>
      ms >= dayEnd ? 1440 : Math.round((c.zone.wallAt(ms) - local * DAY_MS) / MINUTE_MS);
    const list: DayInterval[] = [];
    let floor = 0;
    for (const iv of all) {
      const s = Math.max(iv.from.getTime(), dayStart);
      const e = Math.min(iv.to.getTime(), dayEnd);
      if (e <= s) continue;
      const startMinute = Math.max(toMinute(s), floor);
      const endMinute = Math.max(toMinute(e), startMinute);
      floor = endMinute;
      if (endMinute > startMinute)
        list.push({
          startMinute,
          endMinute,
          hibernate: iv.hibernate,
          source: iv.source,
          reason: iv.reason,
        });
    }
    days.push({
      date: new Date(local * DAY_MS).toISOString().slice(0, 10),
      day: DAYS[d] as Day,
      intervals: list,
    });
  }
  return days;
}
