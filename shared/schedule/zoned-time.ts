import { ScheduleError } from './errors';

/**
 * Time-zone arithmetic on top of `Intl.DateTimeFormat` only (the engine also runs in the
 * browser, so no tz database of our own). Offsets are discovered lazily per 32-day chunk and
 * cached per zone, so after warm-up a conversion is a map lookup plus arithmetic.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Wall-clock reading in a zone; month and day are 1-based. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const CHUNK_DAYS = 32;
const CHUNK_MS = CHUNK_DAYS * DAY_MS;

interface OffsetChunk {
  startOffset: number;
  /** Flat pairs `[at, offsetAfter, ...]`, ascending. */
  transitions: number[];
}

// Offset-style names ("+01:00") and POSIX strings are not IANA zones even where Intl accepts them.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const FORMAT_DIGITS = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Offsets and wall-clock conversions of one IANA zone. Obtain with `zoneRules(name)`. */
export class ZoneRules {
  private readonly chunks = new Map<number, OffsetChunk>();
  // One-entry memo: consecutive conversions almost always fall in the same 32-day chunk.
  private lastKey = Number.NaN;
  private lastChunk: OffsetChunk | undefined;

  constructor(
    readonly name: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {}

  /** UTC offset in ms (wall = instant + offset) in effect at `ms`. */
  offsetAt(ms: number): number {
    const chunk = this.chunk(Math.floor(ms / CHUNK_MS));
    let offset = chunk.startOffset;
    const t = chunk.transitions;
    for (let i = 0; i < t.length; i += 2) {
      if (ms >= (t[i] as number)) offset = t[i + 1] as number;
      else break;
    }
    return offset;
  }

  /** Wall-clock time at `ms`, expressed as ms since 1970-01-01T00:00 wall time. */
  wallAt(ms: number): number {
    return ms + this.offsetAt(ms);
  }

  /**
   * The instant a wall-clock time (ms since 1970-01-01T00:00 wall) happens, with the spec's
   * DST rules: in a spring-forward gap, the first valid instant after the gap (the transition
   * itself); in a repeated hour, the first occurrence.
   */
  instantOf(wallMs: number): number {
    // Like Temporal's disambiguation: offsets a day either side bracket any nearby transition.
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    if (before === after) return wallMs - before;
    const early = wallMs - before;
    const late = wallMs - after;
    const earlyOk = this.offsetAt(early) === before;
    const lateOk = this.offsetAt(late) === after;
    if (earlyOk && lateOk) return Math.min(early, late);
    if (earlyOk) return early;
    if (lateOk) return late;
    return this.transitionIn(Math.min(early, late), Math.max(early, late));
  }

  private transitionIn(lo: number, hi: number): number {
    for (let k = Math.floor(lo / CHUNK_MS); k <= Math.floor(hi / CHUNK_MS); k++) {
      const t = this.chunk(k).transitions;
      for (let i = 0; i < t.length; i += 2) {
        const at = t[i] as number;
        if (at > lo && at <= hi) return at;
      }
    }
    return hi;
  }

  private chunk(k: number): OffsetChunk {
    if (k === this.lastKey && this.lastChunk) return this.lastChunk;
    const cached = this.chunks.get(k) ?? this.discover(k);
    this.lastKey = k;
    this.lastChunk = cached;
    return cached;
  }

  private discover(k: number): OffsetChunk {
    const start = k * CHUNK_MS;
    const startOffset = this.rawOffset(start);
    const transitions: number[] = [];
    let previous = startOffset;
    // Daily sampling: real zones never change offset twice within one day.
    for (let day = 1; day <= CHUNK_DAYS; day++) {
      const at = start + day * DAY_MS;
      const offset = this.rawOffset(at);
      if (offset !== previous) {
        const changeAt = this.firstChange(at - DAY_MS, at, previous);
        if (changeAt < start + CHUNK_MS) transitions.push(changeAt, offset);
        previous = offset;
      }
    }
    const chunk = { startOffset, transitions };
    this.chunks.set(k, chunk);
    return chunk;
  }

  /** First whole second in (lo, hi] whose offset differs from `offset` (at lo). */
  private firstChange(lo: number, hi: number, offset: number): number {
    let a = lo / SECOND_MS;
    let b = hi / SECOND_MS;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.rawOffset(mid * SECOND_MS) === offset) a = mid;
      else b = mid;
    }
    return b * SECOND_MS;
  }

  private rawOffset(ms: number): number {
    const at = Math.floor(ms / SECOND_MS) * SECOND_MS;
    const w = parseFormatted(this.formatter, at);
    const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return wall - at;
  }
}

function parseFormatted(formatter: Intl.DateTimeFormat, at: number): WallClock {
  // format() + a regex is about 3x faster than formatToParts(); fall back when the shape differs.
  const m = FORMAT_DIGITS.exec(formatter.format(at));
  if (m) {
    return {
      month: Number(m[1]),
      day: Number(m[2]),
      year: Number(m[3]),
      hour: Number(m[4]) % 24,
      minute: Number(m[5]),
      second: Number(m[6]),
    };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(at))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const rulesCache = new Map<string, ZoneRules | null>();

function lookup(name: string): ZoneRules | null {
  const cached = rulesCache.get(name);
  if (cached !== undefined) return cached;
  let rules: ZoneRules | null = null;
  if (ZONE_NAME.test(name)) {
    try {
      const formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      rules = new ZoneRules(name, formatter);
    } catch {
      rules = null;
    }
  }
  rulesCache.set(name, rules);
  return rules;
}

/** True for a time-zone name the platform knows as an IANA zone (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(name: string): boolean {
  return typeof name === 'string' && lookup(name) !== null;
}

/** Cached rules of a zone; throws `INVALID_TIMEZONE` for an unknown name. */
export function zoneRules(name: string): ZoneRules {
  const rules = typeof name === 'string' ? lookup(name) : null;
  if (!rules) {
    throw new ScheduleError(
      'INVALID_TIMEZONE',
      `Time zone "${String(name)}" is not a known IANA zone: use a name such as "Europe/Berlin" or "UTC".`,
    );
  }
  return rules;
}

/** Wall-clock reading of `instant` in `zone`. */
export function toWallClock(zone: string, instant: Date): WallClock {
  const wall = zoneRules(zone).wallAt(instantMs(instant));
  const d = new Date(Math.floor(wall / SECOND_MS) * SECOND_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant a wall-clock time happens in `zone` (gap: first instant after it; overlap: first occurrence). */
export function fromWallClock(zone: string, wall: WallClock): Date {
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (!Number.isFinite(wallMs))
    throw new ScheduleError('INVALID_DATE', 'The wall-clock time is not a valid date.');
  return new Date(zoneRules(zone).instantOf(wallMs));
}

/** Milliseconds of a Date, rejecting invalid dates with a clear error. */
export function instantMs(instant: Date, field = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms))
    throw new ScheduleError('INVALID_DATE', `${field} is not a valid date.`);
  return ms;
}
