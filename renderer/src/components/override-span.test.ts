import { describe, expect, it } from 'vitest';
import type { DayPicture } from '../../../shared/schedule';
import { overrideDaySpans } from './override-span';

const week: DayPicture[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day, i) => ({
  date: `2026-11-${String(23 + i).padStart(2, '0')}`,
  day: day as DayPicture['day'],
  intervals: [],
}));
const friday = new Date('2026-11-27T14:49:00Z');

describe('overrideDaySpans', () => {
  it('covers from now to the end, across days, on the plan clock', () => {
    const spans = overrideDaySpans(
      week,
      'UTC',
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z' },
      friday,
    );
    expect(spans).toEqual([
      { date: '2026-11-27', startMinute: 14 * 60 + 49, endMinute: 1440, phase: 'hibernate' },
      { date: '2026-11-28', startMinute: 0, endMinute: 1440, phase: 'hibernate' },
      { date: '2026-11-29', startMinute: 0, endMinute: 1440, phase: 'hibernate' },
    ]);
  });

  it('starts at setAt when it is known and past, and uses the plan time zone', () => {
    const spans = overrideDaySpans(
      week,
      'Europe/Berlin',
      {
        phase: 'wakeup',
        until: '2026-11-27T16:49:00Z',
        setAt: '2026-11-27T13:49:00Z',
      },
      friday,
    );
    expect(spans).toEqual([
      { date: '2026-11-27', startMinute: 14 * 60 + 49, endMinute: 17 * 60 + 49, phase: 'wakeup' },
    ]);
  });

  it('draws nothing without an override in effect', () => {
    expect(overrideDaySpans(week, 'UTC', null, friday)).toEqual([]);
    expect(
      overrideDaySpans(week, 'UTC', { phase: 'wakeup', until: '2026-11-27T14:00:00Z' }, friday),
    ).toEqual([]);
  });

  it('draws nothing for an override it cannot read instead of breaking the picture', () => {
    expect(overrideDaySpans(week, 'UTC', { phase: 'wakeup', until: 'tomorrow' }, friday)).toEqual(
      [],
    );
  });

  it('runs to the end of the week when the override has no end', () => {
    const spans = overrideDaySpans(week, 'UTC', { phase: 'wakeup', until: null }, friday);
    expect(spans.map((s) => s.date)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
  });
});
