/**
 * A loopback Kubernetes API server for tests, benchmarks and the demo: real paths, verbs,
 * Status bodies and pagination, spoken over http or https (self-signed) so that
 * @kubernetes/client-node and kubectl run against it unchanged.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleApiRequest, type ApiContext, type ApiResponse } from './api-handler';
import { TokenAuthority, type TokenGrant } from './auth';
import { KubeCluster } from './cluster';
import { handleControl, type ControlTarget } from './control-api';
import { CallCounter, FaultInjector, type KubeFaultRule } from './faults';
import { buildKubeconfig } from './kubeconfig';
import { applySeed, type KubeSeed } from './seed';
import { selfSignedCertificate } from './tls';
import type { Clock, KubeObject } from './types';

export const DEFAULT_ADMIN_TOKEN = 'kube-emulator-admin-token';
export const DEFAULT_ADMIN_USER = 'kubernetes-admin';

export interface KubeEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Serve https with a throwaway self-signed certificate (kubectl sends tokens only over TLS). */
  https?: boolean;
  seed?: KubeSeed;
  /** Delay added to every API request. */
  latencyMs?: number;
  /** How long workload status takes to follow spec.replicas (default 0 = at once). */
  replicaDelayMs?: number;
  /** How long a deleted NodePool's nodes take to disappear (default 0 = at once). */
  nodeDelayMs?: number;
  /** Injected time source for creation timestamps and delays (default: wall clock). */
  clock?: Clock;
  /** Seed of the fault-injection random generator. */
  faultSeed?: number;
  /** The admin token (default `kube-emulator-admin-token`). */
  token?: string;
  /** How often open watches that allow bookmarks get one (default 1000 ms). */
  watchBookmarkMs?: number;
}

export interface KubeEmulator {
  url: string;
  port: number;
  /** Base64 of the server certificate PEM (https only), as kubeconfig `certificate-authority-data` and client-node `caData` take it. */
  caData?: string;
  /** The server certificate PEM (https only). */
  caPem?: string;
  /** Bearer token of the admin user. */
  token: string;
  kubeconfig(contextName?: string): string;
  close(): Promise<void>;
  /** Replaces the whole state with `seed` (default: the seed the emulator started with). */
  seed(seed?: KubeSeed): void;
  /** Every stored object, by storage bucket (`apps/deployments`, `karpenter.sh/nodepools`, …). */
  state(): Record<string, KubeObject[]>;
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Adds a fault rule; returns a function removing it. */
  fault(rule: KubeFaultRule): () => void;
  faults(): KubeFaultRule[];
  clearFaults(): void;
  /** Adds or replaces a token. */
  setToken(token: string, grant: TokenGrant): void;
  /** Applies every pending delayed change (replicas, node drains) now. */
  settle(): void;
  /** Expires every continue token issued so far (the next page answers 410 Expired) and the watch history. */
  compact(): void;
  /** Ends every open watch from the server side, as an apiserver restart or timeout would. */
  closeWatches(): void;
  /** How many watches are open now. */
  openWatches(): number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: ApiResponse): void {
  if (response.raw !== undefined) {
    res.writeHead(response.status, {
      'Content-Type': response.raw.contentType,
      ...response.headers,
    });
    res.end(response.raw.data);
    return;
  }
  const text = response.text === true && typeof response.body === 'string';
  const payload = text ? String(response.body) : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'Content-Type': text ? 'text/plain; charset=utf-8' : 'application/json',
    'Cache-Control': 'no-cache, private',
    ...response.headers,
  });
  res.end(payload);
}

