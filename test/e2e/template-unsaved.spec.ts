// Choosing a template with unsaved work asks first, and the question is in front of the
// templates dialog where it can be read and answered; each answer does what it says.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, useDownloadsForSave } from './helpers';

/** Starts from one template and renames it, so there is unsaved work; then opens the templates dialog and picks another. */
async function pickTemplateWithUnsavedWork(page: Page): Promise<Locator> {
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();
  await page.getByTestId('doc-name').fill('Customer workshop draft');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await page.getByTestId('tb-template').click();
  const templates = page.getByTestId('templates-dialog');
  await templates.getByRole('button', { name: /Palo Alto ↔ policy-based Cisco ASA/ }).click();
  const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Customer workshop draft');
  return ask;
}

/** True when what the eye sees at the centre of `target` is `target` itself (or inside it), not another dialog over it. */
async function isInFront(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && el.contains(top);
  });
}

test.beforeEach(async ({ page }) => {
  await useDownloadsForSave(page);
  await openApp(page);
});

test('the unsaved-changes question is in front of the templates dialog, with the focus in it', async ({ page }) => {
  const ask = await pickTemplateWithUnsavedWork(page);
  for (const name of ['Save', 'Don’t save', 'Cancel']) expect(await isInFront(ask.getByRole('button', { name, exact: true })), `${name} can be seen and pressed`).toBe(true);
  await expect(ask.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  // Tab stays inside the question, not in the dialog behind it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await ask.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('template-unsaved-question.png') });
});

test('Cancel keeps the work and the templates dialog; Escape is a Cancel too', async ({ page }) => {
  const ask = await pickTemplateWithUnsavedWork(page);
  await ask.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(ask).toHaveCount(0);
  const templates = page.getByTestId('templates-dialog');
  await expect(templates).toBeVisible();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await templates.getByRole('button', { name: /Palo Alto ↔ policy-based Cisco ASA/ }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  // Escape answered the question only; the templates dialog is still open behind it.
  await expect(templates).toBeVisible();
  await expect(page.getByTestId('doc-title')).toContainText('Customer workshop draft');
});

test('Don’t save opens the template and throws the work away', async ({ page }) => {
  const ask = await pickTemplateWithUnsavedWork(page);
  await ask.getByRole('button', { name: 'Don’t save', exact: true }).click();
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  await expect(page.getByTestId('templates-dialog')).toHaveCount(0);
  await expect(page.getByTestId('gateway-GATEWAY-1')).toHaveCount(0);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
});

test('Save writes the work first, then opens the template', async ({ page }) => {
  const ask = await pickTemplateWithUnsavedWork(page);
  const [download] = await Promise.all([page.waitForEvent('download'), ask.getByRole('button', { name: 'Save', exact: true }).click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { name: string; gateways: { name: string }[] };
  expect(saved.name).toBe('Customer workshop draft');
  expect(saved.gateways.map((g) => g.name)).toContain('GATEWAY-1');
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  await expect(page.getByTestId('templates-dialog')).toHaveCount(0);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
});
