import { describe, expect, it } from 'vitest';
import { EVERY_DAY, WEEKDAYS, exceptionOf, planOf, win } from '../schedule/test-fixtures';
import {
  hibernateUntil,
  keepAwakeFor,
  keepAwakeUntilTomorrow,
  skipNextHibernation,
  wakeUntil,
} from '../schedule/shortcuts';
import type { ScheduleExceptionLike } from '../schedule/types';
import { legacyHoldKind, migrateHolds } from './migrate-holds';

// Friday 2026-03-06; weeknights 19:00 → 07:00 (Fri 19:00 → Mon 07:00).
const plan = planOf('UTC', [win('19:00', '07:00', WEEKDAYS)]);
const at = (iso: string) => new Date(iso);

// The sequence: hibernate now at 14:49, then wake now at 14:50.
const hibernateHold = hibernateUntil(plan, [], at('2026-03-06T14:49:00Z'));
const wakeHold = wakeUntil(plan, [hibernateHold], at('2026-03-06T14:50:00Z'));
const keepHold = keepAwakeFor(plan, [], at('2026-03-06T14:00:00Z'), 3);
const skipHold = skipNextHibernation(plan, [], at('2026-03-06T10:00:00Z'));
const tomorrowHold = keepAwakeUntilTomorrow(plan, [], at('2026-03-06T14:00:00Z'));
const userException = exceptionOf({
  type: 'suspend',
  validFrom: '2026-03-01T00:00:00Z',
  validUntil: '2026-03-10T00:00:00Z',
  windows: [win('00:00', '24:00', EVERY_DAY)],
  name: 'offsite',
});
const rename = (e: ScheduleExceptionLike, name: string): ScheduleExceptionLike => ({
  ...e,
  metadata: { ...e.metadata, name },
});

describe('legacyHoldKind', () => {
  it.each([
    ['hibernate now', hibernateHold, 'hibernate'],
    ['wake now', wakeHold, 'wake'],
    ['keep awake for', keepHold, 'keep-awake'],
    ['skip next', skipHold, 'skip'],
    ['until tomorrow', tomorrowHold, 'awake-until-tomorrow'],
    ['a hand-written exception', userException, undefined],
    [
      'a hold of another plan',
      { ...keepHold, spec: { ...keepHold.spec, planRef: { name: 'other' } } },
      undefined,
    ],
    [
      'a hold-like name with working-hours windows',
      { ...keepHold, spec: { ...keepHold.spec, windows: [win('09:00', '17:00', EVERY_DAY)] } },
      undefined,
    ],
    [
      'a hibernate-named suspend',
      { ...hibernateHold, spec: { ...hibernateHold.spec, type: 'suspend' as const } },
      undefined,
    ],
    [
      'a hold with a lead time',
      { ...keepHold, spec: { ...keepHold.spec, leadTime: '30m' } },
      undefined,
    ],
  ])('%s → %s', (_, exception, kind) => {
    expect(legacyHoldKind(exception, 'dev-env')).toBe(kind);
  });
});

describe('migrateHolds', () => {
  const cases: Array<{
    name: string;
    exceptions: ScheduleExceptionLike[];
    now: string;
    override: { phase: string; until: string } | null;
    replaced: string | null;
    otherHolds: string[];
  }> = [
    {
      name: 'no exceptions: nothing to do',
      exceptions: [],
      now: '2026-03-06T15:00:00Z',
      override: null,
      replaced: null,
      otherHolds: [],
    },
    {
      name: 'hand-written exceptions are left alone',
      exceptions: [userException],
      now: '2026-03-06T15:00:00Z',
      override: null,
      replaced: null,
      otherHolds: [],
    },
    {
      name: 'the hold in effect becomes the override',
      exceptions: [userException, keepHold],
      now: '2026-03-06T15:00:00Z',
      override: { phase: 'wakeup', until: '2026-03-06T17:00:00Z' },
      replaced: keepHold.metadata.name,
      otherHolds: [],
    },
    {
      name: 'two opposite holds in effect (the issue): the latest wins, the other stays',
      exceptions: [hibernateHold, wakeHold],
      now: '2026-03-06T15:00:00Z',
      override: { phase: 'wakeup', until: wakeHold.spec.validUntil },
      replaced: wakeHold.metadata.name,
      otherHolds: [hibernateHold.metadata.name],
    },
    {
      name: 'a hibernate hold becomes a hibernate override',
      exceptions: [hibernateHold],
      now: '2026-03-06T15:00:00Z',
      override: { phase: 'hibernate', until: '2026-03-09T07:00:00Z' },
      replaced: hibernateHold.metadata.name,
      otherHolds: [],
    },
    {
      name: 'expired and future holds stay ordinary exceptions',
      exceptions: [keepHold, skipHold],
      now: '2026-03-06T18:00:00Z',
      override: null,
      replaced: null,
      otherHolds: [keepHold.metadata.name, skipHold.metadata.name],
    },
    {
      name: 'the same start: the higher collision suffix was created later',
      exceptions: [rename(keepHold, 'dev-env-keep-awake-20260306-1400-2'), keepHold],
      now: '2026-03-06T15:00:00Z',
      override: { phase: 'wakeup', until: '2026-03-06T17:00:00Z' },
      replaced: 'dev-env-keep-awake-20260306-1400-2',
      otherHolds: [keepHold.metadata.name],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = migrateHolds('dev-env', c.exceptions, at(c.now));
      expect(got.override && { phase: got.override.phase, until: got.override.until }).toEqual(
        c.override,
      );
      expect(got.replaced).toBe(c.replaced);
      expect(got.otherHolds).toEqual(c.otherHolds);
      expect(got.keep.map((e) => e.metadata.name)).toEqual(
        c.exceptions.map((e) => e.metadata.name).filter((n) => n !== c.replaced),
      );
      expect(got.message === null).toBe(c.replaced === null && c.otherHolds.length === 0);
    });
  }

  it('records where the override came from and how long it was, for "keep it"', () => {
    const got = migrateHolds('dev-env', [keepHold], at('2026-03-06T15:00:00Z'));
    expect(got.override).toEqual({
      phase: 'wakeup',
      until: '2026-03-06T17:00:00Z',
      setAt: '2026-03-06T14:00:00Z',
      by: 'migration',
      durationMs: 3 * 3_600_000,
      previous: null,
    });
    expect(got.message).toBe(
      `The manual hold "${keepHold.metadata.name}" is now this plan's manual override (awake until 2026-03-06T17:00:00Z).`,
    );
  });
});
