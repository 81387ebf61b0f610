/**
 * In-cluster Hibernator plans for the API: finds the operator's API through discovery, keeps a
 * live copy per connection (and namespace) through ClusterWatch, answers lists and details from
 * it, emits `ClusterPlanChanged` for every change the watch brings, and writes the actions.
 */
import type {
  ClusterPlanAction,
  ClusterPlanActionResult,
  ClusterPlanDetail,
  ClusterPlanList,
} from '../../../shared/api/cluster-plans';
import { ApiError } from '../../../shared/api/errors';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { Connection, K8SCluster } from '../../../shared/model';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { planAction } from './cluster-plan-actions';
import {
  estimateTransitions,
  exceptionsOf,
  summarizeException,
  summarizeNotification,
  summarizePlan,
  type LooseObject,
} from './cluster-plan-summary';
import { ClusterWatch, type ClusterChange } from './cluster-watch';
import type { HibernatorClient } from './hibernator-client';
import type { HibernatorClientFactory } from './hibernator-client-factory';

export interface ClusterPlansDeps {
  connection: (name: string) => Connection | null;
  clients: HibernatorClientFactory;
  clock: Pick<Clock, 'now'>;
  emit: (event: HibernatorEvent) => void;
  logger?: Logger;
  /** Reconnect waits of the watches (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

const KINDS = {
  hibernateplans: 'HibernatePlan',
  scheduleexceptions: 'ScheduleException',
  hibernatenotifications: 'HibernateNotification',
} as const;

const UPCOMING = 5;

function phaseOf(obj: LooseObject | undefined): string | null {
  const status = obj?.status;
  if (typeof status !== 'object' || status === null) return null;
  const phase = (status as Record<string, unknown>).phase;
  return typeof phase === 'string' && phase !== '' ? phase : null;
}

interface Watched {
  /** The connection spec the watch was made for: an edited connection gets a new one. */
  spec: string;
  client: HibernatorClient;
  watch: ClusterWatch;
}

export class ClusterPlans {
  private readonly watched = new Map<string, Watched>();

  constructor(private readonly deps: ClusterPlansDeps) {}

  private cluster(name: string): K8SCluster {
    const connection = this.deps.connection(name);
    if (connection === null) throw new ApiError('NOT_FOUND', `There is no connection "${name}".`);
    if (connection.kind !== 'K8SCluster')
      throw new ApiError(
        'INVALID_INPUT',
        `"${name}" is a ${connection.kind}; in-cluster plans are read through a Kubernetes connection (K8SCluster).`,
      );
    return connection;
  }

  private emitChange(connection: string, change: ClusterChange): void {
    const obj = change.after ?? change.before;
    if (obj === undefined) return;
    this.deps.emit({
      type: 'ClusterPlanChanged',
      connection,
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name,
      kind: KINDS[change.resource],
      change: change.change,
      phase: change.resource === 'hibernateplans' ? phaseOf(change.after) : null,
      from: change.resource === 'hibernateplans' ? phaseOf(change.before) : null,
    });
  }

  /**
   * The live copy that covers `namespace` (a cluster-wide one covers them all), started on first
   * use. One whose first list was refused is dropped, so the next call asks again.
   */
  private async watchFor(
    cluster: K8SCluster,
    namespace: string | undefined,
  ): Promise<
    { client: HibernatorClient; watch: ClusterWatch } | { served: false; reason: string }
  > {
    const name = cluster.metadata.name;
    const spec = JSON.stringify(cluster.spec);
    for (const [key, w] of this.watched)
      if (key.startsWith(`${name}\u0000`) && w.spec !== spec) {
        w.watch.stop();
        this.watched.delete(key);
      }
    const wide = this.watched.get(`${name}\u0000*`);
    const key = `${name}\u0000${namespace ?? '*'}`;
    const existing = wide ?? this.watched.get(key);
    if (existing !== undefined) {
      try {
        await existing.watch.synced();
        return existing;
      } catch {
        existing.watch.stop();
        this.watched.delete(wide === undefined ? key : `${name}\u0000*`);
      }
    }
    const client = await this.deps.clients(cluster);
    const discovered = await client.discover();
    if (!discovered.served) return discovered;
    const watch = new ClusterWatch({
      client,
      namespace,
      onChange: (change) => this.emitChange(name, change),
      ...(this.deps.sleep === undefined ? {} : { sleep: this.deps.sleep }),
      onProblem: (resource, error) =>
        this.deps.logger?.warn('cluster watch interrupted', {
          connection: name,
          resource,
          error: error instanceof Error ? error.message : String(error),
        }),
    });
    this.watched.set(key, { spec, client, watch });
    try {
      await watch.synced();
    } catch (error) {
      watch.stop();
      this.watched.delete(key);
      throw error;
    }
    return { client, watch };
  }

