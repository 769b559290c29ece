// Exporting the canvas as an image: what is handed to the platform, and what the person is told
// for each outcome, a failure to draw the PNG included.
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../shared/templates/index';
import { saveCanvasImage, type CanvasImage } from '../../../renderer/canvas/export-image';
import type { SaveResult } from '../../../renderer/platform/platform';

const document = TEMPLATES[0]!.build();
const image: CanvasImage = { document, report: undefined, theme: 'dark', stem: 'lab' };

function platform(result: SaveResult | Error) {
  const saved: { format: string; data: Blob; name: string }[] = [];
  return {
    saved,
    saveImage: async (format: 'png' | 'svg', data: Blob, name: string) => {
      saved.push({ format, data, name });
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

describe('saveCanvasImage', () => {
  it('hands the SVG drawing, in the theme shown, to the platform under the document’s name', async () => {
    const p = platform({ status: 'saved', name: 'lab.svg' });
    expect(await saveCanvasImage('svg', image, p)).toBe('Exported lab.svg');
    expect(p.saved.map((s) => [s.format, s.name, s.data.type])).toEqual([['svg', 'lab.svg', 'image/svg+xml']]);
    const text = await p.saved[0]!.data.text();
    expect(text).toContain(`<title>${document.name}</title>`);
    expect(text).toContain('#14181f'); // the dark background
  });

  it('encodes a PNG from the same drawing', async () => {
    const p = platform({ status: 'saved', name: 'lab.png' });
    const drawn: string[] = [];
    const png = new Blob(['png'], { type: 'image/png' });
    expect(await saveCanvasImage('png', image, p, async (svg) => (drawn.push(svg), png))).toBe('Exported lab.png');
    expect(drawn[0]).toContain('<svg');
    expect(p.saved[0]?.data).toBe(png);
  });

  it('says nothing when cancelled, and why when the platform refused', async () => {
    expect(await saveCanvasImage('svg', image, platform({ status: 'cancelled' }))).toBeUndefined();
    expect(await saveCanvasImage('svg', image, platform({ status: 'error', message: 'the disk is full' }))).toBe('Export failed: the disk is full');
  });

  it('a PNG that cannot be drawn, or a save that throws, is a message too (not a silent failure)', async () => {
    const p = platform({ status: 'saved', name: 'lab.png' });
    expect(await saveCanvasImage('png', image, p, () => Promise.reject(new Error('PNG encoding failed')))).toBe('Export failed: PNG encoding failed');
    expect(p.saved).toEqual([]);
    expect(await saveCanvasImage('svg', image, platform(new TypeError('IPC closed')))).toBe('Export failed: IPC closed');
  });
});
