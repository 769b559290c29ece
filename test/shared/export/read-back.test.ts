// Export, read back with the product's own reader (shared/vendors/<vendor>/reader.ts), and
// compare the meaning (peers, proposals, lifetimes, identities, selectors, routes) with what the
// design says, for every template retargeted to each product and for random designs: every
// difference must be one a warning of the export explains (test/support/meaning.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { Gateway, TopologyDocument } from '../../../shared/model/document';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import { EXPORT_VENDORS, vendorModule, type ExportVendorId } from '../../../shared/vendors/registry';
import { TEMPLATES } from '../../../shared/templates/index';
import { intendedMeaning, unexplainedDifferences } from '../../support/meaning';
import { buildDesign, design } from './random-design';
import { retarget } from './retarget';

const DESIGNS = Number(process.env['READ_BACK_DESIGNS'] ?? 100);
const SEED = Number(process.env['READ_BACK_SEED'] ?? 20261203);

/** Per product: exports read back, files, peers, and what became of their lines. */
const tally = new Map<string, { exports: number; files: number; peers: number; used: number; ignored: number; unknown: number }>();

/** Reads one gateway's export back; the problems found, each saying where. */
function roundTrip(doc: TopologyDocument, gateway: Gateway, origin: string): string[] {
  const reader = (vendorModule(gateway.vendor) as VendorModule).reader;
  if (!reader) return [`${gateway.vendor} has no reader`];
  const result = exportDocument(doc, { gateways: [gateway.id], skipEngineCheck: true });
  if (result.files.length === 0) return [];
  const read = reader.read(result.files);
  if (!read.ok) return [`${origin}, ${gateway.name}: the reader refused the export: ${read.message}`];
  const t = tally.get(gateway.vendor) ?? { exports: 0, files: 0, peers: 0, used: 0, ignored: 0, unknown: 0 };
  tally.set(gateway.vendor, { exports: t.exports + 1, files: t.files + result.files.length, peers: t.peers + read.meaning.peers.length, used: t.used + read.lines.used, ignored: t.ignored + read.lines.ignored, unknown: t.unknown + read.lines.unknown.length });
  const problems = read.lines.unknown.map((u) => `${origin}, ${gateway.name}: ${u.file} line ${u.line} not understood: ${u.text}`);
  const { meaning, tunnels } = intendedMeaning(doc, gateway);
  for (const d of unexplainedDifferences(meaning, read.meaning, result.warnings, gateway, tunnels)) problems.push(`${origin}, ${gateway.name}: ${d}`);
  return problems;
}

describe('every export reads back as what the design means', () => {
  it('every product with an exporter has a reader of its own output', () => {
    const missing = EXPORT_VENDORS.filter((v) => !(vendorModule(v) as VendorModule).reader).map((v) => `${v}: add shared/vendors/${v}/reader.ts (a VendorReader, shared/vendors/kit/reader.ts) and put it in the module`);
    expect(missing).toEqual([]);
  });

  for (const vendor of EXPORT_VENDORS.filter((v) => (vendorModule(v) as VendorModule).reader) as ExportVendorId[]) {
    it(`${vendor}: every template and ${DESIGNS} random designs`, () => {
      const problems: string[] = [];
      for (const t of TEMPLATES) {
        const doc = retarget(t.build(), vendor);
        for (const g of doc.gateways) problems.push(...roundTrip(doc, g, `template ${t.id}`));
      }
      fc.sample(design, { numRuns: DESIGNS, seed: SEED + EXPORT_VENDORS.indexOf(vendor) }).forEach((d, i) => {
        const doc = buildDesign(d, undefined, [vendor, d.vendorB]);
        problems.push(...roundTrip(doc, doc.gateways[0] as Gateway, `random design ${i}`));
      });
      const n = tally.get(vendor);
      if (n) console.log(`read-back ${vendor}: ${n.exports} exports, ${n.files} files, ${n.peers} peers read; lines ${n.used} used, ${n.ignored} ignored, ${n.unknown} not understood`);
      expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    });
  }
});
