// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DocumentSession } from '../../electron/document-session';
import { createInvokeHandlers, safeFileName, type DialogPort } from '../../electron/invoke-handlers';
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
  const session = new DocumentSession();
  const window = { setState: vi.fn(), closeAck: vi.fn(() => true), closeDecision: vi.fn(() => true) };
  const onRecentChanged = vi.fn();
  let ids = 0;
  const recovery = new RecoveryStore(join(dir, 'userData'), { now: () => new Date(0), newSessionId: () => (++ids).toString(16).padStart(16, '0') });
  const handlers = createInvokeHandlers({ dialogs, recent, recovery, session, window, onRecentChanged });
  return { handlers, dialogs, recent, session, window, onRecentChanged, recovery };
}

describe('file:save', () => {
  it('asks where (with a plain file name), adds .json, saves, remembers the file, and saves there again without asking', async () => {
    await withTempDir(async (dir) => {
      const { handlers, dialogs, recent, onRecentChanged, session } = await setup(dir, { chooseDocumentSavePath: join(dir, 'lab') });
      expect(await handlers['file:save']({ text: topologyText(), saveAs: false, suggestedName: '../../etc/lab.ipsec.json' })).toEqual({ status: 'saved', name: 'lab.json' });
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledWith('lab.ipsec.json');
      expect(await fs.readFile(join(dir, 'lab.json'), 'utf8')).toBe(topologyText());
      expect(recent.list()).toEqual([join(dir, 'lab.json')]);
      expect(session.current).toBe(join(dir, 'lab.json'));
      expect(onRecentChanged).toHaveBeenCalled();
      expect(await handlers['file:save']({ text: topologyText('Second'), saveAs: false })).toEqual({ status: 'saved', name: 'lab.json' });
      expect(await fs.readFile(join(dir, 'lab.json'), 'utf8')).toBe(topologyText('Second'));
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledTimes(1);
      // Save As asks again.
      await handlers['file:save']({ text: topologyText('Third'), saveAs: true });
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledTimes(2);
    });
  });

  it('never writes a broken document', async () => {
    await withTempDir(async (dir) => {
      const { handlers, dialogs } = await setup(dir, { chooseDocumentSavePath: join(dir, 'lab.json') });
      await handlers['file:save']({ text: topologyText('Good'), saveAs: false });
      for (const broken of ['{"formatVersion": 2, "gateways": "oops"}', '{"formatVersion": 1, "gateways": "oops"}', topologyText().slice(0, 30)]) {
        expect((await handlers['file:save']({ text: broken, saveAs: false })).status, broken).toBe('error');
      }
      expect(await fs.readFile(join(dir, 'lab.json'), 'utf8')).toBe(topologyText('Good'));
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledTimes(1);
    });
  });

  it('after file:forget (New), the next save asks where again', async () => {
    await withTempDir(async (dir) => {
      const { handlers, dialogs, session } = await setup(dir, { chooseDocumentSavePath: join(dir, 'lab.json') });
      await handlers['file:save']({ text: topologyText(), saveAs: false });
      expect(await handlers['file:forget']({})).toEqual({ ok: true });
      expect(session.current).toBeUndefined();
      await handlers['file:save']({ text: topologyText(), saveAs: false });
      expect(dialogs.chooseDocumentSavePath).toHaveBeenCalledTimes(2);
    });
  });

  it('reports a cancelled dialog', async () => {
    await withTempDir(async (dir) => {
      const { handlers } = await setup(dir);
      expect(await handlers['file:save']({ text: topologyText(), saveAs: false })).toEqual({ status: 'cancelled' });
    });
  });
});

