import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

/**
 * The renderer is untrusted content as far as the main process is concerned: isolated, sandboxed,
 * no Node, same-origin policy on, and only the preload's narrow bridge to talk through.
 * scripts/check-electron-security.mjs and window-options.test.ts both hold this line.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would otherwise try to open links in a new window (denied anyway by the guard).
    disableBlinkFeatures: 'Auxclick',
  };
}

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowState,
  icon: string | undefined,
): BrowserWindowConstructorOptions {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Hibernator',
    // Shown on 'ready-to-show' so the window never flashes white before the UI paints.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#111827',
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  };
}
