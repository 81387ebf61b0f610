import { API_VERSION } from '../../shared/model';

/** Plain-JSON objects as an author would write them, for tests to start from and break one thing at a time. */

export function basePlan(): Record<string, unknown> & {
  spec: Record<string, unknown> & { targets: Record<string, unknown>[] };
} {
  return {
    apiVersion: API_VERSION,
    kind: 'HibernatePlan',
    metadata: { name: 'dev-env', labels: { team: 'web' } },
    spec: {
      schedule: {
        timezone: 'Europe/Berlin',
        offHours: [
          { start: '19:00', end: '07:30', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        ],
      },
      execution: {
        strategy: { type: 'DAG', dependencies: [{ from: 'apps', to: 'database' }] },
      },
      targets: [
        {
          name: 'apps',
          type: 'workloadscaler',
          connectorRef: { kind: 'K8SCluster', name: 'dev-cluster' },
          parameters: { namespace: { literals: ['web'] } },
        },
        {
          name: 'database',
          type: 'rds',
          connectorRef: { kind: 'CloudProvider', name: 'aws-dev' },
          parameters: { selector: { instanceIds: ['orders-db'] } },
        },
        { name: 'demo', type: 'noop' },
      ],
    },
  };
}

export function baseException(): Record<string, unknown> & { spec: Record<string, unknown> } {
  return {
    apiVersion: API_VERSION,
    kind: 'ScheduleException',
    metadata: {
      name: 'christmas',
      annotations: { 'hibernator.ardikabs.com/reason': 'office closed' },
    },
    spec: {
      planRef: { name: 'dev-env' },
      type: 'extend',
      validFrom: '2026-12-24T00:00:00Z',
      validUntil: '2027-01-02T00:00:00Z',
      windows: [{ start: '00:00', end: '24:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }],
    },
  };
}

export function baseCloudProvider(): Record<string, unknown> & {
  spec: { type: string; aws: Record<string, unknown> };
} {
  return {
    apiVersion: API_VERSION,
    kind: 'CloudProvider',
    metadata: { name: 'aws-dev' },
    spec: { type: 'aws', aws: { region: 'eu-central-1', profile: 'dev' } },
  };
}

export function baseK8SCluster(): Record<string, unknown> & { spec: Record<string, unknown> } {
  return {
    apiVersion: API_VERSION,
    kind: 'K8SCluster',
    metadata: { name: 'dev-cluster' },
    spec: { kubeconfig: { context: 'kind-dev' } },
  };
}

/** Sets a value at a dotted path with [i] indexes, creating objects on the way; `undefined` deletes. */
export function setPath(target: unknown, path: string, value: unknown): void {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = target as Record<string, unknown>;
  keys.slice(0, -1).forEach((key, i) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) {
      node[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    }
    node = node[key] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
