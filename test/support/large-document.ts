// The largest design the app is tested at: 10,000 tunnels between 200 gateways (each gateway in
// 100 tunnels), built in memory, never committed as a fixture.
import type { TopologyDocument } from '../../shared/model/document';
import { documentOf, newGateway, newTunnel } from '../../shared/document/factory';

export const LARGE_TUNNELS = 10_000;

export function largeDocument(tunnels = LARGE_TUNNELS, gatewayCount = 200): TopologyDocument {
  const vendors = ['strongswan', 'panos', 'fortigate', 'cisco-asa', 'junos-srx', 'libreswan', 'cisco-ios', 'screenos'] as const;
  const gateways = Array.from({ length: gatewayCount }, (_, i) =>
    newGateway({ id: `gw-${i + 1}`, name: `site-${i + 1}`, vendor: vendors[i % vendors.length]!, position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 200 }, outsideAddress: `10.${Math.floor(i / 250)}.${i % 250}.1/24` }),
  );
  const used = new Map<string, number>();
  const next = (id: string) => {
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    return n;
  };
  const list = [];
  for (let t = 0; t < tunnels; t++) {
    const a = gateways[t % gatewayCount]!;
    const b = gateways[(t + 1 + Math.floor(t / gatewayCount)) % gatewayCount]!;
    list.push(newTunnel({ id: `tun-${t + 1}`, name: `${a.name}-${b.name}-${t + 1}`, a, b, tunnelInterfaceNumber: { a: next(a.id), b: next(b.id) } }));
  }
  return documentOf({ name: 'Ten thousand tunnels', gateways, tunnels: list });
}
