// Pairs of configurations of one box, before and after a change, for the paste writers
// (shared/vendors/<vendor>/paste.ts): every workshop template retargeted to the product, with each
// fix the engine offers on it applied; and pairs of random designs of the same two boxes, so that
// a box goes from any configuration to any other (proposals, versions, selectors, identities,
// lifetimes, route- or policy-based).
import fc from 'fast-check';
import { produce } from 'immer';
import { applyCommand } from '../../shared/commands/commands';
import { computeReport } from '../../shared/engine/report-cache';
import { importChanges, type BoxChanges } from '../../shared/export/changes';
import { exportDocument } from '../../shared/export/export';
import { importConfigurations } from '../../shared/import/import';
import type { Gateway, TopologyDocument } from '../../shared/model/document';
import { TEMPLATES } from '../../shared/templates/index';
import { panAsaInterop } from '../../shared/templates/pan-asa-interop';
import { EXPORT_VENDORS, type ExportVendorId } from '../../shared/vendors/registry';
import { buildDesign, design } from '../shared/export/random-design';
import { retarget } from '../shared/export/retarget';

export interface ConfigPair {
  /** What the change is, for messages. */
  origin: string;
  gateway: string;
  /** The files the exporter writes for the box, before and after; paired by name. */
  before: { name: string; content: string }[];
  after: { name: string; content: string }[];
}

const filesOf = (doc: TopologyDocument, g: Gateway) => exportDocument(doc, { gateways: [g.id], skipEngineCheck: true, includeSecrets: true }).files;

/** Each template, retargeted to `vendor`, and each fix the engine offers on it: the boxes of `vendor` whose files the fix changes. */
export function fixPairs(vendor: ExportVendorId): ConfigPair[] {
  const out: ConfigPair[] = [];
  for (const t of TEMPLATES) {
    const doc = retarget(t.build(), vendor);
    const report = computeReport(doc);
    for (const tr of report.tunnels) {
      for (const d of tr.diagnostics) {
        if (!d.fix || d.fix.length === 0) continue;
        const fixed = produce(doc, (draft) => {
          for (const c of d.fix) applyCommand(draft, c);
        });
        for (const g of doc.gateways) {
          const now = fixed.gateways.find((x) => x.id === g.id);
          if (!now) continue;
          const before = filesOf(doc, g);
          const after = filesOf(fixed, now);
          if (before.map((f) => f.content).join('\0') === after.map((f) => f.content).join('\0')) continue;
          out.push({ origin: `template ${t.id}, fix ${d.code} (${d.fixLabel ?? ''})`, gateway: g.name, before, after });
        }
      }
    }
  }
  return out;
}

/** `runs` pairs of random designs, box A of `vendor` in both, against any product. */
export function randomPairs(vendor: ExportVendorId, runs: number, seed = 20261203): ConfigPair[] {
  const pair = fc.tuple(design, design);
  return fc.sample(pair, { numRuns: runs, seed: seed + EXPORT_VENDORS.indexOf(vendor) }).flatMap(([d1, d2], i) => {
    const one = buildDesign(d1, undefined, [vendor, d1.vendorB]);
    const two = buildDesign(d2, undefined, [vendor, d1.vendorB]);
    const g1 = one.gateways[0] as Gateway;
    const g2 = two.gateways[0] as Gateway;
    const before = filesOf(one, g1);
    const after = filesOf(two, g2);
    return before.length > 0 && after.length > 0 ? [{ origin: `random pair ${i}`, gateway: g1.name, before, after }] : [];
  });
}

/**
 * An imported box and its Changes since import: the pan-asa-interop template retargeted to
 * `vendor`, exported, `withoutLine` taken out of the first box's file before import (so that the
 * engine has something to fix), and the engine's first offered fix applied.
 */
export function importedAndFixed(vendor: ExportVendorId, withoutLine: string): BoxChanges[] {
  const doc = retarget(panAsaInterop(), vendor);
  const files = exportDocument(doc, { skipEngineCheck: true, includeSecrets: true }).files.map((f, i) => (i === 0 ? { ...f, content: f.content.replace(withoutLine, '') } : f));
  const r = importConfigurations(files, { initiator: 0 });
  if (!r.ok) throw new Error(r.message);
  const offered = computeReport(r.document).tunnels.flatMap((t) => t.diagnostics).find((d) => (d.fix?.length ?? 0) > 0);
  if (!offered?.fix) throw new Error('no fix offered');
  const fixed = produce(r.document, (draft) => {
    for (const c of offered.fix ?? []) applyCommand(draft, c);
  });
  const changes = importChanges(fixed);
  if (!changes.ok) throw new Error(changes.message);
  return changes.boxes;
}
