export interface DagLayout {
  /** Targets per column: a target sits one column right of the last target it waits for. */
  levels: string[][];
  /** Edges between known targets, as drawn. */
  edges: Array<{ from: string; to: string }>;
  /** Targets on a cycle (or after one): they are put in a last column of their own. */
  cyclic: string[];
}

/**
 * Columns for the dependency picture: `from` shuts down before `to`, so `to` goes right of
 * `from`. Kahn's algorithm; what it cannot order lies on a cycle, which the validator reports.
 */
export function layoutDag(
  targets: readonly string[],
  dependencies: ReadonlyArray<{ from: string; to: string }>,
): DagLayout {
  const known = new Set(targets);
  const edges = dependencies.filter(
    (d, i) =>
      known.has(d.from) &&
      known.has(d.to) &&
      d.from !== d.to &&
      dependencies.findIndex((e) => e.from === d.from && e.to === d.to) === i,
  );
  const incoming = new Map(targets.map((t) => [t, 0]));
  for (const e of edges) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const level = new Map<string, number>();
  // Deepest column seen so far for a target still waiting on others; final once it is released.
  const depth = new Map<string, number>();
  let frontier = targets.filter((t) => incoming.get(t) === 0);
  for (const t of frontier) level.set(t, 0);
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const e of edges.filter((x) => x.from === from)) {
        depth.set(e.to, Math.max(depth.get(e.to) ?? 0, (level.get(from) ?? 0) + 1));
        const left = (incoming.get(e.to) ?? 0) - 1;
        incoming.set(e.to, left);
        if (left === 0) {
          level.set(e.to, depth.get(e.to) ?? 0);
          next.push(e.to);
        }
      }
    }
    frontier = next;
  }
  const levels: string[][] = [];
  for (const t of targets) {
    const l = level.get(t);
    if (l === undefined) continue;
    (levels[l] ??= []).push(t);
  }
  const cyclic = targets.filter((t) => !level.has(t));
  if (cyclic.length > 0) levels.push(cyclic);
  return { levels: levels.filter((l) => l.length > 0), edges, cyclic };
}
