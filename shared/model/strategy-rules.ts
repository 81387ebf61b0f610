import { findCycles, formatCycle } from './dag';
import { IssueCollector, type RuleResult } from './issue';
import { arrayAt, field, isRecord, isSet, quoteList, stringAt } from './raw';

interface Edge {
  from: string;
  to: string;
  index: number;
}

function edgesOf(strategy: unknown): Edge[] {
  const edges: Edge[] = [];
  (arrayAt(strategy, 'dependencies') ?? []).forEach((dep, index) => {
    const from = stringAt(dep, 'from');
    const to = stringAt(dep, 'to');
    if (from && to) edges.push({ from, to, index });
  });
  return edges;
}

/**
 * Strategy rules that need nothing but the strategy itself: self-edges, cycles, stage names,
 * a target listed twice, and settings another strategy type would ignore (warnings).
 */
export function checkStrategyShape(strategy: unknown): RuleResult {
  const out = new IssueCollector();
  if (!isRecord(strategy)) return out;
  const type = stringAt(strategy, 'type');

  if (isSet(strategy.dependencies) && type !== undefined && type !== 'DAG') {
    out.warn(
      ['dependencies'],
      `dependencies are only used by the DAG strategy; they are ignored for ${type}`,
    );
  }
  if (isSet(strategy.stages) && type !== undefined && type !== 'Staged') {
    out.warn(
      ['stages'],
      `stages are only used by the Staged strategy; they are ignored for ${type}`,
    );
  }
  if (type === 'Sequential' && field(strategy, 'maxConcurrency') !== undefined) {
    out.warn(
      ['maxConcurrency'],
      'is ignored by the Sequential strategy, which runs one target at a time',
    );
  }

  if (type === 'DAG') {
    const edges = edgesOf(strategy);
    const seenEdges = new Set<string>();
    for (const edge of edges) {
      if (edge.from === edge.to) {
        out.error(
          ['dependencies', edge.index],
          `"${edge.from}" cannot depend on itself: remove this dependency`,
        );
        continue;
      }
      const key = `${edge.from}\u0000${edge.to}`;
      if (seenEdges.has(key))
        out.warn(
          ['dependencies', edge.index],
          `the dependency ${edge.from} -> ${edge.to} is listed twice`,
        );
      seenEdges.add(key);
    }
    for (const cycle of findCycles(edges)) {
      out.error(
        ['dependencies'],
        `dependency cycle ${formatCycle(cycle)}: remove one of these dependencies so the order is defined`,
      );
    }
  }

  if (type === 'Staged') checkStageShape(strategy, out);
  return out;
}

function checkStageShape(strategy: Record<string, unknown>, out: IssueCollector): void {
  const stages = arrayAt(strategy, 'stages');
  if (!stages || stages.length === 0) {
    out.error(
      ['stages'],
      'is required for the Staged strategy: list the stages, each with the targets it runs',
    );
    return;
  }
  const stageNames = new Map<string, number>();
  const placed = new Map<string, string>();
  stages.forEach((stage, i) => {
    const name = stringAt(stage, 'name');
    if (name) {
      const first = stageNames.get(name);
      if (first !== undefined)
        out.error(
          ['stages', i, 'name'],
          `stage name "${name}" is already used by stages[${first}]; stage names must be unique`,
        );
      else stageNames.set(name, i);
    }
    const targets = arrayAt(stage, 'targets');
    if (targets && targets.length === 0)
      out.warn(['stages', i, 'targets'], 'this stage has no targets; add some or remove the stage');
    (targets ?? []).forEach((target, j) => {
      if (typeof target !== 'string' || target === '') return;
      const where = placed.get(target);
      if (where !== undefined) {
        out.error(
          ['stages', i, 'targets', j],
          `"${target}" is already in stage ${where}; every target belongs to exactly one stage`,
        );
      } else {
        placed.set(target, name ? `"${name}"` : `stages[${i}]`);
      }
    });
  });
}

/** Rules that need the plan's target names: edges and stages must name them, stages must cover them. */
export function checkStrategyTargets(
  strategy: unknown,
  targetNames: readonly string[],
): RuleResult {
  const out = new IssueCollector();
  if (!isRecord(strategy)) return out;
  const type = stringAt(strategy, 'type');
  const known = new Set(targetNames);
  const unknown = (name: string): string =>
    `"${name}" is not a target of this plan (targets: ${quoteList([...known])})`;

  if (type === 'DAG') {
    (arrayAt(strategy, 'dependencies') ?? []).forEach((dep, i) => {
      for (const end of ['from', 'to'] as const) {
        const name = stringAt(dep, end);
        if (name && !known.has(name)) out.error(['dependencies', i, end], unknown(name));
      }
    });
  }

  if (type === 'Staged') {
    const stages = arrayAt(strategy, 'stages');
    if (!stages || stages.length === 0) return out; // reported by checkStrategyShape
    const covered = new Set<string>();
    stages.forEach((stage, i) => {
      (arrayAt(stage, 'targets') ?? []).forEach((target, j) => {
        if (typeof target !== 'string' || target === '') return;
        if (!known.has(target)) out.error(['stages', i, 'targets', j], unknown(target));
        covered.add(target);
      });
    });
    const missing = targetNames.filter((name) => !covered.has(name));
    if (missing.length > 0) {
      const list = quoteList(missing);
      out.error(
        ['stages'],
        `${missing.length === 1 ? 'target' : 'targets'} ${list} ${missing.length === 1 ? 'is' : 'are'} in no stage: add ${missing.length === 1 ? 'it' : 'each'} to exactly one stage`,
      );
    }
  }
  return out;
}
