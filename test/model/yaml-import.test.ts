import { describe, expect, it } from 'vitest';
import {
  type Connection,
  type HibernatorObject,
  exportYaml,
  parseYamlDocuments,
  toYaml,
  validateConnection,
} from '../../shared/model';
import { baseCloudProvider, baseException, basePlan, setPath } from './builders';
import { stringify } from 'yaml';

const yamlOf = (...objects: unknown[]): string => objects.map((o) => stringify(o)).join('---\n');

/** 1-based line numbers where each document of `text` starts (after each `---`). */
const documentLines = (text: string): number[] => [
  1,
  ...text.split('\n').flatMap((l, i) => (l === '---' ? [i + 2] : [])),
];

describe('parseYamlDocuments', () => {
  it('reads several kinds from one multi-document text, in order', () => {
    const text = yamlOf(baseCloudProvider(), basePlan(), baseException());
    const { documents, errors } = parseYamlDocuments(text);
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.index, d.kind, d.name, d.object !== undefined])).toEqual([
      [0, 'CloudProvider', 'aws-dev', true],
      [1, 'HibernatePlan', 'dev-env', true],
      [2, 'ScheduleException', 'christmas', true],
    ]);
    expect(documents.map((d) => d.line)).toEqual(documentLines(text));
    expect(documentLines(text)).toHaveLength(3);
  });

  it('reads JSON, a JSON array and a kubectl List', () => {
    expect(parseYamlDocuments(JSON.stringify(basePlan())).documents[0]?.object?.kind).toBe(
      'HibernatePlan',
    );
    const array = parseYamlDocuments(JSON.stringify([basePlan(), baseCloudProvider()]));
    expect(array.documents.map((d) => d.kind)).toEqual(['HibernatePlan', 'CloudProvider']);
    const list = parseYamlDocuments(
      stringify({ apiVersion: 'v1', kind: 'List', items: [basePlan(), baseException()] }),
    );
    expect(list.documents.map((d) => [d.kind, d.object !== undefined])).toEqual([
      ['HibernatePlan', true],
      ['ScheduleException', true],
    ]);
  });

  it('skips empty documents', () => {
    const { documents } = parseYamlDocuments(
      `---\n# nothing here\n---\n${yamlOf(basePlan())}---\n`,
    );
    expect(documents).toHaveLength(1);
  });

  it('reads empty fields (`behavior:`, `parameters:`) as not set, so defaults apply', () => {
    const text = yamlOf(basePlan())
      .replace('spec:\n', 'spec:\n  behavior:\n')
      .replace('type: noop', 'type: noop\n      parameters:');
    expect(text).toContain('  behavior:\n');
    const { documents } = parseYamlDocuments(text);
    expect(documents[0]?.errors).toEqual([]);
    const plan = documents[0]?.object;
    expect(plan?.kind === 'HibernatePlan' && plan.spec.behavior).toEqual({
      mode: 'Strict',
      retries: 3,
    });
    expect(plan?.kind === 'HibernatePlan' && plan.spec.targets[2]?.parameters).toEqual({});
  });

  it('skips objects of other API groups with a warning naming them, and reads the rest', () => {
    const text = yamlOf(
      basePlan(),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'slack' },
        stringData: { config: '{}' },
      },
    );
    const { documents } = parseYamlDocuments(text);
    expect(documents[1]).toMatchObject({ skipped: true, errors: [] });
    expect(documents[1]?.warnings).toEqual([
      {
        path: 'kind',
        message: `document 2 (line ${documentLines(text)[1]}) is a Deployment "web" (apps/v1): skipped, only Hibernator objects are imported`,
      },
    ]);
    expect(documents[2]?.warnings[0]?.message).toMatch(/is a Secret "slack" \(v1\): skipped/);
    expect(documents[2]?.object).toBeUndefined();
    expect(documents[0]?.object).toBeDefined();
  });

  it('reports an unknown kind of the Hibernator group, or no kind at all, as an error (a typo, not another tool)', () => {
    const text = yamlOf(
      {
        apiVersion: 'hibernator.ardikabs.com/v1alpha1',
        kind: 'HibernatePlann',
        metadata: { name: 'x' },
      },
      { metadata: { name: 'y' } },
    );
    const { documents } = parseYamlDocuments(text);
    expect(documents[0]?.errors).toEqual([
      {
        path: 'kind',
        message: `document 1 (line ${documentLines(text)[0]}) has kind "HibernatePlann": only HibernatePlan, ScheduleException, CloudProvider, K8SCluster and HibernateNotification can be imported`,
      },
    ]);
    expect(documents[1]?.errors[0]?.message).toMatch(/has no kind: only HibernatePlan/);
  });

  it('reports YAML syntax errors with line and column, and still reads the other documents', () => {
    const text = `${yamlOf(basePlan())}---\nkind: HibernatePlan\nmetadata: { name: broken\n`;
    const { documents, errors } = parseYamlDocuments(text);
    expect(errors).toHaveLength(1);
    const brokenLine = (documentLines(text)[1] ?? 0) + 1;
    expect(errors[0]?.path).toMatch(new RegExp(`^line (${brokenLine}|${brokenLine + 1}):\\d+$`));
    expect(errors[0]?.message).toMatch(/^YAML syntax error: /);
    expect(documents[0]?.object).toBeDefined();
    expect(documents[1]?.errors).toEqual(errors);
  });

  it('reports a duplicate key as a syntax error', () => {
    const { errors } = parseYamlDocuments('kind: HibernatePlan\nkind: ScheduleException\n');
    expect(errors).toEqual([
      { path: 'line 2:1', message: 'YAML syntax error: Map keys must be unique' },
    ]);
  });

  it('refuses a second object of the same kind and name', () => {
    const { documents } = parseYamlDocuments(yamlOf(basePlan(), basePlan()));
    expect(documents[1]?.errors).toContainEqual({
      path: 'metadata.name',
      message: expect.stringContaining(
        'another HibernatePlan named "dev-env" is already in document 1',
      ),
    });
  });

  it('checks exceptions against the plans of the same file', () => {
    const exception = baseException();
    setPath(exception, 'spec.targetOverrides', [{ targetName: 'cache', disabled: true }]);
    const { documents } = parseYamlDocuments(yamlOf(exception, basePlan()));
    expect(documents[0]?.errors).toEqual([
      {
        path: 'spec.targetOverrides[0].targetName',
        message: expect.stringContaining('has no target "cache"'),
      },
    ]);
  });

  it('does not call a plan unknown when it is in the file but invalid', () => {
    const plan = basePlan();
    setPath(plan, 'spec.schedule.timezone', 'Nowhere');
    const { documents } = parseYamlDocuments(yamlOf(plan, baseException()));
    expect(documents[0]?.errors).not.toEqual([]);
    expect(documents[1]?.warnings).toEqual([]);
    expect(documents[1]?.object).toBeDefined();
  });

  it('checks connectorRefs only when the caller says which connections exist, counting those in the file', () => {
    expect(parseYamlDocuments(yamlOf(basePlan())).documents[0]?.errors).toEqual([]);
    const known = validateConnection({ ...baseCloudProvider(), metadata: { name: 'aws-dev' } })
      .value as Connection;
    const withCtx = parseYamlDocuments(yamlOf(basePlan()), { connections: [known] });
    expect(withCtx.documents[0]?.errors).toEqual([
      {
        path: 'spec.targets[0].connectorRef.name',
        message:
          'no K8SCluster connection named "dev-cluster": no K8SCluster connection exists yet: add one',
      },
    ]);
    const cluster = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'K8SCluster',
      metadata: { name: 'dev-cluster' },
      spec: { kubeconfig: { context: 'dev' } },
    };
    const inFile = parseYamlDocuments(yamlOf(cluster, basePlan()), { connections: [known] });
    expect(inFile.documents.map((d) => d.errors)).toEqual([[], []]);
  });

  it('keeps operator-only auth verbatim with a warning naming the local equivalent', () => {
    const provider = baseCloudProvider();
    setPath(provider, 'spec.aws.profile', undefined);
    setPath(provider, 'spec.aws.auth', {
      static: { secretRef: { name: 'aws-creds', namespace: 'ops' } },
    });
    const { documents } = parseYamlDocuments(yamlOf(provider));
    expect(documents[0]?.warnings).toEqual([
      {
        path: 'spec.aws.auth.static',
        message:
          'operator-only auth `spec.aws.auth.static` (static credentials from a Secret) is ignored by the desktop app: choose a local AWS profile (spec.aws.profile)',
      },
    ]);
    const object = documents[0]?.object;
    expect(object?.kind === 'CloudProvider' && object.spec.aws.auth).toEqual({
      static: { secretRef: { name: 'aws-creds', namespace: 'ops' } },
    });
  });

  it('ignores the status and server-set metadata of objects exported from a cluster', () => {
    const plan = { ...basePlan(), status: { phase: 'Active' } };
    setPath(plan, 'metadata.uid', 'abc');
    setPath(plan, 'metadata.creationTimestamp', '2026-01-01T00:00:00Z');
    const { documents } = parseYamlDocuments(yamlOf(plan));
    expect(documents[0]?.warnings).toEqual([]);
    expect(documents[0]?.object && 'status' in documents[0].object).toBe(false);
  });
});

