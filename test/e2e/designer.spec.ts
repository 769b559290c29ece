// Issue 4: what a person does on the canvas with the mouse and keyboard, against the real
// engine in its Web Worker: build a PAN-OS <-> Cisco ASA topology by drag and drop only, see
// phase 2 fail with its reason, apply the suggested fix, see it come up, undo back to an empty
// canvas, redo, save and reopen, and play the negotiation to the end.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dragFromPalette, mouseDrag, openApp, openViaToolbar, saveViaToolbar, untilStill, useDownloadsForSave } from './helpers';

async function handleCenter(page: Page, nodeTestId: string, side: 'left' | 'right') {
  const box = await page.getByTestId(nodeTestId).locator(`.react-flow__handle-${side}`).boundingBox();
  if (!box) throw new Error(`no ${side} handle on ${nodeTestId}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function buildPanAsaByDragAndDrop(page: Page) {
  await dragFromPalette(page, 'palette-panos', 200, 170);
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await dragFromPalette(page, 'palette-cisco-asa', 640, 170);
  await expect(page.getByTestId('gateway-ASA-2')).toBeVisible();
  await dragFromPalette(page, 'palette-network', 190, 330);
  await expect(page.getByTestId('network-PA-1-lan')).toBeVisible();
  await dragFromPalette(page, 'palette-network', 650, 330);
  await expect(page.getByTestId('network-ASA-2-lan')).toBeVisible();
  // Draw the tunnel: from the Palo Alto's right handle to the ASA's left handle.
  await mouseDrag(page, await handleCenter(page, 'gateway-PA-1', 'right'), await handleCenter(page, 'gateway-ASA-2', 'left'));
  await expect(page.getByTestId('tunnel-PA-1_ASA-2')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await useDownloadsForSave(page);
  await openApp(page);
});

test('PAN-OS <-> ASA by drag and drop: phase 2 fails with its reason, the fix brings it up, undo to empty, save, reopen, animate', async ({ page }) => {
  await buildPanAsaByDragAndDrop(page);

  // The edge says it at a glance, in text as well as colour.
  const edge = page.getByTestId('tunnel-PA-1_ASA-2');
  await expect(edge.locator('.tunnel-badge')).toHaveAttribute('aria-label', /Phase 1 up; phase 2: 0 of 1 selector up/);

  const card = page.getByTestId('result-PA-1_ASA-2');
  await expect(card).toBeVisible();
  const p2 = card.getByTestId('phase2-0');
  await expect(p2).toContainText('✕ down');
  await expect(p2).toContainText(/TS_UNACCEPTABLE|NO_PROPOSAL_CHOSEN|INVALID_ID_INFORMATION/);
  await expect(p2).toContainText('0.0.0.0/0');

  // One click on the suggested fix, and phase 2 comes up.
  const fix = card.locator('[data-testid^="fix-"]').first();
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(card.getByTestId('phase2-0')).toContainText('✓ up');
  await expect(edge.locator('.tunnel-badge')).toHaveAttribute('aria-label', /phase 2: 1 of 1 selector up/);

  // Undo every step back to the empty canvas, then redo them all.
  const undo = page.getByTestId('tb-undo');
  let undos = 0;
  while (await undo.isEnabled()) {
    await page.keyboard.press('Control+Z');
    undos++;
    expect(undos).toBeLessThan(20);
  }
  expect(undos).toBe(6); // 2 gateways, 2 networks, the tunnel, the fix
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  for (let i = 0; i < undos; i++) await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('result-PA-1_ASA-2').getByTestId('phase2-0')).toContainText('✓ up');

  // Save, start over, reopen: the same topology and the same verdict.
  const { text } = await saveViaToolbar(page);
  await page.getByTestId('tb-new').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const dir = await mkdtemp(path.join(tmpdir(), 'ipsec-e2e-'));
  const file = path.join(dir, 'pan-asa.ipsec.json');
  await writeFile(file, text);
  await openViaToolbar(page, file);
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await expect(page.getByTestId('result-PA-1_ASA-2').getByTestId('phase2-0')).toContainText('✓ up');

  // Play the negotiation to the end (at 4x).
  await page.getByTestId('panel-tab-negotiation').click();
  await page.getByLabel('Speed').selectOption('4');
  await page.getByTestId('player-play').click();
  await expect(page.getByTestId('player-finished')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('phase1-lamp')).toContainText('established');
  await expect(page.getByTestId('anim-phase2-0')).toContainText('✓ up');
});

test('keyboard only: place gateways from the palette, connect them, delete, undo', async ({ page }) => {
  await page.getByTestId('palette-strongswan').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gateway-sS-1')).toBeVisible();
  await page.getByTestId('palette-fortigate').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gateway-FG-2')).toBeVisible();
  // Select both (Mod+A selects everything) and connect them with C.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('c');
  await expect(page.getByTestId('tunnel-sS-1_FG-2')).toBeVisible();
  await expect(page.getByTestId('tunnel-name')).toHaveValue('sS-1_FG-2');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('tunnel-sS-1_FG-2')).toBeVisible();
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Auto-layout');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

test('proxy-ID table validates as you type and dispatches only valid values', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  await expect(page.getByTestId('tunnel-name')).toHaveValue('pa-asa');
  await page.getByTestId('end-tab-b').click();
  const local = page.getByTestId('pid-b-0-local');
  await local.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10.20.0.0/33');
  await expect(local).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: '10.20.0.0/33' })).toBeVisible();
  // The document still has the last valid value.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('24');
  await expect(local).toHaveAttribute('aria-invalid', 'false');
});

test('templates, auto-layout, duplicate and copy/paste are undoable', async ({ page }) => {
  await page.getByTestId('template-hub-and-spoke').click();
  const before = await page.locator('.react-flow__node').count();
  expect(before).toBeGreaterThan(3);
  await page.getByTestId('tb-layout').click();
  await expect(page.getByTestId('tb-undo')).toBeEnabled();
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('tb-undo')).toBeDisabled();
  const first = page.locator('.react-flow__node-gateway').first();
  await first.click();
  await page.keyboard.press('Control+D');
  await expect(page.locator('.react-flow__node')).not.toHaveCount(before);
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
  await first.click();
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
  await expect(page.locator('.react-flow__node')).not.toHaveCount(before);
});

test('export the canvas as SVG and PNG', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('result-pa-asa')).toBeVisible();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tb-export-svg').click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = await readFile(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain('PA-HQ');
  expect(svgText).toContain('ASA-Branch');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tb-export-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5000);
});

test('the minimap shows every node, follows a pan, and moves the view to where it is pressed', async ({ page }) => {
  await page.getByTestId('template-hub-and-spoke').click();
  const nodes = page.locator('.react-flow__node');
  const minimap = page.getByTestId('minimap');
  await expect(minimap.locator('rect.canvas-minimap-node')).toHaveCount(await nodes.count());
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const frame = minimap.locator('.canvas-minimap-frame');
  const frameBefore = await frame.boundingBox();

  // Zoom in on the canvas until HQ-PA is out of view, then press its mark in the minimap.
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  const hq = page.getByTestId('gateway-HQ-PA');
  const hqId = await page.locator('.react-flow__node', { has: hq }).getAttribute('data-id');
  const mark = (await minimap.locator(`rect[data-node="${hqId}"]`).boundingBox())!;
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await expect
    .poll(async () => {
      const b = (await hq.boundingBox())!;
      return Math.hypot(b.x + b.width / 2 - (pane.x + pane.width / 2), b.y + b.height / 2 - (pane.y + pane.height / 2));
    })
    .toBeLessThan(40);

  // Dragging the canvas moves the frame the same way (right and down here, so the frame goes left and up).
  const zoomedFrame = (await frame.boundingBox())!;
  expect(zoomedFrame.width).toBeLessThan(frameBefore!.width);
  const empty = await page.evaluate(({ x, y, w, h }) => {
    for (let py = y + 20; py < y + h - 140; py += 15)
      for (let px = x + 60; px < x + w - 260; px += 15)
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { x: px, y: py };
    return null;
  }, { x: pane.x, y: pane.y, w: pane.width, h: pane.height });
  if (!empty) throw new Error('no empty spot on the canvas to drag from');
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x + 200, empty.y + 100, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await frame.boundingBox())!.x).toBeLessThan(zoomedFrame.x - 1);
  expect((await frame.boundingBox())!.y).toBeLessThan(zoomedFrame.y);
});

test('the keyboard pans the view: Shift+arrows, or arrows alone when nothing is selected', async ({ page }) => {
  await page.getByTestId('template-hub-and-spoke').click();
  const viewport = page.locator('.react-flow__viewport');
  const translate = async () => {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec((await viewport.getAttribute('style')) ?? '');
    return { x: Number(m?.[1]), y: Number(m?.[2]) };
  };
  await page.keyboard.press('Escape');
  const start = await translate();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await translate()).x).toBeLessThan(start.x - 50);
  const mid = await translate();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await translate()).y).toBeLessThan(mid.y - 50);
  expect((await translate()).x).toBeCloseTo(mid.x, 0);
  // With a gateway selected, plain arrows move it and leave the view alone.
  const node = page.locator('.react-flow__node-gateway').first();
  await node.click();
  const before = await translate();
  const nodeAt = (await node.getAttribute('style')) ?? '';
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => node.getAttribute('style')).not.toBe(nodeAt);
  expect(await translate()).toEqual(before);
});

test('zoom to fit keeps every node clear of the minimap, on a 1280 × 720 projector in presentation mode too', async ({ page }) => {
  await page.getByTestId('template-full-mesh').click();
  for (const [size, keys] of [[{ width: 1440, height: 900 }, ['f']], [{ width: 1280, height: 720 }, ['p', 'f']]] as const) {
    await page.setViewportSize(size);
    for (const k of keys) {
      await untilStill(page);
      await page.keyboard.press(k);
    }
    await untilStill(page);
    const map = (await page.getByTestId('minimap').boundingBox())!;
    // Presentation mode gives the canvas the panels' room, so the minimap keeps its full size there.
    expect(map.width).toBeGreaterThanOrEqual(size.height === 720 ? 150 : 200);
    for (const box of await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()))) {
      const overlaps = box!.x < map.x + map.width && box!.x + box!.width > map.x && box!.y < map.y + map.height && box!.y + box!.height > map.y;
      expect(overlaps, `${size.width}×${size.height}: a node at ${JSON.stringify(box)} is under the minimap at ${JSON.stringify(map)}`).toBe(false);
    }
  }
});

test('dragging a gateway moves it, its tunnel follows, and one undo puts it back', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('result-pa-asa')).toBeVisible();
  const gw = page.locator('.react-flow__node', { has: page.getByTestId('gateway-ASA-Branch') });
  const badge = page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge rect');
  const start = (await gw.boundingBox())!;
  const badgeStart = (await badge.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(start.x + start.width / 2 + i * 6, start.y + 12 + i * 10);
  await page.mouse.up();
  const moved = (await gw.boundingBox())!;
  expect(moved.y - start.y).toBeGreaterThan(60);
  // The tunnel's badge sits midway between the gateways, so it moved too.
  expect((await badge.boundingBox())!.y).toBeGreaterThan(badgeStart.y + 20);
  // The whole drag is one step: one undo, and nothing before it is undone.
  await expect(page.getByTestId('tb-undo')).toHaveAttribute('title', /^Undo Move/);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('tb-undo')).not.toHaveAttribute('title', /^Undo Move/);
  await expect.poll(async () => Math.round((await gw.boundingBox())!.y)).toBe(Math.round(start.y));
  expect(Math.round((await gw.boundingBox())!.x)).toBe(Math.round(start.x));
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => Math.round((await gw.boundingBox())!.y)).toBe(Math.round(moved.y));
});

test('dragging a multi-selection moves every selected node and is one undo step', async ({ page }) => {
  await page.getByTestId('template-full-mesh').click();
  const a = page.locator('.react-flow__node', { has: page.getByTestId('gateway-Site-A') });
  const b = page.locator('.react-flow__node', { has: page.getByTestId('gateway-Site-B') });
  const c = page.locator('.react-flow__node', { has: page.getByTestId('gateway-Site-C') });
  await a.click();
  await b.click({ modifiers: ['Control'] });
  const [a0, b0, c0] = [(await a.boundingBox())!, (await b.boundingBox())!, (await c.boundingBox())!];
  await page.mouse.move(a0.x + a0.width / 2, a0.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(a0.x + a0.width / 2, a0.y + 10 + i * 8);
  await page.mouse.up();
  await expect.poll(async () => Math.round((await a.boundingBox())!.y - a0.y)).toBeGreaterThan(40);
  const dy = (await a.boundingBox())!.y - a0.y;
  expect(Math.abs((await b.boundingBox())!.y - b0.y - dy)).toBeLessThan(2);
  expect((await c.boundingBox())!.y).toBeCloseTo(c0.y, 0);
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => Math.round((await a.boundingBox())!.y)).toBe(Math.round(a0.y));
  expect(Math.round((await b.boundingBox())!.y)).toBe(Math.round(b0.y));
});

test('zoom to fit makes room for the minimap only when the drawing would reach under it', async ({ page }) => {
  // PAN ↔ ASA at 1440 × 900 stays in the upper part of the canvas: it may use the full width.
  await page.getByTestId('template-pan-asa-interop').click();
  await untilStill(page);
  await page.keyboard.press('f');
  await untilStill(page);
  const map = (await page.getByTestId('minimap').boundingBox())!;
  const boxes = (await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()))).map((b) => b!);
  expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeGreaterThan(map.x);
  expect(Math.max(...boxes.map((b) => b.y + b.height))).toBeLessThan(map.y);
});
