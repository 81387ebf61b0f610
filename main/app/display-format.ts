import type { Phase } from '../../shared/model/status';

/** The phase words of ui.md: the same in the tray, the window and the notifications. */
export const PHASE_WORDS: Record<Phase, string> = {
  Active: 'Awake',
  Hibernating: 'Going to sleep…',
  Hibernated: 'Asleep',
  WakingUp: 'Waking up…',
  Suspended: 'Paused',
  Error: 'Needs attention',
};

/**
 * How times are shown: the user's local time unless a test pins the zone. 24-hour clock, as in
 * ui.md ("wakes 07:30"), so the tray reads the same on every locale.
 */
export interface TimeFormat {
  timeZone?: string;
  locale?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function parts(date: Date, format: TimeFormat, withWeekday: boolean): string {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  if (withWeekday) options.weekday = 'short';
  if (format.timeZone) options.timeZone = format.timeZone;
  return new Intl.DateTimeFormat(format.locale ?? 'en-GB', options).format(date);
}

function dayKey(date: Date, format: TimeFormat): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  if (format.timeZone) options.timeZone = format.timeZone;
  return new Intl.DateTimeFormat('en-CA', options).format(date);
}

/**
 * "07:30" when the instant is within a day of now (tonight, tomorrow morning), "Mon 07:30"
 * further away, so "wakes 07:30" on a Friday evening never hides that it means Monday.
 */
export function formatClock(iso: string, now: Date, format: TimeFormat = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const near = Math.abs(at.getTime() - now.getTime()) < DAY_MS;
  const sameDay = dayKey(at, format) === dayKey(now, format);
  return parts(at, format, !(near || sameDay)).replace(',', '');
}

/** "dev-env", "dev-env and staging", "dev-env, staging and qa": for grouped notifications. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
