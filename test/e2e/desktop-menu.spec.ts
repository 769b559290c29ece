// The desktop menu's commands in Chromium, with a stand-in for the preload API that delivers
// `menu:command` as main does: each item runs the same action as its key and toolbar button
// (Zoom to Fit, Actual Size, Export Canvas as PNG/SVG, Keyboard Shortcuts, Undo).
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

async function fakeDesktop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Listener = (payload: unknown) => void;
    const calls: { channel: string; request: Record<string, unknown> }[] = [];
    const listeners: Record<string, Listener[]> = {};
    const answers: Record<string, (request: Record<string, unknown>) => unknown> = {
      'image:save': (r) => ({ status: 'saved', name: r.suggestedName }),
      'file:forget': () => ({ ok: true }),
      'recovery:write': () => ({ ok: true }),
      'recovery:list': () => ({ copies: [] }),
      'recovery:clear': () => ({ ok: true }),
      'window:state': () => ({ ok: true }),
    };
    const w = window as unknown as Record<string, unknown>;
    w.ipsecStudio = {
      platform: 'linux',
      invoke: async (channel: string, request: Record<string, unknown>) => {
        calls.push({ channel, request });
        const answer = answers[channel];
        if (!answer) throw new Error(`unknown channel: ${channel}`);
        return answer(request);
      },
      on: (channel: string, listener: Listener) => {
        (listeners[channel] ??= []).push(listener);
        return () => {
          listeners[channel] = (listeners[channel] ?? []).filter((l) => l !== listener);
        };
      },
    };
    w.__fake = { calls, emit: (channel: string, payload: unknown) => (listeners[channel] ?? []).forEach((l) => l(payload)) };
  });
}

const menu = (page: Page, command: string) => page.evaluate((c) => (window as unknown as { __fake: { emit(c: string, p: unknown): void } }).__fake.emit('menu:command', { command: c }), command);
const imageSaves = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fake: { calls: { channel: string; request: Record<string, unknown> }[] } }).__fake.calls.filter((c) => c.channel === 'image:save').map((c) => [c.request.format, c.request.suggestedName]));

/** The canvas's zoom, from React Flow's viewport transform. */
async function zoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await fakeDesktop(page);
  await openApp(page);
  await page.getByTestId('template-full-mesh').click();
  await expect(page.locator('.react-flow__node-gateway').first()).toBeVisible();
});

test('Zoom In, Actual Size and Zoom to Fit move the canvas as their keys do', async ({ page }) => {
  // The view settles on the template's fit first.
  await expect.poll(() => zoom(page)).not.toBeNaN();
  let fitted = await zoom(page);
  await expect.poll(async () => {
    const now = await zoom(page);
    const still = now === fitted;
    fitted = now;
    return still;
  }).toBe(true);
  await menu(page, 'zoom-in');
  await expect.poll(() => zoom(page)).toBeGreaterThan(fitted * 1.1);
  await menu(page, 'zoom-reset');
  await expect.poll(() => zoom(page)).toBe(1);
  await menu(page, 'fit');
  await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);
});

test('Export Canvas as PNG… and as SVG… save the image they name', async ({ page }) => {
  await menu(page, 'export-png');
  await expect(page.getByTestId('status-message')).toContainText(/^Exported .+\.png$/);
  await menu(page, 'export-svg');
  await expect(page.getByTestId('status-message')).toContainText(/^Exported .+\.svg$/);
  const saves = await imageSaves(page);
  expect(saves.map(([format]) => format)).toEqual(['png', 'svg']);
  expect(saves[0]?.[1]).toMatch(/^[a-z0-9_.-]+\.png$/);
});

test('Keyboard Shortcuts opens the overlay; Undo undoes the last edit', async ({ page }) => {
  await menu(page, 'help');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
  await page.locator('.react-flow__node-gateway').first().click();
  await page.keyboard.press('Delete');
  const gateways = page.locator('.react-flow__node-gateway');
  const left = await gateways.count();
  await menu(page, 'undo');
  await expect(gateways).toHaveCount(left + 1);
});
