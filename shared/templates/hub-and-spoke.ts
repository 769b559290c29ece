// Hub and spoke: a Palo Alto hub with three spokes of other vendors, all route-based IKEv2,
// each spoke's network routed to its tunnel interface on the hub and the hub's network on each
// spoke. With no proxy IDs every end proposes its vendor default (0.0.0.0/0 <-> 0.0.0.0/0).
import type { TopologyDocument } from '../model/document';
import { TopologyBuilder } from './build';

export function hubAndSpoke(): TopologyDocument {
  const b = new TopologyBuilder('Hub and spoke', 'A Palo Alto hub, three route-based spokes, IKEv2, default selectors.');
  const hub = b.gateway({ name: 'HQ-PA', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.0.0.1/16', position: { x: 400, y: 340 }, networks: [{ name: 'HQ LAN', address: '10.0.0.0/16' }] });
  const spokes = [
    b.gateway({ name: 'Branch-SRX', vendor: 'junos-srx', outside: '203.0.113.10/24', inside: '10.11.0.1/24', position: { x: 80, y: 80 }, networks: [{ name: 'Branch 1 LAN', address: '10.11.0.0/24' }] }),
    b.gateway({ name: 'Branch-FGT', vendor: 'fortigate', outside: '203.0.113.20/24', inside: '10.12.0.1/24', position: { x: 400, y: 60 }, networks: [{ name: 'Branch 2 LAN', address: '10.12.0.0/24' }] }),
    b.gateway({ name: 'Branch-PA', vendor: 'panos', model: 'PA-440', outside: '203.0.113.30/24', inside: '10.13.0.1/24', position: { x: 720, y: 80 }, networks: [{ name: 'Branch 3 LAN', address: '10.13.0.0/24' }] }),
  ];
  spokes.forEach((spoke, i) => {
    const spokeNet = `10.1${i + 1}.0.0/24`;
    b.tunnel(`hub-${spoke.name.toLowerCase()}`, spoke, hub, { ikeVersion: 2, a: { routes: ['10.0.0.0/16'] }, b: { routes: [spokeNet] } });
  });
  return b.build();
}
