import { afterEach, describe, expect, it } from 'vitest';
import {
  NODEPOOL_LABEL,
  sandboxSeed,
  type KubeObject,
  type KubeSeed,
} from '../../../../test/cloud/kube';
import { KubeWorld, type KubeTestOptions } from '../../../../test/kube/kube-harness';

/** The karpenter executor through the engine against the Kubernetes emulator. */
let world: KubeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function seed(): KubeSeed {
  const base = sandboxSeed();
  base.nodepools = [
    {
      name: 'default',
      labels: { env: 'staging' },
      annotations: {
        'platform.example.com/owner': 'team-infra',
        'kubernetes.io/description': 'general purpose',
      },
      nodes: 3,
      spec: {
        template: {
          metadata: { labels: { pool: 'default' } },
          spec: {
            nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
            ],
            taints: [{ key: 'dedicated', value: 'general', effect: 'NoSchedule' }],
            expireAfter: '168h',
          },
        },
        disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfter: '30s' },
        limits: { cpu: '64', memory: '256Gi' },
        weight: 10,
      },
    },
    { name: 'batch', labels: { env: 'staging', workload: 'batch' }, nodes: 2 },
    {
      name: 'system',
      labels: { env: 'staging' },
      annotations: { 'hibernator.ardikabs.com/exclude': 'true' },
      nodes: 1,
    },
  ];
  return base;
}

async function start(options: KubeTestOptions = {}): Promise<KubeWorld> {
  world = await KubeWorld.start({ ...options, emulator: { seed: seed(), ...options.emulator } });
  return world;
}

/** What a NodePool is, as a user defined it: the part that must come back identical. */
function essence(pool: KubeObject): unknown {
  return {
    name: pool.metadata.name,
    labels: pool.metadata.labels,
    annotations: pool.metadata.annotations,
    spec: pool.spec,
  };
}

function pools(w: KubeWorld): Record<string, unknown> {
  return Object.fromEntries(
    (w.emulator.state()['karpenter.sh/nodepools'] ?? []).map((p) => [p.metadata.name, essence(p)]),
  );
}

function nodesOf(w: KubeWorld, pool: string): number {
  return (w.emulator.state().nodes ?? []).filter(
    (n) => n.metadata.labels?.[NODEPOOL_LABEL] === pool,
  ).length;
}

