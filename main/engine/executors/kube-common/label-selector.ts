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
