import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientsFor, mergePatch } from '../../../../test/cloud/kube/client-helpers';
import { sandboxSeed, type KubeSeed } from '../../../../test/cloud/kube';
import { k8sConnection, KubeWorld, type KubeTestOptions } from '../../../../test/kube/kube-harness';

/**
 * The workloadscaler through the engine against the Kubernetes emulator: exact restores,
 * write-ahead captures that survive retries, namespace and RBAC errors, pagination, await.
 */
let world: KubeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(
  seed: KubeSeed = sandboxSeed(),
  options: KubeTestOptions = {},
): Promise<KubeWorld> {
  world = await KubeWorld.start({ ...options, emulator: { seed, ...options.emulator } });
  return world;
}

const ENABLED = { selector: { 'hibernator.ardikabs.com/enabled': 'true' } };

describe('workloadscaler through the engine', () => {
  it('scales the selected namespaces to zero and wakes every workload to its exact recorded count', async () => {
    const w = await start();
    const before = w.replicas();
    const beforeSts = w.replicas('apps/statefulsets');
    await w.applyPlan('apps', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        parameters: { includedGroups: ['Deployment', 'StatefulSet'], namespace: ENABLED },
      },
    ]);

    expect(await w.hibernate('apps')).toBe('Hibernated');
    expect(w.replicas()).toEqual({
      'payments/api': 0,
      'payments/worker': 0,
      'payments/legacy-batch': 0,
      'payments/ledger-audit': 1, // excluded by annotation
      'web/frontend': 0,
      'web/static-cache': 0,
      'tools/grafana': 1, // namespace not selected
    });
    expect(w.replicas('apps/statefulsets')).toEqual({ 'payments/postgres': 0 });
    const point = await w.call('inspectRestorePoint', { plan: 'apps', target: 'workloads' });
    expect(point.resources.map((r) => [r.key, r.state, r.isLive])).toEqual([
      ['payments/Deployment/api', { replicas: 3 }, true],
      ['payments/Deployment/legacy-batch', { replicas: 0 }, false],
      ['payments/Deployment/worker', { replicas: 2 }, true],
      ['payments/StatefulSet/postgres', { replicas: 1 }, true],
      ['web/Deployment/frontend', { replicas: 4 }, true],
      ['web/Deployment/static-cache', { replicas: 2 }, true],
    ]);
    const [entry] = await w.ledger('apps');
    expect(entry?.message).toContain('scaled 5 workloads to 0 in 2 namespaces (payments, web)');
    expect(entry?.message).toContain('web/Deployment/frontend (HPA frontend)');
    expect(entry?.message).toContain('payments/Deployment/ledger-audit (excluded by annotation');

    // Someone scales workloads by hand while the plan sleeps.
    const { apps } = clientsFor(w.emulator);
    await apps.patchNamespacedDeploymentScale(
      { namespace: 'payments', name: 'api', body: { spec: { replicas: 1 } } },
      mergePatch(),
    );
    await apps.patchNamespacedDeploymentScale(
      { namespace: 'web', name: 'static-cache', body: { spec: { replicas: 5 } } },
      mergePatch(),
    );

    expect(await w.wake('apps')).toBe('Active');
    expect(w.replicas()).toEqual(before);
    expect(w.replicas('apps/statefulsets')).toEqual(beforeSts);
    expect(w.replicas()['payments/legacy-batch']).toBe(0);
    expect((await w.ledger('apps'))[0]?.message).toContain(
      'restored 5 workloads to their recorded replicas; 1 recorded at 0 left as they are',
    );
  });

  it('keeps the recorded counts when a retry finds the workloads already at zero', async () => {
    const w = await start();
    const before = w.replicas();
    await w.applyPlan('apps', [
      { name: 'workloads', type: 'workloadscaler', parameters: { namespace: ENABLED } },
    ]);
    // Every scale patch but the first two fails, past the client's own retries: the shutdown fails half-way.
    const removeFault = w.emulator.fault({
      operation: 'patch deployments/scale',
      nth: Array.from({ length: 30 }, (_, i) => i + 3),
    });
    expect(await w.hibernate('apps')).toBe('Error');
    const zeroAfterFailure = Object.values(w.replicas()).filter((n) => n === 0).length;
    expect(zeroAfterFailure).toBeGreaterThanOrEqual(3); // legacy-batch plus the two patches that went through
    removeFault();

    expect(await w.retry('apps')).toBe('Hibernated');
    const point = await w.call('inspectRestorePoint', { plan: 'apps', target: 'workloads' });
    expect(Object.fromEntries(point.resources.map((r) => [r.key, r.state]))).toMatchObject({
      'payments/Deployment/api': { replicas: 3 },
      'payments/Deployment/worker': { replicas: 2 },
      'web/Deployment/frontend': { replicas: 4 },
      'web/Deployment/static-cache': { replicas: 2 },
    });
    expect(await w.wake('apps')).toBe('Active');
    expect(w.replicas()).toEqual(before);
  });

  it('fails with the selector in the message when the namespace selector matches nothing', async () => {
    const w = await start();
    await w.applyPlan('apps', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        parameters: { namespace: { selector: { team: 'nobody', env: 'dev' } } },
      },
    ]);
    expect(await w.hibernate('apps')).toBe('Error');
    const [entry] = await w.ledger('apps');
    expect(entry?.errorCode).toBe('KUBE_NAMESPACE_SELECTOR_EMPTY');
    expect(entry?.message).toContain(
      'namespace selector "env=dev,team=nobody" matches no namespace',
    );
    expect(w.mutatingCalls()).toEqual({});
  });

  it('names the verb, resource and namespace when RBAC forbids the scale patch, with the captures already saved', async () => {
    const seed = sandboxSeed();
    seed.tokens = {
      ...seed.tokens,
      'ci-bot-token': {
        user: 'ci-bot',
        deny: [{ verb: 'patch', resource: 'deployments/scale', namespace: 'payments' }],
      },
    };
    const w = await start(seed);
    const limited = join(w.dir, 'limited-kubeconfig');
    writeFileSync(limited, w.emulator.kubeconfig('ci').replace(w.emulator.token, 'ci-bot-token'));
    await w.call('applyConnection', { connection: k8sConnection('ci-cluster', limited) });
    await w.applyPlan('apps', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        connection: 'ci-cluster',
        parameters: { namespace: { literals: ['payments'] } },
      },
    ]);

    expect(await w.hibernate('apps')).toBe('Error');
    const [entry] = await w.ledger('apps');
    expect(entry?.errorCode).toBe('KUBE_FORBIDDEN');
    expect(entry?.message).toMatch(
      /^forbidden: cannot patch deployments\/scale in namespace payments — grant "patch" on "deployments\/scale" in API group "apps" to user "ci-bot"/,
    );
    const point = await w.call('inspectRestorePoint', { plan: 'apps', target: 'workloads' });
    expect(point.resources.find((r) => r.key === 'payments/Deployment/api')).toMatchObject({
      state: { replicas: 3 },
      isLive: true,
    });
    expect(w.replicas()['payments/api']).toBe(3);
  });

  it('reads every page of 600 Deployments and restores all of them', async () => {
    const deployments = Array.from({ length: 600 }, (_, i) => ({
      namespace: 'big',
      name: `svc-${String(i).padStart(3, '0')}`,
      replicas: (i % 3) + 1,
    }));
    const w = await start({ namespaces: [{ name: 'big' }], deployments });
    await w.applyPlan('big', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        parameters: { namespace: { literals: ['big'] } },
      },
    ]);
    w.emulator.resetCalls();

    expect(await w.hibernate('big')).toBe('Hibernated');
    // 250 a page: three list requests, and every Deployment was seen and scaled.
    expect(w.emulator.calls()['list deployments']).toBe(3);
    expect(w.emulator.calls()['patch deployments/scale']).toBe(600);
    expect(Object.values(w.replicas()).every((n) => n === 0)).toBe(true);
    expect(
      (await w.call('inspectRestorePoint', { plan: 'big', target: 'workloads' })).resources,
    ).toHaveLength(600);

    expect(await w.wake('big')).toBe('Active');
    expect(Object.values(w.replicas())).toEqual(deployments.map((d) => d.replicas));
  });

  it('scales custom resources through their scale subresource and records where they live', async () => {
    const w = await start({
      customResources: [
        {
          group: 'example.com',
          version: 'v1',
          plural: 'widgets',
          kind: 'Widget',
          scale: true,
          items: [{ namespace: 'apps', name: 'gadget', replicas: 3 }],
        },
      ],
    });
    await w.applyPlan('crd', [
      {
        name: 'widgets',
        type: 'workloadscaler',
        parameters: {
          includedGroups: ['example.com/v1/widgets'],
          namespace: { literals: ['apps'] },
        },
      },
    ]);
    expect(await w.hibernate('crd')).toBe('Hibernated');
    expect(w.replicas('example.com/widgets')).toEqual({ 'apps/gadget': 0 });
    const point = await w.call('inspectRestorePoint', { plan: 'crd', target: 'widgets' });
    expect(point.resources).toMatchObject([
      {
        key: 'apps/Widget/gadget',
        state: { replicas: 3, group: 'example.com', version: 'v1', resource: 'widgets' },
      },
    ]);
    expect(await w.wake('crd')).toBe('Active');
    expect(w.replicas('example.com/widgets')).toEqual({ 'apps/gadget': 3 });
  });
});

