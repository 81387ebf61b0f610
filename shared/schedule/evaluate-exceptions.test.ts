import { describe } from 'vitest';
import { EVERY_DAY, type ExceptionInput, Q1, WEEKNIGHTS, runCases, win } from './test-fixtures';

/** Exception rules of semantics.md section 2, one table per rule. 2026-01-28 is a Wednesday. */

describe('exceptions: extend and suspend windows are intervals, replace windows are events', () => {
  runCases([
    {
      name: 'extend 22:00–02:00 SAT runs into Sunday although SUN is not listed',
      windows: [win('10:00', '11:00', ['MON'])],
      exceptions: [{ type: 'extend', ...Q1, windows: [win('22:00', '02:00', ['SAT'])] }],
      expect: [
        ['2026-01-31T21:59:59Z', false],
        ['2026-01-31T22:00:00Z', true],
        ['2026-02-01T01:59:59Z', true],
        ['2026-02-01T02:00:00Z', false],
      ],
    },
    {
      name: 'replace 22:00–02:00 SAT reads like a base window: no SUN end event, so it sleeps until next Saturday 02:00',
      windows: [win('10:00', '11:00', ['MON'])],
      exceptions: [{ type: 'replace', ...Q1, windows: [win('22:00', '02:00', ['SAT'])] }],
      expect: [
        ['2026-01-31T22:00:00Z', true],
        ['2026-02-01T02:00:00Z', true],
        ['2026-02-07T01:59:59Z', true],
        ['2026-02-07T02:00:00Z', false],
      ],
    },
    {
      name: 'suspend 23:00–01:00 FRI keeps the plan awake past midnight into Saturday',
      windows: [win('20:00', '06:00', EVERY_DAY)],
      exceptions: [{ type: 'suspend', ...Q1, windows: [win('23:00', '01:00', ['FRI'])] }],
      expect: [
        ['2026-01-30T22:59:59Z', true],
        ['2026-01-30T23:00:00Z', false],
        ['2026-01-31T00:30:00Z', false],
        ['2026-01-31T01:00:00Z', true],
      ],
    },
  ]);
});

describe('exceptions: replace → extend → suspend, suspend always wins', () => {
  const layered: ExceptionInput[] = [
    { type: 'replace', ...Q1, windows: [win('10:00', '14:00', ['WED'])] },
    { type: 'extend', ...Q1, windows: [win('13:00', '16:00', ['WED'])] },
    { type: 'suspend', ...Q1, windows: [win('12:00', '15:00', ['WED'])] },
  ];
  runCases([
    {
      name: 'replace hibernates, suspend beats replace and extend, extend adds after the suspension',
      windows: [WEEKNIGHTS],
      exceptions: layered,
      expect: [
        ['2026-01-28T11:00:00Z', true],
        ['2026-01-28T12:30:00Z', false],
        ['2026-01-28T14:30:00Z', false],
        ['2026-01-28T15:30:00Z', true],
        ['2026-01-28T16:00:00Z', false],
        ['2026-01-28T21:00:00Z', false],
      ],
    },
    {
      name: 'the order of the exceptions in the list does not matter',
      windows: [WEEKNIGHTS],
      exceptions: [...layered].reverse(),
      expect: [
        ['2026-01-28T12:30:00Z', false],
        ['2026-01-28T15:30:00Z', true],
      ],
    },
  ]);
});

describe('exceptions: several of one type merge', () => {
  runCases([
    {
      name: 'two overlapping suspends keep the plan awake over their union',
      windows: [win('20:00', '06:00', EVERY_DAY)],
      exceptions: [
        { type: 'suspend', ...Q1, windows: [win('20:00', '23:00', ['WED'])] },
        { type: 'suspend', ...Q1, windows: [win('22:00', '01:00', ['WED'])] },
      ],
      expect: [
        ['2026-01-28T20:00:00Z', false],
        ['2026-01-29T00:59:59Z', false],
        ['2026-01-29T01:00:00Z', true],
      ],
    },
    {
      name: 'two replaces valid together contribute all their windows',
      windows: [WEEKNIGHTS],
      exceptions: [
        { type: 'replace', ...Q1, windows: [win('10:00', '12:00', ['WED'])] },
        { type: 'replace', ...Q1, windows: [win('14:00', '16:00', ['WED'])] },
      ],
      expect: [
        ['2026-01-28T11:00:00Z', true],
        ['2026-01-28T13:00:00Z', false],
        ['2026-01-28T15:00:00Z', true],
        ['2026-01-28T21:00:00Z', false],
      ],
    },
    {
      name: 'replaces with consecutive validity each apply only while valid',
      windows: [WEEKNIGHTS],
      exceptions: [
        {
          type: 'replace',
          validFrom: '2026-01-01T00:00:00Z',
          validUntil: '2026-01-29T00:00:00Z',
          windows: [win('10:00', '12:00', ['WED'])],
        },
        {
          type: 'replace',
          validFrom: '2026-01-29T00:00:00Z',
          validUntil: '2026-03-01T00:00:00Z',
          windows: [win('14:00', '16:00', ['WED'])],
        },
      ],
      expect: [
        ['2026-01-28T11:00:00Z', true],
        ['2026-01-28T15:00:00Z', false],
        ['2026-02-04T11:00:00Z', false],
        ['2026-02-04T15:00:00Z', true],
      ],
    },
    {
      name: 'two touching extends make one hibernation with no wake-up between them',
      windows: [WEEKNIGHTS],
      exceptions: [
        { type: 'extend', ...Q1, windows: [win('12:00', '14:00', ['WED'])] },
        { type: 'extend', ...Q1, windows: [win('14:00', '20:00', ['WED'])] },
      ],
      expect: [['2026-01-28T14:00:00Z', true]],
      next: {
        from: '2026-01-28T11:00:00Z',
        n: 2,
        expect: [
          ['2026-01-28T12:00:00Z', 'hibernate'],
          ['2026-01-29T06:00:00Z', 'wakeup'],
        ],
      },
    },
  ]);
});

