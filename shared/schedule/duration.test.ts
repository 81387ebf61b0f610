import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';
import { ScheduleError } from './errors';

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['2h0m5s', 7_205_000],
    ['250ms', 250],
    [' 45m ', 2_700_000],
    ['0s', 0],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'm', '1d', '-5m', '1 h', 'PT30M', 'abc'])(
    'rejects %j with INVALID_DURATION and names the field',
    (text) => {
      expect(() => parseDuration(text, 'spec.leadTime')).toThrowError(ScheduleError);
      try {
        parseDuration(text, 'spec.leadTime');
      } catch (e) {
        expect((e as ScheduleError).code).toBe('INVALID_DURATION');
        expect((e as ScheduleError).message).toContain('spec.leadTime');
      }
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [5_400_000, '1h30m'],
    [3_600_000, '1h'],
    [90_000, '1m30s'],
    [0, '0s'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