describe('karpenter through the engine', () => {
  it('deletes the NodePools after recording them and recreates them identical on wake-up', async () => {
    const w = await start();
    const before = pools(w);
    await w.applyPlan('nodes', [{ name: 'karpenter', type: 'karpenter', parameters: {} }]);

    expect(await w.hibernate('nodes')).toBe('Hibernated');
    expect(Object.keys(pools(w))).toEqual(['system']); // excluded by annotation
    expect(nodesOf(w, 'default') + nodesOf(w, 'batch')).toBe(0);
    expect(nodesOf(w, 'system')).toBe(1);
    expect((await w.ledger('nodes'))[0]?.message).toBe(
      'deleted 2 NodePools (batch, default) with 5 nodes; skipped system (excluded by annotation hibernator.ardikabs.com/exclude)',
    );
    const point = await w.call('inspectRestorePoint', { plan: 'nodes', target: 'karpenter' });
    expect(point.resources.map((r) => r.key)).toEqual(['batch', 'default']);
    expect(essence(point.resources[1]?.state as KubeObject)).toEqual(before.default);

    expect(await w.wake('nodes')).toBe('Active');
    expect(pools(w)).toEqual(before);
    expect((await w.ledger('nodes'))[0]?.message).toBe('recreated 2 NodePools (batch, default)');
  });

  it('loses nothing when the run stops after the capture and before the delete', async () => {
    const w = await start();
    const before = pools(w);
    await w.applyPlan('nodes', [
      { name: 'karpenter', type: 'karpenter', parameters: { nodePools: ['default'] } },
    ]);
    // Every delete fails (past the client's own retries): the NodePool is captured but still there.
    const removeFault = w.emulator.fault({
      operation: 'delete nodepools',
      status: 503,
      message: 'etcd is unavailable',
    });
    expect(await w.hibernate('nodes')).toBe('Error');
    expect(Object.keys(pools(w))).toContain('default');
    expect((await w.ledger('nodes'))[0]).toMatchObject({
      state: 'Failed',
      errorCode: 'KUBE_SERVER_ERROR',
    });

    // The app stops here (a quit, a crash) and starts again on the same data.
    await w.restart();
    const point = await w.call('inspectRestorePoint', { plan: 'nodes', target: 'karpenter' });
    expect(point.resources).toHaveLength(1);
    expect(essence(point.resources[0]?.state as KubeObject)).toEqual(before.default);

    removeFault();
    expect(await w.retry('nodes')).toBe('Hibernated');
    expect(Object.keys(pools(w))).toEqual(['batch', 'system']);
    expect(await w.wake('nodes')).toBe('Active');
    expect(pools(w)).toEqual(before);
  });

  it('selects NodePools by label and leaves the others alone', async () => {
    const w = await start();
    await w.applyPlan('nodes', [
      {
        name: 'karpenter',
        type: 'karpenter',
        parameters: { nodeSelector: { matchLabels: { workload: 'batch' } } },
      },
    ]);
    expect(await w.hibernate('nodes')).toBe('Hibernated');
    expect(Object.keys(pools(w))).toEqual(['default', 'system']);
    expect(nodesOf(w, 'default')).toBe(3);
    expect(await w.wake('nodes')).toBe('Active');
    expect(Object.keys(pools(w))).toEqual(['batch', 'default', 'system']);
  });

  it('is fine when a recorded NodePool already exists again at wake-up', async () => {
    const w = await start();
    const before = pools(w);
    await w.applyPlan('nodes', [
      {
        name: 'karpenter',
        type: 'karpenter',
        parameters: { nodePools: ['default', 'batch', 'gone'] },
      },
    ]);
    expect(await w.hibernate('nodes')).toBe('Hibernated');
    expect((await w.ledger('nodes'))[0]?.message).toContain('not found: gone');
    // Someone recreated one by hand while the plan slept.
    w.emulator.seed({
      ...seed(),
      nodepools: (seed().nodepools ?? []).filter((p) => p.name !== 'batch'),
    });
    expect(await w.wake('nodes')).toBe('Active');
    expect((await w.ledger('nodes'))[0]?.message).toBe(
      'recreated 1 NodePool (batch); already present: default',
    );
    expect(pools(w)).toEqual(before);
  });

  it('waits for the nodes to drain, and for the NodePools to be Ready again', async () => {
    const w = await start({ emulator: { nodeDelayMs: 200 } });
    await w.applyPlan('nodes', [
      {
        name: 'karpenter',
        type: 'karpenter',
        parameters: { nodePools: ['batch'], awaitCompletion: { enabled: true, timeout: '10s' } },
      },
    ]);
    expect(await w.hibernate('nodes')).toBe('Hibernated');
    // Hibernated only once Karpenter removed the nodes, not right after the delete.
    expect(nodesOf(w, 'batch')).toBe(0);
    expect(await w.wake('nodes')).toBe('Active');
    const batch = (w.emulator.state()['karpenter.sh/nodepools'] ?? []).find(
      (p) => p.metadata.name === 'batch',
    );
    expect(JSON.stringify(batch?.status)).toContain('"type":"Ready","status":"True"');
  });

  it('fails naming the NodePools whose nodes are still there when the wait runs out', async () => {
    const w = await start({ emulator: { nodeDelayMs: 60_000 } });
    await w.applyPlan('nodes', [
      {
        name: 'karpenter',
        type: 'karpenter',
        parameters: {
          nodePools: ['default'],
          awaitCompletion: { enabled: true, timeout: '200ms' },
        },
      },
    ]);
    expect(await w.hibernate('nodes')).toBe('Error');
    expect((await w.ledger('nodes'))[0]).toMatchObject({
      errorCode: 'AWAIT_TIMEOUT',
      message: expect.stringContaining(
        'nodes of deleted NodePools still present: default (3 nodes)',
      ),
    });
  });
});
