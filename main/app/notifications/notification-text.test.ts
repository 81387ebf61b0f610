import { describe, expect, it } from 'vitest';
import type { PlanError } from '../../../shared/model/status';
import {
  caughtUpNotification,
  credentialsNotification,
  expiredSsoProfile,
  failureNotification,
  headsUpNotification,
  phaseNotification,
  type TextContext,
} from './notification-text';
import { planSummary } from '../test-support/plan-summary';

const now = new Date('2026-11-26T19:00:50Z');

function ctx(overrides: Partial<TextContext> = {}): TextContext {
  return {
    now,
    timeFormat: { timeZone: 'UTC' },
    plans: new Map([
      [
        'dev-env',
        planSummary('dev-env', 'Hibernated', {
          nextTransition: { at: '2026-11-27T07:30:00Z', operation: 'wakeup' },
        }),
      ],
    ]),
    buttons: false,
    ...overrides,
  };
}

function error(overrides: Partial<PlanError> = {}): PlanError {
  return {
    code: 'TARGET_FAILED',
    message: "RDS payments-db is in state 'maintenance'",
    transient: true,
    operation: 'wakeup',
    at: '2026-11-26T07:31:00Z',
    ...overrides,
  };
}

describe('phaseNotification', () => {
  it('tells how long going to sleep took and when the plan wakes', () => {
    const spec = phaseNotification(
      [
        {
          plan: 'dev-env',
          to: 'Hibernated',
          at: '2026-11-26T19:00:48Z',
          tookMs: 48_000,
          targetsDone: 12,
        },
      ],
      ctx(),
    );
    expect(spec).toMatchObject({
      title: 'dev-env is asleep',
      body: 'Went to sleep in 48 s (12 targets). Wakes at 07:30.',
      group: 'plan:dev-env',
    });
    expect(spec?.click).toEqual({ kind: 'open', plan: 'dev-env' });
  });

  it('leaves out what it does not know', () => {
    const spec = phaseNotification(
      [{ plan: 'qa', to: 'Active', at: 'x', tookMs: null, targetsDone: 0 }],
      ctx(),
    );
    expect(spec).toMatchObject({ title: 'qa is awake', body: '' });
  });

  it('groups plans that arrived together into one line', () => {
    const spec = phaseNotification(
      [
        { plan: 'dev-env', to: 'Hibernated', at: 'a', tookMs: 1, targetsDone: 1 },
        { plan: 'qa', to: 'Active', at: 'b', tookMs: 1, targetsDone: 1 },
        { plan: 'staging', to: 'Hibernated', at: 'c', tookMs: 1, targetsDone: 1 },
      ],
      ctx(),
    );
    expect(spec).toMatchObject({
      title: '3 plans changed',
      body: 'Dev-env and staging are asleep; qa is awake.',
      group: 'plans',
    });
  });

  it('titles a group that all went to sleep', () => {
    const spec = phaseNotification(
      [
        { plan: 'a', to: 'Hibernated', at: 'a', tookMs: 1, targetsDone: 1 },
        { plan: 'b', to: 'Hibernated', at: 'b', tookMs: 1, targetsDone: 1 },
      ],
      ctx(),
    );
    expect(spec?.title).toBe('2 plans went to sleep');
  });

  it('returns nothing for nothing', () => {
    expect(phaseNotification([], ctx())).toBeNull();
  });
});

describe('failureNotification', () => {
  it("carries the executor's message and the retries left", () => {
    const spec = failureNotification(
      { type: 'Failure', plan: 'qa-cluster', error: error(), retriesLeft: 2 },
      ctx(),
    );
    expect(spec).toMatchObject({
      title: 'qa-cluster could not wake up',
      body: "RDS payments-db is in state 'maintenance'. Retrying automatically (2 left).",
    });
  });

  it('says what to do when nothing more will happen by itself', () => {
    const permanent = failureNotification(
      {
        type: 'Failure',
        plan: 'qa',
        error: error({ transient: false, operation: 'shutdown', message: 'Access denied.' }),
        retriesLeft: 0,
      },
      ctx(),
    );
    expect(permanent).toMatchObject({
      title: 'qa could not go to sleep',
      body: 'Access denied. Fix the cause, then choose Retry.',
    });
    const exhausted = failureNotification(
      { type: 'Failure', plan: 'qa', error: error(), retriesLeft: 0 },
      ctx(),
    );
    expect(exhausted.body).toMatch(/Retries are used up/);
  });

  it('offers a Retry button only where the OS shows buttons', () => {
    const event = { type: 'Failure' as const, plan: 'qa', error: error(), retriesLeft: 0 };
    expect(failureNotification(event, ctx({ buttons: true })).buttons).toEqual([
      {
        label: 'Retry',
        action: { kind: 'call', call: { method: 'retry', input: { plan: 'qa' } } },
      },
    ]);
    expect(failureNotification(event, ctx()).buttons).toEqual([]);
  });
});

