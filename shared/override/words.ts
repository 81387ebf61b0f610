/**
 * The words the window, the tray and the notifications use for manual overrides, kept in one
 * place so the same action reads the same everywhere (issue 12: "Tray and window use the same
 * words for the same actions"). Clock text is the caller's: the renderer and main/app each
 * format local time their own way, so they pass a formatter.
 */

export const OVERRIDE_WORDS = {
  hibernateNow: 'Hibernate now',
  wakeNow: 'Wake now',
  keepAwake: 'Keep awake',
  keepAwake1: 'Keep awake for 1 h',
  keepAwake3: 'Keep awake for 3 h',
  keepAwakeTomorrow: 'Keep awake until tomorrow',
  skipNext: 'Skip next sleep',
  backToSchedule: 'Back to schedule',
  undo: 'Undo',
  keepIt: 'Keep it',
} as const;

/** The override as the summaries and the API show it (PlanSummary.override, OverrideView). */
export interface OverrideShown {
  phase: 'hibernate' | 'wakeup';
  until: string | null;
  by?: string | null;
}

const BY_WORD: Readonly<Record<string, string>> = {
  user: 'by you',
  tray: 'by you',
  'heads-up': 'by you',
  import: 'from YAML',
  migration: 'from an earlier version',
};

/** "awake until 17:49" / "asleep until Mon 05:00" / "awake until removed". */
export function overrideState(override: OverrideShown, clock: (iso: string) => string): string {
  const state = override.phase === 'hibernate' ? 'asleep' : 'awake';
  return override.until === null
    ? `${state} until removed`
    : `${state} until ${clock(override.until)}`;
}

/** "awake until 17:49 by you · back on schedule after": the header's and the list's line. */
export function overrideLine(override: OverrideShown, clock: (iso: string) => string): string {
  const by = override.by ? BY_WORD[override.by] : undefined;
  const after = override.until === null ? '' : ' · back on schedule after';
  return `${overrideState(override, clock)}${by ? ` ${by}` : ''}${after}`;
}
