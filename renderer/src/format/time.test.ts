import { describe, expect, it } from 'vitest';
import { durationBetween, formatAgo, formatRelative } from './time';

describe('time formatting', () => {
  it.each([
    ['2026-11-26T11:05:30Z', 'in less than a minute'],
    ['2026-11-26T11:08:00Z', 'in 3 min'],
    ['2026-11-26T18:00:00Z', 'in 6 h 55 min'],
    ['2026-11-26T13:05:00Z', 'in 2 h'],
    ['2026-11-28T15:15:00Z', 'in 52 h 10 min'],
    ['2026-12-01T11:05:00Z', 'in 5 d'],
  ])('says %s as "%s" from 11:05, to the minute', (iso, text) => {
    expect(formatRelative(new Date(iso), new Date('2026-11-26T11:05:00Z'))).toBe(text);
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

  it('measures between two instants and gives null while one is missing', () => {
    expect(durationBetween('2026-11-26T11:00:00Z', '2026-11-26T11:00:02.5Z')).toBe(2500);
    expect(durationBetween('2026-11-26T11:00:00Z', null)).toBeNull();
  });

  it('gives null rather than a negative duration when the second instant comes first', () => {
    expect(durationBetween('2026-11-26T11:00:02Z', '2026-11-26T11:00:00Z')).toBeNull();
  });
});
