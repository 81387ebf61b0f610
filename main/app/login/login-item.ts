/** The flag a login launch carries: the app starts in the tray with its window closed. */
export const HIDDEN_FLAG = '--hidden';

export interface LaunchContext {
  execPath: string;
  isPackaged: boolean;
  /** The app folder Electron was started on (development runs `electron <appPath>`). */
  appPath: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The command that starts this same app at login. An AppImage runs from a temporary mount, so
 * its own path (APPIMAGE) is what must be launched; in development Electron needs the app folder.
 */
export function loginLaunchCommand(ctx: LaunchContext): string[] {
  if (ctx.isPackaged) return [ctx.env.APPIMAGE || ctx.execPath, HIDDEN_FLAG];
  return [ctx.execPath, ctx.appPath, HIDDEN_FLAG];
}

/** Arguments for app.setLoginItemSettings on macOS and Windows. */
export interface ElectronLoginItemSettings {
  openAtLogin: boolean;
  path?: string;
  args?: string[];
}

/**
 * macOS: a plain login item; the window stays closed when `wasOpenedAtLogin` says so, since
 * `openAsHidden` is gone from macOS 13. Windows: a Run key with our flag (and the app folder in
 * development, where the executable is electron.exe).
 */
export function electronLoginItemSettings(
  platform: NodeJS.Platform,
  enabled: boolean,
  ctx: LaunchContext,
): ElectronLoginItemSettings {
  if (platform !== 'win32') return { openAtLogin: enabled };
  const [path = ctx.execPath, ...args] = loginLaunchCommand(ctx);
  return { openAtLogin: enabled, path, args };
}

/** Started by the login item: keep the window closed, show only the tray. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return argv.includes(HIDDEN_FLAG) || wasOpenedAtLogin;
}
