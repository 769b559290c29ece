// The monitor's and the walk's negotiator backed by the real engine: one phase-2 negotiation is
// the engine's per-selector result for the proxy ID in question, with the triggering packet
// passed on so the engine can put its selector first (RFC 7296 §2.9).
import { negotiateTunnel } from '../engine/negotiate';
import type { Phase2Result } from '../engine/report';
import type { TopologyDocument, TunnelEnd } from '../model/document';
import { vendorModule } from '../vendors/registry';
import type { Rule } from '../vocabulary/provenance';
import type { NegotiationOutcome, Negotiator, TriggerProposal } from './negotiator';

/** The initiator's packet-trigger rule, when the engine cited it for this entry (a packet that falls in the child). */
function triggerRuleOf(doc: TopologyDocument, end: TunnelEnd, cited: readonly string[], rules: readonly Rule[]): Rule | undefined {
  const gateway = doc.gateways.find((g) => g.id === end.gatewayId);
  if (!gateway) return undefined;
  const id = vendorModule(gateway.vendor).profile.selectors({ gateway, end }).rules.packetTrigger;
  return cited.includes(id) ? rules.find((r) => r.id === id) : undefined;
}

export const engineNegotiator: Negotiator = (doc, req) => {
  const report = negotiateTunnel(doc, req.tunnel.id, {
    initiator: req.initiator,
    ...(req.packet
      ? { packet: { source: req.packet.src, destination: req.packet.dst, protocol: req.packet.protocol, ...(req.packet.srcPort !== undefined ? { sourcePort: req.packet.srcPort } : {}), ...(req.packet.dstPort !== undefined ? { destinationPort: req.packet.dstPort } : {}) } }
      : {}),
  });
  if (report.phase1.status === 'down') {
    return { status: 'down', notify: report.phase1.notify ?? 'TIMEOUT', reason: `phase 1: ${report.phase1.reason ?? 'failed'}` };
  }
  const configured = req.tunnel[req.initiator].proxyIds.length > 0;
  const entry: Phase2Result | undefined = configured
    ? report.phase2.find((p) => p.initiatorProxyIds.includes(req.proxyIndex))
    : report.phase2.find((p) => p.isDefault) ?? report.phase2[0];
  if (!entry) {
    return { status: 'down', notify: 'NOT_PROPOSED', reason: `${report.initiator} does not propose this proxy ID (its vendor negotiates only some of them)` };
  }
  // What the packet made the initiator propose, by its product's rule (cited in the entry).
  const triggerRule = req.packet ? triggerRuleOf(doc, req.tunnel[req.initiator], entry.rules, report.rules) : undefined;
  const trigger: TriggerProposal | undefined = triggerRule ? { packetFirst: entry.triggeredBy !== undefined, local: entry.proposedTs.local, remote: entry.proposedTs.remote, rule: triggerRule } : undefined;
  // Up but asymmetric: the SA is installed; the initiator's own installed selectors are listed.
  const mine = entry.installed?.initiator ?? entry.negotiated;
  const out: NegotiationOutcome = entry.status !== 'down' && mine
    ? { status: 'up', local: mine.local, remote: mine.remote, ...(entry.esp ? { esp: `${entry.esp.encryption}/${entry.esp.integrity}` } : {}), ...(entry.installed ? { peer: entry.installed.responder } : {}), ...(trigger ? { trigger } : {}) }
    : { status: 'down', notify: entry.notify ?? 'TIMEOUT', reason: entry.reason ?? 'phase 2 failed', ...(trigger ? { trigger } : {}) };
  return out;
};
