// The crash-recovery copies, in userData/recovery/ (never over the user's file, never at a path
// the page names). Each app session (each load of the page) writes its own copy,
// `<session id>.json`, mode 0600 (it may hold pre-shared keys), recording main's own path of the
// document. A copy is deleted only when the user decides: its session saved, closed cleanly, or
// chose "Don't save"; or, for an earlier session's copy, Restore (which takes it over as the
// current session's copy, so a second crash loses nothing) or Discard. So a copy found at start
// is work an earlier session did not save, and the renderer offers it back.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../shared/model/file';
import { loadDocumentText } from '../shared/document/file';
import { nodeAtomicFs, writeFileAtomic, type AtomicFs, type TempJournal } from './atomic-write';
import { displayName } from './document-session';

export const RECOVERY_FOLDER = 'recovery';
/** Where versions before 0.2 kept one copy, with a path the page had sent (never trusted). */
export const LEGACY_RECOVERY_FILE = 'recovery.json';

const SESSION_ID = /^[0-9a-f]{16}$/;
const COPY_NAME = /^([0-9a-f]{16})\.json$/;
/** The document as a JSON string: escaping can at most double its size; plus the record's fields. */
const MAX_COPY_BYTES = 2 * MAX_FILE_BYTES + 64 * 1024;

const RecoveryRecord = z.strictObject({
  version: z.literal(2),
  savedAt: z.string().max(64),
  /** Main's own path of the document when the copy was written; absent for an unsaved document. */
  path: z.string().min(1).max(4096).optional(),
  text: z.string(),
});
type CopyRecord = z.infer<typeof RecoveryRecord>;

const LegacyRecord = z.object({ version: z.literal(1), savedAt: z.string().max(64), text: z.string() });

export interface RecoveryOffer {
  id: string;
  savedAt: string;
  name?: string;
}

export type RestoreResult = { status: 'restored'; text: string; savedAt: string; path?: string } | { status: 'none' };
export type WriteResult = { ok: true } | { ok: false; message: string };

export interface RecoveryStoreOptions {
  now?: () => Date;
  fs?: AtomicFs;
  journal?: TempJournal;
  newSessionId?: () => string;
}

export class RecoveryStore {
  readonly folder: string;
  private session: string;
  private readonly now: () => Date;
  private readonly fs: AtomicFs;
  private readonly newSessionId: () => string;
  /** Writes run one after another, so a slow autosave never lands after a later clear. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly userData: string,
    private readonly options: RecoveryStoreOptions = {},
  ) {
    this.folder = join(userData, RECOVERY_FOLDER);
    this.now = options.now ?? (() => new Date());
    this.fs = options.fs ?? nodeAtomicFs;
    this.newSessionId = options.newSessionId ?? (() => randomBytes(8).toString('hex'));
    this.session = this.newSessionId();
  }

  /** This session's id (its copy is `<id>.json`). */
  get sessionId(): string {
    return this.session;
  }

  /**
   * A new session for a new page (after a renderer crash or reload): the copy the old page left
   * becomes an earlier session's copy, offered back like any other and never deleted by this one.
   */
  startNewSession(): void {
    this.session = this.newSessionId();
  }

