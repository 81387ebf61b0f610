/**
 * Cycle detection for DAG dependencies. Returns each cycle once, as the list of target names
 * along it with the first name repeated at the end (`['a', 'b', 'c', 'a']`), so a message can
 * show `a -> b -> c -> a`.
 */
export function findCycles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (from === to) continue; // self-edges are reported on their own
    const list = next.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    next.set(from, list);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  const visit = (node: string): void => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const succ of next.get(node) ?? []) {
      const s = state.get(succ);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(succ)), succ];
        const key = canonical(cycle);
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) {
        visit(succ);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };

  for (const node of next.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Rotation-independent key of a cycle, so `a b a` and `b a b` count once. */
function canonical(cycle: readonly string[]): string {
  const nodes = cycle.slice(0, -1);
  let best = '';
  for (let i = 0; i < nodes.length; i++) {
    const rotated = [...nodes.slice(i), ...nodes.slice(0, i)].join('\u0000');
    if (best === '' || rotated < best) best = rotated;
  }
  return best;
}

export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' -> ');
}
