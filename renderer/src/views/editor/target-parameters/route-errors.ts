import { pathKey } from '../../../forms/draft';

export interface RoutedErrors {
  /** Messages per form field (key: the field's path under `parameters`, e.g. `selector.tags`). */
  byField: Map<string, string[]>;
  /** Messages no form field shows: about the parameters as a whole or a field edited as YAML. */
  rest: string[];
}

function within(rel: string, field: string): boolean {
  return rel === field || rel.startsWith(`${field}.`) || rel.startsWith(`${field}[`);
}

/**
 * Sends each validation message under a target's parameters (`prefix`, e.g.
 * `spec.targets[0].parameters`) to the form field it is about, so it shows right under that
 * field; a message about an item inside a field keeps the item's path (`[1]: "x" is not…`).
 */
export function routeParameterErrors(
  errors: ReadonlyMap<string, readonly string[]>,
  prefix: string,
  fieldPaths: readonly (readonly string[])[],
): RoutedErrors {
  const fields = fieldPaths.map((p) => pathKey(p));
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const [path, messages] of errors) {
    if (path !== prefix && !within(path, prefix)) continue;
    const rel = path.slice(prefix.length).replace(/^\./, '');
    const field = rel === '' ? undefined : fields.find((f) => within(rel, f));
    for (const m of messages) {
      if (field === undefined) {
        rest.push(rel === '' ? m : `${rel}: ${m}`);
        continue;
      }
      const inner = rel.slice(field.length).replace(/^\./, '');
      byField.set(field, [...(byField.get(field) ?? []), inner ? `${inner}: ${m}` : m]);
    }
  }
  return { byField, rest };
}
