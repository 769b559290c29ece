// Canvas benchmark (issue 4): 500 gateways and 1,000 tunnels in headless Chromium. Measures the
// p95 frame time while dragging a node and while panning, the time from a keystroke in a
// selector field to updated results on the canvas, and the same drag and pan on a bare React
// Flow page with the same graph, reporting our ratio to it. Numbers, never assertions.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { BenchResult } from './run';
import { FORMAT_VERSION, type Gateway, type TopologyDocument, type Tunnel } from '../shared/model/document';
import { newGateway, newTunnel } from '../shared/document/factory';
import { VENDOR_MODULES, vendorModule } from '../shared/vendors/registry';

const VENDORS = VENDOR_MODULES.map((m) => m.id);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GATEWAYS = 500;
const COLS = 25;

export function benchDocument(): TopologyDocument {
  const gateways: Gateway[] = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const vendor = VENDORS[i % VENDORS.length]!;
    gateways.push(newGateway({ id: `gw-${i}`, name: `${vendorModule(vendor).identity.label.split(' ')[0]}-${i}`, vendor, position: { x: (i % COLS) * 320, y: Math.floor(i / COLS) * 200 }, outsideAddress: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}/16` }));
  }
  const tunnels: Tunnel[] = [];
  const link = (a: number, b: number) => {
    const t = newTunnel({ id: `tun-${tunnels.length}`, name: `t-${a}-${b}`, a: gateways[a]!, b: gateways[b]! });
    t.a.auth.psk = 'bench';
    t.b.auth.psk = 'bench';
    t.a.proxyIds = [{ name: '', local: `10.${a % 250}.${Math.floor(a / 250)}.0/24`, remote: `10.${b % 250}.${Math.floor(b / 250)}.0/24`, protocol: 'any', localPort: 'any', remotePort: 'any' }];
    t.b.proxyIds = [{ name: '', local: `10.${b % 250}.${Math.floor(b / 250)}.0/24`, remote: `10.${a % 250}.${Math.floor(a / 250)}.0/24`, protocol: 'any', localPort: 'any', remotePort: 'any' }];
    tunnels.push(t);
  };
  // Each gateway to its right-hand and lower neighbour, wrapping so there are exactly 1,000.
  for (let i = 0; i < GATEWAYS; i++) {
    link(i, (i + 1) % GATEWAYS);
    link(i, (i + COLS) % GATEWAYS);
  }
  return { formatVersion: FORMAT_VERSION, name: 'Canvas benchmark', gateways, networks: [], tunnels, notes: '' };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, p === '/' ? 'index.html' : p);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
  }));
}

// In-page code is passed as strings: the tools tsconfig has no DOM types, and this runs in the page.
const START_FRAMES = `(() => { const w = window; w.__frames = []; w.__recording = true; let last = performance.now();
  const tick = (t) => { if (!w.__recording) return; w.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); }); })()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames; })()`;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** One gesture's frames: the p95 and how many frames missed a vsync (over 1.5 × 16.7 ms). */
interface Gesture {
  p95: number;
  missed: number;
  frames: number;
  /** How long the 90 mouse moves took in the page: over 90 frames means moves waited for frames. */
  millis: number;
}
function gesture(frames: number[]): Gesture {
  const f = frames.slice(2);
  return { p95: p95(f), missed: f.filter((d) => d > 25).length, frames: f.length, millis: f.reduce((a, b) => a + b, 0) };
}

async function measureDrag(page: Page, nodeSelector: string): Promise<Gesture> {
  const box = await page.locator(nodeSelector).first().boundingBox();
  if (!box) throw new Error(`node ${nodeSelector} not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 3, y + 3);
  await page.evaluate(START_FRAMES);
  for (let i = 1; i <= 90; i++) await page.mouse.move(x + 3 + i * 2, y + 3 + Math.sin(i / 8) * 30);
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.mouse.up();
  return gesture(frames);
}

async function measurePan(page: Page): Promise<Gesture> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  // An empty spot: the pane's top-left corner area is outside the fitted graph's nodes.
  const x = pane.x + 8;
  const y = pane.y + pane.height - 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  for (let i = 1; i <= 90; i++) await page.mouse.move(x + i * 3, y - i * 2);
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.mouse.up();
  return gesture(frames);
}

