/**
 * The engine as its hosts see it (main/app, main/server, main/cli): open it for a data directory,
 * dispatch API calls, and tell its start-up errors apart. Hosts import nothing else from
 * main/engine (eslint.config.js enforces it), so its inside can move freely.
 */
export { Engine, defaultExecutors, type EngineOptions } from './engine';
export { openHostEngine, type HostEngineOptions } from './host/open-host-engine';
export { DataDirError, PRODUCT_NAME, defaultDataDir, localUser, prepareDataDir } from './basics';
export { EngineLockedError, type LockOwner } from './host/engine-lock';
export { DatabaseError } from './store/database';
export { dispatch, isApiMethod, type DispatchResult } from './service/dispatch';
export {
  createFileLogger,
  createMemoryLogger,
  type FileLoggerOptions,
  type LogFields,
  type LogLevel,
  type Logger,
} from './logging/logger';
