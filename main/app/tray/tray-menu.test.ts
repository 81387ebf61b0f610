import { describe, expect, it } from 'vitest';
import type { Phase, PlanSummary } from '../../../shared/model/status';
import { OVERRIDE_WORDS } from '../../../shared/override/words';
import { planSummary } from '../test-support/plan-summary';
import {
  buildTrayMenu,
  hibernateConfirmation,
  planLabel,
  trayHeader,
  type TrayMenuItem,
} from './tray-menu';

const now = new Date('2026-11-26T20:00:00Z');
const utc = { timeZone: 'UTC' };

function menu(plans: PlanSummary[], startAtLogin = false): TrayMenuItem[] {
  return buildTrayMenu({ plans, settings: { startAtLogin }, now, timeFormat: utc });
}

function submenuOf(items: TrayMenuItem[], plan: string): TrayMenuItem[] {
  const item = items.find((i) => i.id === `plan:${plan}`);
  if (!item?.submenu) throw new Error(`no submenu for ${plan}`);
  return item.submenu;
}

/** label -> enabled, for the actionable items of a plan's submenu. */
function enabledByLabel(plan: PlanSummary): Record<string, boolean> {
  const entries = submenuOf(menu([plan]), plan.name)
    .filter((i) => i.action)
    .map((i): [string, boolean] => [i.label ?? '', i.enabled ?? true]);
  return Object.fromEntries(entries);
}

describe('trayHeader', () => {
  it('counts plans by display word, asleep first', () => {
    const plans = [
      planSummary('a', 'Hibernated'),
      planSummary('b', 'Hibernated'),
      planSummary('c', 'Active'),
    ];
    expect(trayHeader(plans)).toBe('Hibernator — 2 asleep, 1 awake');
  });

  it('names the phases in progress and the ones needing attention', () => {
    const plans = [
      planSummary('a', 'Error'),
      planSummary('b', 'Error'),
      planSummary('c', 'WakingUp'),
      planSummary('d', 'Suspended'),
    ];
    expect(trayHeader(plans)).toBe('Hibernator — 1 waking up, 1 paused, 2 need attention');
  });

  it('says so when there are no plans', () => {
    expect(trayHeader([])).toBe('Hibernator — no plans yet');
  });
});

describe('planLabel', () => {
  it('shows the phase word and when an asleep plan wakes, in the given time zone', () => {
    const plan = planSummary('dev-env', 'Hibernated', {
      nextTransition: { at: '2026-11-27T07:30:00Z', operation: 'wakeup' },
    });
    expect(planLabel(plan, now, utc)).toBe('dev-env — Asleep · wakes 07:30');
  });

  it('shows when an awake plan goes to sleep', () => {
    const plan = planSummary('staging', 'Active', {
      nextTransition: { at: '2026-11-26T21:00:00Z', operation: 'hibernate' },
    });
    expect(planLabel(plan, now, { timeZone: 'Europe/Berlin' })).toBe(
      'staging — Awake · sleeps 22:00',
    );
  });

  it('shows no time for a plan that needs attention', () => {
    const plan = planSummary('qa', 'Error', {
      nextTransition: { at: '2026-11-27T07:30:00Z', operation: 'wakeup' },
    });
    expect(planLabel(plan, now, utc)).toBe('qa — Needs attention');
  });

  it('marks a plan paused during an operation', () => {
    expect(planLabel(planSummary('qa', 'Hibernating', { suspended: true }), now, utc)).toBe(
      'qa — Going to sleep… · paused',
    );
  });
});

describe('planLabel with a manual override', () => {
  const awake = {
    phase: 'wakeup' as const,
    until: '2026-11-26T21:49:00Z',
    setAt: null,
    by: 'user',
    durationMs: null,
  };
  const asleep = {
    phase: 'hibernate' as const,
    until: '2026-11-30T05:00:00Z',
    setAt: null,
    by: 'user',
    durationMs: null,
  };
  const table: Array<[string, PlanSummary, string]> = [
    [
      'awake by override',
      planSummary('dev-env', 'Active', { override: awake }),
      'dev-env — awake until 21:49',
    ],
    [
      'asleep by override, days away',
      planSummary('dev-env', 'Hibernated', { override: asleep }),
      'dev-env — asleep until Mon 05:00',
    ],
    [
      'on its way to the override',
      planSummary('dev-env', 'Hibernating', { override: asleep }),
      'dev-env — Going to sleep… · asleep until Mon 05:00',
    ],
    [
      'an override that already ended',
      planSummary('dev-env', 'Active', {
        override: { ...awake, until: '2026-11-26T19:00:00Z' },
        nextTransition: { at: '2026-11-26T21:00:00Z', operation: 'hibernate' },
      }),
      'dev-env — Awake · sleeps 21:00',
    ],
    [
      'awake by override, with the length it was set for',
      planSummary('dev-env', 'Active', { override: { ...awake, durationMs: 3 * 3_600_000 } }),
      'dev-env — awake until 21:49 — 3 h',
    ],
    [
      'on its way to the override, with its length',
      planSummary('dev-env', 'Hibernating', {
        override: { ...asleep, durationMs: 62 * 3_600_000 },
      }),
      'dev-env — Going to sleep… · asleep until Mon 05:00 — 62 h',
    ],
    [
      'paused, whatever the override',
      planSummary('dev-env', 'Suspended', { override: awake }),
      'dev-env — Paused',
    ],
  ];
  it.each(table)('%s', (_, plan, label) => {
    expect(planLabel(plan, now, utc)).toBe(label);
  });
});

