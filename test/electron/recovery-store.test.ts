// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { RecentFiles } from '../../electron/recent-files';
import { LEGACY_RECOVERY_FILE, RECOVERY_FOLDER, RecoveryStore } from '../../electron/recovery-store';
import { topologyText, withTempDir } from './helpers';

const clock = () => new Date('2026-11-22T10:00:00.000Z');
let counter = 0;
const ids = () => (++counter).toString(16).padStart(16, '0');
const store = (dir: string) => new RecoveryStore(dir, { now: clock, newSessionId: ids });

describe('RecoveryStore', () => {
  it('keeps one private copy per session, in userData/recovery, recording main’s own path', async () => {
    await withTempDir(async (dir) => {
      const s = store(dir);
      expect(await s.write(topologyText('Unsaved'), '/home/me/lab.json')).toEqual({ ok: true });
      const files = await fs.readdir(join(dir, RECOVERY_FOLDER));
      expect(files).toEqual([`${s.sessionId}.json`]);
      expect((await fs.stat(join(dir, RECOVERY_FOLDER, files[0]!))).mode & 0o777).toBe(0o600);
      expect((await fs.stat(join(dir, RECOVERY_FOLDER))).mode & 0o777).toBe(0o700);
      // Its own copy is not offered to itself.
      expect(await s.list()).toEqual([]);
      expect(await store(dir).list()).toEqual([{ id: s.sessionId, savedAt: '2026-11-22T10:00:00.000Z', name: 'lab.json' }]);
    });
  });

  it('makes its own copy private even where an earlier copy file was world-readable', async () => {
    await withTempDir(async (dir) => {
      const s = store(dir);
      await s.write(topologyText('One'), undefined);
      const file = join(dir, RECOVERY_FOLDER, `${s.sessionId}.json`);
      await fs.chmod(file, 0o644);
      await s.write(topologyText('Two'), undefined);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    });
  });

  it('survives until the user decides: later sessions see it until one restores or discards it', async () => {
    await withTempDir(async (dir) => {
      const crashed = store(dir);
      await crashed.write(topologyText('Crashed'), undefined);
      // A session that closes without touching it (no Restore clicked) leaves it alone.
      const ignoring = store(dir);
      expect(await ignoring.list()).toHaveLength(1);
      await ignoring.clear();
      const restoring = store(dir);
      const [offer] = await restoring.list();
      expect(offer?.id).toBe(crashed.sessionId);
      expect(await restoring.restore(offer!.id)).toEqual({ status: 'restored', text: topologyText('Crashed'), savedAt: '2026-11-22T10:00:00.000Z' });
      // Taken over as the restoring session's copy: a crash now still loses nothing.
      expect((await fs.readdir(join(dir, RECOVERY_FOLDER))).sort()).toEqual([`${restoring.sessionId}.json`]);
      const after = store(dir);
      const [again] = await after.list();
      expect(again?.id).toBe(restoring.sessionId);
      expect(await after.discard(again!.id)).toBe(true);
      expect(await store(dir).list()).toEqual([]);
    });
  });

  it('a new session in the same process (a renderer crash) turns the old copy into an earlier one', async () => {
    await withTempDir(async (dir) => {
      const s = store(dir);
      const before = s.sessionId;
      await s.write(topologyText('Before crash'), undefined);
      s.startNewSession();
      await s.clear(); // the new page's close
      expect((await s.list()).map((c) => c.id)).toEqual([before]);
    });
  });

  it('does not keep text that is not a topology, and keeps the previous copy', async () => {
    await withTempDir(async (dir) => {
      const s = store(dir);
      await s.write(topologyText('Good'), undefined);
      expect(await s.write('{"half": ', undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid topology/) });
      const [offer] = await store(dir).list();
      expect(await store(dir).restore(offer!.id)).toMatchObject({ status: 'restored', text: topologyText('Good') });
    });
  });

  it('says when the copy could not be written', async () => {
    await withTempDir(async (dir) => {
      await fs.writeFile(join(dir, RECOVERY_FOLDER), 'a file where the folder goes');
      expect(await store(dir).write(topologyText(), undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/could not be written.*save them/s) });
    });
  });

  it('ignores damaged copies and files that are not copies, and takes no id that is not one', async () => {
    await withTempDir(async (dir) => {
      const folder = join(dir, RECOVERY_FOLDER);
      await fs.mkdir(folder, { recursive: true });
      for (const [name, content] of [
        ['aaaaaaaaaaaaaaaa.json', 'garbage'],
        ['bbbbbbbbbbbbbbbb.json', '{}'],
        ['cccccccccccccccc.json', JSON.stringify({ version: 2, savedAt: 'x', text: 'not a topology' })],
        ['notes.json', JSON.stringify({ version: 2, savedAt: 'x', text: topologyText() })],
      ]) await fs.writeFile(join(folder, name!), content!);
      const s = store(dir);
      expect(await s.list()).toEqual([]);
      for (const id of ['../../x', 'notes', 'AAAAAAAAAAAAAAAA', '']) {
        expect(await s.restore(id)).toEqual({ status: 'none' });
        expect(await s.discard(id)).toBe(false);
      }
      expect((await fs.readdir(folder)).length).toBe(4);
    });
  });

  it('offers a copy of the old single-file format, without the path the page had sent', async () => {
    await withTempDir(async (dir) => {
      await fs.writeFile(join(dir, LEGACY_RECOVERY_FILE), JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', path: '/home/me/.bashrc', text: topologyText('Old') }));
      const s = store(dir);
      const offers = await s.list();
      expect(offers).toEqual([{ id: expect.any(String), savedAt: '2026-01-01T00:00:00.000Z' }]);
      expect(await s.restore(offers[0]!.id)).toEqual({ status: 'restored', text: topologyText('Old'), savedAt: '2026-01-01T00:00:00.000Z' });
      await expect(fs.stat(join(dir, LEGACY_RECOVERY_FILE))).rejects.toThrow();
    });
  });
});

describe('RecentFiles', () => {
  it('keeps the most recent first, without duplicates, at most ten, across restarts, in a private file', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'recent-files.json');
      const recent = new RecentFiles(store);
      expect(await recent.load()).toEqual([]);
      for (let i = 0; i < 12; i++) await recent.add(`/docs/${i}.json`);
      await recent.add('/docs/5.json');
      expect(recent.list()).toEqual(['/docs/5.json', '/docs/11.json', '/docs/10.json', '/docs/9.json', '/docs/8.json', '/docs/7.json', '/docs/6.json', '/docs/4.json', '/docs/3.json', '/docs/2.json']);
      expect(await new RecentFiles(store).load()).toEqual(recent.list());
      expect((await fs.stat(store)).mode & 0o777).toBe(0o600);
      await recent.remove('/docs/11.json');
      expect(recent.has('/docs/11.json')).toBe(false);
      await recent.clear();
      expect(await new RecentFiles(store).load()).toEqual([]);
    });
  });

  it('makes a list left world-readable by an earlier version private on the next change', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'recent-files.json');
      await fs.writeFile(store, JSON.stringify({ paths: ['/docs/a.json'] }), { mode: 0o644 });
      await fs.chmod(store, 0o644);
      const recent = new RecentFiles(store);
      await recent.load();
      await recent.add('/docs/b.json');
      expect((await fs.stat(store)).mode & 0o777).toBe(0o600);
    });
  });

  it('treats a damaged list file as empty', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'recent-files.json');
      for (const damaged of ['not json', '{"paths": "x"}', '[]']) {
        await fs.writeFile(store, damaged);
        expect(await new RecentFiles(store).load(), damaged).toEqual([]);
      }
    });
  });
});
