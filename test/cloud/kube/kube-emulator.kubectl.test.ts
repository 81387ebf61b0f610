/**
 * The emulator through the real kubectl, over https with a bearer token (kubectl sends tokens
 * only over TLS) and the emulator's certificate trusted through certificate-authority-data.
 * Skipped, with the reason printed, where no kubectl runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findKubectl } from './find-kubectl';
import { isObject } from './json';
import { startKubeEmulator, type KubeEmulator } from './kube-emulator';
import { SANDBOX_READONLY_TOKEN, sandboxSeed } from './sandbox-seed';

const kubectl = findKubectl();
if (!kubectl.ok) console.warn(`[kube-emulator.kubectl.test] skipped: ${kubectl.reason}`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Skipped only where kubectl is missing or cannot run (`.ci/run` installs it): the emulator's own
// client tests still cover the API; this one proves a real kubectl agrees.
describe.skipIf(!kubectl.ok)('kube emulator through the real kubectl over https', () => {
  let emu: KubeEmulator;
  let dir: string;
  let kubeconfigPath: string;

  const run = (args: string[], config = kubeconfigPath): Promise<Run> =>
    new Promise((resolve) => {
      const bin = kubectl.ok ? kubectl.path : 'kubectl';
      const env = {
        ...process.env,
        KUBECONFIG: config,
        HOME: dir,
        KUBECACHEDIR: join(dir, 'cache'),
      };
      execFile(bin, args, { env, timeout: 30_000 }, (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, stdout, stderr });
      });
    });

  const state = (bucket: string, name: string): Record<string, unknown> | undefined =>
    emu.state()[bucket]?.find((o) => o.metadata.name === name);

  beforeAll(async () => {
    emu = await startKubeEmulator({ https: true, seed: sandboxSeed() });
    dir = mkdtempSync(join(tmpdir(), 'kube-emulator-kubectl-'));
    kubeconfigPath = join(dir, 'kubeconfig');
    writeFileSync(kubeconfigPath, emu.kubeconfig('sandbox'));
  });
  afterAll(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    emu.seed();
    emu.resetCalls();
  });

  it('lists deployments in every namespace with the server-side columns', async () => {
    const out = await run(['get', 'deploy', '-A']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(lines.some((l) => /^payments\s+api\s+3\/3\s+3\s+3\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^payments\s+legacy-batch\s+0\/0\s/.test(l))).toBe(true);
    expect(lines).toHaveLength(8);
  });

  it('scales a deployment to zero through the scale subresource', async () => {
    const out = await run(['scale', 'deploy/api', '--replicas=0', '-n', 'payments']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('deployment.apps/api scaled');
    expect(state('apps/deployments', 'api')).toMatchObject({ spec: { replicas: 0 } });
    const calls = emu.calls();
    expect((calls['patch deployments/scale'] ?? 0) + (calls['update deployments/scale'] ?? 0)).toBe(
      1,
    );
  });

  it('reads the scale subresource with get --raw', async () => {
    const out = await run([
      'get',
      '--raw',
      '/apis/apps/v1/namespaces/payments/deployments/api/scale',
    ]);
    expect(out.code).toBe(0);
    const scale: unknown = JSON.parse(out.stdout);
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=api' },
    });
  });

  it('lists, reads as JSON and deletes NodePools', async () => {
    const list = await run(['get', 'nodepools.karpenter.sh']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+NODECLASS\s+NODES\s+READY\s+AGE/);
    expect(list.stdout).toMatch(/\ndefault\s+default\s+3\s+True\s/);
    const json = await run(['get', 'nodepool', 'default', '-o', 'json']);
    expect(json.code).toBe(0);
    const pool: unknown = JSON.parse(json.stdout);
    expect(pool).toMatchObject({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'default' },
    });
    const del = await run(['delete', 'nodepool', 'default']);
    expect(del.code).toBe(0);
    expect(del.stdout).toContain('nodepool.karpenter.sh "default" deleted');
    expect(state('karpenter.sh/nodepools', 'default')).toBeUndefined();
  });

  it('creates a NodePool from a file, refuses a duplicate, and applies a change as a merge patch', async () => {
    const file = join(dir, 'pool.yaml');
    const manifest = (cpu: string): string =>
      [
        'apiVersion: karpenter.sh/v1',
        'kind: NodePool',
        'metadata:',
        '  name: night',
        '  labels: {env: staging}',
        'spec:',
        '  template:',
        '    spec:',
        '      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}',
        `  limits: {cpu: "${cpu}"}`,
        '',
      ].join('\n');
    writeFileSync(file, manifest('8'));
    const created = await run(['create', '-f', file]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('nodepool.karpenter.sh/night created');
    const dup = await run(['create', '-f', file]);
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('AlreadyExists');
    await run(['delete', 'nodepool', 'night']);
    const applied = await run(['apply', '-f', file]);
    expect(applied.stdout).toContain('nodepool.karpenter.sh/night created');
    writeFileSync(file, manifest('0'));
    const changed = await run(['apply', '-f', file]);
    expect(changed.stdout).toContain('nodepool.karpenter.sh/night configured');
    expect(state('karpenter.sh/nodepools', 'night')).toMatchObject({
      spec: { limits: { cpu: '0' } },
      metadata: { generation: 2 },
    });
    expect(emu.calls()['patch nodepools']).toBe(1);
  });

  it('shows the Forbidden Status of a denied user', async () => {
    const limited = join(dir, 'viewer-kubeconfig');
    const config = emu.kubeconfig('viewer').replace(emu.token, SANDBOX_READONLY_TOKEN);
    writeFileSync(limited, config);
    const out = await run(['scale', 'deploy/api', '--replicas=0', '-n', 'payments'], limited);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(
      'is forbidden: User "viewer" cannot patch resource "deployments/scale" in API group "apps" in the namespace "payments"',
    );
    const api = state('apps/deployments', 'api');
    expect(isObject(api) && isObject(api.spec) ? api.spec.replicas : undefined).toBe(3);
  });
});
