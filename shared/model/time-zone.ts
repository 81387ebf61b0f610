/**
 * IANA time-zone check on top of `Intl` only (this module also runs in the browser).
 * Kept local: `shared/schedule` has its own `isValidTimeZone`, and the model must not depend on it.
 */

// Offset-style names ("+01:00") are accepted by some Intl versions but are not IANA zones.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** The zone name as Intl resolves it, or undefined when the zone is unknown. */
function resolveTimeZone(name: string): string | undefined {
  if (!ZONE_NAME.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function isKnownTimeZone(name: string): boolean {
  return name !== '' && resolveTimeZone(name) !== undefined;
}

/**
 * `europe/berlin` → `Europe/Berlin` (Go's LoadLocation, used by the operator, is case-sensitive).
 * Aliases such as `US/Pacific` are kept as written: they are valid, and rewriting them would
 * surprise the author.
 */
export function normaliseTimeZone(name: string): string | undefined {
  const resolved = resolveTimeZone(name);
  if (resolved === undefined) return undefined;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** The closest known zone name for a typo ("Europe/Berln" → "Europe/Berlin"), if one is close. */
export function suggestTimeZone(name: string): string | undefined {
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const target = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 4)) + 1;
  for (const zone of supported) {
    const d = editDistance(target, zone.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = zone;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length] ?? limit;
}
