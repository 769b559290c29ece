// The typed handlers behind every invoke channel. They run only after ipc-main.ts has checked the
// sender and the payload. Native dialogs, the window and the stores are passed in, so tests
// drive these handlers with plain objects.
//
// A path coming from the renderer is honoured only if the user chose it: in a dialog, by
// dropping the file, from the OS (open-file / command line), or from the recent list. A
// compromised page therefore cannot read or overwrite arbitrary files by naming them.
import { extname } from 'node:path';
import type { InvokeHandlers, InvokeRequest } from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicFs } from './atomic-write';
import type { CloseDecision } from './close-guard';
import { ioErrorMessage, readDocumentFile, writeDocumentFile } from './document-files';
import { buildExportZip, writeExportFolder } from './export-writer';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';

export interface DialogPort {
  /** Open dialog for a topology file; undefined when cancelled. */
  chooseDocumentToOpen(): Promise<string | undefined>;
  chooseDocumentSavePath(suggestedName: string): Promise<string | undefined>;
  chooseExportFolder(): Promise<string | undefined>;
  chooseZipSavePath(suggestedName: string): Promise<string | undefined>;
  chooseImageSavePath(format: 'png' | 'svg', suggestedName: string): Promise<string | undefined>;
}

export interface WindowPort {
  setState(title: string, dirty: boolean): void;
  closeDecision(decision: CloseDecision): boolean;
}

/** Paths the user chose; see the note at the top of this file. */
export class PathGrants {
  private readonly granted = new Set<string>();

  constructor(private readonly recent?: Pick<RecentFiles, 'has'>) {}

  grant(path: string): void {
    this.granted.add(path);
  }

  isGranted(path: string): boolean {
    return this.granted.has(path) || (this.recent?.has(path) ?? false);
  }
}

export interface HandlerDeps {
  dialogs: DialogPort;
  window: WindowPort;
  recent: RecentFiles;
  recovery: RecoveryStore;
  grants: PathGrants;
  /** Called after the recent list changed (to rebuild the Open Recent menu). */
  onRecentChanged?: () => void;
  fs?: AtomicFs;
}

export const DOCUMENT_EXTENSION = '.json';

/** Adds `ext` when the chosen name has no extension (Linux save dialogs do not add one). */
export function withExtension(path: string, ext: string): string {
  return extname(path) === '' ? `${path}${ext}` : path;
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
  const { dialogs, recent, recovery, grants } = deps;
  const remember = async (path: string): Promise<void> => {
    grants.grant(path);
    try {
      await recent.add(path);
    } catch {
      // The recent list is a convenience; failing to store it must not fail the open or save.
    }
    deps.onRecentChanged?.();
  };

  return {
    'file:open': async ({ path: requested }) => {
      let path = requested;
      if (path === undefined) {
        path = await dialogs.chooseDocumentToOpen();
        if (path === undefined) return { status: 'cancelled' };
        grants.grant(path);
      } else if (!grants.isGranted(path)) {
        return { status: 'error', message: 'This file was not chosen in IPsec Studio; open it with File › Open….' };
      }
      const read = await readDocumentFile(path, deps.fs);
      if (!read.ok) {
        if (read.code === 'NOT_FOUND' && recent.has(path)) {
          await recent.remove(path).catch(() => undefined);
          deps.onRecentChanged?.();
        }
        return { status: 'error', message: read.message };
      }
      await remember(path);
      return { status: 'opened', path, text: read.text };
    },

    'file:save': async ({ path: requested, text, suggestedName }) => {
      let path = requested;
      if (path === undefined) {
        const chosen = await dialogs.chooseDocumentSavePath(suggestedName ?? `topology${DOCUMENT_EXTENSION}`);
        if (chosen === undefined) return { status: 'cancelled' };
        path = withExtension(chosen, DOCUMENT_EXTENSION);
        grants.grant(path);
      } else if (!grants.isGranted(path)) {
        return { status: 'error', message: 'This file was not chosen in IPsec Studio; use File › Save As… to pick where to save.' };
      }
      const written = await writeDocumentFile(path, text, deps.fs ? { fs: deps.fs } : {});
      if (!written.ok) return { status: 'error', message: written.message };
      await remember(path);
      return { status: 'saved', path };
    },

    'file:recent': async () => ({ paths: [...recent.list()] }),

    'recovery:write': async ({ text, path }) => ({ ok: await recovery.write(text, path) }),

    'recovery:read': async () => {
      const found = await recovery.read();
      // The user gets this document back, so its original path may be saved to again.
      if (found.status === 'found' && found.path) grants.grant(found.path);
      return found;
    },

    'recovery:clear': async () => ({ ok: await recovery.clear() }),

    'export:save': async ({ files, as }) => {
      if (as === 'folder') {
        const folder = await dialogs.chooseExportFolder();
        if (folder === undefined) return { status: 'cancelled' };
        const written = await writeExportFolder(folder, files, deps.fs ? { fs: deps.fs } : {});
        return written.ok ? { status: 'saved', path: folder } : { status: 'error', message: written.message };
      }
      const chosen = await dialogs.chooseZipSavePath('ipsec-studio-export.zip');
      if (chosen === undefined) return { status: 'cancelled' };
      const path = withExtension(chosen, '.zip');
      const zip = await buildExportZip(files);
      if (!zip.ok) return { status: 'error', message: zip.message };
      try {
        await writeFileAtomic(path, zip.bytes, deps.fs ? { fs: deps.fs } : {});
      } catch (error) {
        return { status: 'error', message: ioErrorMessage('write', path, error) };
      }
      return { status: 'saved', path };
    },

    'image:save': async (request) => {
      const image = decodeImage(request);
      if (!image.ok) return { status: 'error', message: image.message };
      const chosen = await dialogs.chooseImageSavePath(request.format, request.suggestedName);
      if (chosen === undefined) return { status: 'cancelled' };
      const path = withExtension(chosen, `.${request.format}`);
      try {
        await writeFileAtomic(path, image.bytes, deps.fs ? { fs: deps.fs } : {});
      } catch (error) {
        return { status: 'error', message: ioErrorMessage('write', path, error) };
      }
      return { status: 'saved', path };
    },

    'window:state': async ({ title, dirty }) => {
      deps.window.setState(title, dirty);
      return { ok: true };
    },

    'window:close-decision': async ({ decision }) => ({ ok: deps.window.closeDecision(decision) }),
  };
}
