/** Every IANA zone this runtime knows, with UTC first (Intl lists it only under Etc/ or not at all). */
export function allTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}

/**
 * Zones matching what was typed: "new york", "berlin", "asia/". Zones whose city starts with
 * the text come first, then any other match, each group alphabetical; at most `limit`.
 */
export function searchTimeZones(zones: readonly string[], query: string, limit = 50): string[] {
  const q = normalise(query);
  if (q === '') return zones.slice(0, limit);
  const first: string[] = [];
  const other: string[] = [];
  for (const zone of zones) {
    const z = zone.toLowerCase();
    if (!z.includes(q)) continue;
    const city = z.slice(z.lastIndexOf('/') + 1);
    (city.startsWith(q) || z.startsWith(q) ? first : other).push(zone);
  }
  return [...first, ...other].slice(0, limit);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Thu 13:07 GMT+1": the wall clock in `zone` at `now`; null for a zone Intl does not know. */
export function wallClockIn(zone: string, now: Date): string | null {
  let format = formats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'shortOffset',
      });
    } catch {
      return null;
    }
    formats.set(zone, format);
  }
  return format.format(now).replace(',', '');
}
