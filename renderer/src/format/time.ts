const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "6 h 55 min", "3 min", "2 d 4 h": two units at most, as a person would say it. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'less than a minute';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h > 0 ? `${d} d ${h} h` : `${d} d`;
}

/** "in 6 h 55 min" / "3 min ago". */
export function formatRelative(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  const span = formatSpan(diff);
  if (Math.abs(diff) < MINUTE) return diff >= 0 ? 'in less than a minute' : 'just now';
  return diff >= 0 ? `in ${span}` : `${span} ago`;
}

/** For instants that already happened: "just now", "5 min ago". A slightly future instant (clock skew) reads "just now". */
export function formatAgo(at: Date, now: Date): string {
  const diff = now.getTime() - at.getTime();
  return diff < MINUTE ? 'just now' : `${formatSpan(diff)} ago`;
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

/** "0.9 s", "12 s", "2 min 3 s", "1 h 4 min": how long a target took. */
export function formatDuration(ms: number): string {
  if (!(ms >= 0)) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) {
    const s = Math.round((ms % MINUTE) / 1000);
    return s > 0 ? `${Math.floor(ms / MINUTE)} min ${s} s` : `${Math.floor(ms / MINUTE)} min`;
  }
  return formatSpan(ms);
}

/** Duration between two ISO instants, or null when the second is missing. */
export function durationBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? ms : null;
}
