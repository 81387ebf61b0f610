import {
  type DayPicture,
  type OverrideLike,
  overrideEndMs,
  overrideInEffect,
  toWallClock,
} from '../../../shared/schedule';

/** One stretch of a day (wall minutes 0..1440) that the override decides. */
export interface OverrideDaySpan {
  date: string;
  startMinute: number;
  endMinute: number;
  phase: OverrideLike['phase'];
}

function wall(timezone: string, ms: number): { date: string; minute: number } {
  const w = toWallClock(timezone, new Date(ms));
  return {
    date: `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`,
    minute: w.hour * 60 + w.minute,
  };
}

/**
 * Where the override lies on the week's days, on the plan's clock: from when it was set (or
 * now, when that is unknown or in the future) to its end, or to the week's end when it has
 * none. Empty when no override is in effect at `now` or it cannot be read. Dates compare as
 * `YYYY-MM-DD` text.
 */
export function overrideDaySpans(
  days: readonly DayPicture[],
  timezone: string,
  override: (OverrideLike & { setAt?: string | null }) | null,
  now: Date,
): OverrideDaySpan[] {
  try {
    return spansOf(days, timezone, override, now);
  } catch {
    // A malformed end or zone draws nothing: the header still names the override.
    return [];
  }
}

function spansOf(
  days: readonly DayPicture[],
  timezone: string,
  override: (OverrideLike & { setAt?: string | null }) | null,
  now: Date,
): OverrideDaySpan[] {
  if (!override || !overrideInEffect(override, now)) return [];
  const setAt = override.setAt ? Date.parse(override.setAt) : Number.NaN;
  const fromMs = Number.isFinite(setAt) && setAt < now.getTime() ? setAt : now.getTime();
  const endMs = overrideEndMs(override);
  const from = wall(timezone, fromMs);
  const to = Number.isFinite(endMs) ? wall(timezone, endMs) : null;
  const out: OverrideDaySpan[] = [];
  for (const day of days) {
    if (day.date < from.date || (to && day.date > to.date)) continue;
    const startMinute = day.date === from.date ? from.minute : 0;
    const endMinute = to && day.date === to.date ? to.minute : 1440;
    if (endMinute > startMinute)
      out.push({ date: day.date, startMinute, endMinute, phase: override.phase });
  }
  return out;
}
