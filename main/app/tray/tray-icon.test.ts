import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../shared/model/status';
import { pngSize } from '../icons/png-encode';
import { TRAY_ICON_STATES, trayIconFile, trayIconState } from './tray-icon';

const phases = (...list: Phase[]) => list.map((phase) => ({ phase }));

describe('trayIconState', () => {
  it.each([
    [[], 'awake'],
    [['Active', 'Suspended'], 'awake'],
    [['Active', 'Hibernated'], 'asleep'],
    [['Hibernated', 'WakingUp'], 'working'],
    [['Hibernating', 'Error'], 'error'],
    [['Hibernated', 'Hibernated', 'Error'], 'error'],
  ] as Array<[Phase[], string]>)('%j shows %s', (list, state) => {
    expect(trayIconState(phases(...list))).toBe(state);
  });
});

describe('trayIconFile', () => {
  it('uses template images on macOS whatever the theme', () => {
    expect(trayIconFile('asleep', 'darwin', true)).toEqual({
      file: 'tray-asleepTemplate.png',
      template: true,
    });
    expect(trayIconFile('asleep', 'darwin', false)).toEqual({
      file: 'tray-asleepTemplate.png',
      template: true,
    });
  });

  it('uses the light or dark variant elsewhere', () => {
    expect(trayIconFile('error', 'win32', true)).toEqual({
      file: 'tray-error-on-dark.png',
      template: false,
    });
    expect(trayIconFile('error', 'linux', false)).toEqual({
      file: 'tray-error-on-light.png',
      template: false,
    });
  });

  const assets = join(import.meta.dirname, '..', 'assets', 'tray');
  const variants = TRAY_ICON_STATES.flatMap((state) =>
    (['darwin', 'linux'] as const).flatMap((platform) =>
      [true, false].map((dark) => trayIconFile(state, platform, dark).file),
    ),
  );

  it.each([...new Set(variants)])('%s is committed at 16 px with a 32 px @2x sibling', (file) => {
    expect(pngSize(readFileSync(join(assets, file)))).toEqual({ width: 16, height: 16 });
    expect(pngSize(readFileSync(join(assets, file.replace('.png', '@2x.png'))))).toEqual({
      width: 32,
      height: 32,
    });
  });
});
