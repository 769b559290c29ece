// Atomic file replacement: write a temporary file in the same folder, flush it to disk, then
// rename it over the target. A crash or error at any point leaves either the old file or the new
// one, never a half-written document, and the temporary file is removed on every error path.
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The parts of node:fs/promises this module uses, so tests can make any step fail. */
export interface AtomicFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  stat: typeof nodeFs.stat;
}

const defaultFs: AtomicFs = { open: nodeFs.open, rename: nodeFs.rename, unlink: nodeFs.unlink, stat: nodeFs.stat };

/** Temporary files are hidden, named after the target, and end with this suffix. */
export const TEMP_SUFFIX = '.ipsec-studio-tmp';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, fs: AtomicFs = defaultFs): Promise<void> {
  let mode = 0o644;
  try {
    mode = (await fs.stat(target)).mode & 0o777;
  } catch {
    // New file: default mode.
  }
  const temp = tempPathFor(target);
  // 'wx': never follow or reuse an existing path for the temporary file.
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target), fs);
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
