// The main process, wired up: one window showing the renderer from app://studio/, the security checklist
// applied to it (see security.ts), the IPC contract's handlers, native menus, file opening from
// drops / the OS / the command line / Open Recent (each offered to the page as a token; see
// document-session.ts), the recovery copies, and the unsaved-changes question on close.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MessageBoxOptions } from 'electron';
import { join } from 'node:path';
import { eventChannels, type EventChannel, type EventPayload } from '../shared/ipc/contract';
import { buildMenuTemplate, type EditCommand, type MenuOptions } from './app-menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { CloseGuard } from './close-guard';
import { nodeAtomicFs, TempJournal } from './atomic-write';
import { DocumentSession } from './document-session';
import { createInvokeHandlers, DOCUMENT_EXTENSION, type DialogPort } from './invoke-handlers';
import { createSenderCheck, registerDropChannel, registerInvokeHandlers } from './ipc-main';
import { consoleLogger, type Logger } from './log';
import { MAX_RECENT, RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery-store';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  developmentContentSecurityPolicy,
  hardenWebContents,
  installCspHeader,
  originOf,
} from './security';

const APP_NAME = 'IPsec Studio';
/** An isolated world of our own (not the preload's) for the focus probe below. */
const FOCUS_PROBE_WORLD = 1001;
/** True when keyboard focus is in a text field, where Edit commands mean native text editing. */
const FOCUS_PROBE = `(() => { const e = document.activeElement; return !!e && (e.isContentEditable || e.tagName === 'TEXTAREA' || (e.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(e.type))); })()`;

/** The Vite dev server during `electron-forge start`; never in a packaged app. */
function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined;
  return typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
}

function rendererName(): string {
  return typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
}

/** A topology file named on the command line (`ipsec-studio-desktop file.json`, or the OS's "Open with"). */
export function documentPathFromArgv(argv: readonly string[]): string | undefined {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  return [...args].reverse().find((a) => a.toLowerCase().endsWith(DOCUMENT_EXTENSION));
}

/** Where the journal of temp files of saves in progress lives (see atomic-write.ts). */
export const TEMP_JOURNAL_FOLDER = 'interrupted-saves';

export interface AppContext {
  window: () => BrowserWindow | null;
  trustedOrigins: readonly string[];
  documents: DocumentSession;
  recent: RecentFiles;
  recovery: RecoveryStore;
  journal: TempJournal;
  guard: () => CloseGuard | null;
  /** A file the user handed over outside a dialog (the OS, a drop, Open Recent): offered to the page. */
  offerPath: (path: string) => void;
}

