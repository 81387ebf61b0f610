import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/api/contract';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { Phase } from '../../../shared/model/status';
import { NotificationPolicy, type PolicyContext } from './notification-policy';

const T0 = Date.parse('2026-11-26T19:00:00Z');
const ALL_ON: Settings['notifications'] = {
  phaseChanges: true,
  failures: true,
  headsUp: true,
  caughtUp: true,
  credentials: true,
};

function ctx(atMs: number, settings: Partial<Settings['notifications']> = {}): PolicyContext {
  return {
    now: new Date(atMs),
    timeFormat: { timeZone: 'UTC' },
    plans: new Map(),
    buttons: false,
    settings: { ...ALL_ON, ...settings },
  };
}

function phase(plan: string, from: Phase, to: Phase, atMs: number): HibernatorEvent {
  return {
    type: 'PhaseChanged',
    plan,
    from,
    to,
    cycleId: 'c1',
    operation: null,
    reason: 'schedule',
    at: new Date(atMs).toISOString(),
  };
}

function failure(
  plan: string,
  code = 'TARGET_FAILED',
  message = 'boom',
  at = '2026-11-26T19:05:00Z',
): HibernatorEvent {
  return {
    type: 'Failure',
    plan,
    error: { code, message, transient: false, operation: 'shutdown', at },
    retriesLeft: 0,
  };
}

/** Feeds events at their times, flushing whenever the policy says something is due. */
function run(
  policy: NotificationPolicy,
  steps: Array<[atMs: number, event: HibernatorEvent]>,
  until: number,
  settings: Partial<Settings['notifications']> = {},
) {
  const shown: Array<{ at: number; title: string; body: string }> = [];
  const flushUntil = (t: number) => {
    for (let due = policy.nextFlushAt(); due !== null && due <= t; due = policy.nextFlushAt()) {
      for (const s of policy.flush(ctx(due, settings)))
        shown.push({ at: due, title: s.title, body: s.body });
    }
  };
  for (const [at, event] of steps) {
    flushUntil(at);
    for (const s of policy.receive(event, ctx(at, settings)))
      shown.push({ at, title: s.title, body: s.body });
  }
  flushUntil(until);
  return shown;
}

describe('phase changes', () => {
  it('are held briefly, then shown with how long the operation took', () => {
    const policy = new NotificationPolicy({ groupWindowMs: 10_000 });
    const shown = run(
      policy,
      [
        [T0, phase('dev-env', 'Active', 'Hibernating', T0)],
        [
          T0 + 1000,
          {
            type: 'TargetProgress',
            plan: 'dev-env',
            target: 'a',
            state: 'Completed',
            message: null,
          },
        ],
        [T0 + 48_000, phase('dev-env', 'Hibernating', 'Hibernated', T0 + 48_000)],
      ],
      T0 + 120_000,
    );
    expect(shown).toEqual([
      { at: T0 + 58_000, title: 'dev-env is asleep', body: 'Went to sleep in 48 s (1 target).' },
    ]);
  });

  it('group plans that finish together into one notification', () => {
    const shown = run(
      new NotificationPolicy({ groupWindowMs: 10_000 }),
      [
        [T0, phase('a', 'Hibernating', 'Hibernated', T0)],
        [T0 + 3000, phase('b', 'Hibernating', 'Hibernated', T0 + 3000)],
        [T0 + 6000, phase('c', 'Hibernating', 'Hibernated', T0 + 6000)],
      ],
      T0 + 60_000,
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: '3 plans went to sleep',
      body: 'A, b and c are asleep.',
    });
  });

  it('are rate-limited: later arrivals wait for the interval and show the latest state per plan', () => {
    const policy = new NotificationPolicy({ groupWindowMs: 1000, phaseIntervalMs: 60_000 });
    const shown = run(
      policy,
      [
        [T0, phase('a', 'Hibernating', 'Hibernated', T0)],
        [T0 + 5000, phase('b', 'Hibernating', 'Hibernated', T0 + 5000)],
        [T0 + 7000, phase('b', 'Hibernated', 'WakingUp', T0 + 7000)],
        [T0 + 9000, phase('b', 'WakingUp', 'Active', T0 + 9000)],
      ],
      T0 + 120_000,
    );
    expect(shown.map((s) => [s.at - T0, s.title])).toEqual([
      [1000, 'a is asleep'],
      [61_000, 'b is awake'],
    ]);
  });

  it('are not shown for steps a person started or that lead nowhere new', () => {
    const shown = run(
      new NotificationPolicy(),
      [
        [T0, phase('a', 'Active', 'Suspended', T0)],
        [T0 + 1, phase('a', 'Hibernating', 'Error', T0 + 1)],
        [T0 + 2, phase('a', 'Error', 'Active', T0 + 2)],
      ],
      T0 + 600_000,
    );
    expect(shown).toEqual([]);
  });

  it('are never shown twice for the same event', () => {
    const event = phase('a', 'Hibernating', 'Hibernated', T0);
    const shown = run(
      new NotificationPolicy({ groupWindowMs: 1000, phaseIntervalMs: 1000 }),
      [
        [T0, event],
        [T0 + 5000, event],
      ],
      T0 + 600_000,
    );
    expect(shown).toHaveLength(1);
  });

  it('stay quiet when switched off in Settings', () => {
    const shown = run(
      new NotificationPolicy(),
      [[T0, phase('a', 'Hibernating', 'Hibernated', T0)]],
      T0 + 600_000,
      { phaseChanges: false },
    );
    expect(shown).toEqual([]);
  });
});

