import { describe, expect, it } from 'vitest';
import type { Operation, Phase } from '../../../shared/model/status';
import { backoffDelayMs } from './backoff';
import { resumeRoute } from './resume-route';

/** The resume table of semantics.md section 3, row by row. */
const table: Array<[Phase, Operation | null, boolean, string]> = [
  ['Active', null, false, 'Active'],
  ['Active', null, true, 'Hibernating:start'],
  ['Hibernating', 'shutdown', false, 'WakingUp:wake-shutdown'],
  ['Hibernating', 'shutdown', true, 'Hibernating:continue'],
  ['Hibernated', 'shutdown', false, 'WakingUp:forced'],
  ['Hibernated', 'shutdown', true, 'Hibernated'],
  ['WakingUp', 'wakeup', false, 'WakingUp:continue'],
  ['WakingUp', 'wakeup', true, 'Hibernating:resleep'],
  ['Error', 'shutdown', false, 'WakingUp:wake-shutdown'],
  ['Error', 'shutdown', true, 'Hibernating:retry'],
  ['Error', 'wakeup', false, 'WakingUp:retry'],
  ['Error', 'wakeup', true, 'Hibernating:resleep'],
];

describe('resumeRoute', () => {
  for (const [phase, last, hibernate, expected] of table) {
    it(`suspended at ${phase}${last ? ` after ${last}` : ''}, schedule says ${hibernate ? 'hibernate' : 'awake'} → ${expected}`, () => {
      const route = resumeRoute(phase, last, hibernate);
      expect('mode' in route ? `${route.phase}:${route.mode}` : route.phase).toBe(expected);
    });
  }
});

describe('backoffDelayMs', () => {
  it('retries immediately, then after 2, 4, 8, 16 minutes, capped at 30', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((i) => backoffDelayMs(i) / 60_000)).toEqual([
      0, 2, 4, 8, 16, 30, 30,
    ]);
  });
});
