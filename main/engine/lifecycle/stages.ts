import type { Strategy } from '../../../shared/model';
import type { Operation } from '../../../shared/model/status';

/** A stage finishes (all its targets terminal) before the next starts (semantics.md section 4). */
export interface Stage {
  name: string;
  targets: string[];
  /** null = the whole stage at once. */
  maxConcurrency: number | null;
}

export interface Edge {
  from: string;
  to: string;
}

/**
 * Edges among the targets taking part. A target left out (disabled by an override) passes its
 * ordering through: a -> b -> c without b still runs a before c.
 */
export function effectiveEdges(edges: readonly Edge[], included: readonly string[]): Edge[] {
  const keep = new Set(included);
  const successors = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!successors.has(e.from)) successors.set(e.from, new Set());
    successors.get(e.from)?.add(e.to);
  }
  const result: Edge[] = [];
  const seen = new Set<string>();
  for (const from of included) {
    const stack = [...(successors.get(from) ?? [])];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (visited.has(next)) continue;
      visited.add(next);
      if (keep.has(next)) {
        const id = `${from}\u0000${next}`;
        if (!seen.has(id)) {
          seen.add(id);
          result.push({ from, to: next });
        }
      } else {
        stack.push(...(successors.get(next) ?? []));
      }
    }
  }
  return result;
}

/** Edges in the direction the operation runs: wake-up reverses them. */
export function operationEdges(edges: readonly Edge[], operation: Operation): Edge[] {
  return operation === 'shutdown' ? [...edges] : edges.map((e) => ({ from: e.to, to: e.from }));
}

/** Kahn's algorithm, level by level; targets keep their declaration order inside a level. */
export function topologicalLevels(targets: readonly string[], edges: readonly Edge[]): string[][] {
  const indegree = new Map(targets.map((t) => [t, 0]));
  for (const e of edges) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const levels: string[][] = [];
  const done = new Set<string>();
  while (done.size < targets.length) {
    const level = targets.filter((t) => !done.has(t) && (indegree.get(t) ?? 0) === 0);
    if (level.length === 0)
      throw new Error(`dependency cycle among: ${targets.filter((t) => !done.has(t)).join(', ')}`);
    for (const t of level) {
      done.add(t);
      for (const e of edges) if (e.from === t) indegree.set(e.to, (indegree.get(e.to) ?? 0) - 1);
    }
    levels.push(level);
  }
  return levels;
}

/** Every strategy compiles to ordered stages; wake-up runs them in reverse. */
export function compileStages(
  strategy: Strategy,
  included: readonly string[],
  operation: Operation,
): Stage[] {
  const limit = strategy.maxConcurrency ?? null;
  let stages: Stage[];
  switch (strategy.type) {
    case 'Sequential':
      stages = included.map((t) => ({ name: t, targets: [t], maxConcurrency: 1 }));
      return operation === 'shutdown' ? stages : stages.reverse();
    case 'Parallel':
      return included.length === 0
        ? []
        : [{ name: 'all', targets: [...included], maxConcurrency: limit }];
    case 'DAG': {
      const edges = operationEdges(
        effectiveEdges(strategy.dependencies ?? [], included),
        operation,
      );
      return topologicalLevels(included, edges).map((targets, i) => ({
        name: `level ${i + 1}`,
        targets,
        maxConcurrency: limit,
      }));
    }
    case 'Staged': {
      const keep = new Set(included);
      stages = (strategy.stages ?? [])
        .map((s) => {
          const targets = s.targets.filter((t) => keep.has(t));
          const sequential = s.parallel === false;
          return {
            name: s.name,
            targets: sequential && operation === 'wakeup' ? [...targets].reverse() : targets,
            maxConcurrency: sequential ? 1 : (s.maxConcurrency ?? limit),
          };
        })
        .filter((s) => s.targets.length > 0);
      return operation === 'shutdown' ? stages : stages.reverse();
    }
  }
}

/** Targets reachable from `failed` in the operation's direction: BestEffort aborts them. */
export function descendants(failed: string, edges: readonly Edge[]): Set<string> {
  const out = new Set<string>();
  const stack = [failed];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    for (const e of edges) {
      if (e.from === node && !out.has(e.to)) {
        out.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return out;
}
