import { describe, expect, it } from 'vitest';
import {
  draftToYaml,
  formatLabels,
  getAt,
  issuesByPath,
  parseLabels,
  pathKey,
  setAt,
  yamlToDraft,
} from './draft';

describe('draft editing', () => {
  it('sets a nested value without touching the original', () => {
    const before = { spec: { schedule: { offHours: [{ start: '19:00' }] } } };
    const after = setAt(before, ['spec', 'schedule', 'offHours', 0, 'end'], '07:00');
    expect(after).toEqual({ spec: { schedule: { offHours: [{ start: '19:00', end: '07:00' }] } } });
    expect(before.spec.schedule.offHours[0]).toEqual({ start: '19:00' });
  });

  it('removes a key or an array item when set to undefined', () => {
    const value = { a: { b: 1, c: 2 }, list: ['x', 'y', 'z'] };
    expect(setAt(value, ['a', 'b'], undefined)).toEqual({ a: { c: 2 }, list: ['x', 'y', 'z'] });
    expect(setAt(value, ['list', 1], undefined)).toEqual({ a: { b: 1, c: 2 }, list: ['x', 'z'] });
  });

  it('reads values along a path and gives undefined for missing ones', () => {
    expect(getAt({ a: [{ b: 3 }] }, ['a', 0, 'b'])).toBe(3);
    expect(getAt({ a: [] }, ['a', 2, 'b'])).toBeUndefined();
  });

  it('round-trips through YAML with times kept as strings', () => {
    const draft = {
      kind: 'HibernatePlan',
      spec: { schedule: { offHours: [{ start: '19:00', end: '07:00', daysOfWeek: ['MON'] }] } },
    };
    const yaml = draftToYaml(draft);
    expect(yaml).toContain('"19:00"');
    const back = yamlToDraft(yaml);
    expect(back).toEqual({ ok: true, draft });
  });

  it('reports a YAML syntax error with its line instead of throwing', () => {
    const result = yamlToDraft('kind: HibernatePlan\nspec: [unclosed\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/line \d+:\d+/);
    expect(yamlToDraft('- just\n- a list\n')).toMatchObject({ ok: false });
  });

  it('groups issues by the same path keys the form uses', () => {
    const map = issuesByPath([
      { path: 'spec.schedule.offHours[0].start', message: 'bad' },
      { path: 'spec.schedule.offHours[0].start', message: 'worse' },
    ]);
    expect(map.get(pathKey(['spec', 'schedule', 'offHours', 0, 'start']))).toEqual([
      'bad',
      'worse',
    ]);
  });

  it('reads and writes labels as key=value pairs', () => {
    expect(parseLabels('team=payments, env = dev\n')).toEqual({ team: 'payments', env: 'dev' });
    expect(parseLabels('  ')).toBeUndefined();
    expect(formatLabels({ team: 'payments', env: 'dev' })).toBe('team=payments, env=dev');
  });
});