describe('exceptions: validity is [validFrom, validUntil) and other plans are ignored', () => {
  runCases([
    {
      name: 'an extend applies from validFrom inclusive to validUntil exclusive',
      windows: [WEEKNIGHTS],
      exceptions: [
        {
          type: 'extend',
          validFrom: '2026-01-28T12:00:00Z',
          validUntil: '2026-01-28T13:00:00Z',
          windows: [win('00:00', '24:00', EVERY_DAY)],
        },
      ],
      expect: [
        ['2026-01-28T11:59:59Z', false],
        ['2026-01-28T12:00:00Z', true],
        ['2026-01-28T12:59:59Z', true],
        ['2026-01-28T13:00:00Z', false],
      ],
    },
    {
      name: 'a suspend applies from validFrom inclusive to validUntil exclusive',
      windows: [WEEKNIGHTS],
      exceptions: [
        {
          type: 'suspend',
          validFrom: '2026-01-28T22:00:00Z',
          validUntil: '2026-01-29T02:00:00Z',
          windows: [win('00:00', '24:00', EVERY_DAY)],
        },
      ],
      expect: [
        ['2026-01-28T21:59:59Z', true],
        ['2026-01-28T22:00:00Z', false],
        ['2026-01-29T01:59:59Z', false],
        ['2026-01-29T02:00:00Z', true],
      ],
    },
    {
      name: 'an exception for another plan changes nothing',
      windows: [WEEKNIGHTS],
      exceptions: [
        { type: 'suspend', ...Q1, plan: 'other-plan', windows: [win('00:00', '24:00', EVERY_DAY)] },
      ],
      expect: [['2026-01-28T23:00:00Z', true]],
    },
  ]);
});

describe('lead time before a suspension', () => {
  const suspend = (
    leadTime: string,
    windows = [win('22:00', '23:00', ['WED'])],
  ): ExceptionInput => ({ type: 'suspend', ...Q1, leadTime, windows });
  runCases([
    {
      name: 'wakes a plan early when it would still be asleep when the suspension starts',
      windows: [win('20:00', '06:00', EVERY_DAY)],
      exceptions: [suspend('1h')],
      expect: [
        ['2026-01-28T20:59:59Z', true],
        ['2026-01-28T21:00:00Z', false],
        ['2026-01-28T22:00:00Z', false],
        ['2026-01-28T23:00:00Z', true],
      ],
      next: {
        from: '2026-01-28T20:30:00Z',
        n: 3,
        expect: [
          ['2026-01-28T21:00:00Z', 'wakeup'],
          ['2026-01-28T23:00:00Z', 'hibernate'],
          ['2026-01-29T06:00:00Z', 'wakeup'],
        ],
      },
    },
    {
      name: 'leaves alone a hibernation the schedule ends before the suspension begins',
      windows: [win('20:00', '21:30', EVERY_DAY)],
      exceptions: [suspend('1h')],
      expect: [
        ['2026-01-28T21:00:00Z', true],
        ['2026-01-28T21:29:59Z', true],
        ['2026-01-28T21:30:00Z', false],
        ['2026-01-28T22:30:00Z', false],
      ],
    },
    {
      name: 'does not start a hibernation that would run into the suspension',
      windows: [win('21:30', '06:00', EVERY_DAY)],
      exceptions: [suspend('1h')],
      expect: [
        ['2026-01-28T21:30:00Z', false],
        ['2026-01-28T21:59:59Z', false],
        ['2026-01-28T23:00:00Z', true],
      ],
    },
    {
      name: 'counts from the effective start of the suspension, even before validFrom',
      windows: [win('20:00', '06:00', EVERY_DAY)],
      exceptions: [
        {
          type: 'suspend',
          validFrom: '2026-01-28T22:00:00Z',
          validUntil: '2026-01-28T23:00:00Z',
          leadTime: '30m',
          windows: [win('00:00', '24:00', EVERY_DAY)],
        },
      ],
      expect: [
        ['2026-01-28T21:29:59Z', true],
        ['2026-01-28T21:30:00Z', false],
      ],
    },
    {
      name: 'uses the longest lead time when two suspensions start together',
      windows: [win('20:00', '06:00', EVERY_DAY)],
      exceptions: [suspend('30m'), suspend('1h')],
      expect: [
        ['2026-01-28T20:59:59Z', true],
        ['2026-01-28T21:00:00Z', false],
      ],
    },
    {
      name: 'a lead time longer than the hibernation before the suspension removes it entirely',
      windows: [win('21:00', '06:00', EVERY_DAY)],
      exceptions: [suspend('2h')],
      expect: [
        ['2026-01-28T21:00:00Z', false],
        ['2026-01-28T23:00:00Z', true],
      ],
      next: {
        from: '2026-01-28T20:00:00Z',
        n: 2,
        expect: [
          ['2026-01-28T23:00:00Z', 'hibernate'],
          ['2026-01-29T06:00:00Z', 'wakeup'],
        ],
      },
    },
  ]);
});
