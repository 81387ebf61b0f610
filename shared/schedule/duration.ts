import { ScheduleError } from './errors';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from './zoned-time';

const UNIT_MS: Record<string, number> = { h: HOUR_MS, m: MINUTE_MS, s: SECOND_MS, ms: 1 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/;
const TERM = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;

/**
 * Parses a Go-style duration as the operator writes `leadTime` (`30m`, `1h`, `1h30m`, `90s`,
 * `1.5h`) into milliseconds. Throws `INVALID_DURATION` for anything else.
 */
export function parseDuration(text: string, field = 'duration'): number {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!DURATION.test(trimmed)) {
    throw new ScheduleError(
      'INVALID_DURATION',
      `${field} "${String(text)}" is not a duration: write it like "30m", "1h", "1h30m" or "90s".`,
    );
  }
  let total = 0;
  for (const m of trimmed.matchAll(TERM))
    total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? SECOND_MS);
  return Math.round(total);
}

/** Compact human form of a duration in ms (`1h30m`, `45m`, `90s` → `1m30s`). */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / SECOND_MS);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const out = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return out || '0s';
}
