/**
 * Field ownership as server-side apply keeps it in `metadata.managedFields`, kept simple but
 * honest: every leaf field under spec (and other top-level content), labels and annotations is
 * owned by the managers that set it; lists are atomic (owned whole); status is not tracked. An
 * apply that would change a field another manager owns is a conflict unless forced.
 */
import { clone, deepEqual, isObject, readPath, type JsonObject } from './json';
import type { KubeObject } from './types';

export type Operation = 'Apply' | 'Update';

export interface ManagedFieldsEntry extends JsonObject {
  manager: string;
  operation: Operation;
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
}

export interface Conflict {
  manager: string;
  /** `.spec.suspend`, `.metadata.annotations.hibernator.ardikabs.com/suspend-reason` */
  field: string;
}

type Path = readonly string[];

const IGNORED_TOP_LEVEL = new Set(['apiVersion', 'kind', 'metadata', 'status']);

function leaves(value: unknown, prefix: string[], out: string[][]): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...prefix, key], out);
    return;
  }
  out.push(prefix);
}

/** Every owned leaf path an object (or an applied configuration) sets. */
export function ownedPaths(obj: unknown): string[][] {
  if (!isObject(obj)) return [];
  const out: string[][] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (IGNORED_TOP_LEVEL.has(key)) continue;
    leaves(value, [key], out);
  }
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  for (const key of ['labels', 'annotations']) {
    const map = meta[key];
    if (isObject(map)) for (const k of Object.keys(map)) out.push(['metadata', key, k]);
  }
  return out;
}

export function encodeFields(paths: readonly Path[]): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const k = `f:${key}`;
      const next = node[k];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[k] = created;
        node = created;
      }
    }
  }
  return root;
}

export function decodeFields(fields: unknown, prefix: string[] = []): string[][] {
  if (!isObject(fields)) return [];
  const keys = Object.keys(fields).filter((k) => k.startsWith('f:'));
  if (keys.length === 0) return prefix.length === 0 ? [] : [prefix];
  return keys.flatMap((k) => decodeFields(fields[k], [...prefix, k.slice(2)]));
}

function isEntry(value: unknown): value is ManagedFieldsEntry {
  return (
    isObject(value) &&
    typeof value.manager === 'string' &&
    (value.operation === 'Apply' || value.operation === 'Update')
  );
}

export function entriesOf(obj: KubeObject | undefined): ManagedFieldsEntry[] {
  const raw = obj?.metadata.managedFields;
  return Array.isArray(raw) ? raw.filter(isEntry).map((e) => clone(e)) : [];
}

function overlaps(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function sameEntry(e: ManagedFieldsEntry, manager: string, operation: Operation): boolean {
  return e.manager === manager && e.operation === operation;
}

function display(path: Path): string {
  return `.${path.join('.')}`;
}

function withPaths(entry: ManagedFieldsEntry, keep: (p: Path) => boolean): ManagedFieldsEntry {
  return { ...entry, fieldsV1: encodeFields(decodeFields(entry.fieldsV1).filter(keep)) };
}

function nonEmpty(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return entries.filter((e) => decodeFields(e.fieldsV1).length > 0);
}

export interface ApplyInput {
  current: KubeObject | undefined;
  config: KubeObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
}

export type ApplyOutcome =
  | { ok: true; object: KubeObject; managedFields: ManagedFieldsEntry[] }
  | { ok: false; conflicts: Conflict[] };

function removePath(obj: JsonObject, path: Path): void {
  const parents: JsonObject[] = [obj];
  let node: unknown = obj;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node)) return;
    node = node[key];
    if (!isObject(node)) return;
    parents.push(node);
  }
  const last = path[path.length - 1];
  const parent = parents[parents.length - 1];
  if (last === undefined || parent === undefined) return;
  delete parent[last];
  // Maps emptied by the removal go too (except at the top).
  for (let i = parents.length - 1; i > 0; i -= 1) {
    const node2 = parents[i];
    const key = path[i - 1];
    const up = parents[i - 1];
    if (node2 === undefined || key === undefined || up === undefined) break;
    if (Object.keys(node2).length === 0) delete up[key];
    else break;
  }
}