  async list(connection: string, namespace?: string): Promise<ClusterPlanList> {
    const cluster = this.cluster(connection);
    const found = await this.watchFor(cluster, namespace);
    if ('served' in found)
      return {
        connection,
        served: false,
        reason: found.reason,
        plans: [],
        exceptions: [],
        notifications: [],
      };
    const now = this.deps.clock.now();
    const exceptions = found.watch.objects('scheduleexceptions', namespace);
    return {
      connection,
      served: true,
      reason: null,
      plans: found.watch
        .objects('hibernateplans', namespace)
        .map((p) => summarizePlan(connection, p, exceptions, now)),
      exceptions: exceptions.map(summarizeException),
      notifications: found.watch
        .objects('hibernatenotifications', namespace)
        .map(summarizeNotification),
    };
  }

  private async planObject(
    connection: string,
    namespace: string,
    name: string,
  ): Promise<{ client: HibernatorClient; watch: ClusterWatch; plan: LooseObject }> {
    const found = await this.watchFor(this.cluster(connection), namespace);
    if ('served' in found) throw new ApiError('NOT_FOUND', `${connection}: ${found.reason}`);
    const plan = found.watch
      .objects('hibernateplans', namespace)
      .find((p) => p.metadata.name === name);
    if (plan === undefined)
      throw new ApiError(
        'NOT_FOUND',
        `There is no HibernatePlan "${name}" in namespace "${namespace}" of ${connection}.`,
      );
    return { ...found, plan };
  }

  async get(connection: string, namespace: string, name: string): Promise<ClusterPlanDetail> {
    const { watch, plan } = await this.planObject(connection, namespace, name);
    const now = this.deps.clock.now();
    const all = watch.objects('scheduleexceptions', namespace);
    const notifications = watch
      .objects('hibernatenotifications', namespace)
      .map(summarizeNotification)
      .filter((n) => n.watchedPlans.includes(name));
    return {
      plan: summarizePlan(connection, plan, all, now),
      exceptions: exceptionsOf(plan, all).map(summarizeException),
      notifications,
      upcoming: estimateTransitions(plan, all, now, UPCOMING).transitions,
    };
  }

  async action(input: {
    connection: string;
    namespace: string;
    name: string;
    action: ClusterPlanAction;
    until?: string;
    reason?: string;
  }): Promise<ClusterPlanActionResult> {
    const { connection, namespace, name, action } = input;
    const { client, watch } = await this.planObject(connection, namespace, name);
    // Decide on the object as the server has it now, not on a copy a watch may not have updated yet.
    const fresh = await client.get('hibernateplans', namespace, name);
    if (fresh === null)
      throw new ApiError(
        'NOT_FOUND',
        `There is no HibernatePlan "${name}" in namespace "${namespace}" of ${connection}.`,
      );
    const now = this.deps.clock.now();
    const exceptions = watch.objects('scheduleexceptions', namespace);
    const before = summarizePlan(connection, fresh, exceptions, now);
    const decided = planAction(
      fresh,
      action,
      {
        ...(input.until === undefined ? {} : { until: input.until }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      },
      now,
      before.nextRetryAt,
    );
    const answer = { connection, namespace, name, action, message: decided.message };
    if (!decided.write) return { ...answer, patch: null, plan: before };
    const patched = await client.mergePatch('hibernateplans', namespace, name, decided.patch);
    watch.remember('hibernateplans', patched);
    return {
      ...answer,
      patch: decided.patch,
      plan: summarizePlan(connection, patched, exceptions, now),
    };
  }

  /** Stops the watches of one connection (deleted or edited). */
  forget(connection: string): void {
    for (const [key, w] of this.watched)
      if (key.startsWith(`${connection}\u0000`)) {
        w.watch.stop();
        this.watched.delete(key);
      }
  }

  /** Stops every watch (engine close). */
  close(): void {
    for (const w of this.watched.values()) w.watch.stop();
    this.watched.clear();
  }
}
