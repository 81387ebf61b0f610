import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxSeed } from '../cloud/kube';
import { kubePlan, KubeWorld, type TargetSpec } from './kube-harness';

/** The dry run (`discover`) of both Kubernetes executors: what would happen, and nothing happens. */
let w: KubeWorld;
beforeAll(async () => {
  w = await KubeWorld.start({ emulator: { seed: sandboxSeed() } });
});
afterAll(async () => {
  await w.close();
});
beforeEach(() => {
  w.emulator.resetCalls();
});

const TARGETS: TargetSpec[] = [
  {
    name: 'workloads',
    type: 'workloadscaler',
    parameters: {
      includedGroups: ['Deployment', 'StatefulSet'],
      namespace: { literals: ['payments', 'web', 'absent'] },
    },
  },
  { name: 'karpenter', type: 'karpenter', parameters: {} },
];

describe('dry run of the Kubernetes executors', () => {
  it('lists per workload and per NodePool what a hibernation would do', async () => {
    await w.applyPlan('dev', TARGETS);
    const before = w.emulator.state();
    const result = await w.call('discover', { plan: 'dev' });

    const workloads = result.targets.find((t) => t.target === 'workloads');
    expect(workloads?.error).toBeNull();
    expect(workloads?.actions.map((a) => a.description)).toEqual([
      'skip namespace absent: it does not exist',
      'scale payments/Deployment/api 3 → 0',
      'skip payments/Deployment/ledger-audit: excluded by annotation hibernator.ardikabs.com/exclude',
      'skip payments/Deployment/legacy-batch: already at 0 replicas (recorded, stays at 0 on wake-up)',
      'scale payments/Deployment/worker 2 → 0',
      'scale payments/StatefulSet/postgres 1 → 0',
      'scale web/Deployment/frontend 4 → 0 (HPA frontend manages it)',
      'scale web/Deployment/static-cache 2 → 0',
    ]);
    const karpenter = result.targets.find((t) => t.target === 'karpenter');
    expect(karpenter?.actions.map((a) => a.description)).toEqual([
      'delete NodePool batch (2 nodes)',
      'delete NodePool default (3 nodes)',
    ]);
    expect(result.summary).toBe('scale 5, delete 2, skip 3');

    // Read-only: not one create, update, patch or delete reached the cluster, and nothing changed.
    expect(Object.keys(w.emulator.calls()).length).toBeGreaterThan(0);
    expect(w.mutatingCalls()).toEqual({});
    expect(w.emulator.state()).toEqual(before);
    expect((await w.call('getPlan', { name: 'dev' })).status.phase).toBe('Active');
  });

  it('runs on an unsaved draft and reports a target error without failing the others', async () => {
    const draft = kubePlan('draft', [
      {
        name: 'empty',
        type: 'workloadscaler',
        parameters: { namespace: { selector: { team: 'nobody' } } },
      },
      {
        name: 'batch-pool',
        type: 'karpenter',
        parameters: { nodeSelector: { matchLabels: { workload: 'batch' } } },
      },
    ]);
    const result = await w.call('discover', { plan: draft });
    expect(result.targets.find((t) => t.target === 'empty')?.error).toEqual({
      code: 'KUBE_NAMESPACE_SELECTOR_EMPTY',
      message: expect.stringContaining('namespace selector "team=nobody" matches no namespace'),
    });
    expect(result.targets.find((t) => t.target === 'batch-pool')?.actions).toEqual([
      { key: 'batch', action: 'delete', description: 'delete NodePool batch (2 nodes)' },
    ]);
    expect(w.mutatingCalls()).toEqual({});
  });
});
