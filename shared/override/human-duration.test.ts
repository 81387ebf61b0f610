import { describe, expect, it } from 'vitest';
import { formatOverrideDuration } from './human-duration';

const MIN = 60_000;
const H = 60 * MIN;

describe('formatOverrideDuration', () => {
  it.each([
    [0, '0 min'],
    [29_000, '0 min'],
    [45 * MIN, '45 min'],
    [59 * MIN + 40_000, '1 h'],
    [3 * H, '3 h'],
    [90 * MIN, '1 h 30 min'],
    [62 * H, '62 h'],
    [99 * H + 59 * MIN, '99 h 59 min'],
    [100 * H, '4 d 4 h'],
    [8 * 24 * H, '8 d'],
    [-3 * H, '3 h'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatOverrideDuration(ms)).toBe(text);
  });
});
