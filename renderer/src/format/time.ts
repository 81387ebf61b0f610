import { formatHumanDuration } from '../../../shared/time/duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "6 h 55 min", "3 min", "62 h": to the minute, since the window redraws once a minute. */
function span(ms: number): string {
  return formatHumanDuration(ms, { precision: 'minute' });
}

/** "in 6 h 55 min" / "3 min ago". */
export function formatRelative(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  if (Math.abs(diff) < MINUTE) return diff >= 0 ? 'in less than a minute' : 'just now';
  return diff >= 0 ? `in ${span(diff)}` : `${span(diff)} ago`;
}

/** For instants that already happened: "just now", "5 min ago". A slightly future instant (clock skew) reads "just now". */
export function formatAgo(at: Date, now: Date): string {
  const diff = now.getTime() - at.getTime();
  return diff < MINUTE ? 'just now' : `${span(diff)} ago`;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekdayTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const fullFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Local clock time, with the weekday or date when it is not today: "18:00", "Fri 08:00", "3 Dec 08:00". */
export function formatLocalTime(at: Date, now: Date): string {
  if (sameLocalDay(at, now)) return timeFormat.format(at);
  if (Math.abs(at.getTime() - now.getTime()) < 6 * DAY) return weekdayTimeFormat.format(at);
  return dateTimeFormat.format(at);
}

/** A full local timestamp for tables and tooltips. */
export function formatTimestamp(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : fullFormat.format(d);
}

/** The same instant on the plan's clock, for the tooltip when the plan's zone is not the user's. */
export function formatInZone(at: Date, timeZone: string): string {
  try {
    const f = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    return f.format(at);
  } catch {
    return at.toISOString();
  }
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Duration between two ISO instants, or null when one is missing or the second comes first (a
 * clock that moved back): the tables then show "—" rather than a made-up length.
 */
export function durationBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
