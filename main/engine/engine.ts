import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { ApiCaller, EngineInfo, HibernatorApi } from '../../shared/api/contract';
import type { Connection } from '../../shared/model';
import type { EventListener } from '../../shared/api/events';
import { systemClock, type Clock } from './clock';
import { ClusterPlans } from './cluster/cluster-plans';
import type { HibernatorClientFactory } from './cluster/hibernator-client-factory';
import { EventBus } from './events/event-bus';
import { noConnectionTools, type ConnectionTools } from './connections/connection-tools';
import type { ClientProvider } from './connections/client-provider';
import { ExecutorRegistry } from './executors/registry';
import { createNoopExecutor } from './executors/noop/noop-executor';
import { prepareDataDir } from './host/data-dir';
import { createOwnerOnly, secureDataDir, secureEngineFiles } from './host/owner-only';
import { acquireEngineLock, type EngineLock } from './host/engine-lock';
import { localUser } from './host/local-user';
import { migrateLegacyHolds } from './lifecycle/hold-migration';
import { Lifecycle } from './lifecycle/lifecycle';
import type { LifecycleDeps } from './lifecycle/lifecycle-deps';
import { createFileLogger, type Logger } from './logging/logger';
import { RestoreStore } from './restore/restore-store';
import { dispatch, type DispatchResult } from './service/dispatch';
import { HibernatorService } from './service/hibernator-service';
import { ConnectionRepository } from './store/connection-repository';
import { databasePath, openDatabase } from './store/database';
import { ExceptionRepository } from './store/exception-repository';
import { HistoryRepository } from './store/history-repository';
import { NotificationRepository } from './store/notification-repository';
import { SinkSecrets } from './notify/sink-secrets';
import { NotificationDispatcher, type DeliveryLimits } from './notify/notification-dispatcher';
import type { SinkEndpoints } from './notify/sink-transport';
import { OutboxRepository } from './store/outbox-repository';
import { PlanRepository } from './store/plan-repository';
import { SettingsRepository } from './store/settings-repository';
import { WalSync } from './store/wal-sync';
import { ENGINE_VERSION } from './version';

export interface EngineOptions {
  dataDir: string;
  host: EngineInfo['host'];
  clock?: Clock;
  logger?: Logger;
  executors?: ExecutorRegistry;
  clients?: ClientProvider;
  /** Reaches the Hibernator operator's API of a K8SCluster connection (in-cluster plans). */
  clusterClients?: HibernatorClientFactory;
  connectionTools?: ConnectionTools;
  /** better-sqlite3 binary for another ABI (Electron). */
  nativeBinding?: string;
  /** Start timers and reconcile plans (false for one-shot CLI commands that only read or write). */
  run?: boolean;
  /** Team notifications: where sinks post (tests, the demo) and delivery pacing. */
  notifications?: { endpoints?: SinkEndpoints; limits?: Partial<DeliveryLimits> };
  /** Called after the lifecycle stopped and before the database closes (cloud clients, sockets). */
  onClose?: () => void | Promise<void>;
}

/** Sink base URLs from the environment: point Slack/Telegram/webhooks at a local receiver. */
function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): SinkEndpoints {
  return {
    ...(env.HIBERNATOR_SLACK_BASE_URL ? { slackBaseUrl: env.HIBERNATOR_SLACK_BASE_URL } : {}),
    ...(env.HIBERNATOR_TELEGRAM_BASE_URL
      ? { telegramBaseUrl: env.HIBERNATOR_TELEGRAM_BASE_URL }
      : {}),
    ...(env.HIBERNATOR_WEBHOOK_BASE_URL ? { webhookBaseUrl: env.HIBERNATOR_WEBHOOK_BASE_URL } : {}),
  };
}

const noClients: ClientProvider = {
  get: () => Promise.reject(new Error('no cloud clients are configured in this engine')),
};

const noClusterClients: HibernatorClientFactory = () =>
  Promise.reject(new Error('no Kubernetes clients are configured in this engine'));

export function defaultExecutors(): ExecutorRegistry {
  return new ExecutorRegistry().register(createNoopExecutor());
}

/**
 * One engine per data directory: the lock, the database, the lifecycle and the service.
 * Hosts (Electron, serve, CLI) create it, call `api`/`call`, subscribe to events, and close it.
 */
export class Engine {
  readonly api: HibernatorApi;
  readonly lifecycle: Lifecycle;
  readonly settings: SettingsRepository;
  private closed = false;
  /** One-time data migrations that need the clock, run before the first reconcile. */
  private migrate: () => void = () => undefined;

  private constructor(
    readonly dataDir: string,
    readonly db: Database,
    readonly bus: EventBus,
    readonly logger: Logger,
    private readonly lock: EngineLock,
    private readonly onClose: (() => void | Promise<void>) | undefined,
    private readonly connections: ConnectionRepository,
    private readonly dispatcher: NotificationDispatcher,
    api: HibernatorApi,
    lifecycle: Lifecycle,
    settings: SettingsRepository,
  ) {
    this.api = api;
    this.lifecycle = lifecycle;
    this.settings = settings;
  }

