import { afterEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../shared/api/events';
import { sandboxSeed } from '../cloud/kube';
import type { KubeFaultRule } from '../cloud/kube';
import { KubeWorld } from './kube-harness';

/**
 * Issue 13 item 7: the transient/permanent split for Kubernetes calls, through the engine.
 * Throttling (429), server errors (500, 503) and gateway timeouts (504) are retried by the
 * Kubernetes client layer (connections/kube/client-node-kube-api.ts, 3 attempts, honouring
 * Retry-After); a plan with `retries: 0` still hibernates. What outlasts those attempts fails the
 * target as transient and the engine retries the plan. 403 and 422 are never retried: the target
 * fails at once, and the message says what to grant or what the cluster refused.
 */
let world: KubeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(): Promise<KubeWorld> {
  world = await KubeWorld.start({
    emulator: { seed: sandboxSeed() },
    // Retry-After of an injected 429 is 1 s: no need to wait for it in a test.
    clients: { api: { sleep: () => Promise.resolve() } },
  });
  return world;
}

const workloads = {
  name: 'workloads',
  type: 'workloadscaler' as const,
  parameters: {
    includedGroups: ['Deployment'],
    namespace: { selector: { 'hibernator.ardikabs.com/enabled': 'true' } },
  },
};
const nodePools = {
  name: 'nodes',
  type: 'karpenter' as const,
  parameters: { nodePools: ['default', 'batch'] },
};

type TransientStatus = 429 | 500 | 503 | 504;
const TRANSIENT: TransientStatus[] = [429, 500, 503, 504];

describe('Kubernetes failures through the engine', () => {
  it.each(TRANSIENT)(
    'workloadscaler: a %i on the scale patch is retried by the client and the plan hibernates',
    async (status) => {
      const w = await start();
      const rule: KubeFaultRule = { operation: 'patch deployments/scale', status, nth: [1, 2] };
      w.emulator.fault(rule);
      await w.applyPlan('apps', [workloads], { retries: 0 });
      expect(await w.hibernate('apps')).toBe('Hibernated');
      expect(w.replicas()['payments/api']).toBe(0);
      expect(w.replicas()['web/frontend']).toBe(0);
      // Every patch went through once, plus the two refused attempts.
      expect(w.emulator.calls()['patch deployments/scale']).toBe(4 + 2);
    },
  );

  it.each(TRANSIENT)(
    'karpenter: a %i on a NodePool delete is retried by the client and the plan hibernates',
    async (status) => {
      const w = await start();
      w.emulator.fault({ operation: 'delete nodepools', status, nth: [1, 2] });
      await w.applyPlan('nodes', [nodePools], { retries: 0 });
      expect(await w.hibernate('nodes')).toBe('Hibernated');
      expect(w.emulator.calls()['delete nodepools']).toBe(2 + 2);
      const pools = (w.emulator.state()['karpenter.sh/nodepools'] ?? []).map(
        (p) => p.metadata.name,
      );
      expect(pools).not.toContain('default');
      expect(pools).not.toContain('batch');
    },
  );

  it('a 503 outlasting the client attempts fails the run as transient, and the engine retries the plan by itself', async () => {
    const w = await start();
    const events: HibernatorEvent[] = [];
    w.engine.subscribe((e) => events.push(e));
    // One NodePool, so its delete meets all three failures: the client's three attempts.
    w.emulator.fault({ operation: 'delete nodepools', status: 503, times: 3 });
    await w.applyPlan('nodes', [{ ...nodePools, parameters: { nodePools: ['default'] } }], {
      retries: 2,
    });
    expect(await w.hibernate('nodes')).toBe('Hibernated');
    const phases = events.flatMap((e) => (e.type === 'PhaseChanged' ? [e] : []));
    expect(phases.find((e) => e.to === 'Error')?.reason).toContain('(503)');
    expect(phases.find((e) => e.from === 'Error')?.reason).toMatch(/^automatic retry/);
    expect(w.emulator.calls()['delete nodepools']).toBe(3 + 1);
  });

  it('workloadscaler: a 403 on the scale patch is not retried and says what to grant', async () => {
    const w = await start();
    w.emulator.fault({
      operation: 'patch deployments/scale',
      status: 403,
      nth: [1],
      message:
        'deployments.apps "api" is forbidden: User "ci-bot" cannot patch resource "deployments/scale" in API group "apps" in the namespace "payments"',
    });
    await w.applyPlan('apps', [workloads], { retries: 3 });
    // Had anything retried the patch, the second attempt would have gone through.
    expect(await w.hibernate('apps')).toBe('Error');
    const status = (await w.call('getPlan', { name: 'apps' })).status;
    expect(status.ledger[0]).toMatchObject({ errorCode: 'KUBE_FORBIDDEN', transient: false });
    // The other workloads were scaled all the same (issue 13.4): the denied one is named, with what to grant.
    expect(status.ledger[0]?.message).toMatch(
      /^scaled down 3 of 4 workloads; 1 failed: payments\/Deployment\/api \(forbidden: cannot patch deployments\/scale in namespace payments — grant "patch" on "deployments\/scale" in API group "apps" to user "ci-bot"/,
    );
    expect(status.retriesLeft).toBe(0);
    expect(status.nextRetryAt).toBeNull();
  });

  it('karpenter: a 422 on a NodePool delete is not retried and quotes what the cluster refused', async () => {
    const w = await start();
    w.emulator.fault({
      operation: 'delete nodepools',
      status: 422,
      nth: [1],
      message: 'NodePool.karpenter.sh "batch" is invalid: metadata.finalizers: Forbidden',
    });
    await w.applyPlan('nodes', [nodePools], { retries: 3 });
    expect(await w.hibernate('nodes')).toBe('Error');
    const status = (await w.call('getPlan', { name: 'nodes' })).status;
    expect(status.ledger[0]).toMatchObject({ errorCode: 'KUBE_INVALID', transient: false });
    expect(status.ledger[0]?.message).toContain(
      'NodePool.karpenter.sh "batch" is invalid: metadata.finalizers: Forbidden',
    );
    expect(status.nextRetryAt).toBeNull();
  });
});
