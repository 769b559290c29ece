// Reading and writing topology files on disk. Reading refuses oversized files before reading
// them, refuses bytes that are not UTF-8 text, and validates the document, so the renderer only
// ever receives a whole valid topology or one clear message. Writing refuses text that is not a
// valid topology, then replaces the file atomically.
import * as nodeFs from 'node:fs/promises';
import { basename } from 'node:path';
import { describeErrors, loadDocumentText, MAX_FILE_BYTES, type FileErrorCode } from '../shared/model/file';
import { writeFileAtomic, type AtomicFs } from './atomic-write';

/** Stable codes for why a file was not opened; the loader's own codes pass through. */
export type ReadErrorCode = 'NOT_FOUND' | 'NO_PERMISSION' | 'IS_FOLDER' | 'NOT_TEXT' | 'IO_ERROR' | FileErrorCode;
export type ReadResult = { ok: true; text: string } | { ok: false; code: ReadErrorCode; message: string };
export type WriteResult = { ok: true } | { ok: false; message: string };

export interface DocumentFs extends AtomicFs {
  readFile: typeof nodeFs.readFile;
}

const defaultFs: DocumentFs = { open: nodeFs.open, rename: nodeFs.rename, unlink: nodeFs.unlink, stat: nodeFs.stat, readFile: nodeFs.readFile };

function errnoOf(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A sentence for an I/O error a person can act on. */
export function ioErrorMessage(verb: 'open' | 'save' | 'write', path: string, error: unknown): string {
  const name = basename(path);
  switch (errnoOf(error)) {
    case 'ENOENT':
      return verb === 'open' ? `"${name}" was not found: was it moved or deleted?` : `Could not ${verb} "${name}": the folder does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${verb} "${name}": permission denied.`;
    case 'EISDIR':
      return `Could not ${verb} "${name}": it is a folder, not a file.`;
    case 'ENOSPC':
      return `Could not ${verb} "${name}": the disk is full. The previous version of the file is unchanged.`;
    case 'EROFS':
      return `Could not ${verb} "${name}": the disk is read-only.`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return verb === 'open' ? `Could not open "${name}": ${detail}` : `Could not ${verb} "${name}": ${detail}. The previous version of the file is unchanged.`;
    }
  }
}

function readErrorCode(error: unknown): ReadErrorCode {
  switch (errnoOf(error)) {
    case 'ENOENT':
      return 'NOT_FOUND';
    case 'EACCES':
    case 'EPERM':
      return 'NO_PERMISSION';
    case 'EISDIR':
      return 'IS_FOLDER';
    default:
      return 'IO_ERROR';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and validates a topology file. Never throws for a user's file. */
export async function readDocumentFile(path: string, fs: DocumentFs = defaultFs): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const info = await fs.stat(path);
    if (info.isDirectory()) return { ok: false, code: 'IS_FOLDER', message: `Could not open "${basename(path)}": it is a folder, not a file.` };
    if (info.size > MAX_FILE_BYTES) return tooLarge(path, info.size);
    bytes = await fs.readFile(path);
  } catch (error) {
    return { ok: false, code: readErrorCode(error), message: ioErrorMessage('open', path, error) };
  }
  // The file may have grown between stat and read.
  if (bytes.byteLength > MAX_FILE_BYTES) return tooLarge(path, bytes.byteLength);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, code: 'NOT_TEXT', message: `"${basename(path)}" is not a text file (it contains bytes that are not UTF-8), so it cannot be an IPsec Studio topology. Nothing was loaded.` };
  }
  const loaded = loadDocumentText(text, bytes.byteLength);
  if (!loaded.ok) return { ok: false, code: loaded.code, message: `"${basename(path)}": ${loaded.summary}\n${describeErrors(loaded.errors)}` };
  return { ok: true, text };
}

function tooLarge(path: string, size: number): ReadResult {
  // loadDocumentText refuses on the byte length alone, before decoding anything.
  const result = loadDocumentText('', size);
  return { ok: false, code: 'FILE_TOO_LARGE', message: `"${basename(path)}": ${result.ok ? 'file too large' : result.summary}` };
}

/** Validates the text as a topology, then writes it atomically. */
export async function writeDocumentFile(path: string, text: string, fs: DocumentFs = defaultFs): Promise<WriteResult> {
  const loaded = loadDocumentText(text);
  if (!loaded.ok) {
    return { ok: false, message: `Not saved: the document is not a valid topology (${loaded.summary}).\n${describeErrors(loaded.errors)}` };
  }
  // The renderer always writes the current format; older text would be rewritten by migrations
  // on the next load, so it is refused rather than saved as something it is not.
  if (loaded.migratedFrom !== undefined) {
    return { ok: false, message: `Not saved: the document is in file format ${loaded.migratedFrom}; IPsec Studio writes format ${loaded.document.formatVersion}.` };
  }
  try {
    await writeFileAtomic(path, text, fs);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: ioErrorMessage('save', path, error) };
  }
}
