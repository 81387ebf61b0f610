import type { ActionResult, OverrideChoiceView, PlanDetail } from '../../../shared/api';
import type { PlanSummary } from '../../../shared/model/status';
import { overrideInEffect } from '../../../shared/schedule';
import { overrideLine } from '../../../shared/override/words';
import { formatLocalTime } from './time';

export type ShownOverride = NonNullable<PlanSummary['override']>;

/** Clock text for override ends: "17:49" today, "Mon 05:00" this week, a date further away. */
export function overrideClock(now: Date): (iso: string) => string {
  return (iso) => formatLocalTime(new Date(iso), now);
}

/**
 * The override in force for the open plan, as the engine's getPlan answer shows it (the same
 * view as the plan list's). An override that has ended since the answer is none.
 */
export function detailOverride(detail: PlanDetail, now: Date): ShownOverride | null {
  const o = detail.override;
  return o && overrideInEffect(o, now) ? o : null;
}

/** The summary's override when it is still in effect (the list refreshes on events, not on the clock). */
export function summaryOverride(summary: PlanSummary, now: Date): ShownOverride | null {
  const o = summary.override;
  return o && overrideInEffect(o, now) ? o : null;
}

export function overrideText(override: ShownOverride, now: Date): string {
  return overrideLine(override, overrideClock(now));
}

/** "1 h", "3 h", "until 19:00", "until Mon 05:00" — the offer, then "back on schedule" when it clears. */
export function choiceLabel(choice: OverrideChoiceView, now: Date): string {
  const when = choice.id.startsWith('hours-')
    ? choice.duration
    : `until ${formatLocalTime(new Date(choice.until), now)}`;
  return choice.outcome === 'clear' ? `${when} (back on schedule)` : when;
}

/** What an action did, for the result banner: the engine's message, then the override now. */
export function describeResult(result: ActionResult, now: Date): string {
  const parts = [result.message];
  if (result.override) parts.push(`Now ${overrideText(result.override, now)}.`);
  else if (result.override === null) parts.push('The plan follows its schedule.');
  if (result.consequence && result.consequence.kind !== 'none')
    parts.push(`This ${result.consequence.text}.`);
  return parts.join(' ');
}
