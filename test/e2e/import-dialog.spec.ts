// Issue 15, File › Import device configurations…: paste the configurations of the two boxes of a
// tunnel, see what was understood of each, open them as a new topology and get the same verdict
// as the design they came from. The configurations are what the app exports for the
// pan-asa-interop template's two gateways (test/fixtures/import/make-fixtures.ts wrote them).
// A file that is binary, not a configuration, or of another product than chosen imports nothing
// and leaves the open document as it was.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, untilStill } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');
const PANOS = readFileSync(path.join(FIXTURES, 'PA-HQ.panos.txt'), 'utf8');
/** The ASA's export with one line no reader knows, as real files have. */
const ASA_LINES = readFileSync(path.join(FIXTURES, 'ASA-Branch.asa.txt'), 'utf8').replace(/\n$/, '').split('\n');
const UNKNOWN_LINE = 'frobnicate widgets 42';
const ASA = [...ASA_LINES, UNKNOWN_LINE, ''].join('\n');

/** What the results panel says of a tunnel: its health, phase 1 and each phase-2 row, without the tunnel's own name. */
async function verdict(card: Locator, tunnelName: string): Promise<string[]> {
  const parts = [await card.locator('.status-badge').innerText(), await card.getByTestId('phase1').innerText(), ...(await card.locator('tbody tr').allInnerTexts())];
  return parts.map((p) => p.split(tunnelName).join('<tunnel>').replace(/\s+/g, ' ').trim());
}

