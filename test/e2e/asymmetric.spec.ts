// An "up but asymmetric" child (strongSwan IKEv1, the responder narrows to a port range it
// installs while the initiator installs the one port the answer carries): the results say it
// per selector with each end's installed selectors, and the canvas edge is amber with its own
// icon, distinct from up and down.
import { expect, test } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { pair, pid } from '../shared/engine/build';
import { openApp, openViaToolbar, untilStill } from './helpers';

const doc = pair({ a: 'strongswan', b: 'strongswan', v: 1, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24', { name: 'c1', protocol: 'tcp' })], proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'c1', protocol: 'tcp', localPort: '1000-2000' })] });

test('an asymmetric child: results text with each end\'s selectors, amber badge distinct from up and down', async ({ page }) => {
  await openApp(page);
  await openViaToolbar(page, { name: 'asym.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  const card = page.getByTestId('result-hq-branch');
  const row = card.getByTestId('phase2-0');
  await expect(row).toContainText('◐ up, asymmetric');
  await expect(card.getByTestId('phase2-0-installed')).toHaveText('HQ installs 10.1.1.0/24[tcp] ↔ 10.2.1.0/24[tcp/1000]; Branch installs 10.2.1.0/24[tcp/1000-2000] ↔ 10.1.1.0/24[tcp]');
  await expect(card).toContainText('SELECTOR_ASYMMETRIC');
  await expect(page.locator('.results-summary')).toContainText('phase-2 selectors 1 up (1 asymmetric), 0 down');
  const edge = page.getByTestId('tunnel-hq-branch');
  await expect(edge).toHaveClass(/health-asymmetric/);
  const badge = edge.locator('.tunnel-badge');
  await expect(badge).toContainText('◑');
  await expect(badge).toContainText('0✓ 1◑ 0✕');
  await expect(badge).toHaveAttribute('aria-label', /1 of them asymmetric/);
  // Amber: the partial colour, not the up or down one.
  const colours = await page.evaluate(() => {
    const css = getComputedStyle(document.documentElement);
    const rect = document.querySelector('[data-testid="tunnel-hq-branch"] .tunnel-badge rect');
    return { stroke: rect ? getComputedStyle(rect).stroke : '', partial: css.getPropertyValue('--partial').trim(), up: css.getPropertyValue('--up').trim(), down: css.getPropertyValue('--down').trim() };
  });
  const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  expect(colours.stroke).toBe(rgb(colours.partial));
  expect(colours.stroke).not.toBe(rgb(colours.up));
  expect(colours.stroke).not.toBe(rgb(colours.down));
  await untilStill(page);
  await page.screenshot({ path: 'test-results/asymmetric.png' });
});
