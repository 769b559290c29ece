// Designs several tests build the same way: by unit tests and end-to-end specs alike, so a case
// the engine is checked on is the one a person opens in the app.
import { documentOf, newGateway, newNetwork, newTunnel } from '../../shared/document/factory';
import type { TopologyDocument } from '../../shared/model/document';
import { TopologyBuilder } from '../../shared/templates/build';

/** PA-HQ's proxy ID written the ASA's way round (local and remote swapped): the reversed-selector case. */
export function reversedOnPanos(): TopologyDocument {
  const b = new TopologyBuilder('Reversed proxy ID on PA-HQ');
  const pa = b.gateway({ name: 'PA-HQ', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.10.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'hq-lan', address: '10.10.0.0/24' }] });
  const asa = b.gateway({ name: 'ASA-Branch', vendor: 'cisco-asa', vpnType: 'policy-based', outside: '203.0.113.2/24', inside: '10.20.0.1/24', position: { x: 600, y: 0 }, networks: [{ name: 'br-lan', address: '10.20.0.0/24' }] });
  b.tunnel('pa-asa', pa, asa, {
    ikeVersion: 1,
    a: { proxyIds: [{ local: '10.20.0.0/24', remote: '10.10.0.0/24' }], routes: ['10.20.0.0/24'] },
    b: { proxyIds: [{ local: '10.20.0.0/24', remote: '10.10.0.0/24' }], routes: [] },
  });
  return b.build();
}

/** A PAN-OS hub with `spokes` FortiGate spokes, one network behind each, one IKEv2 tunnel per spoke. */
export function hubWithSpokes(spokes: number): TopologyDocument {
  const h = newGateway({ id: 'hub', name: 'HUB', vendor: 'panos', position: { x: 0, y: 0 }, outsideAddress: '198.51.100.1/24' });
  const gateways = [h];
  const networks = [newNetwork({ id: 'n-hub', name: 'hub-lan', gatewayId: h.id, address: '10.0.0.0/16', position: { x: 0, y: 0 } })];
  const tunnels = [];
  for (let i = 0; i < spokes; i++) {
    const g = newGateway({ id: `s${i}`, name: `S${i}`, vendor: 'fortigate', position: { x: 0, y: i * 5 }, outsideAddress: `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}/24` });
    gateways.push(g);
    networks.push(newNetwork({ id: `n${i}`, name: `lan-${i}`, gatewayId: g.id, address: `10.${1 + Math.floor(i / 250)}.${i % 250}.0/24`, position: { x: 0, y: 0 } }));
    tunnels.push(newTunnel({ id: `t${i}`, name: `t${i}`, a: h, b: g, ikeVersion: 2 }));
  }
  return documentOf({ gateways, networks, tunnels, name: `${spokes} spokes` });
}
