import { describe } from 'vitest';
import { runCases, win } from './test-fixtures';

/**
 * DST rules of semantics.md section 2. Berlin springs forward 2026-03-29 01:00Z and falls back
 * 2026-10-25 01:00Z; New York springs forward 2026-03-08 07:00Z and falls back 2026-11-01 06:00Z.
 */

describe('DST: a time in a gap happens at the first instant after it, a repeated time at its first occurrence', () => {
  runCases([
    {
      name: 'Berlin spring-forward: 01:00–04:00 lasts two real hours',
      tz: 'Europe/Berlin',
      windows: [win('01:00', '04:00', ['SUN'])],
      expect: [
        ['2026-03-28T23:59:59Z', false],
        ['2026-03-29T00:00:00Z', true],
        ['2026-03-29T01:59:59Z', true],
        ['2026-03-29T02:00:00Z', false],
      ],
    },
    {
      name: 'Berlin spring-forward: an end at 02:30 (in the gap) happens at 03:00 CEST',
      tz: 'Europe/Berlin',
      windows: [win('00:00', '02:30', ['SUN'])],
      expect: [
        ['2026-03-29T00:59:59Z', true],
        ['2026-03-29T01:00:00Z', false],
      ],
    },
    {
      name: 'Berlin spring-forward: a window wholly inside the gap does not hibernate that night',
      tz: 'Europe/Berlin',
      windows: [win('02:10', '02:40', ['SUN'])],
      expect: [
        ['2026-03-29T01:00:00Z', false],
        ['2026-03-22T01:20:00Z', true],
      ],
      next: {
        from: '2026-03-28T12:00:00Z',
        n: 2,
        expect: [
          ['2026-04-05T00:10:00Z', 'hibernate'],
          ['2026-04-05T00:40:00Z', 'wakeup'],
        ],
      },
    },
    {
      name: 'Berlin fall-back: 01:00–03:00 lasts three real hours',
      tz: 'Europe/Berlin',
      windows: [win('01:00', '03:00', ['SUN'])],
      expect: [
        ['2026-10-24T23:00:00Z', true],
        ['2026-10-25T01:30:00Z', true],
        ['2026-10-25T01:59:59Z', true],
        ['2026-10-25T02:00:00Z', false],
      ],
    },
    {
      name: 'Berlin fall-back: an end at 02:30 happens at the first 02:30, not again at the second',
      tz: 'Europe/Berlin',
      windows: [win('00:00', '02:30', ['SUN'])],
      expect: [
        ['2026-10-25T00:29:59Z', true],
        ['2026-10-25T00:30:00Z', false],
        ['2026-10-25T01:30:00Z', false],
      ],
    },
    {
      name: 'New York spring-forward: a 02:00 start happens at 03:00 EDT',
      tz: 'America/New_York',
      windows: [win('02:00', '04:00', ['SUN'])],
      expect: [
        ['2026-03-08T06:59:59Z', false],
        ['2026-03-08T07:00:00Z', true],
        ['2026-03-08T08:00:00Z', false],
      ],
    },
    {
      name: 'New York fall-back: 01:30–02:00 starts at the first 01:30 and lasts 90 minutes',
      tz: 'America/New_York',
      windows: [win('01:30', '02:00', ['SUN'])],
      expect: [
        ['2026-11-01T05:29:59Z', false],
        ['2026-11-01T05:30:00Z', true],
        ['2026-11-01T06:30:00Z', true],
        ['2026-11-01T07:00:00Z', false],
      ],
    },
    {
      name: 'New York fall-back: a window inside the repeated hour runs once',
      tz: 'America/New_York',
      windows: [win('01:30', '01:45', ['SUN'])],
      expect: [
        ['2026-11-01T05:30:00Z', true],
        ['2026-11-01T05:45:00Z', false],
        ['2026-11-01T06:35:00Z', false],
      ],
    },
  ]);
});
