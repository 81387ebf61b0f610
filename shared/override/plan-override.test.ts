import { describe, expect, it } from 'vitest';
import type { PlanOverride } from '../model/override';
import { EVERY_DAY, WEEKDAYS, exceptionOf, planOf, win } from '../schedule/test-fixtures';
import type { ScheduleExceptionLike, SchedulePlan } from '../schedule/types';
import {
  type OverrideAction,
  type OverrideOutcome,
  type OverrideSettings,
  keepOverride,
  planOverride,
} from './plan-override';

// 2026-03-03 is a Tuesday, 2026-03-06 a Friday. The weeknight plan sleeps 19:00 → 07:00 on
// weekdays, so Fri 19:00 → Mon 07:00.
const weeknights = planOf('UTC', [win('19:00', '07:00', WEEKDAYS)]);
const alwaysAsleep = planOf('UTC', [win('00:00', '24:00', EVERY_DAY)]);
const neverAsleep = planOf('UTC', []);
const TUE_1400 = '2026-03-03T14:00:00Z';
const TUE_2300 = '2026-03-03T23:00:00Z';
const WED_0600 = '2026-03-04T06:00:00Z';
const FRI_1449 = '2026-03-06T14:49:00Z';
const FRI_1730 = '2026-03-06T17:30:00Z';
const SAT_1200 = '2026-03-07T12:00:00Z';
/** Suspends Tuesday night, so the coming sleep at Tuesday noon is Wednesday's. */
const skipTuesday = exceptionOf({
  type: 'suspend',
  validFrom: '2026-03-03T18:00:00Z',
  validUntil: '2026-03-04T08:00:00Z',
  windows: [win('00:00', '24:00', EVERY_DAY)],
  name: 'skip-tuesday',
});

interface Row {
  name: string;
  action: OverrideAction;
  now: string;
  plan?: SchedulePlan;
  exceptions?: ScheduleExceptionLike[];
  until?: string;
  hours?: number;
  settings?: Partial<OverrideSettings>;
  /** 'clear', ['refused', field, message], or the set override's [phase, until, confirm?, consequence?]. */
  expect:
    | 'clear'
    | ['refused', string, RegExp]
    | [
        'hibernate' | 'wakeup',
        string,
        { confirm?: boolean; consequence?: string; duration?: string }?,
      ];
}

