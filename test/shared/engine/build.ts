// Small documents for engine tests: two gateways of given vendors and one tunnel between them.
import type { Gateway, ProxyId, TopologyDocument, Tunnel, TunnelEnd, Vendor } from '../../../shared/model/document';
import { documentOf, newGateway, newTunnel } from '../../../shared/document/factory';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

export function pid(local: string, remote: string, extra: Partial<ProxyId> = {}): ProxyId {
  return { name: '', local, remote, protocol: 'any', localPort: 'any', remotePort: 'any', ...extra };
}

export interface PairSpec {
  a?: Vendor;
  b?: Vendor;
  v?: 1 | 2;
  proxyA?: ProxyId[];
  proxyB?: ProxyId[];
  endA?: Partial<TunnelEnd>;
  endB?: Partial<TunnelEnd>;
  gwA?: Partial<Gateway>;
  gwB?: Partial<Gateway>;
  initiator?: 'a' | 'b';
}

export function pair(spec: PairSpec = {}): TopologyDocument {
  const ga = { ...newGateway({ id: 'gw-a', name: 'HQ', vendor: spec.a ?? 'panos', position: { x: 0, y: 0 }, outsideAddress: '203.0.113.1/24' }), ...spec.gwA };
  const gb = { ...newGateway({ id: 'gw-b', name: 'Branch', vendor: spec.b ?? 'panos', position: { x: 400, y: 0 }, outsideAddress: '198.51.100.1/24' }), ...spec.gwB };
  const t: Tunnel = newTunnel({ id: 't1', name: 'hq-branch', a: ga, b: gb, ikeVersion: spec.v ?? 2 });
  t.a = { ...t.a, auth: { method: 'psk', psk: 'secret' }, proxyIds: spec.proxyA ?? [], ...spec.endA };
  t.b = { ...t.b, auth: { method: 'psk', psk: 'secret' }, proxyIds: spec.proxyB ?? [], ...spec.endB };
  t.initiator = spec.initiator ?? 'a';
  return documentOf({ gateways: [ga, gb], tunnels: [t] });
}

/** HQ 10.1.0.0/16 side, Branch 10.2.0.0/16 side, mirrored. */
export const HQ = '10.1.1.0/24';
export const BR = '10.2.1.0/24';

export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

export function clone(doc: TopologyDocument): Mutable<TopologyDocument> {
  return JSON.parse(JSON.stringify(doc)) as Mutable<TopologyDocument>;
}

/**
 * The PAN-OS ↔ ASA template over IKEv2 (SHA-2, which an ASA IKEv2 policy has): PA-HQ has no
 * proxy ID, so it proposes 0.0.0.0/0 <-> 0.0.0.0/0, which the policy-based ASA refuses; the ASA
 * proposes its crypto-ACL pair, which PAN-OS narrows to and accepts.
 */
export function panAsaIkev2(initiator: 'a' | 'b', change: (d: Mutable<TopologyDocument>) => void = () => {}): TopologyDocument {
  const doc = clone(panAsaInterop());
  const t = doc.tunnels[0]!;
  t.initiator = initiator;
  for (const e of [t.a, t.b]) {
    e.ikeVersion = 2;
    e.ike.proposals = e.ike.proposals.map((p) => ({ ...p, integrity: ['sha256'] }));
    e.esp.proposals = e.esp.proposals.map((p) => ({ ...p, integrity: ['sha256'] }));
  }
  change(doc);
  return doc as TopologyDocument;
}