  static open(options: EngineOptions): Engine {
    const clock = options.clock ?? systemClock;
    const dataDir = prepareDataDir(options.dataDir);
    const logger =
      options.logger ??
      createFileLogger(
        { path: join(dataDir, 'engine.log'), now: () => clock.now() },
        { host: options.host },
      );
    const lock = acquireEngineLock(dataDir, options.host, clock.now());
    if (lock.takenOverFrom) {
      logger.warn('took over a lock left by a stopped engine', {
        previousPid: lock.takenOverFrom.pid,
        previousHost: lock.takenOverFrom.host,
      });
    }
    reportDataDirAccess(dataDir, logger);
    let db: Database;
    try {
      createOwnerOnly(databasePath(dataDir));
      db = openDatabase(
        databasePath(dataDir),
        options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
      );
    } catch (error) {
      lock.release();
      throw error;
    }
    // SQLite made -wal/-shm at open; an older version may have left 0644 files behind.
    const loosened = secureEngineFiles(dataDir);
    if (loosened.length > 0)
      logger.info('made engine files owner-only (0600)', { files: loosened });
    const bus = new EventBus(logger);
    const plans = new PlanRepository(db);
    const exceptions = new ExceptionRepository(db);
    const connections = new ConnectionRepository(db);
    const restore = new RestoreStore(db);
    const history = new HistoryRepository(db);
    const settings = new SettingsRepository(db);
    const notifications = new NotificationRepository(db);
    const sinkSecrets = new SinkSecrets(dataDir);
    const outbox = new OutboxRepository(db);
    const dispatcher = new NotificationDispatcher({
      outbox,
      notifications,
      plans,
      secrets: sinkSecrets,
      clock,
      logger,
      endpoints: options.notifications?.endpoints ?? endpointsFromEnv(),
      ...(options.notifications?.limits ? { limits: options.notifications.limits } : {}),
    });
    const executors = options.executors ?? defaultExecutors();
    const walSync = new WalSync(`${databasePath(dataDir)}-wal`);
    const lifecycleDeps: LifecycleDeps = {
      db,
      walSync,
      plans,
      exceptions,
      connections,
      restore,
      history,
      executors,
      clients: options.clients ?? noClients,
      clock,
      logger,
      bus,
      settings: () => {
        const current = settings.get();
        return {
          headsUpMinutes: current.headsUpMinutes,
          keepAsleepHours: current.keepAsleepHours,
        };
      },
      passive: () => !lifecycle.isStarted,
    };
    const lifecycle: Lifecycle = new Lifecycle(lifecycleDeps);
    const info: EngineInfo = {
      version: ENGINE_VERSION,
      dataDir,
      host: options.host,
      pid: process.pid,
      startedAt: clock.now().toISOString(),
    };
    const clients = options.clients ?? noClients;
    const clusterPlans = new ClusterPlans({
      connection: (name) => connections.get(name),
      clients: options.clusterClients ?? noClusterClients,
      clock,
      emit: (event) => bus.emit(event),
      logger,
    });
    // A deleted or edited connection's watch is stopped (an edited one restarts on next use).
    bus.subscribe((event) => {
      if (event.type === 'ConnectionChanged' && event.change !== 'created')
        clusterPlans.forget(event.connection);
    });
    const api = new HibernatorService({
      db,
      plans,
      exceptions,
      connections,
      notifications,
      sinkSecrets,
      outbox,
      restore,
      history,
      lifecycle,
      executors,
      clients,
      connectionTools: options.connectionTools ?? noConnectionTools,
      settings,
      bus,
      clock,
      logger,
      info,
      localUser: localUser(),
      clusterPlans,
    });
    const engine = new Engine(
      dataDir,
      db,
      bus,
      logger,
      lock,
      async () => {
        clusterPlans.close();
        await options.onClose?.();
      },
      connections,
      dispatcher,
      api,
      lifecycle,
      settings,
    );
    engine.migrate = () => migrateLegacyHolds(lifecycleDeps, settings);
    if (options.run !== false) engine.start();
    logger.info('engine started', { dataDir, host: options.host, pid: process.pid });
    return engine;
  }

  /** A stored connection by name (EKS clusters find their CloudProvider through it). */
  connection(name: string): Connection | null {
    return this.connections.get(name);
  }

  /** Starts schedules and operations (for an engine opened with `run: false`). */
  start(): void {
    if (this.lifecycle.isStarted) return;
    this.migrate();
    // Before the lifecycle starts: the first reconcile's events are already delivered.
    this.dispatcher.start(this.bus);
    this.lifecycle.start();
  }

  /**
   * Parses and dispatches one API call; the shape every transport carries. `caller` is what the
   * host knows of who calls (recorded on manual overrides); without it the origin is unknown.
   */
  call(method: string, input: unknown, caller?: ApiCaller): Promise<DispatchResult> {
    return dispatch(this.api, method, input, this.logger, caller);
  }

  subscribe(listener: EventListener): () => void {
    return this.bus.subscribe(listener);
  }

  /** Resolves once every plan is idle (tests, benchmarks, orderly quit). */
  idle(): Promise<void> {
    return this.lifecycle.idle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lifecycle.close();
    await this.dispatcher.close();
    try {
      await this.onClose?.();
    } catch (error) {
      this.logger.warn('closing cloud clients failed', { error: String(error) });
    }
    try {
      this.db.close();
    } finally {
      this.lock.release();
    }
    this.logger.info('engine stopped');
  }
}

/** The data directory is 0700 (semantics: owner-only, always); say what was fixed or what blocks it. */
function reportDataDirAccess(dataDir: string, logger: Logger): void {
  const access = secureDataDir(dataDir);
  if (access.kind === 'tightened') {
    logger.info('made the data directory owner-only (0700)', { dataDir, was: access.from });
  } else if (access.kind === 'shared-folder') {
    logger.warn(
      "the data directory is readable by other users and holds files that are not the engine's, so it was left as it is: choose a directory of its own with --data-dir / HIBERNATOR_DATA_DIR, or chmod 700 it",
      { dataDir, mode: access.mode, others: access.others.slice(0, 5) },
    );
  }
}
