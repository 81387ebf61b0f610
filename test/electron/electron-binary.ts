import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside Electron's dist folder, per platform (as node_modules/electron/install.js names it). */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron binary by looking on disk only: `require('electron')` would start a download
 * (toolchain.md), which fails without internet and is never what a test should do.
 */
export function findElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, platformExecutable());
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : platformExecutable();
  const path = join(packageDir, 'dist', relative);
  if (existsSync(path)) return { found: true, path };
  return {
    found: false,
    reason: 'Electron binary not downloaded: run npx install-electron on a machine with internet',
  };
}
