import type { Settings } from '../../../shared/api/contract';
import type { Phase, PlanSummary } from '../../../shared/model/status';
import { OVERRIDE_WORDS, overrideState } from '../../../shared/override/words';
import { overrideInEffect } from '../../../shared/schedule';
import { formatHumanDuration } from '../../../shared/time/duration';
import { formatClock, PHASE_WORDS, type TimeFormat } from '../display-format';
import { allowedActions, toggleFor } from './plan-actions';
import { callAction, type ConfirmSpec, type TrayAction } from './tray-action';

/**
 * The tray menu as plain data (a subset of Electron's MenuItemConstructorOptions with the click
 * handler replaced by an action), so it is built and tested without Electron; tray.ts turns
 * it into a native menu.
 */
export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'submenu';
  enabled?: boolean;
  checked?: boolean;
  submenu?: TrayMenuItem[];
  action?: TrayAction;
}

export interface TrayMenuState {
  plans: readonly PlanSummary[];
  settings: Pick<Settings, 'startAtLogin'>;
  now: Date;
  timeFormat?: TimeFormat;
}

const SEPARATOR: TrayMenuItem = { type: 'separator' };

/** Count words for the header, in the order a person scans them. */
const HEADER_ORDER: ReadonlyArray<[Phase, string, string]> = [
  ['Hibernated', 'asleep', 'asleep'],
  ['Active', 'awake', 'awake'],
  ['Hibernating', 'going to sleep', 'going to sleep'],
  ['WakingUp', 'waking up', 'waking up'],
  ['Suspended', 'paused', 'paused'],
  ['Error', 'needs attention', 'need attention'],
];

/** "Hibernator — 2 asleep, 1 awake": the first line of the menu and the tray tooltip. */
export function trayHeader(plans: readonly PlanSummary[]): string {
  if (plans.length === 0) return 'Hibernator — no plans yet';
  const counts = HEADER_ORDER.map(([phase, one, many]) => {
    const n = plans.filter((p) => p.phase === phase).length;
    return n === 0 ? null : `${n} ${n === 1 ? one : many}`;
  }).filter((s): s is string => s !== null);
  return `Hibernator — ${counts.join(', ')}`;
}

/** The summary's override while it is in effect (the menu is rebuilt on events, not on the clock). */
export function activeOverride(plan: PlanSummary, now: Date): PlanSummary['override'] {
  const o = plan.override;
  try {
    return o && overrideInEffect(o, now) ? o : null;
  } catch {
    return null;
  }
}

/**
 * "dev-env — Asleep · wakes 07:30" (times in local time). With an override: "dev-env — awake
 * until 17:49 — 3 h" (the length it was set for, when known) when the plan rests in that state,
 * else the phase word first ("Going to sleep… · asleep until Mon 05:00 — 62 h").
 */
export function planLabel(plan: PlanSummary, now: Date, timeFormat: TimeFormat = {}): string {
  const override = activeOverride(plan, now);
  if (override && !plan.suspended) {
    const length =
      override.until !== null && override.durationMs !== null && override.durationMs > 0
        ? ` — ${formatHumanDuration(override.durationMs, { precision: 'minute' })}`
        : '';
    const state = `${overrideState(override, (iso) => formatClock(iso, now, timeFormat))}${length}`;
    const resting =
      (plan.phase === 'Active' && override.phase === 'wakeup') ||
      (plan.phase === 'Hibernated' && override.phase === 'hibernate');
    return resting
      ? `${plan.name} — ${state}`
      : `${plan.name} — ${PHASE_WORDS[plan.phase]} · ${state}`;
  }
  let detail = '';
  const next = plan.nextTransition;
  if (plan.suspended && plan.phase !== 'Suspended') detail = ' · paused';
  else if (next && (plan.phase === 'Active' || plan.phase === 'Hibernated')) {
    detail = ` · ${next.operation === 'wakeup' ? 'wakes' : 'sleeps'} ${formatClock(next.at, now, timeFormat)}`;
  }
  return `${plan.name} — ${PHASE_WORDS[plan.phase]}${detail}`;
}

/** Menus show at most this much of an error; the window has the whole message. */
const ERROR_PREVIEW_CHARS = 80;

function preview(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > ERROR_PREVIEW_CHARS
    ? `${oneLine.slice(0, ERROR_PREVIEW_CHARS - 1)}…`
    : oneLine;
}

/** "This stops its 3 targets now.": why Hibernate now asks first. */
export function stopsSentence(targetCount: number): string {
  return `This stops its ${targetCount === 1 ? '1 target' : `${targetCount} targets`} now.`;
}

/**
 * A stray click on the tray's Hibernate now stops real machines, so it asks first when the plan
 * has targets (a plan without targets has nothing to stop).
 */
export function hibernateConfirmation(plan: PlanSummary): ConfirmSpec | undefined {
  if (plan.targetCount <= 0) return undefined;
  return {
    title: `Hibernate ${plan.name} now?`,
    message: `Hibernate ${plan.name} now?`,
    detail: `${stopsSentence(plan.targetCount)} It stays asleep until its schedule's next wake after the coming sleep; "${OVERRIDE_WORDS.backToSchedule}" wakes it on schedule again.`,
    confirmLabel: OVERRIDE_WORDS.hibernateNow,
  };
}

