import { describe, expect, it } from 'vitest';
import { allTimeZones, searchTimeZones, wallClockIn } from './zones';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Europe/Brussels', 'Asia/Kolkata'];

describe('time-zone search', () => {
  it('lists UTC first among every zone the runtime knows', () => {
    const zones = allTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
  });

  it('finds a city typed with spaces and in any case', () => {
    expect(searchTimeZones(ZONES, 'new york')).toEqual(['America/New_York']);
    expect(searchTimeZones(ZONES, 'BERLIN')).toEqual(['Europe/Berlin']);
  });

  it('puts zones whose city starts with the text before other matches', () => {
    expect(searchTimeZones(ZONES, 'k')).toEqual(['Asia/Kolkata', 'America/New_York']);
  });

  it('returns the first zones for an empty search, at most the limit', () => {
    expect(searchTimeZones(ZONES, '  ', 2)).toEqual(['UTC', 'America/New_York']);
  });
});

describe('wallClockIn', () => {
  it('shows the weekday, time and offset in the zone', () => {
    const at = new Date('2026-11-26T12:00:00Z');
    expect(wallClockIn('Asia/Kolkata', at)).toBe('Thu 17:30 GMT+5:30');
    expect(wallClockIn('UTC', at)).toMatch(/^Thu 12:00 GMT/);
  });

  it('is null for a zone that does not exist', () => {
    expect(wallClockIn('Mars/Olympus', new Date())).toBeNull();
  });
});
