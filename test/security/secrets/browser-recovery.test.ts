// The web build keeps its recovery copy in IndexedDB, which any script of the origin (and anyone
// with the browser profile) can read. Pre-shared keys are taken out of that copy; restoring says
// so, so the person knows to enter them again. (The desktop copy is a 0600 file in userData.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentOf, newGateway, newTunnel } from '../../../shared/document/factory';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { PSK_NOTICE, withoutPreSharedKeys } from '../../../renderer/platform/recovery-secrets';

function docWithKeys(a: string, b: string) {
  const gwA = newGateway({ id: 'gw-1', name: 'A', vendor: 'strongswan', position: { x: 0, y: 0 }, outsideAddress: '192.0.2.1/24' });
  const gwB = newGateway({ id: 'gw-2', name: 'B', vendor: 'panos', position: { x: 300, y: 0 }, outsideAddress: '198.51.100.1/24' });
  const t = newTunnel({ id: 'tun-1', name: 'A-B', a: gwA, b: gwB });
  t.a.auth.psk = a;
  t.b.auth.psk = b;
  return documentOf({ name: 'Keys', gateways: [gwA, gwB], tunnels: [t] });
}

describe('the browser recovery copy', () => {
  it('holds no pre-shared key, and is still a valid topology with everything else', () => {
    const text = serializeDocument(docWithKeys('s3cret-A', 's3cret-B'));
    const r = withoutPreSharedKeys(text);
    expect(r.removed).toBe(true);
    expect(r.text).not.toContain('s3cret');
    const loaded = loadDocumentText(r.text);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.document.tunnels[0]?.a.auth.psk).toBe('');
      expect(loaded.document.tunnels[0]?.a.auth.method).toBe('psk');
      expect(loaded.document.gateways.map((g) => g.name)).toEqual(['A', 'B']);
    }
  });

  it('says nothing was removed when there was no key', () => {
    const text = serializeDocument(docWithKeys('', ''));
    expect(withoutPreSharedKeys(text)).toEqual({ text, removed: false });
  });

  it('removes any key, whatever its characters', () => {
    // Any key a document can hold: printable ASCII, spaces, quotes and backslashes included (shared/model/text.ts).
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 64, unit: printable }), (key) => {
        const r = withoutPreSharedKeys(serializeDocument(docWithKeys(key, key)));
        expect(r.removed).toBe(true);
        // Exactly the document without its keys: nothing of a key is left, nothing else changed.
        expect(r.text).toBe(serializeDocument(docWithKeys('', '')));
      }),
      { numRuns: 500 },
    );
  });

  it('names what to do on restore', () => {
    expect(PSK_NOTICE).toMatch(/pre-shared keys are not kept in the browser's recovery copy; enter them again/i);
  });
});
