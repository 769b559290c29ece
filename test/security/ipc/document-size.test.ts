// Every document the app can open can be saved and autosaved: each channel that carries a
// document's text (file:save and recovery:write requests, file:open and recovery:restore
// answers) carries any text of up to MAX_FILE_BYTES UTF-8 bytes, the limit of the file reader,
// and refuses one byte more with a message in bytes (before, the limit was in UTF-16 units, so
// a text of multi-byte characters passed that main then wrote as a file too large to reopen).
import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse, utf8ByteLength } from '../../../shared/ipc/contract';
import { MAX_FILE_BYTES } from '../../../shared/model/file';
import { loadDocumentText } from '../../../shared/document/file';
import { documentOf, newGateway } from '../../../shared/document/factory';
import { largeDocument } from '../../support/large-document';

/**
 * A valid topology of exactly `bytes` UTF-8 bytes: gateways whose notes are filled with `pad` (a
 * note holds at most NOTES_MAX characters, so the text is spread over as many gateways as needed;
 * the pads need no JSON escaping, so each note adds exactly its own bytes).
 */
function topologyOfBytes(bytes: number, pad: string): string {
  const NOTES_MAX = 10_000;
  const unit = utf8ByteLength(pad);
  const perGateway = Math.floor(NOTES_MAX / 2) * unit;
  const count = Math.ceil(bytes / perGateway) + 1;
  const gateways = Array.from({ length: count }, (_, i) => newGateway({ id: `g${i}`, name: `G${i}`, vendor: 'generic', position: { x: i, y: 0 } }));
  // Compact JSON (what the app writes for a document this large): each note adds exactly its own bytes.
  const textOf = () => JSON.stringify(documentOf({ name: 'Padded', gateways }));
  let room = bytes - utf8ByteLength(textOf());
  expect(room).toBeGreaterThan(0);
  for (const g of gateways) {
    if (room <= 0) break;
    const take = Math.min(room, perGateway);
    g.notes = pad.repeat(Math.floor(take / unit)) + 'x'.repeat(take % unit);
    room -= take;
  }
  const text = textOf();
  expect(utf8ByteLength(text)).toBe(bytes);
  return text;
}

const carriers = (text: string) => [
  ['file:save', checkRequest('file:save', { text, saveAs: false })],
  ['recovery:write', checkRequest('recovery:write', { text })],
  ['file:open (answer)', checkResponse('file:open', { status: 'opened', name: 'lab.json', text })],
  ['recovery:restore (answer)', checkResponse('recovery:restore', { status: 'restored', text, savedAt: '2026-01-01T00:00:00.000Z' })],
] as const;

describe('document text on the IPC channels', () => {
  it.each([
    ['ASCII', 'a'],
    ['2-byte characters', 'é'],
    ['3-byte characters', '€'],
    ['4-byte characters (surrogate pairs)', '🔐'],
  ])('passes at exactly MAX_FILE_BYTES of %s, and is refused one byte over', (_what, pad) => {
    const max = topologyOfBytes(MAX_FILE_BYTES, pad);
    expect(loadDocumentText(max, utf8ByteLength(max)).ok).toBe(true);
    for (const [channel, r] of carriers(max)) expect(r.ok, channel).toBe(true);
    const over = topologyOfBytes(MAX_FILE_BYTES + 1, pad);
    for (const [channel, r] of carriers(over)) {
      expect(r.ok, channel).toBe(false);
      // Requests are refused with the size; an answer that big is withheld by main (and logged).
      if (!r.ok && !channel.includes('answer')) expect(r.message, channel).toMatch(/bytes; at most 20971520 bytes \(20 MB\)/);
    }
  });

  it('refuses a text that is short in characters but over the limit in bytes (it could not be opened again)', () => {
    const text = topologyOfBytes(MAX_FILE_BYTES + 3 * 1024, '€');
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    for (const [channel, r] of carriers(text)) expect(r.ok, channel).toBe(false);
  });

  it('carries the 10,000-tunnel design whenever its file text fits (compact JSON is 15 MB)', { timeout: 60_000 }, () => {
    const text = JSON.stringify(largeDocument());
    expect(utf8ByteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    for (const [channel, r] of carriers(text)) expect(r.ok, channel).toBe(true);
  });

  it('counts UTF-8 bytes as the encoder does', () => {
    for (const s of ['', 'abc', 'é€🔐', '\ud800', '\udc00x', 'a\ud83d', '🔐'.repeat(1000)]) expect(utf8ByteLength(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
  });
});
