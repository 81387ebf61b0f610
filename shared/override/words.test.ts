import { describe, expect, it } from 'vitest';
import { overrideLine, overrideState } from './words';

const clock = (iso: string): string => iso.slice(11, 16);

describe('override words', () => {
  it.each([
    [
      { phase: 'wakeup', until: '2026-11-27T17:49:00Z', by: 'user' },
      'awake until 17:49 by you · back on schedule after',
    ],
    [
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z', by: null },
      'asleep until 05:00 · back on schedule after',
    ],
    [
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z', by: 'import' },
      'asleep until 05:00 from YAML · back on schedule after',
    ],
    [{ phase: 'wakeup', until: null, by: 'import' }, 'awake until removed from YAML'],
  ] as const)('says %j as %s', (override, text) => {
    expect(overrideLine(override, clock)).toBe(text);
  });

  it('states the override without who set it for the tray label', () => {
    expect(overrideState({ phase: 'wakeup', until: '2026-11-27T17:49:00Z' }, clock)).toBe(
      'awake until 17:49',
    );
  });
});
