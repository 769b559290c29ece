// Shared steps for the end-to-end specs: what a person does with the mouse and keyboard.
import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Use the download path for saving (headless Chromium cannot answer a native save picker). */
export async function useDownloadsForSave(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
}

/** Drags a palette item onto the canvas at a point relative to the canvas's top-left corner. */
export async function dragFromPalette(page: Page, testId: string, x: number, y: number): Promise<void> {
  const item = page.getByTestId(testId);
  await item.scrollIntoViewIfNeeded();
  const src = await item.boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!src || !pane) throw new Error('palette or canvas not visible');
  // The mouse, step by step (locator.dragTo waits on the drop target in a way Debian's Chromium never settles).
  await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
  await page.mouse.down();
  await page.mouse.move(src.x + src.width / 2 + 30, src.y + src.height / 2 + 10, { steps: 3 });
  await page.mouse.move(pane.x + x, pane.y + y, { steps: 8 });
  await page.mouse.up();
}

/** Drags with the mouse from one point to another (page coordinates). */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y + 5, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

export async function saveViaToolbar(page: Page, saveAs = false): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(saveAs ? 'tb-save-as' : 'tb-save').click()]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

export async function openViaToolbar(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('tb-open').click()]);
  await chooser.setFiles(file);
}

/** Clicks an empty spot of the canvas (clears the selection, takes focus off fields). */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('canvas not visible');
  await page.mouse.click(box.x + box.width - 30, box.y + 30);
}

/**
 * Waits until the page is still: no animation or transition running, and the canvas (its size,
 * the viewport's transform, every node's box, the minimap) the same over three consecutive frames.
 * Counted in frames, not milliseconds, so a loaded machine only makes it take longer: React Flow
 * learns a new canvas or node size from a ResizeObserver, which reports within the frame after the
 * layout changed, so "still for three frames" means every such report has been handled.
 */
export async function untilStill(page: Page): Promise<void> {
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const signature = () => {
          const parts: string[] = [String(document.getAnimations().filter((a) => a.playState === 'running').length)];
          for (const el of document.querySelectorAll('.react-flow, .react-flow__viewport, .react-flow__node, [data-testid="minimap"]')) {
            const r = el.getBoundingClientRect();
            parts.push(`${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)},${r.height.toFixed(1)},${(el as HTMLElement).style.transform}`);
          }
          return parts.join('|');
        };
        let last = '';
        let same = 0;
        let count = 0;
        const step = () => {
          count++;
          const now = signature();
          same = now === last && now.startsWith('0|') ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve(count);
          else if (count > 2000) reject(new Error(`the page never stood still for three frames in 2000 frames; last: ${now.slice(0, 200)}`));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  expect(frames).toBeGreaterThan(0);
}
