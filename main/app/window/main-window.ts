import { BrowserWindow, screen } from 'electron';
import { APP_URL } from './app-protocol';
import { mainWindowOptions } from './window-options';
import {
  clampWindowState,
  loadWindowState,
  saveWindowState,
  type WindowState,
} from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  icon?: string;
  /** Called with each new window, to forward engine events to it. */
  onCreated?: (window: BrowserWindow) => void;
}

const SAVE_DELAY_MS = 500;

/** The route the renderer shows for one plan (renderer contract: hash routes). */
export function planRoute(plan: string | undefined): string {
  return plan ? `${APP_URL}#/plans/${encodeURIComponent(plan)}` : APP_URL;
}

/**
 * The one window: created on demand, hidden (not closed) by its close button so the app lives
 * on in the tray, and remembering its bounds in the data dir.
 */
export class MainWindow {
  private window: BrowserWindow | null = null;
  private quitting = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: MainWindowOptions) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Shows (creating if needed) and focuses the window; with a plan, opens that plan. */
  show(plan?: string): void {
    const existing = this.current;
    if (existing) {
      if (plan) void existing.loadURL(planRoute(plan));
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    this.create(plan, true);
  }

  /** Creates the window without showing it (start at login, `--hidden`). */
  createHidden(): void {
    if (!this.current) this.create(undefined, false);
  }

  /** From now on a close really closes (the app is quitting). */
  allowClose(): void {
    this.quitting = true;
  }

  private create(plan: string | undefined, showWhenReady: boolean): void {
    const primary = screen.getPrimaryDisplay().workArea;
    const areas = screen.getAllDisplays().map((d) => d.workArea);
    const state = clampWindowState(loadWindowState(this.options.stateFile), areas, primary);
    const window = new BrowserWindow(
      mainWindowOptions(this.options.preloadPath, state, this.options.icon),
    );
    this.window = window;
    if (state.maximized) window.maximize();
    if (showWhenReady) window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      this.saveNow();
      if (this.quitting) return;
      // The close button hides to the tray; Quit lives in the tray menu.
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    const saveSoon = (): void => this.saveSoon();
    window.on('resize', saveSoon);
    window.on('move', saveSoon);
    window.on('maximize', saveSoon);
    window.on('unmaximize', saveSoon);
    this.options.onCreated?.(window);
    void window.loadURL(planRoute(plan));
  }

  private saveSoon(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  private saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const window = this.current;
    if (!window) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    try {
      saveWindowState(this.options.stateFile, state);
    } catch {
      // A read-only data dir only costs the remembered position.
    }
  }
}
