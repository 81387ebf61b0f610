import { describe, expect, it } from 'vitest';
import { labelValueProblem, qualifiedNameProblem, storedObjectWarnings } from './cluster-rules';
import { validateConnection, validatePlan } from './validate';

const plan = (patch: { metadata?: object; maxConcurrency?: number } = {}) => ({
  apiVersion: 'hibernator.ardikabs.com/v1alpha1',
  kind: 'HibernatePlan',
  metadata: { name: 'dev', ...patch.metadata },
  spec: {
    schedule: {
      timezone: 'UTC',
      offHours: [{ start: '20:00', end: '06:00', daysOfWeek: ['MON'] }],
    },
    execution: {
      strategy: {
        type: 'Parallel',
        ...(patch.maxConcurrency ? { maxConcurrency: patch.maxConcurrency } : {}),
      },
    },
    targets: [{ name: 'a', type: 'noop' }],
  },
});

describe('qualified names and label values (apimachinery rules)', () => {
  it.each([
    ['team', null],
    ['app.kubernetes.io/name', null],
    ['hibernator.ardikabs.com/override-until', null],
    ['A_b.c-9', null],
    ['bad key!', /use letters, digits/],
    ['-leading', /use letters, digits/],
    ['Example.com/x', /prefix .* DNS subdomain/],
    ['/x', /prefix .* DNS subdomain/],
    ['example.com/', /name part must not be empty/],
    ['x'.repeat(64), /64 characters; at most 63/],
  ])('key %s', (key, problem) => {
    const found = qualifiedNameProblem(key);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it.each([
    ['', null],
    ['dev', null],
    ['v1.2_3-x', null],
    ['has space', /use letters/],
    ['x'.repeat(64), /64 characters; a label value has at most 63/],
  ])('value %j', (value, problem) => {
    const found = labelValueProblem(value);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('new input is held to the cluster’s rules', () => {
  it('refuses invalid label keys and values, naming the label', () => {
    const result = validatePlan(
      plan({ metadata: { labels: { 'bad key!': 'ok', team: 'x'.repeat(2_000_000) } } }),
    );
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'metadata.labels["bad key!"]',
        message: expect.stringMatching(/^label key "bad key!" is not valid/),
      },
      {
        path: 'metadata.labels.team',
        message: expect.stringMatching(
          /^label value "x{40}…" \(2000000 characters\) is not valid: it has 2000000 characters/,
        ),
      },
    ]);
  });

  it('refuses annotations over 256 KiB in total and says the limit', () => {
    const result = validatePlan(
      plan({ metadata: { annotations: { a: 'x'.repeat(200_000), b: 'y'.repeat(70_000) } } }),
    );
    expect(result.errors).toEqual([
      {
        path: 'metadata.annotations',
        message:
          'annotations take 270002 bytes; Kubernetes allows 262144 (256 KiB) in total: move large text elsewhere',
      },
    ]);
  });

  it('refuses a maxConcurrency beyond int32', () => {
    const result = validatePlan(plan({ maxConcurrency: 2_147_483_648 }));
    expect(result.errors).toContainEqual({
      path: 'spec.execution.strategy.maxConcurrency',
      message: '2147483648 is larger than a cluster stores (an int32, at most 2147483647)',
    });
    expect(validatePlan(plan({ maxConcurrency: 2_147_483_647 })).valid).toBe(true);
  });

  it('applies to connections too', () => {
    const result = validateConnection({
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'K8SCluster',
      metadata: { name: 'dev', labels: { 'no good': 'x' } },
      spec: { kubeconfig: { context: 'dev' } },
    });
    expect(result.errors.map((e) => e.path)).toContain('metadata.labels["no good"]');
  });
});

describe('storedObjectWarnings', () => {
  it('turns the rules a stored plan breaks into warnings to fix, and is empty for a clean plan', () => {
    expect(storedObjectWarnings(plan())).toEqual([]);
    expect(storedObjectWarnings(plan({ metadata: { labels: { 'bad key!': 'v' } } }))).toEqual([
      {
        path: 'metadata.labels["bad key!"]',
        message: expect.stringMatching(
          /is not valid.*\(saved before this rule; fix it on the next edit\)$/,
        ),
      },
    ]);
  });
});
