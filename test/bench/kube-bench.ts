/**
 * Kubernetes executors at scale (issue item 7): Deployments spread over namespaces hibernate
 * and wake through the engine, at the workloadscaler's default API concurrency (16), against
 * the Kubernetes emulator running in its own process with a fixed latency on every API call.
 * Prints the API calls each action made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeSeed } from '../cloud/kube';
import { startEmulatorProcess, type EmulatorProcess } from '../kube/emulator-process';
import { callApi, k8sConnection, kubePlan, openKubeEngine, settlePlan } from '../kube/kube-harness';
import type { Engine } from '../../main/engine/engine';
import type { BenchResult } from './bench-result';

interface Size {
  deployments: number;
  namespaces: number;
  latencyMs: number;
}

function seed({ deployments, namespaces }: Size): KubeSeed {
  return {
    namespaces: Array.from({ length: namespaces }, (_, i) => ({
      name: `team-${String(i).padStart(2, '0')}`,
      labels: { bench: 'true' },
    })),
    deployments: Array.from({ length: deployments }, (_, i) => ({
      namespace: `team-${String(i % namespaces).padStart(2, '0')}`,
      name: `svc-${String(i).padStart(4, '0')}`,
      replicas: (i % 4) + 1,
    })),
  };
}

async function replicas(emulator: EmulatorProcess): Promise<number[]> {
  return ((await emulator.state())['apps/deployments'] ?? []).map(
    (d) => (d.spec as { replicas?: number } | undefined)?.replicas ?? -1,
  );
}

async function timed(
  engine: Engine,
  emulator: EmulatorProcess,
  method: 'hibernateNow' | 'wakeNow',
  expected: string,
): Promise<{ seconds: number; calls: Record<string, number> }> {
  await emulator.resetCalls();
  const started = performance.now();
  await callApi(engine, method, { plan: 'bench' });
  const phase = await settlePlan(engine, 'bench', 60_000);
  const seconds = (performance.now() - started) / 1000;
  if (phase !== expected)
    throw new Error(
      `expected ${expected}, the plan is ${phase}: ${JSON.stringify((await callApi(engine, 'getPlan', { name: 'bench' })).status.ledger)}`,
    );
  return { seconds, calls: await emulator.calls() };
}

export async function runKubeBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const size: Size = opts.quick
    ? { deployments: 100, namespaces: 5, latencyMs: 20 }
    : { deployments: 500, namespaces: 20, latencyMs: 20 };
  const label = `${size.deployments} Deployments / ${size.namespaces} ns, ${size.latencyMs} ms latency`;
  const dir = mkdtempSync(join(tmpdir(), 'hib-kube-bench-'));
  const emulator = await startEmulatorProcess({ seed: seed(size), latencyMs: size.latencyMs, dir });
  const engine = openKubeEngine(join(dir, 'data'))();
  try {
    await callApi(engine, 'applyConnection', {
      connection: k8sConnection('dev-cluster', emulator.kubeconfigPath),
    });
    await callApi(engine, 'applyPlan', {
      plan: kubePlan('bench', [
        {
          name: 'workloads',
          type: 'workloadscaler',
          parameters: { namespace: { selector: { bench: 'true' } } },
        },
      ]),
    });
    // Warm, as a running app is: modules loaded, client made, connections open (a dry run changes nothing).
    await callApi(engine, 'discover', { plan: 'bench' });
    const down = await timed(engine, emulator, 'hibernateNow', 'Hibernated');
    const scaledDown = (await replicas(emulator)).filter((n) => n === 0).length;
    const up = await timed(engine, emulator, 'wakeNow', 'Active');
    const restored = (await replicas(emulator)).filter((n) => n > 0).length;
    if (scaledDown !== size.deployments || restored !== size.deployments) {
      throw new Error(
        `scaled down ${scaledDown} and restored ${restored} of ${size.deployments} Deployments`,
      );
    }
    for (const [action, run] of [
      ['hibernate', down],
      ['wake', up],
    ] as const) {
      console.log(`kube ${action} (${label}): ${run.seconds.toFixed(2)} s; API calls:`);
      console.table(run.calls);
    }
    const total = (calls: Record<string, number>): number =>
      Object.values(calls).reduce((a, b) => a + b, 0);
    return [
      {
        name: `kube hibernate ${label}`,
        value: Math.round(down.seconds * 100) / 100,
        unit: 's',
        target: '< 3',
        ok: down.seconds < 3,
      },
      {
        name: `kube wake ${label}`,
        value: Math.round(up.seconds * 100) / 100,
        unit: 's',
        target: '< 3',
        ok: up.seconds < 3,
      },
      { name: 'kube hibernate: API calls', value: total(down.calls), unit: 'calls' },
      { name: 'kube wake: API calls', value: total(up.calls), unit: 'calls' },
    ];
  } finally {
    await engine.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