describe('plan submenu with a manual override', () => {
  const awake = {
    phase: 'wakeup' as const,
    until: '2026-11-26T21:49:00Z',
    setAt: null,
    by: 'user',
    durationMs: null,
  };
  const table: Array<[string, PlanSummary, string[]]> = [
    [
      'no override: no Back to schedule',
      planSummary('p', 'Active'),
      ['Hibernate now', 'Keep awake for 1 h'],
    ],
    [
      'override set: Back to schedule first',
      planSummary('p', 'Active', { override: awake }),
      ['Back to schedule', 'Hibernate now', 'Keep awake for 1 h'],
    ],
    [
      'override while asleep',
      planSummary('p', 'Hibernated', { override: { ...awake, phase: 'hibernate' } }),
      ['Back to schedule', 'Wake now', 'Keep awake for 1 h'],
    ],
    [
      'expired override: none',
      planSummary('p', 'Active', { override: { ...awake, until: '2026-11-26T19:59:59Z' } }),
      ['Hibernate now', 'Keep awake for 1 h'],
    ],
  ];
  it.each(table)('%s', (_, plan, firstLabels) => {
    const labels = submenuOf(menu([plan]), 'p')
      .filter((i) => i.action)
      .map((i) => i.label);
    expect(labels.slice(0, firstLabels.length)).toEqual(firstLabels);
  });

  it('binds Back to schedule to clearOverride', () => {
    const items = submenuOf(menu([planSummary('p', 'Active', { override: awake })]), 'p');
    expect(items.find((i) => i.label === 'Back to schedule')?.action).toEqual({
      kind: 'call',
      call: { method: 'clearOverride', input: { plan: 'p' } },
    });
  });
});

describe('the override items say what the window says', () => {
  it('labels each fixed item with the shared word (shared/override/words.ts)', () => {
    const active = submenuOf(menu([planSummary('p', 'Active')]), 'p');
    const asleep = submenuOf(menu([planSummary('p', 'Hibernated')]), 'p');
    const methods = [...active, ...asleep].flatMap((i) =>
      i.action?.kind === 'call' ? [[i.label, i.action.call.method, i.action.call.input]] : [],
    );
    expect(methods).toEqual(
      expect.arrayContaining([
        [OVERRIDE_WORDS.hibernateNow, 'hibernateNow', { plan: 'p' }],
        [OVERRIDE_WORDS.wakeNow, 'wakeNow', { plan: 'p' }],
        [OVERRIDE_WORDS.keepAwake1, 'keepAwake', { plan: 'p', hours: 1 }],
        [OVERRIDE_WORDS.keepAwake3, 'keepAwake', { plan: 'p', hours: 3 }],
        [OVERRIDE_WORDS.keepAwakeTomorrow, 'keepAwakeUntilTomorrow', { plan: 'p' }],
        [OVERRIDE_WORDS.skipNext, 'skipNextHibernation', { plan: 'p' }],
      ]),
    );
  });
});

describe('tray Hibernate now confirmation', () => {
  const table: Array<[string, number, boolean]> = [
    ['asks when the plan has targets', 3, true],
    ['asks for a single target', 1, true],
    ['runs at once when there is nothing to stop', 0, false],
  ];
  it.each(table)('%s', (_, targetCount, asks) => {
    const plan = planSummary('dev-env', 'Active', { targetCount });
    const item = submenuOf(menu([plan]), 'dev-env').find((i) => i.label === 'Hibernate now');
    expect(item?.action).toEqual({
      kind: 'call',
      call: { method: 'hibernateNow', input: { plan: 'dev-env' } },
      ...(asks ? { confirm: hibernateConfirmation(plan) } : {}),
    });
  });

  it('says what it stops and how to undo it, with Hibernate now and Cancel', () => {
    expect(hibernateConfirmation(planSummary('dev-env', 'Active'))).toEqual({
      title: 'Hibernate dev-env now?',
      message: 'Hibernate dev-env now?',
      detail:
        'This stops its 3 targets now. It stays asleep until its schedule\'s next wake after the coming sleep; "Back to schedule" wakes it on schedule again.',
      confirmLabel: 'Hibernate now',
    });
  });
});

