// Security policy and NAT are set in the inspector, where the packet walk reads them, and the
// rule cards (proxy IDs, policies, NAT) fit the inspector's width: nothing truncated, nothing to
// scroll sideways, also at 1280×720.
import { expect, test, type Page } from '@playwright/test';
import { clickEmptyCanvas, openApp } from './helpers';

/** Inputs inside `scope` whose value does not fit, or that stick out of the inspector. */
async function cutOff(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const panel = document.querySelector<HTMLElement>('aside.inspector') ?? document.body;
    const edge = panel.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement>(`${sel} input`)) {
      const r = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.getAttribute('aria-label')}: "${el.value}" truncated`);
      if (r.right > edge + 1) out.push(`${el.getAttribute('aria-label')}: past the inspector's edge`);
    }
    const scroller = panel.scrollWidth > panel.clientWidth + 1 ? ['the inspector scrolls sideways'] : [];
    return [...out, ...scroller];
  }, scope);
}

test('a deny policy added in the inspector drops the walk at that gateway, and undo takes it back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('gateway-GATEWAY-1').click();
  await expect(page.getByText('No security policies')).toBeVisible();

  // The walk passes before any policy exists.
  await page.getByTestId('panel-tab-walk').click();
  await page.getByTestId('walk-pick-from').click();
  await page.getByTestId('network-Net 1.2').click();
  await page.getByTestId('walk-pick-to').click();
  await page.getByTestId('network-Net 2.2').click();
  await page.getByTestId('walk-proto').selectOption('icmp');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DELIVERED');

  // + Policy pre-fills from the gateway's first network; make it a deny.
  await page.getByTestId('gateway-GATEWAY-1').click();
  await page.getByTestId('policy-add').click();
  await expect(page.getByTestId('policy-0-name')).toHaveValue('vpn-policy-1');
  await expect(page.getByTestId('policy-0-source')).not.toHaveValue('');
  await page.getByTestId('policy-0-source').fill('any');
  await page.getByTestId('policy-0-source').press('Enter');
  await page.getByTestId('policy-0-action').selectOption('deny');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DROPPED');
  await expect(page.getByTestId('walk-panel')).toContainText('vpn-policy-1');

  // An invalid zone is refused with the rule, and nothing changes.
  await page.getByTestId('policy-0-fromZone').fill('bad/zone');
  await page.getByTestId('policy-0-fromZone').press('Tab');
  await expect(page.getByText(/zone names may use letters/)).toBeVisible();

  // Undo, three steps (the action, the source, the policy), brings the walk back to DELIVERED.
  await clickEmptyCanvas(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await page.getByTestId('gateway-GATEWAY-1').click();
  await expect(page.getByText('No security policies')).toBeVisible();
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DELIVERED');
});

test('a NAT rule is added with the gateway\'s own addresses, and its interface can be any or one of the gateway\'s', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('gateway-GATEWAY-1').click();
  await page.getByTestId('nat-add').click();
  await expect(page.getByTestId('nat-0-name')).toHaveValue('nat-1');
  await expect(page.getByTestId('nat-0-original')).toHaveValue(/\/\d+$/);
  await expect(page.getByTestId('nat-0-translated')).not.toHaveValue('');
  await page.getByTestId('nat-0-interface').selectOption('');
  await expect(page.getByTestId('nat-0-interface')).toHaveValue('');
  await page.getByTestId('nat-0-translated').fill('300.1.1.1');
  await page.getByTestId('nat-0-translated').press('Tab');
  await expect(page.getByTestId('nat-0').getByRole('alert')).toContainText('300.1.1.1');
  await page.getByRole('button', { name: 'Delete NAT rule nat-1' }).click();
  await expect(page.getByText('No NAT rules')).toBeVisible();
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`proxy IDs, policies and NAT rules fit the inspector at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await page.getByTestId('template-screenos-multi-proxy-id').click();
    await page.getByTestId('gateway-GATEWAY-1').click();
    await page.getByTestId('policy-add').click();
    await page.getByTestId('nat-add').click();
    expect(await cutOff(page, '.rule-list')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`policy-nat-${size.width}.png`) });
    await page.getByTestId('tunnel-test').click();
    const end = page.getByTestId('end-a');
    await end.getByTestId('pid-a-0-local').fill('2001:db8:aaaa:bbbb:cccc:dddd::/96');
    await end.getByTestId('pid-a-0-local').press('Enter');
    await expect(end.getByTestId('pid-a-0-localPort')).toBeVisible();
    expect(await cutOff(page, '[data-testid="end-a"] .rule-list')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`proxy-ids-${size.width}.png`) });

  });
}
