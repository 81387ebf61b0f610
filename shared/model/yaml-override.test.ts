import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  OVERRIDE_ACTION_ANNOTATION as ACTION,
  OVERRIDE_PHASE_TARGET_ANNOTATION as TARGET,
  OVERRIDE_UNTIL_ANNOTATION as UNTIL,
} from './override';
import { type HibernatorObject } from './validate';
import { exportYaml, exportYamlWithWarnings, parseYamlDocuments, toYaml } from './yaml';
import { exportPlanAnnotations } from './yaml-override';

const RESTART = 'hibernator.ardikabs.com/restart';
const RESTORED = 'hibernator.ardikabs.com/restored-apps';
const path = (key: string): string => `metadata.annotations["${key}"]`;

function planYaml(annotations?: Record<string, unknown>): string {
  return stringify({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name: 'dev-env', ...(annotations ? { annotations } : {}) },
    spec: {
      schedule: {
        timezone: 'Europe/Berlin',
        offHours: [
          { start: '19:00', end: '07:30', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        ],
      },
      execution: { strategy: { type: 'Sequential' } },
      targets: [{ name: 'apps', type: 'noop' }],
    },
  });
}

function imported(annotations?: Record<string, unknown>) {
  const doc = parseYamlDocuments(planYaml(annotations)).documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

describe('importing a plan with override annotations', () => {
  it('keeps the override on the plan and reports it', () => {
    const doc = imported({
      [ACTION]: 'true',
      [TARGET]: 'hibernate',
      [UNTIL]: '2026-03-09T06:30:00+01:00',
    });
    expect(doc.errors).toEqual([]);
    expect(doc.override).toEqual({ phase: 'hibernate', until: '2026-03-09T05:30:00Z' });
    expect(doc.object?.metadata.annotations).toEqual({
      [ACTION]: 'true',
      [TARGET]: 'hibernate',
      [UNTIL]: '2026-03-09T06:30:00+01:00',
    });
  });

  it('reports no override for a plan without one', () => {
    expect(imported().override).toBeNull();
    expect(imported({ team: 'web' }).override).toBeNull();
  });

  it('drops each one-shot annotation with a warning naming it', () => {
    const doc = imported({ [RESTART]: 'true', [RESTORED]: 'true', team: 'web' });
    expect(doc.object?.metadata.annotations).toEqual({ team: 'web' });
    expect(doc.warnings.map((w) => [w.path, w.message])).toEqual([
      [path(RESTART), expect.stringMatching(/dropped/)],
      [path(RESTORED), expect.stringMatching(/dropped/)],
    ]);
  });

  it('leaves no empty annotations behind when only one-shot ones were there', () => {
    const doc = imported({ 'hibernator.ardikabs.com/retry-now': 'true' });
    expect(doc.object?.metadata).toEqual({ name: 'dev-env' });
  });

  it('refuses a malformed override, naming the annotation', () => {
    const doc = imported({ [ACTION]: 'true', [TARGET]: 'hibernate', [UNTIL]: 'next monday' });
    expect(doc.object).toBeUndefined();
    expect(doc.errors.map((e) => e.path)).toEqual([path(UNTIL)]);
  });

  it('still names a non-string annotation value through the schema', () => {
    const doc = imported({ [ACTION]: true, [TARGET]: 'wakeup' });
    expect(doc.object).toBeUndefined();
    expect(doc.errors.some((e) => e.path === path(ACTION))).toBe(true);
  });
});

describe('exporting a plan with an override', () => {
  const now = new Date('2026-03-06T14:49:00Z');
  const withOverride = (until: string | undefined): HibernatorObject => {
    const doc = imported({
      team: 'web',
      [ACTION]: 'true',
      [TARGET]: 'wakeup',
      ...(until ? { [UNTIL]: until } : {}),
    });
    if (!doc.object) throw new Error(JSON.stringify(doc.errors));
    return doc.object;
  };
  const annotationsOf = (yaml: string) =>
    parseYamlDocuments(yaml).documents[0]?.object?.metadata.annotations;

  const cases: Array<{
    name: string;
    until: string | undefined;
    now?: Date;
    written: boolean;
    warning: RegExp;
  }> = [
    {
      name: 'an until well ahead is written in UTC Z',
      until: '2026-03-06T20:00:00+01:00',
      now,
      written: true,
      warning: /is written \(wakeup until 2026-03-06T19:00:00Z, UTC\)/,
    },
    {
      name: 'exactly 5 min ahead is written',
      until: '2026-03-06T14:54:00Z',
      now,
      written: true,
      warning: /is written/,
    },
    {
      name: 'less than 5 min ahead is left out',
      until: '2026-03-06T14:53:59Z',
      now,
      written: false,
      warning: /left out: it ends less than 5 minutes from now/,
    },
    {
      name: 'a past until is left out',
      until: '2026-03-01T00:00:00Z',
      now,
      written: false,
      warning: /left out/,
    },
    {
      name: 'without a clock the override is left out',
      until: '2026-03-06T20:00:00Z',
      written: false,
      warning: /no current time/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { yaml, warnings } = exportYamlWithWarnings(
        [withOverride(c.until)],
        c.now ? { now: c.now } : {},
      );
      const annotations = annotationsOf(yaml);
      if (c.written)
        expect(annotations).toMatchObject({
          [ACTION]: 'true',
          [TARGET]: 'wakeup',
          [UNTIL]: expect.stringMatching(/Z$/),
        });
      else expect(annotations).toEqual({ team: 'web' });
      expect(warnings).toEqual([
        {
          object: 'HibernatePlan/dev-env',
          path: path(UNTIL),
          message: expect.stringMatching(c.warning),
        },
      ]);
    });
  }

  it('an override without end is written with a warning that it holds until removed', () => {
    const { yaml, warnings } = exportYamlWithWarnings([withOverride(undefined)], { now });
    expect(annotationsOf(yaml)).toEqual({ team: 'web', [ACTION]: 'true', [TARGET]: 'wakeup' });
    expect(warnings[0]?.message).toMatch(/has no end/);
  });

  it('a plan without annotations exports without warnings, and toYaml/exportYaml agree', () => {
    const plan = imported().object;
    if (!plan) throw new Error('invalid');
    expect(exportYamlWithWarnings([plan], { now }).warnings).toEqual([]);
    expect(exportYaml([plan], { now })).toBe(toYaml(plan, { now }));
  });

  it('import → export → import keeps an override that is still ahead', () => {
    const first = withOverride('2026-03-09T05:30:00Z');
    const again = parseYamlDocuments(exportYaml([first], { now })).documents[0];
    expect(again?.override).toEqual({ phase: 'wakeup', until: '2026-03-09T05:30:00Z' });
  });

  it('a malformed stored override and one-shot annotations are left out with warnings', () => {
    const out = exportPlanAnnotations(
      { [ACTION]: 'true', [TARGET]: 'sideways', [RESTART]: 'true', team: 'web' },
      now,
    );
    expect(out.annotations).toEqual({ team: 'web' });
    expect(out.warnings.map((w) => w.path)).toEqual([path(RESTART), path(UNTIL)]);
    expect(out.warnings[1]?.message).toMatch(/malformed.*override-phase-target/);
  });
});
