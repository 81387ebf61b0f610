import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  /** The folder holding package.json: the repository in development, app.asar when packaged. */
  root: string;
  /** The built renderer served on app://hibernator/. */
  renderer: string;
  /** The sandboxed preload bundle (CommonJS). */
  preload: string;
  /** Tray and app icons (committed; see main/app/icons/generate-icons.ts). */
  assets: string;
  /** better-sqlite3 compiled for Electron's ABI by `npm start` (scripts/desktop.mjs). */
  nativeBinding: string;
}

/**
 * The app root from this module's own location: the bundle is out/main/index.js and the source
 * main/app/app-paths.ts, both two levels below the root, so development, tests and the asar agree
 * (which is why this module lives in main/app itself, not in one of its sub-folders).
 */
export function appRoot(moduleUrl: string = import.meta.url): string {
  return resolve(dirname(fileURLToPath(moduleUrl)), '..', '..');
}

export function appPaths(root: string = appRoot()): AppPaths {
  return {
    root,
    renderer: join(root, 'out', 'renderer'),
    preload: join(root, 'out', 'preload', 'index.cjs'),
    assets: join(root, 'main', 'app', 'assets'),
    nativeBinding: join(root, 'build', 'native', 'better_sqlite3.node'),
  };
}

/**
 * The better-sqlite3 binary for Electron: the copy `npm start` built, when it exists. A packaged
 * app has none (electron-builder rebuilt node_modules for Electron), and must not pick up a
 * stray file, so packaged apps always use the default.
 */
export function nativeBindingFor(
  paths: AppPaths,
  isPackaged: boolean,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (isPackaged) return undefined;
  return exists(paths.nativeBinding) ? paths.nativeBinding : undefined;
}
