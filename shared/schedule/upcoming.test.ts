import { describe, expect, it } from 'vitest';
import { ScheduleError } from './errors';
import { evaluate } from './evaluate';
import { EVERY_DAY, WEEKDAYS, at, exceptionOf, iso, planOf, win } from './test-fixtures';
import { upcoming } from './upcoming';
import { DAY_MS, SECOND_MS } from './zoned-time';

const from = at('2026-01-28T12:00:00Z');
const alwaysAsleep = planOf('UTC', [win('00:00', '24:00', EVERY_DAY)]);

function holdAt(offsetMs: number, lengthMs: number) {
  return exceptionOf({
    type: 'suspend',
    validFrom: new Date(from.getTime() + offsetMs).toISOString(),
    validUntil: new Date(from.getTime() + offsetMs + lengthMs).toISOString(),
    windows: [win('00:00', '24:00', EVERY_DAY)],
  });
}

describe('upcoming', () => {
  it('returns only instants strictly after `from`', () => {
    const plan = planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]);
    const next = upcoming(plan, [], at('2026-01-28T20:00:00Z'), 1);
    expect(next.map((t) => iso(t.at))).toEqual(['2026-01-29T06:00:00Z']);
  });

  it('returns nothing for a plan that never changes', () => {
    expect(upcoming(alwaysAsleep, [], from, 5)).toEqual([]);
  });

  it('includes a change exactly 366 days ahead and returns fewer than n', () => {
    const next = upcoming(alwaysAsleep, [holdAt(365 * DAY_MS, DAY_MS)], from, 10);
    expect(next.map((t) => [iso(t.at), t.operation])).toEqual([
      ['2027-01-28T12:00:00Z', 'wakeup'],
      ['2027-01-29T12:00:00Z', 'hibernate'],
    ]);
  });

  it('ignores changes later than 366 days ahead', () => {
    expect(upcoming(alwaysAsleep, [holdAt(366 * DAY_MS + SECOND_MS, DAY_MS)], from, 10)).toEqual(
      [],
    );
  });

  it('finds every weekly change of a year and no more', () => {
    const plan = planOf('Europe/Berlin', [win('10:00', '11:00', ['WED'])]);
    const next = upcoming(plan, [], from, 1000);
    // Wednesdays 2026-02-04 … 2027-01-27 are the 52 within 366 days of Wednesday 2026-01-28.
    expect(next).toHaveLength(2 * 52);
    expect(iso(next[0]?.at ?? from)).toBe('2026-02-04T09:00:00Z');
    const last = next[next.length - 1];
    expect(last && last.at.getTime() - from.getTime()).toBeLessThanOrEqual(366 * DAY_MS);
  });

  it('alternates operations, increases strictly and agrees with evaluate on both sides of each change', () => {
    const plan = planOf('America/New_York', [
      win('20:00', '06:00', WEEKDAYS),
      win('00:00', '23:59', ['SAT', 'SUN']),
    ]);
    const exceptions = [
      exceptionOf({
        type: 'suspend',
        validFrom: '2026-02-01T00:00:00Z',
        validUntil: '2026-04-01T00:00:00Z',
        leadTime: '45m',
        windows: [win('22:00', '02:00', ['TUE'])],
      }),
      exceptionOf({
        type: 'extend',
        validFrom: '2026-02-01T00:00:00Z',
        validUntil: '2026-04-01T00:00:00Z',
        windows: [win('12:00', '13:00', ['THU'])],
      }),
    ];
    const next = upcoming(plan, exceptions, from, 120);
    expect(next).toHaveLength(120);
    let previous = from.getTime();
    let state = evaluate(plan, exceptions, from).hibernate;
    for (const t of next) {
      expect(t.at.getTime()).toBeGreaterThan(previous);
      expect(t.operation).toBe(state ? 'wakeup' : 'hibernate');
      expect(evaluate(plan, exceptions, t.at).hibernate).toBe(t.operation === 'hibernate');
      expect(evaluate(plan, exceptions, new Date(t.at.getTime() - SECOND_MS)).hibernate).toBe(
        state,
      );
      state = !state;
      previous = t.at.getTime();
    }
  });

  it('returns an empty list for n = 0 and rejects a negative or fractional n', () => {
    expect(upcoming(alwaysAsleep, [], from, 0)).toEqual([]);
    expect(() => upcoming(alwaysAsleep, [], from, -1)).toThrowError(ScheduleError);
    expect(() => upcoming(alwaysAsleep, [], from, 1.5)).toThrowError(ScheduleError);
  });
});
