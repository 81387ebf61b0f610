/** Test helpers: real @kubernetes/client-node clients pointed at an emulator, and error decoding. */
import * as k8s from '@kubernetes/client-node';
import { isObject, type JsonObject } from './json';
import type { KubeEmulator } from './kube-emulator';

export interface Clients {
  kc: k8s.KubeConfig;
  apps: k8s.AppsV1Api;
  core: k8s.CoreV1Api;
  custom: k8s.CustomObjectsApi;
  hpaV1: k8s.AutoscalingV1Api;
  hpaV2: k8s.AutoscalingV2Api;
}

export function clientsFor(emulator: KubeEmulator, token?: string): Clients {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(emulator.kubeconfig());
  if (token !== undefined) {
    const user = kc.getCurrentUser();
    kc.loadFromOptions({
      clusters: kc.getClusters(),
      users: [{ name: user?.name ?? 'u', token }],
      contexts: kc.getContexts(),
      currentContext: kc.getCurrentContext(),
    });
  }
  return {
    kc,
    apps: kc.makeApiClient(k8s.AppsV1Api),
    core: kc.makeApiClient(k8s.CoreV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    hpaV1: kc.makeApiClient(k8s.AutoscalingV1Api),
    hpaV2: kc.makeApiClient(k8s.AutoscalingV2Api),
  };
}

export const mergePatch = (): ReturnType<typeof k8s.setHeaderOptions> =>
  k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);

export interface ApiFailure {
  code: number;
  status: JsonObject;
  headers: Record<string, string>;
}

/** Awaits a call that must fail and returns its HTTP code and decoded Status body. */
export async function failure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof k8s.ApiException)) throw err;
    const raw: unknown = err.body;
    const parsed: unknown = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : raw;
    return { code: err.code, status: isObject(parsed) ? parsed : {}, headers: err.headers };
  }
  throw new Error('expected the API call to fail, but it succeeded');
}

/** A clock the test moves by hand, so delayed changes are checked without waiting. */
export class ManualClock {
  constructor(private t = Date.parse('2026-01-05T08:00:00Z')) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
