// FortiGate and ScreenOS with edge values the shared random designs do not vary: lifetimes and
// kilobyte lifetimes at and beyond the products' ranges, DPD intervals, keys with quotes and
// backslashes. Every export stays within the capability table's ranges, reads back as the design
// up to what its warnings explain, and holds the key unchanged or refuses it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { Gateway, TopologyDocument } from '../../../shared/model/document';
import { vendorModule } from '../../../shared/vendors/registry';
import { VALUE_SETTINGS, settingValue } from '../../../shared/vendors/kit/capabilities';
import { intendedMeaning, unexplainedDifferences } from '../../support/meaning';
import { buildDesign, design } from './random-design';

const edges = fc.record({
  ike: fc.constantFrom(60, 119, 120, 180, 28800, 86400, 172800, 200000),
  esp: fc.constantFrom(60, 119, 120, 180, 3600, 86400, 172800, 200000),
  kb: fc.option(fc.constantFrom(1, 4096, 5120, 4608000, 4294967295), { nil: undefined }),
  dpd: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
  psk: fc.constantFrom('plain', 'a"b', 'a\\b', '0x1234', "it's", 'sp ace'),
});

for (const vendor of ['fortigate', 'screenos'] as const) {
  describe(`${vendor}: edge values`, () => {
    it('never writes a value outside its ranges, and reads back as the design up to its warnings', () => {
      const limits = vendorModule(vendor).capabilities.valueLimits?.({ vendor } as Gateway) ?? {};
      fc.assert(
        fc.property(design, edges, (d, e) => {
          const doc: TopologyDocument = buildDesign(d, undefined, [vendor, d.vendorB]);
          const t = doc.tunnels[0] as TopologyDocument['tunnels'][number];
          t.a = { ...t.a, ike: { ...t.a.ike, lifetimeSeconds: e.ike }, esp: { ...t.a.esp, lifetimeSeconds: e.esp, ...(e.kb ? { lifetimeKilobytes: e.kb } : {}) }, dpd: e.dpd ? { enabled: true, intervalSeconds: e.dpd } : { ...t.a.dpd, enabled: false }, auth: { ...t.a.auth, psk: e.psk } };
          const gw = doc.gateways[0] as Gateway;
          const result = exportDocument(doc, { gateways: [gw.id], skipEngineCheck: true, includeSecrets: true });
          const text = result.files.map((f) => f.content).join('\n');
          const read = vendorModule(vendor).reader?.read(result.files);
          if (!read?.ok) throw new Error('the reader refused the export');
          // A value out of range in a tunnel that is written is said with a warning that names it.
          for (const s of read.meaning.peers.length > 0 ? VALUE_SETTINGS : []) {
            const limit = limits[s];
            const v = settingValue(t.a, s);
            if (!limit || v === undefined || (v >= limit.min && v <= limit.max)) continue;
            expect(result.warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes(String(v)))).toBe(true);
          }
          expect(read.lines.unknown).toEqual([]);
          const { meaning, tunnels } = intendedMeaning(doc, gw);
          const diff = unexplainedDifferences(meaning, read.meaning, result.warnings, gw, tunnels);
          expect(diff).toEqual([]);
          // The key reaches the file unchanged (quoted, escaped or hex-encoded), or the tunnel's key statement is refused.
          const refused = result.warnings.some((w) => w.code === 'VALUE_UNSUPPORTED' && /pre-shared key/.test(w.message));
          if (!refused && read.meaning.peers.length > 0) expect(text.includes(e.psk) || text.includes(e.psk.replace(/\\/g, '\\\\').replace(/"/g, '\\"')) || /psksecret 0x[0-9a-f]+/.test(text)).toBe(true);
          if (e.psk.includes('"') && vendor === 'screenos') expect(refused || read.meaning.peers.length === 0).toBe(true);
        }),
        { numRuns: 150, seed: 20261213 },
      );
    });
  });
}
