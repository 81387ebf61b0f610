import { utcSeconds } from '../model/override';
import { evaluate } from '../schedule/evaluate';
import { upcoming } from '../schedule/upcoming';
import {
  DEFAULT_OVERRIDE_SETTINGS,
  type OverrideAction,
  type OverrideConsequence,
  type OverrideContext,
  planOverride,
} from './plan-override';

/**
 * The window's choices for waking / keeping a plan awake ("1 h · 3 h · until 19:00 · until
 * Mon 05:00"), each computed by planOverride so the choice and the action agree. Pure data: the
 * renderer writes the clock text from `until` (renderer/src/format/time.ts formatLocalTime).
 */
export interface OverrideChoice {
  /** Stable key: `hours-1`, `hours-3`, `next-change`, `skip`, `tomorrow`. */
  id: string;
  /** What to send: `{ action, hours }` or `{ action, until }`. */
  request: { action: OverrideAction; hours?: number; until?: string };
  /** RFC 3339 UTC Z end of the choice. */
  until: string;
  /** Length in hours (fractional), and as the window says it ("62 h"). */
  hours: number;
  duration: string;
  /** 'clear' = back on schedule: the schedule already keeps it awake that long. */
  outcome: 'set' | 'clear';
  consequence: OverrideConsequence;
  needsConfirmation: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * Fixed spans (1 h and the wake-now setting), then the schedule's next change, the end of the
 * next sleep, and "until tomorrow" when it differs. Choices ending at the same instant are shown
 * once; refused ones (none today, but a horizon could refuse) are left out. Sorted by end.
 */
export function choicesFor(ctx: OverrideContext): OverrideChoice[] {
  const setting = ctx.settings?.wakeNowHours ?? DEFAULT_OVERRIDE_SETTINGS.wakeNowHours;
  const hours = [...new Set([1, 3, setting])].filter((h) => h > 0).sort((a, b) => a - b);
  const candidates: Array<{ id: string; request: OverrideChoice['request'] }> = hours.map((h) => ({
    id: `hours-${h}`,
    request: { action: 'keepAwake', hours: h },
  }));
  const next = upcoming(ctx.plan, ctx.exceptions, ctx.now, 1)[0];
  // Awake by schedule: until the coming sleep (back on schedule); asleep: until the wake.
  if (next && !evaluate(ctx.plan, ctx.exceptions, ctx.now).hibernate)
    candidates.push({
      id: 'next-change',
      request: { action: 'wakeNow', until: utcSeconds(next.at.getTime()) },
    });
  candidates.push({ id: 'skip', request: { action: 'skipNextHibernation' } });
  candidates.push({ id: 'tomorrow', request: { action: 'keepAwakeUntilTomorrow' } });

  const out: OverrideChoice[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const outcome = planOverride({ ...ctx, ...candidate.request });
    if (outcome.kind === 'refused' || outcome.until === null || seen.has(outcome.until)) continue;
    seen.add(outcome.until);
    out.push({
      id: candidate.id,
      request: candidate.request,
      until: outcome.until,
      hours: outcome.durationMs / HOUR_MS,
      duration: outcome.duration,
      outcome: outcome.kind,
      consequence: outcome.consequence,
      needsConfirmation: outcome.needsConfirmation,
    });
  }
  return out.sort((a, b) => Date.parse(a.until) - Date.parse(b.until));
}