describe('workloadscaler awaitCompletion', () => {
  it('waits until the pods are gone and until they are ready again', async () => {
    const w = await start(sandboxSeed(), { emulator: { replicaDelayMs: 150 } });
    await w.applyPlan('apps', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        parameters: {
          namespace: { literals: ['web'] },
          awaitCompletion: { enabled: true, timeout: '10s' },
        },
      },
    ]);
    expect(await w.hibernate('apps')).toBe('Hibernated');
    // The operation ended only once the status followed: no replicas are left running.
    const running = (w.emulator.state()['apps/deployments'] ?? [])
      .filter((d) => d.metadata.namespace === 'web')
      .map((d) => (d.status as { replicas?: number }).replicas ?? 0);
    expect(running).toEqual([0, 0]);
    expect(await w.wake('apps')).toBe('Active');
    const ready = (w.emulator.state()['apps/deployments'] ?? [])
      .filter((d) => d.metadata.namespace === 'web')
      .map((d) => (d.status as { readyReplicas?: number }).readyReplicas ?? 0);
    expect(ready.sort()).toEqual([2, 4]);
  });

  it('fails, naming what is left, when the workloads do not converge within the timeout', async () => {
    const w = await start(sandboxSeed(), { emulator: { replicaDelayMs: 60_000 } });
    await w.applyPlan('apps', [
      {
        name: 'workloads',
        type: 'workloadscaler',
        parameters: {
          namespace: { literals: ['web'] },
          awaitCompletion: { enabled: true, timeout: '300ms' },
        },
      },
    ]);
    expect(await w.hibernate('apps')).toBe('Error');
    const [entry] = await w.ledger('apps');
    expect(entry?.errorCode).toBe('AWAIT_TIMEOUT');
    expect(entry?.message).toContain(
      'awaitCompletion timed out after 0.3 s: workloads still running pods: 2 of 2: web/Deployment/frontend (4 running), web/Deployment/static-cache (2 running)',
    );
  });
});
