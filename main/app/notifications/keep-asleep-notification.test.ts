import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/api/contract';
import type { HibernatorEvent, KeepAsleepTargetReport } from '../../../shared/api/events';
import { NotificationPolicy, type PolicyContext } from './notification-policy';

const ALL_ON: Settings['notifications'] = {
  phaseChanges: true,
  failures: true,
  headsUp: true,
  caughtUp: true,
  credentials: true,
};

function ctx(settings: Partial<Settings['notifications']> = {}): PolicyContext {
  return {
    now: new Date('2026-03-09T12:00:00Z'),
    timeFormat: { timeZone: 'UTC' },
    plans: new Map(),
    buttons: false,
    settings: { ...ALL_ON, ...settings },
  };
}

function event(
  over: Partial<KeepAsleepTargetReport>,
  message: string,
  at = '2026-03-09T12:00:00.000Z',
): HibernatorEvent {
  const targets = [
    {
      target: 'dbs',
      noun: 'database',
      stoppedAgain: [],
      refused: [],
      error: null,
      message: null,
      ...over,
    },
  ];
  return {
    type: 'KeepAsleep',
    plan: 'dev-env',
    report: { plan: 'dev-env', at, targets, message },
  };
}

// The engine words the report (keep-asleep-report.test.ts); the notification shows it as a sentence.
describe('keep-asleep notifications', () => {
  it('tell what AWS restarted and that it was stopped again', () => {
    const [spec] = new NotificationPolicy().receive(
      event(
        { stoppedAgain: ['a', 'b', 'c'] },
        'AWS restarted 3 databases of dev-env after 7 days; stopped them again.',
      ),
      ctx(),
    );
    expect(spec).toMatchObject({
      kind: 'phaseChanges',
      title: 'dev-env kept asleep',
      body: 'AWS restarted 3 databases of dev-env after 7 days; stopped them again.',
      click: { kind: 'open', plan: 'dev-env' },
    });
  });

  it('tell a database that stays awake as a failure, with its reason', () => {
    const [spec] = new NotificationPolicy().receive(
      event(
        { stoppedAgain: ['a'], refused: [{ id: 'legacy', reason: 'read replica source' }] },
        'AWS restarted 2 databases of dev-env after 7 days; stopped 1 of them again. 1 database stays awake: legacy (read replica source)',
      ),
      ctx(),
    );
    expect(spec).toMatchObject({
      kind: 'failures',
      title: 'dev-env: not everything stays asleep',
      body: 'AWS restarted 2 databases of dev-env after 7 days; stopped 1 of them again. 1 database stays awake: legacy (read replica source).',
    });
  });

  it('follow their switch, and are shown once per check', () => {
    const policy = new NotificationPolicy();
    expect(
      policy.receive(event({ stoppedAgain: ['a'] }, 'x'), ctx({ phaseChanges: false })),
    ).toEqual([]);
    expect(policy.receive(event({ error: 'denied' }, 'x'), ctx({ failures: false }))).toEqual([]);
    const later = event({ stoppedAgain: ['a'] }, 'x', '2026-03-10T12:00:00.000Z');
    expect(policy.receive(later, ctx())).toHaveLength(1);
    expect(policy.receive(later, ctx())).toHaveLength(0);
  });
});
