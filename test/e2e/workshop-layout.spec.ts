// What a workshop sees on a laptop and on a projector: the toolbar stays one row with every label
// readable whatever the topology is called (a long name is cut with an ellipsis and shown whole in
// its tooltip), and exported configuration is never cut off: a long line scrolls inside the code
// box, in the panel and in the dialog.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, untilStill } from './helpers';

const LONG_NAME = 'Customer workshop: HQ Palo Alto to every branch office ASA, FortiGate and SRX over the new MPLS and the backup internet links, phase two';

const SIZES = [
  { width: 1440, height: 900, presentation: false },
  { width: 1280, height: 720, presentation: false },
  { width: 1280, height: 720, presentation: true },
];

/** Every box on the toolbar sits in one row inside it, and no button's label is cut. */
async function toolbarLayout(toolbar: Locator) {
  return toolbar.evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    const items = [...bar.children].map((el) => ({ cls: el.className, r: el.getBoundingClientRect() }));
    // One row: every box is centred on the toolbar's middle (a second row would be a line lower).
    const middle = box.top + box.height / 2;
    const rows = items.some((i) => Math.abs(i.r.top + i.r.height / 2 - middle) > 4) ? 2 : 1;
    const outside = items.filter((i) => i.r.left < box.left - 0.5 || i.r.right > box.right + 0.5 || i.r.width === 0).map((i) => i.cls);
    const cut = [...bar.querySelectorAll('button')].filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().height > 40).map((b) => b.textContent);
    return { rows, outside, cut, height: box.height };
  });
}

async function rename(page: Page, name: string) {
  await page.getByTestId('doc-name').fill(name);
  await expect(page.getByTestId('doc-title')).toContainText(name.slice(0, 20));
}

for (const size of SIZES) {
  test(`the toolbar stays one row with a long topology name at ${size.width}x${size.height}${size.presentation ? ' in presentation mode' : ''}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    await page.getByTestId('template-pan-asa-interop').click();
    await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
    await rename(page, LONG_NAME);
    if (size.presentation) {
      await page.getByTestId('tb-presentation').click();
      await expect(page.locator('html.presentation')).toHaveCount(1);
    }
    await untilStill(page);
    await page.screenshot({ path: test.info().outputPath(`toolbar-${size.width}x${size.height}${size.presentation ? '-presentation' : ''}.png`) });
    const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
    const layout = await toolbarLayout(toolbar);
    expect(layout.rows, 'one row').toBe(1);
    expect(layout.outside, 'nothing past the toolbar’s edges').toEqual([]);
    expect(layout.cut, 'every label whole').toEqual([]);

    // The name is cut with an ellipsis, and the whole name is in its tooltip.
    const name = page.getByTestId('doc-title').locator('.doc-name');
    await expect(name).toHaveAttribute('title', LONG_NAME);
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(true);
    await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  });
}

/** The longest line of the preview: whether the box scrolls sideways, and whether its last character can be scrolled into the box. */
async function longestLine(preview: Locator) {
  return preview.evaluate((box) => {
    const lines = [...box.querySelectorAll<HTMLElement>('.export-line')];
    const longest = lines.reduce((a, b) => ((b.textContent ?? '').length > (a.textContent ?? '').length ? b : a));
    box.scrollLeft = box.scrollWidth;
    const text = longest.lastElementChild as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(text);
    const end = range.getBoundingClientRect().right;
    const r = box.getBoundingClientRect();
    const scrolls = box.scrollWidth > box.clientWidth;
    // The marked background of a line reaches as far as its text.
    const lineRight = longest.getBoundingClientRect().right;
    box.scrollLeft = 0;
    return { chars: (longest.textContent ?? '').length, scrolls, endVisible: end <= r.right + 0.5 && end > r.left, lineCoversText: lineRight >= end - 0.5 };
  });
}

/** The box `inner` is wholly inside `outer`'s visible area, and `outer` does not scroll sideways itself. */
async function inside(inner: Locator, outer: Locator) {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) throw new Error('not visible');
  const sideways = await outer.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  return { within: a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5, sideways };
}

for (const size of SIZES.slice(0, 2)) {
  test(`exported code scrolls inside its box in the panel and in the dialog at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    await page.getByTestId('template-pan-asa-interop').click();
    await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
    await page.keyboard.press('Alt+5');
    const panel = page.getByTestId('export-panel');
    await expect(panel.getByTestId('export-verdict')).toBeVisible();
    const preview = panel.getByTestId('export-preview');
    await expect(preview.locator('.export-line').first()).toBeVisible();

    const inPanel = await longestLine(preview);
    expect(inPanel.chars).toBeGreaterThan(90);
    expect(inPanel, 'a long line scrolls inside the code box and its end can be reached').toEqual({ chars: inPanel.chars, scrolls: true, endVisible: true, lineCoversText: true });
    expect(await inside(preview, page.locator('.panel-area'))).toEqual({ within: true, sideways: false });
    await page.screenshot({ path: test.info().outputPath(`export-panel-${size.width}x${size.height}.png`) });

    await panel.getByTestId('export-open-dialog').click();
    const dialog = page.getByTestId('export-dialog');
    const inDialogPreview = dialog.getByTestId('export-preview');
    await expect(inDialogPreview.locator('.export-line').first()).toBeVisible();
    const inDialog = await longestLine(inDialogPreview);
    expect(inDialog, 'in the dialog too').toEqual({ chars: inDialog.chars, scrolls: inDialog.scrolls, endVisible: true, lineCoversText: true });
    const modal = page.locator('.modal');
    expect(await inside(inDialogPreview, modal.locator('.modal-body'))).toEqual({ within: true, sideways: false });
    expect(await inside(modal, page.locator('body'))).toEqual({ within: true, sideways: false });
    // Every control of the dialog can be seen without scrolling the dialog sideways.
    for (const id of ['export-copy', 'export-save-folder', 'export-vendor']) expect((await inside(dialog.getByTestId(id), modal.locator('.modal-body'))).within, id).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`export-dialog-${size.width}x${size.height}.png`) });
  });
}

test('the phase-2 table fits the results panel at 1280x720: the rules column stacks its rules instead of running past the edge', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  const table = page.locator('.phase2-table').first();
  await expect(table).toBeVisible();
  const overflow = await table.evaluate((t) => {
    const card = t.closest('.result-card')!;
    return { table: t.getBoundingClientRect().right, panel: card.getBoundingClientRect().right, scroll: card.scrollWidth - card.clientWidth };
  });
  expect(overflow.table).toBeLessThanOrEqual(overflow.panel + 1);
  expect(overflow.scroll).toBeLessThanOrEqual(1);
});
