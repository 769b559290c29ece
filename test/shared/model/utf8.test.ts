// The strict UTF-8 decoder against the platform's (WHATWG, fatal): the same answer on
// arbitrary bytes and on the encoding of arbitrary text, and byte lengths as TextEncoder counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8ByteLength } from '../../../shared/model/utf8';

const platform = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const reference = (bytes: Uint8Array): string | undefined => {
  try {
    return platform.decode(bytes);
  } catch {
    return undefined;
  }
};

// Generous timeout: thousands of cases and 20 MB of text; their count, not the clock, is the test.
describe('decodeUtf8', { timeout: 120_000 }, () => {
  it.each([
    ['ASCII', [0x41, 0x42], 'AB'],
    ['two bytes', [0xc3, 0xa9], 'é'],
    ['three bytes', [0xe2, 0x82, 0xac], '€'],
    ['four bytes (a surrogate pair)', [0xf0, 0x9f, 0x94, 0x91], '🔑'],
    ['a byte order mark is kept', [0xef, 0xbb, 0xbf, 0x41], '\ufeffA'],
  ])('decodes %s', (_what, bytes, text) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ ok: true, text });
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong "/" (C0 AF)', [0xc0, 0xaf], 0],
    ['an overlong three-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a truncated sequence', [0x41, 0x42, 0xe2, 0x82], 2],
    ['Latin-1 text', [0x63, 0x61, 0x66, 0xe9], 3],
    ['FF', [0xff], 0],
  ])('refuses %s at its offset', (_what, bytes, offset) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ ok: false, offset });
  });

  it('agrees with the platform decoder on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const r = decodeUtf8(bytes);
      const expected = reference(bytes);
      expect(r.ok ? r.text : undefined).toEqual(expected);
    }), { numRuns: 5000 });
  });

  it('decodes the encoding of any text back to it, and counts its bytes as TextEncoder does', () => {
    const enc = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const bytes = enc.encode(text);
      expect(utf8ByteLength(text)).toBe(bytes.byteLength);
      const r = decodeUtf8(bytes);
      expect(r.ok && r.text).toBe(reference(bytes));
    }), { numRuns: 3000 });
  });

  it('decodes 20 MB of mixed text in one piece', () => {
    const text = 'abc€é🔑\n'.repeat(1_500_000);
    const r = decodeUtf8(new TextEncoder().encode(text));
    expect(r.ok && r.text === text).toBe(true);
  });
});
