import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  it('retries immediately, then after 2, 4, 8, 16 minutes, capped at 30', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((i) => backoffDelayMs(i) / 60_000)).toEqual([
      0, 2, 4, 8, 16, 30, 30,
    ]);
  });
});