const rows: Row[] = [
  // hibernate now
  {
    name: "hibernate now on Friday afternoon: until Monday's wake",
    action: 'hibernateNow',
    now: FRI_1449,
    expect: [
      'hibernate',
      '2026-03-09T07:00:00Z',
      { confirm: true, consequence: 'saves 4 h 11 min of sleep', duration: '64 h 11 min' },
    ],
  },
  {
    name: 'hibernate now on a weekday: until the next morning',
    action: 'hibernateNow',
    now: TUE_1400,
    expect: [
      'hibernate',
      '2026-03-04T07:00:00Z',
      { confirm: true, consequence: 'saves 5 h of sleep', duration: '17 h' },
    ],
  },
  {
    name: 'hibernate now during scheduled sleep: back on schedule',
    action: 'hibernateNow',
    now: TUE_2300,
    expect: 'clear',
  },
  {
    name: "hibernate now counts exceptions: the coming sleep is Wednesday's",
    action: 'hibernateNow',
    now: TUE_1400,
    exceptions: [skipTuesday],
    expect: ['hibernate', '2026-03-05T07:00:00Z'],
  },
  {
    name: "hibernate now on a plan never asleep: the setting's duration",
    action: 'hibernateNow',
    now: FRI_1449,
    plan: neverAsleep,
    expect: [
      'hibernate',
      '2026-03-06T17:49:00Z',
      { confirm: false, consequence: 'saves 3 h of sleep' },
    ],
  },
  {
    name: 'hibernate now on a plan always asleep: back on schedule',
    action: 'hibernateNow',
    now: FRI_1449,
    plan: alwaysAsleep,
    expect: 'clear',
  },
  {
    name: 'hibernate now with until in 1970: refused naming until',
    action: 'hibernateNow',
    now: FRI_1449,
    until: '1970-01-01T00:00:00Z',
    expect: ['refused', 'until', /not in the future/],
  },
  {
    name: 'hibernate now with until in 9999: refused naming until',
    action: 'hibernateNow',
    now: FRI_1449,
    until: '9999-12-31T00:00:00Z',
    expect: [
      'refused',
      'until',
      /more than 366 days ahead: pick a time before 2027-03-07T14:49:00Z/,
    ],
  },
  {
    name: 'hibernate now with a malformed until: refused naming until',
    action: 'hibernateNow',
    now: FRI_1449,
    until: 'tomorrow',
    expect: ['refused', 'until', /"tomorrow" is not an RFC 3339 instant/],
  },
  {
    name: 'an until equal to now is not in the future',
    action: 'hibernateNow',
    now: FRI_1449,
    until: FRI_1449,
    expect: ['refused', 'until', /not in the future/],
  },
  {
    name: 'an until exactly 366 days ahead is accepted',
    action: 'hibernateNow',
    now: FRI_1449,
    until: '2027-03-07T14:49:00Z',
    expect: ['hibernate', '2027-03-07T14:49:00Z'],
  },
  {
    name: 'hibernate now with an explicit until during sleep, past the scheduled wake: a real override',
    action: 'hibernateNow',
    now: TUE_2300,
    until: '2026-03-04T09:00:00Z',
    expect: [
      'hibernate',
      '2026-03-04T09:00:00Z',
      { confirm: false, consequence: 'saves 2 h of sleep' },
    ],
  },
  {
    name: 'an until with an offset is stored in UTC Z',
    action: 'hibernateNow',
    now: FRI_1449,
    until: '2026-03-06T20:00:00+01:00',
    expect: ['hibernate', '2026-03-06T19:00:00Z'],
  },

  // wake now
  {
    name: 'wake now in working hours: back on schedule',
    action: 'wakeNow',
    now: FRI_1449,
    expect: 'clear',
  },
  {
    name: 'wake now at night: the setting (3 h)',
    action: 'wakeNow',
    now: TUE_2300,
    expect: [
      'wakeup',
      '2026-03-04T02:00:00Z',
      { confirm: false, consequence: 'costs 3 h awake', duration: '3 h' },
    ],
  },
  {
    name: 'wake now at night with a 5 h setting',
    action: 'wakeNow',
    now: TUE_2300,
    settings: { wakeNowHours: 5 },
    expect: ['wakeup', '2026-03-04T04:00:00Z'],
  },
  {
    name: 'wake now an hour before the scheduled wake: until that wake',
    action: 'wakeNow',
    now: WED_0600,
    expect: ['wakeup', '2026-03-04T07:00:00Z', { consequence: 'costs 1 h awake' }],
  },
  {
    name: 'wake now on Saturday: 3 h',
    action: 'wakeNow',
    now: SAT_1200,
    expect: ['wakeup', '2026-03-07T15:00:00Z'],
  },
  {
    name: 'wake now on a plan always asleep: 3 h',
    action: 'wakeNow',
    now: FRI_1449,
    plan: alwaysAsleep,
    expect: ['wakeup', '2026-03-06T17:49:00Z'],
  },
  {
    name: 'wake now with an until past the coming sleep start: a real override',
    action: 'wakeNow',
    now: FRI_1449,
    until: '2026-03-06T20:00:00Z',
    expect: ['wakeup', '2026-03-06T20:00:00Z', { consequence: 'costs 1 h awake' }],
  },
  {
    name: 'wake now with an until before the coming sleep: back on schedule',
    action: 'wakeNow',
    now: FRI_1449,
    until: '2026-03-06T18:00:00Z',
    expect: 'clear',
  },
  {
    name: 'wake now during a suspend exception: back on schedule',
    action: 'wakeNow',
    now: TUE_2300,
    exceptions: [skipTuesday],
    expect: 'clear',
  },

  // keep awake N hours
  {
    name: 'keep awake 3 h at 17:30 before a 19:00 sleep is a real override',
    action: 'keepAwake',
    now: FRI_1730,
    hours: 3,
    expect: ['wakeup', '2026-03-06T20:30:00Z', { consequence: 'costs 1 h 30 min awake' }],
  },
  {
    name: 'keep awake 1 h in the afternoon: back on schedule',
    action: 'keepAwake',
    now: FRI_1449,
    hours: 1,
    expect: 'clear',
  },
  {
    name: 'keep awake 1 h at night',
    action: 'keepAwake',
    now: TUE_2300,
    hours: 1,
    expect: ['wakeup', '2026-03-04T00:00:00Z'],
  },
  {
    name: 'keep awake 1.5 h',
    action: 'keepAwake',
    now: TUE_2300,
    hours: 1.5,
    expect: ['wakeup', '2026-03-04T00:30:00Z'],
  },
  {
    name: 'keep awake without hours: refused naming hours',
    action: 'keepAwake',
    now: FRI_1449,
    expect: ['refused', 'hours', /above 0/],
  },
  {
    name: 'keep awake 0 h: refused naming hours',
    action: 'keepAwake',
    now: FRI_1449,
    hours: 0,
    expect: ['refused', 'hours', /above 0/],
  },
  {
    name: 'keep awake 9000 h: refused naming hours',
    action: 'keepAwake',
    now: FRI_1449,
    hours: 9000,
    expect: ['refused', 'hours', /at most 8784/],
  },
  {
    name: 'keep awake with both hours and until: refused naming hours',
    action: 'keepAwake',
    now: FRI_1449,
    hours: 1,
    until: '2026-03-06T20:00:00Z',
    expect: ['refused', 'hours', /either hours or until/],
  },
  {
    name: 'keep awake with until instead of hours',
    action: 'keepAwake',
    now: FRI_1449,
    until: '2026-03-06T21:00:00Z',
    expect: ['wakeup', '2026-03-06T21:00:00Z'],
  },
  {
    name: 'hours on another action: refused naming hours',
    action: 'wakeNow',
    now: TUE_2300,
    hours: 2,
    expect: ['refused', 'hours', /keepAwake only/],
  },

  // keep awake until tomorrow
  {
    name: "until tomorrow on a weekday: the next morning's wake",
    action: 'keepAwakeUntilTomorrow',
    now: TUE_1400,
    expect: ['wakeup', '2026-03-04T07:00:00Z', { confirm: true, consequence: 'costs 12 h awake' }],
  },
  {
    name: 'until tomorrow on Friday: at most 24 h, not Monday',
    action: 'keepAwakeUntilTomorrow',
    now: FRI_1449,
    expect: ['wakeup', '2026-03-07T14:49:00Z', { consequence: 'costs 19 h 49 min awake' }],
  },
  {
    name: 'until tomorrow at night: the coming wake',
    action: 'keepAwakeUntilTomorrow',
    now: TUE_2300,
    expect: ['wakeup', '2026-03-04T07:00:00Z', { confirm: false }],
  },
  {
    name: "until tomorrow on a plan always asleep: the setting's duration",
    action: 'keepAwakeUntilTomorrow',
    now: FRI_1449,
    plan: alwaysAsleep,
    expect: ['wakeup', '2026-03-06T17:49:00Z'],
  },
  {
    name: 'until tomorrow on a plan never asleep: back on schedule',
    action: 'keepAwakeUntilTomorrow',
    now: FRI_1449,
    plan: neverAsleep,
    expect: 'clear',
  },

  // skip the next sleep
  {
    name: "skip the next sleep on Friday: until Monday's wake",
    action: 'skipNextHibernation',
    now: FRI_1449,
    expect: [
      'wakeup',
      '2026-03-09T07:00:00Z',
      { confirm: true, consequence: 'costs 60 h awake', duration: '64 h 11 min' },
    ],
  },
  {
    name: 'skip while asleep on Saturday: the current sleep',
    action: 'skipNextHibernation',
    now: SAT_1200,
    expect: ['wakeup', '2026-03-09T07:00:00Z', { consequence: 'costs 43 h awake' }],
  },
  {
    name: 'skip on a weekday: tonight',
    action: 'skipNextHibernation',
    now: TUE_1400,
    expect: ['wakeup', '2026-03-04T07:00:00Z'],
  },
  {
    name: "skip counts exceptions: Tuesday night is already skipped, so Wednesday's",
    action: 'skipNextHibernation',
    now: TUE_1400,
    exceptions: [skipTuesday],
    expect: ['wakeup', '2026-03-05T07:00:00Z'],
  },
  {
    name: "skip on a plan asleep all day every day: the setting's duration (not a 500)",
    action: 'skipNextHibernation',
    now: FRI_1449,
    plan: alwaysAsleep,
    expect: ['wakeup', '2026-03-06T17:49:00Z'],
  },
  {
    name: 'skip on a plan never asleep: back on schedule',
    action: 'skipNextHibernation',
    now: FRI_1449,
    plan: neverAsleep,
    expect: 'clear',
  },
];

