import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { AppStateSnapshot } from '../app-state';
import { NotificationPolicy } from './notification-policy';
import { notificationButtonsSupported, Notifier } from './notifier';
import { FakeNotification, fakeEvent, resetFakeElectron } from '../test-support/fake-electron';
import { planSummary } from '../test-support/plan-summary';
import type { TrayAction } from '../tray/tray-action';

vi.mock('electron', async () =>
  (await import('../test-support/fake-electron')).createFakeElectron(),
);

const snapshot: AppStateSnapshot = {
  plans: [],
  settings: {
    headsUpMinutes: 10,
    notifications: {
      phaseChanges: true,
      failures: true,
      headsUp: true,
      caughtUp: true,
      credentials: true,
    },
    startAtLogin: false,
    hourlyCosts: {},
    currency: 'USD',
  },
};

function setup(platform: NodeJS.Platform, state: AppStateSnapshot | null = snapshot) {
  const actions: TrayAction[] = [];
  const notifier = new Notifier({
    policy: new NotificationPolicy({ groupWindowMs: 5000 }),
    state: () => state,
    platform,
    run: (a) => actions.push(a),
    timeFormat: { timeZone: 'UTC' },
  });
  return { notifier, actions };
}

const headsUp: HibernatorEvent = {
  type: 'HeadsUp',
  plan: 'staging',
  at: '2026-11-26T19:10:00Z',
  minutes: 10,
};

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('Notifier', () => {
  it('shows heads-up buttons on macOS and runs the chosen one', () => {
    const { notifier, actions } = setup('darwin');
    notifier.handle(headsUp);
    const [shown] = FakeNotification.shown;
    expect(shown?.options.actions).toEqual([
      { type: 'button', text: 'Snooze 1 h' },
      { type: 'button', text: 'Skip next sleep' },
    ]);
    shown?.emit('action', { ...fakeEvent(), actionIndex: 1, selectionIndex: -1 });
    expect(actions).toEqual([
      { kind: 'call', call: { method: 'skipNextHibernation', input: { plan: 'staging' } } },
    ]);
  });

  it('offers Keep it first when the heads-up announces the override ending, and runs keepOverride', () => {
    const withOverride: AppStateSnapshot = {
      ...snapshot,
      plans: [
        planSummary('staging', 'Active', {
          override: {
            phase: 'wakeup',
            until: '2026-11-26T19:10:00Z',
            setAt: null,
            by: 'user',
            durationMs: null,
          },
        }),
      ],
    };
    const actions: TrayAction[] = [];
    const notifier = new Notifier({
      policy: new NotificationPolicy({ groupWindowMs: 5000 }),
      state: () => withOverride,
      platform: 'darwin',
      run: (a) => actions.push(a),
      now: () => new Date('2026-11-26T19:00:00Z'),
      timeFormat: { timeZone: 'UTC' },
    });
    notifier.handle({ ...headsUp, overrideEnds: true });
    const [shown] = FakeNotification.shown;
    expect(shown?.options.actions).toEqual([
      { type: 'button', text: 'Keep it' },
      { type: 'button', text: 'Snooze 1 h' },
      { type: 'button', text: 'Skip next sleep' },
    ]);
    shown?.emit('action', { ...fakeEvent(), actionIndex: 0, selectionIndex: -1 });
    expect(actions).toEqual([
      { kind: 'call', call: { method: 'keepOverride', input: { plan: 'staging' } } },
    ]);
    notifier.dispose();
  });

  it('uses a click-through on Linux', () => {
    const { notifier, actions } = setup('linux');
    notifier.handle(headsUp);
    const [shown] = FakeNotification.shown;
    expect(shown?.options.actions).toEqual([]);
    shown?.emit('click', fakeEvent());
    expect(actions).toEqual([{ kind: 'open', plan: 'staging' }]);
  });

  it('replaces the previous notification of the same plan', () => {
    const { notifier } = setup('linux');
    notifier.handle(headsUp);
    notifier.handle({
      type: 'Failure',
      plan: 'staging',
      error: { code: 'X', message: 'boom', transient: false, operation: 'shutdown', at: 'a' },
      retriesLeft: 0,
    });
    const [first, second] = FakeNotification.shown;
    expect(first?.closed).toBe(true);
    expect(second?.closed).toBe(false);
    expect(second?.options.title).toBe('staging could not go to sleep');
  });

  it('shows held phase changes when their timer fires', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-26T19:00:00Z') });
    const { notifier } = setup('linux');
    notifier.handle({
      type: 'PhaseChanged',
      plan: 'dev-env',
      from: 'Hibernating',
      to: 'Hibernated',
      cycleId: 'c',
      operation: null,
      reason: 's',
      at: '2026-11-26T19:00:00Z',
    });
    expect(FakeNotification.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['dev-env is asleep']);
    notifier.dispose();
  });

  it('waits for the settings before showing anything', () => {
    const { notifier } = setup('linux', null);
    notifier.handle(headsUp);
    expect(FakeNotification.shown).toEqual([]);
  });

  it('shows nothing where the OS has no notifications', () => {
    FakeNotification.supported = false;
    const { notifier } = setup('linux');
    notifier.handle(headsUp);
    expect(FakeNotification.shown).toEqual([]);
  });
});

it('knows where notification buttons exist', () => {
  expect(
    ['darwin', 'win32', 'linux'].map((p) => notificationButtonsSupported(p as NodeJS.Platform)),
  ).toEqual([true, true, false]);
});

describe('Notifier.handleAction', () => {
  const refused = {
    call: { method: 'hibernateNow' as const, input: { plan: 'dev-env' } },
    ok: false as const,
    message: 'Plan dev-env is already asleep.',
  };

  it('shows what came of a tray action, replacing the plan’s previous notification', () => {
    const { notifier } = setup('darwin');
    notifier.handle(headsUp);
    expect(
      notifier.handleAction({ ...refused, call: { ...refused.call, input: { plan: 'staging' } } }),
    ).toBe(true);
    const [first, second] = FakeNotification.shown;
    expect(first?.closed).toBe(true);
    expect(second?.options).toMatchObject({
      title: 'Hibernator could not do that',
      groupId: 'plan:staging',
    });
  });

  it('runs Undo from the notification’s button', () => {
    const { notifier, actions } = setup('darwin');
    notifier.handleAction({
      call: { method: 'wakeNow', input: { plan: 'dev-env' } },
      ok: true,
      result: {
        plan: 'dev-env',
        message: 'ok',
        override: {
          phase: 'wakeup',
          until: '2026-11-27T17:49:00Z',
          setAt: null,
          by: 'tray',
          durationMs: null,
        },
      },
    });
    FakeNotification.shown[0]?.emit('action', { actionIndex: 0 });
    expect(actions).toEqual([
      { kind: 'call', call: { method: 'undoOverride', input: { plan: 'dev-env' } } },
    ]);
  });

  it('says it could not show anything before the first state or without notifications', () => {
    expect(setup('linux', null).notifier.handleAction(refused)).toBe(false);
    FakeNotification.supported = false;
    expect(setup('linux').notifier.handleAction(refused)).toBe(false);
    expect(FakeNotification.shown).toEqual([]);
  });
});
