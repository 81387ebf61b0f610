import { describe, expect, it } from 'vitest';
import { formatGoDuration, formatHumanDuration, parseDuration } from './duration';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * S],
    ['5m', 5 * MIN],
    ['30m', 30 * MIN],
    ['1h', H],
    ['1h30m', 90 * MIN],
    ['10m0s', 10 * MIN],
    ['90s', 90 * S],
    ['1.5h', 90 * MIN],
    ['2h0m5s', 2 * H + 5 * S],
    ['250ms', 250],
    ['1.5s', 1500],
    ['0s', 0],
    ['72h', 3 * D],
    ['1m1m', 2 * MIN],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    '',
    '30',
    'm',
    '1d',
    '-5m',
    '+5m',
    '1 h',
    '30 m',
    ' 45m ',
    'PT30M',
    'abc',
    '.5h',
    '5µs',
  ])('refuses %j with INVALID_DURATION and says how to write one', (text) => {
    expect(parseDuration(text)).toEqual({
      ok: false,
      code: 'INVALID_DURATION',
      message: `"${text}" is not a duration: write it like "30m", "1h", "1h30m" or "90s"`,
    });
  });

  it('starts the message with the field when the caller names it', () => {
    const result = parseDuration('soon', 'exception "offsite" spec.leadTime');
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_DURATION',
      message:
        'exception "offsite" spec.leadTime "soon" is not a duration: write it like "30m", "1h", "1h30m" or "90s"',
    });
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1500, '1.5s'],
    [45 * S, '45s'],
    [90 * S, '1m30s'],
    [60 * S + 500, '1m0.5s'],
    [5 * MIN, '5m'],
    [H, '1h'],
    [90 * MIN, '1h30m'],
    [2 * H + 5 * S, '2h5s'],
    [2 * D + 2 * H, '50h'],
  ])('writes %d ms as %j, which reads back the same', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it('rounds to whole milliseconds and writes a negative span with a sign, as Go does', () => {
    expect(formatGoDuration(1500.4)).toBe('1.5s');
    expect(formatGoDuration(-90 * MIN)).toBe('-1h30m');
    expect(formatGoDuration(-0.2)).toBe('0s');
  });

  it('refuses a value that is no duration at all', () => {
    expect(() => formatGoDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatGoDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatHumanDuration', () => {
  it.each([
    [0, '0 s'],
    [40, '0 s'],
    [250, '0.3 s'],
    [900, '0.9 s'],
    [1500, '1.5 s'],
    [5 * S, '5 s'],
    [9_940, '9.9 s'],
    [9_960, '10 s'],
    [12_400, '12 s'],
    [48 * S, '48 s'],
    [59_600, '1 min'],
    [2 * MIN, '2 min'],
    [123 * S, '2 min 3 s'],
    [H - 400, '1 h'],
    [64 * MIN, '1 h 4 min'],
    [90 * MIN, '1 h 30 min'],
    [2 * H + 40 * S, '2 h 1 min'],
    [3 * H, '3 h'],
    [62 * H, '62 h'],
    [74 * H, '74 h'],
    [99 * H + 59 * MIN, '99 h 59 min'],
    [99 * H + 59 * MIN + 40 * S, '4 d 4 h'],
    [100 * H, '4 d 4 h'],
    [8 * D, '8 d'],
    [8 * D + 40 * MIN, '8 d 1 h'],
  ])('says %d ms as "%s"', (ms, text) => {
    expect(formatHumanDuration(ms)).toBe(text);
  });

  it.each([
    [0, '0 min'],
    [29 * S, '0 min'],
    [31 * S, '1 min'],
    [45 * MIN, '45 min'],
    [45 * MIN + 20 * S, '45 min'],
    [59 * MIN + 40 * S, '1 h'],
    [3 * H, '3 h'],
    [90 * MIN, '1 h 30 min'],
    [(6 * 60 + 55) * MIN, '6 h 55 min'],
    [62 * H, '62 h'],
    [99 * H + 59 * MIN, '99 h 59 min'],
    [100 * H, '4 d 4 h'],
    [8 * D, '8 d'],
  ])('to the minute, says %d ms as "%s"', (ms, text) => {
    expect(formatHumanDuration(ms, { precision: 'minute' })).toBe(text);
  });

  it('says a negative span as its size', () => {
    expect(formatHumanDuration(-3 * H)).toBe('3 h');
    expect(formatHumanDuration(-1500)).toBe('1.5 s');
    expect(formatHumanDuration(-5)).toBe('0 s');
    expect(formatHumanDuration(-3 * H, { precision: 'minute' })).toBe('3 h');
  });

  it('says "—" for a value that is no duration', () => {
    expect(formatHumanDuration(Number.NaN)).toBe('—');
    expect(formatHumanDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
