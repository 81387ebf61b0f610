import { type Issue, formatPath } from './issue';
import { parseInstant } from './instant';

/**
 * The plan's one manual override, stored the operator's way: three annotations on the plan
 * (semantics.md section 2 "Manual overrides"; keys as in the operator's
 * internal/wellknown/annotations.go). It lives in the model layer because it is part of what a
 * plan carries and what YAML import/export reads and writes; the schedule layer only sees the
 * structural `{ phase, until }` (shared/schedule/desired.ts).
 */

export const OVERRIDE_ACTION_ANNOTATION = 'hibernator.ardikabs.com/override-action';
export const OVERRIDE_PHASE_TARGET_ANNOTATION = 'hibernator.ardikabs.com/override-phase-target';
export const OVERRIDE_UNTIL_ANNOTATION = 'hibernator.ardikabs.com/override-until';
export const OVERRIDE_ANNOTATIONS = [
  OVERRIDE_ACTION_ANNOTATION,
  OVERRIDE_PHASE_TARGET_ANNOTATION,
  OVERRIDE_UNTIL_ANNOTATION,
] as const;

export const OVERRIDE_PHASES = ['hibernate', 'wakeup'] as const;
export type OverridePhase = (typeof OVERRIDE_PHASES)[number];

/**
 * Where an override came from; only for display ("awake until 17:49 by you"). The origins of a
 * call are `window`, `tray`, `cli` and `api` (the caller the host names, shared/api ApiCaller);
 * `heads-up` is the notification's "keep it", `import` and `migration` are not a person's click.
 * `user` is what earlier versions stored for every manual action: it still loads and reads "by
 * you".
 */
export const OVERRIDE_SETTERS = [
  'user',
  'window',
  'tray',
  'cli',
  'api',
  'heads-up',
  'import',
  'migration',
] as const;
export type OverrideSetter = (typeof OVERRIDE_SETTERS)[number];

/**
 * One manual override. `phase` and `until` are what the annotations carry (and all the operator
 * knows); the rest is the desktop's own bookkeeping, stored by the engine next to the plan and
 * never exported.
 */
export interface PlanOverride {
  phase: OverridePhase;
  /** RFC 3339 UTC `Z`, whole seconds; null = until removed (only ever from imported YAML). */
  until: string | null;
  /** When it was set (RFC 3339 UTC). */
  setAt?: string;
  by?: OverrideSetter;
  /** The OS account that set it, as `user@host`, when the host knows it (desktop only, never exported). */
  byUser?: string;
  /** The length first chosen: the heads-up's "keep it" extends by this much. */
  durationMs?: number;
  /** What it replaced (null = no override), for Undo. Kept one level deep: Undo is a single step. */
  previous?: PlanOverride | null;
}

/**
 * The operator's one-shot and internal annotations (internal/wellknown/annotations.go). They
 * drive a controller we do not run, so import drops them with a warning and nothing here acts
 * on them. `restored-` is a prefix (one per target).
 */
export const ONE_SHOT_ANNOTATIONS = [
  'hibernator.ardikabs.com/restart',
  'hibernator.ardikabs.com/retry-now',
  'hibernator.ardikabs.com/retry-at',
  'hibernator.ardikabs.com/fresh',
  'hibernator.ardikabs.com/suspended-at-phase',
  'hibernator.ardikabs.com/restore-previous-state',
] as const;
export const ONE_SHOT_ANNOTATION_PREFIXES = ['hibernator.ardikabs.com/restored-'] as const;

export function isOneShotAnnotation(key: string): boolean {
  return (
    (ONE_SHOT_ANNOTATIONS as readonly string[]).includes(key) ||
    ONE_SHOT_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix))
  );
}

/** `metadata.annotations["<key>"]`, the path every override issue names. */
export function annotationPath(key: string): string {
  return formatPath(['metadata', 'annotations', key]);
}