describe('file:open', () => {
  it('opens the file picked in the dialog, naming it by its base name only', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText());
      const { handlers, session } = await setup(dir, { chooseDocumentToOpen: path });
      expect(await handlers['file:open']({})).toEqual({ status: 'opened', name: 'lab.json', text: topologyText() });
      expect(session.current).toBe(path);
    });
  });

  it('opens a file handed over outside a dialog through its token, once', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'dropped.json');
      await fs.writeFile(path, topologyText('Dropped'));
      const { handlers, session, dialogs } = await setup(dir);
      const offer = session.offer(path);
      expect(offer.name).toBe('dropped.json');
      expect(await handlers['file:open']({ token: offer.token })).toEqual({ status: 'opened', name: 'dropped.json', text: topologyText('Dropped') });
      expect(await handlers['file:open']({ token: offer.token })).toMatchObject({ status: 'error', message: expect.stringMatching(/no longer waiting/) });
      expect(await handlers['file:open']({ token: '0'.repeat(32) })).toMatchObject({ status: 'error' });
      expect(dialogs.chooseDocumentToOpen).not.toHaveBeenCalled();
    });
  });

  it('gives the loader message for a bad file, and drops a vanished file from the recent list', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText());
      const { handlers, recent, session } = await setup(dir, { chooseDocumentToOpen: path });
      await handlers['file:open']({});
      await fs.writeFile(path, '{"formatVersion": 99}');
      expect(await handlers['file:open']({ token: session.offer(path).token })).toEqual({ status: 'error', message: expect.stringContaining('newer IPsec Studio') });
      await fs.rm(path);
      expect(await handlers['file:open']({ token: session.offer(path).token })).toEqual({ status: 'error', message: '"lab.json" was not found: was it moved or deleted?' });
      expect(recent.list()).toEqual([]);
    });
  });
});

describe('recovery channels', () => {
  it('writes this session’s copy, and a later session lists, restores (taking it over) and the restored document saves to its file', async () => {
    await withTempDir(async (dir) => {
      const doc = join(dir, 'lab.json');
      await fs.writeFile(doc, topologyText('Saved'));
      const first = await setup(dir, { chooseDocumentToOpen: doc });
      await first.handlers['file:open']({});
      expect(await first.handlers['recovery:write']({ text: topologyText('Draft') })).toEqual({ ok: true });
      expect(await first.handlers['recovery:list']({})).toEqual({ copies: [] }); // its own copy is not "earlier"

      // The next session (the app crashed): a new store over the same userData.
      const next = await setup(dir);
      next.recovery.startNewSession();
      const { copies } = await next.handlers['recovery:list']({});
      expect(copies).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{16}$/), savedAt: '1970-01-01T00:00:00.000Z', name: 'lab.json' }]);
      const id = copies[0]!.id;
      expect(await next.handlers['recovery:restore']({ id })).toEqual({ status: 'restored', text: topologyText('Draft'), savedAt: '1970-01-01T00:00:00.000Z', name: 'lab.json' });
      expect(next.session.current).toBe(doc);
      expect(await next.handlers['recovery:restore']({ id })).toEqual({ status: 'none' });
      // Taken over: a third session still finds it (this one could crash too).
      const third = await setup(dir);
      third.recovery.startNewSession();
      third.recovery.startNewSession();
      expect((await third.handlers['recovery:list']({})).copies).toHaveLength(1);
      // Saving the restored document goes to its file and drops the copy.
      expect(await next.handlers['file:save']({ text: topologyText('Draft'), saveAs: false })).toEqual({ status: 'saved', name: 'lab.json' });
      expect(await fs.readFile(doc, 'utf8')).toBe(topologyText('Draft'));
      expect((await third.handlers['recovery:list']({})).copies).toEqual([]);
    });
  });

  it('discard deletes an earlier copy; clear deletes only this session’s own', async () => {
    await withTempDir(async (dir) => {
      const earlier = await setup(dir);
      await earlier.handlers['recovery:write']({ text: topologyText('Earlier') });
      const now = await setup(dir);
      now.recovery.startNewSession();
      now.recovery.startNewSession();
      await now.handlers['recovery:write']({ text: topologyText('Mine') });
      expect(await now.handlers['recovery:clear']({})).toEqual({ ok: true });
      const { copies } = await now.handlers['recovery:list']({});
      expect(copies).toHaveLength(1);
      expect(await now.handlers['recovery:discard']({ id: copies[0]!.id })).toEqual({ ok: true });
      expect((await now.handlers['recovery:list']({})).copies).toEqual([]);
    });
  });
});

