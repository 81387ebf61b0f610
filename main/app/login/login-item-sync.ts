import type { App } from 'electron';
import { autostartPath, writeAutostart } from './linux-autostart';
import { electronLoginItemSettings, loginLaunchCommand, type LaunchContext } from './login-item';

export interface LoginItemTarget {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings'>;
  launch: LaunchContext;
  /** Linux autostart file (default: $XDG_CONFIG_HOME/autostart/…). */
  autostartFile?: string;
}

/**
 * Makes the OS match the `startAtLogin` setting, which is the one source of truth: the tray
 * checkbox and the settings page both change the setting, and this follows it.
 */
export function applyStartAtLogin(enabled: boolean, target: LoginItemTarget): void {
  if (target.platform === 'linux') {
    writeAutostart(
      target.autostartFile ?? autostartPath(target.launch.env),
      enabled ? loginLaunchCommand(target.launch) : null,
    );
    return;
  }
  target.app.setLoginItemSettings(
    electronLoginItemSettings(target.platform, enabled, target.launch),
  );
}
