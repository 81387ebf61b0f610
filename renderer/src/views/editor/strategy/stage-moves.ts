function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The target names of one stage (anything else in its list is dropped). */
export function stageTargets(stage: unknown): string[] {
  const list = isRecord(stage) ? stage.targets : undefined;
  return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
}

/** Index of the first stage holding `target`, or -1. */
export function stageOf(stages: readonly unknown[], target: string): number {
  return stages.findIndex((s) => stageTargets(s).includes(target));
}

/**
 * The stages with `target` in stage `stage` only (appended there), or in none for -1: a target
 * belongs to exactly one stage, so a move takes it out of every other.
 */
export function moveToStage(stages: readonly unknown[], target: string, stage: number): unknown[] {
  return stages.map((s, i) => {
    const base = isRecord(s) ? s : {};
    const rest = stageTargets(s).filter((t) => t !== target);
    return { ...base, targets: i === stage ? [...rest, target] : rest };
  });
}
