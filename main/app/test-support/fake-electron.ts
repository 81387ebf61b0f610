import { join } from 'node:path';
import { tmpdir } from 'node:os';
/**
 * A stand-in for the `electron` module in unit tests (`vi.mock('electron', ...)`): the parts of
 * the API main/app uses, recording what was asked of them. The real module cannot be loaded
 * here: `require('electron')` starts a binary download (toolchain.md).
 */
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  url: string | null = null;
  visible = false;
  destroyed = false;
  maximized = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(
    readonly options: {
      x?: number;
      y?: number;
      width?: number;
      height?: number;
      webPreferences?: Record<string, unknown>;
    },
  ) {
    super();
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What the close button does: 'close' may be prevented; otherwise the window is gone. */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: FakeImage;
  tooltip = '';
  menu: { template: unknown[] } | null = null;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: unknown[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeImage {
  path: string;
  template: boolean;
  setTemplateImage(value: boolean): void;
}

export class FakeNotification extends EventEmitter {
  static supported = true;
  static shown: FakeNotification[] = [];
  closed = false;
  constructor(
    readonly options: {
      title?: string;
      body?: string;
      actions?: Array<{ text?: string }>;
      groupId?: string;
    },
  ) {
    super();
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
    this.emit('close', fakeEvent());
  }
}

export class FakeApp extends EventEmitter {
  name = 'Electron';
  appUserModelId: string | null = null;
  isPackaged = false;
  singleInstance = true;
  quitCount = 0;
  /** Set once a quit was not prevented by any before-quit handler. */
  quitted = false;
  loginItem: Record<string, unknown> | null = null;
  exitCode: number | null = null;
  appPath = process.cwd();
  setName(name: string): void {
    this.name = name;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getAppPath(): string {
    return this.appPath;
  }
  logsPath = join(tmpdir(), `hibernator-fake-logs-${process.pid}`);
  getPath(name: string): string {
    if (name === 'logs') return this.logsPath;
    throw new Error(`fake electron: getPath(${name}) is not faked`);
  }
  quit(): void {
    this.quitCount++;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: Boolean(this.loginItem?.openAtLogin), wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.loginItem = settings;
  }
}

type Handler = (...args: unknown[]) => unknown;

export function createFakeElectron() {
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
  const handlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, Handler>();
  const messageBoxes: Array<Record<string, unknown>> = [];
  const external: string[] = [];
  const permissionHandlers: Record<string, Handler | null> = {
    request: null,
    check: null,
    device: null,
  };
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
    nativeImage: {
      createFromPath: (path: string): FakeImage => ({
        path,
        template: false,
        setTemplateImage(value: boolean) {
          this.template = value;
        },
      }),
    },
    nativeTheme,
    ipcMain: {
      handlers,
      handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    protocol: {
      privileged: [] as unknown[],
      handlers: protocolHandlers,
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: Handler) => protocolHandlers.set(scheme, handler),
      unhandle: (scheme: string) => protocolHandlers.delete(scheme),
    },
    session: {
      defaultSession: {
        permissionHandlers,
        setPermissionRequestHandler: (h: Handler) => (permissionHandlers.request = h),
        setPermissionCheckHandler: (h: Handler) => (permissionHandlers.check = h),
        setDevicePermissionHandler: (h: Handler) => (permissionHandlers.device = h),
      },
    },
    powerMonitor: new EventEmitter(),
    dialog: {
      messageBoxes,
      /** The button index the next dialogs answer with. */
      answer: 0,
      async showMessageBox(options: Record<string, unknown>) {
        messageBoxes.push(options);
        return { response: this.answer };
      },
    },
    shell: {
      external,
      openExternal: async (url: string) => {
        external.push(url);
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Clears the class-level registries between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];
  FakeNotification.supported = true;
}
