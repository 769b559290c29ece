// @vitest-environment node
// A save killed at any step leaves the old file or the new one, never half of one, and whatever
// temporary file it left is deleted at the next start: the journal in userData lists each temp
// file before it is created and forgets it once renamed or removed. Clean-up deletes only files
// named exactly like our temp files and listed in the journal.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX, TempJournal, writeFileAtomic } from '../../../electron/atomic-write';
import { withTempDir } from '../../electron/helpers';
import { faultyFs, killAt, realFs } from './fault-fs';

const OLD = 'old content\n';
const NEW = `new content ${'x'.repeat(100_000)}\n`;

async function setup(dir: string) {
  const docs = join(dir, 'docs');
  const userData = join(dir, 'userData');
  await fs.mkdir(docs);
  await fs.mkdir(userData);
  const target = join(docs, 'lab.json');
  await fs.writeFile(target, OLD);
  return { docs, target, journalDir: join(userData, 'interrupted-saves') };
}

describe('a save killed at every step', () => {
  it('counts the steps of an uninterrupted save (so the loop below covers all of them)', async () => {
    await withTempDir(async (dir) => {
      const { target, journalDir } = await setup(dir);
      const counter = killAt(Number.POSITIVE_INFINITY);
      const f = faultyFs(counter);
      await writeFileAtomic(target, NEW, { fs: f, journal: new TempJournal(journalDir, f) });
      expect(counter.count()).toBeGreaterThan(10);
      expect(await fs.readFile(target, 'utf8')).toBe(NEW);
      expect(await fs.readdir(journalDir)).toEqual([]);
    });
  });

  it('leaves the old or the new file, and the next start deletes the temp file it left', async () => {
    await withTempDir(async (dir) => {
      const probe = killAt(Number.POSITIVE_INFINITY);
      {
        const { target, journalDir } = await setup(dir);
        const f = faultyFs(probe);
        await writeFileAtomic(target, NEW, { fs: f, journal: new TempJournal(journalDir, f) });
        await fs.rm(join(dir, 'docs'), { recursive: true });
        await fs.rm(join(dir, 'userData'), { recursive: true });
      }
      const steps = probe.count();
      let leftTemp = 0;
      for (let at = 0; at <= steps; at++) {
        const { docs, target, journalDir } = await setup(dir);
        const kill = killAt(at);
        const f = faultyFs(kill);
        const outcome = await writeFileAtomic(target, NEW, { fs: f, journal: new TempJournal(journalDir, f) }).then(
          () => 'done',
          (e: NodeJS.ErrnoException) => e.code,
        );
        expect(outcome === 'done' || outcome === 'EKILLED', `step ${at}: ${outcome}`).toBe(true);
        const content = await fs.readFile(target, 'utf8');
        expect(content === OLD || content === NEW, `step ${at}: the file is whole`).toBe(true);
        if ((await fs.readdir(docs)).some((n) => n.endsWith(TEMP_SUFFIX))) leftTemp++;

        // Next start.
        await new TempJournal(journalDir, realFs).cleanUp();
        expect(await fs.readdir(docs), `step ${at}`).toEqual(['lab.json']);
        expect(await fs.readdir(journalDir).catch(() => []), `step ${at}`).toEqual([]);
        expect(await fs.readFile(target, 'utf8')).toBe(content);
        await fs.rm(join(dir, 'docs'), { recursive: true });
        await fs.rm(join(dir, 'userData'), { recursive: true });
      }
      // Some kills really did leave a temp file behind for the clean-up to find.
      expect(leftTemp).toBeGreaterThan(3);
    });
  });
});

describe('the journal', () => {
  it('is private: its folder 0700, its entries 0600 (they name the user’s files)', async () => {
    await withTempDir(async (dir) => {
      const journal = new TempJournal(join(dir, 'interrupted-saves'), realFs);
      const entry = await journal.add(join(dir, `.lab.json.0123456789abcdef${TEMP_SUFFIX}`));
      expect((await fs.stat(join(dir, 'interrupted-saves'))).mode & 0o777).toBe(0o700);
      expect((await fs.stat(entry)).mode & 0o777).toBe(0o600);
      await journal.remove(entry);
      expect(await fs.readdir(join(dir, 'interrupted-saves'))).toEqual([]);
    });
  });
});

describe('clean-up at start deletes only our listed temp files', () => {
  it('keeps a file the journal names that is not one of our temp files, and files the journal does not name', async () => {
    await withTempDir(async (dir) => {
      const journalDir = join(dir, 'journal');
      await fs.mkdir(journalDir);
      const precious = join(dir, '.bashrc');
      const lookalike = join(dir, `.lab.json.0123456789abcdef${TEMP_SUFFIX}`);
      const unlisted = join(dir, `.lab.json.fedcba9876543210${TEMP_SUFFIX}`);
      const otherId = join(dir, `.lab.json.1111111111111111${TEMP_SUFFIX}`);
      const folderTemp = join(dir, `.x.2222222222222222${TEMP_SUFFIX}`);
      for (const f of [precious, lookalike, unlisted, otherId]) await fs.writeFile(f, 'keep');
      await fs.mkdir(folderTemp);
      const entries: Record<string, unknown> = {
        '0123456789abcdef.json': { temp: precious }, // names a file that is not a temp file
        'aaaaaaaaaaaaaaaa.json': { temp: otherId }, // a temp file, but not this entry's
        'bbbbbbbbbbbbbbbb.json': { temp: 'relative/.x.bbbbbbbbbbbbbbbb.ipsec-studio-tmp' },
        '2222222222222222.json': { temp: folderTemp }, // a folder, not a file
        'cccccccccccccccc.json': 'not an object',
        'notes.txt': { temp: lookalike },
      };
      for (const [name, value] of Object.entries(entries)) await fs.writeFile(join(journalDir, name), JSON.stringify(value));
      await fs.writeFile(join(journalDir, 'dddddddddddddddd.json'), '{"temp": "/x/.y.dddddddddddddddd.ipsec-studio-tmp"'); // torn write
      await new TempJournal(journalDir, realFs).cleanUp();
      for (const f of [precious, lookalike, unlisted, otherId]) expect(await fs.readFile(f, 'utf8'), f).toBe('keep');
      expect((await fs.stat(folderTemp)).isDirectory()).toBe(true);
      // Entries that were ours are gone; a file that is not an entry is left alone.
      expect(await fs.readdir(journalDir)).toEqual(['notes.txt']);
    });
  });

  it('does not follow a symbolic link named like a temp file', async () => {
    await withTempDir(async (dir) => {
      const journalDir = join(dir, 'journal');
      await fs.mkdir(journalDir);
      const precious = join(dir, 'precious.json');
      await fs.writeFile(precious, 'keep');
      const link = join(dir, `.lab.json.3333333333333333${TEMP_SUFFIX}`);
      await fs.symlink(precious, link);
      await fs.writeFile(join(journalDir, '3333333333333333.json'), JSON.stringify({ temp: link }));
      await new TempJournal(journalDir, realFs).cleanUp();
      expect(await fs.readFile(precious, 'utf8')).toBe('keep');
      // Our temp files are created with O_EXCL, so never links: a link is not ours to delete.
      expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    });
  });
});
