// The typed handlers behind every invoke channel. They run only after ipc-main.ts has checked the
// sender and the payload. Native dialogs, the window and the stores are passed in, so tests
// drive these handlers with plain objects.
//
// No request names a path (see shared/ipc/contract.ts). The files these handlers read or write
// are: what the user picks in a native dialog, the file a token stands for (handed over by the
// OS, a drop or Open Recent; see document-session.ts), the current document's file main
// remembers, and the stores in userData. A compromised page can therefore not read or overwrite
// a file by naming it.
import { extname } from 'node:path';
import type { InvokeHandlers, InvokeRequest } from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicIo } from './atomic-write';
import type { CloseDecision } from './close-guard';
import { ioErrorMessage, readDocumentFile, writeDocumentFile } from './document-files';
import { displayName, type DocumentSession } from './document-session';
import { buildExportZip, writeExportFolder } from './export-writer';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';

export interface DialogPort {
  /** Open dialog for a topology file; undefined when cancelled. */
  chooseDocumentToOpen(): Promise<string | undefined>;
  /** `suggestedName` is a plain file name (see safeFileName), never a folder. */
  chooseDocumentSavePath(suggestedName: string): Promise<string | undefined>;
  chooseExportFolder(): Promise<string | undefined>;
  chooseZipSavePath(suggestedName: string): Promise<string | undefined>;
  chooseImageSavePath(format: 'png' | 'svg', suggestedName: string): Promise<string | undefined>;
}

export interface WindowPort {
  setState(title: string, dirty: boolean): void;
  /** The renderer got the close request (it is alive and asking the user). */
  closeAck(): boolean;
  closeDecision(decision: CloseDecision): boolean;
}

export interface HandlerDeps {
  dialogs: DialogPort;
  window: WindowPort;
  recent: RecentFiles;
  recovery: RecoveryStore;
  session: DocumentSession;
  /** Called after the recent list changed (to rebuild the Open Recent menu). */
  onRecentChanged?: () => void;
  /** The file system and the temp-file journal every write goes through. */
  io?: AtomicIo;
}

export const DOCUMENT_EXTENSION = '.json';

/** Adds `ext` when the chosen name has no extension (Linux save dialogs do not add one). */
export function withExtension(path: string, ext: string): string {
  return extname(path) === '' ? `${path}${ext}` : path;
}

/**
 * The name a save dialog starts with, from what the page suggested: the last path segment only,
 * without characters no platform allows, no leading dots, at most 100 characters, with `ext`.
 * The dialog then opens in its usual folder, so a page cannot steer a quick Enter onto a file.
 */
export function safeFileName(suggested: string | undefined, fallback: string, ext: string): string {
  const last = (suggested ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  let name = last.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '').replace(/^[.\s]+/, '').trim().slice(0, 100).trim();
  if (!name || /^\.+$/.test(name)) name = fallback;
  return name.toLowerCase().endsWith(ext) ? name : `${name.replace(/\.+$/, '')}${ext}`;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function decodeImage(request: InvokeRequest<'image:save'>): { ok: true; bytes: string | Uint8Array } | { ok: false; message: string } {
  if (request.format === 'svg') {
    return /<svg[\s>]/.test(request.data.slice(0, 4096)) ? { ok: true, bytes: request.data } : { ok: false, message: 'Image not saved: the data is not an SVG document.' };
  }
  const base64 = request.data.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, message: 'Image not saved: the PNG data is not valid base64.' };
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return { ok: false, message: 'Image not saved: the data is not a PNG image.' };
  return { ok: true, bytes: new Uint8Array(bytes) };
}

