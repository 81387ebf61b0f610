import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { EVERY_DAY, Q1, WEEKNIGHTS, at, exceptionOf, planOf, runCases, win } from './test-fixtures';

/**
 * Table-driven pins of semantics.md section 2 (base windows). 2026-01-26 is a Monday.
 */

describe('base windows: boundaries are exact to the second', () => {
  runCases([
    {
      name: 'awake one second before start, hibernated at start, hibernated one second before end, awake at end',
      windows: [WEEKNIGHTS],
      expect: [
        ['2026-01-28T19:59:59Z', false],
        ['2026-01-28T20:00:00Z', true],
        ['2026-01-29T05:59:59Z', true],
        ['2026-01-29T05:59:59.999Z', true],
        ['2026-01-29T06:00:00Z', false],
      ],
    },
    {
      name: 'a window sleeps from the last listed start until the next listed end (Fri 20:00 → Mon 06:00)',
      windows: [WEEKNIGHTS],
      expect: [
        ['2026-01-31T12:00:00Z', true],
        ['2026-02-01T23:59:59Z', true],
        ['2026-02-02T06:00:00Z', false],
      ],
    },
    {
      name: 'a window listing only MON sleeps from Monday 20:00 until the next Monday 06:00',
      windows: [win('20:00', '06:00', ['MON'])],
      expect: [
        ['2026-01-26T20:00:00Z', true],
        ['2026-01-29T12:00:00Z', true],
        ['2026-02-02T05:59:59Z', true],
        ['2026-02-02T06:00:00Z', false],
      ],
    },
    {
      name: 'windows are OR-ed: the next transition is where the combined answer changes',
      windows: [win('20:00', '23:00', ['WED']), win('22:00', '02:00', ['WED', 'THU'])],
      expect: [['2026-01-28T22:30:00Z', true]],
      next: {
        from: '2026-01-28T12:00:00Z',
        n: 3,
        expect: [
          ['2026-01-28T20:00:00Z', 'hibernate'],
          ['2026-01-29T02:00:00Z', 'wakeup'],
          ['2026-01-29T22:00:00Z', 'hibernate'],
        ],
      },
    },
  ]);
});

describe('base windows: 23:59 is end of day and 24:00 → 00:00 stays hibernated', () => {
  runCases([
    {
      name: 'an end of 23:59 sleeps through the last minute and wakes at midnight',
      windows: [win('09:00', '23:59', ['WED'])],
      expect: [
        ['2026-01-28T23:59:30Z', true],
        ['2026-01-29T00:00:00Z', false],
      ],
      next: { from: '2026-01-28T12:00:00Z', n: 1, expect: [['2026-01-29T00:00:00Z', 'wakeup']] },
    },
    {
      name: 'an end of 24:00 behaves exactly like 23:59',
      windows: [win('09:00', '24:00', ['WED'])],
      expect: [
        ['2026-01-28T23:59:59Z', true],
        ['2026-01-29T00:00:00Z', false],
      ],
    },
    {
      name: '00:00–23:59 on consecutive days is one continuous hibernation',
      windows: [win('00:00', '23:59', ['MON', 'TUE'])],
      expect: [
        ['2026-01-26T23:59:59Z', true],
        ['2026-01-27T00:00:00Z', true],
        ['2026-01-28T00:00:00Z', false],
      ],
      next: {
        from: '2026-01-25T12:00:00Z',
        n: 2,
        expect: [
          ['2026-01-26T00:00:00Z', 'hibernate'],
          ['2026-01-28T00:00:00Z', 'wakeup'],
        ],
      },
    },
    {
      name: 'one window ending 24:00 and another starting 00:00 next day join without a wake-up',
      windows: [win('22:00', '24:00', ['MON']), win('00:00', '02:00', ['TUE'])],
      expect: [['2026-01-27T00:00:00Z', true]],
      next: {
        from: '2026-01-26T12:00:00Z',
        n: 2,
        expect: [
          ['2026-01-26T22:00:00Z', 'hibernate'],
          ['2026-01-27T02:00:00Z', 'wakeup'],
        ],
      },
    },
  ]);
});

describe('reason and activeExceptions', () => {
  const plan = planOf('UTC', [win('08:00', '09:00', ['MON']), WEEKNIGHTS]);
  const exceptions = [
    exceptionOf({
      type: 'suspend',
      ...Q1,
      name: 'team-offsite',
      leadTime: '1h',
      windows: [win('22:00', '23:00', ['WED'])],
    }),
    exceptionOf({
      type: 'extend',
      ...Q1,
      name: 'long-weekend',
      windows: [win('06:00', '20:00', ['FRI'])],
    }),
    exceptionOf({
      type: 'replace',
      validFrom: '2026-02-01T00:00:00Z',
      validUntil: '2026-02-08T00:00:00Z',
      name: 'audit',
      windows: [win('10:00', '11:00', ['MON'])],
    }),
    exceptionOf({
      type: 'suspend',
      ...Q1,
      name: 'someone-else',
      plan: 'other',
      windows: [win('00:00', '24:00', EVERY_DAY)],
    }),
  ];
  it.each([
    ['2026-01-28T23:30:00Z', true, 'off-hours window 2 (20:00–06:00 MON–FRI)'],
    ['2026-01-28T22:30:00Z', false, 'suspended by exception team-offsite'],
    [
      '2026-01-28T21:30:00Z',
      false,
      'lead time (1 h) before suspension by exception team-offsite at 2026-01-28 22:00',
    ],
    ['2026-01-30T12:00:00Z', true, 'extended by exception long-weekend (06:00–20:00 FRI)'],
    ['2026-02-02T10:30:00Z', true, 'window 1 (10:00–11:00 MON) of replacing exception audit'],
    ['2026-02-02T21:00:00Z', false, 'awake: outside the windows of replacing exception audit'],
    ['2026-01-28T12:00:00Z', false, 'awake: outside off-hours'],
  ])('at %s hibernate=%s because "%s"', (instant, hibernate, reason) => {
    const result = evaluate(plan, exceptions, at(instant));
    expect(result.hibernate).toBe(hibernate);
    expect(result.reason).toBe(reason);
    expect(result.activeExceptions).not.toContain('someone-else');
  });

  it('lists the exceptions valid at the instant', () => {
    expect(evaluate(plan, exceptions, at('2026-02-02T10:30:00Z')).activeExceptions).toEqual([
      'team-offsite',
      'long-weekend',
      'audit',
    ]);
    expect(evaluate(plan, exceptions, at('2026-04-01T00:00:00Z')).activeExceptions).toEqual([]);
  });

  it('lists a suspension whose lead time applies before it becomes valid', () => {
    const early = exceptionOf({
      type: 'suspend',
      validFrom: '2026-01-28T22:00:00Z',
      validUntil: '2026-01-28T23:00:00Z',
      leadTime: '1h',
      name: 'demo',
      windows: [win('00:00', '24:00', EVERY_DAY)],
    });
    expect(
      evaluate(planOf('UTC', [WEEKNIGHTS]), [early], at('2026-01-28T21:30:00Z')).activeExceptions,
    ).toEqual(['demo']);
  });
});
