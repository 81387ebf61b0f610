import { describe, expect, it } from 'vitest';
import { asleepHours, monthOf } from './asleep-hours';

const NIGHTLY = {
  metadata: { name: 'nightly' },
  spec: {
    schedule: {
      timezone: 'UTC',
      offHours: [
        {
          start: '20:00',
          end: '06:00',
          daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const,
        },
      ],
    },
  },
};

describe('asleepHours', () => {
  it('adds up the asleep stretches in the range', () => {
    const from = new Date('2026-11-02T00:00:00Z');
    const to = new Date('2026-11-09T00:00:00Z');
    // Ten hours a night, seven nights.
    expect(asleepHours(NIGHTLY, [], from, to)).toBe(70);
  });

  it('is null for a schedule that cannot be evaluated', () => {
    const broken = { ...NIGHTLY, spec: { schedule: { timezone: 'Mars/Base', offHours: [] } } };
    expect(asleepHours(broken, [], new Date(0), new Date(86_400_000))).toBeNull();
  });

  it('spans the local calendar month', () => {
    const { from, to } = monthOf(new Date(2026, 10, 26, 12));
    expect([from.getDate(), from.getMonth(), to.getDate(), to.getMonth()]).toEqual([1, 10, 1, 11]);
  });
});
