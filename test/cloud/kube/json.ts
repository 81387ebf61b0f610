/** Small helpers for handling parsed JSON without `any`. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Reads a `{string: string}` map, dropping anything else (labels, annotations). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

/** Splits a CRD-style field path (`.spec.replicas`) into keys. */
export function splitFieldPath(path: string): string[] {
  return path.split('.').filter((p) => p.length > 0);
}

export function readPath(root: unknown, keys: readonly string[]): unknown {
  let cur: unknown = root;
  for (const key of keys) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function writePath(root: JsonObject, keys: readonly string[], value: unknown): void {
  let cur = root;
  keys.slice(0, -1).forEach((key) => {
    cur = objectAt(cur, key);
  });
  const last = keys[keys.length - 1];
  if (last !== undefined) cur[last] = value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
