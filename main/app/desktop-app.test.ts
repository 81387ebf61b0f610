import * as electron from 'electron';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { Engine, createMemoryLogger } from '../engine';
import { localSocketPath } from '../server/local-socket';
import { runDesktop, type Desktop, type DesktopEnvironment } from './desktop-app';
import {
  FakeBrowserWindow,
  FakeTray,
  resetFakeElectron,
  type FakeElectron,
} from './test-support/fake-electron';

vi.mock('electron', async () =>
  (await import('./test-support/fake-electron')).createFakeElectron(),
);
const fake = electron as unknown as FakeElectron;

let dir = '';
let desktop: Desktop | null = null;

function environment(argv: string[] = ['electron', '.']): DesktopEnvironment {
  return {
    argv,
    platform: 'linux',
    env: { HIBERNATOR_DATA_DIR: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  };
}

async function start(argv?: string[]): Promise<Desktop> {
  const started = await runDesktop(environment(argv));
  if (!started) throw new Error('the desktop did not start');
  desktop = started;
  return started;
}

/** Quits through the app, as the tray's Quit does, and waits for the guard to finish. */
async function quit(): Promise<void> {
  fake.app.quit();
  await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
}

beforeEach(() => {
  resetFakeElectron();
  fake.app.removeAllListeners();
  fake.powerMonitor.removeAllListeners();
  Object.assign(fake.app, {
    singleInstance: true,
    quitted: false,
    quitCount: 0,
    name: 'Electron',
    isPackaged: true,
  });
  fake.dialog.messageBoxes.length = 0;
  fake.dialog.answer = 0;
  fake.protocol.handlers.clear();
  fake.ipcMain.handlers.clear();
  dir = mkdtempSync(join(tmpdir(), 'hib-desk-'));
});

afterEach(async () => {
  await desktop?.engine.close();
  desktop = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('runDesktop', () => {
  it('leaves at once when another instance holds the single-instance lock', async () => {
    fake.app.singleInstance = false;
    desktop = await runDesktop(environment());
    expect(desktop).toBeNull();
    expect(fake.app.quitCount).toBe(1);
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(existsSync(join(dir, 'data', 'engine.lock'))).toBe(false);
  });

  it('starts the engine, the socket, the protocol, the bridge, a secure window and the tray', async () => {
    desktop = await runDesktop(environment());
    expect(fake.app.name).toBe('Hibernator');
    expect(fake.protocol.privileged).toContainEqual(
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    );
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(true);
    expect(existsSync(localSocketPath(join(dir, 'data')))).toBe(true);
    const [window] = FakeBrowserWindow.instances;
    expect(window?.url).toBe('app://hibernator/');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(window?.options.webPreferences?.preload)).toMatch(
      /out[\\/]preload[\\/]index\.cjs$/,
    );
    const tray = FakeTray.instances[0];
    expect(tray?.tooltip).toBe('Hibernator — no plans yet');
    expect(fake.session.defaultSession.permissionHandlers.request).not.toBeNull();
  });

  it('keeps the window closed when started at login', async () => {
    desktop = await runDesktop(environment(['electron', '.', '--hidden']));
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(FakeTray.instances).toHaveLength(1);
    fake.app.emit('second-instance');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('answers the window through the bridge and forwards engine events to it, and updates the tray', async () => {
    desktop = await runDesktop(environment());
    const call = fake.ipcMain.handlers.get(IPC_CALL_CHANNEL);
    const yaml = readFileSync(
      join(import.meta.dirname, '../../test/fixtures/plans/sequential-noop.yaml'),
      'utf8',
    );
    await expect(
      call?.({ senderFrame: { url: 'app://hibernator/' } }, 'importYaml', { yaml }),
    ).resolves.toMatchObject({ ok: true });
    const window = FakeBrowserWindow.instances[0];
    expect(window?.webContents.sent).toContainEqual({
      channel: IPC_EVENT_CHANNEL,
      payload: { type: 'PlanChanged', plan: 'demo', change: 'created' },
    });
    await vi.waitFor(() => expect(FakeTray.instances[0]?.tooltip).toMatch(/^Hibernator — 1 /));
  });

  it('re-evaluates plans when the computer wakes up', async () => {
    const d = await start();
    const spy = vi.spyOn(d.engine.lifecycle, 'reevaluateAll');
    fake.powerMonitor.emit('resume');
    expect(spy).toHaveBeenCalledWith('the computer woke from sleep');
  });

  it('writes the autostart entry when Start at login is switched on', async () => {
    const d = await start();
    await d.engine.call('updateSettings', { settings: { startAtLogin: true } });
    const file = join(dir, 'config', 'autostart', 'app.hibernator.desktop.desktop');
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toMatch(/^Exec=.* --hidden$/m);
  });

  it('closes the engine and the socket on quit, so the data dir is free again', async () => {
    desktop = await runDesktop(environment());
    await quit();
    expect(existsSync(localSocketPath(join(dir, 'data')))).toBe(false);
    const again = Engine.open({
      dataDir: join(dir, 'data'),
      host: 'cli',
      logger: createMemoryLogger(),
      run: false,
    });
    await again.close();
    expect(fake.protocol.handlers.has('app')).toBe(false);
    expect(FakeTray.instances[0]?.destroyed).toBe(true);
  });

  it('asks before quitting while a plan is busy, and stays when told to', async () => {
    const d = await start();
    vi.spyOn(d.engine.lifecycle, 'busyPlans').mockReturnValue(['demo']);
    fake.dialog.answer = 1;
    fake.app.quit();
    await vi.waitFor(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    expect(fake.dialog.messageBoxes[0]).toMatchObject({
      type: 'warning',
      buttons: ['Quit anyway', 'Keep running'],
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the guard take the answer
    expect(fake.app.quitted).toBe(false);
    expect(d.quitGuard.closed).toBe(false);
    fake.dialog.answer = 0;
    await quit();
    expect(fake.dialog.messageBoxes).toHaveLength(2);
  });

  it('explains a data dir held by another engine, then quits', async () => {
    // The lock of a live process that is not this one (pid 1 always exists).
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(
      join(dir, 'data', 'engine.lock'),
      JSON.stringify({ pid: 1, host: 'serve', startedAt: '2026-11-26T08:00:00Z' }),
    );
    desktop = await runDesktop(environment());
    expect(desktop).toBeNull();
    expect(fake.dialog.messageBoxes[0]).toMatchObject({
      type: 'error',
      title: 'Hibernator is already running',
      message: expect.stringContaining('serve, pid 1'),
    });
    expect(fake.app.quitCount).toBe(1);
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});
