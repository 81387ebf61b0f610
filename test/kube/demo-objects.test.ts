import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConnection, validatePlan, type Connection } from '../../shared/model';
import { sandboxSeed, startKubeEmulator, type KubeEmulator } from '../cloud/kube';
import { KUBE_DEMO_AWS_CONNECTION, kubeDemoConnection, kubeDemoPlan } from './demo-objects';
import { KubeWorld } from './kube-harness';

let emulator: KubeEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startKubeEmulator({ seed: sandboxSeed() });
  dir = mkdtempSync(join(tmpdir(), 'hib-kdemo-'));
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const awsConnection = {
  apiVersion: 'hibernator.ardikabs.com/v1alpha1',
  kind: 'CloudProvider',
  metadata: { name: KUBE_DEMO_AWS_CONNECTION },
  spec: { type: 'aws', aws: { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' } },
};

describe('Kubernetes demo objects', () => {
  it('are a valid connection and a valid DAG plan over the three layers', () => {
    const connection = validateConnection(kubeDemoConnection('/tmp/demo/kubeconfig'));
    expect(connection.errors).toEqual([]);
    const aws = validateConnection(awsConnection);
    expect(aws.valid).toBe(true);
    const plan = validatePlan(kubeDemoPlan('sandbox-kube'), {
      connections: [connection.value, aws.value].filter((c): c is Connection => c !== undefined),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.value?.spec.targets.map((t) => [t.name, t.type, t.connectorRef?.name])).toEqual([
      ['workloads', 'workloadscaler', 'sandbox-kube'],
      ['karpenter', 'karpenter', 'sandbox-kube'],
      ['node-groups', 'eks', 'sandbox-aws'],
    ]);
  });

  it('dry-run against the sandbox cluster: the selected namespaces and both NodePools', async () => {
    const world = await KubeWorld.start({ emulator: { seed: sandboxSeed() } });
    try {
      const kubeconfig = join(world.dir, 'sandbox-kubeconfig');
      writeFileSync(kubeconfig, world.emulator.kubeconfig('hibernator-sandbox'));
      await world.call('applyConnection', {
        connection: kubeDemoConnection(kubeconfig, { context: 'hibernator-sandbox' }),
      });
      await world.call('applyConnection', { connection: awsConnection });
      const workloads = await world.call('discover', { plan: kubeDemoPlan(), target: 'workloads' });
      expect(
        workloads.targets[0]?.actions.filter((a) => a.action === 'scale').map((a) => a.key),
      ).toEqual([
        'payments/Deployment/api',
        'payments/Deployment/worker',
        'payments/StatefulSet/postgres',
        'web/Deployment/frontend',
        'web/Deployment/static-cache',
      ]);
      const karpenter = await world.call('discover', { plan: kubeDemoPlan(), target: 'karpenter' });
      expect(karpenter.targets[0]?.actions.map((a) => a.description)).toEqual([
        'delete NodePool batch (2 nodes)',
        'delete NodePool default (3 nodes)',
      ]);
      expect(world.mutatingCalls()).toEqual({});
    } finally {
      await world.close();
    }
  });
});
