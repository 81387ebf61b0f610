import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { RestoreStore } from '../../main/engine/restore/restore-store';
import { databasePath, openDatabase } from '../../main/engine/store/database';
import { FakeWorld, createScriptableExecutor } from './fake-world';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runUntilReported(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        `file://${join(root, 'node_modules/tsx/dist/loader.mjs')}`,
        join(root, 'test/engine/crash-child.ts'),
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('REPORTED')) {
        // The capture was committed and the executor has not acted yet: pull the plug.
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`child exited without reporting: ${err}`)),
    );
  });
}

describe('write-ahead durability', () => {
  it('a capture committed before the action survives kill -9, and the restarted engine finishes the shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-crash-'));
    await runUntilReported(dataDir);

    const db = openDatabase(databasePath(dataDir));
    const phase = db.prepare('SELECT phase FROM plan_state WHERE name = ?').get('dev') as {
      phase: string;
    };
    expect(phase.phase).toBe('Hibernating');
    const store = new RestoreStore(db);
    const cycle = (
      db.prepare('SELECT cycle_id FROM plan_state WHERE name = ?').get('dev') as {
        cycle_id: string;
      }
    ).cycle_id;
    const point = store.load('dev', 'web', cycle);
    expect(point?.resources).toEqual([
      expect.objectContaining({ key: 'i-1', state: { running: true, size: 8 }, isLive: true }),
    ]);
    db.close();

    // The lock left by the killed process is taken over; the operation resumes from the ledger.
    const world = new FakeWorld().add('web', 'i-1', true, 8).add('web', 'i-2', true, 4);
    const engine = Engine.open({
      dataDir,
      host: 'serve',
      logger: createMemoryLogger(),
      executors: new ExecutorRegistry().register(createScriptableExecutor(world)),
    });
    try {
      await engine.idle();
      await new Promise((r) => setTimeout(r, 50));
      await engine.idle();
      const detail = await engine.call('getPlan', { name: 'dev' });
      expect(detail.ok && (detail.result as { status: { phase: string } }).status.phase).toBe(
        'Hibernated',
      );
      expect(world.running('web')).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
