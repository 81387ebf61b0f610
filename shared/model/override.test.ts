import { describe, expect, it } from 'vitest';
import {
  OVERRIDE_ACTION_ANNOTATION as ACTION,
  OVERRIDE_PHASE_TARGET_ANNOTATION as TARGET,
  OVERRIDE_UNTIL_ANNOTATION as UNTIL,
  type PlanOverride,
  dropOneShotAnnotations,
  isOneShotAnnotation,
  readOverride,
  writeOverrideAnnotations,
} from './override';

const path = (key: string): string => `metadata.annotations["${key}"]`;

describe('readOverride', () => {
  const cases: Array<{
    name: string;
    annotations: Record<string, string> | undefined;
    override: PlanOverride | null;
    errors?: Array<[string, RegExp]>;
    warnings?: Array<[string, RegExp]>;
  }> = [
    { name: 'no annotations: no override', annotations: undefined, override: null },
    {
      name: 'unrelated annotations: no override, no issues',
      annotations: { 'hibernator.ardikabs.com/suspend-reason': 'x' },
      override: null,
    },
    {
      name: 'hibernate with an until in UTC Z',
      annotations: { [ACTION]: 'true', [TARGET]: 'hibernate', [UNTIL]: '2026-03-09T05:00:00Z' },
      override: { phase: 'hibernate', until: '2026-03-09T05:00:00Z' },
    },
    {
      name: 'an until with an offset or fraction is read as the same instant in UTC Z',
      annotations: {
        [ACTION]: 'true',
        [TARGET]: 'wakeup',
        [UNTIL]: '2026-03-09T06:00:00.750+01:00',
      },
      override: { phase: 'wakeup', until: '2026-03-09T05:00:00Z' },
    },
    {
      name: 'no until: an override that stays until removed',
      annotations: { [ACTION]: 'true', [TARGET]: 'wakeup' },
      override: { phase: 'wakeup', until: null },
    },
    {
      name: 'action other than "true" is off, with a warning',
      annotations: { [ACTION]: 'yes', [TARGET]: 'wakeup' },
      override: null,
      warnings: [[path(ACTION), /is "yes": only "true"/]],
    },
    {
      name: 'a target without the action is ignored, with a warning',
      annotations: { [TARGET]: 'wakeup' },
      override: null,
      warnings: [[path(TARGET), /ignored without/]],
    },
    {
      name: 'an until without the action is ignored, with a warning',
      annotations: { [UNTIL]: '2026-03-09T05:00:00Z' },
      override: null,
      warnings: [[path(UNTIL), /ignored without/]],
    },
    {
      name: 'a missing target is an error naming the field',
      annotations: { [ACTION]: 'true' },
      override: null,
      errors: [[path(TARGET), /is required.*hibernate or wakeup/]],
    },
    {
      name: 'an unknown target is an error naming the field',
      annotations: { [ACTION]: 'true', [TARGET]: 'sleep' },
      override: null,
      errors: [[path(TARGET), /is "sleep": use hibernate or wakeup/]],
    },
    {
      name: 'a malformed until is an error naming the field',
      annotations: { [ACTION]: 'true', [TARGET]: 'hibernate', [UNTIL]: 'tomorrow at 6am' },
      override: null,
      errors: [[path(UNTIL), /"tomorrow at 6am" is not an RFC 3339 instant/]],
    },
    {
      name: 'an until without a zone is an error',
      annotations: { [ACTION]: 'true', [TARGET]: 'hibernate', [UNTIL]: '2026-03-09T05:00:00' },
      override: null,
      errors: [[path(UNTIL), /not an RFC 3339 instant/]],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = readOverride(c.annotations);
      expect(got.override).toEqual(c.override);
      const shape = (issues: Array<{ path: string; message: string }>) =>
        issues.map((i) => [i.path, i.message]);
      expect(shape(got.errors)).toEqual(
        (c.errors ?? []).map(([p, m]) => [p, expect.stringMatching(m)]),
      );
      expect(shape(got.warnings)).toEqual(
        (c.warnings ?? []).map(([p, m]) => [p, expect.stringMatching(m)]),
      );
    });
  }
});

describe('writeOverrideAnnotations', () => {
  const other = { 'team.example.com/owner': 'web' };

  it('writes the three annotations, until in UTC Z, keeping the others', () => {
    expect(
      writeOverrideAnnotations(other, { phase: 'wakeup', until: '2026-03-06T19:00:00+01:00' }),
    ).toEqual({
      ...other,
      [ACTION]: 'true',
      [TARGET]: 'wakeup',
      [UNTIL]: '2026-03-06T18:00:00Z',
    });
  });

  it('replaces an earlier override and drops its until when the new one has none', () => {
    const before = writeOverrideAnnotations(other, {
      phase: 'hibernate',
      until: '2026-03-06T18:00:00Z',
    });
    expect(writeOverrideAnnotations(before, { phase: 'wakeup', until: null })).toEqual({
      ...other,
      [ACTION]: 'true',
      [TARGET]: 'wakeup',
    });
  });

  it('null removes the override and nothing else', () => {
    const before = { ...other, [ACTION]: 'true', [TARGET]: 'wakeup', [UNTIL]: 'x' };
    expect(writeOverrideAnnotations(before, null)).toEqual(other);
  });

  it('writes only what the operator knows, never the bookkeeping', () => {
    const written = writeOverrideAnnotations(undefined, {
      phase: 'hibernate',
      until: '2026-03-09T05:00:00Z',
      setAt: '2026-03-06T14:49:00Z',
      durationMs: 1000,
      previous: null,
    } as PlanOverride);
    expect(Object.keys(written).sort()).toEqual([ACTION, TARGET, UNTIL].sort());
  });

  it('round-trips through readOverride', () => {
    const override: PlanOverride = { phase: 'hibernate', until: '2026-03-09T05:00:00Z' };
    expect(readOverride(writeOverrideAnnotations({}, override)).override).toEqual(override);
  });
});

describe('one-shot annotations', () => {
  it.each([
    ['hibernator.ardikabs.com/restart', true],
    ['hibernator.ardikabs.com/retry-now', true],
    ['hibernator.ardikabs.com/retry-at', true],
    ['hibernator.ardikabs.com/fresh', true],
    ['hibernator.ardikabs.com/suspended-at-phase', true],
    ['hibernator.ardikabs.com/restored-apps', true],
    ['hibernator.ardikabs.com/restore-previous-state', true],
    ['hibernator.ardikabs.com/override-action', false],
    ['hibernator.ardikabs.com/suspend-until', false],
    ['hibernator.ardikabs.com/reason', false],
  ])('%s is one-shot: %s', (key, expected) => {
    expect(isOneShotAnnotation(key)).toBe(expected);
  });

  it('drops each one-shot annotation with a warning naming it, keeping the rest', () => {
    const { annotations, warnings } = dropOneShotAnnotations({
      'hibernator.ardikabs.com/restart': 'true',
      'hibernator.ardikabs.com/restored-db': 'true',
      [ACTION]: 'true',
    });
    expect(annotations).toEqual({ [ACTION]: 'true' });
    expect(warnings.map((w) => w.path)).toEqual([
      path('hibernator.ardikabs.com/restart'),
      path('hibernator.ardikabs.com/restored-db'),
    ]);
    expect(warnings[0]?.message).toMatch(/dropped/);
  });
});
