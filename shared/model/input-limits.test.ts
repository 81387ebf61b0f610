import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingIssue } from './input-limits';
import { validateConnection, validateException, validatePlan } from './validate';
import { parseYamlDocuments } from './yaml';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { k: value } : [value];
  return value;
}

describe('nestingIssue', () => {
  it('accepts a value exactly at the limit and refuses one level more, naming where', () => {
    expect(nestingIssue(nested(MAX_NESTING))).toBeNull();
    expect(nestingIssue(nested(MAX_NESTING + 1))?.message).toMatch(
      /^nested more than 64 levels deep \(at k\.0\.k\.0\.k\.0…\)/,
    );
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestingIssue(nested(100_000))?.message).toMatch(/nested more than 64 levels/);
  });
});

describe('validators on runaway input', () => {
  const deep = nested(50_000);
  it.each([
    ['plan', () => validatePlan({ kind: 'HibernatePlan', metadata: { name: 'x' }, spec: deep })],
    ['exception', () => validateException({ kind: 'ScheduleException', spec: deep })],
    ['connection', () => validateConnection({ kind: 'CloudProvider', spec: deep })],
  ])('the %s validator answers with a message, not a stack overflow', (_kind, run) => {
    const result = run();
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toMatch(/nested more than 64 levels deep/);
  });
});

describe('YAML a cluster would refuse', () => {
  const plan = (extra: string): string =>
    `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata: { name: dev${extra} }
spec:
  schedule: { timezone: UTC, offHours: [{ start: "20:00", end: "06:00", daysOfWeek: [MON] }] }
  execution: { strategy: { type: Parallel } }
  targets: [{ name: a, type: noop }]
`;

  it.each([
    [
      'an unknown local tag',
      plan('').replace('name: dev', 'name: !custom dev'),
      /Unresolved tag: !custom: Kubernetes objects are plain JSON/,
    ],
    [
      'a YAML version from the future',
      `%YAML 9.9\n---\n${plan('')}`,
      /Unsupported YAML version 9\.9: use %YAML 1\.2 or 1\.1/,
    ],
    [
      '!!binary',
      plan('').replace('name: a,', 'name: !!binary YQ==,'),
      /the tag !!binary has no JSON form/,
    ],
    [
      '!!set',
      `${plan('')}  extra: !!set { a }\n`.replace('  extra', 'x'),
      /the tag !!set has no JSON form/,
    ],
    [
      'nesting that overflows the parser',
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      /nested too deeply to read/,
    ],
  ])('%s is a syntax error with a line and what to do', (_name, text, message) => {
    const { errors } = parseYamlDocuments(text);
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(message));
    expect(errors[0]?.path).toMatch(/^line \d+:\d+$/);
  });

  it('keeps accepting the JSON-compatible core tags and %YAML 1.1 / 1.2', () => {
    for (const text of [
      plan('').replace('name: a,', 'name: !!str a,'),
      `%YAML 1.1\n---\n${plan('')}`,
      `%YAML 1.2\n---\n${plan('')}`,
    ]) {
      const { errors, documents } = parseYamlDocuments(text);
      expect(errors).toEqual([]);
      expect(documents[0]?.errors).toEqual([]);
    }
  });
});