describe('expired SSO', () => {
  it('is recognised by the engine code and names the profile from the message', () => {
    expect(
      expiredSsoProfile({
        code: 'SSO_EXPIRED',
        message: 'The SSO session for profile dev has expired',
      }),
    ).toEqual({ profile: 'dev' });
    expect(
      expiredSsoProfile({ code: 'SSO_EXPIRED', message: 'run aws sso login --profile prod-admin' }),
    ).toEqual({ profile: 'prod-admin' });
  });

  it("is recognised from the SDK's words when the code is generic", () => {
    expect(
      expiredSsoProfile({
        code: 'TARGET_FAILED',
        message:
          'ec2: The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      }),
    ).toEqual({ profile: null });
  });

  it('leaves other failures alone', () => {
    expect(
      expiredSsoProfile({
        code: 'ACCESS_DENIED',
        message: 'not authorized to perform ec2:StopInstances',
      }),
    ).toBeNull();
  });

  it('tells the exact command (ui.md)', () => {
    expect(credentialsNotification('dev-env', 'dev').body).toBe(
      "AWS profile 'dev' needs a new SSO login: run `aws sso login --profile dev`.",
    );
    expect(credentialsNotification('dev-env', null).body).toMatch(/aws sso login/);
  });
});

describe('headsUpNotification', () => {
  const event = {
    type: 'HeadsUp' as const,
    plan: 'staging',
    at: '2026-11-26T19:10:00Z',
    minutes: 10,
  };

  it('offers Snooze 1 h and Skip next sleep as buttons where supported', () => {
    const spec = headsUpNotification(event, ctx({ buttons: true }));
    expect(spec.title).toBe('staging goes to sleep in 10 minutes');
    expect(spec.buttons).toEqual([
      {
        label: 'Snooze 1 h',
        action: {
          kind: 'call',
          call: { method: 'keepAwake', input: { plan: 'staging', hours: 1 } },
        },
      },
      {
        label: 'Skip next sleep',
        action: {
          kind: 'call',
          call: { method: 'skipNextHibernation', input: { plan: 'staging' } },
        },
      },
    ]);
  });

  it('falls back to a click-through that opens the plan', () => {
    const spec = headsUpNotification({ ...event, minutes: 1 }, ctx());
    expect(spec.title).toBe('staging goes to sleep in 1 minute');
    expect(spec.buttons).toEqual([]);
    expect(spec.body).toBe('At 19:10. Click to snooze it or skip the next sleep in Hibernator.');
    expect(spec.click).toEqual({ kind: 'open', plan: 'staging' });
  });
});

describe('headsUpNotification when the manual override ends', () => {
  const event = {
    type: 'HeadsUp' as const,
    plan: 'staging',
    at: '2026-11-26T19:10:00Z',
    minutes: 10,
  };
  const keepIt = {
    label: 'Keep it',
    action: { kind: 'call', call: { method: 'keepOverride', input: { plan: 'staging' } } },
  };
  // The plan's summary is deliberately the opposite of the event each time: the engine's
  // overrideEnds decides, not a guess from the summary.
  const awakeUntil = (until: string) =>
    new Map([
      [
        'staging',
        planSummary('staging', 'Active', {
          override: { phase: 'wakeup', until, setAt: null, by: 'user', durationMs: null },
        }),
      ],
    ]);

  it('says in the title and body that the override ends, and offers Keep it first', () => {
    const spec = headsUpNotification(
      { ...event, overrideEnds: true },
      ctx({ buttons: true, plans: new Map([['staging', planSummary('staging', 'Active')]]) }),
    );
    expect(spec.title).toBe("staging's manual override ends in 10 minutes: it goes to sleep");
    expect(spec.body).toBe('At 19:10 its manual override ends and the schedule puts it to sleep.');
    expect(spec.buttons.map((b) => b.label)).toEqual(['Keep it', 'Snooze 1 h', 'Skip next sleep']);
    expect(spec.buttons[0]).toEqual(keepIt);
  });

  it('offers no Keep it for a scheduled sleep, even when the summary shows an override', () => {
    const spec = headsUpNotification(
      event,
      ctx({ buttons: true, plans: awakeUntil('2026-11-26T19:10:00Z') }),
    );
    expect(spec.title).toBe('staging goes to sleep in 10 minutes');
    expect(spec.body).toBe('At 19:10.');
    expect(spec.buttons.map((b) => b.label)).toEqual(['Snooze 1 h', 'Skip next sleep']);
  });

  it('without buttons the body says where to keep it', () => {
    const spec = headsUpNotification({ ...event, overrideEnds: true }, ctx());
    expect(spec.body).toBe(
      'At 19:10 its manual override ends and the schedule puts it to sleep. Click to keep it, snooze it or skip the next sleep in Hibernator.',
    );
    expect(spec.buttons).toEqual([]);
  });
});

describe('caughtUpNotification', () => {
  it('says what was missed and what happened instead (ui.md)', () => {
    const spec = caughtUpNotification(
      {
        type: 'CaughtUp',
        plan: 'dev-env',
        missedAt: '2026-11-26T19:00:00Z',
        operation: 'shutdown',
        at: '2026-11-26T21:14:00Z',
      },
      ctx({ now: new Date('2026-11-26T21:14:05Z') }),
    );
    expect(spec.body).toBe(
      'dev-env missed 19:00 while this computer was asleep; it went to sleep at 21:14.',
    );
  });

  it('words a caught-up wake-up', () => {
    const spec = caughtUpNotification(
      {
        type: 'CaughtUp',
        plan: 'dev-env',
        missedAt: '2026-11-27T07:30:00Z',
        operation: 'wakeup',
        at: '2026-11-27T08:02:00Z',
      },
      ctx({ now: new Date('2026-11-27T08:02:00Z') }),
    );
    expect(spec.body).toBe(
      'dev-env missed 07:30 while this computer was asleep; it woke up at 08:02.',
    );
  });
});
