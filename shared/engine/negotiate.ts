// The negotiation engine's entry point for one tunnel: for each tunnel, what the two real products would do in
// phase 1 and, per selector pair, in phase 2, with the messages exchanged, the log lines each side
// writes, and the likely human cause of each failure with a one-click fix. Pure and deterministic;
// bad input becomes diagnostics, never an exception.
import type { TopologyDocument } from '../model/document';
import { gatewayMap, networkMap, NO_NETWORKS } from './document-index';
import type { NegotiateOptions } from './options';
import type { TunnelReport } from './report';
import { computeTunnel, missingReport, validEnd } from './tunnel-report';

/** One tunnel's report. An unknown tunnel id gives a report that says so (never an exception). */
export function negotiateTunnel(doc: TopologyDocument, tunnelId: string, options: NegotiateOptions = {}): TunnelReport {
  const tunnels = Array.isArray(doc.tunnels) ? doc.tunnels : [];
  const tunnel = tunnels.find((t) => t.id === tunnelId);
  if (!tunnel) return missingReport(tunnelId, tunnelId, `There is no tunnel with id "${tunnelId}".`);
  const gws = gatewayMap(doc);
  const nets = networkMap(doc);
  const a = validEnd(tunnel.a) ? tunnel.a.gatewayId : '';
  const b = validEnd(tunnel.b) ? tunnel.b.gatewayId : '';
  return computeTunnel(tunnel, gws.get(a), gws.get(b), { a: nets.get(a) ?? NO_NETWORKS, b: nets.get(b) ?? NO_NETWORKS }, options);
}
