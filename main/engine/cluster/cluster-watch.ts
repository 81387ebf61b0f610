/**
 * A live copy of one cluster's Hibernator objects (in one namespace, or all): listed once, then
 * kept current by watches that resume from the last resourceVersion (bookmarks included) and,
 * when the server says that is too old (410), list again. Broken streams reconnect with
 * exponential backoff. Every change is reported to `onChange` as it arrives.
 */
import { KubeError } from '../cloud-errors/kube-errors';
import type { LooseObject } from './cluster-plan-summary';
import type { ClusterWatchEvent, ClusterWatchHandle, HibernatorClient } from './hibernator-client';
import { CLUSTER_RESOURCES, type ClusterResource } from './hibernator-resources';

export interface ClusterChange {
  resource: ClusterResource;
  change: 'created' | 'updated' | 'deleted';
  before: LooseObject | undefined;
  after: LooseObject | undefined;
}

export interface ClusterWatchOptions {
  client: HibernatorClient;
  namespace: string | undefined;
  onChange: (change: ClusterChange) => void;
  /** Waits between reconnects (real timers by default). */
  sleep?: (ms: number) => Promise<void>;
  onProblem?: (resource: ClusterResource, error: unknown) => void;
  /** First and largest reconnect delays (default 250 ms, 30 s). */
  backoff?: { firstMs: number; maxMs: number };
}

function keyOf(obj: LooseObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

class ResourceWatch {
  readonly objects = new Map<string, LooseObject>();
  resourceVersion: string | null = null;
  private handle: ClusterWatchHandle | null = null;
  private stopped = false;
  private delay: number;
  private wake: (() => void) | null = null;
  /** Settles with the first list: the caller sees a refusal (403) instead of an empty list. */
  readonly synced: Promise<void>;
  private markSynced: (error?: unknown) => void = () => undefined;

  constructor(
    private readonly resource: ClusterResource,
    private readonly options: ClusterWatchOptions,
  ) {
    this.delay = options.backoff?.firstMs ?? 250;
    this.synced = new Promise<void>((resolve, reject) => {
      this.markSynced = (error) => (error === undefined ? resolve() : reject(error));
    });
    // A refusal nobody awaited must not become an unhandled rejection.
    this.synced.catch(() => undefined);
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.handle?.stop();
    this.wake?.();
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: LooseObject): void {
    const key = keyOf(obj);
    const before = this.objects.get(key);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.options.onChange({
        resource: this.resource,
        change: 'deleted',
        before,
        after: undefined,
      });
      return;
    }
    this.objects.set(key, obj);
    this.options.onChange({
      resource: this.resource,
      change: before === undefined ? 'created' : 'updated',
      before,
      after: obj,
    });
  }

  private async relist(): Promise<void> {
    const { items, resourceVersion } = await this.options.client.list(
      this.resource,
      this.options.namespace,
    );
    const first = this.resourceVersion === null && this.objects.size === 0;
    const seen = new Set<string>();
    for (const obj of items) {
      seen.add(keyOf(obj));
      const before = this.objects.get(keyOf(obj));
      if (first) this.objects.set(keyOf(obj), obj);
      else if (before?.metadata.resourceVersion !== obj.metadata.resourceVersion)
        this.apply('MODIFIED', obj);
    }
    if (!first)
      for (const [key, obj] of [...this.objects]) if (!seen.has(key)) this.apply('DELETED', obj);
    this.resourceVersion = resourceVersion;
  }

  private watchOnce(): Promise<KubeError | null> {
    return new Promise((resolve) => {
      let opened = false;
      const onEvent = (event: ClusterWatchEvent): void => {
        if (!opened) {
          opened = true;
          // A stream that delivers is healthy again: the next break starts from the first delay.
          this.delay = this.options.backoff?.firstMs ?? 250;
        }
        if (event.type === 'ERROR') {
          if (event.object.code === 410) this.resourceVersion = null;
          this.handle?.stop();
          resolve(
            event.object.code === 410
              ? null
              : new KubeError(
                  'KUBE_WATCH_ERROR',
                  event.object.message ?? 'the watch reported an error',
                  true,
                ),
          );
          return;
        }
        const rv = event.object.metadata.resourceVersion;
        if (rv !== undefined && rv !== '') this.resourceVersion = rv;
        if (event.type !== 'BOOKMARK') this.apply(event.type, event.object);
      };
      this.options.client
        .watch(this.resource, this.options.namespace, this.resourceVersion ?? '', onEvent, resolve)
        .then((handle) => {
          this.handle = handle;
          if (this.stopped) handle.stop();
        })
        .catch((error: unknown) =>
          resolve(
            error instanceof KubeError
              ? error
              : new KubeError('KUBE_WATCH_ERROR', String(error), true),
          ),
        );
    });
  }

  private async pause(): Promise<void> {
    const ms = this.delay;
    this.delay = Math.min(this.delay * 2, this.options.backoff?.maxMs ?? 30_000);
    await Promise.race([
      (this.options.sleep ?? realSleep)(ms),
      new Promise<void>((resolve) => {
        this.wake = resolve;
      }),
    ]);
    this.wake = null;
  }

  private async loop(): Promise<void> {
    let synced = false;
    while (!this.stopped) {
      try {
        if (this.resourceVersion === null) await this.relist();
        if (!synced) {
          synced = true;
          this.markSynced();
        }
      } catch (error) {
        if (!synced) {
          // The first list decides what the caller sees; its watch is not kept running.
          this.markSynced(error);
          this.stopped = true;
          return;
        }
        this.options.onProblem?.(this.resource, error);
        await this.pause();
        continue;
      }
      if (this.stopped) return;
      const error = await this.watchOnce();
      this.handle = null;
      if (this.stopped) return;
      if (error !== null) {
        this.options.onProblem?.(this.resource, error);
        // Refusals (403, 404) do not heal by resuming: list again after the pause.
        if (!error.transient) this.resourceVersion = null;
        await this.pause();
      }
    }
  }
}

export class ClusterWatch {
  private readonly watches: Map<ClusterResource, ResourceWatch>;

  constructor(private readonly options: ClusterWatchOptions) {
    this.watches = new Map(CLUSTER_RESOURCES.map((r) => [r, new ResourceWatch(r, options)]));
    for (const w of this.watches.values()) w.start();
  }

  get namespace(): string | undefined {
    return this.options.namespace;
  }

  /** Resolves once every resource was listed; rejects with the first refusal. */
  async synced(): Promise<void> {
    await Promise.all([...this.watches.values()].map((w) => w.synced));
  }

  objects(resource: ClusterResource, namespace?: string): LooseObject[] {
    const all = [...(this.watches.get(resource)?.objects.values() ?? [])];
    return all
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  }

  /** Puts an object the engine just wrote into the copy at once (the watch confirms it later). */
  remember(resource: ClusterResource, obj: LooseObject): void {
    const w = this.watches.get(resource);
    const current = w?.objects.get(keyOf(obj));
    const newer =
      current === undefined ||
      Number(obj.metadata.resourceVersion ?? 0) >= Number(current.metadata.resourceVersion ?? 0);
    if (w !== undefined && newer) w.objects.set(keyOf(obj), obj);
  }

  stop(): void {
    for (const w of this.watches.values()) w.stop();
  }
}