export async function startKubeEmulator(opts: KubeEmulatorOptions = {}): Promise<KubeEmulator> {
  const clock: Clock = opts.clock ?? { now: () => Date.now() };
  const cluster = new KubeCluster({
    clock,
    replicaDelayMs: opts.replicaDelayMs ?? 0,
    nodeDelayMs: opts.nodeDelayMs ?? 0,
  });
  const auth = new TokenAuthority();
  const faults = new FaultInjector(opts.faultSeed ?? 1);
  const calls = new CallCounter();
  const token = opts.token ?? DEFAULT_ADMIN_TOKEN;
  const initialSeed: KubeSeed = structuredClone(opts.seed ?? {});
  const certificate = opts.https === true ? await selfSignedCertificate() : undefined;
  const scheme = certificate === undefined ? 'http' : 'https';
  let address = '127.0.0.1:0';

  const loadSeed = (seed: KubeSeed): void => {
    cluster.reset();
    applySeed(cluster, seed);
    auth.replaceAll({ ...seed.tokens, [token]: { user: DEFAULT_ADMIN_USER } });
  };
  loadSeed(initialSeed);

  const ctx: ApiContext = {
    cluster,
    auth,
    faults,
    calls,
    get serverAddress() {
      return address;
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    watchTiming: { bookmarkMs: opts.watchBookmarkMs ?? 1000, tickMs: 50 },
  };
  const watches = new Set<() => void>();

  const emulator: KubeEmulator & ControlTarget = {
    url: '',
    port: 0,
    token,
    kubeconfig: (contextName) =>
      buildKubeconfig({
        server: emulator.url,
        token,
        ...(certificate === undefined ? {} : { caPem: certificate.cert }),
        ...(contextName === undefined ? {} : { contextName }),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const end of [...watches]) end();
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeAllConnections();
      }),
    seed: (seed) => loadSeed(structuredClone(seed ?? initialSeed)),
    state: () => {
      cluster.tick();
      return cluster.snapshot();
    },
    calls: () => calls.snapshot(),
    resetCalls: () => calls.reset(),
    fault: (rule) => faults.add(rule),
    faults: () => faults.rules(),
    clearFaults: () => faults.clear(),
    setToken: (t, grant) => auth.set(t, grant),
    settle: () => cluster.settle(),
    compact: () => cluster.compact(),
    closeWatches: () => {
      for (const end of [...watches]) end();
    },
    openWatches: () => watches.size,
  };
  if (certificate !== undefined) {
    emulator.caPem = certificate.cert;
    emulator.caData = Buffer.from(certificate.cert).toString('base64');
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', `${scheme}://${address}`);
      if (url.pathname.startsWith('/_emulator/')) {
        send(res, handleControl(emulator, req.method ?? 'GET', url, body));
        return;
      }
      if ((opts.latencyMs ?? 0) > 0) await ctx.sleep(opts.latencyMs ?? 0);
      const response = await handleApiRequest(ctx, {
        method: req.method ?? 'GET',
        url,
        headers: {
          authorization: req.headers.authorization,
          accept: req.headers.accept,
          contentType: req.headers['content-type'],
          userAgent: req.headers['user-agent'],
        },
        body,
      });
      if (response.stream !== undefined) {
        stream(res, response.stream);
        return;
      }
      send(res, response);
    })().catch((err: unknown) => {
      if (!res.headersSent)
        send(res, {
          status: 500,
          body: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: String(err),
            reason: 'InternalError',
            code: 500,
          },
        });
    });
  };
  const stream = (res: ServerResponse, start: NonNullable<ApiResponse['stream']>): void => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    let open = true;
    let stop = (): void => undefined;
    const end = (): void => {
      if (!open) return;
      open = false;
      watches.delete(end);
      stop();
      res.end();
    };
    watches.add(end);
    stop = start({
      write: (event) => {
        if (open) res.write(`${JSON.stringify(event)}\n`);
      },
      end,
    });
    res.on('close', end);
    if (!open) stop();
  };

  const server: Server =
    certificate === undefined
      ? createHttpServer(listener)
      : createHttpsServer({ key: certificate.key, cert: certificate.cert }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound: string | AddressInfo | null = server.address();
  if (bound === null || typeof bound === 'string')
    throw new Error('kube emulator: the server did not bind a TCP port');
  const port = bound.port;
  address = `127.0.0.1:${port}`;
  emulator.port = port;
  emulator.url = `${scheme}://${address}`;
  return emulator;
}
