/**
 * The three PATCH bodies the apiserver accepts for JSON: RFC 7386 merge patch, RFC 6902 JSON
 * patch, and (for built-in types only) strategic merge patch. Strategic merge is approximated:
 * lists of objects that carry a `name` merge by name (containers, env, ports, volumes — the lists
 * kubectl touches), `$patch: delete|replace` and `$retainKeys`/`$setElementOrder` are honoured
 * or dropped; every other field behaves as a merge patch.
 */
import { clone, deepEqual, isObject, type JsonObject } from './json';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const base: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const base: JsonObject = isObject(target) ? clone(target) : {};
  const retain = Array.isArray(patch.$retainKeys)
    ? patch.$retainKeys.filter((k): k is string => typeof k === 'string')
    : undefined;
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete base[key];
    } else if (Array.isArray(value)) {
      base[key] = mergeList(base[key], value);
    } else {
      const merged = strategicMergePatch(base[key], value);
      if (merged === undefined) delete base[key];
      else base[key] = merged;
    }
  }
  if (retain !== undefined) {
    for (const key of Object.keys(base)) if (!retain.includes(key)) delete base[key];
  }
  return base;
}

function named(item: unknown): string | undefined {
  return isObject(item) && typeof item.name === 'string' ? item.name : undefined;
}

function mergeList(current: unknown, patch: unknown[]): unknown[] {
  const mergeable = patch.every(
    (item) => named(item) !== undefined || (isObject(item) && item.$patch !== undefined),
  );
  if (!Array.isArray(current) || !mergeable || patch.length === 0)
    return patch.map(stripDirectives);
  const out = clone(current);
  for (const item of patch) {
    if (!isObject(item)) continue;
    const name = named(item);
    const index = out.findIndex((existing) => named(existing) === name);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) {
      out[index] = strategicMergePatch(out[index], item);
    } else {
      out.push(stripDirectives(item));
    }
  }
  return out;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}

export type JsonPatchResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 422; message: string };

function decodePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

class PatchFailure extends Error {
  constructor(
    readonly status: 400 | 422,
    message: string,
  ) {
    super(message);
  }
}

function container(
  doc: unknown,
  path: string[],
  op: string,
  pointer: string,
): { parent: unknown; key: string } {
  let cur = doc;
  for (const key of path.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else cur = undefined;
    if (cur === undefined)
      throw new PatchFailure(
        400,
        `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
  }
  return { parent: cur, key: path[path.length - 1] ?? '' };
}

function getAt(doc: unknown, pointer: string, op: string): unknown {
  const path = decodePointer(pointer);
  if (path === undefined)
    throw new PatchFailure(400, `${op} operation does not apply: invalid path "${pointer}"`);
  if (path.length === 0) return doc;
  const { parent, key } = container(doc, path, op, pointer);
  const v = Array.isArray(parent)
    ? parent[Number(key)]
    : isObject(parent)
      ? parent[key]
      : undefined;
  if (v === undefined)
    throw new PatchFailure(
      400,
      `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
    );
  return v;
}

function removeAt(doc: unknown, pointer: string, op: string): unknown {
  const path = decodePointer(pointer) ?? [];
  const { parent, key } = container(doc, path, op, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length)
      throw new PatchFailure(
        400,
        `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
    return parent.splice(i, 1)[0];
  }
  if (!isObject(parent) || !Object.hasOwn(parent, key))
    throw new PatchFailure(
      400,
      `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
    );
  const old = parent[key];
  delete parent[key];
  return old;
}

function addAt(
  doc: unknown,
  pointer: string,
  value: unknown,
  op: string,
  replace: boolean,
): unknown {
  const path = decodePointer(pointer);
  if (path === undefined)
    throw new PatchFailure(400, `${op} operation does not apply: invalid path "${pointer}"`);
  if (path.length === 0) return clone(value);
  const { parent, key } = container(doc, path, op, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (replace && i >= parent.length)) {
      throw new PatchFailure(
        400,
        `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
    }
    if (replace) parent[i] = clone(value);
    else parent.splice(i, 0, clone(value));
  } else if (isObject(parent)) {
    if (replace && !Object.hasOwn(parent, key))
      throw new PatchFailure(
        400,
        `${op} operation does not apply: doc is missing key: ${pointer}: missing value`,
      );
    parent[key] = clone(value);
  } else {
    throw new PatchFailure(
      400,
      `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
    );
  }
  return doc;
}

export function jsonPatch(target: unknown, patch: unknown): JsonPatchResult {
  if (!Array.isArray(patch)) {
    return {
      ok: false,
      status: 400,
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    };
  }
  let doc = clone(target);
  try {
    for (const raw of patch) {
      if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
        throw new PatchFailure(400, 'Unexpected kind: unknown');
      }
      const { op, path } = raw;
      const from = typeof raw.from === 'string' ? raw.from : '';
      switch (op) {
        case 'add':
          doc = addAt(doc, path, raw.value, op, false);
          break;
        case 'replace':
          doc = addAt(doc, path, raw.value, op, true);
          break;
        case 'remove':
          removeAt(doc, path, op);
          break;
        case 'move': {
          const moved = removeAt(doc, from, op);
          doc = addAt(doc, path, moved, op, false);
          break;
        }
        case 'copy':
          doc = addAt(doc, path, getAt(doc, from, op), op, false);
          break;
        case 'test':
          if (!deepEqual(getAt(doc, path, op), raw.value))
            throw new PatchFailure(422, `testing value ${path} failed: test failed`);
          break;
        default:
          throw new PatchFailure(400, `Unexpected kind: ${op}`);
      }
    }
  } catch (err) {
    if (err instanceof PatchFailure) return { ok: false, status: err.status, message: err.message };
    throw err;
  }
  return { ok: true, value: doc };
}
