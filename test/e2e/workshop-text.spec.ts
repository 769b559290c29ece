// What a customer reads in a workshop: plain words in the body, internal rule codes only in a
// details line; panel keys without a gap; counts in the right number.
import { expect, test } from '@playwright/test';
import { allRuleIds } from '../../shared/monitor/rules';
import { openApp } from './helpers';

/** The rule ids that look like codes (a customer would not know "IN-STRICT"). */
const CODES = allRuleIds().filter((id) => /^[A-Z0-9]+(?:-[A-Z0-9]+)+$/.test(id));

function codesIn(text: string): string[] {
  return CODES.filter((id) => new RegExp(`(^|[^A-Z0-9-])${id}($|[^A-Z0-9-])`).test(text));
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('the packet walk and the VPN monitor say why in words; the rule codes are in a details line', async ({ page }) => {
  expect(CODES.length).toBeGreaterThan(10);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();

  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('walk-panel')).toBeVisible();
  await page.getByTestId('walk-from').fill('Net 1.2');
  await page.getByTestId('walk-to').fill('Net 2.2');
  await page.getByTestId('walk-proto').selectOption('icmp');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DELIVERED');
  const rule = page.locator('[data-testid$="-rule"]').first();
  await expect(rule).toBeVisible();
  // Closed, the details line shows what the rule says; the code is there once opened.
  expect(codesIn(await page.getByTestId('walk-panel').innerText())).toEqual([]);
  await rule.locator('summary').click();
  expect(codesIn(await rule.innerText()).length).toBe(1);

  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('monitor-status-GATEWAY-1-tunnel.1')).toContainText('DOWN');
  await page.getByTestId('monitor-advance-10s').click();
  await expect(page.getByTestId('monitor-status-GATEWAY-1-tunnel.1')).toContainText('UP');
  const sa = page.getByTestId('monitor-sa-GATEWAY-1-test-0');
  await expect(sa).toContainText('A/U');
  const monitorText = await page.getByTestId('monitor-panel').innerText();
  expect(codesIn(monitorText)).toEqual([]);
});

test('the export verdict counts tunnels: one failing tunnel is "a tunnel"', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('export-verdict')).toContainText('The engine predicts a tunnel of this export would not come up:');
  await expect(page.getByTestId('export-verdict')).not.toContainText('1 tunnels');
});