export async function bootstrap(log: Logger = consoleLogger): Promise<AppContext | undefined> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  // Before `ready`: every renderer sandboxed, whatever a webContents asks for; app:// is a
  // standard, secure scheme with fetch support.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const dev = devServerUrl();
  const devOrigin = dev ? originOf(dev) : undefined;
  const trustedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  let mainWindow: BrowserWindow | null = null;
  let guard: CloseGuard | null = null;
  let rendererReady = false;
  let loadedBefore = false;
  const pendingOffers: string[] = [];
  /** The last recovery clean-up (a closing window's), awaited before the app quits. */
  let cleanup: Promise<unknown> = Promise.resolve();

  const send = <C extends EventChannel>(channel: C, payload: EventPayload<C>): void => {
    const checked = eventChannels[channel].safeParse(payload);
    if (!checked.success) {
      log.error(`not sent: ${channel} payload does not match the contract`);
      return;
    }
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, checked.data);
  };

  const userData = app.getPath('userData');
  const journal = new TempJournal(join(userData, TEMP_JOURNAL_FOLDER));
  const recent = new RecentFiles(join(userData, 'recent-files.json'), nodeAtomicFs, MAX_RECENT, journal);
  const recovery = new RecoveryStore(userData, { journal });
  const documents = new DocumentSession();

  const offerPath = (path: string): void => {
    if (!rendererReady) {
      pendingOffers.push(path);
      return;
    }
    send('file:open-offered', documents.offer(path));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  };

  // Every webContents ever created gets the navigation/new-window/webview rules, not only ours.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { log });
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    offerPath(path);
  });
  app.on('second-instance', (_event, argv) => {
    const path = documentPathFromArgv(argv);
    if (path) offerPath(path);
    else if (mainWindow) mainWindow.focus();
  });
  app.on('window-all-closed', () => void cleanup.finally(() => app.quit()));

  await app.whenReady();

  const ses = session.defaultSession;
  denyPermissions(ses, trustedOrigins, log);
  installCspHeader(ses, devOrigin ? developmentContentSecurityPolicy(devOrigin) : CONTENT_SECURITY_POLICY);
  ses.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: join(__dirname, '..', 'renderer', rendererName()),
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      onRefused: (url, reason) => log.warn(`${APP_SCHEME}: refused ${url}: ${reason}`),
    }),
  );

  // Temp files that saves killed half-way left behind (listed in the journal before they existed).
  const leftovers = await journal.cleanUp();
  if (leftovers.length > 0) log.info(`deleted ${leftovers.length} temporary file(s) left by interrupted saves`);
  await recent.load();

  /** Edit commands go to a focused text field natively, otherwise to the renderer. */
  const routeEditCommand = async (command: EditCommand): Promise<void> => {
    const win = mainWindow;
    if (!win || win.isDestroyed()) return;
    const contents = win.webContents;
    // In an isolated world, so the page cannot fake the answer by patching its own globals.
    const editable = await contents.executeJavaScriptInIsolatedWorld(FOCUS_PROBE_WORLD, [{ code: FOCUS_PROBE }]).then(
      (result: unknown) => result === true,
      () => false,
    );
    if (!editable) return send('menu:command', { command });
    const native: Record<EditCommand, () => void> = {
      undo: () => contents.undo(),
      redo: () => contents.redo(),
      cut: () => contents.cut(),
      copy: () => contents.copy(),
      paste: () => contents.paste(),
      'select-all': () => contents.selectAll(),
    };
    native[command]();
  };

  let theme: MenuOptions['theme'] = 'system';
  const rebuildMenu = (): void => {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: APP_NAME,
      recentPaths: recent.list(),
      theme,
      developer: !app.isPackaged,
      sendCommand: (command) => {
        if (command === 'theme-light' || command === 'theme-dark' || command === 'theme-system') theme = command === 'theme-light' ? 'light' : command === 'theme-dark' ? 'dark' : 'system';
        send('menu:command', { command });
      },
      editCommand: (command) => void routeEditCommand(command),
      // Main's own menu, clicked by the user: that is the grant.
      openRecent: (path) => offerPath(path),
      clearRecent: () => {
        void recent.clear().then(rebuildMenu, (e: unknown) => log.error(`could not clear the recent list: ${String(e)}`));
        app.clearRecentDocuments();
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  rebuildMenu();

  const modal = async (options: MessageBoxOptions): Promise<number> => {
    const r = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return r.response;
  };
  const pick = async (open: () => Promise<{ canceled: boolean; filePaths: string[] }>): Promise<string | undefined> => {
    const r = await open();
    return r.canceled ? undefined : r.filePaths[0];
  };
  const save = async (run: () => Promise<{ canceled: boolean; filePath?: string }>): Promise<string | undefined> => {
    const r = await run();
    return r.canceled || !r.filePath ? undefined : r.filePath;
  };
  const withWindow = <T>(f: (win: BrowserWindow) => Promise<T>, none: T): Promise<T> => (mainWindow ? f(mainWindow) : Promise.resolve(none));
  const topologyFilter = { name: 'IPsec Studio topology', extensions: ['json'] };
  const dialogs: DialogPort = {
    chooseDocumentToOpen: () => withWindow((w) => pick(() => dialog.showOpenDialog(w, { title: 'Open topology', properties: ['openFile'], filters: [topologyFilter, { name: 'All files', extensions: ['*'] }] })), undefined),
    chooseDocumentSavePath: (suggestedName) => withWindow((w) => save(() => dialog.showSaveDialog(w, { title: 'Save topology', defaultPath: suggestedName, filters: [topologyFilter] })), undefined),
    chooseExportFolder: () => withWindow((w) => pick(() => dialog.showOpenDialog(w, { title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] })), undefined),
    chooseZipSavePath: (suggestedName) => withWindow((w) => save(() => dialog.showSaveDialog(w, { title: 'Export as zip', defaultPath: suggestedName, filters: [{ name: 'Zip archive', extensions: ['zip'] }] })), undefined),
    chooseImageSavePath: (format, suggestedName) =>
      withWindow((w) => save(() => dialog.showSaveDialog(w, { title: 'Save image', defaultPath: suggestedName, filters: [format === 'png' ? { name: 'PNG image', extensions: ['png'] } : { name: 'SVG image', extensions: ['svg'] }] })), undefined),
  };

  const handlers = createInvokeHandlers({
    dialogs,
    recent,
    recovery,
    session: documents,
    io: { fs: nodeAtomicFs, journal },
    onRecentChanged: () => {
      rebuildMenu();
      const latest = recent.list()[0];
      if (latest) app.addRecentDocument(latest);
    },
    window: {
      setState: (title, dirty) => {
        guard?.setDirty(dirty);
        if (!mainWindow || mainWindow.isDestroyed()) return;
        mainWindow.setTitle(`${dirty ? '• ' : ''}${title || 'Untitled'} — ${APP_NAME}`);
        if (process.platform === 'darwin') mainWindow.setDocumentEdited(dirty);
      },
      closeAck: () => guard?.ack() ?? false,
      closeDecision: (decision) => guard?.decide(decision) ?? false,
    },
  });
  const checkSender = createSenderCheck(() => mainWindow, trustedOrigins);
  registerInvokeHandlers(ipcMain, handlers, checkSender, log);
  // Files dropped on the window, as the preload's isolated world saw them (see preload.ts).
  registerDropChannel(ipcMain, checkSender, (paths) => {
    const first = paths[0];
    if (first) offerPath(first);
  }, log);

  const createWindow = (): BrowserWindow => {
    const win = new BrowserWindow({
      title: APP_NAME,
      width: 1440,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      show: false,
      backgroundColor: '#1b1f24',
      // The security checklist, written out here (not built by a helper) so Electronegativity's
      // static checks can read it: nothing is left to defaults.
      webPreferences: {
        preload: join(__dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        // Middle-click must not open anything either.
        disableBlinkFeatures: 'Auxclick',
        // A drop never navigates; the preload reports dropped files to main (see preload.ts).
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
      },
    });
    const windowGuard = new CloseGuard({
      requestDecision: () => send('window:close-requested', {}),
      closeWindow: () => win.close(),
      destroyWindow: () => win.destroy(),
      askCloseUnresponsive: async () =>
        (await modal({
          type: 'warning',
          buttons: ['Close Anyway', 'Keep Open'],
          defaultId: 1,
          cancelId: 1,
          message: 'IPsec Studio is not answering.',
          detail: 'Close the window anyway? Your unsaved changes are kept as a recovery copy and offered back the next time you start IPsec Studio.',
        })) === 0,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    guard = windowGuard;
    rendererReady = false;
    win.once('ready-to-show', () => win.show());
    // The title is main's (document name, dirty mark); the page's <title> does not override it.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on('close', (event) => windowGuard.onClose(event));
    win.on('unresponsive', () => windowGuard.onUnresponsive());
    win.webContents.on('will-prevent-unload', (event) => windowGuard.onWillPreventUnload(event));
    win.on('closed', () => {
      // Closed by the user's decision (clean, saved, or "Don't save"): this session's copy goes.
      // Ended without the renderer's answer ("Close Anyway"): it stays and is offered next time.
      if (!windowGuard.keepRecovery) cleanup = recovery.clear();
      if (mainWindow === win) mainWindow = null;
      if (guard === windowGuard) guard = null;
    });
    win.webContents.on('did-finish-load', () => {
      // A page loaded again (after a crash or a reload) starts with no document: main forgets
      // the old one's file, and what the old page autosaved becomes an earlier session's copy.
      if (loadedBefore) {
        recovery.startNewSession();
        documents.forget();
      }
      loadedBefore = true;
      rendererReady = true;
      for (const path of pendingOffers.splice(0)) send('file:open-offered', documents.offer(path));
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      // The renderer crashed: reload it. Its recovery copy stays on disk as an earlier session's
      // copy (never deleted by this one) and is offered back to the reloaded page.
      log.error(`renderer gone (${details.reason}); reloading`);
      windowGuard.onRendererGone();
      recovery.startNewSession();
      documents.forget();
      rendererReady = false;
      if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
    });
    mainWindow = win;
    void win.loadURL(dev ?? APP_ENTRY_URL);
    return win;
  };

  createWindow();
  const fromArgv = documentPathFromArgv(process.argv);
  if (fromArgv) offerPath(fromArgv);
  app.on('activate', () => {
    if (!mainWindow) createWindow();
  });

  return { window: () => mainWindow, trustedOrigins, documents, recent, recovery, journal, guard: () => guard, offerPath };
}
