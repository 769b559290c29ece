// The desktop app driven through Playwright's _electron: launch the built app, check the window
// and its security settings, the native menus, and create a topology and save it through the
// menu and the main process. Runs where an Electron runtime exists; elsewhere every test is
// reported skipped with the reason.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDocumentText } from '../../../shared/document/file';
import { buildLikeForge, projectRoot } from '../../electron/forge-build';
import { findElectronRuntime } from './runtime';

const runtime = findElectronRuntime();
test.skip(!runtime.ok, `Electron runtime not installed: ${runtime.ok ? '' : runtime.reason}`);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!runtime.ok) return;
  // The layout Forge's Vite plugin produces: .vite/build/{main,preload}.cjs and the renderer in
  // .vite/renderer/main_window (copied from the web build Playwright's webServer just made).
  await buildLikeForge(path.join(projectRoot, '.vite', 'build'));
  const rendererDir = path.join(projectRoot, '.vite', 'renderer', 'main_window');
  await rm(rendererDir, { recursive: true, force: true });
  await cp(path.join(projectRoot, 'dist', 'web'), rendererDir, { recursive: true });
  userData = await mkdtemp(path.join(tmpdir(), 'ipsec-studio-e2e-userdata-'));
  app = await electron.launch({
    executablePath: runtime.executable,
    // Chromium refuses to run its OS sandbox as root (CI containers); the renderer is still
    // sandboxed at the JavaScript level (no Node in the page or the preload).
    args: [projectRoot, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: projectRoot,
  });
  page = await app.firstWindow();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
});

test.afterAll(async () => {
  // A failed test may leave unsaved changes, and then closing asks first: exit instead.
  if (app) await app.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('opens one sandboxed window on app://studio with the preload API only', async () => {
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://studio/index.html');
  await expect(page).toHaveTitle(/IPsec Studio/);
  const globals = await page.evaluate(() => ({
    api: typeof (window as unknown as { ipsecStudio?: unknown }).ipsecStudio,
    keys: Object.keys((window as unknown as { ipsecStudio: object }).ipsecStudio).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ api: 'object', keys: ['invoke', 'on', 'platform'], require: 'undefined', process: 'undefined' });
  // Navigation away is refused: the page stays where it is.
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://studio/index.html');
});

test('has the native menus with their items', async () => {
  const menus = await app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((m) => ({ label: m.label.replace('&', ''), items: (m.submenu?.items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label) })),
  );
  const byLabel = new Map(menus.map((m) => [m.label, m.items]));
  expect(byLabel.get('File')).toEqual(expect.arrayContaining(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export Canvas as PNG…', 'Export Canvas as SVG…']));
  expect(byLabel.get('Edit')).toEqual(expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']));
  expect(byLabel.get('View')).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Actual Size', 'Zoom to Fit', 'Theme', 'Presentation Mode']));
  expect(byLabel.has('Help')).toBe(true);
});

test('creates a topology and saves it with File › Save As…', async () => {
  const target = path.join(userData, 'from-electron.ipsec.json');
  await page.getByTestId('palette-panos').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 320, y: 260 } });
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  // Answer the native save dialog in the main process, then use the menu item as a person would.
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, target);
  await app.evaluate(({ Menu, BrowserWindow }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('save-as');
    item?.click(undefined, BrowserWindow.getAllWindows()[0], undefined as never);
  });
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  await expect.poll(async () => (await stat(target).catch(() => undefined))?.size ?? 0).toBeGreaterThan(0);
  const loaded = loadDocumentText(await readFile(target, 'utf8'));
  expect(loaded.ok).toBe(true);
  if (loaded.ok) expect(loaded.document.gateways.map((g) => g.name)).toEqual(['PA-1']);
  await expect(page.getByTestId('doc-title')).toContainText('from-electron.ipsec.json');
});
