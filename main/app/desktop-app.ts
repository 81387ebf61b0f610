import { mkdirSync } from 'node:fs';
import {
  app,
  dialog,
  ipcMain,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import {
  openHostEngine,
  createFileLogger,
  type Logger,
  defaultDataDir,
  type Engine,
  localUser,
} from '../engine';
import { startLocalSocket, type LocalSocket } from '../server/local-socket';
import { appPaths, nativeBindingFor } from './app-paths';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, handleAppRequest } from './window/app-protocol';
import { createActionRunner } from './action-runner';
import { AppState } from './app-state';
import { forwardEvents, registerIpcBridge } from './ipc-bridge';
import { applyStartAtLogin } from './login/login-item-sync';
import { startedHidden, type LaunchContext } from './login/login-item';
import { MainWindow } from './window/main-window';
import { denyAllPermissions, guardWebContents, isSafeExternalUrl } from './window/navigation-guard';
import { NotificationPolicy } from './notifications/notification-policy';
import { Notifier } from './notifications/notifier';
import { watchPower } from './power/power-events';
import { QuitGuard } from './power/quit-guard';
import { nativeConfirm } from './native-confirm';
import { startupErrorDialog } from './startup-errors';
import { createTrayQuestions } from './tray/override-question';
import { TrayController } from './tray/tray';
import { windowStatePath } from './window/window-state';

export const APP_ID = 'app.hibernator.desktop';
export const PRODUCT_NAME = 'Hibernator';

export interface DesktopEnvironment {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

export interface Desktop {
  engine: Engine;
  window: MainWindow;
  tray: TrayController;
  state: AppState;
  quitGuard: QuitGuard;
}

function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function report(title: string, message: string): void {
  if (Notification.isSupported()) new Notification({ title, body: message }).show();
  else void dialog.showMessageBox({ type: 'info', title, message });
}

/**
 * The Electron host: one engine for the data dir, the local socket for the CLI, the window on
 * app://hibernator, the tray, notifications, power events, the login item and an orderly quit.
 * Each concern lives in its own module; this only connects them.
 */
export async function runDesktop(
  environment: DesktopEnvironment = {
    argv: process.argv,
    env: process.env,
    platform: process.platform,
  },
): Promise<Desktop | null> {
  const { platform, env } = environment;
  app.setName(PRODUCT_NAME);
  // Windows shows toasts only for an app with an AppUserModelId (the installer registers the same id).
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  let desktop: Desktop | null = null;
  // A second launch (dock, start menu, login item racing a manual start) focuses this one.
  app.on('second-instance', () => desktop?.window.show());
  // Closing the window leaves the app in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  await app.whenReady();

  const paths = appPaths();
  let engine: Engine;
  try {
    engine = await openHostEngine({
      dataDir: defaultDataDir(env, platform),
      host: 'desktop',
      nativeBinding: nativeBindingFor(paths, app.isPackaged),
      // Launched from a menu or at login, the app lacks the shell's PATH and AWS settings.
      resolveShellEnv: true,
      logger: desktopLogger(app.getPath('logs')),
    });
  } catch (error) {
    const text = startupErrorDialog(error);
    await dialog.showMessageBox({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: ['Quit'],
    });
    app.quit();
    return null;
  }

  let socket: LocalSocket | null = null;
  try {
    socket = await startLocalSocket(engine, engine.dataDir);
  } catch (error) {
    // The app works without it; only CLI commands fall back to "another engine has the data dir".
    engine.logger.warn('local socket unavailable', { error: String(error) });
  }

  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, paths.renderer));
  denyAllPermissions(session.defaultSession);
  // Who set an override: the window or the tray, as this account (docs/lifecycle.md, "by").
  const user = localUser();
  const as = (origin: 'window' | 'tray') => (user ? { origin, user } : { origin });
  const unregisterIpc = registerIpcBridge(ipcMain, engine, as('window'));
  const window = new MainWindow({
    preloadPath: paths.preload,
    stateFile: windowStatePath(engine.dataDir),
    icon: join(paths.assets, 'icons', 'icon-256.png'),
  });
  const stopForwarding = forwardEvents(engine, () =>
    window.current ? [window.current.webContents] : [],
  );
  const state = new AppState(engine);
  // Notification buttons run through the runner, which tells its outcomes through the notifier.
  const notifier = new Notifier({
    policy: new NotificationPolicy(),
    state: () => state.current,
    platform,
    run: (action) => run(action),
    icon: join(paths.assets, 'icons', 'icon-256.png'),
  });
  const trayCall = (m: string, i: unknown) => engine.call(m, i, as('tray'));
  const run = createActionRunner({
    call: trayCall,
    open: (plan) => window.show(plan),
    quit: () => app.quit(),
    confirm: nativeConfirm(dialog),
    question: createTrayQuestions({
      call: trayCall,
      context: () => ({ now: new Date(), wakeNowHours: state.current?.settings.wakeNowHours }),
    }),
    // A refusal the notifier cannot show (no notifications here) still gets a message box.
    notify: (outcome) => {
      if (!notifier.handleAction(outcome) && !outcome.ok)
        report('Hibernator could not do that', outcome.message);
    },
  });
  const tray = new TrayController({ assetsDir: paths.assets, platform, run });
  const stopNotifier = engine.subscribe((event) => notifier.handle(event));
  const launch: LaunchContext = {
    execPath: process.execPath,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    env,
  };
  state.onChange((current, previous) => {
    tray.update({ plans: current.plans, settings: current.settings, now: new Date() });
    if (previous && previous.settings.startAtLogin === current.settings.startAtLogin) return;
    try {
      applyStartAtLogin(current.settings.startAtLogin, { platform, app, launch });
    } catch (error) {
      engine.logger.warn('could not update the login item', { error: String(error) });
    }
  });

  let osShutdown = false;
  const stopPower = watchPower(powerMonitor, engine.lifecycle, engine.logger, () => {
    osShutdown = true;
    app.quit();
  });
  const quitGuard = new QuitGuard({
    busyPlans: () => engine.lifecycle.busyPlans(),
    confirm: async (d) =>
      (
        await dialog.showMessageBox({
          type: 'warning',
          message: d.message,
          detail: d.detail,
          buttons: d.buttons,
          defaultId: 1,
          cancelId: 1,
        })
      ).response === 0,
    shutdown: async () => {
      window.allowClose();
      stopPower();
      stopNotifier();
      notifier.dispose();
      stopForwarding();
      state.dispose();
      tray.destroy();
      unregisterIpc();
      protocol.unhandle(APP_SCHEME);
      await socket?.close();
      await engine.close();
    },
    quit: () => app.quit(),
  });
  app.on('before-quit', (event) => quitGuard.beforeQuit(event, osShutdown));
  // macOS: clicking the dock icon with no window open shows it.
  app.on('activate', () => window.show());

  desktop = { engine, window, tray, state, quitGuard };
  await state.refresh();
  const atLogin = platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  if (!startedHidden(environment.argv, atLogin)) window.show();
  return desktop;
}

/** The desktop app logs where the OS keeps app logs (Electron's "logs" path), rotated by size. */
function desktopLogger(logsDir: string): Logger {
  mkdirSync(logsDir, { recursive: true, mode: 0o700 });
  return createFileLogger({ path: join(logsDir, 'engine.log') }, { host: 'desktop' });
}