/** Whole-second RFC 3339 UTC `Z`, the form the desktop writes (Go's time.RFC3339). */
export function utcSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface OverrideReading {
  /** The override the annotations describe, or null (none, or unusable: see `errors`). */
  override: PlanOverride | null;
  errors: Issue[];
  warnings: Issue[];
}

/**
 * Reads the override annotations. The operator treats `override-action` other than "true" as
 * absent; we do the same but warn, since the author evidently meant something. An override
 * whose direction or end cannot be read is an error: the operator would hold such a plan with no
 * direction or no deadline, which is exactly the stuck plan the desktop must not import silently.
 */
export function readOverride(
  annotations: Readonly<Record<string, string>> | undefined,
): OverrideReading {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const a = annotations ?? {};
  const action = a[OVERRIDE_ACTION_ANNOTATION];
  const target = a[OVERRIDE_PHASE_TARGET_ANNOTATION];
  const until = a[OVERRIDE_UNTIL_ANNOTATION];

  if (action !== 'true') {
    if (action !== undefined) {
      warnings.push({
        path: annotationPath(OVERRIDE_ACTION_ANNOTATION),
        message: `is "${action}": only "true" turns the override on, so the plan follows its schedule`,
      });
    } else if (target !== undefined || until !== undefined) {
      const present =
        target !== undefined ? OVERRIDE_PHASE_TARGET_ANNOTATION : OVERRIDE_UNTIL_ANNOTATION;
      warnings.push({
        path: annotationPath(present),
        message: `is ignored without ${OVERRIDE_ACTION_ANNOTATION}: "true", so the plan follows its schedule`,
      });
    }
    return { override: null, errors, warnings };
  }

  const phase = OVERRIDE_PHASES.find((p) => p === target);
  if (!phase) {
    errors.push({
      path: annotationPath(OVERRIDE_PHASE_TARGET_ANNOTATION),
      message:
        target === undefined
          ? 'is required when the override is on: use hibernate or wakeup'
          : `is "${target}": use hibernate or wakeup`,
    });
  }
  let untilText: string | null = null;
  if (until !== undefined) {
    const ms = parseInstant(until);
    if (ms === undefined) {
      errors.push({
        path: annotationPath(OVERRIDE_UNTIL_ANNOTATION),
        message: `"${until}" is not an RFC 3339 instant: write it like 2026-12-24T18:00:00Z`,
      });
    } else untilText = utcSeconds(ms);
  }
  if (!phase || errors.length > 0) return { override: null, errors, warnings };
  return { override: { phase, until: untilText }, errors, warnings };
}

/**
 * The annotations with the override written (or, for null, removed). Only `phase` and `until`
 * go into annotations; `until` in UTC `Z`. Other annotations are kept as they are.
 */
export function writeOverrideAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  override: Pick<PlanOverride, 'phase' | 'until'> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (!(OVERRIDE_ANNOTATIONS as readonly string[]).includes(key)) out[key] = value;
  }
  if (!override) return out;
  out[OVERRIDE_ACTION_ANNOTATION] = 'true';
  out[OVERRIDE_PHASE_TARGET_ANNOTATION] = override.phase;
  if (override.until !== null) {
    const ms = parseInstant(override.until);
    out[OVERRIDE_UNTIL_ANNOTATION] = ms === undefined ? override.until : utcSeconds(ms);
  }
  return out;
}

/** The annotations without the operator's one-shot ones, plus one warning naming each dropped key. */
export function dropOneShotAnnotations(annotations: Readonly<Record<string, string>> | undefined): {
  annotations: Record<string, string>;
  warnings: Issue[];
} {
  const out: Record<string, string> = {};
  const warnings: Issue[] = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (isOneShotAnnotation(key)) {
      warnings.push({
        path: annotationPath(key),
        message: `dropped: a one-shot or internal annotation of the operator; it never triggers anything here`,
      });
    } else out[key] = value;
  }
  return { annotations: out, warnings };
}

/** True for the three override keys (for editors that show the override apart from other annotations). */
export function isOverrideAnnotation(key: string): boolean {
  return (OVERRIDE_ANNOTATIONS as readonly string[]).includes(key);
}
