import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  type HibernatorObject,
  type Plan,
  exportYaml,
  formatIssue,
  parseYamlDocuments,
} from '../../shared/model';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (path: string): string => readFileSync(`${fixtures}${path}`, 'utf8');

const VALID = [
  'plans/dag-dev-env.yaml',
  'plans/staged.yaml',
  'plans/sequential-noop.yaml',
  'exceptions/all-types.yaml',
];

function objectsOf(text: string, plans?: Plan[]): HibernatorObject[] {
  const { documents, errors } = parseYamlDocuments(text, plans ? { plans } : {});
  expect(errors).toEqual([]);
  for (const doc of documents) expect(doc.errors.map(formatIssue)).toEqual([]);
  return documents.map((doc) => {
    if (!doc.object) throw new Error(`document ${doc.index} has no object`);
    return doc.object;
  });
}

const devEnvPlans = (): Plan[] =>
  objectsOf(read('plans/dag-dev-env.yaml')).filter((o): o is Plan => o.kind === 'HibernatePlan');

describe('valid fixtures', () => {
  it.each(VALID)('%s imports without errors, and import → export → import is lossless', (path) => {
    const first = objectsOf(read(path));
    expect(first.length).toBeGreaterThan(0);
    const exported = exportYaml(first);
    const second = objectsOf(exported);
    // The one intended change: end "24:00" is written as the operator's "23:59" (same end of day).
    expect(second).toEqual(
      JSON.parse(JSON.stringify(first).replaceAll('"end":"24:00"', '"end":"23:59"')),
    );
    // A second export is byte-identical: the output is stable.
    expect(exportYaml(second)).toBe(exported);
  });

  it.each(VALID)('%s: every field written in the file comes back in the export', (path) => {
    const text = read(path);
    const raw = parseAllDocuments(text).map((d) => d.toJS() as unknown);
    const exported = parseAllDocuments(exportYaml(objectsOf(text))).map((d) => d.toJS() as unknown);
    expect(exported).toHaveLength(raw.length);
    raw.forEach((doc, i) => {
      for (const [leafPath, value] of leaves(doc)) {
        // Days are stored upper-case; everything else comes back exactly as written, except that
        // end "24:00" is written as "23:59", the operator's pattern, with the same meaning.
        const want =
          leafPath.includes('daysOfWeek') && typeof value === 'string'
            ? value.toUpperCase()
            : leafPath[leafPath.length - 1] === 'end' && value === '24:00'
              ? '23:59'
              : value;
        expect({ path: leafPath.join('.'), value: at(exported[i], leafPath) }).toEqual({
          path: leafPath.join('.'),
          value: want,
        });
      }
    });
  });

  it('the exceptions fixture validates against the dev-env plan it names, overrides included', () => {
    const { documents } = parseYamlDocuments(read('exceptions/all-types.yaml'), {
      plans: devEnvPlans(),
    });
    expect(documents.map((d) => [d.name, d.errors, d.warnings])).toEqual([
      ['dev-env-christmas', [], []],
      ['dev-env-customer-demo', [], []],
      ['dev-env-load-tests', [], []],
    ]);
    expect(
      documents.map((d) => d.object?.kind === 'ScheduleException' && d.object.spec.type),
    ).toEqual(['extend', 'suspend', 'replace']);
  });

  it('the DAG fixture covers every executor but noop, and normalises days to upper case', () => {
    const plan = devEnvPlans()[0];
    expect(new Set(plan?.spec.targets.map((t) => t.type))).toEqual(
      new Set(['workloadscaler', 'karpenter', 'eks', 'rds', 'ec2', 'asg']),
    );
    expect(plan?.spec.schedule.offHours[1]?.daysOfWeek).toEqual(['SAT', 'SUN']);
  });

  it('the DAG fixture reports each operator-only auth block as a warning and keeps it for export', () => {
    const { documents } = parseYamlDocuments(read('plans/dag-dev-env.yaml'));
    const warnings = documents.flatMap((d) => d.warnings.map(formatIssue));
    expect(warnings).toEqual([
      expect.stringContaining(
        'spec.aws.auth.serviceAccount: operator-only auth `spec.aws.auth.serviceAccount` (IRSA service account) is ignored by the desktop app: it uses the local AWS profile "web-dev"',
      ),
      expect.stringContaining(
        'spec.aws.auth.static: operator-only auth `spec.aws.auth.static` (static credentials from a Secret) is ignored by the desktop app: choose a local AWS profile (spec.aws.profile)',
      ),
      expect.stringContaining('spec.k8s.kubeconfigRef: operator-only auth'),
      expect.stringContaining(
        'spec.kubeconfigRef: operator-only auth `spec.kubeconfigRef` (kubeconfig Secret) is ignored by the desktop app: pick a local kubeconfig and context',
      ),
    ]);
    const exported = exportYaml(documents.flatMap((d) => (d.object ? [d.object] : [])));
    expect(exported).toContain('serviceAccount: {}');
    expect(exported).toContain('name: sandbox-aws-credentials');
    expect(exported).toContain('name: shared-staging-kubeconfig');
  });

  it('the noop fixture needs no connection at all', () => {
    const [plan] = objectsOf(read('plans/sequential-noop.yaml'), []);
    expect(
      plan?.kind === 'HibernatePlan' &&
        plan.spec.targets.every((t) => t.type === 'noop' && t.connectorRef === undefined),
    ).toBe(true);
  });
});