export async function run(): Promise<BenchResult[]> {
  const out = await mkdtemp(path.join(tmpdir(), 'ipsec-canvas-bench-'));
  const appDir = path.join(out, 'app');
  const bareDir = path.join(out, 'bare');
  await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  await build({ configFile: false, root: path.join(here, 'bare-flow'), base: './', plugins: [react()], logLevel: 'error', build: { outDir: bareDir, emptyOutDir: true } });
  const app = await serve(appDir);
  const bare = await serve(bareDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const doc = benchDocument();
  const results: BenchResult[] = [];
  try {
    // ---- our canvas ----
    // bypassCSP only lets the benchmark's own polling run in the page; the app is unchanged.
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
    page.on('crash', () => console.error('the benchmark page crashed'));
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(app.url);
    await page.waitForSelector('.react-flow__pane');
    await page.evaluate(`window.__ipsecStudio.editor.load(${JSON.stringify(doc)})`);
    await page.keyboard.press('f');
    await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${GATEWAYS}`, undefined, { timeout: 60_000 });
    await page.waitForFunction(`document.querySelectorAll('.tunnel-edge.health-pending').length === 0`, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const oursDrag = [await measureDrag(page, '.react-flow__node[data-id="g:gw-262"]'), await measureDrag(page, '.react-flow__node[data-id="g:gw-137"]')];
    const oursPan = [await measurePan(page), await measurePan(page)];

    // Keystroke in a selector field -> the results on the canvas updated.
    await page.keyboard.press('f');
    await page.getByTestId('result-t-0-1').getByRole('button', { name: 't-0-1', exact: true }).click();
    // TCP first, so every port typed below is a selector the engine negotiates (a port without
    // a protocol is an invalid selector and phase 2 would not be attempted).
    await page.getByTestId('pid-a-0-protocol').fill('tcp');
    await page.waitForFunction(`document.querySelector('[data-testid="tunnel-t-0-1"] .tunnel-badge')?.getAttribute('aria-label')?.includes('of 1 selector')`, undefined, { timeout: 10_000 });
    await page.getByTestId('pid-a-0-remotePort').click();
    // Replace "any" with a port, one keystroke at a time; each keystroke leaves a valid port
    // (4, 44, 443, 44, 4, 44, …): 25 keystrokes, so the maximum means something.
    await page.keyboard.press('Control+A');
    const latencies: number[] = [];
    const keys = ['4', ...Array.from({ length: 6 }, () => ['4', '3', 'Backspace', 'Backspace']).flat()];
    for (const key of keys) {
      // In the page: the time of the keydown, then the first paint after the report that answers
      // it is in the DOM (a MutationObserver on the report sequence, then the frame after it).
      await page.evaluate(`(() => { const el = document.activeElement; const state = document.querySelector('[data-testid="engine-state"]');
        const seq = Number(state.getAttribute('data-report-seq')); window.__latency = new Promise((resolve) => {
          let t0 = 0; el.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
          const done = setTimeout(() => { obs.disconnect(); resolve(-1); }, 5000);
          const obs = new MutationObserver(() => { if (Number(state.getAttribute('data-report-seq')) <= seq) return;
            obs.disconnect(); clearTimeout(done); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)); });
          obs.observe(state, { attributes: true }); }); })()`);
      await page.keyboard.press(key);
      latencies.push((await page.evaluate('window.__latency')) as number);
    }
    await page.close();

    // ---- bare React Flow, same graph ----
    const barePage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const nodes = doc.gateways.map((g) => ({ id: g.id, position: g.position, data: { label: g.name } }));
    const edges = doc.tunnels.map((t) => ({ id: t.id, source: t.a.gatewayId, target: t.b.gatewayId, label: t.name }));
    await barePage.addInitScript(`window.__graph = ${JSON.stringify({ nodes, edges })}`);
    await barePage.goto(bare.url);
    await barePage.evaluate('window.__mount()');
    await barePage.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${GATEWAYS}`, undefined, { timeout: 60_000 });
    await barePage.waitForTimeout(500);
    const bareDrag = [await measureDrag(barePage, '.react-flow__node[data-id="gw-262"]'), await measureDrag(barePage, '.react-flow__node[data-id="gw-137"]')];
    const barePan = [await measurePan(barePage), await measurePan(barePage)];
    await barePage.close();

    const drag = median(oursDrag.map((g) => g.p95));
    const pan = median(oursPan.map((g) => g.p95));
    const bDrag = median(bareDrag.map((g) => g.p95));
    const bPan = median(barePan.map((g) => g.p95));
    const missed = (gs: Gesture[]) => `${gs.map((g) => `${g.missed}/${g.frames}`).join(', ')} frames missed a vsync; 90 moves took ${gs.map((g) => `${(g.millis / 1000).toFixed(2)} s`).join(', ')}`;
    const note = `${GATEWAYS} gateways, ${doc.tunnels.length} tunnels, zoomed to fit, headless Chromium --disable-gpu`;
    results.push({ name: 'p95 frame time, dragging a node', value: drag, unit: 'ms', target: '≤ 16.7 ms', note: `${missed(oursDrag)}; ${note}` });
    results.push({ name: 'p95 frame time, panning', value: pan, unit: 'ms', target: '≤ 16.7 ms', note: missed(oursPan) });
    const answered = latencies.filter((l) => l >= 0);
    const sorted = [...answered].sort((a, b) => a - b);
    results.push({ name: 'keystroke in a selector field → results on canvas (median)', value: median(answered), unit: 'ms', target: '≤ 50 ms', note: `p90 ${(sorted[Math.floor(sorted.length * 0.9)] ?? NaN).toFixed(1)} ms, first keystroke ${(answered[0] ?? NaN).toFixed(1)} ms, max ${Math.max(...answered).toFixed(1)} ms over ${answered.length} keystrokes${answered.length < latencies.length ? `; ${latencies.length - answered.length} got no new report within 5 s` : ''}` });
    results.push({ name: 'bare React Flow p95 frame time, dragging', value: bDrag, unit: 'ms', note: missed(bareDrag) });
    results.push({ name: 'bare React Flow p95 frame time, panning', value: bPan, unit: 'ms', note: missed(barePan) });
    results.push({ name: 'ratio to bare React Flow, dragging', value: drag / bDrag, unit: '×', target: '≤ 1.3' });
    results.push({ name: 'ratio to bare React Flow, panning', value: pan / bPan, unit: '×', target: '≤ 1.3' });
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }
  return results;
}
