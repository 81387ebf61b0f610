import { describe, expect, it } from 'vitest';
import { evaluateDesired, scheduledSleepMs, upcomingDesired } from './desired';
import { EVERY_DAY, WEEKDAYS, at, iso, planOf, win } from './test-fixtures';
import type { OverrideLike } from './types';
import { DAY_MS, HOUR_MS } from './zoned-time';

// 2026-03-06 is a Friday: the weeknight plan sleeps Fri 19:00 → Mon 07:00.
const weeknights = planOf('UTC', [win('19:00', '07:00', WEEKDAYS)]);
const alwaysAsleep = planOf('UTC', [win('00:00', '24:00', EVERY_DAY)]);
const FRIDAY = '2026-03-06T14:49:00Z';

const hib = (until: string | null): OverrideLike => ({ phase: 'hibernate', until });
const wake = (until: string | null): OverrideLike => ({ phase: 'wakeup', until });

describe('evaluateDesired', () => {
  const cases: Array<{
    name: string;
    override: OverrideLike | null;
    at: string;
    hibernate: boolean;
    source: 'override' | 'schedule';
  }> = [
    {
      name: 'no override: the schedule',
      override: null,
      at: FRIDAY,
      hibernate: false,
      source: 'schedule',
    },
    {
      name: 'hibernate override in working hours',
      override: hib('2026-03-09T07:00:00Z'),
      at: FRIDAY,
      hibernate: true,
      source: 'override',
    },
    {
      name: 'wakeup override during scheduled sleep',
      override: wake('2026-03-06T20:00:00Z'),
      at: '2026-03-06T19:30:00Z',
      hibernate: false,
      source: 'override',
    },
    {
      name: 'at exactly until the override is over',
      override: wake('2026-03-06T20:00:00Z'),
      at: '2026-03-06T20:00:00Z',
      hibernate: true,
      source: 'schedule',
    },
    {
      name: 'an override that ended earlier is not in effect',
      override: hib('2026-03-01T00:00:00Z'),
      at: FRIDAY,
      hibernate: false,
      source: 'schedule',
    },
    {
      name: 'an override without until stays in effect',
      override: wake(null),
      at: '2027-01-01T03:00:00Z',
      hibernate: false,
      source: 'override',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = evaluateDesired(weeknights, [], c.override, at(c.at));
      expect({ hibernate: got.hibernate, source: got.source }).toEqual({
        hibernate: c.hibernate,
        source: c.source,
      });
    });
  }

  it('says what the override does, until when on the plan clock, and what the schedule says', () => {
    const berlin = planOf('Europe/Berlin', [win('19:00', '07:00', WEEKDAYS)]);
    const got = evaluateDesired(
      berlin,
      [],
      wake('2026-03-06T20:00:00Z'),
      at('2026-03-06T19:30:00Z'),
    );
    expect(got.reason).toBe(
      'kept awake by a manual override until 2026-03-06 21:00 (Europe/Berlin)',
    );
    expect(got.schedule).toMatchObject({
      hibernate: true,
      reason: expect.stringMatching(/off-hours/),
    });
    expect(evaluateDesired(berlin, [], hib(null), at(FRIDAY)).reason).toBe(
      'hibernated by a manual override until it is removed',
    );
  });
});

describe('upcomingDesired', () => {
  const cases: Array<{
    name: string;
    plan?: typeof weeknights;
    override: OverrideLike | null;
    n?: number;
    expect: Array<[string, 'hibernate' | 'wakeup']>;
  }> = [
    {
      name: "no override: the schedule's changes",
      override: null,
      expect: [
        ['2026-03-06T19:00:00Z', 'hibernate'],
        ['2026-03-09T07:00:00Z', 'wakeup'],
        ['2026-03-09T19:00:00Z', 'hibernate'],
      ],
    },
    {
      name: 'hibernate until the scheduled wake: the sleep start inside the span is suppressed',
      override: hib('2026-03-09T07:00:00Z'),
      expect: [
        ['2026-03-09T07:00:00Z', 'wakeup'],
        ['2026-03-09T19:00:00Z', 'hibernate'],
        ['2026-03-10T07:00:00Z', 'wakeup'],
      ],
    },
    {
      name: 'an override ending where the schedule agrees is no change',
      override: wake('2026-03-06T17:00:00Z'),
      expect: [
        ['2026-03-06T19:00:00Z', 'hibernate'],
        ['2026-03-09T07:00:00Z', 'wakeup'],
        ['2026-03-09T19:00:00Z', 'hibernate'],
      ],
    },
    {
      name: 'a wakeup ending inside scheduled sleep hibernates at its end',
      override: wake('2026-03-07T12:00:00Z'),
      expect: [
        ['2026-03-07T12:00:00Z', 'hibernate'],
        ['2026-03-09T07:00:00Z', 'wakeup'],
        ['2026-03-09T19:00:00Z', 'hibernate'],
      ],
    },
    { name: 'an override without until: no change', override: wake(null), expect: [] },
    {
      name: 'an override ending beyond 366 days: no change in the horizon',
      override: hib('2027-04-01T00:00:00Z'),
      expect: [],
    },
    {
      name: 'an expired override is ignored',
      override: hib('2026-03-06T14:00:00Z'),
      n: 1,
      expect: [['2026-03-06T19:00:00Z', 'hibernate']],
    },
    {
      name: "a schedule that never changes: only the override's end",
      plan: alwaysAsleep,
      override: wake('2026-03-06T17:49:00Z'),
      expect: [['2026-03-06T17:49:00Z', 'hibernate']],
    },
    { name: 'n = 0: nothing', override: hib('2026-03-09T07:00:00Z'), n: 0, expect: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = upcomingDesired(c.plan ?? weeknights, [], c.override, at(FRIDAY), c.n ?? 3);
      expect(got.map((t) => [iso(t.at), t.operation])).toEqual(c.expect);
    });
  }

  it('refuses a negative n as upcoming does', () => {
    expect(() => upcomingDesired(weeknights, [], hib(null), at(FRIDAY), -1)).toThrow(/n must be/);
  });

  it('stops at 366 days after from', () => {
    const from = at(FRIDAY);
    const until = new Date(from.getTime() + 365 * DAY_MS).toISOString();
    const got = upcomingDesired(weeknights, [], wake(until), from, 10);
    expect(got.length).toBeGreaterThan(0);
    for (const t of got) expect(t.at.getTime() - from.getTime()).toBeLessThanOrEqual(366 * DAY_MS);
  });
});

describe('scheduledSleepMs', () => {
  it.each([
    ['the weekend', FRIDAY, '2026-03-09T14:49:00Z', 60],
    ['an evening and a morning', '2026-03-09T05:00:00Z', '2026-03-09T20:00:00Z', 3],
    ['working hours only', '2026-03-09T08:00:00Z', '2026-03-09T18:00:00Z', 0],
    ['an empty range', FRIDAY, FRIDAY, 0],
  ])('%s', (_, from, to, hours) => {
    expect(scheduledSleepMs(weeknights, [], at(from), at(to))).toBe(hours * HOUR_MS);
  });
});
