/**
 * Durations, in one place: read as the operator's YAML writes them (Go syntax), written back in
 * that syntax for YAML, and said in words wherever a person reads one (executor messages, dry
 * runs, schedule reasons, notifications, the tray and the window). The wording is described in
 * docs/development.md ("How durations read").
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Go's `time.ParseDuration` grammar restricted to the units a plan can use (h, m, s, ms): the
 * operator reads `leadTime` and `awaitCompletion.timeout` with it, so what it refuses we refuse.
 * No sign (a negative wait means nothing here), no surrounding spaces (Go has none either).
 */
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/;
const TERM = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
const UNIT_MS: Readonly<Record<string, number>> = { h: HOUR, m: MINUTE, s: SECOND, ms: 1 };

/** How to write a duration; every "is not a duration" message ends with it. */
export const DURATION_HINT = 'write it like "30m", "1h", "1h30m" or "90s"';

export type DurationParse =
  { ok: true; ms: number } | { ok: false; code: 'INVALID_DURATION'; message: string };

/**
 * Milliseconds of a Go-style duration (`30s`, `5m`, `1h30m`, `10m0s`, `1.5h`, `250ms`), or why
 * not. A result rather than a throw: the plan schema reports it as an issue, the schedule compiler
 * throws its own coded error with it, and the executors fall back to their default. `field`
 * ("exception \"x\" spec.leadTime") starts the message when the caller knows it.
 */
export function parseDuration(text: string, field?: string): DurationParse {
  if (typeof text === 'string' && DURATION.test(text)) {
    let total = 0;
    for (const m of text.matchAll(TERM)) total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? SECOND);
    return { ok: true, ms: Math.round(total) };
  }
  const prefix = field ? `${field} ` : '';
  return {
    ok: false,
    code: 'INVALID_DURATION',
    message: `${prefix}"${String(text)}" is not a duration: ${DURATION_HINT}`,
  };
}

/**
 * The operator's syntax for YAML and export: `1h30m`, `45s`, `1.5s`, `250ms`, `0s`. Zero parts
 * are left out (Go's `1h30m0s` reads the same); no days, as Go has none (`50h`). Whole
 * milliseconds; parseDuration reads every result back to the same value.
 */
export function formatGoDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`${ms} ms is not a duration`);
  const whole = Math.round(Math.abs(ms));
  const sign = ms < 0 && whole > 0 ? '-' : '';
  if (whole < SECOND) return `${sign}${whole === 0 ? '0s' : `${whole}ms`}`;
  const h = Math.floor(whole / HOUR);
  const m = Math.floor((whole % HOUR) / MINUTE);
  const s = (whole % MINUTE) / SECOND;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

export interface HumanDurationOptions {
  /**
   * The smallest unit said. `second` (the default) for what was measured or waited for ("took
   * 2 min 3 s", "timed out after 5 min"); `minute` for spans to a clock time and override lengths
   * ("wakes in 9 h 12 min", "costs 62 h awake"), which a screen refreshed each minute shows.
   */
  precision?: 'second' | 'minute';
}

type Unit = 'd' | 'h' | 'min' | 's';
const UNIT: Readonly<Record<Unit, number>> = { d: DAY, h: HOUR, min: MINUTE, s: SECOND };
/** The unit said after each, at most two units in all. */
const NEXT: Readonly<Record<Unit, Unit | null>> = { d: 'h', h: 'min', min: 's', s: null };

/** Hours up to 99 ("awake until Mon 05:00 — 62 h" reads better than days beside a clock time). */
function largestUnit(ms: number, precision: 'second' | 'minute'): Unit {
  if (ms >= 100 * HOUR) return 'd';
  if (ms >= HOUR) return 'h';
  if (ms >= MINUTE || precision === 'minute') return 'min';
  return 's';
}

function stepOf(unit: Unit, precision: 'second' | 'minute'): number {
  const next = NEXT[unit];
  if (next === null || (next === 's' && precision === 'minute')) return UNIT[unit];
  return UNIT[next];
}

/**
 * A duration as a person says it: at most two units, the smaller left out when zero, rounded to
 * the smaller: "1.5 s" and "0.9 s" under ten seconds, then "45 s", "2 min 3 s", "1 h 30 min",
 * "62 h", and days from 100 h ("4 d 4 h"). Negative spans read as their size; NaN and infinities read "—".
 */
export function formatHumanDuration(ms: number, options: HumanDurationOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  const precision = options.precision ?? 'second';
  const abs = Math.abs(ms);
  const tenths = Math.round(abs / 100) / 10;
  if (precision === 'second' && tenths < 10) return `${tenths} s`;
  // Rounding may carry into a larger unit (59 min 59.6 s is 1 h): pick the unit again then.
  // The coarser step cannot carry back, since every unit's start is a multiple of it.
  let unit = largestUnit(abs, precision);
  let rounded = Math.round(abs / stepOf(unit, precision)) * stepOf(unit, precision);
  const carried = largestUnit(rounded, precision);
  if (carried !== unit) {
    unit = carried;
    rounded = Math.round(abs / stepOf(unit, precision)) * stepOf(unit, precision);
  }
  const major = Math.floor(rounded / UNIT[unit]);
  const next = NEXT[unit];
  const minor = next === null ? 0 : Math.round((rounded % UNIT[unit]) / UNIT[next]);
  return minor > 0 && next !== null ? `${major} ${unit} ${minor} ${next}` : `${major} ${unit}`;
}
