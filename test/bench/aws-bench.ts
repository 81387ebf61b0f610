/**
 * AWS executors against the loopback emulator with 50 ms of latency per call (issue item 7):
 * one ec2 target of 1,000 instances (≤ 2 describe pages + 1 stop call, < 1 s), and a plan of 20
 * targets (ec2, rds, eks, asg) at maxConcurrency 10 against its critical path. Prints the API
 * calls made per action next to the minimum needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../cloud/shared/repo-root';
import { systemClock } from '../../main/engine/clock';
import {
  createAwsClientProvider,
  type AwsClientProvider,
} from '../../main/engine/connections/aws/aws-clients';
import { Engine } from '../../main/engine/engine';
import { createEc2Executor } from '../../main/engine/executors/ec2/ec2-executor';
import { createRdsExecutor } from '../../main/engine/executors/rds/rds-executor';
import type { ExecutorContext } from '../../main/engine/executors/executor';
import { createExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { parseExecutorParameters, type CloudProvider } from '../../shared/model';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api/contract';
import { SANDBOX_KEYS, type AwsSeed, type CallSnapshot } from '../cloud/aws';
import { awsPlan, type TargetSpec } from '../aws/aws-test-env';
import { writeAwsProfiles } from '../aws/credentials-file';
import type { BenchResult } from './bench-result';

const LATENCY_MS = 50;
const ROOT = repoRoot();

/**
 * The emulator runs in its own process, as AWS would: its XML rendering must not be billed to
 * the engine's CPU (on two cores, in one process, it doubled the measured time).
 */
interface RemoteEmulator {
  url: string;
  calls(): Promise<CallSnapshot>;
  post(path: string, body?: unknown): Promise<void>;
  close(): void;
}

