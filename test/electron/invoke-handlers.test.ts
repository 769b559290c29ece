// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createInvokeHandlers, PathGrants, type DialogPort } from '../../electron/invoke-handlers';
import { RecentFiles } from '../../electron/recent-files';
import { RecoveryStore } from '../../electron/recovery-store';
import { topologyText, withTempDir } from './helpers';

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function setup(dir: string, answers: Partial<Record<keyof DialogPort, string | undefined>> = {}) {
  const dialogs: DialogPort = {
    chooseDocumentToOpen: vi.fn(async () => answers.chooseDocumentToOpen),
    chooseDocumentSavePath: vi.fn(async () => answers.chooseDocumentSavePath),
    chooseExportFolder: vi.fn(async () => answers.chooseExportFolder),
    chooseZipSavePath: vi.fn(async () => answers.chooseZipSavePath),
    chooseImageSavePath: vi.fn(async () => answers.chooseImageSavePath),
  };
  const recent = new RecentFiles(join(dir, 'recent-files.json'));
  await recent.load();
  const grants = new PathGrants(recent);
  const window = { setState: vi.fn(), closeDecision: vi.fn(() => true) };
  const onRecentChanged = vi.fn();
  const handlers = createInvokeHandlers({ dialogs, recent, recovery: new RecoveryStore(dir, () => new Date(0)), grants, window, onRecentChanged });
  return { handlers, dialogs, recent, grants, window, onRecentChanged };
}

describe('file:save', () => {
  it('asks for a path, adds .json, saves, and remembers the file', async () => {
    await withTempDir(async (dir) => {
      const { handlers, recent, onRecentChanged } = await setup(dir, { chooseDocumentSavePath: join(dir, 'lab') });
      expect(await handlers['file:save']({ text: topologyText() })).toEqual({ status: 'saved', path: join(dir, 'lab.json') });
      expect(await fs.readFile(join(dir, 'lab.json'), 'utf8')).toBe(topologyText());
      expect(recent.list()).toEqual([join(dir, 'lab.json')]);
      expect(onRecentChanged).toHaveBeenCalled();
      // Saving again to the same path needs no dialog.
      expect(await handlers['file:save']({ path: join(dir, 'lab.json'), text: topologyText('Second') })).toEqual({ status: 'saved', path: join(dir, 'lab.json') });
    });
  });

  it('never writes a broken document', async () => {
    await withTempDir(async (dir) => {
      const { handlers, dialogs } = await setup(dir, { chooseDocumentSavePath: join(dir, 'lab.json') });
      await handlers['file:save']({ text: topologyText('Good') });
      for (const broken of ['{"formatVersion": 2, "gateways": "oops"}', '{"formatVersion": 1, "gateways": "oops"}', topologyText().slice(0, 30)]) {
        expect((await handlers['file:save']({ path: join(dir, 'lab.json'), text: broken })).status, broken).toBe('error');
      }
      expect(await fs.readFile(join(dir, 'lab.json'), 'utf8')).toBe(topologyText('Good'));
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledTimes(1);
    });
  });

  it('refuses a path the user never chose (a compromised page cannot overwrite files)', async () => {
    await withTempDir(async (dir) => {
      const { handlers } = await setup(dir);
      const target = join(dir, 'bashrc');
      await fs.writeFile(target, 'untouched');
      const r = await handlers['file:save']({ path: target, text: topologyText() });
      expect(r).toEqual({ status: 'error', message: expect.stringMatching(/was not chosen in IPsec Studio/) });
      expect(await fs.readFile(target, 'utf8')).toBe('untouched');
    });
  });

  it('reports a cancelled dialog', async () => {
    await withTempDir(async (dir) => {
      const { handlers } = await setup(dir);
      expect(await handlers['file:save']({ text: topologyText() })).toEqual({ status: 'cancelled' });
    });
  });
});

