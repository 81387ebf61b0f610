import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronLoginItemSettings,
  loginLaunchCommand,
  startedHidden,
  type LaunchContext,
} from './login-item';
import { applyStartAtLogin } from './login-item-sync';

const packaged: LaunchContext = {
  execPath: '/opt/Hibernator/hibernator',
  isPackaged: true,
  appPath: '/opt/Hibernator/resources/app.asar',
  env: {},
};
const dev: LaunchContext = {
  execPath: '/repo/node_modules/electron/dist/electron',
  isPackaged: false,
  appPath: '/repo',
  env: {},
};

describe('loginLaunchCommand', () => {
  it('starts the packaged executable hidden', () => {
    expect(loginLaunchCommand(packaged)).toEqual(['/opt/Hibernator/hibernator', '--hidden']);
  });

  it('starts the AppImage itself, not its temporary mount', () => {
    expect(
      loginLaunchCommand({
        ...packaged,
        execPath: '/tmp/.mount_Hib123/hibernator',
        env: { APPIMAGE: '/home/ann/Hibernator.AppImage' },
      }),
    ).toEqual(['/home/ann/Hibernator.AppImage', '--hidden']);
  });

  it('passes the app folder to Electron in development', () => {
    expect(loginLaunchCommand(dev)).toEqual([dev.execPath, '/repo', '--hidden']);
  });
});

describe('electronLoginItemSettings', () => {
  it('on macOS is a plain login item (the hidden start is read from wasOpenedAtLogin)', () => {
    expect(electronLoginItemSettings('darwin', true, packaged)).toEqual({ openAtLogin: true });
  });

  it('on Windows registers the executable with the hidden flag', () => {
    const win = { ...packaged, execPath: 'C:\\Program Files\\Hibernator\\Hibernator.exe' };
    expect(electronLoginItemSettings('win32', true, win)).toEqual({
      openAtLogin: true,
      path: win.execPath,
      args: ['--hidden'],
    });
    expect(electronLoginItemSettings('win32', false, win)).toEqual({
      openAtLogin: false,
      path: win.execPath,
      args: ['--hidden'],
    });
  });
});

describe('startedHidden', () => {
  it('is true for the login flag or a macOS login launch', () => {
    expect(startedHidden(['/opt/h', '--hidden'], false)).toBe(true);
    expect(startedHidden(['/opt/h'], true)).toBe(true);
    expect(startedHidden(['/opt/h'], false)).toBe(false);
  });
});

describe('applyStartAtLogin', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes and removes the autostart file on Linux, without touching Electron', () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-login-'));
    const calls: unknown[] = [];
    const target = {
      platform: 'linux' as const,
      app: { setLoginItemSettings: (s: unknown) => calls.push(s) },
      launch: packaged,
      autostartFile: join(dir, 'a.desktop'),
    };
    applyStartAtLogin(true, target);
    expect(readFileSync(target.autostartFile, 'utf8')).toContain(
      'Exec=/opt/Hibernator/hibernator --hidden',
    );
    applyStartAtLogin(false, target);
    expect(existsSync(target.autostartFile)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('asks Electron on macOS and Windows', () => {
    const calls: unknown[] = [];
    applyStartAtLogin(true, {
      platform: 'darwin',
      app: { setLoginItemSettings: (s) => calls.push(s) },
      launch: packaged,
    });
    expect(calls).toEqual([{ openAtLogin: true }]);
  });
});
