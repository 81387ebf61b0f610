import { describe, expect, it } from 'vitest';
import { OverrideRecordSchema } from './status';

describe('OverrideRecordSchema', () => {
  it('loads an override stored by an earlier version ("user", no account)', () => {
    const old = {
      phase: 'wakeup',
      until: '2026-11-27T17:49:00Z',
      setAt: '2026-11-27T14:49:00Z',
      by: 'user',
      durationMs: 10_800_000,
      previous: null,
    };
    expect(OverrideRecordSchema.parse(old)).toEqual(old);
  });

  it('keeps the origin and the account of a new one', () => {
    const record = { phase: 'hibernate', until: null, by: 'tray', byUser: 'ana@laptop' };
    expect(OverrideRecordSchema.parse(record)).toEqual(record);
  });

  it('loads an origin it does not know (a newer version) as unknown instead of losing the status', () => {
    expect(OverrideRecordSchema.parse({ phase: 'wakeup', until: null, by: 'watch' })).toEqual({
      phase: 'wakeup',
      until: null,
    });
  });
});
