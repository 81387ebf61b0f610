/**
 * The emulator through the real @kubernetes/client-node 1.4.0, over http (skipTLSVerify) and
 * https (the emulator's certificate verified through certificate-authority-data).
 */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, failure, mergePatch, type Clients } from './client-helpers';
import { startKubeEmulator, type KubeEmulator } from './kube-emulator';
import type { KubeSeed } from './seed';
import { selfSignedCertificate } from './tls';

const TIERS = ['frontend', 'backend', 'batch'] as const;

function bigSeed(): KubeSeed {
  const namespaces = Array.from({ length: 6 }, (_, i) => ({
    name: `team-${i}`,
    labels: { env: i < 3 ? 'dev' : 'prod', team: `t${i}` },
  }));
  const deployments = Array.from({ length: 600 }, (_, i) => ({
    namespace: `team-${Math.floor(i / 100)}`,
    name: `svc-${String(i).padStart(3, '0')}`,
    replicas: (i % 4) + 1,
    labels: { tier: TIERS[i % 3] ?? 'batch', ...(i % 10 === 0 ? { 'hibernate-skip': 'yes' } : {}) },
    ...(i % 50 === 0 ? { annotations: { 'hibernator.ardikabs.com/exclude': 'true' } } : {}),
  }));
  return {
    namespaces,
    deployments,
    statefulsets: [{ namespace: 'team-0', name: 'db', replicas: 2 }],
    replicasets: [{ namespace: 'team-1', name: 'bare', replicas: 1 }],
    hpas: [
      {
        namespace: 'team-0',
        name: 'svc-000',
        target: { kind: 'Deployment', name: 'svc-000' },
        minReplicas: 2,
        maxReplicas: 5,
      },
    ],
    nodepools: [
      { name: 'default', labels: { env: 'dev' }, nodes: 3 },
      { name: 'spot', labels: { env: 'prod' }, nodes: 1 },
    ],
    nodes: [{ name: 'static-node', labels: { role: 'system' } }],
    customResources: [
      {
        group: 'example.com',
        version: 'v1',
        plural: 'widgets',
        kind: 'Widget',
        scale: true,
        items: [{ namespace: 'team-0', name: 'gadget', replicas: 3 }],
      },
    ],
    tokens: {
      'limited-token': {
        user: 'x',
        deny: [
          { verb: 'patch', resource: 'deployments/scale', namespace: 'team-1' },
          { verb: 'list', resource: 'deployments' },
        ],
      },
    },
  };
}

async function listAllDeployments(
  c: Clients,
  opts: { limit: number; labelSelector?: string },
): Promise<{ names: string[]; pages: number; firstRemaining?: number }> {
  const names: string[] = [];
  let token: string | undefined;
  let pages = 0;
  let firstRemaining: number | undefined;
  do {
    const page = await c.apps.listDeploymentForAllNamespaces({
      limit: opts.limit,
      _continue: token,
      labelSelector: opts.labelSelector,
    });
    if (pages === 0) firstRemaining = page.metadata?.remainingItemCount;
    pages += 1;
    for (const d of page.items) names.push(`${d.metadata?.namespace}/${d.metadata?.name}`);
    token = page.metadata?._continue;
  } while (token !== undefined && token !== '');
  return { names, pages, firstRemaining };
}

