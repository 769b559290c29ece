// The crash-recovery copy: the renderer autosaves the open document here (in userData, never over
// the user's file). It is cleared when the window closes cleanly, so finding one at start-up
// means the last session ended without saving, and the renderer offers it back.
import { join } from 'node:path';
import { z } from 'zod';
import { loadDocumentText, MAX_FILE_BYTES } from '../shared/model/file';
import { nodeAtomicFs, writeFileAtomic, type AtomicFs } from './atomic-write';

export const RECOVERY_FILE_NAME = 'recovery.json';

const RecoveryRecord = z.strictObject({
  version: z.literal(1),
  savedAt: z.string(),
  path: z.string().min(1).max(4096).optional(),
  text: z.string(),
});

export type RecoveryReadResult = { status: 'none' } | { status: 'found'; text: string; path?: string; savedAt: string };

export type RecoveryFs = AtomicFs;

const defaultFs: RecoveryFs = nodeAtomicFs;

export class RecoveryStore {
  readonly file: string;

  constructor(
    folder: string,
    private readonly now: () => Date = () => new Date(),
    private readonly fs: RecoveryFs = defaultFs,
  ) {
    this.file = join(folder, RECOVERY_FILE_NAME);
  }

  /** Writes the copy atomically. Text that is not a valid topology is not kept (false). */
  async write(text: string, path?: string): Promise<boolean> {
    if (!loadDocumentText(text).ok) return false;
    const record: z.infer<typeof RecoveryRecord> = { version: 1, savedAt: this.now().toISOString(), text, ...(path ? { path } : {}) };
    try {
      await writeFileAtomic(this.file, JSON.stringify(record), { fs: this.fs, newFileMode: 0o600 });
      return true;
    } catch {
      return false;
    }
  }

  /** The copy left by a previous session, or none. A damaged copy counts as none. */
  async read(): Promise<RecoveryReadResult> {
    let raw: string;
    try {
      // The copy is the document as a JSON string: escaping can at most double its size.
      if ((await this.fs.stat(this.file)).size > 2 * MAX_FILE_BYTES + 4096) return { status: 'none' };
      raw = await this.fs.readFile(this.file, 'utf8');
    } catch {
      return { status: 'none' };
    }
    let parsed: ReturnType<typeof RecoveryRecord.safeParse>;
    try {
      parsed = RecoveryRecord.safeParse(JSON.parse(raw));
    } catch {
      return { status: 'none' };
    }
    if (!parsed.success || !loadDocumentText(parsed.data.text).ok) return { status: 'none' };
    const { text, path, savedAt } = parsed.data;
    return path ? { status: 'found', text, path, savedAt } : { status: 'found', text, savedAt };
  }

  async clear(): Promise<boolean> {
    try {
      await this.fs.unlink(this.file);
      return true;
    } catch (error) {
      return error !== null && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
    }
  }
}
