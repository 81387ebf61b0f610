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
  byUser?: string | null;
  byYou?: boolean;
}

/** Origins that are not a person's click say where the override came from instead. */
const FROM_WORD: Readonly<Record<string, string>> = {
  import: 'from YAML',
  migration: 'from an earlier version',
};
/** A person's click: by this account, by another account (`byUser`), or through the API. */
const PERSON_ORIGINS = new Set(['user', 'window', 'tray', 'cli', 'api', 'heads-up']);

/**
 * "by you" when the engine's own account set it (or, for earlier versions' overrides and hosts
 * that know no account, a person on this machine did), "by ana@build-box" for another account,
 * "via the API" for `serve` calls whose account is unknown; undefined when nothing is known.
 */
export function overrideSetter(override: OverrideShown): string | undefined {
  const by = override.by ?? undefined;
  if (by === undefined) return undefined;
  const from = FROM_WORD[by];
  if (from) return from;
  if (!PERSON_ORIGINS.has(by)) return undefined;
  if (override.byYou) return 'by you';
  if (override.byUser) return `by ${override.byUser}`;
  return by === 'api' ? 'via the API' : 'by you';
}

/** "awake until 17:49" / "asleep until Mon 05:00" / "awake until removed". */
export function overrideState(override: OverrideShown, clock: (iso: string) => string): string {
  const state = override.phase === 'hibernate' ? 'asleep' : 'awake';
  return override.until === null
    ? `${state} until removed`
    : `${state} until ${clock(override.until)}`;
}

/** "awake until 17:49 by you · back on schedule after": the header's and the list's line. */
export function overrideLine(override: OverrideShown, clock: (iso: string) => string): string {
  const by = overrideSetter(override);
  const after = override.until === null ? '' : ' · back on schedule after';
  return `${overrideState(override, clock)}${by ? ` ${by}` : ''}${after}`;
}

/** What a choice costs or saves, as the window's choices and the answers say it. */
export interface OverrideCost {
  /** "62 h" (shared/override formatOverrideDuration). */
  duration: string;
  consequence: { text: string };
}

/**
 * The body of the question before an override longer than 12 h, the same in the window's
 * dialog and the tray's native box: "That is 62 h and costs 48 h awake. The plan returns to its
 * schedule afterwards."
 */
export function overrideCostSentence(cost: OverrideCost): string {
  return `That is ${cost.duration} and ${cost.consequence.text}. The plan returns to its schedule afterwards.`;
}