function leaves(
  value: unknown,
  path: Array<string | number> = [],
): Array<[Array<string | number>, unknown]> {
  if (Array.isArray(value))
    return value.length === 0 ? [[path, value]] : value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0
      ? [[path, value]]
      : entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

function at(value: unknown, path: Array<string | number>): unknown {
  let node = value;
  for (const key of path)
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
  return node;
}

/** `# expect: <path> => <fragment>` lines in a fixture's header; `expect-warning` and `expect-syntax` alike. */
function expectations(text: string, tag: string): Array<{ path: string; fragment: string }> {
  const re = new RegExp(`^# ${tag}: (.*?) => (.*)$`, 'gm');
  return [...text.matchAll(re)].map((m) => ({ path: m[1] ?? '', fragment: m[2] ?? '' }));
}

describe('invalid fixtures', () => {
  const files = readdirSync(`${fixtures}invalid`).filter((f) => f.endsWith('.yaml'));

  it('there is one file per class of error', () => {
    expect(files.sort()).toEqual(
      [
        'bad-parameters.yaml',
        'bad-time.yaml',
        'dag-cycle.yaml',
        'duplicate-target.yaml',
        'exception-too-long.yaml',
        'full-day-name.yaml',
        'lead-time-on-extend.yaml',
        'staged-coverage.yaml',
        'unknown-timezone.yaml',
        'yaml-syntax.yaml',
      ].sort(),
    );
  });

  it.each(files)('%s reports exactly the errors its header lists', (file) => {
    const text = read(`invalid/${file}`);
    const { documents, errors } = parseYamlDocuments(text);
    const docErrors = documents.flatMap((d) => (errors.length > 0 ? [] : d.errors));
    const expected = expectations(text, 'expect');
    const syntax = expectations(text, 'expect-syntax');
    expect(expected.length + syntax.length).toBeGreaterThan(0);

    for (const { path, fragment } of syntax) {
      expect(errors).toContainEqual({
        path: expect.stringMatching(new RegExp(`^${path}:\\d+$`)),
        message: expect.stringContaining(fragment),
      });
    }
    for (const { path, fragment } of expected) {
      expect(docErrors).toContainEqual({ path, message: expect.stringContaining(fragment) });
    }
    // Nothing beyond what the header lists: each file holds one class of error.
    expect(docErrors.length).toBe(expected.length);
    for (const { path, fragment } of expectations(text, 'expect-warning')) {
      expect(documents.flatMap((d) => d.warnings)).toContainEqual({
        path,
        message: expect.stringContaining(fragment),
      });
    }
    expect(documents.every((d) => d.object === undefined)).toBe(true);
  });
});
