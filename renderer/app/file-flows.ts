// Saving and autosaving the open document, without React: every way a save can fail (the
// document too large to be a file, a refused or failed IPC call, an error status, an exception)
// comes back as a message to show, and only what was really written is marked saved.
// use-file-flows.tsx shows the outcome; test/renderer/file-flows.test.ts drives these at the
// largest size.
import type { Editor } from '../../shared/commands/editor';
import { utf8ByteLength } from '../../shared/ipc/contract';
import type { TopologyDocument } from '../../shared/model/document';
import { MAX_FILE_BYTES } from '../../shared/model/file';
import { serializeDocument } from '../../shared/document/file';
import type { Platform, SaveResult } from '../platform/platform';

export type Serialize = (doc: TopologyDocument) => string;

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A file name made from the document's name: letters, digits, spaces, '_', '.', '-' ("topology" when none are left). */
/** At most this many characters before the extension: a file name people can read in a dialog. */
export const FILE_STEM_MAX = 60;

export function documentFileStem(doc: Pick<TopologyDocument, 'name'>): string {
  const stem = doc.name.normalize('NFKD').replace(/\p{M}+/gu, '').trim().replace(/[^A-Za-z0-9 _.-]+/g, '').replace(/\s+/g, '-').toLowerCase();
  // Cut long names at a word where one is near, and never leave a name that starts with a dot
  // (a hidden file) or ends in "-" or ".".
  let cut = stem.slice(0, FILE_STEM_MAX);
  const word = cut.lastIndexOf('-');
  if (stem.length > FILE_STEM_MAX && word >= FILE_STEM_MAX / 2) cut = cut.slice(0, word);
  return cut.replace(/^[.-]+/, '').replace(/[.-]+$/, '') || 'topology';
}

/** The name the save dialog starts with: the open file's, or one made from the document's name. */
export function suggestedFileName(doc: Pick<TopologyDocument, 'name'>, current: string | undefined): string {
  return current || `${documentFileStem(doc)}.ipsec.json`;
}

/** Why a document's text cannot be written as a file (too large), or undefined. */
export function tooLargeToSave(text: string): string | undefined {
  const bytes = utf8ByteLength(text);
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return `The document is ${(bytes / 1048576).toFixed(1)} MB as a file; IPsec Studio writes topology files of at most ${MAX_FILE_BYTES / 1048576} MB. Split the design into smaller topologies, or remove gateways and tunnels it does not need.`;
}

/** Serializes and saves the editor's document; marks it saved only if it did not change meanwhile. */
export async function saveDocument(
  editor: Pick<Editor, 'document' | 'markSaved'>,
  platform: Pick<Platform, 'saveFile'>,
  options: { saveAs: boolean; suggestedName: string },
  serialize: Serialize = serializeDocument,
): Promise<SaveResult> {
  const doc = editor.document;
  let r: SaveResult;
  try {
    const text = serialize(doc);
    const tooLarge = tooLargeToSave(text);
    r = tooLarge ? { status: 'error', message: tooLarge } : await platform.saveFile(text, options);
  } catch (e) {
    r = { status: 'error', message: `The save did not complete: ${reason(e)}` };
  }
  // An edit made during the save is not in the file: the document stays dirty.
  if (r.status === 'saved' && editor.document === doc) editor.markSaved();
  return r;
}

/** Writes the recovery copy of `doc`; the message to show when it could not be, else null. */
export async function autosave(doc: TopologyDocument, name: string | undefined, platform: Pick<Platform, 'writeRecovery'>, serialize: Serialize = serializeDocument): Promise<string | null> {
  try {
    const text = serialize(doc);
    const tooLarge = tooLargeToSave(text);
    if (tooLarge) return `No recovery copy is kept. ${tooLarge}`;
    const r = await platform.writeRecovery({ text, ...(name ? { name } : {}) });
    return r.ok ? null : r.message;
  } catch (e) {
    return `The recovery copy was not written: ${reason(e)}`;
  }
}
