// A fix is offered only after the engine checked it on a copy: the reversed proxy ID gets its swap
// with what it changes; routing PA-HQ's own LAN into the tunnel is not offered, and says why.
import { expect, test } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { reversedOnPanos } from '../support/designs';
import { openApp, openViaToolbar } from './helpers';

test('the reversed selector\'s fix says what it changes; the harmful route is not offered', async ({ page }) => {
  await openApp(page);
  await openViaToolbar(page, { name: 'reversed.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(reversedOnPanos())) });
  const card = page.getByTestId('result-pa-asa');
  await expect(card.getByTestId('effect-SELECTOR_REVERSED')).toContainText('Checked on a copy: phase 2 goes from 0 to 1 of 1 selector up');
  await expect(card.getByRole('button', { name: /Route 10\.10\.0\.0\/24/ })).toHaveCount(0);
  await expect(card.getByTestId('withheld-PROXY_ID_WITHOUT_ROUTE').first()).toContainText('No one-click fix');
  await card.getByTestId('fix-SELECTOR_REVERSED').click();
  await expect(card.getByTestId('phase2-0')).toContainText('✓ up');
});
