import type { ActionResult } from '../../../shared/api/contract';
import { OVERRIDE_WORDS, overrideLine } from '../../../shared/override/words';
import type { ActionOutcome } from '../action-runner';
import { formatClock } from '../display-format';
import { isOverrideCall } from '../tray/override-question';
import { callAction } from '../tray/tray-action';
import type { NotificationSpec, TextContext } from './notification-text';

const COULD_NOT = 'Hibernator could not do that';

/** Calls whose answer changes the override, so Undo (undoOverride) can put the previous one back. */
const UNDOABLE = new Set(['clearOverride', 'keepOverride']);

function planOf(outcome: ActionOutcome): string | null {
  const input = outcome.call.input as { plan?: unknown };
  return typeof input.plan === 'string' ? input.plan : null;
}

function isActionResult(value: unknown): value is ActionResult {
  return typeof value === 'object' && value !== null && 'plan' in value && 'message' in value;
}

/**
 * What the user's own tray or notification action did, said at once (issue 12): "dev-env awake
 * until 17:49 · back on schedule after" with what it costs or saves, and Undo where the OS shows
 * buttons; elsewhere a click opens the plan. A refusal says the API's message: never silent.
 * Settings like "Pause all" and "Start at login" show in the menu itself, so they say nothing
 * unless refused.
 */
export function actionNotification(
  outcome: ActionOutcome,
  ctx: TextContext,
  seq: number,
): NotificationSpec | null {
  const plan = planOf(outcome);
  const group = plan ? `plan:${plan}` : 'actions';
  const key = `action:${outcome.call.method}:${plan ?? ''}:${seq}`;
  const click = plan ? { kind: 'open' as const, plan } : { kind: 'open' as const };
  if (!outcome.ok)
    return {
      kind: 'actions',
      key,
      group,
      title: COULD_NOT,
      body: outcome.message,
      click,
      buttons: [],
    };
  if (!plan || !isActionResult(outcome.result)) return null;
  const result = outcome.result;
  const changesOverride = isOverrideCall(outcome.call) || UNDOABLE.has(outcome.call.method);
  if (result.override === undefined && outcome.call.method !== 'undoOverride')
    return { kind: 'actions', key, group, title: plan, body: result.message, click, buttons: [] };
  const clock = (iso: string): string => formatClock(iso, ctx.now, ctx.timeFormat);
  // The user just did it: "by you" would only repeat that.
  const title = result.override
    ? `${plan} ${overrideLine({ ...result.override, by: null }, clock)}`
    : `${plan} is back on schedule`;
  const cost =
    result.consequence && result.consequence.kind !== 'none'
      ? `This ${result.consequence.text}.`
      : '';
  const undo = changesOverride && ctx.buttons;
  const hint = changesOverride && !ctx.buttons ? 'Click to open it in Hibernator.' : '';
  return {
    kind: 'actions',
    key,
    group,
    title,
    body: [cost, hint].filter(Boolean).join(' '),
    click,
    buttons: undo
      ? [
          {
            label: OVERRIDE_WORDS.undo,
            action: callAction({ method: 'undoOverride', input: { plan } }),
          },
        ]
      : [],
  };
}
