import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MainWindow, planRoute } from './main-window';
import { FakeBrowserWindow, resetFakeElectron } from '../test-support/fake-electron';
import { loadWindowState, saveWindowState } from './window-state';

vi.mock('electron', async () =>
  (await import('../test-support/fake-electron')).createFakeElectron(),
);

let dir = '';
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'hib-win-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function only(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  const [w] = FakeBrowserWindow.instances;
  if (!w) throw new Error('no window');
  return w;
}

describe('MainWindow', () => {
  it('creates one secure window on app://hibernator and shows it once painted', () => {
    const window = new MainWindow({ preloadPath: '/p/index.cjs', stateFile: join(dir, 'ws.json') });
    window.show();
    const w = only();
    expect(w.url).toBe('app://hibernator/');
    expect(w.options.webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(w.visible).toBe(false);
    w.emit('ready-to-show');
    expect(w.visible).toBe(true);
    window.show('dev-env');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(w.url).toBe('app://hibernator/#/plans/dev-env');
  });

  it('hides to the tray on close, and really closes once quitting', () => {
    const window = new MainWindow({ preloadPath: '/p', stateFile: join(dir, 'ws.json') });
    window.show();
    const w = only();
    w.emit('ready-to-show');
    w.close();
    expect(w.destroyed).toBe(false);
    expect(w.visible).toBe(false);
    window.allowClose();
    w.close();
    expect(w.destroyed).toBe(true);
    expect(window.current).toBeNull();
  });

  it('remembers its bounds in the data dir and reopens there', () => {
    const stateFile = join(dir, 'ws.json');
    saveWindowState(stateFile, { x: 300, y: 200, width: 900, height: 600, maximized: false });
    const window = new MainWindow({ preloadPath: '/p', stateFile });
    window.show();
    const w = only();
    expect(w.options).toMatchObject({ x: 300, y: 200, width: 900, height: 600 });
    w.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    w.close();
    expect(loadWindowState(stateFile)).toEqual({
      x: 50,
      y: 60,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('can be created without being shown (start at login)', () => {
    const window = new MainWindow({ preloadPath: '/p', stateFile: join(dir, 'ws.json') });
    window.createHidden();
    const w = only();
    w.emit('ready-to-show');
    expect(w.visible).toBe(false);
  });
});

it('encodes plan names in the route', () => {
  expect(planRoute('a b/c')).toBe('app://hibernator/#/plans/a%20b%2Fc');
  expect(planRoute(undefined)).toBe('app://hibernator/');
});
