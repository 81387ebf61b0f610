import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { WEEKDAYS, at, exceptionOf, iso, planOf, win } from './test-fixtures';
import { intervals, weekPicture } from './week-picture';

const Q1 = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-03-31T00:00:00Z' };

describe('intervals', () => {
  const plan = planOf('UTC', [win('20:00', '06:00', WEEKDAYS)]);
  const exceptions = [
    exceptionOf({
      type: 'suspend',
      ...Q1,
      name: 'offsite',
      windows: [win('22:00', '02:00', ['WED'])],
    }),
  ];

  it('splits a range into stretches of one state and one source', () => {
    const list = intervals(
      plan,
      exceptions,
      at('2026-01-28T12:00:00Z'),
      at('2026-01-29T12:00:00Z'),
    );
    expect(list.map((i) => [iso(i.from), iso(i.to), i.hibernate, i.source.kind])).toEqual([
      ['2026-01-28T12:00:00Z', '2026-01-28T20:00:00Z', false, 'schedule'],
      ['2026-01-28T20:00:00Z', '2026-01-28T22:00:00Z', true, 'schedule'],
      ['2026-01-28T22:00:00Z', '2026-01-29T02:00:00Z', false, 'suspend'],
      ['2026-01-29T02:00:00Z', '2026-01-29T06:00:00Z', true, 'schedule'],
      ['2026-01-29T06:00:00Z', '2026-01-29T12:00:00Z', false, 'schedule'],
    ]);
    expect(list[2]?.source).toEqual({ kind: 'suspend', exception: 'offsite' });
  });

  it('agrees with evaluate at the start and the last second of every stretch', () => {
    const list = intervals(
      plan,
      exceptions,
      at('2026-01-26T00:00:00Z'),
      at('2026-02-02T00:00:00Z'),
    );
    for (const i of list) {
      expect(evaluate(plan, exceptions, i.from).hibernate).toBe(i.hibernate);
      expect(evaluate(plan, exceptions, new Date(i.to.getTime() - 1000)).hibernate).toBe(
        i.hibernate,
      );
    }
  });
});

describe('weekPicture', () => {
  it('draws the plan-timezone week from Monday, in wall-clock minutes, with sources', () => {
    const plan = planOf('Europe/Berlin', [win('20:00', '06:00', WEEKDAYS)]);
    const extend = exceptionOf({
      type: 'extend',
      ...Q1,
      name: 'long-friday',
      windows: [win('12:00', '20:00', ['FRI'])],
    });
    const days = weekPicture(plan, [extend], at('2026-01-29T10:00:00Z'));
    expect(days.map((d) => `${d.day} ${d.date}`)).toEqual([
      'MON 2026-01-26',
      'TUE 2026-01-27',
      'WED 2026-01-28',
      'THU 2026-01-29',
      'FRI 2026-01-30',
      'SAT 2026-01-31',
      'SUN 2026-02-01',
    ]);
    const asleep = (i: number) =>
      days[i]?.intervals
        .filter((x) => x.hibernate)
        .map((x) => [x.startMinute, x.endMinute, x.source.kind]);
    expect(asleep(0)).toEqual([
      [0, 360, 'schedule'],
      [1200, 1440, 'schedule'],
    ]);
    expect(asleep(4)).toEqual([
      [0, 360, 'schedule'],
      [720, 1200, 'extend'],
      [1200, 1440, 'schedule'],
    ]);
    expect(asleep(5)).toEqual([[0, 1440, 'schedule']]);
  });

  it('leaves the skipped hour out on a spring-forward day and never runs minutes backwards on a fall-back day', () => {
    const plan = planOf('Europe/Berlin', [win('01:00', '04:00', ['SUN'])]);
    const spring = weekPicture(plan, [], at('2026-03-27T12:00:00Z'))[6];
    expect(
      spring?.intervals.filter((x) => x.hibernate).map((x) => [x.startMinute, x.endMinute]),
    ).toEqual([[60, 240]]);
    const autumn = weekPicture(plan, [], at('2026-10-23T12:00:00Z'))[6];
    expect(autumn?.intervals.map((x) => [x.startMinute, x.endMinute, x.hibernate])).toEqual([
      [0, 60, false],
      [60, 240, true],
      [240, 1440, false],
    ]);
    for (const day of [spring, autumn]) {
      for (const x of day?.intervals ?? []) expect(x.endMinute).toBeGreaterThan(x.startMinute);
    }
  });

  it('covers each day completely from 0 to 1440 minutes on ordinary days', () => {
    const plan = planOf('America/New_York', [
      win('20:00', '06:00', WEEKDAYS),
      win('00:00', '23:59', ['SAT']),
    ]);
    for (const day of weekPicture(plan, [], at('2026-02-04T12:00:00Z'))) {
      let cursor = 0;
      for (const x of day.intervals) {
        expect(x.startMinute).toBe(cursor);
        cursor = x.endMinute;
      }
      expect(cursor).toBe(1440);
    }
  });
});
