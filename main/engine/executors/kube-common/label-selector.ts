import type { LabelSelector } from '../../../../shared/model';

/**
 * A `metav1.LabelSelector` as the `labelSelector` query parameter the apiserver parses:
 * `k=v` for matchLabels, `k in (a,b)`, `k notin (a,b)`, `k`, `!k` for expressions, AND-ed by
 * commas. Keys and values are sorted so the same selector always reads the same in messages.
 * An empty selector is `''` (everything), as in Kubernetes.
 */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    parts.push(`${key}=${value}`);
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
    }
  }
  return parts.join(',');
}

/** `{team: web, env: dev}` → `env=dev,team=web`. */
export function formatLabelMap(labels: Record<string, string>): string {
  return formatLabelSelector({ matchLabels: labels });
}

/**
 * The label selector the apiserver applies, applied again on what a list returned (an endpoint
 * may ignore `labelSelector`: selection-guard.ts). matchLabels and every expression are AND-ed;
 * NotIn and DoesNotExist also hold when the key is absent, as in Kubernetes. Empty = everything.
 */
export function matchesLabelSelector(
  labels: Readonly<Record<string, string>> | undefined,
  selector: LabelSelector | undefined,
): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  const exact = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => have[k] === v);
  return (
    exact &&
    (selector.matchExpressions ?? []).every((e) => {
      const present = e.key in have;
      const value = have[e.key] ?? '';
      const values = e.values ?? [];
      switch (e.operator) {
        case 'In':
          return present && values.includes(value);
        case 'NotIn':
          return !present || !values.includes(value);
        case 'Exists':
          return present;
        case 'DoesNotExist':
          return !present;
        default:
          return false;
      }
    })
  );
}
