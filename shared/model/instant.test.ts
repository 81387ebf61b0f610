import { describe, expect, it } from 'vitest';
import { InstantSchema, parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2026-12-24T18:00:00Z', Date.UTC(2026, 11, 24, 18)],
    ['2026-12-24T19:00:00+01:00', Date.UTC(2026, 11, 24, 18)],
    ['2026-12-24T13:00:00-05:00', Date.UTC(2026, 11, 24, 18)],
    ['2026-12-24T18:00:00.250Z', Date.UTC(2026, 11, 24, 18, 0, 0, 250)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '2026-12-24T18:00:00',
    '2026-12-24',
    '2026-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-12-24T24:00:00Z',
    'tomorrow',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('keeps the text as written and accepts a Date from code', () => {
    expect(InstantSchema.parse('2026-12-24T19:00:00+01:00')).toBe('2026-12-24T19:00:00+01:00');
    expect(InstantSchema.parse(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01T00:00:00.000Z');
  });
});
