import { describe, expect, it } from 'vitest';
import { matchesSelector } from './notification';
import { validateNotification } from './validate';
import { exportYamlWithWarnings, parseYamlDocuments } from './yaml';

function notification(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernateNotification',
    metadata: { name: 'team-alerts' },
    spec,
  };
}

const SPEC = {
  selector: { matchLabels: { env: 'dev' } },
  onEvents: ['Start', 'Failure'],
  sinks: [{ name: 'ops', type: 'slack', secretRef: { name: 'slack-webhook' } }],
};

describe('HibernateNotification model', () => {
  it('accepts the operator shape', () => {
    const result = validateNotification(notification(SPEC));
    expect(result.errors).toEqual([]);
    expect(result.value?.spec.sinks[0]?.secretRef.name).toBe('slack-webhook');
  });

  it.each([
    [{ ...SPEC, onEvents: ['Started'] }, 'spec.onEvents[0]', /"Started" is not an event/],
    [{ ...SPEC, onEvents: [] }, 'spec.onEvents', /must not be empty/],
    [
      { ...SPEC, sinks: [{ name: 'ops', type: 'email', secretRef: { name: 's' } }] },
      'spec.sinks[0].type',
      /"email" is not a sink type: use slack, telegram or webhook/,
    ],
    [{ ...SPEC, sinks: [{ name: 'ops', type: 'slack' }] }, 'spec.sinks[0].secretRef', /required/],
    [
      {
        ...SPEC,
        sinks: [
          { name: 'ops', type: 'slack', secretRef: { name: 'a' } },
          { name: 'ops', type: 'webhook', secretRef: { name: 'b' } },
        ],
      },
      'spec.sinks[1].name',
      /duplicate sink name "ops" \(first defined at spec.sinks\[0\]\)/,
    ],
    [
      { ...SPEC, selector: { matchExpressions: [{ key: 'env', operator: 'In' }] } },
      'spec.selector.matchExpressions[0].values',
      /is required for In/,
    ],
  ])('names the field of a mistake (%#)', (spec, path, message) => {
    const result = validateNotification(notification(spec));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each([
    [{}, {}, true],
    [{ matchLabels: { env: 'dev' } }, { env: 'dev', team: 'a' }, true],
    [{ matchLabels: { env: 'dev' } }, { env: 'prod' }, false],
    [{ matchLabels: { env: 'dev' } }, undefined, false],
    [
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'qa'] }] },
      { env: 'qa' },
      true,
    ],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, {}, true],
    [
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      { env: 'prod' },
      false,
    ],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, { env: '' }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, {}, false],
    [{ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, { env: 'x' }, false],
  ] as const)('selector %j on labels %j matches: %s', (selector, labels, expected) => {
    expect(matchesSelector(selector as never, labels)).toBe(expected);
  });
});

describe('HibernateNotification YAML', () => {
  const PLAN = `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata: { name: dev, labels: { env: dev } }
spec:
  schedule: { timezone: UTC, offHours: [{ start: "20:00", end: "06:00", daysOfWeek: [MON] }] }
  execution: { strategy: { type: Parallel } }
  targets: [{ name: web, type: noop, parameters: {} }]
`;
  const NOTIFICATION = `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernateNotification
metadata: { name: team-alerts }
spec:
  selector: { matchLabels: { env: dev } }
  onEvents: [Start, Success, Failure]
  sinks:
    - name: telegram-ops
      type: telegram
      secretRef: { name: telegram-bot-credentials }
      templateRef: { name: telegram-custom-template }
`;

  it('imports a file that mixes plans and notifications', () => {
    const { documents, errors } = parseYamlDocuments(`${PLAN}---\n${NOTIFICATION}`);
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.kind, d.name, d.errors])).toEqual([
      ['HibernatePlan', 'dev', []],
      ['HibernateNotification', 'team-alerts', []],
    ]);
  });

  it('exports secretRef and templateRef with warnings naming the Secret to create', () => {
    const parsed = validateNotification(parseYamlDocuments(NOTIFICATION).documents[0]?.object);
    if (!parsed.value) throw new Error('fixture invalid');
    const { yaml, warnings } = exportYamlWithWarnings([parsed.value]);
    expect(yaml).toContain('secretRef:\n        name: telegram-bot-credentials');
    expect(yaml).toContain('templateRef:\n        name: telegram-custom-template');
    expect(warnings).toEqual([
      {
        object: 'HibernateNotification/team-alerts',
        path: 'spec.sinks[0].secretRef',
        message: expect.stringContaining(
          'create the Secret "telegram-bot-credentials" with key "config"',
        ),
      },
      {
        object: 'HibernateNotification/team-alerts',
        path: 'spec.sinks[0].templateRef',
        message: expect.stringContaining('the desktop app sends its built-in telegram format'),
      },
    ]);
    // The export reads back as the same object.
    expect(parseYamlDocuments(yaml).documents[0]?.object).toEqual(parsed.value);
  });
});