async function startRemoteEmulator(
  dir: string,
  seed: AwsSeed,
  latencyMs = LATENCY_MS,
): Promise<RemoteEmulator> {
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'test/cloud/aws/main.ts'),
      '--port',
      '0',
      '--seed',
      seedFile,
      '--latency-ms',
      String(latencyMs),
      '--transition-ms',
      '50',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the AWS emulator exited (${String(code)}) before listening: ${out}`)),
    );
  });
  const send = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return res;
  };
  return {
    url,
    calls: async () => (await (await send('GET', '/_emulator/calls')).json()) as CallSnapshot,
    post: async (path, body) => {
      await send(path === '/_emulator/calls' ? 'DELETE' : 'POST', path, body);
    },
    close: () => {
      child.kill('SIGTERM');
    },
  };
}

interface Bench {
  dir: string;
  emu: RemoteEmulator;
  clients: AwsClientProvider;
  connection: CloudProvider;
  close(): void;
}

async function openBench(seed: AwsSeed, latencyMs = LATENCY_MS): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'hib-awsbench-'));
  const emu = await startRemoteEmulator(dir, seed, latencyMs);
  const env = {
    ...process.env,
    ...writeAwsProfiles(join(dir, 'aws'), { dev: SANDBOX_KEYS.admin }),
  };
  const clients = createAwsClientProvider({ env });
  const connection: CloudProvider = {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'CloudProvider',
    metadata: { name: 'sandbox' },
    spec: { type: 'aws', aws: { region: 'us-east-1', profile: 'dev', endpoint: emu.url } },
  };
  // Warm the client set (credentials file, HTTP agent) outside any measurement.
  await (await clients.clientsFor(connection)).callerIdentity();
  return {
    dir,
    emu,
    clients,
    connection,
    close() {
      clients.close();
      emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function instances(
  n: number,
  tags: Record<string, string>,
  offset: number,
): NonNullable<NonNullable<AwsSeed['ec2']>['instances']> {
  return Array.from({ length: n }, (_, i) => ({
    instanceId: `i-${(offset + i + 1).toString(16).padStart(17, '0')}`,
    instanceType: 't3.micro',
    tags: { ...tags, Name: `n-${offset + i}` },
  }));
}

function table(
  calls: CallSnapshot,
  minimum: Record<string, number>,
): Array<{ action: string; calls: number; minimum: number }> {
  const actions = [...new Set([...Object.keys(calls.byAction), ...Object.keys(minimum)])].sort();
  return actions.map((action) => ({
    action,
    calls: calls.byAction[action] ?? 0,
    minimum: minimum[action] ?? 0,
  }));
}

/** One timed shutdown against a freshly reset emulator, in ms. */
function timedShutdown(
  b: Bench,
  target: string,
  shutdown: (ctx: ExecutorContext) => Promise<unknown>,
): () => Promise<number> {
  const ctx: ExecutorContext = {
    plan: 'bench',
    target,
    connection: b.connection,
    clients: b.clients,
    clock: systemClock,
    logger: createMemoryLogger(),
    signal: new AbortController().signal,
    progress: () => undefined,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  return async () => {
    await b.emu.post('/_emulator/reset');
    const started = performance.now();
    await shutdown(ctx);
    return Math.round(performance.now() - started);
  };
}

async function ec2Thousand(): Promise<BenchResult[]> {
  const b = await openBench({ ec2: { instances: instances(1000, { Environment: 'bench' }, 0) } });
  try {
    const params = parseExecutorParameters('ec2', {
      selector: { tags: { Environment: 'bench' } },
    }).value;
    if (params === undefined) throw new Error('invalid bench parameters');
    const executor = createEc2Executor({ pollIntervalMs: 50 });
    const run = timedShutdown(b, 'fleet', (ctx) =>
      executor.shutdown(params, ctx, async () => undefined),
    );
    // The first run loads and compiles the SDK's EC2 deserialisers: reported, not judged.
    const cold = await run();
    const warm = await run();
    const calls = await b.emu.calls();
    const describes = calls.byAction['ec2:DescribeInstances'] ?? 0;
    const stops = calls.byAction['ec2:StopInstances'] ?? 0;
    console.log(
      `ec2, 1,000 instances, ${LATENCY_MS} ms latency: API calls per action (one shutdown)`,
    );
    console.table(table(calls, { 'ec2:DescribeInstances': 1, 'ec2:StopInstances': 1 }));
    return [
      { name: 'aws: ec2 shutdown of 1,000 instances (first, cold SDK)', value: cold, unit: 'ms' },
      {
        name: 'aws: ec2 shutdown of 1,000 instances',
        value: warm,
        unit: 'ms',
        target: '< 1000',
        ok: warm < 1000,
      },
      {
        name: 'aws: ec2 describe pages for 1,000 instances',
        value: describes,
        unit: 'calls',
        target: '<= 2',
        ok: describes <= 2,
      },
      {
        name: 'aws: ec2 stop calls for 1,000 instances',
        value: stops,
        unit: 'calls',
        target: '1',
        ok: stops === 1,
      },
    ];
  } finally {
    b.close();
  }
}

/**
 * 110 RDS databases at 200 ms per call (issue 13.4): one call per database, 10 at a time (the
 * default parallelism), must hibernate in under 3 s; one at a time took 22 s.
 */
async function rdsHundredTen(): Promise<BenchResult[]> {
  const latency = 200;
  const ids = Array.from({ length: 110 }, (_, i) => `db-${String(i).padStart(3, '0')}`);
  const b = await openBench(
    { rds: { instances: ids.map((id) => ({ id, engine: 'postgres' })), clusters: [] } },
    latency,
  );
  try {
    const params = parseExecutorParameters('rds', { selector: { instanceIds: ids } }).value;
    if (params === undefined) throw new Error('invalid bench parameters');
    const executor = createRdsExecutor({ pollIntervalMs: 50 });
    const run = timedShutdown(b, 'dbs', (ctx) =>
      executor.shutdown(params, ctx, async () => undefined),
    );
    const cold = await run();
    const warm = await run();
    const stops = (await b.emu.calls()).byAction['rds:StopDBInstance'] ?? 0;
    return [
      {
        name: 'aws: rds shutdown of 110 databases, 200 ms (first, cold SDK)',
        value: cold,
        unit: 'ms',
      },
      {
        name: 'aws: rds shutdown of 110 databases at 200 ms latency (parallelism 10)',
        value: warm,
        unit: 'ms',
        target: '< 3000',
        ok: warm < 3000 && stops === 110,
      },
    ];
  } finally {
    b.close();
  }
}

/** Makespan of running jobs in order on `slots` workers, each taking the next job when free. */
export function listSchedule(durations: readonly number[], slots: number): number {
  const free = Array.from({ length: Math.min(slots, durations.length) }, () => 0);
  for (const d of durations) {
    const slot = free.indexOf(Math.min(...free));
    free[slot] = (free[slot] ?? 0) + d;
  }
  return Math.max(0, ...free);
}

/** Five targets of each executor, each over its own resources. */
function twentyTargets(): { seed: AwsSeed; targets: TargetSpec[] } {
  const five = [0, 1, 2, 3, 4];
  const seed: AwsSeed = {
    ec2: { instances: five.flatMap((i) => instances(20, { Group: `g${i}` }, i * 20)) },
    rds: { instances: five.map((i) => ({ id: `db-${i}`, engine: 'postgres' })), clusters: [] },
    eks: {
      clusters: five.map((i) => ({
        name: `cluster-${i}`,
        nodegroups: [{ name: 'ng', minSize: 1, maxSize: 3, desiredSize: 2 }],
      })),
    },
    autoscaling: {
      groups: five.map((i) => ({ name: `asg-${i}`, minSize: 1, maxSize: 4, desiredCapacity: 2 })),
    },
  };
  const targets: TargetSpec[] = five.flatMap((i) => [
    {
      name: `ec2-${i}`,
      type: 'ec2' as const,
      parameters: { selector: { tags: { Group: `g${i}` } } },
    },
    {
      name: `rds-${i}`,
      type: 'rds' as const,
      parameters: { selector: { instanceIds: [`db-${i}`] } },
    },
    { name: `eks-${i}`, type: 'eks' as const, parameters: { clusterName: `cluster-${i}` } },
    { name: `asg-${i}`, type: 'asg' as const, parameters: { selector: { names: [`asg-${i}`] } } },
  ]);
  return { seed, targets };
}

async function twentyTargetPlan(): Promise<BenchResult[]> {
  const { seed, targets } = twentyTargets();
  const b = await openBench(seed);
  const engine = Engine.open({
    dataDir: join(b.dir, 'data'),
    host: 'serve',
    logger: createMemoryLogger(),
    executors: createExecutorRegistry({ aws: { pollIntervalMs: 50 } }),
    clients: b.clients,
  });
  const call = async <M extends ApiMethod>(
    method: M,
    input: ApiInput<M>,
  ): Promise<ApiOutputs[M]> => {
    const result = await engine.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.result as ApiOutputs[M];
  };
  // The operation lasts from its phase change in to its phase change out; the API call that
  // creates the hold exception is not part of it.
  const phaseAt = new Map<string, number>();
  engine.subscribe((e) => {
    if (e.type === 'PhaseChanged') phaseAt.set(`${e.plan}:${e.to}`, performance.now());
  });
  const hibernate = async (plan: string): Promise<number> => {
    await call('hibernateNow', { plan });
    await engine.idle();
    const status = (await call('getPlan', { name: plan })).status;
    if (status.phase !== 'Hibernated')
      throw new Error(
        `${plan} ended ${status.phase}: ${JSON.stringify(status.ledger.filter((e) => e.state === 'Failed'))}`,
      );
    return (
      (phaseAt.get(`${plan}:Hibernated`) ?? Number.NaN) -
      (phaseAt.get(`${plan}:Hibernating`) ?? Number.NaN)
    );
  };
  try {
    await call('applyConnection', { connection: b.connection });
    // Each target alone, one after the other: their durations give the critical path.
    await call('applyPlan', {
      plan: awsPlan('one-by-one', targets, { strategy: { type: 'Sequential' } }),
    });
    await hibernate('one-by-one');
    const ledger = (await call('getPlan', { name: 'one-by-one' })).status.ledger;
    const durations = ledger.map(
      (e) => Date.parse(e.finishedAt ?? '') - Date.parse(e.startedAt ?? ''),
    );
    // The critical path of a Parallel stage limited to 10: the same targets, with their measured
    // durations, started in list order whenever one of 10 slots frees up (what the engine does).
    const critical = listSchedule(durations, 10);
    await b.emu.post('/_emulator/reset');
    await call('applyPlan', {
      plan: awsPlan('ten-wide', targets, { strategy: { type: 'Parallel', maxConcurrency: 10 } }),
    });
    const wall = await hibernate('ten-wide');
    const ratio = Math.round((wall / critical) * 100) / 100;
    console.log(
      `20 targets at maxConcurrency 10, ${LATENCY_MS} ms latency: API calls per action (one shutdown)`,
    );
    console.table(
      table(await b.emu.calls(), {
        'ec2:DescribeInstances': 5,
        'ec2:StopInstances': 5,
        'rds:DescribeDBInstances': 5,
        'rds:StopDBInstance': 5,
        'eks:ListNodegroups': 5,
        'eks:DescribeNodegroup': 5,
        'eks:UpdateNodegroupConfig': 5,
        'autoscaling:DescribeAutoScalingGroups': 5,
        'autoscaling:UpdateAutoScalingGroup': 5,
      }),
    );
    return [
      {
        name: 'aws: 20-target plan, critical path (list schedule of the measured durations on 10 slots)',
        value: Math.round(critical),
        unit: 'ms',
      },
      {
        name: 'aws: 20-target plan, lower bound max(longest, sum/10) (informational)',
        value: Math.round(
          Math.max(Math.max(...durations), durations.reduce((a, c) => a + c, 0) / 10),
        ),
        unit: 'ms',
      },
      { name: 'aws: 20-target plan at maxConcurrency 10', value: Math.round(wall), unit: 'ms' },
      {
        name: 'aws: 20-target plan / critical path',
        value: ratio,
        unit: 'x',
        target: '<= 1.3',
        ok: ratio <= 1.3,
      },
    ];
  } finally {
    await engine.close();
    b.close();
  }
}

/** Quick mode runs the same measurements (they take a few seconds); only full mode fails on a missed target. */
export async function runAwsBench(_opts: { quick: boolean }): Promise<BenchResult[]> {
  return [...(await ec2Thousand()), ...(await rdsHundredTen()), ...(await twentyTargetPlan())];
}

if (process.argv[1]?.endsWith('aws-bench.ts')) {
  const results = await runAwsBench({ quick: process.argv.includes('--quick') });
  console.table(results);
}
