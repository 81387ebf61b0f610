import { z } from 'zod';
import type { Path, RawIssue } from './issue';
import { isRecord } from './raw';

/**
 * Walks a zod schema alongside a value. Two uses: finding keys the schema does not know (zod
 * strips them silently; we warn), and writing objects with the schema's key order (stable
 * YAML export).
 */

type AnySchema = z.core.$ZodType;

/** Peels wrappers (optional, default, pipe, lazy, …) down to the schema that describes the value's shape. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodReadonly ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodNonOptional
    ) {
      current = current._zod.def.innerType;
    } else if (current instanceof z.ZodPipe) {
      // preprocess(fn, schema) keeps the shape in `out`; schema.transform(fn) keeps it in `in`.
      current =
        current._zod.def.in instanceof z.ZodTransform ? current._zod.def.out : current._zod.def.in;
    } else if (current instanceof z.ZodLazy) {
      current = current._zod.def.getter();
    } else {
      return current;
    }
  }
  return current;
}

/** The union option a value belongs to: the first that accepts it, else the one sharing most keys. */
function pickOption(options: readonly AnySchema[], value: unknown): AnySchema | undefined {
  for (const option of options) if (z.safeParse(option, value).success) return option;
  if (!isRecord(value)) return undefined;
  let best: AnySchema | undefined;
  let bestScore = 0;
  for (const option of options) {
    const inner = unwrap(option);
    if (!(inner instanceof z.ZodObject)) continue;
    const keys = Object.keys(inner.shape);
    const score = Object.keys(value).filter((k) => keys.includes(k)).length;
    if (score > bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

export interface UnknownKey {
  path: Path;
  key: string;
  /** Keys the schema accepts at that place, for the message. */
  known: string[];
}

/** Every key in `value` that `schema` would drop (loose objects and free maps accept anything). */
export function findUnknownKeys(schema: AnySchema, value: unknown, path: Path = []): UnknownKey[] {
  const inner = unwrap(schema);
  const out: UnknownKey[] = [];
  if (inner instanceof z.ZodObject) {
    if (!isRecord(value)) return out;
    const shape: Record<string, AnySchema> = inner.shape;
    const loose = inner._zod.def.catchall !== undefined;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape[key];
      if (childSchema) out.push(...findUnknownKeys(childSchema, child, [...path, key]));
      else if (!loose) out.push({ path, key, known: Object.keys(shape) });
    }
  } else if (inner instanceof z.ZodArray) {
    if (Array.isArray(value))
      value.forEach((item, i) => out.push(...findUnknownKeys(inner.element, item, [...path, i])));
  } else if (inner instanceof z.ZodRecord) {
    if (isRecord(value)) {
      for (const [key, child] of Object.entries(value))
        out.push(...findUnknownKeys(inner._zod.def.valueType, child, [...path, key]));
    }
  } else if (inner instanceof z.ZodUnion) {
    const option = pickOption(inner._zod.def.options, value);
    if (option) out.push(...findUnknownKeys(option, value, path));
  }
  return out;
}

/** `findUnknownKeys` as warnings: the field is ignored (and dropped) by the desktop app. */
export function unknownKeyWarnings(
  schema: AnySchema,
  value: unknown,
  hints: Readonly<Record<string, string>> = {},
): RawIssue[] {
  return findUnknownKeys(schema, value).map(({ path, key, known }) => ({
    path: [...path, key],
    message:
      hints[key] ??
      `unknown field "${key}" is ignored: check the spelling (known here: ${known.join(', ')})`,
  }));
}

/**
 * A copy of `value` with object keys in the schema's order (unknown keys of loose objects after
 * them, sorted) and the keys of free maps (labels, tags) sorted, so the same object always
 * exports the same text.
 */
export function orderKeys(schema: AnySchema, value: unknown): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isRecord(value)) {
    const shape: Record<string, AnySchema> = inner.shape;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(shape)) {
      if (key in value && value[key] !== undefined) out[key] = orderKeys(child, value[key]);
    }
    for (const key of Object.keys(value)
      .filter((k) => !(k in shape))
      .sort()) {
      if (value[key] !== undefined) out[key] = value[key];
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value))
    return value.map((item) => orderKeys(inner.element, item));
  if (inner instanceof z.ZodRecord && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = orderKeys(inner._zod.def.valueType, value[key]);
    }
    return out;
  }
  if (inner instanceof z.ZodUnion) {
    const option = pickOption(inner._zod.def.options, value);
    return option ? orderKeys(option, value) : value;
  }
  return value;
}

/**
 * A copy of `value` without the `null`s of fields the schema knows. YAML writes an empty field
 * (`behavior:`) as null, and authors mean "not set"; the operator reads it the same way.
 * Free maps and verbatim blocks keep their nulls: there they can mean something.
 */
export function dropNulls(schema: AnySchema, value: unknown): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isRecord(value)) {
    const shape: Record<string, AnySchema> = inner.shape;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape[key];
      if (!childSchema) out[key] = child;
      else if (child !== null) out[key] = dropNulls(childSchema, child);
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value))
    return value.map((item) => dropNulls(inner.element, item));
  if (inner instanceof z.ZodUnion) {
    const option = pickOption(inner._zod.def.options, value);
    return option ? dropNulls(option, value) : value;
  }
  return value;
}
