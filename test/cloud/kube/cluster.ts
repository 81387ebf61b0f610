/**
 * The emulated apiserver's behaviour, independent of HTTP: CRUD with resourceVersion and
 * generation, optimistic concurrency, validation, the scale subresource, namespace lifecycle,
 * and the controllers that move status after a delay.
 */
import { randomUUID } from 'node:crypto';
import { clone, deepEqual, isObject, splitFieldPath, writePath, type JsonObject } from './json';
import { KarpenterController } from './karpenter-controller';
import { selectPage, type ListPage, type ListQuery } from './list-query';
import { afterUpdate, serverSideApply } from './managed-fields';
import { keyOf, ObjectStore } from './object-store';
import { applyDefaults, readBody, validateObject } from './object-rules';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';
import { ResourceRegistry } from './resources';
import {
  alreadyExists,
  applyConflict,
  badRequest,
  conflict,
  internalUnknown,
  invalid,
  methodNotAllowed,
  notFound,
  pathNotFound,
  success,
} from './status';
import { Transitions } from './transitions';
import { groupVersion, type Clock, type KubeObject, type ResourceDef } from './types';
import {
  applyObservedReplicas,
  desiredReplicas,
  hpaToV1,
  scaleProblems,
  scaleReplicas,
  toScale,
} from './workloads';

export type PatchType = 'merge' | 'strategic' | 'json';

/** Who a write is recorded for when the request names no fieldManager and no user agent. */
export const DEFAULT_MANAGER = 'unknown';

export interface ClusterOptions {
  clock: Clock;
  /** How long workload status takes to follow spec.replicas (0 = in the same write). */
  replicaDelayMs: number;
  /** How long a deleted NodePool's nodes take to disappear, and a recreated one's to return. */
  nodeDelayMs: number;
}

