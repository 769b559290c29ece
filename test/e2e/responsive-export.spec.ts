// The UI stays responsive while a large export is computed: the export of a 500-gateway design
// runs in the engine worker, and a keystroke in the inspector takes effect before the export's
// answer arrives. Measured by order, not by time: the page's Worker is wrapped so the export
// answers wait until the test lets them through, and the keystroke's effect (the design's name
// in the title bar, which follows the document) must show while the answer is still held.
// Computed on the UI thread, as before, the export would be in the panel with no answer to hold.
import { expect, test, type Page } from '@playwright/test';
import { largeDocument } from '../support/large-document';
import { openApp } from './helpers';

interface Probe {
  asked: number;
  answered: number;
  held: (() => void)[];
  hold: boolean;
}

const probe = (page: Page) => page.evaluate(() => {
  const p = (window as unknown as { __exportProbe: Probe }).__exportProbe;
  return { asked: p.asked, answered: p.answered, held: p.held.length };
});

test('typing in the inspector is not blocked while a 500-gateway export is computed', async ({ page }) => {
  await page.addInitScript(() => {
    const p: Probe = { asked: 0, answered: 0, held: [], hold: true };
    (window as unknown as { __exportProbe: Probe }).__exportProbe = p;
    const Real = window.Worker;
    class HoldingWorker extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        let handler: ((e: MessageEvent) => void) | null = null;
        Object.defineProperty(this, 'onmessage', { get: () => handler, set: (h: ((e: MessageEvent) => void) | null) => (handler = h), configurable: true });
        super.addEventListener('message', (e: MessageEvent) => {
          const isExport = (e.data as { kind?: unknown } | null)?.kind === 'export';
          if (isExport) p.answered++;
          if (isExport && p.hold) p.held.push(() => handler?.(e));
          else handler?.(e);
        });
      }
      override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
        if ((message as { kind?: unknown } | null)?.kind === 'export') p.asked++;
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    }
    window.Worker = HoldingWorker;
  });
  await openApp(page);
  const doc = { ...largeDocument(1000, 500), name: 'Five hundred gateways' };
  await page.evaluate((json) => (window as unknown as { __ipsecStudio: { editor: { load(d: unknown): void } } }).__ipsecStudio.editor.load(JSON.parse(json)), JSON.stringify(doc));
  await expect(page.getByTestId('engine-state')).toContainText(/results in/, { timeout: 30_000 });
  await expect(page.getByTestId('doc-title')).toContainText('Five hundred gateways');

  // Open the export of every gateway: the request goes to the worker.
  await page.getByTestId('panel-tab-export').click();
  await expect.poll(async () => (await probe(page)).asked).toBe(1);

  // Type in the inspector while the export is outstanding.
  const name = page.getByTestId('doc-name');
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' v2');
  await expect(page.getByTestId('doc-title')).toContainText('Five hundred gateways v2');
  // ... and the export has not reached the panel: nothing of it is shown, it says it is preparing.
  await expect(page.getByTestId('export-preparing')).toBeVisible();
  await expect(page.getByTestId('export-verdict')).toHaveCount(0);
  await expect(page.locator('.export-line')).toHaveCount(0);

  // The worker computed it meanwhile (its answer is held here, not lost).
  await expect.poll(async () => (await probe(page)).answered, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect((await probe(page)).held).toBeGreaterThanOrEqual(1);

  // Let the answers through: the one for the old name is dropped, the export is made again for
  // the document as typed, and the preparing note goes away.
  await page.evaluate(() => {
    const p = (window as unknown as { __exportProbe: Probe }).__exportProbe;
    p.hold = false;
    for (const deliver of p.held.splice(0)) deliver();
  });
  await expect(page.getByTestId('export-verdict')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('export-preview')).toContainText('Design: Five hundred gateways v2');
  await expect(page.getByTestId('export-preparing')).toHaveCount(0);
  // Every gateway has its file (site-500 is a Cisco ASA in this design).
  await expect(page.getByTestId('export-file-site-500.asa.txt')).toBeVisible();
  expect((await probe(page)).asked).toBeGreaterThanOrEqual(2);
});
