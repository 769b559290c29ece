// Atomic file replacement: write a temporary file in the same folder, flush it to disk, then
// rename it over the target. A crash or error at any point leaves either the old file or the new
// one, never a half-written document, and the temporary file is removed on every error path.
//
// What the file was stays what it was: a symbolic link is written through (the link's target is
// replaced, the link stays), the mode and the owner are kept, and a read-only file is refused
// (rename only needs the folder to be writable, so without this check it would be overwritten).
//
// A kill can still strike between creating the temporary file and renaming it. So each temporary
// file is first listed in a journal in userData (TempJournal), and forgotten once renamed or
// removed; at the next start the listed leftovers are deleted.
import * as nodeFs from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** The parts of node:fs/promises this module (and the stores built on it) use, so tests can make any step fail. */
export interface AtomicFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  stat: typeof nodeFs.stat;
  lstat: typeof nodeFs.lstat;
  realpath: typeof nodeFs.realpath;
  access: typeof nodeFs.access;
  mkdir: typeof nodeFs.mkdir;
  readdir: typeof nodeFs.readdir;
  readFile: typeof nodeFs.readFile;
}

export const nodeAtomicFs: AtomicFs = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  stat: nodeFs.stat,
  lstat: nodeFs.lstat,
  realpath: nodeFs.realpath,
  access: nodeFs.access,
  mkdir: nodeFs.mkdir,
  readdir: nodeFs.readdir,
  readFile: nodeFs.readFile,
};

export interface AtomicIo {
  fs?: AtomicFs;
  /** Where temporary files are listed while they exist (the app passes the one in userData). */
  journal?: TempJournal;
  /** Mode of a file that does not exist yet (default: 0o666 less the umask, like any new file). */
  newFileMode?: number;
  /** The file's mode whatever it was before (the app's private stores in userData: 0o600). */
  mode?: number;
}

/** Temporary files are hidden, named after the target, and end with this suffix. */
export const TEMP_SUFFIX = '.ipsec-studio-tmp';
/** `.<start of the target's name>.<16 hex>.ipsec-studio-tmp`, and nothing else. */
const TEMP_NAME = /^\.(.+)\.([0-9a-f]{16})\.ipsec-studio-tmp$/s;
/** At most this many UTF-8 bytes of the target's name go into the temp name, so a target name that fits also has a temp name that fits (255 bytes on common file systems). */
const TEMP_BASE_BYTES = 100;

/** Why a save was refused before anything was written (errno-like codes for ioErrorMessage). */
export type SaveRefusalCode = 'READ_ONLY' | 'NOT_OWNER' | 'DANGLING_LINK' | 'NOT_A_FILE';

