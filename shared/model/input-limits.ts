import type { Issue } from './issue';

/**
 * How deep any input may nest. The deepest real path of a plan is about ten levels
 * (spec.targets[i].parameters.selector.tagSelector.matchExpressions[j].values[k]); a limit well
 * above that answers a pathological document with a message instead of a stack overflow in the
 * validators, which recurse.
 */
export const MAX_NESTING = 64;

/**
 * The first path that nests deeper than MAX_NESTING, as an error naming it; null when the value
 * is shallow enough. Iterative, so it cannot overflow the stack itself.
 */
export function nestingIssue(value: unknown, limit = MAX_NESTING): Issue | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= limit) {
      const shown = next.path.slice(0, 6).map(String).join('.');
      return {
        path: '',
        message: `nested more than ${limit} levels deep (at ${shown}…): a Hibernator object needs about ten; check the file for a runaway structure`,
      };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(next.value)
      ? next.value.map((v, i) => [i, v])
      : Object.entries(next.value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...next.path, key] });
  }
  return null;
}
