/** Delayed status changes (replicas, NodePool nodes) through @kubernetes/client-node, under a clock the test moves. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, ManualClock, mergePatch, type Clients } from './client-helpers';
import { startKubeEmulator, type KubeEmulator } from './kube-emulator';

describe('kube emulator delayed convergence under an injected clock', () => {
  const clock = new ManualClock();
  let emu: KubeEmulator;
  let c: Clients;

  beforeAll(async () => {
    emu = await startKubeEmulator({
      clock,
      replicaDelayMs: 30_000,
      nodeDelayMs: 60_000,
      seed: {
        deployments: [{ namespace: 'shop', name: 'cart', replicas: 2 }],
        nodepools: [{ name: 'default', nodes: 3 }],
      },
    });
    c = clientsFor(emu);
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => emu.seed());

  it('moves status.replicas and readyReplicas to spec.replicas only after the replica delay', async () => {
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'cart', namespace: 'shop', body: { spec: { replicas: 0 } } },
      mergePatch(),
    );
    const pending = await c.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(pending.spec?.replicas).toBe(0);
    expect(pending.status?.readyReplicas).toBe(2);
    expect(pending.status?.observedGeneration).toBe(1);
    clock.advance(29_999);
    expect(
      (await c.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' })).status
        ?.readyReplicas,
    ).toBe(2);
    clock.advance(1);
    const done = await c.apps.readNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    expect(done.status?.readyReplicas).toBeUndefined();
    expect(done.status?.replicas).toBeUndefined();
    expect(done.status?.observedGeneration).toBe(done.metadata?.generation);
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'cart', namespace: 'shop', body: { spec: { replicas: 3 } } },
      mergePatch(),
    );
    emu.settle();
    expect(
      (await c.apps.readNamespacedDeploymentScale({ name: 'cart', namespace: 'shop' })).status
        ?.replicas,
    ).toBe(3);
  });

  it("cordons a deleted NodePool's nodes, removes them after the node delay, and brings them back on recreation", async () => {
    const pool: unknown = await c.custom.getClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      name: 'default',
    });
    await c.custom.deleteClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      name: 'default',
    });
    const draining = await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' });
    expect(draining.items).toHaveLength(3);
    expect(draining.items.every((n) => n.spec?.unschedulable === true)).toBe(true);
    clock.advance(60_000);
    expect(
      (await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' })).items,
    ).toHaveLength(0);

    const recorded =
      typeof pool === 'object' && pool !== null && 'spec' in pool ? pool.spec : undefined;
    await c.custom.createClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      body: {
        apiVersion: 'karpenter.sh/v1',
        kind: 'NodePool',
        metadata: { name: 'default' },
        spec: recorded,
      },
    });
    expect(
      (await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' })).items,
    ).toHaveLength(0);
    clock.advance(60_000);
    expect(
      (await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' })).items,
    ).toHaveLength(3);
    expect(
      await c.custom.getClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodepools',
        name: 'default',
      }),
    ).toMatchObject({ status: { resources: { nodes: '3' } } });
  });
});