export class SaveRefused extends Error {
  override readonly name = 'SaveRefused';
  constructor(
    readonly code: SaveRefusalCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

function codeOf(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${utf8Prefix(basename(target), TEMP_BASE_BYTES)}.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
}

/** The id of one of our temp file names, or undefined when the name is not one. */
export function tempIdOf(path: string): string | undefined {
  return TEMP_NAME.exec(basename(path))?.[2];
}

/** The file a save to `target` replaces: the target itself, or the file a symbolic link leads to. */
async function resolveTarget(target: string, fs: AtomicFs): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  // Not there: a new file, unless it is a link whose target is missing.
  let link: Stats | undefined;
  try {
    link = await fs.lstat(target);
  } catch {
    link = undefined;
  }
  if (link?.isSymbolicLink()) throw new SaveRefused('DANGLING_LINK', `${target} is a link to a file that does not exist`);
  return target;
}

async function checkWritable(file: string, mode: number, fs: AtomicFs): Promise<void> {
  // No write bit for anyone: read-only on purpose (root's access() would say writable).
  if ((mode & 0o222) === 0) throw new SaveRefused('READ_ONLY', `${file} is read-only`);
  try {
    await fs.access(file, constants.W_OK);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EACCES' || code === 'EPERM') throw new SaveRefused('READ_ONLY', `${file} is not writable by this user`);
    throw error;
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, io: AtomicIo = {}): Promise<void> {
  const fs = io.fs ?? nodeAtomicFs;
  const file = await resolveTarget(target, fs);
  let existing: Stats | undefined;
  try {
    existing = await fs.stat(file);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) throw new SaveRefused('NOT_A_FILE', `${file} is not a regular file`);
  if (existing) await checkWritable(file, existing.mode, fs);

  const temp = tempPathFor(file);
  // Listed before it exists, so a kill at any later point leaves nothing unlisted. The journal
  // is a clean-up aid: if it cannot be written (its own disk full), the save still goes ahead.
  const entry = io.journal ? await io.journal.add(temp).catch(() => undefined) : undefined;
  const forget = async (): Promise<void> => {
    if (entry) await io.journal?.remove(entry).catch(() => undefined);
  };
  let handle: nodeFs.FileHandle;
  try {
    // 'wx': never follow or reuse an existing path. Private until it holds the whole document.
    handle = await fs.open(temp, 'wx', existing ? 0o600 : (io.mode ?? io.newFileMode ?? 0o666));
  } catch (error) {
    await forget();
    throw error;
  }
  try {
    try {
      if (existing) {
        const mine = await handle.stat();
        if (mine.uid !== existing.uid || mine.gid !== existing.gid) {
          try {
            await handle.chown(existing.uid, existing.gid);
          } catch (error) {
            const code = codeOf(error);
            if (code === 'EPERM' || code === 'EACCES') throw new SaveRefused('NOT_OWNER', `${file} belongs to another user`);
            throw error;
          }
        }
        // After chown, which clears set-id bits.
        await handle.chmod(io.mode ?? existing.mode & 0o7777);
      } else if ((io.mode ?? io.newFileMode) !== undefined) {
        await handle.chmod(io.mode ?? io.newFileMode ?? 0o600);
      }
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    // Forget the temp file only once it is really gone; otherwise the next start deletes it.
    const removed = await fs.unlink(temp).then(
      () => true,
      (e: unknown) => codeOf(e) === 'ENOENT',
    );
    if (removed) await forget();
    throw error;
  }
  await forget();
  await syncDirectory(dirname(file), fs);
}

/** Makes the rename itself durable where the OS allows it (not on Windows, where opening a folder fails). */
async function syncDirectory(dir: string, fs: AtomicFs): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself was fsynced before the rename.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** One journal entry is a few hundred bytes; anything larger is not ours. */
const MAX_ENTRY_BYTES = 16 * 1024;
const ENTRY_NAME = /^([0-9a-f]{16})\.json$/;

/**
 * The temp files of saves in progress, one small file per temp file in a folder of userData:
 * `<id>.json` holding `{"temp": "/abs/.name.<id>.ipsec-studio-tmp"}`. Entries are written
 * (and flushed) before their temp file is created and removed after it is renamed or deleted.
 */
export class TempJournal {
  constructor(
    readonly folder: string,
    private readonly fs: AtomicFs = nodeAtomicFs,
  ) {}

  async add(temp: string): Promise<string> {
    const id = tempIdOf(temp);
    if (!id || !isAbsolute(temp)) throw new Error(`not a temp file path: ${temp}`);
    await this.fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const entry = join(this.folder, `${id}.json`);
    const handle = await this.fs.open(entry, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ temp }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return entry;
  }

  async remove(entry: string): Promise<void> {
    await this.fs.unlink(entry).catch((e: unknown) => {
      if (codeOf(e) !== 'ENOENT') throw e;
    });
  }

  /**
   * At start: deletes each listed temp file that is still there, is a regular file (never a link
   * or a folder), and is named exactly like our temp files with the entry's own id. Then the
   * entry goes. Returns the temp files deleted.
   */
  async cleanUp(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch {
      return [];
    }
    const deleted: string[] = [];
    for (const name of names) {
      const id = ENTRY_NAME.exec(name)?.[1];
      if (!id) continue;
      const entry = join(this.folder, name);
      const temp = await this.readEntry(entry);
      let keepEntry = false;
      if (temp !== undefined && isAbsolute(temp) && tempIdOf(temp) === id) {
        try {
          if ((await this.fs.lstat(temp)).isFile()) {
            await this.fs.unlink(temp);
            deleted.push(temp);
          }
        } catch (error) {
          // Gone already: fine. Anything else (a read-only disk now): try again next time.
          keepEntry = codeOf(error) !== 'ENOENT';
        }
      }
      if (!keepEntry) await this.remove(entry).catch(() => undefined);
    }
    return deleted;
  }

  private async readEntry(entry: string): Promise<string | undefined> {
    try {
      const st = await this.fs.lstat(entry);
      if (!st.isFile() || st.size > MAX_ENTRY_BYTES) return undefined;
      const value: unknown = JSON.parse(await this.fs.readFile(entry, 'utf8'));
      if (value === null || typeof value !== 'object' || !('temp' in value)) return undefined;
      return typeof value.temp === 'string' ? value.temp : undefined;
    } catch {
      // A torn entry: written before its temp file, so there is no temp file to delete.
      return undefined;
    }
  }
}
