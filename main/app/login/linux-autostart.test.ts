import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartPath,
  quoteExecArgument,
  writeAutostart,
} from './linux-autostart';

describe('autostartPath', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe(
      '/cfg/autostart/app.hibernator.desktop.desktop',
    );
    expect(autostartPath({}, '/home/ann')).toBe(
      '/home/ann/.config/autostart/app.hibernator.desktop.desktop',
    );
  });

  it('ignores a relative XDG_CONFIG_HOME, as the spec says', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart/app.hibernator.desktop.desktop',
    );
  });
});

describe('quoteExecArgument', () => {
  it.each([
    ['/opt/Hibernator/hibernator', '/opt/Hibernator/hibernator'],
    ['--hidden', '--hidden'],
    ['/home/ann/My Apps/Hibernator.AppImage', '"/home/ann/My Apps/Hibernator.AppImage"'],
    ['/tmp/a"b', '"/tmp/a\\\\"b"'],
    ['/tmp/$HOME', '"/tmp/\\\\$HOME"'],
    ['/tmp/100%', '/tmp/100%%'],
    ['', '""'],
  ])('%s -> %s', (arg, quoted) => {
    expect(quoteExecArgument(arg)).toBe(quoted);
  });
});

describe('autostartEntry', () => {
  it('is a desktop entry that launches the app hidden', () => {
    expect(autostartEntry(['/opt/Hibernator/hibernator', '--hidden'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Hibernator',
        'Comment=Puts non-production cloud environments to sleep outside working hours',
        'Exec=/opt/Hibernator/hibernator --hidden',
        'Icon=hibernator',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });
});

describe('writeAutostart', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folder and file when enabled and removes the file when disabled', () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-auto-'));
    const file = join(dir, 'autostart', 'app.hibernator.desktop.desktop');
    writeAutostart(file, ['/opt/h', '--hidden']);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/h --hidden');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    writeAutostart(file, null);
    expect(existsSync(file)).toBe(false);
    writeAutostart(file, null);
    expect(existsSync(file)).toBe(false);
  });
});
