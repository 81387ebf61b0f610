import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineLockedError, acquireEngineLock } from './engine-lock';

const dir = (): string => mkdtempSync(join(tmpdir(), 'hib-lock-'));

describe('acquireEngineLock', () => {
  it('refuses a second engine and names the running process', async () => {
    const data = dir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
      stdio: 'ignore',
    });
    try {
      writeFileSync(
        join(data, 'engine.lock'),
        JSON.stringify({ pid: child.pid, host: 'serve', startedAt: '2026-11-26T10:00:00.000Z' }),
      );
      let error: unknown;
      try {
        acquireEngineLock(data, 'desktop');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EngineLockedError);
      expect((error as Error).message).toContain(
        `(serve, pid ${child.pid}, started 2026-11-26T10:00:00.000Z)`,
      );
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone and says from whom', () => {
    const data = dir();
    writeFileSync(
      join(data, 'engine.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: 'desktop', startedAt: 'x' }),
    );
    const lock = acquireEngineLock(data, 'serve');
    expect(lock.takenOverFrom?.host).toBe('desktop');
    lock.release();
  });

  it('can be taken again after release', () => {
    const data = dir();
    acquireEngineLock(data, 'cli').release();
    const again = acquireEngineLock(data, 'cli');
    expect(again.takenOverFrom).toBeNull();
    again.release();
  });
});
