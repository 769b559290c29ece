// Packet-triggered negotiation per product (issue 12, part 7): a walk from the PAN-OS side of the
// pan-asa-interop template reaches the verdict the results give for PAN-OS initiating. PAN-OS
// proposes only its configured proxy IDs (0.0.0.0/0 without any), never the packet's /32, so the
// walk cannot show DELIVERED over a per-connection SA while the results say phase 2 fails.
import { expect, test, type Page } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { panAsaInterop } from '../../shared/templates/pan-asa-interop';
import { openApp, openViaToolbar, untilStill } from './helpers';

async function walkHqToBranch(page: Page): Promise<void> {
  await page.getByTestId('panel-tab-walk').click();
  await page.getByTestId('walk-from').fill('HQ servers');
  await page.getByTestId('walk-to').fill('Branch users');
  await page.getByTestId('walk-proto').selectOption('tcp');
  await page.getByTestId('walk-run').click();
}

/** The reason cell of the results' first selector: "NOTIFY reason." */
async function resultsFailure(page: Page): Promise<{ notify: string; reason: string }> {
  const row = page.getByTestId('result-pa-asa').getByTestId('phase2-0');
  await expect(row).toContainText('✕ down');
  const notify = (await row.locator('code.notify').innerText()).trim();
  const cell = (await row.locator('td').nth(3).innerText()).trim();
  return { notify, reason: cell.slice(notify.length).trim() };
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('the template (IKEv1), PAN-OS initiating: the walk from the PA side drops with the results\' notify and reason', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  await page.getByTestId('tunnel-initiator').selectOption('a');
  const { notify, reason } = await resultsFailure(page);
  expect(notify).toBe('INVALID_ID_INFORMATION');
  await walkHqToBranch(page);
  await expect(page.getByTestId('walk-outcome')).toHaveText('DROPPED');
  await expect(page.getByTestId('walk-summary')).toContainText(`${notify}: ${reason.replace(/\.$/, '')}`);
});

test('over IKEv2 the same: no per-packet /32 SA, the walk shows the results\' TS_UNACCEPTABLE and cites PAN-OS\'s rule', async ({ page }) => {
  const doc = panAsaInterop();
  const t = doc.tunnels[0]!;
  t.initiator = 'a';
  t.a.ikeVersion = 2;
  t.b.ikeVersion = 2;
  await openViaToolbar(page, { name: 'pan-asa-v2.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  const { notify, reason } = await resultsFailure(page);
  expect(notify).toBe('TS_UNACCEPTABLE');
  await walkHqToBranch(page);
  const panel = page.getByTestId('walk-panel');
  await expect(page.getByTestId('walk-outcome')).toHaveText('DROPPED');
  await expect(page.getByTestId('walk-summary')).toContainText(`${notify}: ${reason.replace(/\.$/, '')}`);
  await expect(panel).not.toContainText('/32[tcp/49152]');
  await expect(panel).not.toContainText('ESP SPI');
  const sa = panel.locator('li.walk-fail').filter({ hasText: 'SA_NEGOTIATION_FAILED' });
  await expect(sa).toContainText('PA-HQ proposes only its configured selectors, 0.0.0.0/0 ↔ 0.0.0.0/0, not the packet\'s.');
  await sa.locator('details.provenance summary').click();
  await expect(sa.locator('details.provenance')).toContainText('panos.packet-trigger · documented');
  await expect(page.getByText('Opened pan-asa-v2.ipsec.json')).toHaveCount(0, { timeout: 15_000 });
  await untilStill(page);
  await page.screenshot({ path: 'test-results/walk-trigger.png' });
});
