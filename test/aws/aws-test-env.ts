import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api/contract';
import type { Clock } from '../../main/engine/clock';
import {
  createAwsClientProvider,
  type AwsClientProvider,
  type AwsRetryPolicy,
} from '../../main/engine/connections/aws/aws-clients';
import { createAwsConnectionTools } from '../../main/engine/connections/aws/aws-connection-tools';
import { noConnectionTools } from '../../main/engine/connections/connection-tools';
import { Engine } from '../../main/engine/engine';
import { createExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import {
  SANDBOX_KEYS,
  sandboxSeed,
  startAwsEmulator,
  type AwsEmulator,
  type AwsEmulatorOptions,
  type AwsSeed,
} from '../cloud/aws';
import { writeAwsProfiles, type ProfileKeys } from './credentials-file';

/**
 * An engine with the real AWS executors and SDK clients, pointed at the loopback emulator
 * through a connection whose `endpoint` is the emulator and whose profile lives in a temporary
 * credentials file.
 */
export interface AwsTestEnv {
  emu: AwsEmulator;
  engine: Engine;
  dir: string;
  env: NodeJS.ProcessEnv;
  clients: AwsClientProvider;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** Applies a CloudProvider named `name` for `profile` (default: `dev` with the sandbox admin keys). */
  connect(name?: string, aws?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface AwsTestEnvOptions {
  seed?: AwsSeed;
  emulator?: AwsEmulatorOptions;
  profiles?: Record<string, ProfileKeys>;
  clock?: Clock;
  pollIntervalMs?: number;
  retry?: Partial<AwsRetryPolicy>;
  /** The SDK's per-request timeout (default 30 s), for `timeout` faults. */
  requestTimeoutMs?: number;
  /** Log to `engine.log` in the data dir, as the hosts do, instead of to memory. */
  fileLog?: boolean;
}

export const TEST_PROFILE = 'dev';

export async function startAwsTestEnv(options: AwsTestEnvOptions = {}): Promise<AwsTestEnv> {
  const emu = await startAwsEmulator({
    transitionMs: 20,
    seed: options.seed ?? sandboxSeed(),
    ...options.emulator,
  });
  const dir = mkdtempSync(join(tmpdir(), 'hib-aws-'));
  const files = writeAwsProfiles(
    join(dir, 'aws'),
    options.profiles ?? { [TEST_PROFILE]: SANDBOX_KEYS.admin },
  );
  const env: NodeJS.ProcessEnv = { ...process.env, ...files };
  const clients = createAwsClientProvider({
    env,
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  const registry = createExecutorRegistry({
    aws: { pollIntervalMs: options.pollIntervalMs ?? 10 },
  });
  const engine = Engine.open({
    dataDir: join(dir, 'data'),
    host: 'serve',
    ...(options.fileLog ? {} : { logger: createMemoryLogger() }),
    executors: registry,
    clients,
    connectionTools: { ...noConnectionTools, ...createAwsConnectionTools({ env }) },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const call = async <M extends ApiMethod>(
    method: M,
    input: ApiInput<M>,
  ): Promise<ApiOutputs[M]> => {
    const result = await engine.call(method, input);
    if (!result.ok)
      throw Object.assign(
        new Error(
          `${method}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`,
        ),
        { code: result.error.code },
      );
    return result.result as ApiOutputs[M];
  };
  return {
    emu,
    engine,
    dir,
    env,
    clients,
    call,
    async connect(name = 'sandbox', aws = {}) {
      await call('applyConnection', {
        connection: {
          apiVersion: 'hibernator.ardikabs.com/v1alpha1',
          kind: 'CloudProvider',
          metadata: { name },
          spec: {
            type: 'aws',
            aws: { region: 'us-east-1', profile: TEST_PROFILE, endpoint: emu.url, ...aws },
          },
        },
      });
    },
    async close() {
      await engine.close();
      clients.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TargetSpec {
  name: string;
  type: 'ec2' | 'rds' | 'eks' | 'asg' | 'noop';
  parameters: Record<string, unknown>;
  connection?: string;
}

/** A plan that is awake now (weekend-only off-hours far from the test's clock) unless `alwaysOff`. */
export function awsPlan(
  name: string,
  targets: TargetSpec[],
  extra: { strategy?: Record<string, unknown>; alwaysOff?: boolean; retries?: number } = {},
): Record<string, unknown> {
  const allWeek = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name },
    spec: {
      schedule: {
        timezone: 'UTC',
        offHours: extra.alwaysOff
          ? [{ start: '00:00', end: '24:00', daysOfWeek: allWeek }]
          : [{ start: '03:00', end: '03:01', daysOfWeek: ['SUN'] }],
      },
      execution: { strategy: extra.strategy ?? { type: 'Parallel' } },
      behavior: { mode: 'Strict', retries: extra.retries ?? 0 },
      targets: targets.map((t) => ({
        name: t.name,
        type: t.type,
        ...(t.type === 'noop'
          ? {}
          : { connectorRef: { kind: 'CloudProvider', name: t.connection ?? 'sandbox' } }),
        parameters: t.parameters,
      })),
    },
  };
}

/** Hibernates (or wakes) the plan now and waits until the engine is idle; returns the plan status. */
export async function runAction(
  t: AwsTestEnv,
  action: 'hibernateNow' | 'wakeNow',
  plan: string,
): Promise<ApiOutputs['getPlan']['status']> {
  await t.call(action, { plan });
  await t.engine.idle();
  return (await t.call('getPlan', { name: plan })).status;
}

export function ledger(
  status: ApiOutputs['getPlan']['status'],
  target: string,
): { state: string; message: string | null; errorCode?: string | undefined } {
  const entry = status.ledger.find((e) => e.target === target);
  if (entry === undefined)
    throw new Error(`no ledger entry for ${target}: ${JSON.stringify(status.ledger)}`);
  return entry;
}

/** Emulator state lookups for assertions (the default account and region). */
export function ec2State(t: AwsTestEnv, id: string): string | undefined {
  return t.emu.region()?.ec2.instances.find((i) => i.instanceId === id)?.state;
}

export function rdsStatus(t: AwsTestEnv, id: string): string | undefined {
  const region = t.emu.region();
  return (
    region?.rds.instances.find((i) => i.id === id)?.status ??
    region?.rds.clusters.find((c) => c.id === id)?.status
  );
}

export function asgSizes(
  t: AwsTestEnv,
  name: string,
): { min: number; max: number; desired: number } | undefined {
  const g = t.emu.region()?.autoscaling.groups.find((x) => x.name === name);
  return g === undefined
    ? undefined
    : { min: g.minSize, max: g.maxSize, desired: g.desiredCapacity };
}

export function nodegroupSizes(
  t: AwsTestEnv,
  cluster: string,
  name: string,
): { min: number; max: number; desired: number } | undefined {
  const ng = t.emu
    .region()
    ?.eks.clusters.find((c) => c.name === cluster)
    ?.nodegroups.find((n) => n.name === name);
  return ng === undefined
    ? undefined
    : { min: ng.minSize, max: ng.maxSize, desired: ng.desiredSize };
}