describe('file:open', () => {
  it('opens the chosen file, and refuses paths never chosen', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText());
      const { handlers, grants } = await setup(dir, { chooseDocumentToOpen: path });
      expect(await handlers['file:open']({})).toEqual({ status: 'opened', path, text: topologyText() });
      const other = join(dir, 'other.json');
      await fs.writeFile(other, topologyText());
      expect(await handlers['file:open']({ path: other })).toMatchObject({ status: 'error' });
      grants.grant(other); // e.g. dropped on the window
      expect(await handlers['file:open']({ path: other })).toMatchObject({ status: 'opened', path: other });
    });
  });

  it('gives the loader message for a bad file, and drops a vanished file from the recent list', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText());
      const { handlers, recent } = await setup(dir, { chooseDocumentToOpen: path });
      await handlers['file:open']({});
      await fs.writeFile(path, '{"formatVersion": 99}');
      expect(await handlers['file:open']({ path })).toEqual({ status: 'error', message: expect.stringContaining('newer IPsec Studio') });
      await fs.rm(path);
      expect(await handlers['file:open']({ path })).toEqual({ status: 'error', message: '"lab.json" was not found: was it moved or deleted?' });
      expect(recent.list()).toEqual([]);
    });
  });
});

describe('recovery, export, image and window channels', () => {
  it('round-trips the recovery copy', async () => {
    await withTempDir(async (dir) => {
      const { handlers } = await setup(dir);
      expect(await handlers['recovery:write']({ text: topologyText('Draft') })).toEqual({ ok: true });
      expect(await handlers['recovery:read']({})).toEqual({ status: 'found', text: topologyText('Draft'), savedAt: '1970-01-01T00:00:00.000Z' });
      expect(await handlers['recovery:clear']({})).toEqual({ ok: true });
      expect(await handlers['recovery:read']({})).toEqual({ status: 'none' });
    });
  });

  it('exports to a folder and to a zip', async () => {
    await withTempDir(async (dir) => {
      await fs.mkdir(join(dir, 'out'));
      const files = [{ name: 'hq-fw.txt', content: 'set vpn' }, { name: 'branch.conf', content: 'conn x' }];
      const folder = await setup(dir, { chooseExportFolder: join(dir, 'out'), chooseZipSavePath: join(dir, 'export') });
      expect(await folder.handlers['export:save']({ files, as: 'folder' })).toEqual({ status: 'saved', path: join(dir, 'out') });
      expect((await fs.readdir(join(dir, 'out'))).sort()).toEqual(['branch.conf', 'hq-fw.txt']);
      expect(await folder.handlers['export:save']({ files, as: 'zip' })).toEqual({ status: 'saved', path: join(dir, 'export.zip') });
      const zip = await JSZip.loadAsync(await fs.readFile(join(dir, 'export.zip')));
      expect(await zip.file('hq-fw.txt')?.async('string')).toBe('set vpn');
      expect(await folder.handlers['export:save']({ files: [files[0]!, files[0]!], as: 'folder' })).toMatchObject({ status: 'error' });
    });
  });

  it('saves PNG and SVG images and refuses data that is neither', async () => {
    await withTempDir(async (dir) => {
      const { handlers } = await setup(dir, { chooseImageSavePath: join(dir, 'canvas') });
      expect(await handlers['image:save']({ format: 'png', data: PNG_1x1, suggestedName: 'canvas.png' })).toEqual({ status: 'saved', path: join(dir, 'canvas.png') });
      expect((await fs.readFile(join(dir, 'canvas.png'))).subarray(1, 4).toString()).toBe('PNG');
      expect(await handlers['image:save']({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', suggestedName: 'c.svg' })).toEqual({ status: 'saved', path: join(dir, 'canvas.svg') });
      expect(await handlers['image:save']({ format: 'png', data: 'aGVsbG8=', suggestedName: 'x.png' })).toEqual({ status: 'error', message: 'Image not saved: the data is not a PNG image.' });
      expect(await handlers['image:save']({ format: 'svg', data: '<html>', suggestedName: 'x.svg' })).toMatchObject({ status: 'error' });
    });
  });

  it('passes window state and close decisions to the window', async () => {
    await withTempDir(async (dir) => {
      const { handlers, window } = await setup(dir);
      await handlers['window:state']({ title: 'Lab', dirty: true });
      expect(window.setState).toHaveBeenCalledWith('Lab', true);
      expect(await handlers['window:close-decision']({ decision: 'discard' })).toEqual({ ok: true });
      expect(window.closeDecision).toHaveBeenCalledWith('discard');
    });
  });
});
