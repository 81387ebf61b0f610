import { describe, expect, it } from 'vitest';
import { durationBetween, formatAgo, formatDuration, formatRelative, formatSpan } from './time';

describe('time formatting', () => {
  it.each([
    [30_000, 'less than a minute'],
    [3 * 60_000, '3 min'],
    [(6 * 60 + 55) * 60_000, '6 h 55 min'],
    [2 * 3_600_000, '2 h'],
    [(52 * 60 + 10) * 60_000, '2 d 4 h'],
  ])('says %i ms as "%s"', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it('says future instants with "in" and past ones with "ago"', () => {
    const now = new Date('2026-11-26T11:05:00Z');
    expect(formatRelative(new Date('2026-11-26T18:00:00Z'), now)).toBe('in 6 h 55 min');
    expect(formatRelative(new Date('2026-11-26T10:00:00Z'), now)).toBe('1 h 5 min ago');
    expect(formatRelative(new Date('2026-11-26T11:05:20Z'), now)).toBe('in less than a minute');
  });

  it('says past instants as "ago", and one a few seconds ahead (clock skew) as "just now"', () => {
    const now = new Date('2026-11-26T11:05:00Z');
    expect(formatAgo(new Date('2026-11-26T10:00:00Z'), now)).toBe('1 h 5 min ago');
    expect(formatAgo(new Date('2026-11-26T11:05:03Z'), now)).toBe('just now');
  });

  it.each([
    [900, '0.9 s'],
    [12_400, '12 s'],
    [123_000, '2 min 3 s'],
    [3_840_000, '1 h 4 min'],
  ])('says a duration of %i ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('measures between two instants and gives null while one is missing', () => {
    expect(durationBetween('2026-11-26T11:00:00Z', '2026-11-26T11:00:02.5Z')).toBe(2500);
    expect(durationBetween('2026-11-26T11:00:00Z', null)).toBeNull();
  });
});
