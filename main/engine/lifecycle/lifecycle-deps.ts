import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { EventBus } from '../events/event-bus';
import type { ClientProvider } from '../executors/executor';
import type { ExecutorRegistry } from '../executors/registry';
import type { Logger } from '../logging/logger';
import type { RestoreStore } from '../restore/restore-store';
import type { ConnectionRepository } from '../store/connection-repository';
import type { ExceptionRepository } from '../store/exception-repository';
import type { HistoryRepository } from '../store/history-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { WalSync } from '../store/wal-sync';

export interface LifecycleSettings {
  /** Minutes before a scheduled hibernation at which a HeadsUp event is sent (0 = never). */
  headsUpMinutes: number;
  /** Hours between two keep-asleep checks of a hibernated plan (default 24). */
  keepAsleepHours?: number;
}

export interface LifecycleDeps {
  db: Database;
  /** Syncs the WAL off the event loop (captures wait for it); without it, FULL commits block. */
  walSync?: WalSync;
  plans: PlanRepository;
  exceptions: ExceptionRepository;
  connections: ConnectionRepository;
  restore: RestoreStore;
  history: HistoryRepository;
  executors: ExecutorRegistry;
  clients: ClientProvider;
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  settings(): LifecycleSettings;
  /** True while the engine only serves reads and edits (a CLI without a running engine): nothing runs. */
  passive(): boolean;
}
