import { MINUTE_MS } from '../schedule/zoned-time';

/**
 * How long an override lasts or what it costs, as the window and the tray say it: "45 min",
 * "3 h", "1 h 30 min", "62 h" (hours up to 99, since "awake until Mon 05:00 — 62 h" reads
 * better than days there), then "5 d 4 h". Rounded to the minute; negative spans read as positive.
 */
export function formatOverrideDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 100) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h > 0 ? `${days} d ${h} h` : `${days} d`;
}
