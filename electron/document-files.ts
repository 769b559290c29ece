// Reading and writing topology files on disk. Reading refuses oversized files before reading
// them, refuses bytes that are not UTF-8 text, and validates the document, so the renderer only
// ever receives a whole valid topology or one clear message. Writing refuses text that is not a
// valid topology, then replaces the file atomically.
import { basename } from 'node:path';
import { decodeDocumentBytes, describeErrors, fileTooLarge, MAX_FILE_BYTES, type FileError, type FileErrorCode } from '../shared/model/file';
import { loadDocumentText } from '../shared/document/file';
import { nodeAtomicFs, SaveRefused, writeFileAtomic, type AtomicFs, type AtomicIo } from './atomic-write';

/** Stable codes for why a file was not opened; the loader's own codes pass through. */
export type ReadErrorCode = 'NOT_FOUND' | 'NO_PERMISSION' | 'IS_FOLDER' | 'NOT_TEXT' | 'IO_ERROR' | FileErrorCode;
export type ReadResult = { ok: true; text: string } | { ok: false; code: ReadErrorCode; message: string };
export type WriteResult = { ok: true } | { ok: false; message: string };

export type DocumentFs = Pick<AtomicFs, 'stat' | 'readFile'>;

const defaultFs: DocumentFs = nodeAtomicFs;

function errnoOf(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A file name for a message: the base name, shortened when it is very long. */
function shown(path: string): string {
  const name = basename(path);
  return name.length > 80 ? `${name.slice(0, 60)}…${name.slice(-12)}` : name;
}

/** A sentence for an I/O error a person can act on: what happened, that nothing was lost, what to do. */
export function ioErrorMessage(verb: 'open' | 'save' | 'write', path: string, error: unknown): string {
  const name = shown(path);
  const unchanged = verb === 'open' ? '' : ' The previous version of the file is unchanged.';
  const elsewhere = verb === 'open' ? '' : verb === 'save' ? ' Use Save As to save it somewhere else.' : ' Choose another place.';
  if (error instanceof SaveRefused) {
    switch (error.code) {
      case 'READ_ONLY':
        return `"${name}" is read-only, so it was not ${verb === 'save' ? 'saved' : 'written'}. Make it writable (its Properties or Get Info, or chmod u+w), or use Save As to save a copy under another name.`;
      case 'NOT_OWNER':
        return `Could not ${verb} "${name}": it belongs to another user, and saving would make it yours.${unchanged} Use Save As to save a copy, or ask its owner to save it.`;
      case 'DANGLING_LINK':
        return `Could not ${verb} "${name}": it is a link to a file that does not exist. Fix or remove the link, or use Save As to choose another file.`;
      case 'NOT_A_FILE':
        return `Could not ${verb} "${name}": it is not a regular file (a device or a pipe).${elsewhere}`;
    }
  }
  switch (errnoOf(error)) {
    case 'ENOENT':
      return verb === 'open' ? `"${name}" was not found: was it moved or deleted?` : `Could not ${verb} "${name}": the folder does not exist.${elsewhere}`;
    case 'EACCES':
    case 'EPERM':
      return verb === 'open' ? `Could not open "${name}": permission denied. Ask the file's owner to let you read it.` : `Could not ${verb} "${name}": permission denied (you may not write into its folder).${unchanged}${elsewhere}`;
    case 'EISDIR':
      return `Could not ${verb} "${name}": it is a folder, not a file.${verb === 'save' ? ' Use Save As and choose a file name.' : ''}`;
    case 'ENOSPC':
      return `Could not ${verb} "${name}": the disk is full.${unchanged} Free some space and try again${verb === 'open' ? '' : ', or use Save As to save on another disk'}.`;
    case 'EDQUOT':
      return `Could not ${verb} "${name}": your disk quota is used up.${unchanged} Free some space and try again.`;
    case 'EROFS':
      return `Could not ${verb} "${name}": the disk is read-only.${unchanged}${verb === 'save' ? ' Use Save As to save it on another disk.' : ''}`;
    case 'ENAMETOOLONG':
      return `Could not ${verb} "${name}": the name is too long for this disk.${unchanged}${verb === 'open' ? '' : ' Use Save As with a shorter name.'}`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return verb === 'open' ? `Could not open "${name}": ${detail}` : `Could not ${verb} "${name}": ${detail}.${unchanged}`;
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
  // One decoding for the desktop and the command line (shared/model/file.ts): the size before
  // anything is decoded (the file may have grown since stat), bytes that are not UTF-8 refused.
  const decoded = decodeDocumentBytes(bytes);
  if (!decoded.ok) {
    return decoded.code === 'NOT_TEXT'
      ? { ok: false, code: 'NOT_TEXT', message: `"${basename(path)}" is not a text file (it contains bytes that are not UTF-8), so it cannot be an IPsec Studio topology. Nothing was loaded.` }
      : { ok: false, code: decoded.code, message: `"${basename(path)}": ${decoded.summary}` };
  }
  const loaded = loadDocumentText(decoded.text, bytes.byteLength);
  if (!loaded.ok) return { ok: false, code: loaded.code, message: `"${basename(path)}": ${loaded.summary}${loadErrorDetails(loaded.code, loaded.errors)}` };
  return { ok: true, text: decoded.text };
}

/**
 * The loader's error list, for a file that claims to be a topology (it has a format version):
 * then each error's place in it helps. A file that is not JSON or not a topology gets the
 * summary only, so a message never quotes what some other file holds (a parser's detail
 * quotes its first characters; a path names its keys).
 */
function loadErrorDetails(code: FileErrorCode, errors: readonly FileError[]): string {
  switch (code) {
    case 'INVALID_DOCUMENT':
    case 'UNKNOWN_FORMAT':
    case 'NEWER_FORMAT':
      return `\n${describeErrors(errors)}`;
    case 'FORBIDDEN_KEY':
      // The key is one of the few refused names; where it sits would name the file's own keys.
      return errors[0] ? `\n${errors[0].message}` : '';
    default:
      return '';
  }
}

function tooLarge(path: string, size: number): ReadResult {
  return { ok: false, code: 'FILE_TOO_LARGE', message: `"${basename(path)}": ${fileTooLarge(size).summary}` };
}

/** Validates the text as a topology, then writes it atomically. */
export async function writeDocumentFile(path: string, text: string, io: AtomicIo = {}): Promise<WriteResult> {
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
    await writeFileAtomic(path, text, io);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: ioErrorMessage('save', path, error) };
  }
}
