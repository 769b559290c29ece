// @vitest-environment node
// Saving over a real file in a real temp folder, with the unlucky cases a person meets: a file
// with its own mode and owner, a symbolic link, a read-only file, a full disk at every step, no
// permission, a read-only disk, a folder where the file should be, a name too long. Each one:
// the message says what happened and what to do, the previous file is intact, no temp is left.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { TEMP_SUFFIX, writeFileAtomic } from '../../../electron/atomic-write';
import { writeDocumentFile } from '../../../electron/document-files';
import { topologyText, withTempDir } from '../../electron/helpers';
import { failOnce, faultyFs } from './fault-fs';

const isRoot = process.getuid?.() === 0;
const OLD = topologyText('Before');
const NEW = topologyText('After');

async function listing(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('saving keeps what the file was', () => {
  it('keeps the mode, whatever the umask', async () => {
    await withTempDir(async (dir) => {
      for (const mode of [0o666, 0o664, 0o640, 0o600, 0o755]) {
        const path = join(dir, `m${mode.toString(8)}.json`);
        await fs.writeFile(path, OLD);
        await fs.chmod(path, mode);
        expect(await writeDocumentFile(path, NEW)).toEqual({ ok: true });
        expect(((await fs.stat(path)).mode & 0o7777).toString(8), path).toBe(mode.toString(8));
        expect(await fs.readFile(path, 'utf8')).toBe(NEW);
      }
    });
  });

  it.skipIf(!isRoot)('keeps the owner and group (when running as root, so the file can belong to someone else)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, OLD);
      await fs.chown(path, 4321, 4322);
      expect(await writeDocumentFile(path, NEW)).toEqual({ ok: true });
      const st = await fs.stat(path);
      expect([st.uid, st.gid]).toEqual([4321, 4322]);
    });
  });

  it('refuses, with what to do, when the owner cannot be kept (not root, the file is someone else’s)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, OLD);
      const realStat = fs.stat;
      // The file appears to belong to another user, and changing a file's owner is refused.
      const io = {
        fs: { ...faultyFs(failOnce('chown', 'EPERM')), stat: (async (p: string) => Object.assign(await realStat(p), { uid: 4321 })) as typeof fs.stat },
      };
      const r = await writeDocumentFile(path, NEW, io);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/belongs to another user.*Save As/s);
      expect(await fs.readFile(path, 'utf8')).toBe(OLD);
      expect(await listing(dir)).toEqual(['lab.json']);
    });
  });

  it('writes through a symbolic link to its target, and the link stays a link', async () => {
    await withTempDir(async (dir) => {
      await fs.mkdir(join(dir, 'real'));
      const target = join(dir, 'real', 'lab.json');
      await fs.writeFile(target, OLD);
      await fs.chmod(target, 0o640);
      const link = join(dir, 'lab-link.json');
      await fs.symlink(target, link);
      expect(await writeDocumentFile(link, NEW)).toEqual({ ok: true });
      expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
      expect(await fs.readlink(link)).toBe(target);
      expect(await fs.readFile(target, 'utf8')).toBe(NEW);
      expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
      expect(await listing(dir)).toEqual(['lab-link.json', 'real']);
      expect(await listing(join(dir, 'real'))).toEqual(['lab.json']);
    });
  });

  it('refuses a link that points nowhere, with what to do', async () => {
    await withTempDir(async (dir) => {
      const link = join(dir, 'lab.json');
      await fs.symlink(join(dir, 'gone', 'x.json'), link);
      const r = await writeDocumentFile(link, NEW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/link to .* does not exist.*Save As/s);
      expect(await listing(dir)).toEqual(['lab.json']);
    });
  });

  it('refuses to overwrite a read-only file, saying how to save it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, OLD);
      await fs.chmod(path, 0o444);
      const r = await writeDocumentFile(path, NEW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/"lab\.json" is read-only.*(writable|Save As)/s);
      expect(await fs.readFile(path, 'utf8')).toBe(OLD);
      expect((await fs.stat(path)).mode & 0o777).toBe(0o444);
      expect(await listing(dir)).toEqual(['lab.json']);
    });
  });
});

