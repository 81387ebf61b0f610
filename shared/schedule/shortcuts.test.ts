import { describe, expect, it } from 'vitest';
import { ScheduleError, type ScheduleErrorCode } from './errors';
import { evaluate } from './evaluate';
import {
  API_VERSION,
  MAX_EXCEPTION_MS,
  REASON_ANNOTATION,
  hibernateUntil,
  keepAwakeFor,
  keepAwakeUntilTomorrow,
  skipNextHibernation,
  wakeUntil,
} from './shortcuts';
import { EVERY_DAY, WEEKDAYS, at, iso, planOf, win } from './test-fixtures';
import type { ScheduleExceptionLike, ScheduleExceptionObject } from './types';
import { upcoming } from './upcoming';
import { HOUR_MS, SECOND_MS } from './zoned-time';

// Europe/Berlin is UTC+1 in these weeks: Wed 2026-01-28 22:00 local = 21:00Z.
const plan = planOf('Europe/Berlin', [win('20:00', '06:00', WEEKDAYS)]);
const wedAsleep = at('2026-01-28T21:00:00Z');
const wedAfternoon = at('2026-01-28T15:00:00Z');
const friAfternoon = at('2026-01-30T15:00:00Z');
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function asleep(extra: ScheduleExceptionLike[], instant: string | Date): boolean {
  return evaluate(plan, extra, typeof instant === 'string' ? at(instant) : instant).hibernate;
}

function codeOf(fn: () => unknown): ScheduleErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e.code;
    throw e;
  }
  return undefined;
}

function expectStorable(ex: ScheduleExceptionObject, type: 'suspend' | 'extend'): void {
  expect(ex.apiVersion).toBe(API_VERSION);
  expect(ex.kind).toBe('ScheduleException');
  expect(ex.metadata.name).toMatch(DNS_1123);
  expect(ex.metadata.name.length).toBeLessThanOrEqual(63);
  expect(ex.metadata.annotations[REASON_ANNOTATION]).toMatch(/\w/);
  expect(ex.spec.planRef.name).toBe(plan.metadata.name);
  expect(ex.spec.type).toBe(type);
  expect(ex.spec.windows).toEqual([{ start: '00:00', end: '24:00', daysOfWeek: EVERY_DAY }]);
  const length = Date.parse(ex.spec.validUntil) - Date.parse(ex.spec.validFrom);
  expect(length).toBeGreaterThan(0);
  expect(length).toBeLessThanOrEqual(MAX_EXCEPTION_MS);
}

describe('keepAwakeFor', () => {
  it('keeps a sleeping plan awake for exactly N hours, then the schedule resumes', () => {
    const hold = keepAwakeFor(plan, [], wedAsleep, 3);
    expectStorable(hold, 'suspend');
    expect(asleep([hold], wedAsleep)).toBe(false);
    expect(asleep([hold], new Date(wedAsleep.getTime() + 3 * HOUR_MS - SECOND_MS))).toBe(false);
    expect(asleep([hold], new Date(wedAsleep.getTime() + 3 * HOUR_MS))).toBe(true);
    expect(hold.metadata.name).toBe('dev-env-keep-awake-20260128-2200');
  });

  it('gives a second hold at the same minute a different name', () => {
    const first = keepAwakeFor(plan, [], wedAsleep, 1);
    const second = keepAwakeFor(plan, [first], wedAsleep, 2);
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(second.metadata.name).toMatch(DNS_1123);
  });

  it('derives a DNS-1123 name of at most 63 characters from any plan name', () => {
    const odd = planOf('UTC', [win('20:00', '06:00', WEEKDAYS)], `Team_Web.${'x'.repeat(100)}`);
    const hold = keepAwakeFor(odd, [], wedAsleep, 1);
    expect(hold.metadata.name).toMatch(DNS_1123);
    expect(hold.metadata.name.length).toBeLessThanOrEqual(63);
    expect(hold.metadata.name.startsWith('team-web-xxx')).toBe(true);
  });

  it.each([0, -1, Number.NaN, 90 * 24 + 1])('rejects %d hours', (hours) => {
    expect(codeOf(() => keepAwakeFor(plan, [], wedAsleep, hours))).toBe('INVALID_ARGUMENT');
  });
});

