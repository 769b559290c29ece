// Small documents for engine tests: two gateways of given vendors and one tunnel between them.
import type { Gateway, ProxyId, TopologyDocument, Tunnel, TunnelEnd, Vendor } from '../../../shared/model/document';
import { documentOf, newGateway, newTunnel } from '../../../shared/document/factory';

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
