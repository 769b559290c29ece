// Gateways by id and networks by gateway id, for looking tunnels' ends up.
import type { Gateway, Network, TopologyDocument } from '../model/document';

export function gatewayMap(doc: TopologyDocument): Map<string, Gateway> {
  const m = new Map<string, Gateway>();
  for (const g of Array.isArray(doc.gateways) ? doc.gateways : []) m.set(g.id, g);
  return m;
}

export function networkMap(doc: TopologyDocument): Map<string, Network[]> {
  const m = new Map<string, Network[]>();
  for (const n of Array.isArray(doc.networks) ? doc.networks : []) {
    const list = m.get(n.gatewayId);
    if (list) list.push(n);
    else m.set(n.gatewayId, [n]);
  }
  return m;
}

export const NO_NETWORKS: readonly Network[] = [];