describe('plan submenu', () => {
  const table: Array<[Phase, Partial<PlanSummary>, Record<string, boolean>]> = [
    [
      'Active',
      {},
      {
        'Hibernate now': true,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: true,
        Resume: false,
        Retry: false,
        'Mark as awake': false,
        Open: true,
      },
    ],
    [
      'Hibernated',
      {},
      {
        'Wake now': true,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: true,
        Resume: false,
        Retry: false,
        'Mark as awake': false,
        Open: true,
      },
    ],
    [
      'Hibernating',
      {},
      {
        'Wake now': false,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: true,
        Resume: false,
        Retry: false,
        'Mark as awake': false,
        Open: true,
      },
    ],
    [
      'WakingUp',
      {},
      {
        'Hibernate now': false,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: true,
        Resume: false,
        Retry: false,
        'Mark as awake': false,
        Open: true,
      },
    ],
    [
      'Suspended',
      {},
      {
        'Hibernate now': false,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: false,
        Resume: true,
        Retry: false,
        'Mark as awake': false,
        Open: true,
      },
    ],
    [
      'Error',
      {
        error: {
          code: 'X',
          message: 'RDS payments-db is in state maintenance',
          transient: false,
          operation: 'wakeup',
          at: '2026-11-26T07:31:00Z',
        },
      },
      {
        'Hibernate now': true,
        'Keep awake for 1 h': true,
        'Keep awake for 3 h': true,
        'Keep awake until tomorrow': true,
        'Skip next sleep': true,
        Suspend: true,
        Resume: false,
        Retry: true,
        'Mark as awake': true,
        Open: true,
      },
    ],
  ];

  it.each(table)(
    'in %s shows every action and enables only the allowed ones',
    (phase, overrides, expected) => {
      expect(enabledByLabel(planSummary('p', phase, overrides))).toEqual(expected);
    },
  );

  it('offers Wake now after a failed shutdown', () => {
    const plan = planSummary('p', 'Error', {
      error: {
        code: 'X',
        message: 'denied',
        transient: false,
        operation: 'shutdown',
        at: '2026-11-26T19:01:00Z',
      },
    });
    expect(enabledByLabel(plan)['Wake now']).toBe(true);
  });

  it('shows the error message first, disabled, in Error', () => {
    const plan = planSummary('qa', 'Error', {
      error: {
        code: 'X',
        message: 'RDS payments-db is in state maintenance',
        transient: false,
        operation: 'wakeup',
        at: 'x',
      },
    });
    const [first] = submenuOf(menu([plan]), 'qa');
    expect(first).toMatchObject({
      label: 'RDS payments-db is in state maintenance',
      enabled: false,
    });
  });

  it('binds each item to the API call it names', () => {
    const items = submenuOf(menu([planSummary('dev-env', 'Active')]), 'dev-env');
    const byLabel = (label: string) => items.find((i) => i.label === label)?.action;
    expect(byLabel('Hibernate now')).toMatchObject({
      kind: 'call',
      call: { method: 'hibernateNow', input: { plan: 'dev-env' } },
    });
    expect(byLabel('Keep awake for 3 h')).toEqual({
      kind: 'call',
      call: { method: 'keepAwake', input: { plan: 'dev-env', hours: 3 } },
    });
    expect(byLabel('Skip next sleep')).toEqual({
      kind: 'call',
      call: { method: 'skipNextHibernation', input: { plan: 'dev-env' } },
    });
    expect(byLabel('Open')).toEqual({ kind: 'open', plan: 'dev-env' });
  });
});

describe('global items', () => {
  it('lists plans by name between the header and the global items', () => {
    const labels = menu([
      planSummary('staging', 'Active'),
      planSummary('dev-env', 'Hibernated'),
    ]).map((i) => i.label ?? '---');
    expect(labels).toEqual([
      'Hibernator — 1 asleep, 1 awake',
      '---',
      'dev-env — Asleep',
      'staging — Awake',
      '---',
      'Open Hibernator',
      'Pause all schedules',
      'Start at login',
      '---',
      'Quit Hibernator',
    ]);
  });

  it('checks Start at login from the setting and flips it when chosen', () => {
    const item = menu([], true).find((i) => i.id === 'startAtLogin');
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    expect(item?.action).toEqual({
      kind: 'call',
      call: { method: 'updateSettings', input: { settings: { startAtLogin: false } } },
    });
  });

  it('pauses all when some plans run and resumes when all are paused', () => {
    const running = menu([planSummary('a', 'Active'), planSummary('b', 'Suspended')]).find(
      (i) => i.id === 'pauseAll',
    );
    expect(running).toMatchObject({
      checked: false,
      action: { kind: 'call', call: { method: 'pauseAll', input: { paused: true } } },
    });
    const paused = menu([planSummary('a', 'Suspended'), planSummary('b', 'Suspended')]).find(
      (i) => i.id === 'pauseAll',
    );
    expect(paused).toMatchObject({
      checked: true,
      action: { kind: 'call', call: { method: 'pauseAll', input: { paused: false } } },
    });
  });

  it('disables Pause all schedules when there is nothing to pause', () => {
    expect(menu([]).find((i) => i.id === 'pauseAll')?.enabled).toBe(false);
  });
});
