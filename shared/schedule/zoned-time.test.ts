import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScheduleError } from './errors';
import { fromWallClock, isValidTimeZone, toWallClock, zoneRules } from './zoned-time';

const wall = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('fromWallClock (wall clock → instant)', () => {
  it.each([
    [
      'Europe/Berlin',
      wall(2026, 1, 28, 20, 0),
      '2026-01-28T19:00:00.000Z',
      'winter time, no transition',
    ],
    [
      'Europe/Berlin',
      wall(2026, 7, 1, 20, 0),
      '2026-07-01T18:00:00.000Z',
      'summer time, no transition',
    ],
    [
      'Europe/Berlin',
      wall(2026, 3, 29, 2, 0),
      '2026-03-29T01:00:00.000Z',
      'gap start 02:00 → 03:00 CEST',
    ],
    [
      'Europe/Berlin',
      wall(2026, 3, 29, 2, 30),
      '2026-03-29T01:00:00.000Z',
      'inside the gap → first instant after it',
    ],
    [
      'Europe/Berlin',
      wall(2026, 3, 29, 2, 59, 59),
      '2026-03-29T01:00:00.000Z',
      'last second of the gap',
    ],
    [
      'Europe/Berlin',
      wall(2026, 3, 29, 3, 0),
      '2026-03-29T01:00:00.000Z',
      'first valid wall time after the gap',
    ],
    [
      'Europe/Berlin',
      wall(2026, 3, 29, 1, 59, 59),
      '2026-03-29T00:59:59.000Z',
      'second before the gap',
    ],
    [
      'Europe/Berlin',
      wall(2026, 10, 25, 2, 30),
      '2026-10-25T00:30:00.000Z',
      'repeated hour → first occurrence (CEST)',
    ],
    [
      'Europe/Berlin',
      wall(2026, 10, 25, 2, 0),
      '2026-10-25T00:00:00.000Z',
      'start of the repeated hour',
    ],
    [
      'Europe/Berlin',
      wall(2026, 10, 25, 3, 0),
      '2026-10-25T02:00:00.000Z',
      'after the repeated hour (CET)',
    ],
    [
      'America/New_York',
      wall(2026, 3, 8, 2, 30),
      '2026-03-08T07:00:00.000Z',
      'New York gap → 03:00 EDT',
    ],
    [
      'America/New_York',
      wall(2026, 11, 1, 1, 30),
      '2026-11-01T05:30:00.000Z',
      'New York repeated 01:30 → EDT occurrence',
    ],
    [
      'America/New_York',
      wall(2026, 11, 1, 2, 0),
      '2026-11-01T07:00:00.000Z',
      'New York 02:00 after fall-back (EST)',
    ],
    [
      'Australia/Lord_Howe',
      wall(2026, 10, 4, 2, 15),
      '2026-10-03T15:30:00.000Z',
      '30-minute gap → 02:30 +11',
    ],
    [
      'America/Santiago',
      wall(2026, 9, 6, 0, 30),
      '2026-09-06T04:00:00.000Z',
      'gap at midnight → 01:00 -03',
    ],
    ['Asia/Kolkata', wall(2026, 1, 1, 0, 0), '2025-12-31T18:30:00.000Z', 'half-hour offset'],
    ['UTC', wall(2026, 1, 1, 0, 0), '2026-01-01T00:00:00.000Z', 'UTC'],
  ])('%s %j is %s (%s)', (zone, w, expected) => {
    expect(fromWallClock(zone, w).toISOString()).toBe(expected);
  });
});

describe('toWallClock (instant → wall clock)', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29T00:59:59Z', wall(2026, 3, 29, 1, 59, 59)],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', wall(2026, 3, 29, 3, 0, 0)],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', wall(2026, 10, 25, 2, 59, 59)],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', wall(2026, 10, 25, 2, 0, 0)],
    ['America/New_York', '2026-11-01T06:30:00Z', wall(2026, 11, 1, 1, 30, 0)],
  ])('%s at %s reads %j', (zone, instant, expected) => {
    expect(toWallClock(zone, new Date(instant))).toEqual(expected);
  });

  it('agrees with Intl.DateTimeFormat.formatToParts at random instants in DST zones', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const parts = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }).formatToParts(new Date(ms));
          const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
          expect(toWallClock(zone, new Date(ms))).toEqual(
            wall(
              get('year'),
              get('month'),
              get('day'),
              get('hour') % 24,
              get('minute'),
              get('second'),
            ),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips every wall time that exists exactly once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'),
        fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 }),
        (zone, seconds) => {
          const instant = new Date(seconds * 1000);
          const rules = zoneRules(zone);
          const w = toWallClock(zone, instant);
          const back = fromWallClock(zone, w).getTime();
          // Only the second occurrence of a repeated hour maps back to an earlier instant.
          if (back !== instant.getTime()) {
            expect(back).toBeLessThan(instant.getTime());
            expect(rules.offsetAt(back)).toBeGreaterThan(rules.offsetAt(instant.getTime()));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('isValidTimeZone', () => {
  it.each([
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Jakarta',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
  ])('accepts %s', (zone) => expect(isValidTimeZone(zone)).toBe(true));
  it.each(['', 'Mars/Olympus', 'Europe/Berlinn', '+01:00', 'Europe/', 'not a zone'])(
    'rejects %j',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    },
  );
  it('reports an unknown zone as INVALID_TIMEZONE naming the zone', () => {
    const error = (() => {
      try {
        zoneRules('Mars/Olympus');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as ScheduleError).code).toBe('INVALID_TIMEZONE');
    expect((error as ScheduleError).message).toContain('Mars/Olympus');
  });
});