async function axeClean(page: Page, view: string) {
  await untilStill(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] ${v.help}: ${n.target.join(' ')}`));
  expect(found, `axe violations in ${view}`).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  // An exception in the page (which unmounts the app) fails the test where it happens.
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await openApp(page);
});

test('paste a PAN-OS and an ASA configuration, read the report, open them: the template’s verdict', async ({ page }) => {
  // The design the configurations were exported from, and what the results panel says of it.
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('panel-tab-results').click();
  const templateCard = page.getByTestId('result-pa-asa');
  await expect(templateCard).toBeVisible();
  const expected = await verdict(templateCard, 'pa-asa');
  await page.getByTestId('doc-name').fill('Work in progress');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await page.getByTestId('tb-open-more').click();
  await page.getByTestId('tb-import').click();
  const dialog = page.getByRole('dialog', { name: 'Import device configurations' });
  await expect(dialog).toBeVisible();
  const boxes = dialog.getByTestId('import-box');
  await expect(boxes).toHaveCount(2);
  // The configurations do not say which box starts the negotiation: the first box's does. The
  // template has the ASA initiate, so its configuration goes first.
  await boxes.nth(0).getByTestId('import-label').fill('ASA-Branch');
  await boxes.nth(0).getByTestId('import-text').fill(ASA);
  await boxes.nth(1).getByTestId('import-label').fill('PA-HQ');
  await boxes.nth(1).getByTestId('import-text').fill(PANOS);
  // A third box, added and removed again: two devices are imported.
  await dialog.getByRole('button', { name: 'Add a device' }).click();
  await expect(boxes).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Remove device 3' }).click();
  await expect(boxes).toHaveCount(2);
  await axeClean(page, 'import dialog, filled');

  await dialog.getByTestId('import-run').click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('Understood 2 devices: 2 gateways');
  await expect(report).toContainText('1 tunnel');
  const devices = report.getByTestId('import-device');
  await expect(devices).toHaveCount(2);
  await expect(devices.nth(0).getByTestId('import-product')).toHaveText('Cisco ASA');
  await expect(devices.nth(1).getByTestId('import-product')).toHaveText('Palo Alto Networks PAN-OS');
  await expect(devices.nth(1).getByTestId('import-lines')).toContainText(/\d+ used, \d+ ignored \(not about VPNs\), 0 not understood/);
  await expect(devices.nth(0).getByTestId('import-lines')).toContainText('1 not understood');
  // The line not understood, with its line number, behind a disclosure.
  const unknown = devices.nth(0).getByTestId('import-unknown');
  await expect(unknown.getByText(UNKNOWN_LINE)).toBeHidden();
  await unknown.locator('summary').click();
  await expect(unknown.locator('li')).toHaveText(`line ${ASA_LINES.length + 1} ${UNKNOWN_LINE}`);
  await expect(devices.nth(1).getByTestId('import-unknown')).toHaveCount(0);
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('import-report.png') });
  await axeClean(page, 'import report');

  // Opening replaces the open document: its unsaved changes are asked about first.
  await report.getByTestId('import-open').click();
  const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(ask).toContainText('Work in progress');
  await ask.getByRole('button', { name: 'Don’t save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  await expect(page.getByTestId('gateway-ASA-Branch')).toBeVisible();
  await expect(page.getByTestId('doc-title')).toContainText('Imported configurations');
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const card = page.getByTestId('result-ASA-Branch - PA-HQ');
  await expect(card).toBeVisible();
  expect(await verdict(card, 'ASA-Branch - PA-HQ')).toEqual(expected);
  await untilStill(page);
  await page.screenshot({ path: test.info().outputPath('import-opened.png') });
});

test('a binary file, a paste that is no configuration and the wrong product each say why, and the document stays as it was', async ({ page }) => {
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();
  await page.getByTestId('doc-name').fill('Keep me');

  const opener = page.getByTestId('tb-open-more');
  await opener.click();
  // The menu is keyboard-usable: its item has the focus, Enter runs it.
  await expect(page.getByRole('menuitem', { name: 'Import device configurations…' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('import-menu.png'), clip: { x: 0, y: 0, width: 900, height: 160 } });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import device configurations' });
  // A binary file, chosen as a file (as dropped): refused, nothing imported.
  await dialog.getByTestId('import-files').setInputFiles({ name: 'backup.tgz', mimeType: 'application/gzip', buffer: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xed, 0xc1, 0x01, 0x0d, 0x00, 0x00]) });
  const boxes = dialog.getByTestId('import-box');
  await expect(boxes.nth(0).getByTestId('import-label')).toHaveValue('backup');
  await expect(boxes.nth(0)).toContainText('From backup.tgz');
  await dialog.getByTestId('import-run').click();
  const error = dialog.getByTestId('import-error');
  await expect(error).toContainText('backup.tgz is not text (it holds binary data)');
  await expect(error).toContainText('Nothing was imported; the open topology was not changed.');
  await expect(dialog.getByTestId('import-open')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-binary.png') });
  await axeClean(page, 'import error');

  // Garbage pasted in a box of its own.
  await dialog.getByRole('button', { name: 'Remove device 1' }).click();
  await expect(error).toHaveCount(0);
  await boxes.nth(0).getByTestId('import-text').fill('hello\nthis is not a configuration at all\n');
  await dialog.getByTestId('import-run').click();
  await expect(error).toContainText('Device 1 is not a configuration of any product the app reads');

  // A PAN-OS configuration said to be an ASA's.
  await boxes.nth(0).getByTestId('import-text').fill(PANOS);
  await boxes.nth(0).getByTestId('import-vendor').selectOption({ label: 'Cisco ASA' });
  await dialog.getByTestId('import-run').click();
  await expect(error).toContainText('looks like a Palo Alto Networks PAN-OS configuration, not Cisco ASA');

  // Escape closes the dialog and gives the focus back to the menu button it was opened from.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(page.getByTestId('doc-title')).toContainText('Keep me');
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
});

test('files dropped on the dialog fill a box each, named after the file', async ({ page }) => {
  await page.getByTestId('tb-open-more').click();
  await page.getByTestId('tb-import').click();
  const dialog = page.getByRole('dialog', { name: 'Import device configurations' });
  const dropped = [
    { name: 'ASA-Branch.asa.txt', text: ASA },
    { name: 'PA-HQ.panos.txt', text: PANOS },
    { name: 'notes.txt', text: 'call the branch on Monday' },
  ];
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, dropped);
  await dialog.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: transfer });
  const boxes = dialog.getByTestId('import-box');
  // The two empty boxes filled, a third added.
  await expect(boxes).toHaveCount(3);
  await expect(boxes.nth(0).getByTestId('import-label')).toHaveValue('ASA-Branch.asa');
  await expect(boxes.nth(1).getByTestId('import-label')).toHaveValue('PA-HQ.panos');
  await expect(boxes.nth(2).getByTestId('import-text')).toHaveValue('call the branch on Monday');
  await dialog.getByTestId('import-run').click();
  await expect(dialog.getByTestId('import-error')).toContainText('notes.txt is not a configuration of any product the app reads');
  await dialog.getByRole('button', { name: 'Remove device 3' }).click();
  await dialog.getByTestId('import-run').click();
  await expect(dialog.getByTestId('import-report')).toContainText('Understood 2 devices: 2 gateways');
  await expect(dialog.getByTestId('import-device').first()).toContainText('ASA-Branch.asa.txt');
});

test('the initiator is chosen in the dialog, whatever the order of the boxes; after the fix, Export shows each box’s diff against what was imported', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('panel-tab-results').click();
  const expected = await verdict(page.getByTestId('result-pa-asa'), 'pa-asa');

  await page.getByTestId('tb-open-more').click();
  await page.getByTestId('tb-import').click();
  const dialog = page.getByRole('dialog', { name: 'Import device configurations' });
  const boxes = dialog.getByTestId('import-box');
  // PAN-OS first this time: without a choice, the first box's device would initiate.
  await boxes.nth(0).getByTestId('import-label').fill('PA-HQ');
  await boxes.nth(0).getByTestId('import-text').fill(PANOS);
  await boxes.nth(1).getByTestId('import-label').fill('ASA-Branch');
  await boxes.nth(1).getByTestId('import-text').fill(ASA);
  await dialog.getByTestId('import-initiator').selectOption({ label: 'ASA-Branch initiates' });
  // Keys in clear: a warning says what that means for the saved file.
  await dialog.getByTestId('import-secrets').check();
  await expect(dialog.getByTestId('import-secret-warning')).toContainText('keys in clear text');
  await dialog.getByTestId('import-initiator').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('import-options.png') });
  await dialog.getByTestId('import-secrets').uncheck();
  await expect(dialog.getByTestId('import-secret-warning')).toHaveCount(0);
  await axeClean(page, 'import options');
  await dialog.getByTestId('import-run').click();
  await expect(dialog.getByTestId('import-report')).toContainText('Understood 2 devices');
  // Changing an option after the report hides it until Import is pressed again.
  await dialog.getByTestId('import-initiator').selectOption({ label: 'PA-HQ initiates' });
  await expect(dialog.getByTestId('import-report')).toHaveCount(0);
  await dialog.getByTestId('import-initiator').selectOption({ label: 'ASA-Branch initiates' });
  await dialog.getByTestId('import-run').click();
  // The template was not edited: it is replaced without a question.
  await dialog.getByTestId('import-open').click();
  await expect(dialog).toHaveCount(0);
  const card = page.getByTestId('result-PA-HQ - ASA-Branch');
  await expect(card).toBeVisible();
  expect(await verdict(card, 'PA-HQ - ASA-Branch')).toEqual(expected);

  // Right after the import, nothing changed.
  await page.getByTestId('panel-tab-export').click();
  const panel = page.getByTestId('export-panel');
  await panel.getByTestId('export-view-changes').click();
  await expect(panel.getByTestId('export-changes')).toContainText('No box changed since the import');
  await expect(panel.getByTestId('export-vendor')).toBeDisabled();

  // The engine's fix, then the diff of the box it changed.
  await page.getByTestId('panel-tab-results').click();
  await card.locator('[data-testid^="fix-"]').first().click();
  await expect(card.locator('.status-badge')).toContainText(/up/i);
  await page.getByTestId('panel-tab-export').click();
  const changes = panel.getByTestId('export-change');
  await expect(changes).toHaveCount(2);
  // The fix changes one box (which one is the engine's choice); the other is as imported.
  await expect(changes.filter({ hasText: /: \d+ lines? added, \d+ removed/ })).toHaveCount(1);
  await expect(changes.filter({ hasText: /: unchanged$/ })).toHaveCount(1);
  const preview = panel.getByTestId('export-preview');
  await expect(preview.locator('.diff-added').first()).toBeVisible();
  await expect(preview.locator('.diff-removed').first()).toBeVisible();
  await expect(preview).toContainText('as imported');
  await preview.locator('.diff-added').first().scrollIntoViewIfNeeded();
  await untilStill(page);
  await page.screenshot({ path: test.info().outputPath('import-changes.png') });
  await axeClean(page, 'export changes since import');
  // What to paste on the changed box: its product's commands, beside the diff.
  const step = panel.getByTestId('export-paste-step');
  await expect(step).toHaveCount(1);
  await expect(step).toContainText(/Paste .*\.commands\.txt at its CLI/);
  await step.getByRole('button').first().click();
  await expect(panel.locator('[data-testid$=".commands.txt"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.locator('.diff-added')).toHaveCount(0);
  await expect(preview).toContainText(/^1configure/);
  await preview.scrollIntoViewIfNeeded();
  await untilStill(page);
  await page.screenshot({ path: test.info().outputPath('import-paste.png') });
  await axeClean(page, 'export what to paste');
  // Back to the whole configuration.
  await panel.getByTestId('export-view-config').click();
  await expect(panel.getByTestId('export-changes')).toHaveCount(0);
  await expect(panel.getByTestId('export-vendor')).toBeEnabled();
});
