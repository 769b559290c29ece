// Which product a pasted configuration is: every product the app reads has configurations written
// after its own documentation (test/fixtures/import/docs/<product>/), and each one, pasted without
// saying its product, must be read by its own product's reader, whose recognize() must score it
// above every other reader's. A product with a reader and no such configuration fails the test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigurations } from '../../../shared/import/import';
import { DocumentSchema } from '../../../shared/model/document';
import type { VendorReader } from '../../../shared/vendors/kit/reader';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';

const DOCS = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'docs');
const READERS = VENDOR_MODULES.flatMap((m) => ('reader' in m && m.reader ? [{ vendor: m.id, reader: m.reader as VendorReader }] : []));
/** Files that go with a configuration rather than being one (the keys beside an ipsec.conf). */
const COMPANION = /\.secrets$/;

describe('each product is recognised from its own documentation\'s configurations', () => {
  it('every product with a reader has configurations written after its documentation', () => {
    const folders = readdirSync(DOCS);
    expect(READERS.map((r) => r.vendor).filter((v) => !folders.includes(v))).toEqual([]);
    expect(READERS.every((r) => typeof r.reader.recognize === 'function')).toBe(true);
  });

  for (const { vendor } of READERS) {
    const dir = path.join(DOCS, vendor);
    const names = readdirSync(dir).filter((n) => !COMPANION.test(n));
    for (const name of names) {
      it(`${vendor}/${name}`, () => {
        const content = readFileSync(path.join(dir, name), 'utf8');
        const scores = READERS.map((r) => ({ vendor: r.vendor, score: r.reader.recognize?.(content) ?? 0 }));
        const own = scores.find((s) => s.vendor === vendor)?.score ?? 0;
        expect(own, `${vendor}'s recognize() on its own file`).toBeGreaterThanOrEqual(0.5);
        for (const s of scores) if (s.vendor !== vendor) expect(s.score, `${s.vendor}'s recognize() on a ${vendor} file`).toBeLessThan(own);
        const more = readdirSync(dir).filter((n) => COMPANION.test(n)).map((n) => ({ name: n, content: readFileSync(path.join(dir, n), 'utf8') }));
        const r = importConfigurations([{ name, content, more }]);
        if (!r.ok) throw new Error(r.message);
        expect(r.files.map((f) => f.vendor)).toEqual([vendor]);
        // What it becomes is a valid topology (a peer at %any or of a dynamic crypto map included).
        const valid = DocumentSchema.safeParse(r.document);
        expect(valid.success ? [] : valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
        // Pasted in the dialog, the text has no file name of its own (the box's title names it).
        const pasted = importConfigurations([{ name: 'Device 1', content, more }]);
        if (!pasted.ok) throw new Error(pasted.message);
        expect(pasted.files.map((f) => [f.vendor, f.peers])).toEqual([[vendor, r.files[0]?.peers]]);
      });
    }
  }
});
