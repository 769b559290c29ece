// Import from what the exporters write: every template, retargeted to each product that has an
// exporter, exported box by box and imported back (with the product recognised from the text, as
// a pasted file is). The imported topology must mean the same to the engine: per tunnel, phase 1
// and each phase-2 selector's status and negotiated selectors, as the design does.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import type { TunnelReport } from '../../../shared/engine/report';
import { exportDocument } from '../../../shared/export/export';
import { importConfigurations, type ConfigFile } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { DocumentSchema } from '../../../shared/document/schema';
import type { ExportWarningCode } from '../../../shared/vendors/kit/export/types';
import { EXPORT_VENDORS } from '../../../shared/vendors/registry';
import { TEMPLATES } from '../../../shared/templates/index';
import { retarget } from '../export/retarget';

/** Warnings of a tunnel the exporter could not write as designed (as in test/support/meaning.ts). */
const NOT_WRITTEN_WHOLE: ExportWarningCode[] = ['MISSING_ADDRESS', 'VALUE_UNSUPPORTED', 'INVALID_VALUE', 'MISSING_INTERFACE', 'ALGORITHM_UNSUPPORTED', 'DH_GROUP_UNSUPPORTED', 'SELECTOR_UNSUPPORTED', 'TUNNEL_NOT_WRITTEN'];

/** One box's export as the files a user would import. */
function filesOf(doc: TopologyDocument): ConfigFile[] {
  return doc.gateways.flatMap((g) => {
    const r = exportDocument(doc, { gateways: [g.id], skipEngineCheck: true, includeSecrets: true });
    const [first, ...more] = r.files;
    return first ? [{ name: first.name, label: g.name, content: first.content, more: more.map((f) => ({ name: f.name, content: f.content })) }] : [];
  });
}

/** What the engine says of a tunnel, by its two boxes (tunnel names differ after import). */
function verdicts(doc: TopologyDocument, initiatorOf?: Map<string, string>): Map<string, string> {
  const byId = new Map(doc.gateways.map((g) => [g.id, g.name]));
  const initiators: Record<string, 'a' | 'b'> = {};
  for (const t of doc.tunnels) {
    const key = [byId.get(t.a.gatewayId), byId.get(t.b.gatewayId)].sort().join(' / ');
    const who = initiatorOf?.get(key);
    if (who !== undefined) initiators[t.id] = byId.get(t.a.gatewayId) === who ? 'a' : 'b';
  }
  const report = computeReport(doc, { initiators });
  const out = new Map<string, string>();
  for (const t of report.tunnels as TunnelReport[]) {
    const tunnel = doc.tunnels.find((x) => x.name === t.tunnel);
    if (!tunnel) continue;
    const key = [byId.get(tunnel.a.gatewayId), byId.get(tunnel.b.gatewayId)].sort().join(' / ');
    const p2 = t.phase2.map((p) => `${p.status} ${p.proposed.local}<->${p.proposed.remote}${p.negotiated ? ` = ${p.negotiated.local.join(',')}<->${p.negotiated.remote.join(',')}` : ''}`).sort();
    out.set(key, JSON.stringify({ phase1: t.phase1.status, p2 }));
  }
  return out;
}

/**
 * Where import does not yet give back the design, listed so that a new difference fails and a
 * closed one must be struck off (issue: import). Two causes, both open work:
 * - "not paired": the file does not say the box's own IKE address in a form the product's reader
 *   reads today (the readers read peers, not yet interfaces), so with several boxes peering with one
 *   hub the far end of a tunnel is ambiguous and it becomes an external peer;
 * - "verdict differs": an end with no proxy ID is written as the product's explicit selector
 *   (0.0.0.0/0, an ACL of the networks), which the engine negotiates differently from the
 *   product's default for an empty list: either the exporter or the engine's default is wrong for
 *   that product, and the import shows it.
 */