describe('failures', () => {
  it('are shown at once, once per event', () => {
    const policy = new NotificationPolicy();
    expect(policy.receive(failure('qa'), ctx(T0))).toHaveLength(1);
    expect(policy.receive(failure('qa'), ctx(T0 + 1))).toHaveLength(0);
    expect(
      policy.receive(failure('qa', 'TARGET_FAILED', 'again', '2026-11-26T19:30:00Z'), ctx(T0 + 2)),
    ).toHaveLength(1);
  });

  it('respect the failures switch', () => {
    expect(new NotificationPolicy().receive(failure('qa'), ctx(T0, { failures: false }))).toEqual(
      [],
    );
  });
});

describe('expired SSO', () => {
  it('becomes one credentials notification per profile, however many plans fail on it', () => {
    const policy = new NotificationPolicy({ credentialsQuietMs: 30 * 60_000 });
    const first = policy.receive(
      failure('dev-env', 'SSO_EXPIRED', 'run aws sso login --profile dev', 'a'),
      ctx(T0),
    );
    const second = policy.receive(
      failure('staging', 'SSO_EXPIRED', 'run aws sso login --profile dev', 'b'),
      ctx(T0 + 1000),
    );
    const other = policy.receive(
      failure('prod-like', 'SSO_EXPIRED', 'run aws sso login --profile ops', 'c'),
      ctx(T0 + 2000),
    );
    const later = policy.receive(
      failure('dev-env', 'SSO_EXPIRED', 'run aws sso login --profile dev', 'd'),
      ctx(T0 + 31 * 60_000),
    );
    expect(first.map((s) => s.kind)).toEqual(['credentials']);
    expect(second).toEqual([]);
    expect(other).toHaveLength(1);
    expect(later).toHaveLength(1);
  });

  it('follows the credentials switch, not the failures one', () => {
    const event = failure('dev-env', 'SSO_EXPIRED', 'run aws sso login --profile dev');
    expect(new NotificationPolicy().receive(event, ctx(T0, { failures: false }))).toHaveLength(1);
    expect(new NotificationPolicy().receive(event, ctx(T0, { credentials: false }))).toEqual([]);
  });
});

describe('heads-up and caught-up', () => {
  const headsUp: HibernatorEvent = {
    type: 'HeadsUp',
    plan: 'staging',
    at: '2026-11-26T19:10:00Z',
    minutes: 10,
  };
  const caughtUp: HibernatorEvent = {
    type: 'CaughtUp',
    plan: 'dev-env',
    missedAt: '2026-11-26T19:00:00Z',
    operation: 'shutdown',
    at: '2026-11-26T21:14:00Z',
  };

  it('are shown at once and once', () => {
    const policy = new NotificationPolicy();
    expect(policy.receive(headsUp, ctx(T0)).map((s) => s.kind)).toEqual(['headsUp']);
    expect(policy.receive(headsUp, ctx(T0))).toEqual([]);
    expect(policy.receive(caughtUp, ctx(T0)).map((s) => s.kind)).toEqual(['caughtUp']);
    expect(policy.receive(caughtUp, ctx(T0))).toEqual([]);
  });

  it('each have their own switch', () => {
    const policy = new NotificationPolicy();
    expect(policy.receive(headsUp, ctx(T0, { headsUp: false }))).toEqual([]);
    expect(policy.receive(caughtUp, ctx(T0, { caughtUp: false }))).toEqual([]);
  });
});

it('forgets the oldest keys beyond its memory, so it does not grow without bound', () => {
  const policy = new NotificationPolicy({ rememberKeys: 2 });
  const e = (n: number) => failure('qa', 'X', 'boom', `2026-11-26T19:0${n}:00Z`);
  policy.receive(e(1), ctx(T0));
  policy.receive(e(2), ctx(T0));
  policy.receive(e(3), ctx(T0));
  expect(policy.receive(e(3), ctx(T0))).toEqual([]);
  expect(policy.receive(e(1), ctx(T0))).toHaveLength(1);
});