function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(value) && isObject(existing) && Object.keys(value).length > 0)
      mergeInto(existing, value);
    else target[key] = clone(value);
  }
}

/** Server-side apply of `config` by `manager` on `current` (undefined = create). */
export function serverSideApply(input: ApplyInput): ApplyOutcome {
  const { current, config, manager, force } = input;
  const configPaths = ownedPaths(config);
  const entries = entriesOf(current);
  const conflicts: Conflict[] = [];
  for (const entry of entries) {
    if (sameEntry(entry, manager, 'Apply')) continue;
    for (const owned of decodeFields(entry.fieldsV1)) {
      for (const p of configPaths) {
        if (!overlaps(owned, p)) continue;
        if (deepEqual(readPath(current, p), readPath(config, p))) continue;
        conflicts.push({ manager: entry.manager, field: display(p) });
      }
    }
  }
  if (conflicts.length > 0 && !force) return { ok: false, conflicts };

  const base: KubeObject =
    current === undefined
      ? { apiVersion: config.apiVersion, kind: config.kind, metadata: clone(config.metadata) }
      : clone(current);
  // Fields this manager applied before, left out now and owned by nobody else, are removed.
  const previous = entries.find((e) => sameEntry(e, manager, 'Apply'));
  const others = entries.filter((e) => !sameEntry(e, manager, 'Apply'));
  for (const p of decodeFields(previous?.fieldsV1)) {
    if (configPaths.some((c) => overlaps(c, p))) continue;
    if (others.some((e) => decodeFields(e.fieldsV1).some((o) => overlaps(o, p)))) continue;
    removePath(base, p);
  }
  const { metadata: configMeta, status: _status, apiVersion: _a, kind: _k, ...content } = config;
  mergeInto(base, content);
  for (const key of ['labels', 'annotations'] as const) {
    const map = configMeta[key];
    if (isObject(map)) {
      const target = isObject(base.metadata[key]) ? base.metadata[key] : {};
      base.metadata[key] = { ...target, ...(map as Record<string, string>) };
    }
  }
  const conflicting = new Set(conflicts.map((c) => c.field));
  const kept = others.map((e) => withPaths(e, (p) => !conflicting.has(display(p))));
  const mine: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: input.apiVersion,
    time: input.time,
    fieldsType: 'FieldsV1',
    fieldsV1: encodeFields(configPaths),
  };
  return { ok: true, object: base, managedFields: nonEmpty([...kept, mine]) };
}

/**
 * Ownership after a create, update or patch by `manager`: it takes every field the write
 * changed (from whoever owned it); removed fields are owned by nobody.
 */
export function afterUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  apiVersion: string,
  time: string,
): ManagedFieldsEntry[] {
  const entries = entriesOf(before);
  const afterPaths = ownedPaths(after);
  const beforePaths = ownedPaths(before);
  const changed = afterPaths.filter((p) => !deepEqual(readPath(before, p), readPath(after, p)));
  const removed = beforePaths.filter((p) => readPath(after, p) === undefined);
  const touched = [...changed, ...removed];
  if (touched.length === 0) return entries;
  const kept = entries.map((e) => withPaths(e, (p) => !touched.some((t) => overlaps(t, p))));
  const existing = kept.find((e) => sameEntry(e, manager, 'Update'));
  const mine = [...decodeFields(existing?.fieldsV1), ...changed];
  const entry: ManagedFieldsEntry = {
    manager,
    operation: 'Update',
    apiVersion,
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: encodeFields(mine),
  };
  return nonEmpty([...kept.filter((e) => !sameEntry(e, manager, 'Update')), entry]);
}
