import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Hibernator';

/**
 * The data directory shared by the desktop app, `serve` and the CLI (architecture.md, fixed
 * choices): HIBERNATOR_DATA_DIR, else the OS user-data folder Electron would use for "Hibernator".
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.HIBERNATOR_DATA_DIR) return resolve(env.HIBERNATOR_DATA_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export class DataDirError extends Error {
  readonly code = 'DATA_DIR_UNUSABLE';
}

/** Creates the directory (owner-only) and proves it is writable, with a message that says what to do. */
export function prepareDataDir(dir: string): string {
  const abs = resolve(dir);
  try {
    mkdirSync(abs, { recursive: true, mode: 0o700 });
    accessSync(abs, constants.W_OK | constants.R_OK);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DataDirError(
      `Data directory ${abs} is not usable (${reason}): make it writable by this user or choose another one with --data-dir / HIBERNATOR_DATA_DIR.`,
    );
  }
  return abs;
}
