// @vitest-environment node
// The renderer's save and autosave: every failure is a message with its reason and the document
// stays dirty; the largest design (10,000 tunnels) goes through the real contract and main.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Editor } from '../../shared/commands/editor';
import { checkRequest, utf8ByteLength, type IpsecStudioApi } from '../../shared/ipc/contract';
import { emptyDocument } from '../../shared/model/document';
import { MAX_FILE_BYTES } from '../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../shared/document/file';
import { documentOf } from '../../shared/document/factory';
import { autosave, documentFileStem, FILE_STEM_MAX, saveDocument, suggestedFileName } from '../../renderer/app/file-flows';
import { createElectronPlatform } from '../../renderer/platform/electron-platform';
import type { Platform } from '../../renderer/platform/platform';
import { app, BrowserWindow, dialog, ipcMain, resetElectronMock } from '../mocks/electron';
import { bootstrap } from '../../electron/bootstrap';
import { largeDocument } from '../support/large-document';

vi.mock('electron', () => import('../mocks/electron'));

function dirtyEditor(): Editor {
  const editor = new Editor(emptyDocument());
  editor.dispatch({ type: 'document.rename', name: 'Lab' });
  return editor;
}
const opts = { saveAs: false, suggestedName: 'lab.ipsec.json' };
const platformWith = (saveFile: Platform['saveFile']) => ({ saveFile });

describe('the file name a save starts with', () => {
  it.each([
    ['PA-HQ to ASA-Branch', 'pa-hq-to-asa-branch.ipsec.json'],
    ['  ', 'topology.ipsec.json'],
    ['...hidden', 'hidden.ipsec.json'],
    ['Ünïcode only ✓✓ (accents kept as letters)', 'unicode-only-accents-kept-as-letters.ipsec.json'],
    ['name.', 'name.ipsec.json'],
  ])('%j gives %s', (name, expected) => {
    expect(suggestedFileName({ name }, undefined)).toBe(expected);
  });

  it('keeps a long name short, cut at a word: a 2,000-character name gives a name people can read', () => {
    const stem = documentFileStem({ name: 'Customer workshop '.repeat(120) });
    expect(stem.length).toBeLessThanOrEqual(FILE_STEM_MAX);
    expect(stem).toMatch(/^customer-workshop(-customer-workshop)*$/);
    expect(documentFileStem({ name: 'x'.repeat(2000) })).toBe('x'.repeat(FILE_STEM_MAX));
  });

  it('keeps the open file\'s own name', () => {
    expect(suggestedFileName({ name: 'Other' }, 'mine.ipsec.json')).toBe('mine.ipsec.json');
  });
});

