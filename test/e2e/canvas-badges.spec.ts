// On the canvas, as in the exported picture, no tunnel badge lies on another or on a gateway or
// network: the full mesh's two diagonals cross at one middle, and a hub's tunnels crowd its side.
import { expect, test, type Page } from '@playwright/test';
import { openApp, untilStill } from './helpers';

async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const hit = (p: DOMRect, q: DOMRect) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
    const badges = [...document.querySelectorAll('.tunnel-badge rect')].map((r) => ({ name: r.closest('[data-testid]')?.getAttribute('data-testid') ?? '?', b: box(r) }));
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => ({ name: n.getAttribute('data-id') ?? '?', b: box(n) }));
    const out: string[] = [];
    badges.forEach((p, i) => {
      badges.slice(i + 1).forEach((q) => {
        if (hit(p.b, q.b)) out.push(`${p.name} on ${q.name}`);
      });
      for (const n of nodes) if (hit(p.b, n.b)) out.push(`${p.name} on node ${n.name}`);
    });
    return out;
  });
}

for (const id of ['full-mesh', 'hub-and-spoke']) {
  test(`no tunnel badge lies on another or on a node: ${id}`, async ({ page }) => {
    await openApp(page);
    await page.getByTestId(`template-${id}`).click();
    await untilStill(page);
    await page.keyboard.press('f');
    await untilStill(page);
    await expect(page.locator('.tunnel-badge').first()).toBeVisible();
    expect(await overlaps(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${id}.png`) });
  });
}

test('each badge is as wide as its text, also in presentation mode\'s larger type', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-pan-asa-interop').click();
  const fits = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.tunnel-badge')].map((g) => {
        const t = (g.querySelector('text') as SVGTextElement).getBBox();
        const r = (g.querySelector('rect') as SVGRectElement).getBBox();
        return t.x >= r.x && t.x + t.width <= r.x + r.width;
      }),
    );
  await expect.poll(fits).toEqual([true]);
  await page.keyboard.press('p');
  await expect.poll(fits).toEqual([true]);
});
