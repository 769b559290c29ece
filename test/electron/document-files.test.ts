// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/model/file';
import { readDocumentFile, writeDocumentFile } from '../../electron/document-files';
import { topologyText, withTempDir } from './helpers';

describe('readDocumentFile', () => {
  it('reads a valid topology', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText());
      expect(await readDocumentFile(path)).toEqual({ ok: true, text: topologyText() });
    });
  });

  it('refuses an oversized file before reading it, with the size in the message', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'huge.json');
      await fs.writeFile(path, '');
      await fs.truncate(path, MAX_FILE_BYTES + 30 * 1024 * 1024); // sparse 50 MB
      const r = await readDocumentFile(path);
      expect(r).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
      if (!r.ok) expect(r.message).toMatch(/"huge.json": The file is 50\.0 MB; topology files are at most 20 MB/);
    });
  });

  it('refuses garbage bytes as not text', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'garbage.json');
      await fs.writeFile(path, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28, 0x9f]));
      const r = await readDocumentFile(path);
      expect(r).toMatchObject({ ok: false, code: 'NOT_TEXT' });
      if (!r.ok) expect(r.message).toContain('is not a text file');
    });
  });

  it('refuses truncated JSON, wrong shapes and newer formats with the loader messages', async () => {
    await withTempDir(async (dir) => {
      const cases: [string, string, string, RegExp][] = [
        ['truncated.json', topologyText().slice(0, 40), 'NOT_JSON', /not valid JSON/],
        ['array.json', '[1,2,3]', 'NOT_A_TOPOLOGY', /not an IPsec Studio topology/],
        ['newer.json', JSON.stringify({ formatVersion: 999 }), 'NEWER_FORMAT', /newer IPsec Studio/],
        ['proto.json', '{"formatVersion":1,"__proto__":{"x":1}}', 'FORBIDDEN_KEY', /__proto__/],
      ];
      for (const [name, text, code, message] of cases) {
        const path = join(dir, name);
        await fs.writeFile(path, text);
        const r = await readDocumentFile(path);
        expect(r, name).toMatchObject({ ok: false, code });
        if (!r.ok) expect(r.message, name).toMatch(message);
      }
    });
  });

  it('gives clear messages for a missing file and a folder', async () => {
    await withTempDir(async (dir) => {
      expect(await readDocumentFile(join(dir, 'gone.json'))).toEqual({ ok: false, code: 'NOT_FOUND', message: '"gone.json" was not found: was it moved or deleted?' });
      expect(await readDocumentFile(dir)).toMatchObject({ ok: false, code: 'IS_FOLDER' });
    });
  });
});

describe('writeDocumentFile', () => {
  it('refuses text that is not a topology and leaves the file as it was', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      await fs.writeFile(path, topologyText('Before'));
      for (const bad of ['', '{"formatVersion": 2, "name": 5}', '{"formatVersion": 1}', '{not json', JSON.stringify({ formatVersion: 999 })]) {
        const r = await writeDocumentFile(path, bad);
        expect(r.ok, bad).toBe(false);
        if (!r.ok) expect(r.message).toMatch(/^Not saved: the document (is not a valid topology|is in file format \d+; IPsec Studio writes format \d+)/);
      }
      expect(await fs.readFile(path, 'utf8')).toBe(topologyText('Before'));
      expect(await fs.readdir(dir)).toEqual(['lab.json']);
    });
  });

  it('writes a valid topology and reports I/O errors as sentences', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lab.json');
      expect(await writeDocumentFile(path, topologyText())).toEqual({ ok: true });
      expect(await fs.readFile(path, 'utf8')).toBe(topologyText());
      expect(await writeDocumentFile(join(dir, 'missing-folder', 'x.json'), topologyText())).toEqual({ ok: false, message: 'Could not save "x.json": the folder does not exist. Use Save As to save it somewhere else.' });
    });
  });
});
