/**
 * Tolerant readers for half-parsed input. Cross-field rules run even when parts of an object
 * are malformed (so that every problem is reported at once); they read through these and
 * simply skip what is not there or has the wrong type.
 */

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function recordAt(value: unknown, key: string): UnknownRecord | undefined {
  const v = field(value, key);
  return isRecord(v) ? v : undefined;
}

export function arrayAt(value: unknown, key: string): readonly unknown[] | undefined {
  const v = field(value, key);
  return Array.isArray(v) ? v : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** A field counts as "set" when it holds something other than nothing, false, '' or an empty list/map. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

export function quoteList(values: readonly string[], max = 8): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