function withoutMetaAndStatus(obj: KubeObject): JsonObject {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

export class KubeCluster {
  readonly registry = new ResourceRegistry();
  readonly store = new ObjectStore();
  readonly transitions = new Transitions();
  readonly karpenter: KarpenterController;
  private compactedBelow = 0;

  constructor(readonly options: ClusterOptions) {
    this.karpenter = new KarpenterController({
      store: this.store,
      transitions: this.transitions,
      now: () => this.options.clock.now(),
      timestamp: () => this.timestamp(),
      newUid: () => randomUUID(),
      nodeDelayMs: options.nodeDelayMs,
    });
  }

  timestamp(): string {
    return new Date(this.options.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Applies every delayed change that is due now. */
  tick(): void {
    this.transitions.run(this.options.clock.now());
  }

  /** Applies every pending delayed change at once (tests that do not want to wait). */
  settle(): void {
    this.transitions.run('all');
  }

  /** Expires every continue token issued so far, like an etcd compaction. */
  compact(): void {
    this.compactedBelow = this.store.currentRevision() + 1;
    this.store.compactHistory();
  }

  reset(): void {
    this.store.clear();
    this.transitions.clear();
    this.karpenter.reset();
    this.registry.reset();
  }

  private gr(def: ResourceDef): { group: string; resource: string } {
    return { group: def.group, resource: def.plural };
  }

  /** The object as this API version shows it. */
  present(def: ResourceDef, obj: KubeObject): KubeObject {
    if (def.readOnlyView === 'hpa-v1') return hpaToV1(obj);
    const out = clone(obj);
    out.apiVersion = groupVersion(def);
    out.kind = def.kind;
    return out;
  }

  private existing(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(def.storage, namespace, name);
    if (obj === undefined) throw notFound(this.gr(def), name);
    return obj;
  }

  private writable(def: ResourceDef): void {
    if (def.readOnlyView !== undefined) throw methodNotAllowed();
  }

  list(def: ResourceDef, namespace: string | undefined, query: ListQuery): ListPage {
    const page = selectPage(
      this.store.list(def.storage, namespace),
      query,
      this.store.currentRevision(),
      this.compactedBelow,
    );
    page.items = page.items.map((o) => this.present(def, o));
    return page;
  }

  get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    return this.present(def, this.existing(def, namespace, name));
  }

  create(
    def: ResourceDef,
    namespace: string | undefined,
    body: unknown,
    dryRun = false,
    manager = DEFAULT_MANAGER,
  ): KubeObject {
    this.writable(def);
    return this.insert(def, namespace, readBody(def, body, namespace), dryRun, (obj) =>
      this.track(def, undefined, obj, manager),
    );
  }

  /** The create path shared by POST and an apply that finds nothing: `own` records ownership. */
  private insert(
    def: ResourceDef,
    namespace: string | undefined,
    obj: KubeObject,
    dryRun: boolean,
    own: (obj: KubeObject) => void,
  ): KubeObject {
    if (obj.metadata.name === '' && typeof obj.metadata.generateName === 'string') {
      obj.metadata.name = `${obj.metadata.generateName}${randomUUID().slice(0, 5)}`;
    }
    // NamespaceLifecycle admission runs before validation; etcd3's create checks run after it.
    if (
      def.namespaced &&
      namespace !== undefined &&
      this.store.get('namespaces', undefined, namespace) === undefined
    ) {
      throw notFound({ group: '', resource: 'namespaces' }, namespace);
    }
    validateObject(def, obj);
    // The apiserver reports this one without a Status reason.
    if (obj.metadata.resourceVersion !== '')
      throw internalUnknown('resourceVersion should not be set on objects to be created');
    if (this.store.get(def.storage, namespace, obj.metadata.name) !== undefined)
      throw alreadyExists(this.gr(def), obj.metadata.name);
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp = this.timestamp();
    delete obj.metadata.deletionTimestamp;
    if (def.storage !== 'namespaces' && def.storage !== 'nodes') obj.metadata.generation = 1;
    // Status belongs to the status subresource (and the controllers); a create cannot set it.
    if (def.storage !== 'nodes') delete obj.status;
    applyDefaults(def, obj);
    own(obj);
    return this.present(def, this.commit(def, undefined, obj, dryRun));
  }

  /**
   * Stores a seed object as if it had been running for a while: validated like a create, status
   * already converged (or at `observed` replicas), no delayed changes pending.
   */
  seedObject(def: ResourceDef, body: KubeObject, observed?: number): KubeObject {
    const namespace = def.namespaced ? body.metadata.namespace : undefined;
    const obj = readBody(def, body, namespace);
    obj.metadata.resourceVersion = '';
    if (
      namespace !== undefined &&
      this.store.get('namespaces', undefined, namespace) === undefined
    ) {
      throw notFound({ group: '', resource: 'namespaces' }, namespace);
    }
    validateObject(def, obj);
    if (this.store.get(def.storage, namespace, obj.metadata.name) !== undefined)
      throw alreadyExists(this.gr(def), obj.metadata.name);
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp =
      typeof body.metadata.creationTimestamp === 'string' && body.metadata.creationTimestamp !== ''
        ? body.metadata.creationTimestamp
        : this.timestamp();
    if (def.storage !== 'namespaces' && def.storage !== 'nodes') obj.metadata.generation = 1;
    applyDefaults(def, obj);
    if (def.workload !== undefined)
      applyObservedReplicas(def, obj, observed ?? desiredReplicas(def, obj));
    const stored = this.store.put(def.storage, obj);
    if (def.storage === 'karpenter.sh/nodepools') this.karpenter.refreshStatus(obj.metadata.name);
    if (def.storage === 'nodes') this.karpenter.nodeChanged(stored);
    return stored;
  }

  update(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    dryRun = false,
    manager = DEFAULT_MANAGER,
  ): KubeObject {
    this.writable(def);
    const current = this.existing(def, namespace, name);
    return this.present(
      def,
      this.replace(def, current, readBody(def, body, namespace), dryRun, manager),
    );
  }

  /**
   * Field ownership of custom resources (where server-side apply matters to this project's
   * clients); built-in objects keep the shape the older tests compare against.
   */
  private track(
    def: ResourceDef,
    before: KubeObject | undefined,
    after: KubeObject,
    manager: string,
  ): void {
    if (def.builtin) return;
    const entries = afterUpdate(before, after, manager, groupVersion(def), this.timestamp());
    if (entries.length > 0) after.metadata.managedFields = entries;
    else delete after.metadata.managedFields;
  }

  /** The PUT path shared by update and patch: preconditions, immutable fields, validation. */
  private replace(
    def: ResourceDef,
    current: KubeObject,
    next: KubeObject,
    dryRun: boolean,
    manager: string,
  ): KubeObject {
    const name = current.metadata.name;
    if (next.metadata.name !== name)
      throw badRequest(
        `the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`,
      );
    const rv = next.metadata.resourceVersion;
    if (rv === '' && !def.builtin) {
      throw invalid(def.kind, def.group, name, [
        {
          field: 'metadata.resourceVersion',
          type: 'FieldValueInvalid',
          value: '0x0',
          detail: 'must be specified for an update',
        },
      ]);
    }
    if (rv !== '' && rv !== current.metadata.resourceVersion) throw conflict(this.gr(def), name);
    next.metadata = {
      ...next.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
    };
    if (current.metadata.generation !== undefined)
      next.metadata.generation = current.metadata.generation;
    // Every served resource has a status subresource: writes to the main resource keep status.
    if (current.status === undefined) delete next.status;
    else next.status = current.status;
    validateObject(def, next);
    applyDefaults(def, next);
    // Ownership is the server's to keep: what a client sends back in managedFields is not taken.
    if (current.metadata.managedFields === undefined) delete next.metadata.managedFields;
    else next.metadata.managedFields = current.metadata.managedFields;
    this.track(def, current, next, manager);
    return this.commit(def, current, next, dryRun);
  }

  private applyPatch(
    def: ResourceDef,
    name: string,
    type: PatchType,
    doc: unknown,
    patch: unknown,
  ): unknown {
    if (type === 'merge') return mergePatch(doc, patch);
    if (type === 'strategic') return strategicMergePatch(doc, patch);
    const result = jsonPatch(doc, patch);
    if (result.ok) return result.value;
    if (result.status === 400) throw badRequest(result.message);
    throw invalid(def.kind, def.group, name, [
      {
        field: 'patch',
        type: 'FieldValueInvalid',
        value: JSON.stringify(patch),
        detail: result.message,
      },
    ]);
  }

  patch(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    dryRun = false,
    manager = DEFAULT_MANAGER,
  ): KubeObject {
    this.writable(def);
    const current = this.existing(def, namespace, name);
    const patched = this.applyPatch(def, name, type, this.present(def, current), patch);
    return this.present(
      def,
      this.replace(def, current, readBody(def, patched, namespace), dryRun, manager),
    );
  }

  /**
   * Server-side apply (`application/apply-patch+yaml`): creates the object when it is missing;
   * refuses with 409 the fields another manager owns and this one would change, unless forced.
   */
  apply(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: { manager: string; force: boolean; dryRun: boolean },
  ): { object: KubeObject; created: boolean } {
    this.writable(def);
    const config = readBody(def, body, namespace);
    if (config.metadata.name !== name)
      throw badRequest(
        `the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`,
      );
    const current = this.store.get(def.storage, namespace, name);
    const outcome = serverSideApply({
      current,
      config,
      manager: options.manager,
      force: options.force,
      apiVersion: groupVersion(def),
      time: this.timestamp(),
    });
    if (!outcome.ok) throw applyConflict(outcome.conflicts, groupVersion(def));
    const next = outcome.object;
    next.metadata.managedFields = outcome.managedFields;
    if (current === undefined) {
      next.metadata.resourceVersion = '';
      const created = this.insert(def, namespace, next, options.dryRun, (obj) => {
        obj.metadata.managedFields = outcome.managedFields;
      });
      return { object: created, created: true };
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    const applied = this.replaceOwned(def, current, next, options.dryRun);
    return { object: this.present(def, applied), created: false };
  }

  /** The PUT path for an apply: the ownership the apply computed is kept as it is. */
  private replaceOwned(
    def: ResourceDef,
    current: KubeObject,
    next: KubeObject,
    dryRun: boolean,
  ): KubeObject {
    next.metadata = {
      ...next.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
    };
    if (current.metadata.generation !== undefined)
      next.metadata.generation = current.metadata.generation;
    if (current.status === undefined) delete next.status;
    else next.status = current.status;
    validateObject(def, next);
    applyDefaults(def, next);
    return this.commit(def, current, next, dryRun);
  }

  /** PUT …/status: only status changes; everything else stays as stored. */
  updateStatus(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    dryRun = false,
  ): KubeObject {
    this.writable(def);
    const current = this.existing(def, namespace, name);
    const incoming = readBody(def, body, namespace);
    if (incoming.metadata.name !== name)
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    const rv = incoming.metadata.resourceVersion;
    if (rv !== '' && rv !== current.metadata.resourceVersion) throw conflict(this.gr(def), name);
    const next = clone(current);
    if (incoming.status === undefined) delete next.status;
    else next.status = incoming.status;
    return this.present(def, this.commit(def, current, next, dryRun));
  }

  /** PATCH …/status (merge or JSON patch against the whole object; only status is kept). */
  patchStatus(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    dryRun = false,
  ): KubeObject {
    const current = this.existing(def, namespace, name);
    const patched = this.applyPatch(def, name, type, this.present(def, current), patch);
    return this.updateStatus(def, namespace, name, patched, dryRun);
  }

  delete(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    options: unknown,
    dryRun = false,
  ): JsonObject {
    this.writable(def);
    const current = this.existing(def, namespace, name);
    const pre = isObject(options) && isObject(options.preconditions) ? options.preconditions : {};
    if (
      (typeof pre.uid === 'string' && pre.uid !== current.metadata.uid) ||
      (typeof pre.resourceVersion === 'string' &&
        pre.resourceVersion !== current.metadata.resourceVersion)
    ) {
      throw conflict(this.gr(def), name);
    }
    if (dryRun)
      return def.storage === 'namespaces'
        ? this.present(def, current)
        : success(this.gr(def), name, current.metadata.uid);
    this.store.remove(def.storage, namespace, name);
    this.transitions.cancel(`converge/${def.storage}/${keyOf(current)}`);
    if (def.storage === 'karpenter.sh/nodepools') this.karpenter.poolDeleted(current);
    if (def.storage === 'nodes') this.karpenter.nodeChanged(current);
    if (def.storage === 'namespaces') {
      // The namespace controller empties it; the emulator does so at once.
      for (const d of this.registry.all()) {
        if (!d.namespaced || d.readOnlyView !== undefined) continue;
        for (const e of this.store.list(d.storage, name))
          this.store.remove(d.storage, name, e.obj.metadata.name);
      }
      const terminating = this.present(def, current);
      terminating.metadata.deletionTimestamp = this.timestamp();
      terminating.status = { phase: 'Terminating' };
      return terminating;
    }
    return success(this.gr(def), name, current.metadata.uid);
  }

  private commit(
    def: ResourceDef,
    before: KubeObject | undefined,
    after: KubeObject,
    dryRun: boolean,
  ): KubeObject {
    if (before !== undefined) {
      after.metadata.resourceVersion = before.metadata.resourceVersion;
      if (deepEqual(before, after)) return before; // a no-op write keeps its resourceVersion
      if (
        before.metadata.generation !== undefined &&
        !deepEqual(withoutMetaAndStatus(before), withoutMetaAndStatus(after))
      ) {
        after.metadata.generation = before.metadata.generation + 1;
      }
    }
    if (dryRun) return after;
    const replicasChanged =
      def.workload !== undefined &&
      (before === undefined || desiredReplicas(def, before) !== desiredReplicas(def, after));
    if (replicasChanged && this.options.replicaDelayMs <= 0)
      applyObservedReplicas(def, after, desiredReplicas(def, after));
    const stored = this.store.put(def.storage, after);
    if (replicasChanged && this.options.replicaDelayMs > 0) this.scheduleConvergence(def, stored);
    if (def.storage === 'karpenter.sh/nodepools' && before === undefined)
      this.karpenter.poolCreated(stored);
    if (def.storage === 'nodes') this.karpenter.nodeChanged(stored);
    return this.store.get(def.storage, stored.metadata.namespace, stored.metadata.name) ?? stored;
  }

  private scheduleConvergence(def: ResourceDef, obj: KubeObject): void {
    const { namespace, name } = obj.metadata;
    this.transitions.schedule(
      `converge/${def.storage}/${keyOf(obj)}`,
      this.options.clock.now() + this.options.replicaDelayMs,
      () => {
        const current = this.store.get(def.storage, namespace, name);
        if (current === undefined) return;
        applyObservedReplicas(def, current, desiredReplicas(def, current));
        this.store.put(def.storage, current);
      },
    );
  }

  private scalable(def: ResourceDef): void {
    if (def.scale === undefined) throw pathNotFound();
  }

  getScale(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    this.scalable(def);
    return toScale(def, this.existing(def, namespace, name));
  }

  updateScale(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    dryRun = false,
  ): KubeObject {
    this.scalable(def);
    const current = this.existing(def, namespace, name);
    if (!isObject(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    const meta = isObject(body.metadata) ? body.metadata : {};
    if (
      typeof meta.resourceVersion === 'string' &&
      meta.resourceVersion !== '' &&
      meta.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw conflict(this.gr(def), name);
    }
    const replicas = scaleReplicas(body);
    if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
      throw badRequest(
        `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
      );
    }
    const problems = scaleProblems(replicas);
    if (problems.length > 0) throw invalid('Scale', 'autoscaling', name, problems);
    const next = clone(current);
    writePath(next, splitFieldPath(def.scale?.specReplicasPath ?? '.spec.replicas'), replicas);
    return toScale(def, this.commit(def, current, next, dryRun));
  }

  patchScale(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    dryRun = false,
  ): KubeObject {
    const scale = this.getScale(def, namespace, name);
    const patched = this.applyPatch(
      { ...def, kind: 'Scale', group: 'autoscaling' },
      name,
      type,
      scale,
      patch,
    );
    return this.updateScale(def, namespace, name, patched, dryRun);
  }

  /** Every stored object, by storage bucket, as its primary API version shows it. */
  snapshot(): Record<string, KubeObject[]> {
    const out: Record<string, KubeObject[]> = {};
    for (const storage of this.store.storages()) {
      const def = this.registry.primary(storage);
      out[storage] = this.store
        .list(storage)
        .map((e) => (def === undefined ? clone(e.obj) : this.present(def, clone(e.obj))));
    }
    return out;
  }
}
