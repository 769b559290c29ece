// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { RecentFiles } from '../../electron/recent-files';
import { RECOVERY_FILE_NAME, RecoveryStore } from '../../electron/recovery-store';
import { topologyText, withTempDir } from './helpers';

const clock = () => new Date('2026-11-22T10:00:00.000Z');

describe('RecoveryStore', () => {
  it('writes, reads back and clears the recovery copy', async () => {
    await withTempDir(async (dir) => {
      const store = new RecoveryStore(dir, clock);
      expect(await store.read()).toEqual({ status: 'none' });
      expect(await store.write(topologyText('Unsaved'), '/home/me/lab.json')).toBe(true);
      expect(await store.read()).toEqual({ status: 'found', text: topologyText('Unsaved'), path: '/home/me/lab.json', savedAt: '2026-11-22T10:00:00.000Z' });
      expect(await store.write(topologyText('Untitled'))).toBe(true);
      expect(await store.read()).toEqual({ status: 'found', text: topologyText('Untitled'), savedAt: '2026-11-22T10:00:00.000Z' });
      expect(await store.clear()).toBe(true);
      expect(await store.read()).toEqual({ status: 'none' });
      expect(await store.clear()).toBe(true);
    });
  });

  it('survives a restart: a new store (next session) finds the copy left by the previous one', async () => {
    await withTempDir(async (dir) => {
      await new RecoveryStore(dir, clock).write(topologyText('Crashed'));
      expect(await new RecoveryStore(dir).read()).toMatchObject({ status: 'found', text: topologyText('Crashed') });
    });
  });

  it('does not keep text that is not a topology, and keeps the previous copy', async () => {
    await withTempDir(async (dir) => {
      const store = new RecoveryStore(dir, clock);
      await store.write(topologyText('Good'));
      expect(await store.write('{"half": ')).toBe(false);
      expect(await store.read()).toMatchObject({ status: 'found', text: topologyText('Good') });
    });
  });

  it('treats a damaged recovery file as none', async () => {
    await withTempDir(async (dir) => {
      const store = new RecoveryStore(dir, clock);
      for (const damaged of ['garbage', '{}', JSON.stringify({ version: 1, savedAt: 'x', text: 'not a topology' })]) {
        await fs.writeFile(join(dir, RECOVERY_FILE_NAME), damaged);
        expect(await store.read(), damaged).toEqual({ status: 'none' });
      }
    });
  });
});

describe('RecentFiles', () => {
  it('keeps the most recent first, without duplicates, at most ten, across restarts', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'recent-files.json');
      const recent = new RecentFiles(store);
      expect(await recent.load()).toEqual([]);
      for (let i = 0; i < 12; i++) await recent.add(`/docs/${i}.json`);
      await recent.add('/docs/5.json');
      expect(recent.list()).toEqual(['/docs/5.json', '/docs/11.json', '/docs/10.json', '/docs/9.json', '/docs/8.json', '/docs/7.json', '/docs/6.json', '/docs/4.json', '/docs/3.json', '/docs/2.json']);
      expect(await new RecentFiles(store).load()).toEqual(recent.list());
      await recent.remove('/docs/11.json');
      expect(recent.has('/docs/11.json')).toBe(false);
      await recent.clear();
      expect(await new RecentFiles(store).load()).toEqual([]);
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
