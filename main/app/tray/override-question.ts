import type { Envelope } from '../../../shared/api/bridge';
import {
  OVERRIDE_ACTION_NAMES,
  type OverrideActionName,
  type PlanDetail,
} from '../../../shared/api/contract';
import { planOverride } from '../../../shared/override/plan-override';
import type { ScheduleExceptionLike, SchedulePlan } from '../../../shared/schedule/types';
import { OVERRIDE_WORDS, overrideCostSentence } from '../../../shared/override/words';
import { formatClock, type TimeFormat } from '../display-format';
import type { ApiCall, ConfirmSpec, TrayAction } from './tray-action';
import { stopsSentence } from './tray-menu';

/** The window's word for each action that sets an override (the tray item may say more, e.g. "for 1 h"). */
const ACTION_WORD: Readonly<Record<OverrideActionName, string>> = {
  hibernateNow: OVERRIDE_WORDS.hibernateNow,
  wakeNow: OVERRIDE_WORDS.wakeNow,
  keepAwake: OVERRIDE_WORDS.keepAwake,
  keepAwakeUntilTomorrow: OVERRIDE_WORDS.keepAwake,
  skipNextHibernation: OVERRIDE_WORDS.skipNext,
};

export function isOverrideCall(
  call: ApiCall,
): call is Extract<ApiCall, { method: OverrideActionName }> {
  return (OVERRIDE_ACTION_NAMES as readonly string[]).includes(call.method);
}

/** What overrideQuestion reads of getPlan's answer (a PlanDetail is one). */
export interface QuestionDetail {
  plan: SchedulePlan & { spec: { targets: readonly unknown[] } };
  exceptions: readonly ScheduleExceptionLike[];
}

export interface QuestionContext {
  now: Date;
  /** Settings.wakeNowHours, as the engine uses it. */
  wakeNowHours?: number | undefined;
  timeFormat?: TimeFormat;
}

/**
 * The question before a tray override action (issue 12: "overrides longer than 12 h are
 * confirmed"), computed with the engine's own planOverride on the plan as getPlan answers it, so
 * the length and the cost are the ones the window's choices show, in the window's words
 * (overrideCostSentence). Hibernate now keeps saying what it stops. Undefined when nothing needs
 * asking: the item's own question (a Hibernate now with targets) then still applies.
 */
export function overrideQuestion(
  action: Extract<TrayAction, { kind: 'call' }>,
  detail: QuestionDetail,
  ctx: QuestionContext,
): ConfirmSpec | undefined {
  const { call } = action;
  if (!isOverrideCall(call)) return undefined;
  const input = call.input;
  const outcome = planOverride({
    now: ctx.now,
    plan: detail.plan,
    exceptions: detail.exceptions,
    current: null,
    ...(ctx.wakeNowHours !== undefined ? { settings: { wakeNowHours: ctx.wakeNowHours } } : {}),
    action: call.method,
    ...(input.until !== undefined ? { until: input.until } : {}),
    ...('hours' in input && input.hours !== undefined ? { hours: input.hours } : {}),
  });
  if (outcome.kind !== 'set' || !outcome.needsConfirmation || outcome.until === null)
    return undefined;
  const word = ACTION_WORD[call.method];
  const name = input.plan;
  const question = `${word} ${name} until ${formatClock(outcome.until, ctx.now, ctx.timeFormat)}?`;
  const cost = overrideCostSentence(outcome);
  // "This stops its 3 targets now." stays first: it is why Hibernate now asks at all.
  const targets = detail.plan.spec.targets.length;
  const stops = call.method === 'hibernateNow' && targets > 0 ? stopsSentence(targets) : '';
  return {
    title: question,
    message: question,
    detail: stops ? `${stops} ${cost}` : cost,
    confirmLabel: word,
  };
}

/**
 * The runner's question for a tray action: for an override action, getPlan then
 * overrideQuestion; else (or when the plan cannot be read) the item's own question. A failure
 * here never skips a question the item asks.
 */
export function createTrayQuestions(deps: {
  call(method: 'getPlan', input: { name: string }): Promise<Envelope>;
  context(): QuestionContext;
}): (action: Extract<TrayAction, { kind: 'call' }>) => Promise<ConfirmSpec | undefined> {
  return async (action) => {
    if (!isOverrideCall(action.call)) return action.confirm;
    try {
      const envelope = await deps.call('getPlan', { name: action.call.input.plan });
      if (!envelope.ok) return action.confirm;
      return (
        overrideQuestion(action, envelope.result as PlanDetail, deps.context()) ?? action.confirm
      );
    } catch {
      return action.confirm;
    }
  };
}
