import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOwnerOnly, isEngineFile, secureDataDir, secureEngineFiles } from './owner-only';

const dirs: string[] = [];
function scratch(mode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hib-owner-'));
  dirs.push(dir);
  chmodSync(dir, mode);
  return dir;
}
const modeOf = (path: string): number => statSync(path).mode & 0o777;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('isEngineFile', () => {
  it.each([
    ['hibernator.db', true],
    ['hibernator.db-wal', true],
    ['hibernator.db-shm', true],
    ['engine.log', true],
    ['engine.log.3', true],
    ['engine.lock', true],
    ['serve.token', true],
    ['notification-secrets.json', true],
    ['window-state.json', true],
    ['notes.txt', false],
    ['hibernator.db.bak', false],
  ])('%s → %s', (name, expected) => {
    expect(isEngineFile(name)).toBe(expected);
  });
});

describe('secureDataDir', () => {
  it('tightens a 0755 directory that holds only engine files, and says from what', () => {
    const dir = scratch(0o755);
    writeFileSync(join(dir, 'hibernator.db'), '');
    writeFileSync(join(dir, 'engine.log'), '');
    expect(secureDataDir(dir, 'linux')).toEqual({ kind: 'tightened', from: '0755' });
    expect(modeOf(dir)).toBe(0o700);
  });

  it('leaves a shared folder alone and names what else is in it', () => {
    const dir = scratch(0o755);
    writeFileSync(join(dir, 'hibernator.db'), '');
    writeFileSync(join(dir, 'my-notes.txt'), '');
    mkdirSync(join(dir, 'photos'));
    expect(secureDataDir(dir, 'linux')).toEqual({
      kind: 'shared-folder',
      mode: '0755',
      others: expect.arrayContaining(['my-notes.txt', 'photos']),
    });
    expect(modeOf(dir)).toBe(0o755);
  });

  it('reports an owner-only directory as such and changes nothing', () => {
    const dir = scratch(0o700);
    expect(secureDataDir(dir, 'linux')).toEqual({ kind: 'owner-only' });
  });

  it('does nothing on Windows, where the profile ACL protects the folder', () => {
    const dir = scratch(0o755);
    expect(secureDataDir(dir, 'win32')).toEqual({ kind: 'owner-only' });
    expect(modeOf(dir)).toBe(0o755);
  });
});

describe('secureEngineFiles', () => {
  it('makes every engine file 0600 and leaves the user’s own files as they are', () => {
    const dir = scratch(0o700);
    for (const name of ['hibernator.db', 'hibernator.db-wal', 'engine.log', 'mine.txt']) {
      writeFileSync(join(dir, name), '');
      chmodSync(join(dir, name), 0o644);
    }
    writeFileSync(join(dir, 'serve.token'), '', { mode: 0o600 });
    expect(secureEngineFiles(dir, 'linux').sort()).toEqual([
      'engine.log',
      'hibernator.db',
      'hibernator.db-wal',
    ]);
    expect(modeOf(join(dir, 'hibernator.db'))).toBe(0o600);
    expect(modeOf(join(dir, 'mine.txt'))).toBe(0o644);
  });
});

describe('createOwnerOnly', () => {
  it('creates a missing file 0600 whatever the umask, and never truncates an existing one', () => {
    const dir = scratch(0o700);
    const path = join(dir, 'hibernator.db');
    const previous = process.umask(0o000);
    try {
      createOwnerOnly(path);
    } finally {
      process.umask(previous);
    }
    expect(modeOf(path)).toBe(0o600);
    writeFileSync(path, 'data');
    createOwnerOnly(path);
    expect(statSync(path).size).toBe(4);
  });
});

describe('an engine opening its data directory', () => {
  it('leaves the database, its WAL files and the log owner-only, and tightens an old 0755 directory', async () => {
    const { Engine } = await import('../engine');
    const dir = scratch(0o755);
    const previous = process.umask(0o022);
    let engine;
    try {
      engine = Engine.open({ dataDir: dir, host: 'cli' });
      engine.logger.info('hello');
    } finally {
      process.umask(previous);
    }
    try {
      expect(modeOf(dir)).toBe(0o700);
      for (const name of [
        'hibernator.db',
        'hibernator.db-wal',
        'hibernator.db-shm',
        'engine.log',
      ]) {
        expect({ name, mode: modeOf(join(dir, name)).toString(8) }).toEqual({ name, mode: '600' });
      }
    } finally {
      await engine?.close();
    }
  });

  it('fixes the 0644 files an older version left, and logs what it changed', async () => {
    const { Engine, createMemoryLogger } = await import('../index');
    const dir = scratch(0o700);
    const first = Engine.open({ dataDir: dir, host: 'cli', logger: createMemoryLogger() });
    await first.close();
    chmodSync(join(dir, 'hibernator.db'), 0o644);
    const logger = createMemoryLogger();
    const engine = Engine.open({ dataDir: dir, host: 'cli', logger });
    try {
      expect(modeOf(join(dir, 'hibernator.db'))).toBe(0o600);
      expect(JSON.stringify(logger.lines)).toContain('made engine files owner-only');
    } finally {
      await engine.close();
    }
  });
});
