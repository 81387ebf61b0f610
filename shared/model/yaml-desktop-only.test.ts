import { describe, expect, it } from 'vitest';
import type { Plan } from './plan';
import { exportYamlWithWarnings, parseYamlDocuments } from './yaml';

const plan = (parameters: Record<string, unknown>): Plan =>
  ({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name: 'dev-env' },
    spec: {
      schedule: {
        timezone: 'UTC',
        offHours: [{ start: '19:00', end: '07:00', daysOfWeek: ['MON'] }],
      },
      execution: { strategy: { type: 'Parallel' } },
      behavior: { mode: 'Strict', retries: 3 },
      targets: [
        {
          name: 'dbs',
          type: 'rds',
          connectorRef: { kind: 'CloudProvider', name: 'aws' },
          parameters,
        },
      ],
    },
  }) as Plan;

describe('export of desktop-only parameters', () => {
  it('keeps parallelism in the YAML and warns that the operator ignores it', () => {
    const { yaml, warnings } = exportYamlWithWarnings([
      plan({ selector: { instanceIds: ['db1'] }, parallelism: 20 }),
    ]);
    expect(yaml).toContain('parallelism: 20');
    expect(parseYamlDocuments(yaml).errors).toEqual([]);
    expect(warnings).toEqual([
      {
        object: 'HibernatePlan/dev-env',
        path: 'spec.targets[0].parameters.parallelism',
        message:
          'parallelism is desktop-only: the operator warns about an unknown parameter and ignores it',
      },
    ]);
  });

  it('says nothing when no target sets it', () => {
    expect(exportYamlWithWarnings([plan({ selector: { instanceIds: ['db1'] } })]).warnings).toEqual(
      [],
    );
  });
});