function shape(outcome: OverrideOutcome): unknown {
  if (outcome.kind === 'refused') return ['refused', outcome.issue.path, outcome.issue.message];
  if (outcome.kind === 'clear') return 'clear';
  return [
    outcome.override.phase,
    outcome.override.until,
    {
      confirm: outcome.needsConfirmation,
      consequence: outcome.consequence.text,
      duration: outcome.duration,
    },
  ];
}

function expected(row: Row): unknown {
  if (row.expect === 'clear') return 'clear';
  if (row.expect[0] === 'refused')
    return ['refused', row.expect[1], expect.stringMatching(row.expect[2])];
  const [phase, until, extra] = row.expect;
  return [phase, until, expect.objectContaining(extra ?? {})];
}

describe('planOverride: action × schedule state', () => {
  for (const row of rows) {
    it(row.name, () => {
      const outcome = planOverride({
        action: row.action,
        now: new Date(row.now),
        plan: row.plan ?? weeknights,
        exceptions: row.exceptions ?? [],
        current: null,
        ...(row.until !== undefined ? { until: row.until } : {}),
        ...(row.hours !== undefined ? { hours: row.hours } : {}),
        ...(row.settings ? { settings: row.settings } : {}),
      });
      expect(shape(outcome)).toEqual(expected(row));
    });
  }
});

