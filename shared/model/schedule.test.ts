import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from './friendly-messages';
import {
  DaySchema,
  EndTimeSchema,
  OffHourWindowSchema,
  StartTimeSchema,
  TimeZoneSchema,
} from './schedule';

const messages = (result: { error?: { issues: Array<{ message: string }> } }): string[] =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('DaySchema', () => {
  it.each([
    ['mon', 'MON'],
    ['Mon', 'MON'],
    ['SUN', 'SUN'],
    [' fri ', 'FRI'],
  ])('reads %j as %s', (input, day) => {
    expect(DaySchema.parse(input)).toBe(day);
  });

  it.each(['Monday', 'MONDAY', 'M', 'xyz', ''])('refuses %j with the MON..SUN hint', (input) => {
    expect(messages(DaySchema.safeParse(input))).toEqual([`"${input}" is not a day; use MON..SUN`]);
  });
});

describe('times', () => {
  it.each([
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['7:30', '07:30'],
    ['19:05', '19:05'],
  ])('start %j is stored as %s', (input, stored) => {
    expect(StartTimeSchema.parse(input)).toBe(stored);
  });

  it('allows 24:00 as an end (end of day) but not as a start', () => {
    expect(EndTimeSchema.parse('24:00')).toBe('24:00');
    expect(messages(StartTimeSchema.safeParse('24:00'))).toEqual([
      '"24:00" can only be an end time; start at "00:00" instead',
    ]);
  });

  it.each(['24:01', '25:00', '12:60', '7pm', '1900', '12:5', ''])('refuses %j', (input) => {
    expect(StartTimeSchema.safeParse(input).success).toBe(false);
    expect(EndTimeSchema.safeParse(input).success).toBe(false);
  });
});

describe('OffHourWindowSchema', () => {
  it('parses a window, upper-casing its days', () => {
    expect(
      OffHourWindowSchema.parse({ start: '20:00', end: '06:00', daysOfWeek: ['mon', 'fri'] }),
    ).toEqual({
      start: '20:00',
      end: '06:00',
      daysOfWeek: ['MON', 'FRI'],
    });
  });

  it('treats 7:00 and 07:00 as the same time when comparing start and end', () => {
    const result = OffHourWindowSchema.safeParse({
      start: '7:00',
      end: '07:00',
      daysOfWeek: ['MON'],
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['end'],
        message: expect.stringContaining('start and end are both'),
      }),
    ]);
  });

  it('reports a duplicated day next to a bad time', () => {
    const result = OffHourWindowSchema.safeParse(
      { start: '99:00', end: '06:00', daysOfWeek: ['MON', 'mon'] },
      PARSE_OPTIONS,
    );
    expect(result.error?.issues.map((i) => i.path)).toEqual([['start'], ['daysOfWeek', 1]]);
  });
});

describe('TimeZoneSchema', () => {
  it('accepts IANA zones and normalises their case', () => {
    expect(TimeZoneSchema.parse('Asia/Jakarta')).toBe('Asia/Jakarta');
    expect(TimeZoneSchema.parse('europe/berlin')).toBe('Europe/Berlin');
    expect(TimeZoneSchema.parse('UTC')).toBe('UTC');
  });

  it('keeps aliases as written', () => {
    expect(TimeZoneSchema.parse('US/Pacific')).toBe('US/Pacific');
  });

  it('suggests the zone a typo was meant to be', () => {
    expect(messages(TimeZoneSchema.safeParse('America/New_Yrok'))).toEqual([
      '"America/New_Yrok" is not a known time zone: did you mean "America/New_York"?',
    ]);
  });

  it.each(['', '   ', '+01:00', 'GMT+1:00', 'Not/AZone'])('refuses %j', (input) => {
    expect(TimeZoneSchema.safeParse(input).success).toBe(false);
  });
});
