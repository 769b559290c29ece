// File bytes become text one way, for the command line and the desktop: strict UTF-8, a UTF-8
// byte order mark dropped, UTF-16 named, the size limit before anything is decoded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID } from '../../../shared/cli/io';
import { runCli } from '../../../shared/cli/main';
import { decodeDocumentBytes, MAX_FILE_BYTES } from '../../../shared/model/file';
import { serializeDocument } from '../../../shared/document/file';
import { fullMesh } from '../../../shared/templates/full-mesh';
import { memoryIo } from '../../support/memory-io';

const enc = new TextEncoder();
const platform = new TextDecoder('utf-8', { fatal: true });

describe('decodeDocumentBytes', { timeout: 120_000 }, () => {
  it('refuses bytes that are not UTF-8, saying where, quoting none of them', () => {
    const bytes = Uint8Array.from([...enc.encode('{"formatVersion":2,\n"name":"caf'), 0xe9, ...enc.encode('"}')]);
    const r = decodeDocumentBytes(bytes);
    expect(r).toMatchObject({ ok: false, code: 'NOT_TEXT' });
    if (!r.ok) expect(r.errors[0]!.message).toBe('byte 32 (line 2) is not valid UTF-8');
  });

  it('names UTF-16 (Windows Notepad "Unicode") instead of calling it garbage', () => {
    const r = decodeDocumentBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.summary).toMatch(/UTF-16.*Save it as UTF-8/);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeDocumentBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses more than MAX_FILE_BYTES before decoding', () => {
    const r = decodeDocumentBytes(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(r).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });

  it('accepts exactly what the platform\'s fatal decoder accepts, with the same text', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.string({ unit: 'binary' }).map((s) => enc.encode(s))), (bytes) => {
      let expected: string | undefined;
      try {
        expected = platform.decode(bytes);
      } catch {
        expected = undefined;
      }
      const r = decodeDocumentBytes(bytes);
      if (bytes[0] === 0xfe && bytes[1] === 0xff) expect(r.ok).toBe(false); // FE FF is not UTF-8 either way
      else expect(r.ok ? r.text : undefined).toEqual(expected);
    }), { numRuns: 3000 });
  });
});

describe('the command line reads files as the desktop does', { timeout: 120_000 }, () => {
  it('refuses a Latin-1 topology (exit 2) instead of exporting U+FFFD', async () => {
    const text = serializeDocument(fullMesh()).replace('"Site-A"', '"Site-\u00e9"');
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const m = memoryIo({ 'l1.json': latin1 });
    await expect(runCli(['export', 'l1.json'], m.io)).resolves.toBe(EXIT_INVALID);
    expect(m.out()).not.toContain('\ufffd');
    expect(m.err()).toMatch(/not UTF-8 text/);
    await expect(runCli(['check', 'l1.json'], m.io)).resolves.toBe(EXIT_INVALID);
  });

  it('reads the same text as UTF-8 and exports it', async () => {
    const text = serializeDocument(fullMesh()).replace('"Site-A"', '"Site-\u00e9"');
    const m = memoryIo({ 'u.json': enc.encode(text) });
    await expect(runCli(['export', 'u.json'], m.io)).resolves.not.toBe(EXIT_INVALID);
    expect(m.out()).not.toContain('\ufffd');
  });

  it('refuses a file over the limit without reading it', async () => {
    const m = memoryIo({ 'big.json': new Uint8Array(MAX_FILE_BYTES + 10) });
    await expect(runCli(['check', 'big.json'], m.io)).resolves.toBe(EXIT_INVALID);
    expect(m.err()).toMatch(/topology files are at most 20 MB/);
  });
});