describe('planOverride: one override, never stacked', () => {
  const hibernating: PlanOverride = {
    phase: 'hibernate',
    until: '2026-03-09T07:00:00Z',
    setAt: FRI_1449,
    durationMs: 1,
    previous: { phase: 'wakeup', until: '2026-03-06T15:00:00Z' },
  };
  const base = { plan: weeknights, exceptions: [], current: hibernating, by: 'user' as const };

  it('wake now after hibernate now clears the override (back on schedule) and remembers it for Undo', () => {
    const outcome = planOverride({
      ...base,
      action: 'wakeNow',
      now: new Date('2026-03-06T14:50:00Z'),
    });
    expect(outcome).toMatchObject({ kind: 'clear', reason: 'back on schedule' });
    expect(outcome.kind === 'clear' && outcome.previous).toEqual({
      phase: 'hibernate',
      until: '2026-03-09T07:00:00Z',
      setAt: FRI_1449,
      durationMs: 1,
    });
  });

  it('a new action replaces the override, keeping one level of history and the chosen duration', () => {
    const outcome = planOverride({
      ...base,
      action: 'skipNextHibernation',
      now: new Date('2026-03-06T14:50:00.400Z'),
    });
    expect(outcome).toEqual(
      expect.objectContaining({
        kind: 'set',
        override: {
          phase: 'wakeup',
          until: '2026-03-09T07:00:00Z',
          setAt: '2026-03-06T14:50:00Z',
          by: 'user',
          durationMs: (64 * 60 + 10) * 60_000,
          previous: {
            phase: 'hibernate',
            until: '2026-03-09T07:00:00Z',
            setAt: FRI_1449,
            durationMs: 1,
          },
        },
      }),
    );
  });

  it('an unknown action is refused naming the field', () => {
    const outcome = planOverride({
      ...base,
      action: 'sleep' as OverrideAction,
      now: new Date(FRI_1449),
    });
    expect(outcome).toMatchObject({ kind: 'refused', issue: { path: 'action' } });
  });
});

describe('keepOverride (the heads-up\'s "keep it")', () => {
  const ctx = { plan: weeknights, exceptions: [], now: new Date('2026-03-06T19:45:00Z') };
  const awake: PlanOverride = {
    phase: 'wakeup',
    until: '2026-03-06T20:00:00Z',
    setAt: FRI_1730,
    durationMs: 3 * 3_600_000,
  };

  it('extends by the original duration from the current end', () => {
    const outcome = keepOverride({ ...ctx, current: awake });
    expect(outcome).toMatchObject({
      kind: 'set',
      override: { phase: 'wakeup', until: '2026-03-06T23:00:00Z', durationMs: 3 * 3_600_000 },
    });
  });

  it('without a stored duration uses setAt → until', () => {
    const outcome = keepOverride({
      ...ctx,
      current: { phase: 'wakeup', until: '2026-03-06T20:00:00Z', setAt: '2026-03-06T19:00:00Z' },
    });
    expect(outcome).toMatchObject({ kind: 'set', override: { until: '2026-03-06T21:00:00Z' } });
  });

  it.each([
    ['no override', null],
    ['an override that already ended', { ...awake, until: '2026-03-06T19:00:00Z' }],
    ['an override without end', { ...awake, until: null }],
  ])('refuses %s', (_, current) => {
    expect(keepOverride({ ...ctx, current })).toMatchObject({
      kind: 'refused',
      issue: { path: 'override' },
    });
  });
});
