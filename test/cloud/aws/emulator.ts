import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallCounter, type CallSnapshot } from '../shared/call-counter';
import { createControllableClock, type ControllableClock } from '../shared/clock';
import {
  createFaultInjector,
  type FaultInjector,
  type FaultRule,
  type FaultRuleInput,
} from '../shared/faults';
import { readBody, sendJson } from '../shared/http-helpers';
import { createRng } from '../shared/rng';
import { handleControl } from './control-api';
import { handleAwsRequest, type EmulatorCore } from './dispatch';
import { IdentityStore } from './identity';
import { loadSeed } from './seed-loader';
import { parseAwsSeed, type AwsSeed, type ParsedAwsSeed } from './seed-schema';
import { dumpState, type AwsStateDump, type RegionDump } from './state-dump';
import { uniformTimings, type Timings } from './types';
import { AwsWorld } from './world';

export interface AwsEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: AwsSeed;
  /** Duration of every transitional state (`stopping`, `pending`, an EKS update…), virtual ms. Default 2000. */
  transitionMs?: number;
  /** Per-transition overrides of `transitionMs` (and the 7-day RDS restart). */
  timings?: Partial<Timings>;
  /** Real latency added to every AWS call (fault rules can add more per action). */
  latencyMs?: number;
  /** Virtual-clock speed: 1 = real time (default), 0 = only `clock.advance()` moves time. */
  clockScale?: number;
  /** Virtual start time; default now. */
  startTime?: number | string;
  /** Seed of the fault-injection and id RNGs. Default 42. */
  rngSeed?: number;
}

export interface AwsEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replaces all state with this seed (and remembers it for `reset`). */
  seed(seed: AwsSeed): void;
  /** Back to the last seed; calls, faults and runtime denies cleared. The clock keeps its time. */
  reset(): void;
  state(): AwsStateDump;
  /** One (account, region) of `state()`; defaults to the seed's account and region. */
  region(accountId?: string, region?: string): RegionDump | undefined;
  calls(): CallSnapshot;
  /** Calls of `service:Action`, or of a service, or all. */
  callCount(key?: string): number;
  resetCalls(): void;
  fault(rule: FaultRuleInput): FaultRule;
  faults(): FaultRule[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  /** Denies IAM actions (`ec2:StopInstances`, `eks:*`) to an access key id or a role ARN. */
  deny(principal: string, actions: string[]): void;
  clearDenies(): void;
  clock: ControllableClock;
}

/** Starts the loopback AWS emulator (EC2, RDS, EKS, Auto Scaling, STS) on 127.0.0.1. */
export async function startAwsEmulator(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
  const start = options.startTime === undefined ? undefined : new Date(options.startTime).getTime();
  const clock = createControllableClock({
    scale: options.clockScale ?? 1,
    ...(start === undefined ? {} : { start }),
  });
  const timings: Timings = { ...uniformTimings(options.transitionMs ?? 2000), ...options.timings };
  const rngSeed = options.rngSeed ?? 42;
  const world = new AwsWorld(clock, timings, rngSeed);
  const identities = new IdentityStore();
  const calls = createCallCounter();
  let faults: FaultInjector = createFaultInjector(createRng(rngSeed));
  let lastSeed: AwsSeed = options.seed ?? {};
  let defaults = { accountId: '123456789012', region: 'us-east-1' };

  const load = (parsed: ParsedAwsSeed): void => {
    world.clear();
    identities.load(parsed, () => world.ids.roleId());
    loadSeed(world, parsed);
    defaults = { accountId: parsed.accountId, region: parsed.region };
  };
  const applySeed = (seed: AwsSeed): void => {
    const parsed = parseAwsSeed(seed);
    try {
      load(parsed);
    } catch (error) {
      // A seed that fails half-way (say, a duplicate id) must not leave half a world behind.
      load(parseAwsSeed(lastSeed));
      throw error;
    }
    lastSeed = seed;
  };
  load(parseAwsSeed(lastSeed));

  const core: EmulatorCore = {
    world,
    identities,
    calls,
    latencyMs: options.latencyMs ?? 0,
    get faults() {
      return faults;
    },
  };

  const emulator: Omit<AwsEmulator, 'url' | 'port' | 'close'> = {
    seed: applySeed,
    reset() {
      applySeed(lastSeed);
      calls.reset();
      faults = createFaultInjector(createRng(rngSeed));
      identities.clearDenies();
    },
    state: () => dumpState(world),
    region: (accountId, region) =>
      dumpState(world).regions.find(
        (r) =>
          r.accountId === (accountId ?? defaults.accountId) &&
          r.region === (region ?? defaults.region),
      ),
    calls: () => calls.snapshot(),
    callCount: (key) => calls.count(key),
    resetCalls: () => calls.reset(),
    fault: (rule) => faults.add(rule),
    faults: () => faults.list(),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    deny: (principal, actions) => identities.deny(principal, actions),
    clearDenies: () => identities.clearDenies(),
    clock,
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        if ((req.url ?? '').startsWith('/_emulator/')) handleControl(emulator, req, res, body);
        else await handleAwsRequest(core, req, res, body);
      } catch (error) {
        console.error('[aws-emulator] request failed', error);
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: 'EmulatorFailure', message: String(error) } });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    ...emulator,
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
