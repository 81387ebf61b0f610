/**
 * The emulator's etcd: objects per storage bucket, keyed like etcd (`namespace/name` or `name`)
 * so lists come back in the same order a real apiserver returns them, and a single increasing
 * resourceVersion shared by every write.
 */
import { clone } from './json';
import type { KubeObject } from './types';

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === '' ? name : `${namespace}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

/** One change as a watch reports it; `obj` carries the change's resourceVersion. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  storage: string;
  revision: number;
  obj: KubeObject;
}

/** How many changes a watch can resume across (etcd keeps a window of history, too). */
const HISTORY_LIMIT = 2000;

export class ObjectStore {
  private revision = 1000;
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  /** Every change after this revision is still in `history`. */
  private historyFrom = 1000;
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `revision`, or 'expired' when history no longer reaches back that far. */
  changesSince(revision: number): StoreEvent[] | 'expired' {
    if (revision < this.historyFrom) return 'expired';
    return this.history
      .filter((e) => e.revision > revision)
      .map((e) => ({ ...e, obj: clone(e.obj) }));
  }

  /** Forgets history up to now, like an etcd compaction: older resourceVersions answer 410. */
  compactHistory(): void {
    this.history = [];
    this.historyFrom = this.revision;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) {
      const dropped = this.history.splice(0, this.history.length - HISTORY_LIMIT);
      this.historyFrom = dropped[dropped.length - 1]?.revision ?? this.historyFrom;
    }
    for (const listener of [...this.listeners]) listener({ ...event, obj: clone(event.obj) });
  }

  currentRevision(): number {
    return this.revision;
  }

  private bucket(storage: string): Map<string, KubeObject> {
    let b = this.buckets.get(storage);
    if (b === undefined) {
      b = new Map();
      this.buckets.set(storage, b);
    }
    return b;
  }

  get(storage: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.bucket(storage).get(objectKey(namespace, name));
    return found === undefined ? undefined : clone(found);
  }

  /** Stores a copy and stamps it with the next resourceVersion; returns the stored copy. */
  put(storage: string, obj: KubeObject): KubeObject {
    this.revision += 1;
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(this.revision);
    const bucket = this.bucket(storage);
    const type = bucket.has(keyOf(stored)) ? 'MODIFIED' : 'ADDED';
    bucket.set(keyOf(stored), stored);
    this.record({ type, storage, revision: this.revision, obj: clone(stored) });
    return clone(stored);
  }

  remove(storage: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const b = this.bucket(storage);
    const key = objectKey(namespace, name);
    const found = b.get(key);
    if (found === undefined) return undefined;
    b.delete(key);
    this.revision += 1;
    const gone = clone(found);
    gone.metadata.resourceVersion = String(this.revision);
    this.record({ type: 'DELETED', storage, revision: this.revision, obj: gone });
    return clone(found);
  }

  /**
   * Objects in key order, optionally inside one namespace. These are the stored objects, not
   * copies (a 600-item list is paged many times): callers clone what they hand out.
   */
  list(storage: string, namespace?: string): Array<{ key: string; obj: Readonly<KubeObject> }> {
    const out: Array<{ key: string; obj: Readonly<KubeObject> }> = [];
    for (const [key, obj] of this.bucket(storage)) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push({ key, obj });
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  storages(): string[] {
    return [...this.buckets.keys()].sort();
  }

  /** Empties the store (a new seed); watches from before cannot resume across it. */
  clear(): void {
    this.buckets.clear();
    this.compactHistory();
  }
}
