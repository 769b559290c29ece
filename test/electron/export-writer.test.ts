// @vitest-environment node
// Export file names a person could not open, move or delete on Windows are refused by main
// itself, whatever the page sends (the IPC contract refuses them too; this is the second check).
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { buildExportZip, writeExportFolder } from '../../electron/export-writer';
import { withTempDir } from './helpers';

const RESERVED = ['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM9', 'LPT1', 'LPT9'];
const refusedNames = [
  ...RESERVED,
  ...RESERVED.map((n) => n.toLowerCase()),
  ...RESERVED.map((n) => `${n}.txt`),
  'nul.tar.gz',
  'Con.conf',
  'aux .txt',
  'a.',
  'a ',
  'hq-fw.conf.',
  'hq-fw.conf ',
];

describe('export file names', () => {
  it.each(refusedNames)('refuses %j, writing nothing', async (name) => {
    await withTempDir(async (dir) => {
      const r = await writeExportFolder(dir, [{ name: 'ok.txt', content: 'x' }, { name, content: 'y' }]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Windows|end with/);
      expect(await fs.readdir(dir)).toEqual([]);
      expect((await buildExportZip([{ name, content: 'y' }])).ok).toBe(false);
    });
  });

  it.each(['CONFIG.txt', 'console.conf', 'COM10.txt', 'LPT0', 'nul-route.cfg', 'a.b', 'hq fw.conf'])('accepts %j', async (name) => {
    await withTempDir(async (dir) => {
      expect(await writeExportFolder(dir, [{ name, content: 'x' }])).toEqual({ ok: true });
      expect(await fs.readFile(join(dir, name), 'utf8')).toBe('x');
    });
  });
});
