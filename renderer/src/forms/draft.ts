import { Document, LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Issue } from '../../../shared/model';

/** An object being edited, of no fixed shape: it may be invalid while the user types. */
export type Draft = Record<string, unknown>;
export type DraftPath = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(value: unknown, path: DraftPath): unknown {
  let cur = value;
  for (const seg of path) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isRecord(cur) ? cur[seg] : undefined;
  }
  return cur;
}

/**
 * A copy with `value` at `path`, creating objects and arrays on the way. `undefined` removes
 * the key (or the array item), so optional fields disappear from the YAML when emptied.
 */
export function setAt<T>(root: T, path: DraftPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (rest.length === 0 && value === undefined) {
      list.splice(head, 1);
      return list as T;
    }
    list[head] = setAt(list[head], rest, value);
    return list as T;
  }
  const obj: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  if (rest.length === 0 && value === undefined) {
    delete obj[head];
    return obj as T;
  }
  obj[head] = setAt(obj[head], rest, value);
  return obj as T;
}

/** The draft as YAML, written like `toYaml` (YAML 1.1 quoting, so "19:00" stays a string for kubectl). */
export function draftToYaml(draft: unknown): string {
  const doc = new Document(draft, { version: '1.1' });
  visit(doc, {
    Seq(_, node) {
      // Short lists of plain values (days, stage targets) on one line, as `toYaml` writes them.
      const scalars = node.items.every((item) => isScalar(item) && typeof item.value !== 'object');
      const width = node.items.reduce<number>(
        (sum, item) => sum + String(isScalar(item) ? item.value : '').length + 2,
        0,
      );
      if (scalars && node.items.length > 0 && width <= 60) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export type YamlParse = { ok: true; draft: Draft } | { ok: false; message: string };

/** One YAML document holding one object; syntax errors come back with their line. */
export function yamlToDraft(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    return {
      ok: false,
      message: `line ${pos.line}:${pos.col}: ${first.message.split('\n')[0] ?? first.message}`,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(value))
    return {
      ok: false,
      message: 'the YAML must be one object (a mapping with apiVersion, kind, metadata and spec)',
    };
  return { ok: true, draft: value };
}

/** Issues grouped by exact field path, for showing each message next to its field. */
export function issuesByPath(issues: readonly Issue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) map.set(i.path, [...(map.get(i.path) ?? []), i.message]);
  return map;
}

/** `spec.targets[2].name` from `['spec', 'targets', 2, 'name']`, the shape `validatePlan` reports. */
export function pathKey(path: DraftPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** `key=value` per line (or comma-separated) ↔ a string map; blank input is "no labels". */
export function parseLabels(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of text.split(/[\n,]/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) out[trimmed] = '';
    else out[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function formatLabels(labels: unknown): string {
  if (!isRecord(labels)) return '';
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}