describe('export, image and window channels', () => {
  it('exports to a folder and to a zip', async () => {
    await withTempDir(async (dir) => {
      await fs.mkdir(join(dir, 'out'));
      const files = [{ name: 'hq-fw.txt', content: 'set vpn' }, { name: 'branch.conf', content: 'conn x' }];
      const folder = await setup(dir, { chooseExportFolder: join(dir, 'out'), chooseZipSavePath: join(dir, 'export') });
      expect(await folder.handlers['export:save']({ files, as: 'folder' })).toEqual({ status: 'saved', name: 'out' });
      expect((await fs.readdir(join(dir, 'out'))).sort()).toEqual(['branch.conf', 'hq-fw.txt']);
      expect(await folder.handlers['export:save']({ files, as: 'zip' })).toEqual({ status: 'saved', name: 'export.zip' });
      const zip = await JSZip.loadAsync(await fs.readFile(join(dir, 'export.zip')));
      expect(await zip.file('hq-fw.txt')?.async('string')).toBe('set vpn');
      expect(await folder.handlers['export:save']({ files: [files[0]!, files[0]!], as: 'folder' })).toMatchObject({ status: 'error' });
    });
  });

  it('saves PNG and SVG images and refuses data that is neither', async () => {
    await withTempDir(async (dir) => {
      const { handlers, dialogs } = await setup(dir, { chooseImageSavePath: join(dir, 'canvas') });
      expect(await handlers['image:save']({ format: 'png', data: PNG_1x1, suggestedName: '/home/me/.bashrc' })).toEqual({ status: 'saved', name: 'canvas.png' });
      expect(dialogs.chooseImageSavePath).toHaveBeenCalledWith('png', 'bashrc.png');
      expect((await fs.readFile(join(dir, 'canvas.png'))).subarray(1, 4).toString()).toBe('PNG');
      expect(await handlers['image:save']({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', suggestedName: 'c.svg' })).toEqual({ status: 'saved', name: 'canvas.svg' });
      expect(await handlers['image:save']({ format: 'png', data: 'aGVsbG8=', suggestedName: 'x.png' })).toEqual({ status: 'error', message: 'Image not saved: the data is not a PNG image.' });
      expect(await handlers['image:save']({ format: 'svg', data: '<html>', suggestedName: 'x.svg' })).toMatchObject({ status: 'error' });
    });
  });

  it('passes window state, the close ack and close decisions to the window', async () => {
    await withTempDir(async (dir) => {
      const { handlers, window } = await setup(dir);
      await handlers['window:state']({ title: 'Lab', dirty: true });
      expect(window.setState).toHaveBeenCalledWith('Lab', true);
      expect(await handlers['window:close-ack']({})).toEqual({ ok: true });
      expect(await handlers['window:close-decision']({ decision: 'discard' })).toEqual({ ok: true });
      expect(window.closeDecision).toHaveBeenCalledWith('discard');
    });
  });
});

describe('safeFileName', () => {
  it.each([
    ['lab.ipsec.json', 'lab.ipsec.json'],
    ['../../etc/passwd', 'passwd.json'],
    ['C:\\Windows\\win.ini', 'win.ini.json'],
    ['.bashrc', 'bashrc.json'],
    ['..', 'topology.json'],
    ['', 'topology.json'],
    ['a\u0000b\nc.json', 'abc.json'],
    ['x'.repeat(300), `${'x'.repeat(100)}.json`],
    ['report...', 'report.json'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input, 'topology', '.json')).toBe(expected);
  });
});
