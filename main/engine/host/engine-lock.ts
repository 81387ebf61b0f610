import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export class EngineLockedError extends Error {
  readonly code = 'ENGINE_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `Another Hibernator engine (${owner.host}, pid ${owner.pid}, started ${owner.startedAt}) is using ${dataDir}. ` +
        `Stop it first, or use another --data-dir. CLI commands reach a running engine by themselves.`,
    );
  }
}

export interface EngineLock {
  readonly path: string;
  /** Set when a lock left behind by a dead process was taken over. */
  readonly takenOverFrom: LockOwner | null;
  release(): void;
}

const LOCK_FILE = 'engine.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const o = parsed as Record<string, unknown>;
      if (typeof o.pid === 'number') {
        return {
          pid: o.pid,
          host: typeof o.host === 'string' ? o.host : 'unknown',
          startedAt: typeof o.startedAt === 'string' ? o.startedAt : 'unknown',
        };
      }
    }
  } catch {
    // unreadable or half-written lock: treated as stale below
  }
  return null;
}

/** One engine per data directory: a lock file holding the owner's pid (architecture.md). */
export function acquireEngineLock(
  dataDir: string,
  host: string,
  now: Date = new Date(),
): EngineLock {
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host, startedAt: now.toISOString() };
  let takenOverFrom: LockOwner | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return {
        path,
        takenOverFrom,
        release() {
          if (released) return;
          released = true;
          const current = readOwner(path);
          if (current?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const existing = readOwner(path);
      if (existing && existing.pid !== process.pid && isAlive(existing.pid)) {
        throw new EngineLockedError(dataDir, existing);
      }
      takenOverFrom = existing ?? { pid: 0, host: 'unknown', startedAt: 'unknown' };
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the engine lock ${path}; remove it if no Hibernator is running.`);
}
