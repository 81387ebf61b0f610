import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Start at login on Linux: Electron's setLoginItemSettings does nothing there, so we write an
 * XDG autostart entry (freedesktop.org "Desktop Application Autostart Specification").
 */
export const AUTOSTART_FILE_NAME = 'app.hibernator.desktop.desktop';

export function autostartPath(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const configHome =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')
      ? env.XDG_CONFIG_HOME
      : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument per the Desktop Entry spec: quoted when it holds a reserved character, with
 * `"`, `` ` ``, `$` and `\` escaped inside quotes; then `\` doubled again because the value is
 * itself a string, and `%` doubled because `%x` is a field code.
 */
export function quoteExecArgument(arg: string): string {
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The whole autostart file for a launch command (executable first). */
export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Hibernator',
    'Comment=Puts non-production cloud environments to sleep outside working hours',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Icon=hibernator',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Creates or removes the entry; idempotent. */
export function writeAutostart(path: string, command: readonly string[] | null): void {
  if (command === null) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, autostartEntry(command), { mode: 0o644 });
}