function planSubmenu(plan: PlanSummary, now: Date): TrayMenuItem[] {
  const name = plan.name;
  const allowed = allowedActions(plan);
  const toggle = toggleFor(plan);
  const items: TrayMenuItem[] = [];
  if (plan.phase === 'Error' && plan.error) {
    items.push(
      { id: `${name}:error`, label: preview(plan.error.message), enabled: false },
      SEPARATOR,
    );
  }
  if (activeOverride(plan, now)) {
    items.push({
      id: `${name}:backToSchedule`,
      label: OVERRIDE_WORDS.backToSchedule,
      enabled: true,
      action: callAction({ method: 'clearOverride', input: { plan: name } }),
    });
  }
  items.push(
    toggle === 'hibernateNow'
      ? {
          id: `${name}:hibernateNow`,
          label: OVERRIDE_WORDS.hibernateNow,
          enabled: allowed.hibernateNow,
          action: callAction(
            { method: 'hibernateNow', input: { plan: name } },
            hibernateConfirmation(plan),
          ),
        }
      : {
          id: `${name}:wakeNow`,
          label: OVERRIDE_WORDS.wakeNow,
          enabled: allowed.wakeNow,
          action: callAction({ method: 'wakeNow', input: { plan: name } }),
        },
    {
      id: `${name}:keepAwake1`,
      label: OVERRIDE_WORDS.keepAwake1,
      enabled: allowed.keepAwake,
      action: callAction({ method: 'keepAwake', input: { plan: name, hours: 1 } }),
    },
    {
      id: `${name}:keepAwake3`,
      label: OVERRIDE_WORDS.keepAwake3,
      enabled: allowed.keepAwake,
      action: callAction({ method: 'keepAwake', input: { plan: name, hours: 3 } }),
    },
    {
      id: `${name}:keepAwakeTomorrow`,
      label: OVERRIDE_WORDS.keepAwakeTomorrow,
      enabled: allowed.keepAwake,
      action: callAction({ method: 'keepAwakeUntilTomorrow', input: { plan: name } }),
    },
    {
      id: `${name}:skipTonight`,
      label: OVERRIDE_WORDS.skipNext,
      enabled: allowed.skipTonight,
      action: callAction({ method: 'skipNextHibernation', input: { plan: name } }),
    },
    SEPARATOR,
    {
      id: `${name}:suspend`,
      label: 'Suspend',
      enabled: allowed.suspend,
      action: callAction({ method: 'suspend', input: { plan: name } }),
    },
    {
      id: `${name}:resume`,
      label: 'Resume',
      enabled: allowed.resume,
      action: callAction({ method: 'resume', input: { plan: name } }),
    },
    {
      id: `${name}:retry`,
      label: 'Retry',
      enabled: allowed.retry,
      action: callAction({ method: 'retry', input: { plan: name } }),
    },
    {
      id: `${name}:markAwake`,
      label: 'Mark as awake',
      enabled: allowed.markAwake,
      action: callAction({ method: 'markAwake', input: { plan: name } }),
    },
    SEPARATOR,
    { id: `${name}:open`, label: 'Open', enabled: true, action: { kind: 'open', plan: name } },
  );
  return items;
}

/** The whole tray menu for the current state (ui.md, "Tray menu"). */
export function buildTrayMenu(state: TrayMenuState): TrayMenuItem[] {
  const plans = [...state.plans].sort((a, b) => a.name.localeCompare(b.name));
  const allPaused = plans.length > 0 && plans.every((p) => p.suspended);
  const items: TrayMenuItem[] = [
    { id: 'header', label: trayHeader(plans), enabled: false },
    SEPARATOR,
  ];
  for (const plan of plans) {
    items.push({
      id: `plan:${plan.name}`,
      label: planLabel(plan, state.now, state.timeFormat),
      type: 'submenu',
      submenu: planSubmenu(plan, state.now),
    });
  }
  if (plans.length > 0) items.push(SEPARATOR);
  items.push(
    { id: 'open', label: 'Open Hibernator', enabled: true, action: { kind: 'open' } },
    {
      id: 'pauseAll',
      label: 'Pause all schedules',
      type: 'checkbox',
      checked: allPaused,
      enabled: plans.length > 0,
      action: callAction({ method: 'pauseAll', input: { paused: !allPaused } }),
    },
    {
      id: 'startAtLogin',
      label: 'Start at login',
      type: 'checkbox',
      checked: state.settings.startAtLogin,
      enabled: true,
      action: callAction({
        method: 'updateSettings',
        input: { settings: { startAtLogin: !state.settings.startAtLogin } },
      }),
    },
    SEPARATOR,
    { id: 'quit', label: 'Quit Hibernator', enabled: true, action: { kind: 'quit' } },
  );
  return items;
}
