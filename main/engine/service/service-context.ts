import type { Database } from 'better-sqlite3';
import type { EngineInfo } from '../../../shared/api/contract';
import type { Clock } from '../clock';
import type { ClusterPlans } from '../cluster/cluster-plans';
import type { EventBus } from '../events/event-bus';
import type { ConnectionTools } from '../connections/connection-tools';
import type { ClientProvider } from '../connections/client-provider';
import type { ExecutorRegistry } from '../executors/registry';
import type { Lifecycle } from '../lifecycle/lifecycle';
import type { Logger } from '../logging/logger';
import type { SinkSecrets } from '../notify/sink-secrets';
import type { RestoreStore } from '../restore/restore-store';
import type { ConnectionRepository } from '../store/connection-repository';
import type { ExceptionRepository } from '../store/exception-repository';
import type { HistoryRepository } from '../store/history-repository';
import type { NotificationRepository } from '../store/notification-repository';
import type { OutboxRepository } from '../store/outbox-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { SettingsRepository } from '../store/settings-repository';

export interface ServiceContext {
  db: Database;
  plans: PlanRepository;
  exceptions: ExceptionRepository;
  connections: ConnectionRepository;
  notifications: NotificationRepository;
  /** Sink config (URLs, tokens): the owner-only secrets file, never the database. */
  sinkSecrets: SinkSecrets;
  /** Delivery outbox: last delivery and failure per sink. */
  outbox: OutboxRepository;
  restore: RestoreStore;
  history: HistoryRepository;
  lifecycle: Lifecycle;
  executors: ExecutorRegistry;
  clients: ClientProvider;
  connectionTools: ConnectionTools;
  settings: SettingsRepository;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  info: EngineInfo;
  /** `user@host` of the OS account this engine runs as (null when the OS will not say). */
  localUser: string | null;
  clusterPlans: ClusterPlans;
}
