import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Day,
  type ExceptionType,
  type ScheduleExceptionLike,
  evaluate,
  fromWallClock,
  toWallClock,
  upcoming,
} from '../../shared/schedule';

/**
 * Property tests against a deliberately naive reference. The reference shares no code with the
 * engine: it walks the range minute by minute, reads the wall clock of every minute with
 * Intl.formatToParts, and decides each minute with plain loops over days. All inputs are on
 * whole minutes (and modern zone offsets are whole minutes), so minute resolution is exact.
 *
 * The DST rules fall out of one idea: an event at wall time w happens at the first instant at
 * which the wall clock has reached w — the "high-water mark" of the wall clock. In a gap that
 * is the first instant after it; in a repeated hour, the first occurrence.
 */

const MIN = 60_000;
const DAY_MIN = 1440;
const DAYS: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const RANGE_MIN = 5 * DAY_MIN;

/** Zones with DST rules of every flavour, each with dates around its 2026 transitions. */
const SCENARIOS: Array<[string, string]> = [
  ['UTC', '2026-01-26'],
  ['Asia/Kolkata', '2026-01-26'],
  ['Europe/Berlin', '2026-03-26'],
  ['Europe/Berlin', '2026-10-22'],
  ['America/New_York', '2026-03-05'],
  ['America/New_York', '2026-10-29'],
  ['Australia/Lord_Howe', '2026-04-02'],
  ['Australia/Lord_Howe', '2026-10-01'],
  ['America/Santiago', '2026-04-02'],
  ['America/Santiago', '2026-09-03'],
  ['Pacific/Chatham', '2026-04-02'],
  ['Pacific/Chatham', '2026-09-24'],
];

interface Walk {
  /** Instant (ms) of minute 0. */
  start: number;
  /** Wall-clock minute (since 1970-01-01 00:00 wall) at each minute. */
  wall: number[];
  /** High-water mark of the wall clock at each minute. */
  hw: number[];
}

const walks = new Map<string, Walk>();

function walkFor(zone: string, base: string): Walk {
  const key = `${zone} ${base}`;
  const cached = walks.get(key);
  if (cached) return cached;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const start = Date.parse(`${base}T00:00:00Z`) - 2 * DAY_MIN * MIN;
  const wall: number[] = [];
  const hw: number[] = [];
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < 10 * DAY_MIN; i++) {
    const parts = fmt.formatToParts(new Date(start + i * MIN));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const w =
      Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute')) / MIN;
    wall.push(w);
    high = Math.max(high, w);
    hw.push(high);
  }
  const walk = { start, wall, hw };
  walks.set(key, walk);
  return walk;
}

interface RefWindow {
  s: number;
  e: number;
  days: boolean[];
}

function minutesOf(text: string, isEnd: boolean): number {
  const [h, m] = text.split(':').map(Number);
  const v = (h ?? 0) * 60 + (m ?? 0);
  return isEnd && v === 1439 ? DAY_MIN : v;
}

function refWindows(
  windows: Array<{ start: string; end: string; daysOfWeek: readonly Day[] }>,
): RefWindow[] {
  return windows.map((w) => ({
    s: minutesOf(w.start, false),
    e: minutesOf(w.end, true),
    days: DAYS.map((d) => w.daysOfWeek.includes(d)),
  }));
}

function listed(w: RefWindow, localDay: number): boolean {
  return w.days[(((localDay + 3) % 7) + 7) % 7] === true;
}

/** Base/replace reading: latest start event not older than latest end event. */
function eventsSayHibernate(ws: RefWindow[], hw: number): boolean {
  const today = Math.floor(hw / DAY_MIN);
  for (const w of ws) {
    let lastStart = Number.NEGATIVE_INFINITY;
    let lastEnd = Number.NEGATIVE_INFINITY;
    for (let d = today - 8; d <= today; d++) {
      if (!listed(w, d)) continue;
      if (d * DAY_MIN + w.s <= hw) lastStart = Math.max(lastStart, d * DAY_MIN + w.s);
      if (d * DAY_MIN + w.e <= hw) lastEnd = Math.max(lastEnd, d * DAY_MIN + w.e);
    }
    if (lastStart > Number.NEGATIVE_INFINITY && lastStart >= lastEnd) return true;
  }
  return false;
}

