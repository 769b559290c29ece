// The panel area and the inspector can be made larger or smaller, with the mouse on the edge they
// share with the canvas or with the keyboard on that edge, and they keep the size given them:
// through hiding the panels, presentation mode and another document.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mouseDrag, openApp, untilStill } from './helpers';

const height = async (l: Locator) => (await l.boundingBox())?.height ?? Number.NaN;
const width = async (l: Locator) => (await l.boundingBox())?.width ?? Number.NaN;
const centre = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

async function start(page: Page) {
  await openApp(page);
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  await untilStill(page);
}

test('dragging the edges resizes the panel area and the inspector, and the canvas gives the room', async ({ page }) => {
  await start(page);
  const panels = page.locator('.panel-area');
  const inspector = page.locator('.inspector');
  const canvas = page.locator('.canvas-wrap');
  const [p0, i0, ch0, cw0] = [await height(panels), await width(inspector), await height(canvas), await width(canvas)];

  const ph = page.getByRole('separator', { name: 'Resize the panels' });
  const from = await centre(ph);
  await mouseDrag(page, from, { x: from.x, y: from.y - 150 });
  await expect.poll(() => height(panels)).toBeCloseTo(p0 + 150, 0);
  expect(await height(canvas)).toBeCloseTo(ch0 - 150, 0);
  await expect(ph).toHaveAttribute('aria-valuenow', String(Math.round(p0 + 150)));

  const ih = page.getByRole('separator', { name: 'Resize the inspector' });
  const at = await centre(ih);
  await mouseDrag(page, at, { x: at.x - 120, y: at.y });
  await expect.poll(() => width(inspector)).toBeCloseTo(i0 + 120, 0);
  expect(await width(canvas)).toBeCloseTo(cw0 - 120, 0);

  // The canvas still draws the whole design in what is left of it.
  await page.getByTestId('tb-fit').click();
  await untilStill(page);
  const node = await page.getByTestId('gateway-ASA-Branch').boundingBox();
  const c = await canvas.boundingBox();
  expect(node && c && node.x + node.width <= c.x + c.width).toBe(true);
  await page.screenshot({ path: test.info().outputPath('resized.png') });
});

test('the keyboard resizes from the focused edge, within limits that leave the canvas room', async ({ page }) => {
  await start(page);
  const panels = page.locator('.panel-area');
  const canvas = page.locator('.canvas-wrap');
  const ph = page.getByRole('separator', { name: 'Resize the panels' });
  const p0 = await height(panels);
  // Tab reaches it too (the Tab cycle in accessibility.spec.ts stops on both handles).
  await ph.focus();
  await expect(ph).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => height(panels)).toBeCloseTo(p0 + 32, 0);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => height(panels)).toBeCloseTo(p0 + 32 - 64, 0);
  // The arrows resized; they did not pan or nudge anything on the canvas.
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();

  await page.keyboard.press('End');
  await expect.poll(() => height(canvas)).toBeCloseTo(200, 0);
  await page.keyboard.press('Home');
  await expect.poll(() => height(panels)).toBeCloseTo(120, 0);

  const inspector = page.locator('.inspector');
  const ih = page.getByRole('separator', { name: 'Resize the inspector' });
  const i0 = await width(inspector);
  await ih.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => width(inspector)).toBeCloseTo(i0 + 16, 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => width(inspector)).toBeCloseTo(i0 - 16, 0);
});

test('the sizes stay through hiding the panels, presentation mode and another document', async ({ page }) => {
  await start(page);
  const panels = page.locator('.panel-area');
  const inspector = page.locator('.inspector');
  const ph = page.getByRole('separator', { name: 'Resize the panels' });
  await ph.focus();
  await page.keyboard.press('Shift+ArrowUp');
  const ih = page.getByRole('separator', { name: 'Resize the inspector' });
  await ih.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await untilStill(page);
  const [p, i] = [await height(panels), await width(inspector)];

  await page.getByRole('button', { name: 'Hide panels' }).click();
  await expect(ph).toHaveCount(0);
  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect.poll(() => height(panels)).toBeCloseTo(p, 0);

  await page.getByTestId('tb-presentation').click();
  await expect(page.locator('html.presentation')).toHaveCount(1);
  // Presentation mode puts both aside; opened again they have the sizes given them.
  await expect(inspector).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the inspector' }).click();
  await page.getByTestId('panel-tab-results').click();
  await expect.poll(() => height(panels)).toBeCloseTo(p, 0);
  await expect.poll(() => width(inspector)).toBeCloseTo(i, 0);
  await page.getByTestId('tb-presentation').click();
  await expect(page.locator('html.presentation')).toHaveCount(0);

  await page.getByTestId('tb-template').click();
  await page.getByTestId('templates-dialog').getByRole('button', { name: /Hub and spoke/ }).click();
  await expect(page.getByTestId('templates-dialog')).toHaveCount(0);
  await expect.poll(() => height(panels)).toBeCloseTo(p, 0);
  await expect.poll(() => width(inspector)).toBeCloseTo(i, 0);
});