describe('saveDocument', () => {
  it('an IPC rejection is a message with its reason, and the document stays dirty', async () => {
    const editor = dirtyEditor();
    const api = { platform: 'linux', on: () => () => undefined, invoke: async () => Promise.reject(new Error("Error invoking remote method 'file:save': IpcRefusedError: file:save: invalid text: the document is 31000000 bytes")) } as unknown as IpsecStudioApi;
    const r = await saveDocument(editor, createElectronPlatform(api), opts);
    expect(r).toEqual({ status: 'error', message: 'The document was not saved: file:save: invalid text: the document is 31000000 bytes' });
    expect(editor.dirty).toBe(true);
  });

  it('an error status passes through; the document stays dirty', async () => {
    const editor = dirtyEditor();
    const r = await saveDocument(editor, platformWith(async () => ({ status: 'error', message: 'Could not save "lab.json": the disk is full.' })), opts);
    expect(r).toEqual({ status: 'error', message: 'Could not save "lab.json": the disk is full.' });
    expect(editor.dirty).toBe(true);
  });

  it('an exception (in the platform or the serializer) is a message too', async () => {
    const editor = dirtyEditor();
    expect(await saveDocument(editor, platformWith(() => Promise.reject(new TypeError('boom'))), opts)).toEqual({ status: 'error', message: 'The save did not complete: boom' });
    const throwing = () => {
      throw new RangeError('Invalid string length');
    };
    expect(await saveDocument(editor, platformWith(async () => ({ status: 'saved', name: 'x' })), opts, throwing)).toEqual({ status: 'error', message: 'The save did not complete: Invalid string length' });
    expect(editor.dirty).toBe(true);
  });

  it('a cancel leaves it dirty; a save marks it saved', async () => {
    const editor = dirtyEditor();
    expect(await saveDocument(editor, platformWith(async () => ({ status: 'cancelled' })), opts)).toEqual({ status: 'cancelled' });
    expect(editor.dirty).toBe(true);
    expect(await saveDocument(editor, platformWith(async () => ({ status: 'saved', name: 'lab.json' })), opts)).toEqual({ status: 'saved', name: 'lab.json' });
    expect(editor.dirty).toBe(false);
  });

  it('an edit made while saving is not marked saved', async () => {
    const editor = dirtyEditor();
    const r = await saveDocument(
      editor,
      platformWith(async () => {
        editor.dispatch({ type: 'document.rename', name: 'Edited meanwhile' });
        return { status: 'saved', name: 'lab.json' };
      }),
      opts,
    );
    expect(r.status).toBe('saved');
    expect(editor.dirty).toBe(true);
  });

  it('a document too large to be a file is refused before sending, with its size and what to do', async () => {
    const editor = dirtyEditor();
    const send = vi.fn(async () => ({ status: 'saved' as const, name: 'x' }));
    const r = await saveDocument(editor, platformWith(send), opts, () => 'x'.repeat(MAX_FILE_BYTES + 1));
    expect(r).toEqual({ status: 'error', message: expect.stringMatching(/20\.0 MB as a file.*at most 20 MB.*Split the design/s) });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('autosave', () => {
  it('reports a failed write, a refused call and a document too large; null when written', async () => {
    const doc = documentOf({ name: 'Lab' });
    expect(await autosave(doc, undefined, { writeRecovery: async () => ({ ok: true }) })).toBeNull();
    expect(await autosave(doc, undefined, { writeRecovery: async () => ({ ok: false, message: 'The recovery copy could not be written (ENOSPC). Your changes are only in this window: save them.' }) })).toMatch(/ENOSPC/);
    expect(await autosave(doc, undefined, { writeRecovery: () => Promise.reject(new Error('refused')) })).toBe('The recovery copy was not written: refused');
    expect(await autosave(doc, undefined, { writeRecovery: async () => ({ ok: true }) }, () => 'é'.repeat(MAX_FILE_BYTES))).toMatch(/No recovery copy is kept.*MB/s);
  });
});

describe('the largest design, 10,000 tunnels, through the real contract and main', () => {
  let userData: string;
  beforeEach(async () => {
    resetElectronMock();
    userData = await mkdtemp(join(tmpdir(), 'ipsec-studio-large-'));
    app.userData = userData;
  });
  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  async function desktop() {
    await bootstrap({ info: () => undefined, warn: () => undefined, error: () => undefined });
    const win = BrowserWindow.all.at(-1)!;
    win.webContents.emit('did-finish-load');
    const sent: { channel: string; bytes: number }[] = [];
    const api: IpsecStudioApi = {
      platform: 'linux',
      on: () => () => undefined,
      invoke: (async (channel: string, request: unknown) => {
        const text = (request as { text?: unknown }).text;
        if (typeof text === 'string') sent.push({ channel, bytes: utf8ByteLength(text) });
        return ipcMain.invoke(channel, win.webContents, request);
      }) as IpsecStudioApi['invoke'],
    };
    return { platform: createElectronPlatform(api), sent };
  }

  it('saves and opens again, and autosaves, when its file text fits (compact JSON), never refused by the transport', { timeout: 120_000 }, async () => {
    const doc = largeDocument();
    const compact = (d: typeof doc) => JSON.stringify(d);
    expect(utf8ByteLength(compact(doc))).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const editor = new Editor(emptyDocument());
    editor.load(doc);
    editor.dispatch({ type: 'document.rename', name: 'Ten thousand tunnels, edited' });
    const { platform, sent } = await desktop();
    const target = join(userData, 'large.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await saveDocument(editor, platform, { saveAs: true, suggestedName: 'large.json' }, compact)).toEqual({ status: 'saved', name: 'large.json' });
    expect(editor.dirty).toBe(false);
    const written = await readFile(target, 'utf8');
    expect(written).toBe(compact(editor.document));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [target] });
    const opened = await platform.openFile();
    expect(opened).toMatchObject({ status: 'opened', name: 'large.json' });
    if (opened.status === 'opened') expect(loadDocumentText(opened.text).ok).toBe(true);
    expect(await autosave(editor.document, 'large.json', platform, compact)).toBeNull();
    expect(sent.map((s) => s.channel)).toEqual(['file:save', 'recovery:write']);
  });

  it('with the serializer as it is: saved, or refused with its size and what to do, never silently', { timeout: 120_000 }, async () => {
    const doc = largeDocument();
    const editor = new Editor(emptyDocument());
    editor.load(doc);
    editor.dispatch({ type: 'document.rename', name: 'Ten thousand tunnels, edited' });
    const { platform, sent } = await desktop();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(userData, 'large.json') });
    const r = await saveDocument(editor, platform, { saveAs: true, suggestedName: 'large.json' });
    const bytes = utf8ByteLength(serializeDocument(editor.document));
    if (bytes <= MAX_FILE_BYTES) {
      expect(r).toEqual({ status: 'saved', name: 'large.json' });
      expect(editor.dirty).toBe(false);
    } else {
      expect(r).toEqual({ status: 'error', message: expect.stringMatching(/MB as a file; IPsec Studio writes topology files of at most 20 MB/) });
      expect(editor.dirty).toBe(true);
      expect(sent).toEqual([]);
    }
    // Whatever the renderer sends stays within what the contract carries.
    for (const s of sent) expect(s.bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(checkRequest('file:save', { text: serializeDocument(documentOf({ name: 'x' })), saveAs: false }).ok).toBe(true);
  });
});
