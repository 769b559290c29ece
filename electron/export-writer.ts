// Writing generated exports: either each file into a folder the user picked, or one zip archive.
// File names were already checked by the IPC contract (no separators, no leading dot, no Windows
// device names); the writer checks again, refuses duplicates and anything that would leave the
// folder, and checks every name before writing the first file.
import JSZip from 'jszip';
import { basename, join } from 'node:path';
import { portableFileNameProblem } from '../shared/ipc/file-names';
import { writeFileAtomic, type AtomicIo } from './atomic-write';
import { ioErrorMessage } from './document-files';

export interface ExportFile {
  name: string;
  content: string;
}

export type ExportWriteResult = { ok: true } | { ok: false; message: string };

function checkNames(files: readonly ExportFile[]): string | undefined {
  const seen = new Set<string>();
  for (const f of files) {
    if (basename(f.name) !== f.name || f.name === '.' || f.name === '..') return `"${f.name}" is not a plain file name.`;
    const problem = portableFileNameProblem(f.name);
    if (problem) return `${problem} Rename the gateway it is written for and export again.`;
    const key = f.name.toLowerCase();
    if (seen.has(key)) return `Two exported files are both named "${f.name}".`;
    seen.add(key);
  }
  return undefined;
}

export async function writeExportFolder(folder: string, files: readonly ExportFile[], io: AtomicIo = {}): Promise<ExportWriteResult> {
  const bad = checkNames(files);
  if (bad) return { ok: false, message: `Export not written: ${bad}` };
  for (const f of files) {
    try {
      await writeFileAtomic(join(folder, f.name), f.content, io);
    } catch (error) {
      return { ok: false, message: `Export stopped at "${f.name}": ${ioErrorMessage('write', join(folder, f.name), error)}` };
    }
  }
  return { ok: true };
}

/** A zip of the files, deterministic (fixed dates) so the same export gives the same bytes. */
export async function buildExportZip(files: readonly ExportFile[]): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const bad = checkNames(files);
  if (bad) return { ok: false, message: `Export not written: ${bad}` };
  const zip = new JSZip();
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const f of files) zip.file(f.name, f.content, { date });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { ok: true, bytes };
}
