import type { TagExpression, TagSelector } from '../../../../shared/model';

/** Tags of one AWS resource, flattened to `{ key: value }`. */
export type Tags = Readonly<Record<string, string>>;

/** The operator's opt-out: a resource tagged `hibernator.ardikabs.com/exclude: "true"` is never touched. */
export const EXCLUDE_TAG = 'hibernator.ardikabs.com/exclude';

export function isOptedOut(tags: Tags): boolean {
  return (tags[EXCLUDE_TAG] ?? '').trim().toLowerCase() === 'true';
}

/** `[{Key, Value}]` (EC2, RDS, Auto Scaling) to `{ key: value }`; entries without a key are dropped. */
export function tagsFromList(
  list: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

/** AWS wildcards: `*` any run of characters, `?` one character, a backslash escapes either. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern.charAt(i));
    } else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `{k: v}` matching, all entries AND-ed; an empty value means "the key exists" (semantics.md section 7). */
export function matchesTagMap(
  tags: Tags,
  map: Readonly<Record<string, string>> | undefined,
): boolean {
  if (map === undefined) return true;
  return Object.entries(map).every(([key, value]) =>
    value === '' ? key in tags : tags[key] === value,
  );
}

/** True when any entry of the map matches: used for `excludeTags`, where one matching tag is enough to leave a resource out. */
export function matchesAnyTag(
  tags: Tags,
  map: Readonly<Record<string, string>> | undefined,
): boolean {
  if (map === undefined) return false;
  return Object.entries(map).some(([key, value]) =>
    value === '' ? key in tags : tags[key] === value,
  );
}

/** Kubernetes-style semantics: NotIn, NotMatches and DoesNotExist also hold when the key is absent. */
export function matchesExpression(tags: Tags, expression: TagExpression): boolean {
  const present = expression.key in tags;
  const value = tags[expression.key] ?? '';
  const values = expression.values ?? [];
  switch (expression.operator) {
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'In':
      return present && values.includes(value);
    case 'NotIn':
      return !present || !values.includes(value);
    case 'Matches':
      return present && values.some((p) => globToRegExp(p).test(value));
    case 'NotMatches':
      return !present || !values.some((p) => globToRegExp(p).test(value));
    default:
      return false;
  }
}

/** All terms AND-ed: matchTags (empty value = key exists) and every expression. */
export function matchesTagSelector(tags: Tags, selector: TagSelector | undefined): boolean {
  if (selector === undefined) return true;
  return (
    matchesTagMap(tags, selector.matchTags) &&
    (selector.matchExpressions ?? []).every((e) => matchesExpression(tags, e))
  );
}

/** The tag part of an AWS executor's selector (ec2, rds, asg); absent terms match everything. */
export interface TagTerms {
  tags?: Readonly<Record<string, string>> | undefined;
  tagSelector?: TagSelector | undefined;
  excludeTags?: Readonly<Record<string, string>> | undefined;
}

/**
 * The tag selector kind, the one predicate every AWS executor applies to what a describe call
 * returned (server-side tag filters only narrow: selection-guard.ts): `tags` and `tagSelector`
 * must match, no `excludeTags` entry may.
 */
export function matchesTags(tags: Tags, terms: TagTerms): boolean {
  return (
    matchesTagMap(tags, terms.tags) &&
    matchesTagSelector(tags, terms.tagSelector) &&
    !matchesAnyTag(tags, terms.excludeTags)
  );
}

export interface DescribeFilter {
  Name: string;
  Values: string[];
}

/**
 * Server-side filters that narrow a describe call to candidates of a tag map and selector, so a
 * large account is not listed in full. They only ever narrow: the exact match is still done with
 * `matchesTagMap` / `matchesTagSelector` on what comes back (EC2 filter values are wildcards,
 * Auto Scaling's are exact, so `Matches` only becomes a filter where wildcards work).
 */
export function tagFilters(
  map: Readonly<Record<string, string>> | undefined,
  selector: TagSelector | undefined,
  wildcards: boolean,
): DescribeFilter[] {
  const filters: DescribeFilter[] = [];
  const byKey = (key: string, value: string): void => {
    filters.push(
      value === '' ? { Name: 'tag-key', Values: [key] } : { Name: `tag:${key}`, Values: [value] },
    );
  };
  for (const [key, value] of Object.entries(map ?? {})) byKey(key, value);
  for (const [key, value] of Object.entries(selector?.matchTags ?? {})) byKey(key, value);
  for (const e of selector?.matchExpressions ?? []) {
    if (e.operator === 'In' && (e.values ?? []).length > 0)
      filters.push({ Name: `tag:${e.key}`, Values: [...(e.values ?? [])] });
    else if (e.operator === 'Exists') filters.push({ Name: 'tag-key', Values: [e.key] });
    else if (e.operator === 'Matches' && wildcards && (e.values ?? []).length > 0)
      filters.push({ Name: `tag:${e.key}`, Values: [...(e.values ?? [])] });
    else if (e.operator === 'Matches') filters.push({ Name: 'tag-key', Values: [e.key] });
  }
  return filters;
}