describe('exportYaml', () => {
  const plan = (): HibernatorObject => {
    const object = parseYamlDocuments(yamlOf(basePlan())).documents[0]?.object;
    if (!object) throw new Error('base plan invalid');
    return object;
  };

  it('writes end "24:00" as the operator\'s "23:59", which reads back as the same end of day', () => {
    const p = basePlan();
    setPath(p, 'spec.schedule.offHours', [{ start: '20:00', end: '24:00', daysOfWeek: ['MON'] }]);
    const e = baseException();
    setPath(e, 'spec.windows', [{ start: '00:00', end: '24:00', daysOfWeek: ['SAT'] }]);
    const text = yamlOf(p, e);
    const objects = parseYamlDocuments(text).documents.map((d) => d.object);
    expect(objects.every(Boolean)).toBe(true);
    const exported = exportYaml(objects as HibernatorObject[]);
    expect(exported).not.toContain('24:00');
    expect(exported.match(/end: "23:59"/g)).toHaveLength(2);
    const again = parseYamlDocuments(exported).documents;
    expect(again.flatMap((d) => d.errors)).toEqual([]);
  });

  it('writes the same text whatever order the object keys were in', () => {
    const original = plan();
    const shuffled = JSON.parse(
      JSON.stringify(original, Object.keys(flattenKeys(original)).reverse()),
    ) as HibernatorObject;
    expect(toYaml(shuffled)).toBe(toYaml(original));
    expect(toYaml(original).split('\n').slice(0, 3)).toEqual([
      'apiVersion: hibernator.ardikabs.com/v1alpha1',
      'kind: HibernatePlan',
      'metadata:',
    ]);
  });

  it('quotes times so that YAML 1.1 readers (kubectl) do not read them as numbers', () => {
    expect(toYaml(plan())).toContain('start: "19:00"');
    expect(toYaml(plan())).toContain('daysOfWeek: [MON, TUE, WED, THU, FRI]');
  });

  it('separates documents with ---', () => {
    const text = exportYaml([plan(), plan()]);
    expect(text.split('\n').filter((l) => l === '---')).toHaveLength(1);
    expect(parseYamlDocuments(text).documents).toHaveLength(2);
  });
});

function flattenKeys(value: unknown, out: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((v) => flattenKeys(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out[k] = true;
      flattenKeys(v, out);
    }
  }
  return out;
}
