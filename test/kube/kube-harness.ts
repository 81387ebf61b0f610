/**
 * Engine tests against the Kubernetes emulator: a real Engine (SQLite, lifecycle, restore store)
 * with the workloadscaler and karpenter executors, whose clients reach the emulator through a
 * kubeconfig file, as they would reach a cluster. Real timers: the emulator runs on wall time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api/contract';
import {
  createKubeClientProvider,
  type KubeClientOptions,
} from '../../main/engine/connections/kube/kube-client-provider';
import { Engine } from '../../main/engine/engine';
import type { KarpenterOptions } from '../../main/engine/executors/karpenter/karpenter-executor';
import { createExecutorRegistry } from '../../main/engine/executors/registry';
import type { WorkloadScalerOptions } from '../../main/engine/executors/workloadscaler/workloadscaler-executor';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { ConnectionRepository } from '../../main/engine/store/connection-repository';
import { startKubeEmulator, type KubeEmulator, type KubeEmulatorOptions } from '../cloud/kube';

/** Awake all week except one minute on Sunday night: only hibernateNow / wakeNow move the plan. */
export const QUIET_HOURS = [{ start: '00:00', end: '00:01', daysOfWeek: ['SUN'] }];

export interface KubeTestOptions {
  emulator?: KubeEmulatorOptions;
  workloads?: WorkloadScalerOptions;
  karpenter?: KarpenterOptions;
  clients?: Omit<KubeClientOptions, 'findConnection'>;
}

export interface TargetSpec {
  name: string;
  type: 'workloadscaler' | 'karpenter' | 'noop';
  parameters: Record<string, unknown>;
  connection?: string;
}

export function k8sConnection(
  name: string,
  kubeconfigPath: string,
  context?: string,
): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'K8SCluster',
    metadata: { name },
    spec: { kubeconfig: { path: kubeconfigPath, ...(context ? { context } : {}) } },
  };
}

export function kubePlan(
  name: string,
  targets: TargetSpec[],
  extra: { retries?: number; strategy?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name },
    spec: {
      schedule: { timezone: 'UTC', offHours: QUIET_HOURS },
      execution: { strategy: extra.strategy ?? { type: 'Sequential' } },
      behavior: { mode: 'Strict', retries: extra.retries ?? 0 },
      targets: targets.map((t) => ({
        name: t.name,
        type: t.type,
        ...(t.type === 'noop'
          ? {}
          : { connectorRef: { kind: 'K8SCluster', name: t.connection ?? 'dev-cluster' } }),
        parameters: t.parameters,
      })),
    },
  };
}

/** An Engine with the Kubernetes executors whose clients resolve EKS providers from the engine's own store. */
export function openKubeEngine(dataDir: string, options: KubeTestOptions = {}): () => Engine {
  let current: Engine | undefined;
  const clients = createKubeClientProvider({
    ...options.clients,
    // The engine's connection store, read when a client is made (after the engine is open).
    findConnection: (name) => (current ? new ConnectionRepository(current.db).get(name) : null),
  });
  const executors = createExecutorRegistry({
    random: () => 0,
    workloadscaler: { pollIntervalMs: 25, ...options.workloads },
    karpenter: { pollIntervalMs: 25, ...options.karpenter },
  });
  return () => {
    current = Engine.open({
      dataDir,
      host: 'serve',
      logger: createMemoryLogger(),
      executors,
      clients,
      onClose: () => clients.close(),
    });
    return current;
  };
}

export async function callApi<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutputs[M]> {
  const result = await engine.call(method, input);
  if (!result.ok)
    throw Object.assign(new Error(`${method}: ${result.error.message}`), {
      code: result.error.code,
    });
  return result.result as ApiOutputs[M];
}

/** Waits (real time) until the plan has left the running phases, and returns where it ended. */
export async function settlePlan(
  engine: Engine,
  plan: string,
  timeoutMs = 15_000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    await engine.idle();
    const { phase } = (await callApi(engine, 'getPlan', { name: plan })).status;
    if (phase !== 'Hibernating' && phase !== 'WakingUp') return phase;
    if (Date.now() - started > timeoutMs)
      throw new Error(`plan ${plan} is still ${phase} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class KubeWorld {
  private constructor(
    readonly emulator: KubeEmulator,
    public engine: Engine,
    readonly dir: string,
    readonly kubeconfigPath: string,
    private readonly reopen: () => Engine,
  ) {}

  static async start(options: KubeTestOptions = {}): Promise<KubeWorld> {
    const emulator = await startKubeEmulator(options.emulator);
    const dir = mkdtempSync(join(tmpdir(), 'hib-kube-'));
    const kubeconfigPath = join(dir, 'kubeconfig');
    writeFileSync(kubeconfigPath, emulator.kubeconfig('dev'));
    const open = openKubeEngine(join(dir, 'data'), options);
    const world = new KubeWorld(emulator, open(), dir, kubeconfigPath, open);
    await world.call('applyConnection', {
      connection: k8sConnection('dev-cluster', kubeconfigPath),
    });
    return world;
  }

  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
    return callApi(this.engine, method, input);
  }

  async applyPlan(
    name: string,
    targets: TargetSpec[],
    extra?: Parameters<typeof kubePlan>[2],
  ): Promise<void> {
    await this.call('applyPlan', { plan: kubePlan(name, targets, extra) });
  }

  settle(plan: string): Promise<string> {
    return settlePlan(this.engine, plan);
  }

  async hibernate(plan: string): Promise<string> {
    await this.call('hibernateNow', { plan });
    return this.settle(plan);
  }

  async wake(plan: string): Promise<string> {
    await this.call('wakeNow', { plan });
    return this.settle(plan);
  }

  async retry(plan: string): Promise<string> {
    await this.call('retry', { plan });
    return this.settle(plan);
  }

  async ledger(
    plan: string,
  ): Promise<Array<{ target: string; state: string; message: string | null; errorCode?: string }>> {
    return (await this.call('getPlan', { name: plan })).status.ledger;
  }

  /** spec.replicas of every workload of a kind, as `ns/name → replicas`. */
  replicas(bucket = 'apps/deployments'): Record<string, number> {
    const out: Record<string, number> = {};
    for (const o of this.emulator.state()[bucket] ?? []) {
      const spec = o.spec as { replicas?: unknown } | undefined;
      out[`${o.metadata.namespace ?? ''}/${o.metadata.name}`] =
        typeof spec?.replicas === 'number' ? spec.replicas : -1;
    }
    return out;
  }

  /** Calls that change something (create, update, patch, delete), by operation. */
  mutatingCalls(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.emulator.calls()).filter(([op]) =>
        /^(create|update|patch|delete|deletecollection) /.test(op),
      ),
    );
  }

  /** Closes the engine and opens it again on the same data, like a quit (or a crash after the last commit). */
  async restart(): Promise<void> {
    await this.engine.close();
    this.engine = this.reopen();
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.emulator.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
