import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeSeed } from '../cloud/kube';
import { KubeWorld, type TargetSpec } from './kube-harness';

/**
 * Issue 13.1 for Kubernetes: an apiserver (or proxy) that ignores `labelSelector` and
 * `fieldSelector` on every list must not widen what the workloadscaler or karpenter touch. Each
 * selector form runs its dry run and a real hibernation: only objects named or labelled "pick"
 * may appear or change.
 */
const seed: KubeSeed = {
  namespaces: [
    { name: 'pick-ns', labels: { team: 'pick' } },
    { name: 'other-ns', labels: { team: 'other' } },
  ],
  deployments: [
    { namespace: 'pick-ns', name: 'pick-app', replicas: 2, labels: { tier: 'pick' } },
    { namespace: 'pick-ns', name: 'other-app', replicas: 2, labels: { tier: 'other' } },
    { namespace: 'other-ns', name: 'other-elsewhere', replicas: 2, labels: { tier: 'pick' } },
  ],
  nodepools: [
    { name: 'pick-pool', labels: { team: 'pick' }, nodes: 1 },
    { name: 'other-pool', labels: { team: 'other' }, nodes: 1 },
  ],
};

const forms: Array<[string, TargetSpec['type'], Record<string, unknown>]> = [
  [
    'workloadscaler namespace literals + workloadSelector',
    'workloadscaler',
    { namespace: { literals: ['pick-ns'] }, workloadSelector: { matchLabels: { tier: 'pick' } } },
  ],
  [
    'workloadscaler namespace selector + workloadSelector expression',
    'workloadscaler',
    {
      namespace: { selector: { team: 'pick' } },
      workloadSelector: {
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['pick'] }],
      },
    },
  ],
  ['karpenter nodePools', 'karpenter', { nodePools: ['pick-pool'] }],
  ['karpenter nodeSelector', 'karpenter', { nodeSelector: { matchLabels: { team: 'pick' } } }],
];

let w: KubeWorld;
beforeAll(async () => {
  w = await KubeWorld.start({ emulator: { seed } });
});
afterAll(async () => {
  await w?.close();
});

function untouched(): unknown {
  const replicas = w.replicas();
  return {
    app: replicas['pick-ns/other-app'],
    elsewhere: replicas['other-ns/other-elsewhere'],
    pools: (w.emulator.state()['karpenter.sh/nodepools'] ?? [])
      .map((p) => p.metadata.name)
      .filter((n) => n.startsWith('other')),
  };
}

describe('every Kubernetes selector against an apiserver that ignores selectors', () => {
  it.each(forms)('%s touches only what it selects', async (label, type, parameters) => {
    const remove = w.emulator.fault({ operation: 'list *', ignoreSelectors: true });
    try {
      const before = untouched();
      const plan = `p${forms.findIndex((f) => f[0] === label)}`;
      await w.applyPlan(plan, [{ name: 'x', type, parameters }]);
      const dry = await w.call('discover', { plan });
      expect(dry.targets[0]?.error).toBeNull();
      const actions = dry.targets[0]?.actions ?? [];
      for (const a of actions) expect(`${a.key} ${a.description}`).not.toMatch(/other/);
      expect(actions.some((a) => a.action !== 'skip')).toBe(true);

      expect(await w.hibernate(plan)).toBe('Hibernated');
      expect(untouched()).toEqual(before);
      const point = await w.call('inspectRestorePoint', { plan, target: 'x' });
      expect(point.resources.length).toBeGreaterThan(0);
      for (const r of point.resources) expect(r.key).not.toMatch(/other/);
      expect(await w.wake(plan)).toBe('Active');
    } finally {
      remove();
    }
  });
});