  /** Resolves once every write, restore, discard and clear asked for so far has finished. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private fileOf(id: string): string {
    if (!SESSION_ID.test(id)) throw new Error(`not a recovery session id: ${id}`);
    return join(this.folder, `${id}.json`);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeRecord(id: string, record: CopyRecord): Promise<void> {
    await this.fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.fileOf(id), JSON.stringify(record), { fs: this.fs, mode: 0o600, ...(this.options.journal ? { journal: this.options.journal } : {}) });
  }

  /** Writes this session's copy of `text`, recording `path` (main's current document). Text that is not a topology is not kept. */
  write(text: string, path: string | undefined): Promise<WriteResult> {
    return this.serial(async () => {
      const loaded = loadDocumentText(text);
      if (!loaded.ok) return { ok: false, message: `The recovery copy was not written: the document is not a valid topology (${loaded.summary}).` };
      try {
        await this.writeRecord(this.session, { version: 2, savedAt: this.now().toISOString(), text, ...(path ? { path } : {}) });
        return { ok: true };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, message: `The recovery copy could not be written (${detail}). Your changes are only in this window: save them.` };
      }
    });
  }

  private async readRecord(id: string): Promise<CopyRecord | undefined> {
    const file = this.fileOf(id);
    try {
      const st = await this.fs.lstat(file);
      if (!st.isFile() || st.size > MAX_COPY_BYTES) return undefined;
      const parsed = RecoveryRecord.safeParse(JSON.parse(await this.fs.readFile(file, 'utf8')));
      if (!parsed.success || !loadDocumentText(parsed.data.text).ok) return undefined;
      return parsed.data;
    } catch {
      return undefined;
    }
  }

  /** The copies of earlier sessions, newest first. A damaged copy is not offered (and left alone). */
  async list(): Promise<RecoveryOffer[]> {
    await this.migrateLegacy();
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch {
      return [];
    }
    const offers: RecoveryOffer[] = [];
    for (const name of names) {
      const id = COPY_NAME.exec(name)?.[1];
      if (!id || id === this.session) continue;
      const record = await this.readRecord(id);
      if (record) offers.push({ id, savedAt: record.savedAt, ...(record.path ? { name: displayName(record.path) } : {}) });
    }
    return offers.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)).slice(0, 100);
  }

  /** Takes an earlier copy over as this session's own: written as ours first, then the old one deleted. */
  restore(id: string): Promise<RestoreResult> {
    return this.serial(async () => {
      if (!SESSION_ID.test(id) || id === this.session) return { status: 'none' };
      const record = await this.readRecord(id);
      if (!record) return { status: 'none' };
      try {
        await this.writeRecord(this.session, record);
      } catch {
        // Could not take it over: leave it where it is, still offered next time.
        return { status: 'restored', text: record.text, savedAt: record.savedAt, ...(record.path ? { path: record.path } : {}) };
      }
      await this.unlink(this.fileOf(id));
      return { status: 'restored', text: record.text, savedAt: record.savedAt, ...(record.path ? { path: record.path } : {}) };
    });
  }

  /** Deletes an earlier session's copy (the user chose Discard). */
  discard(id: string): Promise<boolean> {
    return this.serial(async () => (SESSION_ID.test(id) && id !== this.session ? this.unlink(this.fileOf(id)) : false));
  }

  /** Deletes this session's own copy (saved, closed cleanly, or "Don't save"). */
  clear(): Promise<boolean> {
    return this.serial(() => this.unlink(this.fileOf(this.session)));
  }

  private async unlink(file: string): Promise<boolean> {
    try {
      await this.fs.unlink(file);
      return true;
    } catch (error) {
      return error !== null && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
    }
  }

  /** A copy from before per-session copies becomes an earlier session's copy, without its path (the page had named it). */
  private async migrateLegacy(): Promise<void> {
    const legacy = join(this.userData, LEGACY_RECOVERY_FILE);
    let raw: string;
    try {
      const st = await this.fs.lstat(legacy);
      if (!st.isFile() || st.size > MAX_COPY_BYTES) return;
      raw = await this.fs.readFile(legacy, 'utf8');
    } catch {
      return;
    }
    try {
      const parsed = LegacyRecord.safeParse(JSON.parse(raw));
      if (parsed.success && loadDocumentText(parsed.data.text).ok) {
        let id = this.newSessionId();
        while (id === this.session) id = this.newSessionId();
        await this.writeRecord(id, { version: 2, savedAt: parsed.data.savedAt, text: parsed.data.text });
      }
    } catch {
      return; // Keep the old file if it could not be carried over.
    }
    await this.unlink(legacy);
  }
}
