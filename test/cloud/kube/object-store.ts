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

export class ObjectStore {
  private revision = 1000;
  private readonly buckets = new Map<string, Map<string, KubeObject>>();

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
    this.bucket(storage).set(keyOf(stored), stored);
    return clone(stored);
  }

  remove(storage: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const b = this.bucket(storage);
    const key = objectKey(namespace, name);
    const found = b.get(key);
    if (found === undefined) return undefined;
    b.delete(key);
    this.revision += 1;
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

  clear(): void {
    this.buckets.clear();
  }
}