const KNOWN_GAPS: Partial<Record<string, string[]>> = {
  // OpenIKED runs IKEv2 only: an IKEv1 template is exported as IKEv2 (configuration limit
  // openiked.ikev1, warned), so the imported tunnel is IKEv2 and the engine negotiates it as such.
  "openiked": [
    "screenos-multi-proxy-id | GATEWAY-1 / GATEWAY-2 | verdict differs",
    "scenario-route-without-proxy-id | ASA-BRANCH / PA-HQ | verdict differs",
    "scenario-screenos-pre63-wrong-sa | GATEWAY-1 / GATEWAY-2 | verdict differs",
    "scenario-asymmetric-proxy-ids-one-way | SITE-A / SITE-B | verdict differs"
  ],
  "screenos": [
    "hub-and-spoke | Branch-SRX / HQ-PA | not paired",
    "hub-and-spoke | Branch-FGT / HQ-PA | not paired",
    "hub-and-spoke | Branch-PA / HQ-PA | not paired"
  ],
  "cisco-asa": [
    "hub-and-spoke | Branch-SRX / HQ-PA | not paired",
    "hub-and-spoke | Branch-FGT / HQ-PA | not paired",
    "hub-and-spoke | Branch-PA / HQ-PA | not paired",
    "pan-asa-interop | ASA-Branch / PA-HQ | verdict differs"
  ],
  "cisco-ios": [
    "hub-and-spoke | Branch-SRX / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-FGT / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-PA / HQ-PA | verdict differs",
    "pan-asa-interop | ASA-Branch / PA-HQ | verdict differs",
    "scenario-route-without-proxy-id | ASA-BRANCH / PA-HQ | verdict differs"
  ],
  "strongswan": [
    "hub-and-spoke | Branch-SRX / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-FGT / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-PA / HQ-PA | verdict differs",
    "pan-asa-interop | ASA-Branch / PA-HQ | verdict differs",
    "scenario-route-without-proxy-id | ASA-BRANCH / PA-HQ | verdict differs"
  ],
  "libreswan": [
    "hub-and-spoke | Branch-SRX / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-FGT / HQ-PA | verdict differs",
    "hub-and-spoke | Branch-PA / HQ-PA | verdict differs",
    "scenario-route-without-proxy-id | ASA-BRANCH / PA-HQ | verdict differs"
  ],
  "fortigate": [
    "hub-and-spoke | Branch-SRX / HQ-PA | not paired",
    "hub-and-spoke | Branch-FGT / HQ-PA | not paired",
    "hub-and-spoke | Branch-PA / HQ-PA | not paired"
  ]
};

describe('import reads back every export as the same design', () => {
  for (const vendor of EXPORT_VENDORS) {
    it(`${vendor}: every template, exported and imported, means the same to the engine`, () => {
      const problems: string[] = [];
      let tunnels = 0;
      const gaps: string[] = [];
      for (const t of TEMPLATES) {
        const doc = retarget(t.build(), vendor);
        // The export warns where it cannot write a tunnel whole; those tunnels are not compared.
        const result = exportDocument(doc, { skipEngineCheck: true });
        const partial = new Set(result.warnings.filter((w) => w.tunnel !== undefined && NOT_WRITTEN_WHOLE.includes(w.code)).map((w) => w.tunnel));
        const imported = importConfigurations(filesOf(doc), { includeSecrets: true });
        if (!imported.ok) {
          problems.push(`template ${t.id}: ${imported.message}`);
          continue;
        }
        const valid = DocumentSchema.safeParse(imported.document);
        if (!valid.success) problems.push(`template ${t.id}: the imported document is not valid: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        for (const f of imported.files) {
          if (f.vendor !== vendor) problems.push(`template ${t.id}: ${f.name} recognised as ${f.vendor}`);
          for (const u of f.lines.unknown) problems.push(`template ${t.id}: ${f.name} line ${u.line} not understood: ${u.text}`);
        }
        const want = verdicts(doc);
        // The initiator is a choice of the design, not of either configuration: the same one on both sides.
        const initiatorOf = new Map(doc.tunnels.map((x) => {
          const a = doc.gateways.find((g) => g.id === x.a.gatewayId)?.name ?? '';
          const b = doc.gateways.find((g) => g.id === x.b.gatewayId)?.name ?? '';
          return [[a, b].sort().join(' / '), x.initiator === 'a' ? a : b] as const;
        }));
        const got = verdicts(imported.document, initiatorOf);
        const names = new Set(doc.tunnels.filter((x) => partial.has(x.name)).map((x) => [doc.gateways.find((g) => g.id === x.a.gatewayId)?.name, doc.gateways.find((g) => g.id === x.b.gatewayId)?.name].sort().join(' / ')));
        for (const [key, v] of want) {
          if (names.has(key)) continue;
          tunnels++;
          if (got.get(key) !== v) {
            const gap = `${t.id} | ${key} | ${got.has(key) ? 'verdict differs' : 'not paired'}`;
            gaps.push(gap);
            if (!(KNOWN_GAPS[vendor] ?? []).includes(gap)) problems.push(`template ${t.id}, tunnel ${key}: ${v} in the design, ${got.get(key) ?? 'no tunnel'} imported`);
          }
        }
      }
      console.log(`import round trip ${vendor}: ${TEMPLATES.length} templates, ${tunnels} tunnels compared, ${tunnels - gaps.length} the same, ${gaps.length} known gaps`);
      if (process.env['PRINT_GAPS']) console.log(`GAPS ${vendor} ${JSON.stringify(gaps)}`);
      expect(problems.slice(0, 15), `${problems.length} problems`).toEqual([]);
      // A gap closed is struck off the list, so the list stays the truth.
      expect(gaps).toEqual(KNOWN_GAPS[vendor] ?? []);
    });
  }
});
