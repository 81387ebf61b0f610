import * as electron from 'electron';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeTray, type FakeElectron } from './test-support/fake-electron';

vi.mock('electron', async () =>
  (await import('./test-support/fake-electron')).createFakeElectron(),
);
const fake = electron as unknown as FakeElectron;

const dir = mkdtempSync(join(tmpdir(), 'hib-index-'));
const saved = { data: process.env.HIBERNATOR_DATA_DIR, config: process.env.XDG_CONFIG_HOME };

afterAll(() => {
  process.env.HIBERNATOR_DATA_DIR = saved.data;
  process.env.XDG_CONFIG_HOME = saved.config;
  if (saved.data === undefined) delete process.env.HIBERNATOR_DATA_DIR;
  if (saved.config === undefined) delete process.env.XDG_CONFIG_HOME;
  rmSync(dir, { recursive: true, force: true });
});

it('the main entry takes the single-instance lock, opens a secure window and the tray, and closes the engine on quit', async () => {
  process.env.HIBERNATOR_DATA_DIR = join(dir, 'data');
  process.env.XDG_CONFIG_HOME = join(dir, 'config');
  // Packaged: never pick up a better-sqlite3 built for Electron by `npm start` in this checkout.
  fake.app.isPackaged = true;
  const lock = vi.spyOn(fake.app, 'requestSingleInstanceLock');
  await import('./index');
  // Startup opens the engine (SQLite, migrations) after the import returns; on a busy machine that
  // takes longer than waitFor's 1 s default, so wait up to the test's own budget.
  await vi.waitFor(() => expect(FakeTray.instances).toHaveLength(1), { timeout: 15_000 });
  expect(lock).toHaveBeenCalledOnce();
  expect(FakeBrowserWindow.instances[0]?.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
  });
  expect(existsSync(join(dir, 'data', 'engine.lock'))).toBe(true);
  fake.app.quit();
  await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  expect(existsSync(join(dir, 'data', 'engine.lock'))).toBe(false);
  expect(fake.app.exitCode).toBeNull();
});