describe.each([
  ['http', false],
  ['https', true],
])('kube emulator through @kubernetes/client-node over %s', (_transport, https) => {
  let emu: KubeEmulator;
  let c: Clients;

  beforeAll(async () => {
    emu = await startKubeEmulator({ https, seed: bigSeed() });
    c = clientsFor(emu);
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.seed();
    emu.resetCalls();
    emu.clearFaults();
  });

  // Certificates exist only over https: the http run of this table lists it as skipped on purpose.
  it.runIf(https)(
    'verifies the server against the emulator certificate and refuses another one',
    async () => {
      expect(c.kc.getCurrentCluster()).toMatchObject({ caData: emu.caData, skipTLSVerify: false });
      const other = await selfSignedCertificate();
      const kc = new k8s.KubeConfig();
      kc.loadFromString(
        emu.kubeconfig().replace(emu.caData ?? '', Buffer.from(other.cert).toString('base64')),
      );
      await expect(kc.makeApiClient(k8s.CoreV1Api).listNamespace()).rejects.toThrow(
        /certificate|self.signed|verify/i,
      );
    },
  );

  it('pages through 600 deployments with limit and continue, each exactly once and in key order', async () => {
    const { names, pages, firstRemaining } = await listAllDeployments(c, { limit: 250 });
    expect(pages).toBe(3);
    expect(firstRemaining).toBe(350);
    expect(new Set(names).size).toBe(600);
    expect(names).toEqual([...names].sort());
    expect(emu.calls()['list deployments']).toBe(3);
  });

  it('filters with set-based selectors and keeps paging over the matches', async () => {
    const all = await c.apps.listDeploymentForAllNamespaces();
    const expected = all.items.filter(
      (d) =>
        ['frontend', 'backend'].includes(d.metadata?.labels?.tier ?? '') &&
        d.metadata?.labels?.['hibernate-skip'] === undefined,
    );
    const { names, pages, firstRemaining } = await listAllDeployments(c, {
      limit: 100,
      labelSelector: 'tier in (frontend,backend),!hibernate-skip',
    });
    expect(names.length).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(firstRemaining).toBeUndefined();
    const skipped = await c.apps.listNamespacedDeployment({
      namespace: 'team-2',
      labelSelector: 'hibernate-skip',
    });
    const notBatch = await c.apps.listNamespacedDeployment({
      namespace: 'team-2',
      labelSelector: 'tier notin (batch),hibernate-skip',
    });
    expect(notBatch.items.map((d) => d.metadata?.name)).toEqual(
      skipped.items
        .filter((d) => d.metadata?.labels?.tier !== 'batch')
        .map((d) => d.metadata?.name),
    );
    expect(notBatch.items.length).toBeGreaterThan(0);
    expect(notBatch.items.length).toBeLessThan(skipped.items.length);
  });

  it('lists namespaces and nodes by label, nodes of a NodePool carrying karpenter.sh/nodepool', async () => {
    const dev = await c.core.listNamespace({ labelSelector: 'env=dev' });
    expect(dev.items.map((n) => n.metadata?.name)).toEqual(['team-0', 'team-1', 'team-2']);
    expect(dev.items[0]?.metadata?.labels?.['kubernetes.io/metadata.name']).toBe('team-0');
    const pooled = await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' });
    expect(pooled.items).toHaveLength(3);
    const unpooled = await c.core.listNode({ labelSelector: '!karpenter.sh/nodepool' });
    expect(unpooled.items.map((n) => n.metadata?.name)).toEqual(['static-node']);
  });

  it('reads and writes the scale subresource with GET, merge PATCH and PUT', async () => {
    const before = await c.apps.readNamespacedDeployment({ name: 'svc-000', namespace: 'team-0' });
    const scale = await c.apps.readNamespacedDeploymentScale({
      name: 'svc-000',
      namespace: 'team-0',
    });
    expect(scale.kind).toBe('Scale');
    expect(scale.apiVersion).toBe('autoscaling/v1');
    expect(scale.spec?.replicas).toBe(1);
    expect(scale.status?.selector).toBe('app=svc-000');
    const patched = await c.apps.patchNamespacedDeploymentScale(
      { name: 'svc-000', namespace: 'team-0', body: { spec: { replicas: 0 } } },
      mergePatch(),
    );
    expect(patched.spec?.replicas).toBe(0);
    const after = await c.apps.readNamespacedDeployment({ name: 'svc-000', namespace: 'team-0' });
    expect(after.spec?.replicas).toBe(0);
    expect(after.status?.readyReplicas).toBeUndefined();
    expect(after.metadata?.generation).toBe((before.metadata?.generation ?? 0) + 1);
    expect(after.metadata?.resourceVersion).not.toBe(before.metadata?.resourceVersion);
    expect(after.metadata?.annotations?.['hibernator.ardikabs.com/exclude']).toBe('true');
    const put = await c.apps.replaceNamespacedDeploymentScale({
      name: 'svc-000',
      namespace: 'team-0',
      body: {
        apiVersion: 'autoscaling/v1',
        kind: 'Scale',
        metadata: {
          name: 'svc-000',
          namespace: 'team-0',
          resourceVersion: patched.metadata?.resourceVersion,
        },
        spec: { replicas: 4 },
      },
    });
    expect(put.spec?.replicas).toBe(4);
    const sts = await c.apps.patchNamespacedStatefulSetScale(
      { name: 'db', namespace: 'team-0', body: { spec: { replicas: 0 } } },
      mergePatch(),
    );
    expect(sts.spec?.replicas).toBe(0);
    expect(
      (await c.apps.readNamespacedStatefulSet({ name: 'db', namespace: 'team-0' })).status
        ?.replicas,
    ).toBe(0);
    expect(emu.calls()['patch deployments/scale']).toBe(1);
    expect(emu.calls()['update deployments/scale']).toBe(1);
  });

  it('refuses a stale resourceVersion on PUT scale with 409 Conflict', async () => {
    const scale = await c.apps.readNamespacedDeploymentScale({
      name: 'svc-006',
      namespace: 'team-0',
    });
    await c.apps.patchNamespacedDeploymentScale(
      { name: 'svc-006', namespace: 'team-0', body: { spec: { replicas: 2 } } },
      mergePatch(),
    );
    const err = await failure(
      c.apps.replaceNamespacedDeploymentScale({
        name: 'svc-006',
        namespace: 'team-0',
        body: { ...scale, spec: { replicas: 0 } },
      }),
    );
    expect(err.code).toBe(409);
    expect(err.status.reason).toBe('Conflict');
    expect(err.status.message).toContain(
      'Operation cannot be fulfilled on deployments.apps "svc-006"',
    );
  });

  it('creates, reads, lists, deletes NodePools and answers AlreadyExists with a Status', async () => {
    const listed = await c.custom.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      labelSelector: 'env=dev',
    });
    expect(JSON.stringify(listed)).toContain('"name":"default"');
    const pool: unknown = await c.custom.getClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      name: 'default',
    });
    expect(pool).toMatchObject({
      kind: 'NodePool',
      metadata: { name: 'default' },
      status: { resources: { nodes: '3' } },
    });
    const body = {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'extra', labels: { env: 'dev' } },
      spec: { limits: { cpu: '10' } },
    };
    await c.custom.createClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      body,
    });
    const dup = await failure(
      c.custom.createClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodepools',
        body,
      }),
    );
    expect(dup.code).toBe(409);
    expect(dup.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'nodepools.karpenter.sh "extra" already exists',
      details: { name: 'extra', group: 'karpenter.sh', kind: 'nodepools' },
    });
    await c.custom.patchClusterCustomObject(
      {
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodepools',
        name: 'extra',
        body: { spec: { limits: { cpu: '0' } } },
      },
      mergePatch(),
    );
    expect(
      await c.custom.getClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodepools',
        name: 'extra',
      }),
    ).toMatchObject({ spec: { limits: { cpu: '0' } }, metadata: { generation: 2 } });
    await c.custom.deleteClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
      name: 'default',
    });
    const gone = await failure(
      c.custom.getClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodepools',
        name: 'default',
      }),
    );
    expect(gone.code).toBe(404);
    expect(
      (await c.core.listNode({ labelSelector: 'karpenter.sh/nodepool=default' })).items,
    ).toHaveLength(0);
  });

  it('returns 404, 403, 422 and 401 as ApiException with real Status bodies', async () => {
    const missing = await failure(
      c.apps.readNamespacedDeployment({ name: 'nope', namespace: 'team-0' }),
    );
    expect(missing.code).toBe(404);
    expect(missing.status).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });

    const limited = clientsFor(emu, 'limited-token');
    const denied = await failure(
      limited.apps.patchNamespacedDeploymentScale(
        { name: 'svc-100', namespace: 'team-1', body: { spec: { replicas: 0 } } },
        mergePatch(),
      ),
    );
    expect(denied.code).toBe(403);
    expect(denied.status.message).toBe(
      'deployments.apps "svc-100" is forbidden: User "x" cannot patch resource "deployments/scale" in API group "apps" in the namespace "team-1"',
    );
    const deniedList = await failure(limited.apps.listDeploymentForAllNamespaces());
    expect(deniedList.status.message).toBe(
      'deployments.apps is forbidden: User "x" cannot list resource "deployments" in API group "apps" at the cluster scope',
    );
    await expect(
      limited.apps.patchNamespacedDeploymentScale(
        { name: 'svc-000', namespace: 'team-0', body: { spec: { replicas: 0 } } },
        mergePatch(),
      ),
    ).resolves.toBeDefined();

    const negative = await failure(
      c.apps.patchNamespacedDeploymentScale(
        { name: 'svc-000', namespace: 'team-0', body: { spec: { replicas: -1 } } },
        mergePatch(),
      ),
    );
    expect(negative.code).toBe(422);
    expect(negative.status).toMatchObject({
      reason: 'Invalid',
      message:
        'Scale.autoscaling "svc-000" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas' }] },
    });

    const stranger = clientsFor(emu, 'wrong-token');
    const unauthorized = await failure(stranger.core.listNamespace());
    expect(unauthorized.code).toBe(401);
  });

  it('rejects an object body sent as JSON patch, the client default without a merge-patch header', async () => {
    const err = await failure(
      c.apps.patchNamespacedDeploymentScale({
        name: 'svc-000',
        namespace: 'team-0',
        body: { spec: { replicas: 0 } },
      }),
    );
    expect(err.code).toBe(400);
    expect(err.status.message).toContain(
      'cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  });
});

describe('kube emulator behaviour that needs no second transport', () => {
  let emu: KubeEmulator;
  let c: Clients;

  beforeAll(async () => {
    emu = await startKubeEmulator({ seed: bigSeed(), faultSeed: 42 });
    c = clientsFor(emu);
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.seed();
    emu.resetCalls();
    emu.clearFaults();
  });

  it('scales a custom resource through its scale subresource', async () => {
    const args = {
      group: 'example.com',
      version: 'v1',
      namespace: 'team-0',
      plural: 'widgets',
      name: 'gadget',
    };
    expect(await c.custom.getNamespacedCustomObjectScale(args)).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=gadget' },
    });
    await c.custom.patchNamespacedCustomObjectScale(
      { ...args, body: { spec: { replicas: 0 } } },
      mergePatch(),
    );
    expect(await c.custom.getNamespacedCustomObject(args)).toMatchObject({
      spec: { replicas: 0 },
      status: { replicas: 0 },
    });
  });

  it('lists HorizontalPodAutoscalers in autoscaling/v2 and v1', async () => {
    const v2 = await c.hpaV2.listHorizontalPodAutoscalerForAllNamespaces();
    expect(v2.items[0]?.spec?.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: 'svc-000',
    });
    const v1 = await c.hpaV1.listHorizontalPodAutoscalerForAllNamespaces();
    expect(v1.items[0]?.spec?.targetCPUUtilizationPercentage).toBe(80);
  });

  it('fails exactly the Nth call of an operation and counts every call', async () => {
    emu.fault({ operation: 'list deployments', nth: [2], status: 500 });
    await c.apps.listNamespacedDeployment({ namespace: 'team-0' });
    const second = await failure(c.apps.listNamespacedDeployment({ namespace: 'team-0' }));
    expect(second.code).toBe(500);
    expect(second.status.reason).toBe('InternalError');
    await c.apps.listNamespacedDeployment({ namespace: 'team-0' });
    expect(emu.calls()['list deployments']).toBe(3);
  });

  it('throttles with 429 and Retry-After, and draws rate-based faults deterministically', async () => {
    emu.fault({ operation: 'get deployments', status: 429, times: 1 });
    const throttled = await failure(
      c.apps.readNamespacedDeployment({ name: 'svc-000', namespace: 'team-0' }),
    );
    expect(throttled.code).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    await expect(
      c.apps.readNamespacedDeployment({ name: 'svc-000', namespace: 'team-0' }),
    ).resolves.toBeDefined();

    const outcomes = async (): Promise<boolean[]> => {
      emu.clearFaults();
      emu.fault({ operation: 'list namespaces', rate: 0.5, status: 503 });
      const out: boolean[] = [];
      for (let i = 0; i < 12; i += 1)
        out.push(
          await c.core.listNamespace().then(
            () => true,
            () => false,
          ),
        );
      return out;
    };
    const first = await outcomes();
    expect(first).toContain(true);
    expect(first).toContain(false);
    expect(await outcomes()).toEqual(first);
  });

  it('answers 410 Expired for a continue token issued before a compaction', async () => {
    const page = await c.apps.listDeploymentForAllNamespaces({ limit: 10 });
    emu.compact();
    const err = await failure(
      c.apps.listDeploymentForAllNamespaces({ limit: 10, _continue: page.metadata?._continue }),
    );
    expect(err.code).toBe(410);
    expect(err.status.reason).toBe('Expired');
  });

  it('creates and deletes a Deployment and rejects a create that carries a resourceVersion', async () => {
    const body: k8s.V1Deployment = {
      metadata: { name: 'fresh' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'fresh' } },
        template: {
          metadata: { labels: { app: 'fresh' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    };
    const created = await c.apps.createNamespacedDeployment({ namespace: 'team-3', body });
    expect(created.metadata?.generation).toBe(1);
    const again = await failure(
      c.apps.createNamespacedDeployment({
        namespace: 'team-3',
        body: { ...body, metadata: { name: 'other', resourceVersion: '5' } },
      }),
    );
    expect(again.code).toBe(500);
    const wrongNs = await failure(
      c.apps.createNamespacedDeployment({ namespace: 'missing', body }),
    );
    expect(wrongNs.status.message).toBe('namespaces "missing" not found');
    await c.apps.deleteNamespacedDeployment({ name: 'fresh', namespace: 'team-3' });
    expect(
      (await failure(c.apps.readNamespacedDeployment({ name: 'fresh', namespace: 'team-3' }))).code,
    ).toBe(404);
  });
});
