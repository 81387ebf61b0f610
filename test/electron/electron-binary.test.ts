import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary, platformExecutable } from './electron-binary';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function fakeInstall(withBinary: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'hib-bin-'));
  roots.push(root);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  if (withBinary) {
    writeFileSync(join(pkg, 'path.txt'), platformExecutable());
    mkdirSync(join(pkg, 'dist', platformExecutable(), '..'), { recursive: true });
    writeFileSync(join(pkg, 'dist', platformExecutable()), '');
  }
  return root;
}

describe('findElectronBinary', () => {
  it('finds the downloaded binary through path.txt', () => {
    const dir = fakeInstall(true);
    expect(findElectronBinary(dir, {})).toEqual({
      found: true,
      path: join(dir, 'node_modules', 'electron', 'dist', platformExecutable()),
    });
  });

  it('says what to do when the binary was never downloaded', () => {
    expect(findElectronBinary(fakeInstall(false), {})).toEqual({
      found: false,
      reason: expect.stringContaining('npx install-electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = fakeInstall(true);
    const dist = join(dir, 'node_modules', 'electron', 'dist');
    expect(
      findElectronBinary(fakeInstall(false), { ELECTRON_OVERRIDE_DIST_PATH: dist }),
    ).toMatchObject({ found: true });
    expect(
      findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') }),
    ).toMatchObject({ found: false });
  });

  it('knows the executable name per platform', () => {
    expect([
      platformExecutable('linux'),
      platformExecutable('win32'),
      platformExecutable('darwin'),
    ]).toEqual(['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron']);
  });
});
