import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names of what the engine and its hosts write into the data directory. A directory holding only
 * these (or nothing) is ours to tighten; anything else means the user pointed --data-dir at a
 * folder they share with other things, and we only warn.
 */
const ENGINE_FILES: readonly RegExp[] = [
  /^hibernator\.db(-wal|-shm|-journal)?$/,
  /^engine\.log(\.\d+)?$/,
  /^engine\.lock$/,
  /^serve\.token$/,
  /^notification-secrets\.json(\.\d+\.tmp)?$/,
  /^window-state\.json(\.tmp)?$/,
];

export function isEngineFile(name: string): boolean {
  return ENGINE_FILES.some((pattern) => pattern.test(name));
}

export type DataDirAccess =
  | { kind: 'owner-only' }
  | { kind: 'tightened'; from: string }
  | { kind: 'shared-folder'; mode: string; others: string[] };

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * Makes the data directory 0700 when it holds nothing but the engine's files (an existing 0755
 * directory from an older version, or one created under a loose umask), and says what it did.
 * POSIX only: on Windows the folder's ACL is inherited from the user profile.
 */
export function secureDataDir(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): DataDirAccess {
  if (platform === 'win32') return { kind: 'owner-only' };
  const mode = statSync(dir).mode;
  if ((mode & 0o077) === 0) return { kind: 'owner-only' };
  const others = readdirSync(dir).filter((name) => !isEngineFile(name));
  if (others.length > 0) return { kind: 'shared-folder', mode: octal(mode), others };
  chmodSync(dir, 0o700);
  return { kind: 'tightened', from: octal(mode) };
}

/**
 * Every engine file that exists in the directory becomes 0600; returns the names it changed.
 * Covers files an older version created 0644 and the SQLite -wal/-shm siblings.
 */
export function secureEngineFiles(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  if (platform === 'win32') return [];
  const changed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!isEngineFile(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (!stat.isFile() || (stat.mode & 0o077) === 0) continue;
    chmodSync(path, 0o600);
    changed.push(name);
  }
  return changed;
}

/**
 * Creates an empty file 0600 if it is missing, so a library that creates it later (SQLite and its
 * -wal/-shm, which copy the database's mode) never makes it readable by others under the umask.
 */
export function createOwnerOnly(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
}
