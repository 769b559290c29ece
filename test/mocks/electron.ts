// A hand mock of the parts of the `electron` module the main process and preload use. Tests load
// it with `vi.mock('electron', () => import('../mocks/electron'))`. It records what the code
// registers (IPC handlers, protocol handlers, permission handlers, menus, windows) and lets tests
// play the other side (invoke a channel as some sender, emit window events). It is not an
// Electron runtime: it runs no Chromium and enforces nothing by itself.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class MockWebFrame {
  constructor(public url: string) {}
}

export class MockWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = MockWebContents.nextId++;
  mainFrame: MockWebFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  /** Native editing operations performed (undo, copy, ...). */
  readonly edits: string[] = [];
  /** What a script run in an isolated world evaluates to (the focus probe). */
  isolatedWorldResult: unknown = false;
  reloaded = 0;

  constructor(url = 'app://studio/index.html') {
    super();
    this.mainFrame = new MockWebFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  reload(): void {
    this.reloaded++;
  }
  executeJavaScriptInIsolatedWorld(_worldId: number, _scripts: { code: string }[]): Promise<unknown> {
    return Promise.resolve(this.isolatedWorldResult);
  }
  undo(): void {
    this.edits.push('undo');
  }
  redo(): void {
    this.edits.push('redo');
  }
  cut(): void {
    this.edits.push('cut');
  }
  copy(): void {
    this.edits.push('copy');
  }
  paste(): void {
    this.edits.push('paste');
  }
  selectAll(): void {
    this.edits.push('select-all');
  }
  /** Emits an event with an Electron-like event object; returns whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  readonly webContents: MockWebContents;
  title = '';
  documentEdited = false;
  destroyed = false;
  loadedUrl: string | undefined;
  shown = false;

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    this.webContents = new MockWebContents();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  /** Like Electron: no 'close' event, no unload handlers; 'closed' is guaranteed. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  /** Like Electron: emits 'close' (preventable), then 'closed'. Returns whether it closed. */
  close(): boolean {
    if (this.destroyed) return true;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

class MockApp extends EventEmitter {
  isPackaged = false;
  userData = '/tmp/ipsec-studio-mock-user-data';
  singleInstance = true;
  recentDocuments: string[] = [];
  sandboxEnabled = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    return `/tmp/ipsec-studio-mock-${name}`;
  }
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }
  clearRecentDocuments(): void {
    this.recentDocuments = [];
  }
}
export const app = new MockApp();

export interface MockInvokeEvent {
  sender: MockWebContents;
  senderFrame: MockWebFrame | null;
}

class MockIpcMain {
  readonly handlers = new Map<string, (event: MockInvokeEvent, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, ((event: MockInvokeEvent, ...args: unknown[]) => void)[]>();
  handle(channel: string, handler: (event: MockInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: (event: MockInvokeEvent, ...args: unknown[]) => void): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  }
  /** Plays ipcRenderer.send from `sender` (default: its top frame). */
  send(channel: string, sender: MockWebContents, payload: unknown, frame: MockWebFrame | null = sender.mainFrame): void {
    for (const l of this.listeners.get(channel) ?? []) l({ sender, senderFrame: frame }, payload);
  }
  /** Plays the renderer: calls the registered handler as `sender` (default: its top frame). */
  async invoke(channel: string, sender: MockWebContents, payload: unknown, frame: MockWebFrame | null = sender.mainFrame): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: frame }, payload);
  }
}
export const ipcMain = new MockIpcMain();

class MockSession {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  devicePermissionHandler: Listener | undefined;
  displayMediaRequestHandler: Listener | undefined;
  headersReceived: Listener | undefined;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly webRequest = { onHeadersReceived: (listener: Listener) => (this.headersReceived = listener) };
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, handler),
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMediaRequestHandler = handler;
  }
}
export const session = { defaultSession: new MockSession() };

export const protocol = {
  privileged: [] as unknown[],
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => session.defaultSession.protocolHandlers.set(scheme, handler),
};

export interface MockMenu {
  template: unknown[];
}
export const Menu = {
  current: null as MockMenu | null,
  buildFromTemplate(template: unknown[]): MockMenu {
    return { template };
  },
  setApplicationMenu(menu: MockMenu | null): void {
    Menu.current = menu;
  },
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown): void {
    contextBridge.exposed.set(key, value);
  },
};

class MockIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
  readonly send = vi.fn((..._args: unknown[]): void => undefined);
}
export const ipcRenderer = new MockIpcRenderer();

/** Tests set what getPathForFile answers (a real File has a path; one built in memory has ""). */
export const webUtils = {
  getPathForFile: vi.fn((file: unknown): string => (file as { path?: string }).path ?? ''),
};

/** Back to a fresh state between tests. */
export function resetElectronMock(): void {
  BrowserWindow.all = [];
  app.removeAllListeners();
  app.isPackaged = false;
  app.singleInstance = true;
  app.recentDocuments = [];
  app.sandboxEnabled = false;
  app.quit.mockClear();
  app.exit.mockClear();
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  session.defaultSession = new MockSession();
  protocol.privileged = [];
  Menu.current = null;
  dialog.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] });
  dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true, filePath: undefined });
  dialog.showMessageBox.mockReset().mockResolvedValue({ response: 0, checkboxChecked: false });
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
  ipcRenderer.send.mockReset();
}

export default { app, BrowserWindow, ipcMain, session, protocol, Menu, dialog, contextBridge, ipcRenderer, webUtils };
