/**
 * List options as the apiserver reads them: label and field selectors, and chunking with
 * `limit` + `continue`. Continue tokens have the apiserver's shape (base64 of
 * `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}`); a token older than the last
 * compaction answers 410 Expired, like an etcd-compacted revision.
 */
import { clone, isObject } from './json';
import { matchesRequirements, parseLabelSelector, type Requirement } from './label-selector';
import { badRequest, expired } from './status';
import type { KubeObject } from './types';

export interface FieldRequirement {
  field: string;
  equals: boolean;
  value: string;
}

export interface ListQuery {
  labels: Requirement[];
  fields: FieldRequirement[];
  limit?: number;
  continueToken?: string;
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

const SUPPORTED_FIELDS = new Set(['metadata.name', 'metadata.namespace']);

export function parseFieldSelector(input: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const part of input.split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (m === null) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    const [, field = '', op = '', value = ''] = m;
    if (!SUPPORTED_FIELDS.has(field)) throw badRequest(`field label not supported: ${field}`);
    out.push({ field, equals: op !== '!=', value });
  }
  return out;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const query: ListQuery = { labels: [], fields: [] };
  const labelSelector = params.get('labelSelector');
  if (labelSelector !== null && labelSelector !== '') {
    const parsed = parseLabelSelector(labelSelector);
    if (!parsed.ok) throw badRequest(parsed.message);
    query.labels = parsed.requirements;
  }
  const fieldSelector = params.get('fieldSelector');
  if (fieldSelector !== null && fieldSelector !== '')
    query.fields = parseFieldSelector(fieldSelector);
  const limit = params.get('limit');
  if (limit !== null && limit !== '') {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid limit: ${limit}`);
    // limit=0 means "no limit", as in the apiserver.
    if (n > 0) query.limit = n;
  }
  const token = params.get('continue');
  if (token !== null && token !== '') query.continueToken = token;
  return query;
}

function fieldValue(obj: Readonly<KubeObject>, field: string): string {
  if (field === 'metadata.name') return obj.metadata.name;
  return obj.metadata.namespace ?? '';
}

export function matches(obj: Readonly<KubeObject>, query: ListQuery): boolean {
  if (!matchesRequirements(query.labels, obj.metadata.labels ?? {})) return false;
  return query.fields.every((f) => (fieldValue(obj, f.field) === f.value) === f.equals);
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeToken(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

/** A token that resumes right after `lastKey` (etcd's "key + \0" start). */
export function encodeContinue(rv: number, lastKey: string): string {
  return encodeToken(rv, `${lastKey}\u0000`);
}

function decodeContinue(token: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`continue key is not valid: illegal base64 data or JSON in "${token}"`);
  }
  if (
    !isObject(parsed) ||
    parsed.v !== 'meta.k8s.io/v1' ||
    typeof parsed.rv !== 'number' ||
    typeof parsed.start !== 'string'
  ) {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  return { rv: parsed.rv, start: parsed.start };
}

const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/**
 * One page of a list. Pages after the first are served from the current state after the token's
 * start key (the apiserver serves them from the snapshot at the token's revision; for the
 * emulator's purposes the difference only shows when objects change mid-pagination).
 */
export function selectPage(
  entries: ReadonlyArray<{ key: string; obj: Readonly<KubeObject> }>,
  query: ListQuery,
  currentRevision: number,
  compactedBelow: number,
): ListPage {
  let rv = currentRevision;
  let start = '';
  if (query.continueToken !== undefined) {
    const token = decodeContinue(query.continueToken);
    if (token.rv < compactedBelow) {
      const err = expired(EXPIRED_MESSAGE);
      // Like the apiserver, offer a token that continues (inconsistently) from the same place.
      err.body.metadata = { continue: encodeToken(currentRevision, token.start) };
      throw err;
    }
    rv = token.rv;
    start = token.start;
  }
  const matching = entries.filter((e) => e.key >= start && matches(e.obj, query));
  const limit = query.limit ?? matching.length;
  const pageEntries = matching.slice(0, limit);
  const page: ListPage = {
    items: pageEntries.map((e) => clone(e.obj)),
    resourceVersion: String(rv),
  };
  const lastEntry = pageEntries[pageEntries.length - 1];
  if (matching.length > limit && lastEntry !== undefined) {
    page.continue = encodeContinue(rv, lastEntry.key);
    // The apiserver reports remainingItemCount only when no selector filtered the list.
    if (query.labels.length === 0 && query.fields.length === 0)
      page.remainingItemCount = matching.length - limit;
  }
  return page;
}