describe('faults while saving: clear message, previous file intact, no temp left', () => {
  const isTemp = (p: string) => p.endsWith(TEMP_SUFFIX);
  const cases: { what: string; op: Parameters<typeof failOnce>[0]; code: string; on?: (p: string) => boolean; message: RegExp }[] = [
    { what: 'a full disk while writing', op: 'write', code: 'ENOSPC', message: /disk is full.*unchanged/s },
    { what: 'a full disk at fsync', op: 'sync', code: 'ENOSPC', message: /disk is full.*unchanged/s },
    { what: 'a full disk at rename', op: 'rename', code: 'ENOSPC', message: /disk is full.*unchanged/s },
    { what: 'a full quota while writing', op: 'write', code: 'EDQUOT', message: /quota.*unchanged/s },
    { what: 'an I/O error at close', op: 'close', code: 'EIO', message: /EIO|input\/output/i },
    { what: 'no permission to create the temp file', op: 'open', code: 'EACCES', on: isTemp, message: /permission.*Save As/s },
    { what: 'a read-only disk', op: 'open', code: 'EROFS', on: isTemp, message: /read-only.*Save As/s },
    { what: 'a name too long for the disk', op: 'open', code: 'ENAMETOOLONG', on: isTemp, message: /too long.*shorter/s },
    { what: 'a folder where the temp file goes', op: 'open', code: 'EISDIR', on: isTemp, message: /folder/ },
  ];
  for (const c of cases) {
    it(`${c.what} (${c.code} at ${c.op})`, async () => {
      await withTempDir(async (dir) => {
        const path = join(dir, 'lab.json');
        await fs.writeFile(path, OLD);
        const r = await writeDocumentFile(path, NEW, { fs: faultyFs(failOnce(c.op, c.code, c.on)) });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.message).toMatch(c.message);
          expect(r.message).toContain('"lab.json"');
        }
        expect(await fs.readFile(path, 'utf8')).toBe(OLD);
        expect(await listing(dir)).toEqual(['lab.json']);
      });
    });
  }

  it('the target is a folder', async () => {
    await withTempDir(async (dir) => {
      await fs.mkdir(join(dir, 'lab.json'));
      const r = await writeDocumentFile(join(dir, 'lab.json'), NEW);
      expect(r).toEqual({ ok: false, message: expect.stringMatching(/"lab\.json": it is a folder.*Save As/s) });
      expect(await listing(dir)).toEqual(['lab.json']);
    });
  });

  it('a real name too long for the disk', async () => {
    await withTempDir(async (dir) => {
      const r = await writeDocumentFile(join(dir, `${'n'.repeat(300)}.json`), NEW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/too long.*shorter/s);
      expect(await listing(dir)).toEqual([]);
    });
  });

  it('a long name that fits is saved (the temp file name is shortened, not the target)', async () => {
    await withTempDir(async (dir) => {
      for (const name of [`${'n'.repeat(250)}.json`, `${'é'.repeat(120)}.json`]) {
        const path = join(dir, name);
        expect(await writeDocumentFile(path, NEW), name).toEqual({ ok: true });
        expect(await fs.readFile(path, 'utf8')).toBe(NEW);
        await fs.rm(path);
      }
    });
  });

  // Root may write into any folder, so this needs another user; the injected EACCES case above
  // covers the message everywhere.
  it.skipIf(isRoot)('no permission to write into the folder (a real EACCES; needs a non-root user)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, OLD);
      await fs.chmod(dir, 0o555);
      try {
        const r = await writeDocumentFile(path, NEW);
        expect(r.ok).toBe(false);
      } finally {
        await fs.chmod(dir, 0o755);
      }
      expect(await fs.readFile(path, 'utf8')).toBe(OLD);
    });
  });

  it('an export file and an image are written the same way (folder writes share the rules)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'out.conf');
      await fs.writeFile(path, 'old');
      await fs.chmod(path, 0o444);
      await expect(writeFileAtomic(path, 'new')).rejects.toMatchObject({ code: 'READ_ONLY' });
      expect(await fs.readFile(path, 'utf8')).toBe('old');
      expect(basename(path)).toBe('out.conf');
    });
  });
});
