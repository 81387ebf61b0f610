import { describe, expect, it } from 'vitest';
import { overrideCostSentence, overrideLine, overrideState } from './words';

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
    [
      {
        phase: 'wakeup',
        until: '2026-11-27T17:49:00Z',
        by: 'tray',
        byUser: 'ana@laptop',
        byYou: true,
      },
      'awake until 17:49 by you · back on schedule after',
    ],
    [
      {
        phase: 'wakeup',
        until: '2026-11-27T17:49:00Z',
        by: 'cli',
        byUser: 'ci@build-box',
        byYou: false,
      },
      'awake until 17:49 by ci@build-box · back on schedule after',
    ],
    [
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z', by: 'api', byUser: null },
      'asleep until 05:00 via the API · back on schedule after',
    ],
    [
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z', by: 'window' },
      'asleep until 05:00 by you · back on schedule after',
    ],
    [
      { phase: 'hibernate', until: '2026-11-30T05:00:00Z', by: 'something-newer' },
      'asleep until 05:00 · back on schedule after',
    ],
  ] as const)('says %j as %s', (override, text) => {
    expect(overrideLine(override, clock)).toBe(text);
  });

  it('states the override without who set it for the tray label', () => {
    expect(overrideState({ phase: 'wakeup', until: '2026-11-27T17:49:00Z' }, clock)).toBe(
      'awake until 17:49',
    );
  });

  it('says what a long choice costs the same way in the window and the tray', () => {
    expect(
      overrideCostSentence({ duration: '62 h', consequence: { text: 'costs 48 h awake' } }),
    ).toBe('That is 62 h and costs 48 h awake. The plan returns to its schedule afterwards.');
  });
});
