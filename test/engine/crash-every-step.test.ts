import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { CRASH_WORLD } from './crash-plan';
import { FakeWorld, createScriptableExecutor } from './fake-world';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the child until its `killAt`-th change (or to the end when null), then SIGKILLs it. */
function runChild(
  dataDir: string,
  worldFile: string,
  action: 'hibernateNow' | 'wakeNow',
  killAt: number | null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        `file://${join(root, 'node_modules/tsx/dist/loader.mjs')}`,
        join(root, 'test/engine/crash-step-child.ts'),
        dataDir,
        worldFile,
        action,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let changes = 0;
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      changes += (text.match(/CHANGED/g) ?? []).length;
      if ((killAt !== null && changes >= killAt) || text.includes('DONE')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`child ended without being killed: ${err}`)),
    );
  });
}

/** Reopens the data dir in this process over the same world file and lets the engine finish. */
async function finish(
  dataDir: string,
  worldFile: string,
): Promise<{ world: FakeWorld; phase: string; cycle: unknown }> {
  const world = FakeWorld.fromJSON(JSON.parse(readFileSync(worldFile, 'utf8')));
  const engine = Engine.open({
    dataDir,
    host: 'serve',
    logger: createMemoryLogger(),
    executors: new ExecutorRegistry().register(createScriptableExecutor(world)),
  });
  try {
    for (let i = 0; i < 50; i++) {
      await engine.idle();
      await new Promise((r) => setTimeout(r, 20));
      const detail = await engine.call('getPlan', { name: 'dev' });
      const status = detail.ok
        ? (detail.result as { status: { phase: string; cycle: unknown } }).status
        : null;
      if (status && (status.phase === 'Hibernated' || status.phase === 'Active')) {
        writeFileSync(worldFile, JSON.stringify(world.toJSON()));
        return { world, phase: status.phase, cycle: status.cycle };
      }
    }
    throw new Error('the engine did not finish the interrupted operation');
  } finally {
    await engine.close();
  }
}

const running = (world: FakeWorld): string[] =>
  ['a', 'b', 'c'].flatMap((t) => world.running(t).map((k) => k));

describe('kill -9 at every step of a cycle', () => {
  // Changes: shutdown stops a-1, b-1, c-1 (b-2 was already stopped); the wake-up starts them again.
  for (const shutdownKill of [1, 2, 3]) {
    for (const wakeKill of [1, 2]) {
      it(`killed after ${shutdownKill} stop(s) and again after ${wakeKill} start(s): everything that ran runs again, nothing else`, async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'hib-crash-step-'));
        const worldFile = join(dataDir, 'world.json');
        writeFileSync(worldFile, JSON.stringify(CRASH_WORLD));
        await runChild(dataDir, worldFile, 'hibernateNow', shutdownKill);
        const asleep = await finish(dataDir, worldFile);
        expect(asleep.phase).toBe('Hibernated');
        expect(running(asleep.world)).toEqual([]);
        await runChild(dataDir, worldFile, 'wakeNow', wakeKill);
        const awake = await finish(dataDir, worldFile);
        expect(awake.phase).toBe('Active');
        expect(running(awake.world)).toEqual(['a-1', 'b-1', 'c-1']);
        expect(awake.world.get('b', 'b-2')?.running).toBe(false);
        expect(awake.cycle).toBeNull();
      }, 60_000);
    }
  }
});