export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  const { dialogs, recent, recovery, session } = deps;
  const io = deps.io ?? {};
  const remember = async (path: string): Promise<void> => {
    try {
      await recent.add(path);
    } catch {
      // The recent list is a convenience; failing to store it must not fail the open or save.
    }
    deps.onRecentChanged?.();
  };

  return {
    'file:open': async ({ token }) => {
      let path: string | undefined;
      if (token === undefined) {
        path = await dialogs.chooseDocumentToOpen();
        if (path === undefined) return { status: 'cancelled' };
      } else {
        path = session.take(token);
        if (path === undefined) return { status: 'error', message: 'This file is no longer waiting to be opened. Open it again with File › Open… or File › Open Recent.' };
      }
      const read = await readDocumentFile(path, io.fs);
      if (!read.ok) {
        if (read.code === 'NOT_FOUND' && recent.has(path)) {
          await recent.remove(path).catch(() => undefined);
          deps.onRecentChanged?.();
        }
        return { status: 'error', message: read.message };
      }
      // The document this replaces was saved or given up (the renderer asked first).
      session.adopt(path);
      await recovery.clear();
      await remember(path);
      return { status: 'opened', name: displayName(path), text: read.text };
    },

    'file:save': async ({ text, saveAs, suggestedName }) => {
      let path = saveAs ? undefined : session.current;
      if (path === undefined) {
        const chosen = await dialogs.chooseDocumentSavePath(safeFileName(suggestedName, 'topology', DOCUMENT_EXTENSION));
        if (chosen === undefined) return { status: 'cancelled' };
        path = withExtension(chosen, DOCUMENT_EXTENSION);
      }
      const written = await writeDocumentFile(path, text, io);
      if (!written.ok) return { status: 'error', message: written.message };
      session.adopt(path);
      // Saved: this session's recovery copy holds nothing the file does not.
      await recovery.clear();
      await remember(path);
      return { status: 'saved', name: displayName(path) };
    },

    'file:forget': async () => {
      session.forget();
      await recovery.clear();
      return { ok: true };
    },

    'recovery:write': async ({ text }) => recovery.write(text, session.current),

    'recovery:list': async () => ({ copies: await recovery.list() }),

    'recovery:restore': async ({ id }) => {
      const r = await recovery.restore(id);
      if (r.status === 'none') return r;
      // The copy is main's own record of its document's file: saving goes back there.
      if (r.path) session.adopt(r.path);
      else session.forget();
      return { status: 'restored', text: r.text, savedAt: r.savedAt, ...(r.path ? { name: displayName(r.path) } : {}) };
    },

    'recovery:discard': async ({ id }) => ({ ok: await recovery.discard(id) }),

    'recovery:clear': async () => ({ ok: await recovery.clear() }),

    'export:save': async ({ files, as }) => {
      if (as === 'folder') {
        const folder = await dialogs.chooseExportFolder();
        if (folder === undefined) return { status: 'cancelled' };
        const written = await writeExportFolder(folder, files, io);
        return written.ok ? { status: 'saved', name: displayName(folder) } : { status: 'error', message: written.message };
      }
      const chosen = await dialogs.chooseZipSavePath('ipsec-studio-export.zip');
      if (chosen === undefined) return { status: 'cancelled' };
      const path = withExtension(chosen, '.zip');
      const zip = await buildExportZip(files);
      if (!zip.ok) return { status: 'error', message: zip.message };
      try {
        await writeFileAtomic(path, zip.bytes, io);
      } catch (error) {
        return { status: 'error', message: ioErrorMessage('write', path, error) };
      }
      return { status: 'saved', name: displayName(path) };
    },

    'image:save': async (request) => {
      const image = decodeImage(request);
      if (!image.ok) return { status: 'error', message: image.message };
      const ext = `.${request.format}`;
      const chosen = await dialogs.chooseImageSavePath(request.format, safeFileName(request.suggestedName, 'canvas', ext));
      if (chosen === undefined) return { status: 'cancelled' };
      const path = withExtension(chosen, ext);
      try {
        await writeFileAtomic(path, image.bytes, io);
      } catch (error) {
        return { status: 'error', message: ioErrorMessage('write', path, error) };
      }
      return { status: 'saved', name: displayName(path) };
    },

    'window:state': async ({ title, dirty }) => {
      deps.window.setState(title, dirty);
      return { ok: true };
    },

    'window:close-ack': async () => ({ ok: deps.window.closeAck() }),

    'window:close-decision': async ({ decision }) => ({ ok: deps.window.closeDecision(decision) }),
  };
}
