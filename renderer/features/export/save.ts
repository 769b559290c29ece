// Saving exported files: in the desktop app through the `export:save` IPC (a folder or a zip the
// user picks in a native dialog); in a browser as a downloaded zip built with jszip (or the one
// file itself). Copying goes through the async clipboard, with a textarea fallback.
import JSZip from 'jszip';
import type { ExportFile } from '../../../shared/vendors/kit/export/types';
import { download } from '../../platform/browser-platform';

export type SaveOutcome = { status: 'saved'; where: string } | { status: 'cancelled' } | { status: 'error'; message: string };

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.ipsecStudio !== undefined;
}

/** A zip with fixed dates, so the same export gives the same bytes. */
export async function buildZip(files: readonly ExportFile[]): Promise<Blob> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const f of files) zip.file(f.name, f.content, { date });
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE', mimeType: 'application/zip' });
}

export async function saveFiles(files: readonly ExportFile[], as: 'folder' | 'zip', zipName: string): Promise<SaveOutcome> {
  if (files.length === 0) return { status: 'error', message: 'Nothing to save.' };
  const api = window.ipsecStudio;
  if (api) {
    try {
      const r = await api.invoke('export:save', { files: files.map((f) => ({ name: f.name, content: f.content })), as });
      return r.status === 'saved' ? { status: 'saved', where: r.name } : r;
    } catch (e) {
      // A refused or failed call (e.g. a file name the contract does not accept) is shown, not lost.
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }
  try {
    if (files.length === 1 && as === 'folder') {
      const f = files[0] as ExportFile;
      download(new Blob([f.content], { type: 'text/plain' }), f.name);
      return { status: 'saved', where: f.name };
    }
    download(await buildZip(files), zipName);
    return { status: 'saved', where: zipName };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
