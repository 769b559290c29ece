// Full mesh of four sites, one tunnel per pair, each with explicit mirrored traffic selectors.
import type { TopologyDocument } from '../model/document';
import { TopologyBuilder } from './build';

export function fullMesh(): TopologyDocument {
  const b = new TopologyBuilder('Full mesh', 'Four sites, six tunnels, IKEv2 with mirrored selectors on both ends.');
  const sites = [
    b.gateway({ name: 'Site-A', vendor: 'strongswan', outside: '198.51.100.11/24', position: { x: 120, y: 120 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] }),
    b.gateway({ name: 'Site-B', vendor: 'panos', outside: '198.51.100.12/24', position: { x: 620, y: 120 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] }),
    b.gateway({ name: 'Site-C', vendor: 'junos-srx', outside: '198.51.100.13/24', position: { x: 620, y: 520 }, networks: [{ name: 'C LAN', address: '10.3.0.0/24' }] }),
    b.gateway({ name: 'Site-D', vendor: 'fortigate', outside: '198.51.100.14/24', position: { x: 120, y: 520 }, networks: [{ name: 'D LAN', address: '10.4.0.0/24' }] }),
  ];
  const lan = (i: number) => `10.${i + 1}.0.0/24`;
  for (let i = 0; i < sites.length; i++) {
    for (let j = i + 1; j < sites.length; j++) {
      const a = sites[i];
      const c = sites[j];
      if (!a || !c) continue;
      b.tunnel(`${a.name}-${c.name}`.toLowerCase(), a, c, {
        ikeVersion: 2,
        a: { proxyIds: [{ local: lan(i), remote: lan(j) }], routes: [lan(j)] },
        b: { proxyIds: [{ local: lan(j), remote: lan(i) }], routes: [lan(i)] },
      });
    }
  }
  return b.build();
}
