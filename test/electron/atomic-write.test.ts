// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { nodeAtomicFs, TEMP_SUFFIX, writeFileAtomic, type AtomicFs } from '../../electron/atomic-write';
import { withTempDir } from './helpers';

const realFs: AtomicFs = nodeAtomicFs;

/** A file system whose temp-file write stops halfway and throws, like a crash or a full disk. */
function crashingMidWrite(): AtomicFs {
  return {
    ...realFs,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      if (!String(path).endsWith(TEMP_SUFFIX)) return handle;
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile') {
            return async (data: string | Uint8Array) => {
              const bytes = typeof data === 'string' ? Buffer.from(data) : data;
              await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as AtomicFs['open'],
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'lab.json');
      await writeFileAtomic(target, 'first');
      expect(await fs.readFile(target, 'utf8')).toBe('first');
      await writeFileAtomic(target, 'second');
      expect(await fs.readFile(target, 'utf8')).toBe('second');
      expect(await fs.readdir(dir)).toEqual(['lab.json']);
    });
  });

  it('keeps the existing file mode', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'lab.json');
      await fs.writeFile(target, 'old', { mode: 0o600 });
      await fs.chmod(target, 0o600);
      await writeFileAtomic(target, 'new');
      expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    });
  });

  it('a crash mid-write leaves the old file intact and no partial file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'lab.json');
      const original = JSON.stringify({ formatVersion: 1, name: 'original' });
      await fs.writeFile(target, original);
      await expect(writeFileAtomic(target, 'x'.repeat(100_000), { fs: crashingMidWrite() })).rejects.toThrow(/ENOSPC/);
      expect(await fs.readFile(target, 'utf8')).toBe(original);
      expect(await fs.readdir(dir)).toEqual(['lab.json']);
    });
  });

  it('a failed rename leaves the old file intact and removes the temporary file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'lab.json');
      await fs.writeFile(target, 'original');
      const failingRename: AtomicFs = { ...realFs, rename: async () => Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })) };
      await expect(writeFileAtomic(target, 'new', { fs: failingRename })).rejects.toThrow('EXDEV');
      expect(await fs.readFile(target, 'utf8')).toBe('original');
      expect(await fs.readdir(dir)).toEqual(['lab.json']);
    });
  });

  it('writes the temporary file next to the target (same file system, so rename is atomic)', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'lab.json');
      const opened: string[] = [];
      const spying: AtomicFs = { ...realFs, open: ((p: string, f?: string, m?: number) => (opened.push(String(p)), fs.open(p, f, m))) as AtomicFs['open'] };
      await writeFileAtomic(target, 'data', { fs: spying });
      expect(opened[0]?.startsWith(join(dir, '.lab.json.'))).toBe(true);
      expect(opened[0]?.endsWith(TEMP_SUFFIX)).toBe(true);
    });
  });
});
