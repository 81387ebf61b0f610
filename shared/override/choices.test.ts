import { describe, expect, it } from 'vitest';
import { EVERY_DAY, WEEKDAYS, planOf, win } from '../schedule/test-fixtures';
import { choicesFor } from './choices';

// Friday 2026-03-06; the plan sleeps weeknights 19:00 → 05:00, so Fri 19:00 → Mon 05:00.
const plan = planOf('UTC', [win('19:00', '05:00', WEEKDAYS)]);
const summary = (now: string, p = plan) =>
  choicesFor({ now: new Date(now), plan: p, exceptions: [], current: null }).map((c) => [
    c.id,
    c.until,
    c.outcome,
    c.duration,
    c.consequence.text,
    c.needsConfirmation,
  ]);

describe('choicesFor', () => {
  it('Friday afternoon: 1 h · 3 h · until 19:00 · until Sat 14:49 · until Mon 05:00', () => {
    expect(summary('2026-03-06T14:49:00Z')).toEqual([
      ['hours-1', '2026-03-06T15:49:00Z', 'clear', '1 h', 'same as the schedule', false],
      ['hours-3', '2026-03-06T17:49:00Z', 'clear', '3 h', 'same as the schedule', false],
      ['next-change', '2026-03-06T19:00:00Z', 'clear', '4 h 11 min', 'same as the schedule', false],
      ['tomorrow', '2026-03-07T14:49:00Z', 'set', '24 h', 'costs 19 h 49 min awake', true],
      ['skip', '2026-03-09T05:00:00Z', 'set', '62 h 11 min', 'costs 58 h awake', true],
    ]);
  });

  it('at 17:30 before the 19:00 sleep, 3 h is a real override that costs 1 h 30 min', () => {
    const rows = summary('2026-03-06T17:30:00Z');
    expect(rows.find((r) => r[0] === 'hours-3')).toEqual([
      'hours-3',
      '2026-03-06T20:30:00Z',
      'set',
      '3 h',
      'costs 1 h 30 min awake',
      false,
    ]);
  });

  it('at night, until the wake is skipping the current sleep; duplicates are shown once', () => {
    expect(summary('2026-03-03T23:00:00Z').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['hours-1', '2026-03-04T00:00:00Z', 'set'],
      ['hours-3', '2026-03-04T02:00:00Z', 'set'],
      ['skip', '2026-03-04T05:00:00Z', 'set'],
    ]);
  });

  it('carries what to send for each choice', () => {
    const choices = choicesFor({
      now: new Date('2026-03-06T14:49:00Z'),
      plan,
      exceptions: [],
      current: null,
    });
    expect(choices.map((c) => c.request)).toEqual([
      { action: 'keepAwake', hours: 1 },
      { action: 'keepAwake', hours: 3 },
      { action: 'wakeNow', until: '2026-03-06T19:00:00Z' },
      { action: 'keepAwakeUntilTomorrow' },
      { action: 'skipNextHibernation' },
    ]);
    expect(choices[4]?.hours).toBeCloseTo(62 + 11 / 60, 6);
  });

  it('adds the wake-now setting when it is not 1 or 3 h', () => {
    const ids = choicesFor({
      now: new Date('2026-03-03T23:00:00Z'),
      plan,
      exceptions: [],
      current: null,
      settings: { wakeNowHours: 2 },
    }).map((c) => c.id);
    expect(ids).toEqual(['hours-1', 'hours-2', 'hours-3', 'skip']);
  });

  it('a plan asleep all the time still gets choices', () => {
    const always = planOf('UTC', [win('00:00', '24:00', EVERY_DAY)]);
    expect(summary('2026-03-06T14:49:00Z', always).map((r) => [r[0], r[1]])).toEqual([
      ['hours-1', '2026-03-06T15:49:00Z'],
      ['hours-3', '2026-03-06T17:49:00Z'],
    ]);
  });
});
