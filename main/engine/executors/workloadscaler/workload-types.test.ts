import { describe, expect, it } from 'vitest';
import {
  gvrFromCapture,
  parseWorkloadKey,
  stateFor,
  workloadKey,
  workloadType,
  WorkloadStateSchema,
} from './workload-types';

describe('workload types', () => {
  it('resolves built-in kinds to apps/v1 and custom entries to their group/version/resource', () => {
    expect(workloadType('StatefulSet')).toEqual({
      label: 'StatefulSet',
      gvr: { group: 'apps', version: 'v1', resource: 'statefulsets' },
      builtinKind: 'StatefulSet',
    });
    expect(workloadType('argoproj.io/v1alpha1/rollouts')).toEqual({
      label: 'argoproj.io/v1alpha1/rollouts',
      gvr: { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts' },
    });
    expect(workloadType('/v1/replicationcontrollers').gvr).toEqual({
      group: '',
      version: 'v1',
      resource: 'replicationcontrollers',
    });
  });

  it('records group/version/resource only for kinds that are not built in', () => {
    expect(stateFor(workloadType('Deployment'), 3)).toEqual({ replicas: 3 });
    expect(stateFor(workloadType('example.com/v1/widgets'), 2)).toEqual({
      replicas: 2,
      group: 'example.com',
      version: 'v1',
      resource: 'widgets',
    });
  });

  it('finds the API of a captured workload from its state, or from the built-in kind', () => {
    expect(gvrFromCapture('Deployment', { replicas: 1 })).toEqual({
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
    });
    expect(
      gvrFromCapture('Widget', {
        replicas: 1,
        group: 'example.com',
        version: 'v1',
        resource: 'widgets',
      }),
    ).toEqual({ group: 'example.com', version: 'v1', resource: 'widgets' });
    expect(gvrFromCapture('Widget', { replicas: 1 })).toBeNull();
  });

  it('keys workloads as namespace/Kind/name and reads them back', () => {
    expect(workloadKey('payments', 'Deployment', 'api')).toBe('payments/Deployment/api');
    expect(parseWorkloadKey('payments/Deployment/api')).toEqual({
      namespace: 'payments',
      kind: 'Deployment',
      name: 'api',
    });
    expect(parseWorkloadKey('payments/api')).toBeNull();
    expect(parseWorkloadKey('payments//api')).toBeNull();
  });

  it('rejects a state with negative or fractional replicas or unknown fields', () => {
    expect(WorkloadStateSchema.safeParse({ replicas: -1 }).success).toBe(false);
    expect(WorkloadStateSchema.safeParse({ replicas: 1.5 }).success).toBe(false);
    expect(WorkloadStateSchema.safeParse({ replicas: 1, extra: true }).success).toBe(false);
    expect(WorkloadStateSchema.safeParse({ replicas: 0 }).success).toBe(true);
  });
});
