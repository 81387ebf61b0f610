import type { Issue } from './issue';
import {
  OVERRIDE_UNTIL_ANNOTATION,
  type PlanOverride,
  annotationPath,
  dropOneShotAnnotations,
  readOverride,
  writeOverrideAnnotations,
} from './override';
import { isRecord } from './raw';

/**
 * What import and export do with a plan's annotations (semantics.md section 2 "Manual
 * overrides"): the override is honoured and kept, the operator's one-shot annotations never
 * come in, and an override goes out only while its end is far enough ahead for the operator.
 */

/** Export writes an override only when it ends at least this far after `now`. */
export const EXPORT_OVERRIDE_MIN_AHEAD_MS = 5 * 60_000;

function stringAnnotations(raw: unknown): Record<string, string> | undefined {
  const metadata = isRecord(raw) ? raw.metadata : undefined;
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  if (!isRecord(annotations)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations))
    if (typeof value === 'string') out[key] = value;
  return out;
}

/** `raw` with `metadata.annotations` replaced (removed when empty), or `raw` itself. */
function withAnnotations(raw: unknown, annotations: Record<string, string>): unknown {
  if (!isRecord(raw) || !isRecord(raw.metadata) || !isRecord(raw.metadata.annotations)) return raw;
  // Keep the values the schema will reject (non-strings) so it still names them.
  const kept = { ...raw.metadata.annotations };
  for (const key of Object.keys(kept))
    if (typeof kept[key] === 'string' && !(key in annotations)) delete kept[key];
  const { annotations: _old, ...metadata } = raw.metadata;
  return {
    ...raw,
    metadata: Object.keys(kept).length > 0 ? { ...metadata, annotations: kept } : metadata,
  };
}

export interface PlanImport {
  /** The raw plan without the one-shot annotations. */
  value: unknown;
  override: PlanOverride | null;
  errors: Issue[];
  warnings: Issue[];
}

/** Import: drop the one-shot annotations (a warning each) and read the override (kept on the plan). */
export function importPlanAnnotations(raw: unknown): PlanImport {
  const annotations = stringAnnotations(raw);
  if (!annotations) return { value: raw, override: null, errors: [], warnings: [] };
  const dropped = dropOneShotAnnotations(annotations);
  const reading = readOverride(dropped.annotations);
  return {
    value: dropped.warnings.length > 0 ? withAnnotations(raw, dropped.annotations) : raw,
    override: reading.override,
    errors: reading.errors,
    warnings: [...dropped.warnings, ...reading.warnings],
  };
}

/**
 * Export: the annotations to write and why. The operator enforces `override-until` only while
 * the plan rests in Active or Hibernated, so a deadline that is past (or about to be) when the
 * file is applied would hold the plan there forever: such an override is left out.
 */
export function exportPlanAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  now: Date | undefined,
): { annotations: Record<string, string>; warnings: Issue[] } {
  const { annotations: kept, warnings } = dropOneShotAnnotations(annotations);
  const reading = readOverride(kept);
  const untilPath = annotationPath(OVERRIDE_UNTIL_ANNOTATION);
  const omit = (message: string) => {
    warnings.push({ path: untilPath, message });
    return { annotations: writeOverrideAnnotations(kept, null), warnings };
  };
  if (reading.errors.length > 0) {
    const why = reading.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return omit(`the manual override is left out because it is malformed (${why})`);
  }
  const override = reading.override;
  if (!override) return { annotations: kept, warnings };
  if (override.until === null) {
    warnings.push({
      path: annotationPath('hibernator.ardikabs.com/override-action'),
      message: `the manual override (${override.phase}) has no end: the operator keeps it until someone removes the annotations`,
    });
    return { annotations: writeOverrideAnnotations(kept, override), warnings };
  }
  if (!now)
    return omit('the manual override is left out: no current time was given to check its end');
  const aheadMs = Date.parse(override.until) - now.getTime();
  if (aheadMs < EXPORT_OVERRIDE_MIN_AHEAD_MS) {
    return omit(
      `the manual override (${override.phase} until ${override.until}) is left out: it ends less than 5 minutes from now, and the operator would hold the plan past a deadline it missed`,
    );
  }
  warnings.push({
    path: untilPath,
    message: `the manual override is written (${override.phase} until ${override.until}, UTC): the operator ends it then only while the plan rests in Active or Hibernated`,
  });
  return { annotations: writeOverrideAnnotations(kept, override), warnings };
}
