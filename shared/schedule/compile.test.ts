import { describe, expect, it } from 'vitest';
import { ScheduleError, type ScheduleErrorCode } from './errors';
import { evaluate } from './evaluate';
import { EVERY_DAY, WEEKDAYS, at, exceptionOf, planOf, win } from './test-fixtures';
import type { Day, ScheduleExceptionLike, SchedulePlan } from './types';
import { upcoming } from './upcoming';

function codeOf(fn: () => unknown): ScheduleErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e.code;
    throw e;
  }
  return undefined;
}

const Q1 = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-03-31T00:00:00Z' };
const now = at('2026-01-28T12:00:00Z');

describe('invalid input is an error value with a stable code', () => {
  it.each<[string, SchedulePlan, ScheduleExceptionLike[], ScheduleErrorCode]>([
    [
      'unknown time zone',
      planOf('Mars/Olympus', [win('20:00', '06:00', WEEKDAYS)]),
      [],
      'INVALID_TIMEZONE',
    ],
    ['hour 25', planOf('UTC', [win('25:00', '06:00', WEEKDAYS)]), [], 'INVALID_TIME'],
    ['24:00 as a start', planOf('UTC', [win('24:00', '06:00', WEEKDAYS)]), [], 'INVALID_TIME'],
    ['full day name', planOf('UTC', [win('20:00', '06:00', ['Monday' as Day])]), [], 'INVALID_DAY'],
    ['start equals end', planOf('UTC', [win('20:00', '20:00', WEEKDAYS)]), [], 'INVALID_WINDOW'],
    [
      'validFrom not an instant',
      planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]),
      [
        exceptionOf({
          type: 'extend',
          validFrom: 'yesterday',
          validUntil: Q1.validUntil,
          windows: [],
        }),
      ],
      'INVALID_DATE',
    ],
    [
      'leadTime not a duration',
      planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]),
      [
        exceptionOf({
          type: 'suspend',
          ...Q1,
          leadTime: 'soon',
          windows: [win('21:00', '22:00', ['WED'])],
        }),
      ],
      'INVALID_DURATION',
    ],
  ])('%s', (_name, plan, exceptions, code) => {
    expect(codeOf(() => evaluate(plan, exceptions, now))).toBe(code);
    expect(codeOf(() => upcoming(plan, exceptions, now, 3))).toBe(code);
  });

  it('rejects an invalid Date', () => {
    expect(codeOf(() => evaluate(planOf('UTC', []), [], new Date('nope')))).toBe('INVALID_DATE');
  });

  it('names the exception and the field of a lead time that is not a duration', () => {
    const offsite = exceptionOf({
      name: 'offsite',
      type: 'suspend',
      ...Q1,
      leadTime: '1 h',
      windows: [win('21:00', '22:00', ['WED'])],
    });
    const plan = planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]);
    expect(() => evaluate(plan, [offsite], now)).toThrowError(
      new ScheduleError(
        'INVALID_DURATION',
        'exception "offsite" spec.leadTime "1 h" is not a duration: write it like "30m", "1h", "1h30m" or "90s".',
      ),
    );
  });

  it('ignores an invalid exception of another plan', () => {
    const other = exceptionOf({
      type: 'suspend',
      ...Q1,
      plan: 'other',
      leadTime: 'soon',
      windows: [],
    });
    expect(
      evaluate(
        planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]),
        [other],
        at('2026-01-28T21:00:00Z'),
      ).hibernate,
    ).toBe(true);
  });

  it('accepts lower-case day names', () => {
    const plan = planOf('UTC', [win('20:00', '06:00', ['wed' as Day])]);
    expect(evaluate(plan, [], at('2026-01-28T21:00:00Z')).hibernate).toBe(true);
  });
});

describe('compiled plans are cached by content', () => {
  it('sees a plan edited in place', () => {
    const plan = planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]);
    expect(evaluate(plan, [], at('2026-01-28T19:00:00Z')).hibernate).toBe(false);
    const first = plan.spec.schedule.offHours[0];
    if (!first) throw new Error('fixture');
    first.start = '18:00';
    expect(evaluate(plan, [], at('2026-01-28T19:00:00Z')).hibernate).toBe(true);
    // 18:00–21:00 SAT: Wednesday 19:00 is after Saturday's end event.
    first.end = '21:00';
    (first.daysOfWeek as Day[]).splice(0, 5, 'SAT');
    expect(evaluate(plan, [], at('2026-01-28T19:00:00Z')).hibernate).toBe(false);
  });

  it('sees an exception added to or removed from the list', () => {
    const plan = planOf('UTC', [win('20:00', '06:00', EVERY_DAY)]);
    const list: ScheduleExceptionLike[] = [];
    expect(evaluate(plan, list, at('2026-01-28T21:00:00Z')).hibernate).toBe(true);
    list.push(exceptionOf({ type: 'suspend', ...Q1, windows: [win('00:00', '24:00', EVERY_DAY)] }));
    expect(evaluate(plan, list, at('2026-01-28T21:00:00Z')).hibernate).toBe(false);
    list.pop();
    expect(evaluate(plan, list, at('2026-01-28T21:00:00Z')).hibernate).toBe(true);
  });

  it('gives the same answer for an equal plan read fresh', () => {
    const make = () => planOf('Europe/Berlin', [win('20:00', '06:00', WEEKDAYS)]);
    expect(upcoming(make(), [], now, 5)).toEqual(upcoming(make(), [], now, 5));
  });
});