/** Extend/suspend reading: inside [start, next end) of some listed day. */
function intervalsSayInside(ws: RefWindow[], hw: number): boolean {
  const today = Math.floor(hw / DAY_MIN);
  for (const w of ws) {
    for (let d = today - 1; d <= today; d++) {
      if (!listed(w, d)) continue;
      const s = d * DAY_MIN + w.s;
      const e = d * DAY_MIN + (w.e > w.s ? w.e : w.e + DAY_MIN);
      if (s <= hw && hw < e) return true;
    }
  }
  return false;
}

interface RefException {
  type: ExceptionType;
  from: number;
  until: number;
  leadMin: number;
  windows: RefWindow[];
}

/** Reference answer for every minute of [rangeStart, rangeStart + RANGE_MIN). */
function referenceStates(
  walk: Walk,
  rangeStart: number,
  base: RefWindow[],
  exceptions: RefException[],
): boolean[] {
  const first = (rangeStart - walk.start) / MIN;
  const maxLead = Math.max(0, ...exceptions.map((e) => e.leadMin));
  const instant = (i: number) => walk.start + i * MIN;
  const valid = (e: RefException, i: number) => e.from <= instant(i) && instant(i) < e.until;
  const suspendedBy = (e: RefException, i: number) =>
    valid(e, i) && intervalsSayInside(e.windows, walk.hw[i] as number);
  const pre: boolean[] = [];
  for (let i = first; i < first + RANGE_MIN + maxLead + 1; i++) {
    const hw = walk.hw[i] as number;
    const replaces = exceptions.filter((e) => e.type === 'replace' && valid(e, i));
    let core = false;
    if (replaces.length > 0)
      for (const r of replaces) core = core || eventsSayHibernate(r.windows, hw);
    else core = eventsSayHibernate(base, hw);
    let extend = false;
    let suspend = false;
    for (const e of exceptions) {
      if (e.type === 'extend' && valid(e, i) && intervalsSayInside(e.windows, hw)) extend = true;
      if (e.type === 'suspend' && suspendedBy(e, i)) suspend = true;
    }
    pre.push((core || extend) && !suspend);
  }
  const out: boolean[] = [];
  for (let k = 0; k < RANGE_MIN; k++) {
    let awakeForLead = false;
    if (pre[k]) {
      for (const e of exceptions) {
        if (e.type !== 'suspend' || e.leadMin === 0) continue;
        // Woken if a suspension of e begins within its lead time and the plan would sleep until then.
        for (let u = 1; u <= e.leadMin && pre[k + u - 1]; u++) {
          if (suspendedBy(e, first + k + u)) {
            awakeForLead = true;
            break;
          }
        }
      }
    }
    out.push((pre[k] ?? false) && !awakeForLead);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
const startArb = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
);
const endArb = fc.oneof(startArb, fc.constantFrom(1439, 1440));
const windowArb = fc
  .record({
    start: startArb,
    end: endArb,
    days: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .filter((w) => w.start !== (w.end === 1439 ? 1440 : w.end))
  .map((w) => ({
    start: hhmm(w.start),
    end: w.end === 1440 ? '24:00' : hhmm(w.end),
    daysOfWeek: DAYS.filter((_, i) => w.days[i]),
  }));
const exceptionArb = fc.record({
  type: fc.constantFrom<ExceptionType>('extend', 'suspend', 'replace'),
  fromMin: fc.integer({ min: -3 * DAY_MIN, max: RANGE_MIN }),
  lengthMin: fc.integer({ min: 30, max: 4 * DAY_MIN }),
  leadMin: fc.constantFrom(0, 0, 15, 30, 60, 90, 120),
  windows: fc.array(windowArb, { minLength: 1, maxLength: 2 }),
  otherPlan: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
const caseArb = fc.record({
  scenario: fc.constantFrom(...SCENARIOS),
  startHour: fc.integer({ min: 0, max: 47 }),
  windows: fc.array(windowArb, { minLength: 0, maxLength: 3 }),
  exceptions: fc.array(exceptionArb, { minLength: 0, maxLength: 4 }),
  probes: fc.array(fc.integer({ min: 0, max: RANGE_MIN * 60 - 1 }), { minLength: 4, maxLength: 4 }),
});

describe('schedule engine vs brute-force reference', () => {
  it('the wall-clock conversion agrees with the minute walk (both directions)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: DAY_MIN, max: 8 * DAY_MIN }),
        ([zone, base], i) => {
          const walk = walkFor(zone, base);
          const at = new Date(walk.start + i * MIN);
          const w = toWallClock(zone, at);
          expect(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) / MIN).toBe(walk.wall[i]);
          // A wall time happens at the first minute whose high-water mark reaches it.
          const target = walk.wall[i] as number;
          const first = walk.hw.findIndex((h) => h >= target);
          const d = new Date(target * MIN);
          const instant = fromWallClock(zone, {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
            second: 0,
          });
          expect(instant.getTime()).toBe(walk.start + first * MIN);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fromWallClock puts every wall minute of a transition day where the walk does', () => {
    for (const [zone, base] of SCENARIOS) {
      const walk = walkFor(zone, base);
      const lo = (walk.wall[0] as number) + DAY_MIN;
      let first = 0;
      for (let target = lo; target < lo + 7 * DAY_MIN; target += 7) {
        while ((walk.hw[first] as number) < target) first++;
        const d = new Date(target * MIN);
        const wall = {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: 0,
        };
        expect({ zone, wall, at: fromWallClock(zone, wall).getTime() }).toEqual({
          zone,
          wall,
          at: walk.start + first * MIN,
        });
      }
    }
  });

  it('evaluate and upcoming match the reference on random plans, exceptions and instants', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const [zone, base] = c.scenario;
        const walk = walkFor(zone, base);
        const rangeStart = Date.parse(`${base}T00:00:00Z`) + c.startHour * 60 * MIN;
        const plan = {
          metadata: { name: 'p' },
          spec: { schedule: { timezone: zone, offHours: c.windows } },
        };
        const exceptions: ScheduleExceptionLike[] = c.exceptions.map((e, i) => ({
          metadata: { name: `e${i}` },
          spec: {
            planRef: { name: e.otherPlan ? 'other' : 'p' },
            type: e.type,
            validFrom: new Date(rangeStart + e.fromMin * MIN).toISOString(),
            validUntil: new Date(rangeStart + (e.fromMin + e.lengthMin) * MIN).toISOString(),
            ...(e.leadMin ? { leadTime: `${e.leadMin}m` } : {}),
            windows: e.windows,
          },
        }));
        const ref = referenceStates(
          walk,
          rangeStart,
          refWindows(c.windows),
          c.exceptions
            .filter((e) => !e.otherPlan)
            .map((e) => ({
              type: e.type,
              from: rangeStart + e.fromMin * MIN,
              until: rangeStart + (e.fromMin + e.lengthMin) * MIN,
              leadMin: e.type === 'suspend' ? e.leadMin : 0,
              windows: refWindows(e.windows),
            })),
        );
        for (const seconds of c.probes) {
          const t = rangeStart + seconds * 1000;
          const k = Math.floor(seconds / 60);
          expect({
            t: new Date(t).toISOString(),
            hibernate: evaluate(plan, exceptions, new Date(t)).hibernate,
          }).toEqual({
            t: new Date(t).toISOString(),
            hibernate: ref[k],
          });
          // Reference transitions strictly after t and inside the range.
          const expected: Array<[string, string]> = [];
          for (let x = k + 1; x < RANGE_MIN; x++) {
            if (ref[x] !== ref[x - 1])
              expected.push([
                new Date(rangeStart + x * MIN).toISOString(),
                ref[x] ? 'hibernate' : 'wakeup',
              ]);
          }
          const got = upcoming(plan, exceptions, new Date(t), expected.length + 1).map((u) => [
            u.at.toISOString(),
            u.operation,
          ]);
          const inRange = got.filter(
            ([at]) => Date.parse(at as string) < rangeStart + RANGE_MIN * MIN,
          );
          expect(inRange).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });
});
