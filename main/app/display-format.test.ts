import { describe, expect, it } from 'vitest';
import { formatClock, joinNames, PHASE_WORDS } from './display-format';

const utc = { timeZone: 'UTC' };

describe('formatClock', () => {
  const now = new Date('2026-11-27T18:00:00Z'); // a Friday

  it('shows only the time for an instant within a day', () => {
    expect(formatClock('2026-11-28T07:30:00Z', now, utc)).toBe('07:30');
    expect(formatClock('2026-11-27T19:00:00Z', now, utc)).toBe('19:00');
  });

  it('adds the weekday when the instant is more than a day away, so Monday is not read as tomorrow', () => {
    expect(formatClock('2026-11-30T07:30:00Z', now, utc)).toBe('Mon 07:30');
  });

  it('uses the given time zone (the local one in the app)', () => {
    expect(formatClock('2026-11-28T07:30:00Z', now, { timeZone: 'Europe/Berlin' })).toBe('08:30');
  });

  it('passes through text that is not an instant', () => {
    expect(formatClock('soon', now, utc)).toBe('soon');
  });
});

describe('joinNames', () => {
  it('joins names the way a sentence does', () => {
    expect(joinNames(['a'])).toBe('a');
    expect(joinNames(['a', 'b'])).toBe('a and b');
    expect(joinNames(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

it('uses the phase words of ui.md', () => {
  expect(PHASE_WORDS).toEqual({
    Active: 'Awake',
    Hibernating: 'Going to sleep…',
    Hibernated: 'Asleep',
    WakingUp: 'Waking up…',
    Suspended: 'Paused',
    Error: 'Needs attention',
  });
});