describe('skipNextHibernation', () => {
  it('skips Friday night through the weekend and hibernates again on Monday evening', () => {
    const hold = skipNextHibernation(plan, [], friAfternoon);
    expectStorable(hold, 'suspend');
    expect(iso(new Date(hold.spec.validFrom))).toBe('2026-01-30T19:00:00Z');
    expect(iso(new Date(hold.spec.validUntil))).toBe('2026-02-02T05:00:00Z');
    expect(asleep([hold], '2026-01-30T19:00:00Z')).toBe(false);
    expect(asleep([hold], '2026-02-01T12:00:00Z')).toBe(false);
    expect(upcoming(plan, [hold], friAfternoon, 1).map((t) => [iso(t.at), t.operation])).toEqual([
      ['2026-02-02T19:00:00Z', 'hibernate'],
    ]);
  });

  it('while asleep, skips the next hibernation and leaves the current one alone', () => {
    const hold = skipNextHibernation(plan, [], wedAsleep);
    expect(asleep([hold], wedAsleep)).toBe(true);
    expect(asleep([hold], '2026-01-29T19:30:00Z')).toBe(false);
    expect(asleep([hold], '2026-01-30T19:30:00Z')).toBe(true);
  });

  it('reports NO_UPCOMING_HIBERNATION when the schedule never hibernates', () => {
    expect(codeOf(() => skipNextHibernation(planOf('UTC', []), [], wedAsleep))).toBe(
      'NO_UPCOMING_HIBERNATION',
    );
  });
});

describe('wakeUntil ("wake now")', () => {
  it('wakes a sleeping plan until the next scheduled wake-up', () => {
    const hold = wakeUntil(plan, [], wedAsleep);
    expectStorable(hold, 'suspend');
    expect(asleep([hold], wedAsleep)).toBe(false);
    expect(iso(new Date(hold.spec.validUntil))).toBe('2026-01-29T05:00:00Z');
    expect(upcoming(plan, [hold], wedAsleep, 1).map((t) => iso(t.at))).toEqual([
      '2026-01-29T19:00:00Z',
    ]);
  });

  it('wakes until a chosen time, then the schedule takes over again', () => {
    const hold = wakeUntil(plan, [], wedAsleep, at('2026-01-29T02:00:00Z'));
    expect(asleep([hold], '2026-01-29T01:59:59Z')).toBe(false);
    expect(asleep([hold], '2026-01-29T02:00:00Z')).toBe(true);
  });

  it('refuses when already awake, and a chosen time in the past or beyond 90 days', () => {
    expect(codeOf(() => wakeUntil(plan, [], wedAfternoon))).toBe('ALREADY_AWAKE');
    expect(codeOf(() => wakeUntil(plan, [], wedAsleep, at('2026-01-28T20:00:00Z')))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => wakeUntil(plan, [], wedAsleep, at('2026-06-01T00:00:00Z')))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('hibernateUntil ("hibernate now")', () => {
  it('hibernates an awake plan now and until the next scheduled hibernation ends', () => {
    const hold = hibernateUntil(plan, [], friAfternoon);
    expectStorable(hold, 'extend');
    expect(asleep([hold], friAfternoon)).toBe(true);
    expect(upcoming(plan, [hold], friAfternoon, 1).map((t) => [iso(t.at), t.operation])).toEqual([
      ['2026-02-02T05:00:00Z', 'wakeup'],
    ]);
  });

  it('hibernates until a chosen time', () => {
    const hold = hibernateUntil(plan, [], wedAfternoon, at('2026-01-28T17:00:00Z'));
    expect(asleep([hold], '2026-01-28T16:59:59Z')).toBe(true);
    expect(asleep([hold], '2026-01-28T17:00:00Z')).toBe(false);
  });

  it('refuses when already hibernated, or when a suspension would keep the plan awake anyway', () => {
    expect(codeOf(() => hibernateUntil(plan, [], wedAsleep))).toBe('ALREADY_HIBERNATED');
    const keep = keepAwakeFor(plan, [], wedAfternoon, 4);
    expect(codeOf(() => hibernateUntil(plan, [keep], wedAfternoon))).toBe('BLOCKED_BY_SUSPEND');
  });
});

describe('keepAwakeUntilTomorrow', () => {
  it.each([
    ['awake on Wednesday afternoon', wedAfternoon, '2026-01-29T05:00:00Z'],
    ['asleep on Wednesday night', wedAsleep, '2026-01-29T05:00:00Z'],
    ['awake on Friday afternoon (holds over the weekend)', friAfternoon, '2026-02-02T05:00:00Z'],
  ])('%s: awake until the next working-hours start', (_name, now, until) => {
    const hold = keepAwakeUntilTomorrow(plan, [], now);
    expectStorable(hold, 'suspend');
    expect(hold.spec.validUntil).toBe(until);
    expect(asleep([hold], now)).toBe(false);
    expect(asleep([hold], new Date(Date.parse(until) - SECOND_MS))).toBe(false);
    const next = upcoming(plan, [hold], now, 1)[0];
    expect(next?.operation).toBe('hibernate');
    expect(next && next.at.getTime()).toBeGreaterThan(Date.parse(until));
  });
});
